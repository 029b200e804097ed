import { DEFAULT_ASSUMPTIONS, type Assumptions } from './constants'
import { HOURS_PER_YEAR, MONTH_OF_HOUR, shiftClimate, type Climate } from './climate'
import {
  adiabaticSinkC,
  newHour,
  planPlant,
  simulateHour,
  sinkTemperatureC,
  type Hour,
  type Loop,
  type Plant,
} from './plant'
import { RACKS } from './racks'
import { finalScenario, type Scenario } from './scenario'
import { INLAND_WATER_MIN_C, SITES } from './sites'
import { solarProfile, windProfile } from './supply'
import { collectWarnings, type Warning } from './warnings'

/** Readouts of one scenario (docs/ARCHITECTURE.md contract, plus extras). Units in the names. */
export interface Readouts {
  readonly rackCount: number
  readonly gpuCount: number
  readonly itDesignMw: number
  readonly itAverageMw: number
  readonly facilityPeakMw: number
  readonly facilityAverageMw: number
  readonly pueAnnual: number
  readonly puePeak: number
  readonly coolingDesignMwTh: number
  readonly freeCoolingHours: number
  readonly waterM3PerYear: number
  readonly wueLPerKwh: number
  readonly energyGwhPerYear: number
  readonly co2TonnesPerYear: number
  readonly cueKgPerKwh: number
  readonly renewableShare: number
  readonly unservedMwhPerYear: number
  readonly computeBf16Pflops: number
  readonly buildingFloorM2: number
  readonly siteAreaHa: number
  readonly warnings: readonly Warning[]
  // Extras.
  readonly computeFp8Pflops: number
  readonly computeFp4Pflops: number
  readonly itEnergyGwhPerYear: number
  readonly chillerCapacityMwTh: number
  readonly peakDayWaterM3: number
  readonly heatReusedGwhPerYear: number
  readonly designHour: number
  readonly designDryBulbC: number
  readonly designWetBulbC: number
  readonly gridConnectionMva: number
  readonly backupGenerators: number
  readonly whiteSpaceM2: number
  readonly windFarmAreaHa: number
  readonly solarFieldAreaHa: number
  readonly unservedHours: number
  /** Hours of the year in which the liquid loop needs chillers. */
  readonly liquidChillerHours: number
  readonly supplyGwh: SupplyBreakdown
  readonly energyBreakdownGwh: EnergyBreakdown
}

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

/** Annual facility energy by where it goes; the parts sum to `energyGwhPerYear`. */
export interface EnergyBreakdown {
  readonly it: number
  readonly ups: number
  readonly distribution: number
  readonly transformers: number
  readonly lighting: number
  readonly crahFans: number
  readonly chillers: number
  readonly heatRejectionFans: number
  readonly pumps: number
}

