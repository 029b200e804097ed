/** Invariants over random valid scenarios (fast-check): balance, bounds, monotonicity, determinism. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { loadClimate } from '../../src/cli/loadClimate'
import {
  COOLING_IDS,
  FIELDS,
  decodeClimate,
  findDesignHour,
  newHour,
  planPlant,
  prepareWeather,
  runYear,
  simulateHour,
  trySetField,
  simulate,
  DEFAULT_ASSUMPTIONS,
  DEFAULT_SCENARIO,
  type Readouts,
  type Scenario,
} from '../../src/model'
import { readFileSync } from 'node:fs'

/** A valid value for every field of the schema, on its step grid. */
const scenarioArb: fc.Arbitrary<Scenario> = fc
  .tuple(
    ...FIELDS.filter((f) => f.kind !== 'text').map((f) =>
      f.kind === 'enum'
        ? fc.constantFrom(...f.options.map((o) => o.value))
        : fc
            .integer({ min: 0, max: Math.round((f.max - f.min) / f.step) })
            .map((k) => Math.min(f.max, Number((f.min + k * f.step).toFixed(6)))),
    ),
  )
  .map((values) =>
    FIELDS.filter((f) => f.kind !== 'text').reduce(
      (s, f, i) => trySetField(s, f.path, values[i]).scenario,
      DEFAULT_SCENARIO,
    ),
  )

const run = (s: Scenario): Readouts => simulate(s, loadClimate(s.site)).readouts
const RUNS = { numRuns: 40, seed: 20261125 }

/**
 * Tolerances, stated once. Bounds the model clamps at the source (a share ≤ 1, the peak ≥ the
 * mean) hold exactly: tolerance 0. Sums over the 8,760 hours agree with their parts to a
 * relative 1e-9 (float64 rounding of an 8,760-term sum is ~1e-13 relative; 1e-9 leaves room for
 * the model's own reorderings). The supply balance sums seven sources hour by hour after
 * dispatch and is held to 1e-6 relative (battery round trips add rounding per hour). Monotonicity
 * compares two separate runs: 1e-9 MW (1 mW) absolute for power, 1e-12 for PUE.
 */
const EXACT = 0
const SUM_RELATIVE = 1e-9
const SUPPLY_RELATIVE = 1e-6
const RUN_TO_RUN_MW = 1e-9
const RUN_TO_RUN_PUE = 1e-12

function numbersOf(value: unknown, path: string, out: [string, number][]): [string, number][] {
  if (typeof value === 'number') out.push([path, value])
  else if (Array.isArray(value)) value.forEach((v, i) => numbersOf(v, `${path}[${i}]`, out))
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) numbersOf(v, `${path}.${k}`, out)
  }
  return out
}

