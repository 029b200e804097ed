import type { Assumptions } from './constants'
import { DAYS_PER_MONTH, HOURS_PER_YEAR } from './climate'
import {
  adiabaticSinkC,
  hourLoads,
  leiChillerCop,
  unitPlant,
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
  /** The loop's chillers follow the Lei regression (COP by part load, `copInverse` NaN). */
  readonly lei: boolean
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
    lei: loop.sink === 'tower',
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

/** What one pass over a span of hours reads and adds to: one object per `runYear` call. */
interface Sweep {
  readonly L: LoopKernel
  readonly A: LoopKernel
  readonly ql: number
  readonly qa: number
  readonly pumpBase: number
  readonly fixed: number
  readonly tr: number
  readonly hpL: number
  readonly hpA: number
  readonly designL: number
  readonly designA: number
  readonly minPart: number
  readonly copMax: number
  readonly makeup: number
  readonly exportPump: number
  readonly reuseScale: number
  /** Share of heat recovered per hour (× reuseScale); all zeros without reuse. */
  readonly reuseShare: Float64Array
  readonly facilityOut: Float64Array
  facility: number
  transformers: number
  chillers: number
  fans: number
  pumps: number
  heatPumps: number
  water: number
  recovered: number
  freeHours: number
  liquidChillerHours: number
  peakDayWater: number
  dayWater: number
}

const NO_REUSE = new Float64Array(HOURS_PER_YEAR)

/**
 * Runs the year: facility power of every hour at utilization `u` into `facilityOut`, and the
 * design hour at full load without heat reuse. `reuseShare[i]` × `reuseScale` is the share of
 * heat recovered in hour i (null: none). The hours are swept a month at a time, so the sweep is
 * a function V8 optimizes on entry rather than by on-stack replacement mid-year (whose code,
 * compiled before the post-loop code had run, deoptimized on every call: 0.55 vs 1.6 ms).
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
  const economizer = plant.air.sink === 'economizer'
  const useReuse = reuseShare !== null && reuseScale > 0
  const sweep: Sweep = {
    L,
    A,
    ql: loads.liquidHeatMw,
    qa: loads.airHeatMw,
    pumpBase:
      a.pumpLiquid * loads.liquidHeatMw + (economizer ? 0 : a.pumpAirLoop * loads.airHeatMw),
    fixed:
      loads.itMw + loads.upsLossMw + loads.distributionLossMw + loads.lightingMw + loads.crahFansMw,
    tr: 1 + a.transformerLoss,
    hpL: plant.liquid.heatPumpPerRecovered,
    hpA: plant.air.heatPumpPerRecovered,
    designL: plant.liquid.designHeatMw,
    designA: plant.air.designHeatMw,
    minPart: a.chillerMinPartLoad,
    copMax: a.chillerCopMax,
    makeup: a.closedLoopMakeupLPerKwh * loads.itMw,
    exportPump: a.pumpCondenser,
    reuseScale: useReuse ? reuseScale : 0,
    reuseShare: useReuse && reuseShare !== null ? reuseShare : NO_REUSE,
    facilityOut,
    facility: 0,
    transformers: 0,
    chillers: 0,
    fans: 0,
    pumps: 0,
    heatPumps: 0,
    water: 0,
    recovered: 0,
    freeHours: 0,
    liquidChillerHours: 0,
    peakDayWater: 0,
    dayWater: 0,
  }
  const monthIt = new Float64Array(12)
  const monthFacility = new Float64Array(12)
  let from = 0
  for (let m = 0; m < 12; m++) {
    const to = from + 24 * (DAYS_PER_MONTH[m] ?? 30)
    const before = sweep.facility
    sweepHours(sweep, from, to)
    monthFacility[m] = sweep.facility - before
    monthIt[m] = loads.itMw * (to - from)
    from = to
  }
  const hours = HOURS_PER_YEAR
  // The design hour per MW of compute, memoised per plant shape; this campus is k times it.
  const unit = designUnit(plant, a, L, A)
  const k = plant.computeDesignMw
  const best = unit.hour
  const design: DesignHour = {
    hour: best,
    facilityMw: unit.facilityMw * k,
    heatMw: unit.heatMw * k,
    chillersMw: unit.chillersMw * k,
    chillerLoadMw: unit.chillerLoadMw * k,
    freeCooling: unit.freeCooling,
    liquidNeedsChillers: plant.liquidShare > 0 && (L.load[best] ?? 0) > 0,
    liquidSupplyNoChillersC: L.noChillerSupplyC,
  }
  return {
    itMwh: loads.itMw * hours,
    facilityMwh: sweep.facility,
    upsMwh: loads.upsLossMw * hours,
    distributionMwh: loads.distributionLossMw * hours,
    transformersMwh: sweep.transformers,
    lightingMwh: loads.lightingMw * hours,
    crahFansMwh: loads.crahFansMw * hours,
    chillersMwh: sweep.chillers,
    heatRejectionFansMwh: sweep.fans,
    pumpsMwh: sweep.pumps,
    heatPumpsMwh: sweep.heatPumps,
    waterM3: sweep.water,
    recoveredMwh: sweep.recovered,
    freeCoolingHours: sweep.freeHours,
    liquidChillerHours: sweep.liquidChillerHours,
    peakDayWaterM3: sweep.peakDayWater,
    monthItMwh: monthIt,
    monthFacilityMwh: monthFacility,
    humidLockoutHours: A.humidLockoutHours,
    design,
  }
}

/** Inverse COP of the Lei regression at a part load (towers' water-cooled chillers). */
function leiCopInverse(part: number, condenserC: number, minPart: number, copMax: number): number {
  return 1 / Math.min(copMax, leiChillerCop(Math.min(1, Math.max(minPart, part)), condenserC))
}

/**
 * Hours [from, to) of the year's pass: `loopPower` and `simulateHour`'s arithmetic over the loop
 * kernels, at utilization u and (for the design hour) at full load with no heat reuse.
 */
function sweepHours(s: Sweep, from: number, to: number): void {
  const { L, A, ql, qa, pumpBase, fixed, tr, hpL, hpA, designL, designA, minPart, copMax } = s
  const { makeup, exportPump, reuseScale, reuseShare, facilityOut } = s
  const leiL = L.lei
  const leiA = A.lei
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
  let facilitySum = 0
  let trSum = 0
  let chillerSum = 0
  let fanSum = 0
  let pumpSum = 0
  let heatPumpSum = 0
  let waterSum = 0
  let recoveredSum = 0
  let freeHours = 0
  let liquidChillerHours = 0
  let peakDayWater = s.peakDayWater
  let dayWater = s.dayWater
  const heat = ql + qa

  for (let i = from; i < to; i++) {
    // Heat recovered for reuse: from the warm liquid loop first (`recoveredSplit`).
    const recovered = reuseScale * (reuseShare[i] ?? 0) * heat
    const recL = Math.min(recovered, ql)
    const recA = recovered - recL
    const loadL = Lload[i] ?? 0
    const loadA = Aload[i] ?? 0
    const chLoadL = ql * loadL
    const chLoadA = qa * loadA
    const chL =
      chLoadL > 0
        ? chLoadL *
          (leiL
            ? leiCopInverse(chLoadL / designL, Lcond[i] ?? 0, minPart, copMax)
            : (LcopInv[i] ?? 0))
        : 0
    const chA =
      chLoadA > 0
        ? chLoadA *
          (leiA
            ? leiCopInverse(chLoadA / designA, Acond[i] ?? 0, minPart, copMax)
            : (AcopInv[i] ?? 0))
        : 0
    const rejL = ql - recL + chL
    const rejA = qa - recA + chA
    const fans =
      rejL * (LfanR[i] ?? 0) +
      (chLoadL + chL) * (LfanC[i] ?? 0) +
      rejA * (AfanR[i] ?? 0) +
      (chLoadA + chA) * (AfanC[i] ?? 0)
    const pumps =
      pumpBase + rejL * (LpumpR[i] ?? 0) + rejA * (ApumpR[i] ?? 0) + exportPump * recovered
    const heatPumps = recL * hpL + recA * hpA
    const before = fixed + chL + chA + fans + pumps + heatPumps
    const facility = before * tr
    const water =
      rejL * (LwatR[i] ?? 0) +
      ql * (LwatH[i] ?? 0) +
      rejA * (AwatR[i] ?? 0) +
      qa * (AwatH[i] ?? 0) +
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
      peakDayWater = Math.max(peakDayWater, dayWater)
      dayWater = 0
    }
  }
  s.facility += facilitySum
  s.transformers += trSum
  s.chillers += chillerSum
  s.fans += fanSum
  s.pumps += pumpSum
  s.heatPumps += heatPumpSum
  s.water += waterSum
  s.recovered += recoveredSum
  s.freeHours += freeHours
  s.liquidChillerHours += liquidChillerHours
  s.peakDayWater = peakDayWater
  s.dayWater = dayWater
}

