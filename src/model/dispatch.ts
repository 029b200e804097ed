import type { Assumptions } from './constants'
import { DAYS_PER_MONTH, HOURS_PER_YEAR } from './climate'
import type { Scenario } from './scenario'
import { SITES } from './sites'
import { usesSiteGrid } from './supply'
import type { Weather } from './weather'

/** Energy by source, GWh a year. */
export interface SupplyBreakdown {
  readonly wind: number
  readonly solar: number
  readonly hydro: number
  readonly battery: number
  readonly grid: number
  readonly gas: number
  readonly unserved: number
  readonly curtailed: number
}

export const SUPPLY_SOURCES = [
  'wind',
  'solar',
  'hydro',
  'battery',
  'grid',
  'gas',
  'unserved',
] as const

export interface Dispatch {
  readonly gwh: SupplyBreakdown
  readonly monthlyGwh: readonly (readonly number[])[]
  /** Location-based (GHG Protocol Scope 2): grid × grid average factor + on-site fuel, t CO₂. */
  readonly co2LocationTonnes: number
  /** Market-based: contracted and on-site clean energy at 0, the rest at the residual mix, t. */
  readonly co2MarketTonnes: number
  /** Lifecycle: every source at its lifecycle factor, t CO₂e. */
  readonly co2LifecycleTonnes: number
  /** Renewable energy matched hour by hour (on-site, contract, grid at its renewable share), MWh. */
  readonly renewableMwh: number
  /** Carbon-free energy matched hour by hour (grid at its carbon-free share), MWh. */
  readonly carbonFreeMwh: number
  /** Renewable energy claimed over the year regardless of the hour, MWh (≤ demand). */
  readonly renewableAnnualMwh: number
  readonly unservedMwh: number
  readonly unservedHours: number
  /** Wind and solar generated (used, stored or curtailed), MWh. */
  readonly windGeneratedMwh: number
  readonly solarGeneratedMwh: number
  /** Hydro energy used / its annual allowance (1 = the energy cap binds). */
  readonly hydroBudgetUsed: number
  readonly hydroScaled: boolean
  /** No supply configured: the site's grid, unlimited, was used. */
  readonly assumedGrid: boolean
  readonly firmMw: number
  /** Highest hourly draw on the grid, MW. */
  readonly gridPeakMw: number
  /** Battery charge at the start of the year = at its end, MWh (cyclic steady state). */
  readonly batteryStartMwh: number
  readonly batteryEndMwh: number
}

// The year's loops live in small functions that do nothing after the loop: V8 optimizes them
// on entry instead of mid-loop (whose code, missing feedback for what follows, deoptimized).

function sum(values: Float64Array): number {
  let total = 0
  for (let i = 0; i < values.length; i++) total += values[i] ?? 0
  return total
}

function max(values: Float64Array): number {
  let most = 0
  for (let i = 0; i < values.length; i++) most = Math.max(most, values[i] ?? 0)
  return most
}

/** Hydro energy the campus would take without the plant's energy cap, MWh. */
function hydroWithoutCap(
  facility: Float64Array,
  windPerMw: Float64Array,
  solarPerMw: Float64Array,
  windMw: number,
  solarMw: number,
  hydroMw: number,
): number {
  let wanted = 0
  for (let i = 0; i < facility.length; i++) {
    const renewable = windMw * (windPerMw[i] ?? 0) + solarMw * (solarPerMw[i] ?? 0)
    const need = (facility[i] ?? 0) - renewable
    wanted += need <= 0 ? 0 : Math.min(need, hydroMw)
  }
  return wanted
}

/** Most passes of the year to find the battery's cyclic start charge. */
const BATTERY_PASSES = 8

