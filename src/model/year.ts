import type { Assumptions } from './constants'
import { HOURS_PER_YEAR, MONTH_OF_HOUR } from './climate'
import {
  adiabaticSinkC,
  hourLoads,
  leiChillerCop,
  loopCoefficients,
  newHour,
  newLoopCoefficients,
  simulateHour,
  type Loop,
  type Plant,
} from './plant'
import type { Weather } from './weather'

/**
 * The year's pass, struct-of-arrays: each loop's weather-dependent coefficients for all 8,760
 * hours live in typed arrays (`LoopKernel`, memoised per prepared weather and loop), so a
 * slider drag that changes the campus's size or utilization reruns only the arithmetic of
 * `loopPower` and `simulateHour` over those arrays: no function calls per hour, no allocation.
 * The design hour (full load, no heat reuse) is found in the same pass over all 8,760 hours.
 */

/** One loop's coefficients for every hour of the year (see `LoopCoefficients`). */
export interface LoopKernel {
  readonly load: Float64Array
  /** 1 / COP; NaN where the Lei regression applies (its COP depends on the part load). */
  readonly copInverse: Float64Array
  readonly condenserC: Float64Array
  readonly fanPerRejected: Float64Array
  readonly fanPerChillerSide: Float64Array
  readonly waterPerRejected: Float64Array
  readonly waterPerHeat: Float64Array
  readonly pumpPerRejected: Float64Array
  /** Hours the loop needs chillers (load > 0). */
  readonly chillerHours: number
  /** Hours the economiser's outside air is locked out by the air class's dew point limit. */
  readonly humidLockoutHours: number
  /**
   * Lowest supply temperature at which the loop would need no chiller in any hour of the year
   * (the year's highest sink + approach, with each sink's own rule), °C.
   */
  readonly noChillerSupplyC: number
}

const kernelCache = new WeakMap<Weather, Map<string, LoopKernel>>()
/** Loop kernels kept per prepared weather (a supply-temperature drag makes a few). */
const KERNELS_PER_WEATHER = 12

function kernelKey(loop: Loop, pressurePa: number): string {
  const cls = loop.sink === 'economizer' ? loop.airClass.id : ''
  return `${loop.sink}|${loop.chiller}|${loop.supplyC}|${loop.returnC}|${loop.approachK}|${cls}|${pressurePa}`
}

/** The lowest supply temperature that needs no chiller in this hour, by sink (°C). */
function hourNoChillerSupplyC(
  loop: Loop,
  dryBulbC: number,
  wetBulbC: number,
  seaC: number,
  a: Assumptions,
): number {
  switch (loop.sink) {
    case 'tower':
      return wetBulbC + loop.approachK
    case 'sea':
      return seaC + loop.approachK
    case 'adiabatic':
      return adiabaticSinkC(dryBulbC, wetBulbC, a.adiabaticEffectiveness) + loop.approachK
    case 'hybrid':
      return dryBulbC > a.hybridWetAboveC
        ? Math.min(dryBulbC + a.approachDryK, wetBulbC + a.approachClosedTowerK)
        : dryBulbC + a.approachDryK
    default:
      return dryBulbC + loop.approachK
  }
}

export function loopKernel(
  loop: Loop,
  weather: Weather,
  pressurePa: number,
  a: Assumptions,
): LoopKernel {
  let cache = kernelCache.get(weather)
  if (!cache) {
    cache = new Map()
    kernelCache.set(weather, cache)
  }
  const key = kernelKey(loop, pressurePa)
  const cached = cache.get(key)
  if (cached) return cached
  const n = HOURS_PER_YEAR
  const kernel = {
    load: new Float64Array(n),
    copInverse: new Float64Array(n),
    condenserC: new Float64Array(n),
    fanPerRejected: new Float64Array(n),
    fanPerChillerSide: new Float64Array(n),
    waterPerRejected: new Float64Array(n),
    waterPerHeat: new Float64Array(n),
    pumpPerRejected: new Float64Array(n),
    chillerHours: 0,
    humidLockoutHours: 0,
    noChillerSupplyC: -Infinity,
  }
  const c = newLoopCoefficients()
  const { dryBulbC, wetBulbC, dewPointC, seaC } = weather
  for (let i = 0; i < n; i++) {
    const db = dryBulbC[i] ?? 0
    const wb = wetBulbC[i] ?? 0
    const dp = dewPointC[i] ?? 0
    const sea = seaC[i] ?? 0
    loopCoefficients(loop, db, wb, dp, sea, pressurePa, a, c)
    kernel.load[i] = c.load
    kernel.copInverse[i] = c.copInverse
    kernel.condenserC[i] = c.condenserC
    kernel.fanPerRejected[i] = c.fanPerRejected
    kernel.fanPerChillerSide[i] = c.fanPerChillerSide
    kernel.waterPerRejected[i] = c.waterPerRejected
    kernel.waterPerHeat[i] = c.waterPerHeat
    kernel.pumpPerRejected[i] = c.pumpPerRejected
    if (c.load > 0) kernel.chillerHours++
    if (loop.sink === 'economizer' && dp > loop.airClass.maxDewPointC) kernel.humidLockoutHours++
    const needed = hourNoChillerSupplyC(loop, db, wb, sea, a)
    if (needed > kernel.noChillerSupplyC) kernel.noChillerSupplyC = needed
  }
  if (cache.size >= KERNELS_PER_WEATHER) {
    const oldest = cache.keys().next().value
    if (oldest !== undefined) cache.delete(oldest)
  }
  cache.set(key, kernel)
  return kernel
}

