/**
 * Issue 9, point 7: heat reuse is reported as ERF and delivered heat, never as a lower PUE; the
 * heat pump's electricity (COP from source and supply temperatures) counts in facility energy;
 * district heating follows the season.
 */
import { describe, expect, it } from 'vitest'
import { loadClimate } from '../../src/cli/loadClimate'
import {
  DEFAULT_ASSUMPTIONS,
  DEFAULT_SCENARIO,
  heatPumpCop,
  prepareWeather,
  simulate,
  type Readouts,
  type Scenario,
} from '../../src/model'

/**
 * A test that meets a site for the first time decodes its climate and builds its loop kernels:
 * 0.1–0.5 s, up to 2 s on this busy 2-core machine, so each block gets a timeout it stays far
 * under.
 */
const SITE_WORK = { timeout: 20_000 }

const scenario = (patch: Partial<Scenario>): Scenario => ({ ...DEFAULT_SCENARIO, ...patch })
const run = (s: Scenario): Readouts => simulate(s, loadClimate(s.site)).readouts
const within = (actual: number, expected: number, tolerance: number): void => {
  expect(
    Math.abs(actual - expected),
    `${actual} vs ${expected} ± ${tolerance}`,
  ).toBeLessThanOrEqual(tolerance)
}
const a = DEFAULT_ASSUMPTIONS

describe('point 7: heat reuse', SITE_WORK, () => {
  it('heat pump COP from 40 °C loop return to a 60 °C network: 0.5 × 336.15 / 26 = 6.464 (HAND)', () => {
    // Evaporator 40 − 3 = 37 °C, condenser 60 + 3 = 63 °C (kelvin 336.15), Carnot fraction 0.5.
    within(heatPumpCop(40, 60, a), (0.5 * 336.15) / 26, 1e-9)
    // A loop warm enough for the network needs none.
    expect(heatPumpCop(55, 50, a)).toBe(Infinity)
    const r = run(scenario({ heatReuseFraction: 0.2 }))
    within(r.heatPumpCop, 6.464, 1e-3)
    // Delivered = recovered + heat pump work = recovered × COP / (COP − 1).
    within(r.heatDeliveredGwhPerYear, r.heatReusedGwhPerYear + r.energyBreakdownGwh.heatPumps, 1e-9)
    within(r.energyBreakdownGwh.heatPumps, r.heatReusedGwhPerYear / (6.464 - 1), 0.01)
  })

  it('reuse does not lower PUE where heat pumps lift the heat; it shows as ERF (HAND)', () => {
    const base = run(scenario({}))
    for (const heatReuseDemand of ['district-heating', 'flat'] as const) {
      const r = run(scenario({ heatReuseFraction: 0.3, heatReuseDemand }))
      expect(r.pueAnnual, heatReuseDemand).toBeGreaterThan(base.pueAnnual)
      within(r.erf, r.heatReusedGwhPerYear / r.energyGwhPerYear, 1e-12)
      expect(r.heatSupplyC).toBe(60)
    }
    expect(base.erf).toBe(0)
    expect(base.heatSupplyC).toBe(0)
  })

  it('direct exchange when the loop is warmer than the network: no heat pump, PUE not lowered', () => {
    // Vera Rubin at 45 °C supply: return 55 °C − 3 K ≥ a 50 °C network.
    const rubin = scenario({ rack: 'vr-nvl144', liquidSupplyC: 45 })
    const base = run(rubin)
    const r = run({ ...rubin, heatReuseFraction: 0.3, heatReuseSupplyC: 50 })
    expect(r.energyBreakdownGwh.heatPumps).toBe(0)
    expect(r.heatPumpCop).toBe(0)
    within(r.heatDeliveredGwhPerYear, r.heatReusedGwhPerYear, 1e-12)
    // Pumping the heat to the customer costs more than the cooler fans it spares here.
    expect(r.pueAnnual).toBeGreaterThanOrEqual(base.pueAnnual)
  })

  it('district heating follows the season: base load in summer, the full share on the design day (HAND)', () => {
    const weather = prepareWeather(loadClimate('narvik'), 0, a)
    // Demand = 0.15 + 0.85 × clamp((15 − T)/(15 − T_design), 0, 1).
    const broken: string[] = []
    for (let i = 0; i < 8760; i++) {
      const t = weather.dryBulbC[i] ?? 0
      const d = weather.heatDemand[i] ?? 0
      if (t >= a.heatingBaseC && d !== a.heatingBaseLoadShare) broken.push(`${i}: summer ${d}`)
      if (d < a.heatingBaseLoadShare || d > 1) broken.push(`${i}: ${d} outside [base, 1]`)
    }
    expect(broken).toEqual([])
    expect(Math.max(...weather.heatDemand)).toBe(1)
    const mean = weather.heatDemand.reduce((s, x) => s + x, 0) / 8760
    // Recovered = 0.2 × Σ heat × demand; the heat is flat over the year, so = 0.2 × heat × mean.
    const r = run(scenario({ heatReuseFraction: 0.2 }))
    const flat = run(scenario({ heatReuseFraction: 0.2, heatReuseDemand: 'flat' }))
    within(r.heatReusedGwhPerYear, flat.heatReusedGwhPerYear * mean, 1e-6)
    // Singapore never needs space heating: hot water only.
    const tropical = prepareWeather(loadClimate('singapore'), 0, a)
    expect(Math.max(...tropical.heatDemand)).toBe(a.heatingBaseLoadShare)
  })

  it('more heat goes to the network in January than in July at Narvik', () => {
    const { series } = simulate(scenario({ heatReuseFraction: 0.3 }), loadClimate('narvik'))
    const { series: none } = simulate(scenario({}), loadClimate('narvik'))
    // The heat pumps' electricity shows in the monthly facility energy (same IT all year).
    const extra = (m: number): number => (series.monthlyPue[m] ?? 0) - (none.monthlyPue[m] ?? 0)
    expect(extra(0)).toBeGreaterThan(2 * extra(6))
  })
})
