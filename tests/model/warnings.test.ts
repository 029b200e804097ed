/**
 * Warnings carry their quantities (docs/MODEL.md, "Warnings"): the template with its values in SI
 * is the message, for every warning of many scenarios; temperatures and water are quantities,
 * never unit text after a plain number, so the planner can show them in US units.
 */
import { describe, expect, it } from 'vitest'
import { loadClimate } from '../../src/cli/loadClimate'
import {
  COOLING_IDS,
  DEFAULT_SCENARIO,
  RACK_IDS,
  SITE_IDS,
  formatWarningValue,
  simulate,
  type Scenario,
  type Warning,
} from '../../src/model'

/** A spread of scenarios that raise every kind of warning (deterministic). */
function scenarios(): Scenario[] {
  const out: Scenario[] = []
  let i = 0
  for (const site of SITE_IDS)
    for (const cooling of COOLING_IDS) {
      i++
      out.push({
        ...DEFAULT_SCENARIO,
        site,
        cooling,
        rack: RACK_IDS[i % RACK_IDS.length] ?? DEFAULT_SCENARIO.rack,
        buildings: 1 + (i % 6),
        liquidSupplyC: 17 + (i % 29),
        heatReuseFraction: i % 3 === 0 ? 0.2 : 0,
        climateOffsetC: (i % 5) - 1,
        power: {
          ...DEFAULT_SCENARIO.power,
          hydroMw: [0, 100, 3000][i % 3] ?? 0,
          gridMw: [0, 50, 2000][(i >> 1) % 3] ?? 0,
          gasMw: i % 4 === 0 ? 300 : 0,
          batteryMwh: i % 5 === 0 ? 400 : 0,
          windTurbines: i % 2 === 0 ? 120 : 0,
          hydroCapacityFactor: i % 7 === 0 ? 0.48 : 1,
        },
      })
    }
  return out
}

const filled = (w: Warning): string =>
  w.template.replace(/\{(\d+)\}/g, (_, n: string) => {
    const v = w.values[Number(n)]
    if (!v) throw new Error(`${w.code}: no value ${n}`)
    return formatWarningValue(v)
  })

describe('warnings with quantities', () => {
  const warnings = scenarios().flatMap((s) => simulate(s, loadClimate(s.site)).readouts.warnings)

  it('cover the warning codes', () => {
    expect(new Set(warnings.map((w) => w.code)).size).toBeGreaterThanOrEqual(14)
  })

  it('rebuild their SI message from template and values, exactly', () => {
    for (const w of warnings) expect(filled(w), w.code).toBe(w.message)
  })

  it('keep every temperature and volume in values, none as text', () => {
    for (const w of warnings) {
      expect(w.template, w.code).not.toMatch(/°C|m³|\bK\b/)
      expect(w.template.match(/\{\d+\}/g)?.length ?? 0, w.code).toBe(w.values.length)
      for (const v of w.values) expect(Number.isFinite(v.value), w.code).toBe(true)
    }
  })

  it('write quantities in SI as the command line always has', () => {
    expect(formatWarningValue({ value: 12.345, unit: 'MW', digits: 1 })).toBe('12.3 MW')
    expect(formatWarningValue({ value: 60, to: 80, unit: '°C', digits: 0 })).toBe('60–80 °C')
    expect(formatWarningValue({ value: 710_400, unit: 'm³', digits: -3 })).toBe('710 thousand m³')
    expect(formatWarningValue({ value: 5_406_123, unit: 'm³', digits: -3 })).toBe(
      '5,406 thousand m³',
    )
  })
})