/** One pass of the year's dispatch: its inputs, the battery's charge, and the sums. */
interface Pass {
  readonly facility: Float64Array
  readonly windPerMw: Float64Array
  readonly solarPerMw: Float64Array
  readonly windMw: number
  readonly solarMw: number
  readonly hydroMw: number
  readonly hydroScale: number
  readonly gasMw: number
  readonly ppaMw: number
  readonly gridCap: number
  readonly batteryMwh: number
  readonly batteryMw: number
  readonly roundTrip: number
  readonly gridRenewable: number
  readonly gridCarbonFree: number
  /** Energy by source per month, MWh: [month × SUPPLY_SOURCES.length + source]. */
  readonly monthly: Float64Array
  charge: number
  wind: number
  solar: number
  windGenerated: number
  solarGenerated: number
  windTaken: number
  solarTaken: number
  hydro: number
  battery: number
  grid: number
  gas: number
  unserved: number
  unservedHours: number
  curtailed: number
  renewable: number
  carbonFree: number
  marketGrid: number
  gridPeak: number
}

const SOURCES = SUPPLY_SOURCES.length

/**
 * Dispatch of hours [from, to), all in month `month`: merit order per hour, sums into the pass.
 * A module function called a month at a time (not one closure over the year), so V8 optimizes
 * it on entry with full type feedback.
 */
function dispatchHours(s: Pass, from: number, to: number, month: number): void {
  const { facility, windPerMw, solarPerMw, windMw, solarMw, hydroMw, hydroScale, gasMw } = s
  const { ppaMw, gridCap, batteryMwh, batteryMw, roundTrip, gridRenewable, gridCarbonFree } = s
  const hasRenewables = windMw > 0 || solarMw > 0
  let charge = s.charge
  let wind = 0
  let solar = 0
  let windGenerated = 0
  let solarGenerated = 0
  let windTaken = 0
  let solarTaken = 0
  let hydro = 0
  let battery = 0
  let gridSum = 0
  let gas = 0
  let unserved = 0
  let unservedHours = 0
  let curtailed = 0
  let renewable = 0
  let carbonFree = 0
  let marketGrid = 0
  let gridPeak = s.gridPeak
  for (let i = from; i < to; i++) {
    const demand = facility[i] ?? 0
    let need = demand
    let windUsed = 0
    let solarUsed = 0
    if (hasRenewables) {
      const windGen = windMw * (windPerMw[i] ?? 0)
      const solarGen = solarMw * (solarPerMw[i] ?? 0)
      windGenerated += windGen
      solarGenerated += solarGen
      const reGen = windGen + solarGen
      const reUsed = Math.min(demand, reGen)
      let surplus = reGen - reUsed
      let stored = 0
      if (surplus > 0 && charge < batteryMwh) {
        stored = Math.min(surplus, batteryMw, (batteryMwh - charge) / roundTrip)
        charge += stored * roundTrip
        surplus -= stored
      }
      curtailed += surplus
      need -= reUsed
      // Wind and solar used directly or stored carry their lifecycle emissions; the battery's
      // output was counted when it was charged.
      const windShare = reGen > 0 ? windGen / reGen : 0
      windUsed = reUsed * windShare
      solarUsed = reUsed - windUsed
      windTaken += (reUsed + stored) * windShare
      solarTaken += (reUsed + stored) * (1 - windShare)
    }
    const hydroOut = Math.min(need, hydroMw) * hydroScale
    need -= hydroOut
    let batteryOut = 0
    if (charge > 0 && need > 0) {
      batteryOut = Math.min(need, batteryMw, charge)
      charge -= batteryOut
      need -= batteryOut
    }
    const gridOut = Math.min(need, gridCap)
    need -= gridOut
    const gasOut = Math.min(need, gasMw)
    need -= gasOut
    if (need > 1e-9) {
      unserved += need
      unservedHours++
    } else {
      need = 0
    }
    // The contract is matched hour by hour against grid energy; the rest of the grid energy
    // carries the grid's shares (renewable, carbon-free) and the residual mix.
    const contract = Math.min(gridOut, ppaMw)
    const gridRest = gridOut - contract
    const onSite = windUsed + solarUsed + hydroOut + batteryOut
    renewable += onSite + contract + gridRest * gridRenewable
    carbonFree += onSite + contract + gridRest * gridCarbonFree
    marketGrid += gridRest
    gridPeak = Math.max(gridPeak, gridOut)
    wind += windUsed
    solar += solarUsed
    hydro += hydroOut
    battery += batteryOut
    gridSum += gridOut
    gas += gasOut
  }
  const row = month * SOURCES
  const m = s.monthly
  m[row] = (m[row] ?? 0) + wind
  m[row + 1] = (m[row + 1] ?? 0) + solar
  m[row + 2] = (m[row + 2] ?? 0) + hydro
  m[row + 3] = (m[row + 3] ?? 0) + battery
  m[row + 4] = (m[row + 4] ?? 0) + gridSum
  m[row + 5] = (m[row + 5] ?? 0) + gas
  m[row + 6] = (m[row + 6] ?? 0) + unserved
  s.charge = charge
  s.wind += wind
  s.solar += solar
  s.windGenerated += windGenerated
  s.solarGenerated += solarGenerated
  s.windTaken += windTaken
  s.solarTaken += solarTaken
  s.hydro += hydro
  s.battery += battery
  s.grid += gridSum
  s.gas += gas
  s.unserved += unserved
  s.unservedHours += unservedHours
  s.curtailed += curtailed
  s.renewable += renewable
  s.carbonFree += carbonFree
  s.marketGrid += marketGrid
  s.gridPeak = gridPeak
}

