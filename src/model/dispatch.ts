import type { Assumptions } from './constants'
import { HOURS_PER_YEAR, MONTH_OF_HOUR } from './climate'
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

/** Most passes of the year to find the battery's cyclic start charge. */
const BATTERY_PASSES = 8

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

  // Locals, not property reads, in the 8,760-hour loops.
  const hydroMw = p.hydroMw
  const solarMw = p.solarMw
  const gasMw = p.gasMw
  const ppaMw = p.ppaMw
  const batteryMwh = p.batteryMwh
  const roundTrip = a.batteryRoundTrip
  const windPerMw = weather.windPerMw
  const solarPerMw = weather.solarPerMw
  const hasRenewables = windMw > 0 || solarMw > 0
  const gridRenewable = grid.renewableShare
  const gridCarbonFree = grid.carbonFreeShare
  const residual = grid.residualKgCo2PerKwh ?? grid.kgCo2PerKwh
  // Module imports as locals: bundlers and test runners may turn them into getters.
  const hours = HOURS_PER_YEAR
  const monthOf = MONTH_OF_HOUR

  // Hydro: what it would give without an energy cap, then scaled to the annual allowance.
  let hydroWanted = 0
  if (hydroMw > 0) {
    for (let i = 0; i < hours; i++) {
      const renewable = hasRenewables
        ? windMw * (windPerMw[i] ?? 0) + solarMw * (solarPerMw[i] ?? 0)
        : 0
      const need = (facility[i] ?? 0) - renewable
      hydroWanted += need <= 0 ? 0 : need < hydroMw ? need : hydroMw
    }
  }
  const hydroBudget = hydroMw * HOURS_PER_YEAR * p.hydroCapacityFactor
  const hydroScale = hydroWanted > hydroBudget ? hydroBudget / hydroWanted : 1

  const sources = SUPPLY_SOURCES.length
  const monthly = new Float64Array(12 * sources)
  // Grid alone (the common case: the site's grid, or a connection that covers every hour):
  // a single pass of sums, no merit order.
  let peak = 0
  for (let i = 0; i < hours; i++) if ((facility[i] ?? 0) > peak) peak = facility[i] ?? 0
  const gridOnly = !hasRenewables && hydroMw === 0 && batteryMwh === 0 && peak <= gridCap
  let start = batteryMwh / 2
  let pass = gridOnly ? gridPass() : runPass(start)
  for (let k = 1; k < BATTERY_PASSES && batteryMwh > 0; k++) {
    if (Math.abs(pass.endCharge - start) <= 1e-9 * batteryMwh) break
    start = pass.endCharge
    pass = runPass(start)
  }

  function gridPass(): ReturnType<typeof runPass> {
    monthly.fill(0)
    let gridSum = 0
    let contractSum = 0
    for (let i = 0; i < hours; i++) {
      const demand = facility[i] ?? 0
      const contract = demand < ppaMw ? demand : ppaMw
      gridSum += demand
      contractSum += contract
      const row = (monthOf[i] ?? 0) * sources + 4
      monthly[row] = (monthly[row] ?? 0) + demand
    }
    const rest = gridSum - contractSum
    return {
      endCharge: 0,
      wind: 0,
      solar: 0,
      windGenerated: 0,
      solarGenerated: 0,
      windTaken: 0,
      solarTaken: 0,
      hydro: 0,
      battery: 0,
      grid: gridSum,
      gas: 0,
      unserved: 0,
      unservedHours: 0,
      curtailed: 0,
      renewable: contractSum + rest * gridRenewable,
      carbonFree: contractSum + rest * gridCarbonFree,
      marketGrid: rest,
      gridPeak: peak,
    }
  }

  function runPass(charge0: number) {
    monthly.fill(0)
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
    let gridPeak = 0
    let charge = charge0
    for (let i = 0; i < hours; i++) {
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
        const reUsed = demand < reGen ? demand : reGen
        let surplus = reGen - reUsed
        let stored = 0
        if (surplus > 0 && charge < batteryMwh) {
          stored = Math.min(surplus, batteryMw, (batteryMwh - charge) / roundTrip)
          charge += stored * roundTrip
          surplus -= stored
        }
        curtailed += surplus
        need -= reUsed
        // Wind and solar used directly or stored carry their lifecycle emissions; the
        // battery's output was counted when it was charged.
        const windShare = reGen > 0 ? windGen / reGen : 0
        windUsed = reUsed * windShare
        solarUsed = reUsed - windUsed
        windTaken += (reUsed + stored) * windShare
        solarTaken += (reUsed + stored) * (1 - windShare)
      }
      const hydroOut = (need < hydroMw ? need : hydroMw) * hydroScale
      need -= hydroOut
      let batteryOut = 0
      if (charge > 0 && need > 0) {
        batteryOut = Math.min(need, batteryMw, charge)
        charge -= batteryOut
        need -= batteryOut
      }
      const gridOut = need < gridCap ? need : gridCap
      need -= gridOut
      const gasOut = need < gasMw ? need : gasMw
      need -= gasOut
      if (need > 1e-9) {
        unserved += need
        unservedHours++
      } else {
        need = 0
      }
      // The contract is matched hour by hour against grid energy; the rest of the grid energy
      // carries the grid's shares (renewable, carbon-free) and the residual mix.
      const contract = gridOut < ppaMw ? gridOut : ppaMw
      const gridRest = gridOut - contract
      const onSite = windUsed + solarUsed + hydroOut + batteryOut
      renewable += onSite + contract + gridRest * gridRenewable
      carbonFree += onSite + contract + gridRest * gridCarbonFree
      marketGrid += gridRest
      if (gridOut > gridPeak) gridPeak = gridOut
      wind += windUsed
      solar += solarUsed
      hydro += hydroOut
      battery += batteryOut
      gridSum += gridOut
      gas += gasOut
      const row = (monthOf[i] ?? 0) * sources
      monthly[row] = (monthly[row] ?? 0) + windUsed
      monthly[row + 1] = (monthly[row + 1] ?? 0) + solarUsed
      monthly[row + 2] = (monthly[row + 2] ?? 0) + hydroOut
      monthly[row + 3] = (monthly[row + 3] ?? 0) + batteryOut
      monthly[row + 4] = (monthly[row + 4] ?? 0) + gridOut
      monthly[row + 5] = (monthly[row + 5] ?? 0) + gasOut
      monthly[row + 6] = (monthly[row + 6] ?? 0) + need
    }
    return {
      endCharge: charge,
      wind,
      solar,
      windGenerated,
      solarGenerated,
      windTaken,
      solarTaken,
      hydro,
      battery,
      grid: gridSum,
      gas,
      unserved,
      unservedHours,
      curtailed,
      renewable,
      carbonFree,
      marketGrid,
      gridPeak,
    }
  }

  const r = pass
  let demandSum = 0
  for (let i = 0; i < hours; i++) demandSum += facility[i] ?? 0
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
  const contractVolume = ppaMw * HOURS_PER_YEAR
  const gridUncontracted = Math.max(0, r.grid - contractVolume)
  const renewableAnnual = Math.min(
    demandSum,
    r.windGenerated +
      r.solarGenerated +
      r.hydro +
      Math.min(contractVolume, r.grid) +
      gridUncontracted * gridRenewable,
  )
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
      Array.from({ length: sources }, (_, k) => (monthly[m * sources + k] ?? 0) / 1000),
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
    firmMw: gridCap + hydroMw + gasMw + batteryMw,
    gridPeakMw: r.gridPeak,
    batteryStartMwh: start,
    batteryEndMwh: r.endCharge,
  }
}