// Each property simulates dozens of hourly years, each new site, cooling and climate offset
// building its loop kernels: 3–10 s here on a busy 2-core machine (load 3–6), so the block gets
// a timeout it stays far under.
describe('model invariants', { timeout: 60_000 }, () => {
  it('every readout is finite, PUE ≥ 1 and facility ≥ IT', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const r = run(s)
        for (const [path, value] of numbersOf(r, 'readouts', [])) {
          expect(Number.isFinite(value), path).toBe(true)
        }
        expect(r.pueAnnual).toBeGreaterThanOrEqual(1)
        expect(r.puePeak).toBeGreaterThanOrEqual(1)
        expect(r.facilityAverageMw).toBeGreaterThanOrEqual(r.itAverageMw)
        expect(r.facilityPeakMw).toBeGreaterThanOrEqual(r.itDesignMw)
        expect(r.facilityPeakMw).toBeGreaterThanOrEqual(r.facilityAverageMw - EXACT)
        expect(r.renewableShare).toBeGreaterThanOrEqual(0)
        expect(r.renewableShare).toBeLessThanOrEqual(1 + EXACT)
        expect(r.freeCoolingHours).toBeGreaterThanOrEqual(0)
        expect(r.freeCoolingHours).toBeLessThanOrEqual(8760)
      }),
      RUNS,
    )
  })

  it('annual facility energy equals the sum of its parts, and supply meets demand', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const r = run(s)
        const parts = Object.values(r.energyBreakdownGwh).reduce((sum, x) => sum + x, 0)
        expect(Math.abs(parts - r.energyGwhPerYear)).toBeLessThanOrEqual(
          SUM_RELATIVE * r.energyGwhPerYear,
        )
        const g = r.supplyGwh
        const supplied = g.wind + g.solar + g.hydro + g.battery + g.grid + g.gas + g.unserved
        expect(Math.abs(supplied - r.energyGwhPerYear)).toBeLessThanOrEqual(
          SUPPLY_RELATIVE * r.energyGwhPerYear,
        )
        expect(r.unservedMwhPerYear).toBeCloseTo(g.unserved * 1000, 6)
      }),
      RUNS,
    )
  })

  it.each([
    // The fault report's case: a flat year at full load, where the mean summed over 8,760
    // hours came out 3e-11 MW above the design hour's peak.
    ['narvik', 'air-economizer', 1],
    ['lulea', 'air-economizer', 1],
    // Fully renewable supply, where the hourly-matched share summed to 1 + 2e-13.
    ['narvik', 'dlc-seawater', 0.3],
    ['columbus', 'dlc-seawater', 0.3],
  ] as const)(
    'bounds hold exactly at the edges (%s, %s, utilization %s)',
    (site, cooling, utilization) => {
      const s = { ...DEFAULT_SCENARIO, site, cooling, utilization }
      // Wind, solar and battery far beyond the load: every hour is renewable.
      const power = {
        ...s.power,
        hydroMw: 0,
        solarMw: 20000,
        windTurbines: 2000,
        windTurbineMw: 20,
      }
      const r = run({ ...s, power: { ...power, batteryMwh: 100000 } })
      expect(r.facilityPeakMw).toBeGreaterThanOrEqual(r.facilityAverageMw)
      expect(r.renewableShare).toBeLessThanOrEqual(1)
      expect(run(s).facilityPeakMw).toBeGreaterThanOrEqual(run(s).facilityAverageMw)
    },
  )

  it('more racks never lowers IT or facility power', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 1, max: 100 }), (s, extra) => {
        const more = { ...s, racksPerHall: Math.min(600, s.racksPerHall + extra) }
        const a = run(s)
        const b = run(more)
        expect(b.itDesignMw).toBeGreaterThanOrEqual(a.itDesignMw)
        expect(b.itAverageMw).toBeGreaterThanOrEqual(a.itAverageMw)
        expect(b.facilityPeakMw).toBeGreaterThanOrEqual(a.facilityPeakMw - RUN_TO_RUN_MW)
        expect(b.facilityAverageMw).toBeGreaterThanOrEqual(a.facilityAverageMw - RUN_TO_RUN_MW)
      }),
      RUNS,
    )
  })

  it('a warmer climate offset never lowers PUE or raises free-cooling hours', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 1, max: 6 }), (s, steps) => {
        // Without heat reuse: a warmer year rightly needs less district heat, and so less heat
        // pump electricity, which can lower PUE.
        const base = {
          ...s,
          heatReuseFraction: 0,
          climateOffsetC: Math.min(s.climateOffsetC, 8 - steps),
        }
        const warmer = { ...base, climateOffsetC: base.climateOffsetC + steps }
        const a = run(base)
        const b = run(warmer)
        expect(b.pueAnnual).toBeGreaterThanOrEqual(a.pueAnnual - RUN_TO_RUN_PUE)
        expect(b.puePeak).toBeGreaterThanOrEqual(a.puePeak - RUN_TO_RUN_PUE)
        expect(b.freeCoolingHours).toBeLessThanOrEqual(a.freeCoolingHours)
      }),
      RUNS,
    )
  })

  it('the same scenario always gives the same readouts, also from a freshly decoded climate', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const first = run(s)
        const again = run({ ...s })
        const fresh = decodeClimate(
          JSON.parse(readFileSync(`assets/climate/${s.site}.json`, 'utf8')),
        )
        expect(again).toEqual(first)
        expect(simulate(s, fresh).readouts).toEqual(first)
      }),
      { ...RUNS, numRuns: 15 },
    )
  })

  it('the year’s pass over the loop kernels equals the scalar hour, hour for hour', () => {
    // The kernels (typed arrays of each loop's coefficients) and `simulateHour` share the
    // physics but not the arithmetic: the design hour and the year's sums must agree.
    const sites = ['narvik', 'phoenix', 'singapore'] as const
    for (const site of sites) {
      for (const cooling of COOLING_IDS) {
        for (const offset of [0, 6]) {
          const s = { ...DEFAULT_SCENARIO, site, cooling, climateOffsetC: offset }
          const climate = loadClimate(site)
          const plant = planPlant(s, DEFAULT_ASSUMPTIONS, climate.pressurePa)
          const weather = prepareWeather(climate, offset, DEFAULT_ASSUMPTIONS)
          const year = runYear(
            plant,
            DEFAULT_ASSUMPTIONS,
            weather,
            1,
            0,
            null,
            new Float64Array(8760),
          )
          const quick = year.design
          const full = findDesignHour(plant, DEFAULT_ASSUMPTIONS, weather)
          const what = `${site} ${cooling} +${offset}`
          expect(Math.abs(quick.facilityMw - full.facilityMw), what).toBeLessThanOrEqual(
            SUM_RELATIVE * full.facilityMw,
          )
          expect(Math.abs(quick.chillerLoadMw - full.chillerLoadMw), what).toBeLessThanOrEqual(
            SUM_RELATIVE * full.chillerLoadMw + 1e-12,
          )
          expect(quick.liquidSupplyNoChillersC, what).toBe(full.liquidSupplyNoChillersC)
        }
      }
    }
  })

  it('the year’s sums equal Σ simulateHour over 8,760 hours (with seasonal heat reuse)', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 0, max: 50 }), (base, reusePct) => {
        const s = { ...base, heatReuseFraction: reusePct / 100 }
        const climate = loadClimate(s.site)
        const a = DEFAULT_ASSUMPTIONS
        const plant = planPlant(s, a, climate.pressurePa)
        const weather = prepareWeather(climate, s.climateOffsetC, a)
        const facility = new Float64Array(8760)
        const share =
          s.heatReuseDemand === 'flat' ? new Float64Array(8760).fill(1) : weather.heatDemand
        const year = runYear(plant, a, weather, s.utilization, s.heatReuseFraction, share, facility)
        const hour = newHour()
        let energy = 0
        let water = 0
        let heatPumps = 0
        for (let i = 0; i < 8760; i++) {
          const w = {
            dryBulbC: weather.dryBulbC[i] ?? 0,
            wetBulbC: weather.wetBulbC[i] ?? 0,
            dewPointC: weather.dewPointC[i] ?? 0,
            seaC: weather.seaC[i] ?? 0,
          }
          simulateHour(plant, a, s.utilization, w, s.heatReuseFraction * (share[i] ?? 0), hour)
          expect(Math.abs(hour.facilityMw - (facility[i] ?? 0))).toBeLessThanOrEqual(
            SUM_RELATIVE * hour.facilityMw,
          )
          energy += hour.facilityMw
          water += hour.waterM3
          heatPumps += hour.heatPumpsMw
        }
        expect(Math.abs(energy - year.facilityMwh)).toBeLessThanOrEqual(SUM_RELATIVE * energy)
        expect(Math.abs(water - year.waterM3)).toBeLessThanOrEqual(SUM_RELATIVE * water + 1e-9)
        expect(Math.abs(heatPumps - year.heatPumpsMwh)).toBeLessThanOrEqual(
          SUM_RELATIVE * heatPumps + 1e-9,
        )
      }),
      { ...RUNS, numRuns: 8 },
    )
  })
})