/**
 * The grid alone carries every hour (no wind, solar, hydro or battery, and the connection covers
 * the peak): `dispatchHours` reduced to its sums.
 */
function gridOnlyHours(s: Pass, from: number, to: number, month: number): void {
  const { facility, ppaMw, gridRenewable, gridCarbonFree } = s
  let gridSum = 0
  let contractSum = 0
  let gridPeak = s.gridPeak
  for (let i = from; i < to; i++) {
    const demand = facility[i] ?? 0
    gridSum += demand
    contractSum += Math.min(demand, ppaMw)
    gridPeak = Math.max(gridPeak, demand)
  }
  const rest = gridSum - contractSum
  const row = month * SOURCES + 4
  s.monthly[row] = (s.monthly[row] ?? 0) + gridSum
  s.grid += gridSum
  s.renewable += contractSum + rest * gridRenewable
  s.carbonFree += contractSum + rest * gridCarbonFree
  s.marketGrid += rest
  s.gridPeak = gridPeak
}

/**
 * Hourly supply dispatch in merit order: wind and solar, hydro (MW cap; its annual energy
 * spread in proportion to need when the energy cap binds), battery, grid, gas; what is left is
 * unserved. Surplus wind and solar charge the battery, the rest is curtailed. The battery starts
 * the year with the charge it ends it with (passes repeated until they agree). Carbon three ways
 * and the hourly renewable and carbon-free shares are summed hour by hour.
 */