export interface DesignHour {
  readonly hour: number
  readonly facilityMw: number
  readonly heatMw: number
  readonly chillersMw: number
  /** The largest full-load chiller load of the year, MW thermal. */
  readonly chillerLoadMw: number
  readonly freeCooling: boolean
  /** True when the liquid loop alone needs chillers at the design hour. */
  readonly liquidNeedsChillers: boolean
  /** Lowest liquid supply temperature that needs no chiller in any hour of the year, °C. */
  readonly liquidSupplyNoChillersC: number
}

/** Annual sums of the year's pass at the scenario's utilization, and the design hour. */
export interface YearPass {
  readonly itMwh: number
  readonly facilityMwh: number
  readonly upsMwh: number
  readonly distributionMwh: number
  readonly transformersMwh: number
  readonly lightingMwh: number
  readonly crahFansMwh: number
  readonly chillersMwh: number
  readonly heatRejectionFansMwh: number
  readonly pumpsMwh: number
  readonly heatPumpsMwh: number
  readonly waterM3: number
  /** Heat recovered from the loops for reuse, MWh thermal. */
  readonly recoveredMwh: number
  readonly freeCoolingHours: number
  readonly liquidChillerHours: number
  readonly peakDayWaterM3: number
  readonly monthItMwh: Float64Array
  readonly monthFacilityMwh: Float64Array
  readonly humidLockoutHours: number
  readonly design: DesignHour
}

/**
 * Runs the year: facility power of every hour at utilization `u` into `facilityOut`, and the
 * design hour at full load without heat reuse. `reuseShare[i]` × `reuseScale` is the share of
 * heat recovered in hour i (null: none).
 */
