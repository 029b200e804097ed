import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { DEFAULT_SCENARIO, RACKS, decodeClimate, simulate } from '../src/model'
import { firmSupplyMw, fitRacksToPower, racksForGpus } from '../src/state/inverse'

const narvik = decodeClimate(JSON.parse(readFileSync('assets/climate/narvik.json', 'utf8')))
const peak = (racksPerHall: number): number =>
  simulate({ ...DEFAULT_SCENARIO, racksPerHall }, narvik).readouts.facilityPeakMw

describe('fit racks to a power budget', () => {
  it.each([100, 250, 400])('finds the most racks per hall that fit %d MW', (budget) => {
    const fit = fitRacksToPower(DEFAULT_SCENARIO, narvik, budget)
    expect(fit.bound).toBe('fits')
    expect(fit.facilityPeakMw).toBeLessThanOrEqual(budget)
    expect(peak(fit.racksPerHall)).toBeCloseTo(fit.facilityPeakMw, 9)
    expect(peak(fit.racksPerHall + 1)).toBeGreaterThan(budget)
    expect(fit.scenario.buildings).toBe(DEFAULT_SCENARIO.buildings)
  })

  it('says when the budget is out of reach either way', () => {
    expect(fitRacksToPower(DEFAULT_SCENARIO, narvik, 0.01).bound).toBe('min')
    const huge = fitRacksToPower(DEFAULT_SCENARIO, narvik, 1e6)
    expect(huge.bound).toBe('max')
    expect(huge.racksPerHall).toBe(600)
  })
})

describe('GPUs → racks', () => {
  it('gives at least the GPUs asked for, with less than one rack per hall to spare', () => {
    const perRack = RACKS[DEFAULT_SCENARIO.rack].gpusPerRack
    const halls = DEFAULT_SCENARIO.buildings * DEFAULT_SCENARIO.hallsPerBuilding
    for (const gpus of [1, 1000, 100_000, 123_457]) {
      const fit = racksForGpus(DEFAULT_SCENARIO, gpus)
      expect(fit.gpuCount).toBeGreaterThanOrEqual(gpus)
      expect(fit.gpuCount - gpus).toBeLessThan(perRack * halls)
    }
  })

  it('caps at the field maximum and says so', () => {
    const fit = racksForGpus(DEFAULT_SCENARIO, 1e9)
    expect(fit.racksPerHall).toBe(600)
    expect(fit.bound).toBe('max')
  })
})

it('firm supply sums grid, hydro and gas', () => {
  // The default scenario has no supply of its own since issue 9 (the site's grid): give it some.
  const power = { ...DEFAULT_SCENARIO.power, gridMw: 100, hydroMw: 250, gasMw: 40, solarMw: 500 }
  expect(firmSupplyMw({ ...DEFAULT_SCENARIO, power })).toBe(390)
})