/** Hourly and monthly series for charts. */
export interface Series {
  readonly dryBulbC: Float32Array
  readonly wetBulbC: Float32Array
  readonly pue: Float32Array
  readonly facilityMw: Float32Array
  /** Monthly energy by source, GWh: [month][source] in SUPPLY_SOURCES order. */
  readonly monthlySupplyGwh: readonly (readonly number[])[]
  readonly monthlyPue: readonly number[]
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

export interface Evaluation {
  readonly readouts: Readouts
  readonly series: Series
}

/** Year-invariant inputs derived from the climate; memoised on the climate and offset. */
export interface Weather {
  readonly climate: Climate
  readonly offsetC: number
  readonly dryBulbC: Float32Array
  readonly wetBulbC: Float32Array
  readonly seaC: Float32Array
  readonly windPerMw: Float64Array
  readonly solarPerMw: Float64Array
}

/** Wind and solar output per MW depend on the site alone, not on the climate offset. */
const profileCache = new WeakMap<
  Climate,
  { a: Assumptions; windPerMw: Float64Array; solarPerMw: Float64Array }
>()

function supplyProfiles(
  climate: Climate,
  a: Assumptions,
): { windPerMw: Float64Array; solarPerMw: Float64Array } {
  const cached = profileCache.get(climate)
  if (cached && cached.a === a) return cached
  const site = SITES[climate.id]
  const profiles = {
    a,
    windPerMw: windProfile(climate, a),
    solarPerMw: solarProfile(climate, site.solarCapacityFactor, site.lat, site.lon),
  }
  profileCache.set(climate, profiles)
  return profiles
}

let lastWeather: Weather | null = null
let lastWeatherAssumptions: Assumptions | null = null

export function prepareWeather(climate: Climate, offsetC: number, a: Assumptions): Weather {
  if (
    lastWeather !== null &&
    lastWeather.climate === climate &&
    lastWeather.offsetC === offsetC &&
    lastWeatherAssumptions === a
  ) {
    return lastWeather
  }
  const site = SITES[climate.id]
  const { dryBulbC, wetBulbC } = shiftClimate(climate, offsetC)
  const monthlySea = new Float64Array(12)
  if (site.seaTempMonthlyC) {
    site.seaTempMonthlyC.forEach((t, m) => (monthlySea[m] = t + offsetC))
  } else {
    // Inland: a lake or river near the monthly mean air temperature, never below 4 °C.
    const sums = new Float64Array(12)
    const counts = new Float64Array(12)
    for (let i = 0; i < HOURS_PER_YEAR; i++) {
      const m = MONTH_OF_HOUR[i] ?? 0
      sums[m] = (sums[m] ?? 0) + (dryBulbC[i] ?? 0)
      counts[m] = (counts[m] ?? 0) + 1
    }
    for (let m = 0; m < 12; m++)
      monthlySea[m] = Math.max(INLAND_WATER_MIN_C, (sums[m] ?? 0) / (counts[m] || 1))
  }
  const seaC = new Float32Array(HOURS_PER_YEAR)
  for (let i = 0; i < HOURS_PER_YEAR; i++) seaC[i] = monthlySea[MONTH_OF_HOUR[i] ?? 0] ?? 0
  lastWeather = {
    climate,
    offsetC,
    dryBulbC,
    wetBulbC,
    seaC,
    ...supplyProfiles(climate, a),
  }
  lastWeatherAssumptions = a
  return lastWeather
}

/**
 * Simulates the scenario hour by hour over the site's typical year and returns its readouts
 * and series. Pure: the same scenario and climate always give the same result.
 * `climate` must be the scenario's site.
 */
export function simulate(
  input: Scenario,
  climate: Climate,
  a: Assumptions = DEFAULT_ASSUMPTIONS,
): Evaluation {
  // A scenario with phases is evaluated as built out, its last phase (`simulatePhases` runs each).
  const scenario = finalScenario(input)
  if (climate.id !== scenario.site) {
    throw new Error(`climate is for ${climate.id}, scenario is at ${scenario.site}`)
  }
  const site = SITES[scenario.site]
  const rack = RACKS[scenario.rack]
  const plant = planPlant(scenario, a)
  const weather = prepareWeather(climate, scenario.climateOffsetC, a)
  const u = scenario.utilization
  const reuse = scenario.heatReuseFraction
  const hour = newHour()

  // Design: the worst hour of the year at full load, with no credit for heat reuse (a heat
  // customer cannot be relied on at the design hour).
  const design = findDesignHour(plant, a, weather)

  // Annual pass at the scenario's utilization.
  const facility = new Float64Array(HOURS_PER_YEAR)
  const pue = new Float32Array(HOURS_PER_YEAR)
  const facilityF32 = new Float32Array(HOURS_PER_YEAR)
  let itSum = 0
  let facilitySum = 0
  let upsSum = 0
  let distSum = 0
  let trSum = 0
  let lightSum = 0
  let crahSum = 0
  let chillerSum = 0
  let rejectFanSum = 0
  let pumpSum = 0
  let waterSum = 0
  let reusedSum = 0
  let freeHours = 0
  let liquidChillerHours = 0
  let peakDayWater = 0
  let dayWater = 0
  const monthIt = new Float64Array(12)
  const monthFacility = new Float64Array(12)
  for (let i = 0; i < HOURS_PER_YEAR; i++) {
    simulateHourAt(plant, a, u, weather, i, reuse, hour)
    const f = hour.facilityMw
    facility[i] = f
    facilityF32[i] = f
    pue[i] = f / hour.itMw
    itSum += hour.itMw
    facilitySum += f
    upsSum += hour.upsLossMw
    distSum += hour.distributionLossMw
    trSum += hour.transformerLossMw
    lightSum += hour.lightingMw
    crahSum += hour.crahFansMw
    chillerSum += hour.chillersMw
    rejectFanSum += hour.heatRejectionFansMw
    pumpSum += hour.pumpsMw
    waterSum += hour.waterM3
    reusedSum += hour.reusedMw
    if (hour.freeCooling) freeHours++
    if (!hour.liquidFree) liquidChillerHours++
    dayWater += hour.waterM3
    if (i % 24 === 23) {
      if (dayWater > peakDayWater) peakDayWater = dayWater
      dayWater = 0
    }
    const m = MONTH_OF_HOUR[i] ?? 0
    monthIt[m] = (monthIt[m] ?? 0) + hour.itMw
    monthFacility[m] = (monthFacility[m] ?? 0) + f
  }

  const dispatch = dispatchSupply(scenario, facility, weather, a)

  const itEnergyMwh = itSum
  // The peak can never be below the year's mean; at utilization 1 with a flat year the two are
  // equal and the 8,760-term sum can round a hair above the design hour: clamp at the source.
  const facilityPeakMw = Math.max(design.facilityMw, facilitySum / HOURS_PER_YEAR)
  const rackCount = plant.rackCount
  const whiteSpacePerRack =
    rack.liquidShare > 0 ? a.whiteSpaceLiquidM2PerRack : a.whiteSpaceAirM2PerRack
  const whiteSpaceM2 = rackCount * whiteSpacePerRack
  const windMw = scenario.power.windTurbines * scenario.power.windTurbineMw
  const generators = Math.ceil(facilityPeakMw / (a.generatorUnitMw * a.generatorDerate))
  const spareGenerators =
    scenario.redundancy === '2N'
      ? generators
      : scenario.redundancy === 'N+1'
        ? Math.ceil(generators / 10)
        : 0

  const base = {
    rackCount,
    gpuCount: plant.gpuCount,
    itDesignMw: plant.itDesignMw,
    itAverageMw: itSum / HOURS_PER_YEAR,
    facilityPeakMw,
    facilityAverageMw: facilitySum / HOURS_PER_YEAR,
    pueAnnual: facilitySum / itSum,
    puePeak: facilityPeakMw / plant.itDesignMw,
    coolingDesignMwTh: design.heatMw + design.chillersMw,
    freeCoolingHours: freeHours,
    liquidChillerHours,
    waterM3PerYear: waterSum,
    // m³ × 1000 L / (MWh × 1000 kWh)
    wueLPerKwh: waterSum / itEnergyMwh,
    energyGwhPerYear: facilitySum / 1000,
    co2TonnesPerYear: dispatch.co2Tonnes,
    // t × 1000 kg / (MWh × 1000 kWh)
    cueKgPerKwh: dispatch.co2Tonnes / itEnergyMwh,
    // A share: the hourly sums can round a hair past 1 (1 + 2e-13) when every hour is renewable.
    renewableShare: Math.min(1, dispatch.renewableMwh / facilitySum),
    unservedMwhPerYear: dispatch.unservedMwh,
    computeBf16Pflops: (plant.gpuCount * rack.bf16Tflops) / 1000,
    buildingFloorM2: whiteSpaceM2 + (plant.itDesignMw * 1000) / a.supportFloorKwPerM2,
    siteAreaHa: facilityPeakMw / a.siteMwPerHa,
    computeFp8Pflops: (plant.gpuCount * rack.fp8Tflops) / 1000,
    computeFp4Pflops: (plant.gpuCount * rack.fp4Tflops) / 1000,
    itEnergyGwhPerYear: itEnergyMwh / 1000,
    chillerCapacityMwTh: design.chillerLoadMw,
    peakDayWaterM3: peakDayWater,
    heatReusedGwhPerYear: reusedSum / 1000,
    designHour: design.hour,
    designDryBulbC: weather.dryBulbC[design.hour] ?? NaN,
    designWetBulbC: weather.wetBulbC[design.hour] ?? NaN,
    gridConnectionMva: (facilityPeakMw / a.gridPowerFactor) * a.gridMargin,
    backupGenerators: generators + spareGenerators,
    whiteSpaceM2,
    windFarmAreaHa: windMw * a.windFarmHaPerMw,
    solarFieldAreaHa: scenario.power.solarMw * SOLAR_HA_PER_MW,
    unservedHours: dispatch.unservedHours,
    supplyGwh: dispatch.gwh,
    energyBreakdownGwh: {
      it: itSum / 1000,
      ups: upsSum / 1000,
      distribution: distSum / 1000,
      transformers: trSum / 1000,
      lighting: lightSum / 1000,
      crahFans: crahSum / 1000,
      chillers: chillerSum / 1000,
      heatRejectionFans: rejectFanSum / 1000,
      pumps: pumpSum / 1000,
    },
  }
  const warnings = collectWarnings({
    scenario,
    site,
    rack,
    plant,
    readouts: base,
    design,
    climate,
    dispatch,
    assumptions: a,
  })
  const monthlyPue = Array.from(monthFacility, (f, m) => f / (monthIt[m] ?? 1))
  return {
    readouts: { ...base, warnings },
    series: {
      dryBulbC: weather.dryBulbC,
      wetBulbC: weather.wetBulbC,
      pue,
      facilityMw: facilityF32,
      monthlySupplyGwh: dispatch.monthlyGwh,
      monthlyPue,
    },
  }
}

/** Land per MW of solar PV (AC), ha: Ong et al., NREL/TP-6A20-56290 (2013), total area. */
export const SOLAR_HA_PER_MW = 2.9

export interface DesignHour {
  readonly hour: number
  readonly facilityMw: number
  readonly heatMw: number
  readonly chillersMw: number
  readonly chillerLoadMw: number
  readonly freeCooling: boolean
  /** True when the liquid loop alone needs chillers at the design hour. */
  readonly liquidNeedsChillers: boolean
  /** Lowest liquid supply temperature that needs no chiller in any hour of the year, °C. */
  readonly liquidSupplyNoChillersC: number
}

/**
 * Hours that can be the design hour: full-load facility power rises with the sink temperature
 * (dry bulb for dry coolers, wet bulb for towers, the wetted-pad outlet temperature for
 * adiabatic coolers and the economiser, sea temperature for seawater), so the worst hour is
 * among the hottest hours of each of those series and each month's hottest hour. Checking these ~150 hours instead of 8,760 gives the same
 * peak (tests compare it with an exhaustive search) at a small fraction of the cost.
 */
function designCandidates(weather: Weather, a: Assumptions): Int32Array {
  const cached = candidateCache.get(weather)
  if (cached) return cached
  const picked = new Set<number>()
  const padOutlet = weather.dryBulbC.map((t, i) =>
    adiabaticSinkC(t, weather.wetBulbC[i] ?? t, a.adiabaticEffectiveness),
  )
  for (const series of [weather.dryBulbC, weather.wetBulbC, padOutlet]) {
    for (const hour of hottestHours(series, DESIGN_CANDIDATES_PER_SERIES)) picked.add(hour)
  }
  const monthBest = new Int32Array(12).fill(-1)
  for (let i = 0; i < HOURS_PER_YEAR; i++) {
    const m = MONTH_OF_HOUR[i] ?? 0
    const best = monthBest[m] ?? -1
    if (best < 0 || (weather.dryBulbC[i] ?? 0) > (weather.dryBulbC[best] ?? 0)) monthBest[m] = i
  }
  monthBest.forEach((i) => picked.add(i))
  const result = Int32Array.from([...picked].sort((x, y) => x - y))
  candidateCache.set(weather, result)
  return result
}

const DESIGN_CANDIDATES_PER_SERIES = 48

/** Indices of the `count` largest values (ties to the earlier hour), by one pass of insertion. */
function hottestHours(series: Float32Array, count: number): number[] {
  const top: number[] = []
  for (let i = 0; i < series.length; i++) {
    const value = series[i] ?? -Infinity
    if (top.length === count && value <= (series[top[count - 1] ?? 0] ?? -Infinity)) continue
    let k = Math.min(top.length, count - 1)
    if (top.length < count) top.push(i)
    while (k > 0 && (series[top[k - 1] ?? 0] ?? -Infinity) < value) {
      top[k] = top[k - 1] ?? 0
      k--
    }
    top[k] = i
  }
  return top
}
const candidateCache = new WeakMap<Weather, Int32Array>()

/**
 * The design hour at full load. `exhaustive` searches all 8,760 hours (used by tests to check
 * the candidate shortcut).
 */
export function findDesignHour(
  plant: Plant,
  a: Assumptions,
  weather: Weather,
  exhaustive = false,
): DesignHour {
  const hour = newHour()
  let best = -1
  let bestMw = -Infinity
  let chillerLoad = 0
  const hours = exhaustive ? null : designCandidates(weather, a)
  const count = hours ? hours.length : HOURS_PER_YEAR
  for (let k = 0; k < count; k++) {
    const i = hours ? (hours[k] ?? 0) : k
    simulateHourAt(plant, a, 1, weather, i, 0, hour)
    if (hour.facilityMw > bestMw) {
      bestMw = hour.facilityMw
      best = i
    }
    if (hour.chillerLoadMw > chillerLoad) chillerLoad = hour.chillerLoadMw
  }
  simulateHourAt(plant, a, 1, weather, best, 0, hour)
  return {
    hour: best,
    facilityMw: hour.facilityMw,
    heatMw: hour.heatMw,
    chillersMw: hour.chillersMw,
    chillerLoadMw: chillerLoad,
    freeCooling: hour.freeCooling,
    liquidNeedsChillers: liquidLoopNeedsChillers(plant, weather, best, a),
    liquidSupplyNoChillersC: chillerFreeSupplyC(plant, weather, a),
  }
}

/**
 * The liquid loop is chiller-free in an hour when T_sink + A ≤ T_s (free-cooling fraction 1):
 * the lowest supply temperature that holds all year is the year's highest sink plus approach.
 */
function chillerFreeSupplyC(plant: Plant, weather: Weather, a: Assumptions): number {
  const loop = plant.liquid
  // The year's highest sink depends on the weather and the loop alone: memoised per weather.
  let cache = highestSinkCache.get(weather)
  if (!cache) {
    cache = new Map()
    highestSinkCache.set(weather, cache)
  }
  const key = `${loop.sink}|${loop.supplyC}|${loop.approachK}`
  let highest = cache.get(key)
  if (highest === undefined) {
    highest = -Infinity
    for (let i = 0; i < HOURS_PER_YEAR; i++)
      highest = Math.max(highest, sinkAt(loop, weather, i, a))
    cache.set(key, highest)
  }
  return highest + loop.approachK
}

const highestSinkCache = new WeakMap<Weather, Map<string, number>>()

/** One hour of the prepared weather year (see `simulateHour`). */
function simulateHourAt(
  plant: Plant,
  a: Assumptions,
  u: number,
  weather: Weather,
  hour: number,
  reuse: number,
  out: Hour,
): Hour {
  const dryBulbC = weather.dryBulbC[hour] ?? 0
  const wetBulbC = weather.wetBulbC[hour] ?? 0
  return simulateHour(plant, a, u, dryBulbC, wetBulbC, weather.seaC[hour] ?? 0, reuse, out)
}

function sinkAt(loop: Loop, weather: Weather, hour: number, a: Assumptions): number {
  return sinkTemperatureC(
    loop,
    weather.dryBulbC[hour] ?? 0,
    weather.wetBulbC[hour] ?? 0,
    weather.seaC[hour] ?? 0,
    a,
  )
}

function liquidLoopNeedsChillers(
  plant: Plant,
  weather: Weather,
  hour: number,
  a: Assumptions,
): boolean {
  if (plant.liquidShare === 0) return false
  return sinkAt(plant.liquid, weather, hour, a) + plant.liquid.approachK > plant.liquid.supplyC
}

export interface Dispatch {
  readonly gwh: SupplyBreakdown
  readonly monthlyGwh: readonly (readonly number[])[]
  readonly co2Tonnes: number
  readonly renewableMwh: number
  readonly unservedMwh: number
  readonly unservedHours: number
  /** Hydro energy used / its annual allowance (1 = the energy cap binds). */
  readonly hydroBudgetUsed: number
  readonly hydroScaled: boolean
  /** No supply configured: an unlimited grid was assumed. */
  readonly assumedGrid: boolean
  readonly firmMw: number
}

/**
 * Hourly supply dispatch in merit order: wind and solar, hydro (MW cap; its annual energy
 * spread in proportion to need when the energy cap binds), battery, grid, gas; what is left is
 * unserved. Surplus wind and solar charge the battery, the rest is curtailed.
 */
function dispatchSupply(
  scenario: Scenario,
  facility: Float64Array,
  weather: Weather,
  a: Assumptions,
): Dispatch {
  const p = scenario.power
  const site = SITES[scenario.site]
  const windMw = p.windTurbines * p.windTurbineMw
  const assumedGrid =
    p.gridMw === 0 &&
    p.hydroMw === 0 &&
    windMw === 0 &&
    p.solarMw === 0 &&
    p.gasMw === 0 &&
    p.batteryMwh === 0
  const gridCap = assumedGrid ? Infinity : p.gridMw
  const batteryMw = p.batteryMwh / a.batteryHours

  // Locals, not property reads, in the 8,760-hour loops.
  const hydroMw = p.hydroMw
  const solarMw = p.solarMw
  const gasMw = p.gasMw
  const batteryMwh = p.batteryMwh
  const roundTrip = a.batteryRoundTrip
  const windPerMw = weather.windPerMw
  const solarPerMw = weather.solarPerMw
  const hasRenewables = windMw > 0 || solarMw > 0

  // Hydro: what it would give without an energy cap, then scaled to the annual allowance.
  let hydroWanted = 0
  for (let i = 0; i < HOURS_PER_YEAR; i++) {
    const renewable = hasRenewables
      ? windMw * (windPerMw[i] ?? 0) + solarMw * (solarPerMw[i] ?? 0)
      : 0
    const residual = (facility[i] ?? 0) - renewable
    hydroWanted += residual <= 0 ? 0 : residual < hydroMw ? residual : hydroMw
  }
  const hydroBudget = hydroMw * HOURS_PER_YEAR * p.hydroCapacityFactor
  const hydroScale = hydroWanted > hydroBudget ? hydroBudget / hydroWanted : 1

  let wind = 0
  let solar = 0
  let windTaken = 0
  let solarTaken = 0
  let hydro = 0
  let battery = 0
  let grid = 0
  let gas = 0
  let unserved = 0
  let unservedHours = 0
  let curtailed = 0
  let charge = batteryMwh / 2
  // Monthly energy, MWh: [month × SUPPLY_SOURCES.length + source].
  const sources = SUPPLY_SOURCES.length
  const monthly = new Float64Array(12 * sources)
  for (let i = 0; i < HOURS_PER_YEAR; i++) {
    const demand = facility[i] ?? 0
    let need = demand
    let windUsed = 0
    let solarUsed = 0
    if (hasRenewables) {
      const windGen = windMw * (windPerMw[i] ?? 0)
      const solarGen = solarMw * (solarPerMw[i] ?? 0)
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
    wind += windUsed
    solar += solarUsed
    hydro += hydroOut
    battery += batteryOut
    grid += gridOut
    gas += gasOut
    const row = (MONTH_OF_HOUR[i] ?? 0) * sources
    monthly[row] = (monthly[row] ?? 0) + windUsed
    monthly[row + 1] = (monthly[row + 1] ?? 0) + solarUsed
    monthly[row + 2] = (monthly[row + 2] ?? 0) + hydroOut
    monthly[row + 3] = (monthly[row + 3] ?? 0) + batteryOut
    monthly[row + 4] = (monthly[row + 4] ?? 0) + gridOut
    monthly[row + 5] = (monthly[row + 5] ?? 0) + gasOut
    monthly[row + 6] = (monthly[row + 6] ?? 0) + need
  }
  // Emissions are linear in energy: kg = MWh × 1000 kWh/MWh × kg/kWh.
  const co2Kg =
    1000 *
    (windTaken * a.windLifecycleKgPerKwh +
      solarTaken * a.solarLifecycleKgPerKwh +
      hydro * a.hydroLifecycleKgPerKwh +
      grid * site.grid.kgCo2PerKwh +
      gas * a.gasKgPerKwh)
  const renewable = wind + solar + hydro + battery + grid * site.grid.renewableShare
  return {
    gwh: {
      wind: wind / 1000,
      solar: solar / 1000,
      hydro: hydro / 1000,
      battery: battery / 1000,
      grid: grid / 1000,
      gas: gas / 1000,
      unserved: unserved / 1000,
      curtailed: curtailed / 1000,
    },
    monthlyGwh: Array.from({ length: 12 }, (_, m) =>
      Array.from({ length: sources }, (_, k) => (monthly[m * sources + k] ?? 0) / 1000),
    ),
    co2Tonnes: co2Kg / 1000,
    renewableMwh: renewable,
    unservedMwh: unserved,
    unservedHours,
    hydroBudgetUsed: hydroBudget > 0 ? hydro / hydroBudget : 0,
    hydroScaled: hydroScale < 1,
    assumedGrid,
    firmMw: (assumedGrid ? Infinity : p.gridMw) + hydroMw + gasMw + batteryMw,
  }
}