export function runYear(
  plant: Plant,
  a: Assumptions,
  weather: Weather,
  u: number,
  reuseScale: number,
  reuseShare: Float64Array | null,
  facilityOut: Float64Array,
): YearPass {
  const L = loopKernel(plant.liquid, weather, plant.pressurePa, a)
  const A = loopKernel(plant.air, weather, plant.pressurePa, a)
  const loads = hourLoads(plant, a, u)
  const full = hourLoads(plant, a, 1)
  const ql = loads.liquidHeatMw
  const qa = loads.airHeatMw
  const ql1 = full.liquidHeatMw
  const qa1 = full.airHeatMw
  const economizer = plant.air.sink === 'economizer'
  const pumpBase = a.pumpLiquid * ql + (economizer ? 0 : a.pumpAirLoop * qa)
  const pumpBase1 = a.pumpLiquid * ql1 + (economizer ? 0 : a.pumpAirLoop * qa1)
  const fixed = loads.itMw + loads.upsLossMw + loads.distributionLossMw + loads.lightingMw
  const fixed1 = full.itMw + full.upsLossMw + full.distributionLossMw + full.lightingMw
  const crah = loads.crahFansMw
  const crah1 = full.crahFansMw
  const tr = 1 + a.transformerLoss
  const hpL = plant.liquid.heatPumpPerRecovered
  const hpA = plant.air.heatPumpPerRecovered
  const designL = plant.liquid.designHeatMw
  const designA = plant.air.designHeatMw
  const minPart = a.chillerMinPartLoad
  const copMax = a.chillerCopMax
  const makeup = a.closedLoopMakeupLPerKwh * loads.itMw
  const useReuse = reuseShare !== null && reuseScale > 0
  const exportPump = a.pumpCondenser

  const Lload = L.load
  const LcopInv = L.copInverse
  const Lcond = L.condenserC
  const LfanR = L.fanPerRejected
  const LfanC = L.fanPerChillerSide
  const LwatR = L.waterPerRejected
  const LwatH = L.waterPerHeat
  const LpumpR = L.pumpPerRejected
  const Aload = A.load
  const AcopInv = A.copInverse
  const Acond = A.condenserC
  const AfanR = A.fanPerRejected
  const AfanC = A.fanPerChillerSide
  const AwatR = A.waterPerRejected
  const AwatH = A.waterPerHeat
  const ApumpR = A.pumpPerRejected

  let itSum = 0
  let facilitySum = 0
  let chillerSum = 0
  let fanSum = 0
  let pumpSum = 0
  let heatPumpSum = 0
  let waterSum = 0
  let recoveredSum = 0
  let freeHours = 0
  let liquidChillerHours = 0
  let peakDayWater = 0
  let dayWater = 0
  let trSum = 0
  const monthIt = new Float64Array(12)
  const monthFacility = new Float64Array(12)

  let best = 0
  let bestMw = -Infinity
  let bestChillers = 0
  let maxChillerLoad = 0
  // Module imports as locals: bundlers and test runners may turn them into getters.
  const hours = HOURS_PER_YEAR
  const monthOf = MONTH_OF_HOUR

  for (let i = 0; i < hours; i++) {
    // Heat recovered for reuse: from the warm liquid loop first (`recoveredSplit`).
    const recovered = useReuse ? reuseScale * (reuseShare[i] ?? 0) * (ql + qa) : 0
    const recL = recovered < ql ? recovered : ql
    const recA = recovered - recL
    const loadL = Lload[i] ?? 0
    const loadA = Aload[i] ?? 0
    let invL = LcopInv[i] ?? 0
    let invA = AcopInv[i] ?? 0

    // The annual hour at utilization u.
    const chLoadL = ql * loadL
    const chLoadA = qa * loadA
    if (chLoadL > 0 && invL !== invL) {
      const part = chLoadL / designL
      const cop = leiChillerCop(part < minPart ? minPart : part > 1 ? 1 : part, Lcond[i] ?? 0)
      invL = 1 / (cop < copMax ? cop : copMax)
    }
    if (chLoadA > 0 && invA !== invA) {
      const part = chLoadA / designA
      const cop = leiChillerCop(part < minPart ? minPart : part > 1 ? 1 : part, Acond[i] ?? 0)
      invA = 1 / (cop < copMax ? cop : copMax)
    }
    const chL = chLoadL > 0 ? chLoadL * invL : 0
    const chA = chLoadA > 0 ? chLoadA * invA : 0
    const rejL = ql - recL + chL
    const rejA = qa - recA + chA
    const fans =
      (ql > 0 ? rejL * (LfanR[i] ?? 0) + (chLoadL + chL) * (LfanC[i] ?? 0) : 0) +
      (qa > 0 ? rejA * (AfanR[i] ?? 0) + (chLoadA + chA) * (AfanC[i] ?? 0) : 0)
    const pumps =
      pumpBase +
      (ql > 0 ? rejL * (LpumpR[i] ?? 0) : 0) +
      (qa > 0 ? rejA * (ApumpR[i] ?? 0) : 0) +
      exportPump * recovered
    const heatPumps = recL * hpL + recA * hpA
    const before = fixed + crah + chL + chA + fans + pumps + heatPumps
    const facility = before * tr
    const water =
      (ql > 0 ? rejL * (LwatR[i] ?? 0) + ql * (LwatH[i] ?? 0) : 0) +
      (qa > 0 ? rejA * (AwatR[i] ?? 0) + qa * (AwatH[i] ?? 0) : 0) +
      makeup
    facilityOut[i] = facility
    facilitySum += facility
    trSum += facility - before
    chillerSum += chL + chA
    fanSum += fans
    pumpSum += pumps
    heatPumpSum += heatPumps
    waterSum += water
    recoveredSum += recovered
    const freeL = ql <= 0 || loadL <= 0
    if (freeL && (qa <= 0 || loadA <= 0)) freeHours++
    if (!freeL) liquidChillerHours++
    dayWater += water
    if (i % 24 === 23) {
      if (dayWater > peakDayWater) peakDayWater = dayWater
      dayWater = 0
    }
    const m = monthOf[i] ?? 0
    monthFacility[m] = (monthFacility[m] ?? 0) + facility
    itSum += loads.itMw

    // The same hour at full load with no heat reuse, for the design hour.
    const chLoadL1 = ql1 * loadL
    const chLoadA1 = qa1 * loadA
    let invL1 = LcopInv[i] ?? 0
    let invA1 = AcopInv[i] ?? 0
    if (chLoadL1 > 0 && invL1 !== invL1) {
      const part = chLoadL1 / designL
      const cop = leiChillerCop(part < minPart ? minPart : part > 1 ? 1 : part, Lcond[i] ?? 0)
      invL1 = 1 / (cop < copMax ? cop : copMax)
    }
    if (chLoadA1 > 0 && invA1 !== invA1) {
      const part = chLoadA1 / designA
      const cop = leiChillerCop(part < minPart ? minPart : part > 1 ? 1 : part, Acond[i] ?? 0)
      invA1 = 1 / (cop < copMax ? cop : copMax)
    }
    const chL1 = chLoadL1 > 0 ? chLoadL1 * invL1 : 0
    const chA1 = chLoadA1 > 0 ? chLoadA1 * invA1 : 0
    const rejL1 = ql1 + chL1
    const rejA1 = qa1 + chA1
    const fans1 =
      (ql1 > 0 ? rejL1 * (LfanR[i] ?? 0) + (chLoadL1 + chL1) * (LfanC[i] ?? 0) : 0) +
      (qa1 > 0 ? rejA1 * (AfanR[i] ?? 0) + (chLoadA1 + chA1) * (AfanC[i] ?? 0) : 0)
    const pumps1 =
      pumpBase1 +
      (ql1 > 0 ? rejL1 * (LpumpR[i] ?? 0) : 0) +
      (qa1 > 0 ? rejA1 * (ApumpR[i] ?? 0) : 0)
    const facility1 = (fixed1 + crah1 + chL1 + chA1 + fans1 + pumps1) * tr
    if (facility1 > bestMw) {
      bestMw = facility1
      best = i
      bestChillers = chL1 + chA1
    }
    const chillerLoad1 = chLoadL1 + chLoadA1
    if (chillerLoad1 > maxChillerLoad) maxChillerLoad = chillerLoad1
  }
  for (let m = 0; m < 12; m++) monthIt[m] = loads.itMw * 24 * daysIn(m)
  const design: DesignHour = {
    hour: best,
    facilityMw: bestMw,
    heatMw: ql1 + qa1,
    chillersMw: bestChillers,
    chillerLoadMw: maxChillerLoad,
    freeCooling: (ql1 <= 0 || (Lload[best] ?? 0) <= 0) && (qa1 <= 0 || (Aload[best] ?? 0) <= 0),
    liquidNeedsChillers: plant.liquidShare > 0 && (Lload[best] ?? 0) > 0,
    liquidSupplyNoChillersC: L.noChillerSupplyC,
  }
  return {
    itMwh: itSum,
    facilityMwh: facilitySum,
    upsMwh: loads.upsLossMw * hours,
    distributionMwh: loads.distributionLossMw * hours,
    transformersMwh: trSum,
    lightingMwh: loads.lightingMw * hours,
    crahFansMwh: crah * hours,
    chillersMwh: chillerSum,
    heatRejectionFansMwh: fanSum,
    pumpsMwh: pumpSum,
    heatPumpsMwh: heatPumpSum,
    waterM3: waterSum,
    recoveredMwh: recoveredSum,
    freeCoolingHours: freeHours,
    liquidChillerHours,
    peakDayWaterM3: peakDayWater,
    monthItMwh: monthIt,
    monthFacilityMwh: monthFacility,
    humidLockoutHours: A.humidLockoutHours,
    design,
  }
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const
const daysIn = (m: number): number => DAYS[m] ?? 30

/**
 * The design hour at full load, no heat-reuse credit, by simulating every hour with the scalar
 * reference `simulateHour` (tests compare it with the year's pass, which finds it from the
 * loop kernels).
 */
export function findDesignHour(plant: Plant, a: Assumptions, weather: Weather): DesignHour {
  const hour = newHour()
  let best = 0
  let bestMw = -Infinity
  let chillerLoad = 0
  const w = { dryBulbC: 0, wetBulbC: 0, dewPointC: 0, seaC: 0 }
  const at = (i: number): typeof w => {
    w.dryBulbC = weather.dryBulbC[i] ?? 0
    w.wetBulbC = weather.wetBulbC[i] ?? 0
    w.dewPointC = weather.dewPointC[i] ?? 0
    w.seaC = weather.seaC[i] ?? 0
    return w
  }
  let noChillers = -Infinity
  for (let i = 0; i < HOURS_PER_YEAR; i++) {
    simulateHour(plant, a, 1, at(i), 0, hour)
    if (hour.facilityMw > bestMw) {
      bestMw = hour.facilityMw
      best = i
    }
    if (hour.chillerLoadMw > chillerLoad) chillerLoad = hour.chillerLoadMw
    const needed = hourNoChillerSupplyC(
      plant.liquid,
      weather.dryBulbC[i] ?? 0,
      weather.wetBulbC[i] ?? 0,
      weather.seaC[i] ?? 0,
      a,
    )
    if (needed > noChillers) noChillers = needed
  }
  simulateHour(plant, a, 1, at(best), 0, hour)
  return {
    hour: best,
    facilityMw: hour.facilityMw,
    heatMw: hour.heatMw,
    chillersMw: hour.chillersMw,
    chillerLoadMw: chillerLoad,
    freeCooling: hour.freeCooling,
    liquidNeedsChillers: plant.liquidShare > 0 && !hour.liquidFree,
    liquidSupplyNoChillersC: noChillers,
  }
}