export function dispatchSupply(
  scenario: Scenario,
  facility: Float64Array,
  weather: Weather,
  a: Assumptions,
): Dispatch {
  const p = scenario.power
  const grid = SITES[scenario.site].grid
  const windMw = p.windTurbines * p.windTurbineMw
  const assumedGrid = usesSiteGrid(scenario)
  const gridCap = assumedGrid ? Infinity : p.gridMw
  const batteryMw = p.batteryMwh / a.batteryHours
  const hydroMw = p.hydroMw
  const solarMw = p.solarMw
  const ppaMw = p.ppaMw
  const batteryMwh = p.batteryMwh
  const windPerMw = weather.windPerMw
  const solarPerMw = weather.solarPerMw
  const residual = grid.residualKgCo2PerKwh ?? grid.kgCo2PerKwh
  // Module imports as locals: bundlers and test runners may turn them into getters.
  const hours = HOURS_PER_YEAR

  // Hydro: what it would give without an energy cap, then scaled to the annual allowance.
  const hydroWanted =
    hydroMw > 0 ? hydroWithoutCap(facility, windPerMw, solarPerMw, windMw, solarMw, hydroMw) : 0
  const hydroBudget = hydroMw * hours * p.hydroCapacityFactor
  const hydroScale = hydroWanted > hydroBudget ? hydroBudget / hydroWanted : 1
  const demandSum = sum(facility)
  const peak = max(facility)
  const gridOnly =
    windMw === 0 && solarMw === 0 && hydroMw === 0 && batteryMwh === 0 && peak <= gridCap
  const runPass = (charge: number): Pass => {
    const pass: Pass = {
      facility,
      windPerMw,
      solarPerMw,
      windMw,
      solarMw,
      hydroMw,
      hydroScale,
      gasMw: p.gasMw,
      ppaMw,
      gridCap,
      batteryMwh,
      batteryMw,
      roundTrip: a.batteryRoundTrip,
      gridRenewable: grid.renewableShare,
      gridCarbonFree: grid.carbonFreeShare,
      monthly: new Float64Array(12 * SOURCES),
      charge,
      wind: 0,
      solar: 0,
      windGenerated: 0,
      solarGenerated: 0,
      windTaken: 0,
      solarTaken: 0,
      hydro: 0,
      battery: 0,
      grid: 0,
      gas: 0,
      unserved: 0,
      unservedHours: 0,
      curtailed: 0,
      renewable: 0,
      carbonFree: 0,
      marketGrid: 0,
      gridPeak: 0,
    }
    let from = 0
    for (let m = 0; m < 12; m++) {
      const to = from + 24 * (DAYS_PER_MONTH[m] ?? 30)
      if (gridOnly) gridOnlyHours(pass, from, to, m)
      else dispatchHours(pass, from, to, m)
      from = to
    }
    return pass
  }
  let start = batteryMwh / 2
  let r = runPass(start)
  for (let k = 1; k < BATTERY_PASSES && batteryMwh > 0; k++) {
    if (Math.abs(r.charge - start) <= 1e-9 * batteryMwh) break
    start = r.charge
    r = runPass(start)
  }

  // Emissions are linear in energy: t = MWh × 1000 kWh/MWh × kg/kWh ÷ 1000 kg/t = MWh × kg/kWh.
  const co2Location = r.grid * grid.kgCo2PerKwh + r.gas * a.gasKgPerKwh
  const co2Market = r.marketGrid * residual + r.gas * a.gasKgPerKwh
  const co2Lifecycle =
    r.windTaken * a.windLifecycleKgPerKwh +
    r.solarTaken * a.solarLifecycleKgPerKwh +
    r.hydro * a.hydroLifecycleKgPerKwh +
    r.grid * grid.lifecycleKgCo2PerKwh +
    r.gas * a.gasKgPerKwh * a.gasLifecycleFactor
  // Annual matching: every MWh of renewable generation and contract volume counts, whatever
  // the hour, up to the year's demand.
  const contractVolume = ppaMw * hours
  const gridUncontracted = Math.max(0, r.grid - contractVolume)
  const renewableAnnual = Math.min(
    demandSum,
    r.windGenerated +
      r.solarGenerated +
      r.hydro +
      Math.min(contractVolume, r.grid) +
      gridUncontracted * grid.renewableShare,
  )
  const monthly = r.monthly
  return {
    gwh: {
      wind: r.wind / 1000,
      solar: r.solar / 1000,
      hydro: r.hydro / 1000,
      battery: r.battery / 1000,
      grid: r.grid / 1000,
      gas: r.gas / 1000,
      unserved: r.unserved / 1000,
      curtailed: r.curtailed / 1000,
    },
    monthlyGwh: Array.from({ length: 12 }, (_, m) =>
      Array.from({ length: SOURCES }, (_, k) => (monthly[m * SOURCES + k] ?? 0) / 1000),
    ),
    co2LocationTonnes: co2Location,
    co2MarketTonnes: co2Market,
    co2LifecycleTonnes: co2Lifecycle,
    renewableMwh: r.renewable,
    carbonFreeMwh: r.carbonFree,
    renewableAnnualMwh: renewableAnnual,
    unservedMwh: r.unserved,
    unservedHours: r.unservedHours,
    windGeneratedMwh: r.windGenerated,
    solarGeneratedMwh: r.solarGenerated,
    hydroBudgetUsed: hydroBudget > 0 ? r.hydro / hydroBudget : 0,
    hydroScaled: hydroScale < 1,
    assumedGrid,
    firmMw: gridCap + hydroMw + p.gasMw + batteryMw,
    gridPeakMw: r.gridPeak,
    batteryStartMwh: start,
    batteryEndMwh: r.charge,
  }
}