/** The design hour of a plant per MW of compute design power (`unitPlant`). */
interface DesignUnit {
  readonly hour: number
  readonly facilityMw: number
  readonly heatMw: number
  readonly chillersMw: number
  readonly chillerLoadMw: number
  readonly freeCooling: boolean
}

const designCache = new WeakMap<LoopKernel, WeakMap<LoopKernel, Map<string, DesignUnit>>>()

/**
 * Full load, no heat reuse, every hour of the year, per MW of compute: the worst hour and the
 * largest chiller load. It depends on the loops (their kernels) and the plant's shape — liquid
 * share, UPS loading, CRAH fan rate — not on its size: memoised on those.
 */
function designUnit(plant: Plant, a: Assumptions, L: LoopKernel, A: LoopKernel): DesignUnit {
  let byAir = designCache.get(L)
  if (!byAir) {
    byAir = new WeakMap()
    designCache.set(L, byAir)
  }
  let byShape = byAir.get(A)
  if (!byShape) {
    byShape = new Map()
    byAir.set(A, byShape)
  }
  const shape = `${plant.liquidShare}|${plant.upsLoadingDesign}|${plant.crahFanPerMw}|${plant.air.sink}`
  const cached = byShape.get(shape)
  if (cached) return cached
  const unit = unitPlant(plant, a)
  const full = hourLoads(unit, a, 1)
  const ql = full.liquidHeatMw
  const qa = full.airHeatMw
  const economizer = plant.air.sink === 'economizer'
  const pumpBase = a.pumpLiquid * ql + (economizer ? 0 : a.pumpAirLoop * qa)
  const fixed =
    full.itMw + full.upsLossMw + full.distributionLossMw + full.lightingMw + full.crahFansMw
  const tr = 1 + a.transformerLoss
  let best = 0
  let bestMw = -Infinity
  let bestChillers = 0
  let maxChillerLoad = 0
  for (let i = 0; i < HOURS_PER_YEAR; i++) {
    const chLoadL = ql * (L.load[i] ?? 0)
    const chLoadA = qa * (A.load[i] ?? 0)
    const chL =
      chLoadL > 0
        ? chLoadL *
          (L.lei
            ? leiCopInverse(
                chLoadL / unit.liquid.designHeatMw,
                L.condenserC[i] ?? 0,
                a.chillerMinPartLoad,
                a.chillerCopMax,
              )
            : (L.copInverse[i] ?? 0))
        : 0
    const chA =
      chLoadA > 0
        ? chLoadA *
          (A.lei
            ? leiCopInverse(
                chLoadA / unit.air.designHeatMw,
                A.condenserC[i] ?? 0,
                a.chillerMinPartLoad,
                a.chillerCopMax,
              )
            : (A.copInverse[i] ?? 0))
        : 0
    const rejL = ql + chL
    const rejA = qa + chA
    const fans =
      rejL * (L.fanPerRejected[i] ?? 0) +
      (chLoadL + chL) * (L.fanPerChillerSide[i] ?? 0) +
      rejA * (A.fanPerRejected[i] ?? 0) +
      (chLoadA + chA) * (A.fanPerChillerSide[i] ?? 0)
    const pumps = pumpBase + rejL * (L.pumpPerRejected[i] ?? 0) + rejA * (A.pumpPerRejected[i] ?? 0)
    const facility = (fixed + chL + chA + fans + pumps) * tr
    if (facility > bestMw) {
      bestMw = facility
      best = i
      bestChillers = chL + chA
    }
    maxChillerLoad = Math.max(maxChillerLoad, chLoadL + chLoadA)
  }
  const result: DesignUnit = {
    hour: best,
    facilityMw: bestMw,
    heatMw: ql + qa,
    chillersMw: bestChillers,
    chillerLoadMw: maxChillerLoad,
    freeCooling: (ql <= 0 || (L.load[best] ?? 0) <= 0) && (qa <= 0 || (A.load[best] ?? 0) <= 0),
  }
  byShape.set(shape, result)
  return result
}

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
