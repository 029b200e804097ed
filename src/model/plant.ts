import type { Assumptions } from './constants'
import { COOLING, type ChillerKind, type Sink } from './cooling'
import { latentHeatKjPerKg } from './psychrometrics'
import { RACKS } from './racks'
import type { Scenario } from './scenario'

/**
 * One hour of the facility: IT, electrical losses, the air and liquid heat paths, free cooling
 * and chillers, fans, pumps and water (model reference §7.4, docs/MODEL.md). Powers in MW,
 * heat in MW thermal, water in m³ per hour, temperatures in °C.
 */

/** A heat loop: where it takes heat from, at what temperatures, and where it rejects it. */
export interface Loop {
  readonly sink: Sink
  readonly chiller: ChillerKind
  readonly supplyC: number
  readonly returnC: number
  readonly approachK: number
  /** Heat the loop carries at full load (u = 1), MW thermal: the chillers' part-load base. */
  readonly designHeatMw: number
}

/** Everything about the campus that does not change from hour to hour. */
export interface Plant {
  readonly rackCount: number
  readonly gpuCount: number
  /** Compute power of all racks at u = 1, MW. */
  readonly computeDesignMw: number
  /** Auxiliary IT (network, storage), constant, MW. */
  readonly auxMw: number
  readonly itDesignMw: number
  /** Share of compute heat that goes to the liquid loop (0 for air cooling). */
  readonly liquidShare: number
  readonly upsLoadingDesign: number
  readonly lightingMw: number
  /** CRAH fan power per MW of air-side heat. */
  readonly crahFanPerMw: number
  readonly liquid: Loop
  readonly air: Loop
}

export function planPlant(scenario: Scenario, a: Assumptions): Plant {
  const rack = RACKS[scenario.rack]
  const cooling = COOLING[scenario.cooling]
  const rackCount = scenario.buildings * scenario.hallsPerBuilding * scenario.racksPerHall
  const computeDesignMw = (rackCount * rack.designKw) / 1000
  const auxMw = a.auxItFraction * computeDesignMw
  const itDesignMw = computeDesignMw + auxMw
  const liquidShare = cooling.liquid ? rack.liquidShare : 0
  const lightingMw = a.lightingFraction * itDesignMw
  // k_fan = Δp / (ρ · c_p · ΔT · η): fan power per unit of heat moved by air (Lei & Masanet).
  const crahFanPerMw =
    a.crahFanPressurePa /
    (a.airDensityKgM3 * a.airCpKjKgK * 1000 * a.airDeltaK * a.crahFanEfficiency)
  const upsLoadingDesign =
    scenario.redundancy === 'N'
      ? a.upsLoadingN
      : scenario.redundancy === '2N'
        ? a.upsLoading2N
        : a.upsLoadingN1

  const liquidHeatDesign = liquidShare * computeDesignMw
  const airIt = itDesignMw - liquidHeatDesign
  const airHeatDesign =
    (airIt +
      itDesignMw * (upsLossFraction(upsLoadingDesign, a) + a.distributionLoss) +
      lightingMw) *
    (1 + crahFanPerMw)

  const approach = (sink: Sink): number =>
    sink === 'tower'
      ? a.approachTowerK + a.approachHxK
      : sink === 'sea'
        ? a.approachSeaK
        : a.approachDryK
  const liquid: Loop = {
    sink: cooling.liquidSink,
    chiller: cooling.chiller,
    supplyC: scenario.liquidSupplyC,
    returnC: scenario.liquidSupplyC + a.liquidDeltaK,
    approachK: approach(cooling.liquidSink),
    designHeatMw: liquidHeatDesign,
  }
  const economizer = cooling.airSink === 'economizer'
  const airSupplyC = economizer ? a.economizerSupplyAirC : a.chilledWaterSupplyC
  const air: Loop = {
    sink: cooling.airSink,
    chiller: cooling.chiller,
    supplyC: airSupplyC,
    returnC: airSupplyC + (economizer ? a.airDeltaK : a.chilledWaterDeltaK),
    approachK: economizer ? 0 : approach(cooling.airSink),
    designHeatMw: airHeatDesign,
  }
  return {
    rackCount,
    gpuCount: rackCount * rack.gpusPerRack,
    computeDesignMw,
    auxMw,
    itDesignMw,
    liquidShare,
    upsLoadingDesign,
    lightingMw,
    crahFanPerMw,
    liquid,
    air,
  }
}

/** UPS loss as a share of its load at loading x: c0/x + c1 + c2·x (Schneider WP 113 form). */
export function upsLossFraction(loading: number, a: Assumptions): number {
  const x = Math.max(loading, 0.02)
  return a.upsNoLoad / x + a.upsProportional + a.upsSquare * x
}

/**
 * Lei & Masanet water-cooled chiller COP regression; `partLoad` 0…1, t = entering condenser
 * water, °C. The quadratic turns upward above ~40 °C, outside the data it was fitted to, so
 * above LEI_MAX_CONDENSER_C it continues along its tangent: COP keeps falling as the
 * condenser gets hotter, as it must.
 */
export function leiChillerCop(partLoad: number, condenserC: number): number {
  const L = partLoad
  const t = Math.min(condenserC, LEI_MAX_CONDENSER_C)
  const cop =
    16.798751 + 0.00884 * t * t - 8.528931 * L * L + 9.885294 * L - 0.760621 * t + 0.084615 * L * t
  if (condenserC <= LEI_MAX_CONDENSER_C) return cop
  const slope = 2 * 0.00884 * t - 0.760621 + 0.084615 * L
  return cop + slope * (condenserC - t)
}

/** Highest entering condenser water temperature at which the Lei regression is used as is, °C. */
export const LEI_MAX_CONDENSER_C = 35

/** Carnot-fraction chiller COP: η · T_evap / (T_cond − T_evap), kelvin; capped. */
export function carnotChillerCop(
  eta: number,
  evaporatorC: number,
  condenserC: number,
  cap: number,
): number {
  const lift = condenserC - evaporatorC
  if (lift <= 0) return cap
  return Math.min(cap, (eta * (evaporatorC + 273.15)) / lift)
}

/** Free-cooling fraction (Lei & Masanet): clamp((T_r − (T_sink + A)) / (T_r − T_s), 0, 1). */
export function freeCoolingFraction(
  supplyC: number,
  returnC: number,
  sinkC: number,
  approachK: number,
): number {
  const f = (returnC - (sinkC + approachK)) / (returnC - supplyC)
  return f <= 0 ? 0 : f >= 1 ? 1 : f
}

/** Air temperature after wetted pads of effectiveness ε: T_db − ε·(T_db − T_wb). */
export function adiabaticSinkC(dryBulbC: number, wetBulbC: number, effectiveness: number): number {
  return dryBulbC - effectiveness * (dryBulbC - wetBulbC)
}

/**
 * Adiabatic cooler water per kWh of heat rejected, L: the share of the air's cooling done by
 * evaporation, min(1, (T_db − T_sink) / ((T_r − 2) − T_sink)), × 3600 / h_fg(T_db) × (1 + bleed)
 * (model reference §7.4 step 4).
 */
export function adiabaticWaterLPerKwh(
  dryBulbC: number,
  sinkC: number,
  returnC: number,
  bleed: number,
): number {
  const span = returnC - 2 - sinkC
  const share = span <= 0 ? 1 : Math.min(1, Math.max(0, (dryBulbC - sinkC) / span))
  return ((share * 3600) / latentHeatKjPerKg(dryBulbC)) * (1 + bleed)
}

/**
 * The temperature a loop rejects heat to this hour, °C: dry bulb for dry coolers, wet bulb for
 * towers, the sea (or lake), and for adiabatic coolers the wetted-pad outlet once dry cooling
 * alone cannot hold the supply temperature.
 */
export function sinkTemperatureC(
  loop: Loop,
  dryBulbC: number,
  wetBulbC: number,
  seaC: number,
  a: Assumptions,
): number {
  switch (loop.sink) {
    case 'tower':
      return wetBulbC
    case 'sea':
      return seaC
    case 'adiabatic':
      return dryBulbC + loop.approachK > loop.supplyC
        ? adiabaticSinkC(dryBulbC, wetBulbC, a.adiabaticEffectiveness)
        : dryBulbC
    default:
      return dryBulbC
  }
}

/** Tower make-up water per kWh of heat rejected, L: evaporation + blowdown. */
export function towerMakeupLPerKwh(wetBulbC: number, a: Assumptions): number {
  const evaporation = (3600 / latentHeatKjPerKg(wetBulbC)) * a.towerLatentFraction
  return evaporation * (1 + 1 / (a.cyclesOfConcentration - 1))
}

/** Result of one hour. Mutable and reused: the year loop allocates nothing. */
export interface Hour {
  itMw: number
  upsLossMw: number
  distributionLossMw: number
  transformerLossMw: number
  lightingMw: number
  crahFansMw: number
  chillersMw: number
  heatRejectionFansMw: number
  pumpsMw: number
  facilityMw: number
  /** Heat leaving the IT rooms (liquid + air loops), MW thermal. */
  heatMw: number
  /** Heat the cooling plant rejects outdoors, incl. chiller work, MW thermal. */
  rejectedMw: number
  reusedMw: number
  chillerLoadMw: number
  waterM3: number
  freeCooling: boolean
  /** The liquid loop alone needs no chiller this hour. */
  liquidFree: boolean
  /** Each loop's part of the hour, written by `runLoop`; owned by the caller like the rest. */
  readonly liquidLoop: LoopResult
  readonly airLoop: LoopResult
}

export function newHour(): Hour {
  return {
    itMw: 0,
    upsLossMw: 0,
    distributionLossMw: 0,
    transformerLossMw: 0,
    lightingMw: 0,
    crahFansMw: 0,
    chillersMw: 0,
    heatRejectionFansMw: 0,
    pumpsMw: 0,
    facilityMw: 0,
    heatMw: 0,
    rejectedMw: 0,
    reusedMw: 0,
    chillerLoadMw: 0,
    waterM3: 0,
    freeCooling: true,
    liquidFree: true,
    liquidLoop: newLoopResult(),
    airLoop: newLoopResult(),
  }
}

/** One loop's hour: several numbers returned without allocating, into a caller-owned object. */
export interface LoopResult {
  chillerLoadMw: number
  chillerMw: number
  rejectedMw: number
  fansMw: number
  pumpsMw: number
  waterM3: number
  free: boolean
}

function newLoopResult(): LoopResult {
  return {
    chillerLoadMw: 0,
    chillerMw: 0,
    rejectedMw: 0,
    fansMw: 0,
    pumpsMw: 0,
    waterM3: 0,
    free: true,
  }
}

function runLoop(
  loop: Loop,
  heatMw: number,
  dryBulbC: number,
  wetBulbC: number,
  seaC: number,
  reuse: number,
  a: Assumptions,
  r: LoopResult,
): LoopResult {
  r.chillerLoadMw = 0
  r.chillerMw = 0
  r.rejectedMw = 0
  r.fansMw = 0
  r.pumpsMw = 0
  r.waterM3 = 0
  r.free = true
  if (heatMw <= 0) return r
  if (loop.sink === 'economizer')
    return runEconomizer(loop, heatMw, dryBulbC, wetBulbC, reuse, a, r)

  const supply = loop.supplyC
  const ret = loop.returnC
  const approach = loop.approachK
  // Pads wet only when dry cooling alone cannot hold the supply temperature.
  const adiabaticActive = loop.sink === 'adiabatic' && dryBulbC + approach > supply
  const sink = sinkTemperatureC(loop, dryBulbC, wetBulbC, seaC, a)
  const free = freeCoolingFraction(supply, ret, sink, approach)
  const chillerLoad = (1 - free) * heatMw
  let chillerMw = 0
  if (chillerLoad > 0) {
    let cop: number
    if (loop.chiller === 'air-cooled') {
      cop = carnotChillerCop(
        a.chillerEtaAirCooled,
        supply - a.evaporatorApproachK,
        sink + a.condenserApproachAirK,
        a.chillerCopMax,
      )
    } else if (loop.sink === 'tower') {
      const partLoad = Math.min(1, Math.max(a.chillerMinPartLoad, chillerLoad / loop.designHeatMw))
      cop = Math.min(a.chillerCopMax, leiChillerCop(partLoad, wetBulbC + a.approachTowerK))
    } else {
      // Water-cooled on sea water: condenser leaves 5 K above the water + HX approach, plus 2 K.
      cop = carnotChillerCop(
        a.chillerEtaWaterCooled,
        supply - a.evaporatorApproachK,
        sink + approach + 5 + 2,
        a.chillerCopMax,
      )
    }
    chillerMw = chillerLoad / cop
  }
  const rejected = heatMw * (1 - reuse) + chillerMw

  let fans = 0
  let pumps = 0
  let water = 0
  if (loop.sink === 'dry' || loop.sink === 'adiabatic') {
    // Dry cooler fans slow when the air is cold: airflow share f, power ∝ f³ (affinity laws).
    // With the pads wet the fans stay at full speed: pads are the last stage before chillers.
    let flow = 1
    if (!adiabaticActive && sink <= supply - approach) {
      const mean = (supply + ret) / 2
      flow = Math.min(1, Math.max(a.dryFanMinFlow, (mean - (supply - approach)) / (mean - sink)))
    }
    fans = a.sfpDry * rejected * flow * flow * flow
    // MW·h × 1000 kWh/MWh × L/kWh ÷ 1000 L/m³ = m³: the factors of 1000 cancel.
    if (adiabaticActive)
      water = rejected * adiabaticWaterLPerKwh(dryBulbC, sink, ret, a.adiabaticBleed)
  } else if (loop.sink === 'tower') {
    fans = a.sfpTower * rejected
    pumps = a.pumpCondenser * rejected
    water = rejected * towerMakeupLPerKwh(wetBulbC, a)
  } else {
    pumps = a.pumpCondenser * rejected
  }
  r.chillerLoadMw = chillerLoad
  r.chillerMw = chillerMw
  r.rejectedMw = rejected
  r.fansMw = fans
  r.pumpsMw = pumps
  r.waterM3 = water
  r.free = free >= 1
  return r
}

/**
 * Direct outside-air economiser with evaporative pads and DX trim. Outside air at or below the
 * supply set point cools for free (mixed with return air); warmer air is cooled by the pads
 * toward its wet bulb; what the pads cannot reach the DX coil carries, with outside air while
 * it is cooler than the return, else on recirculation.
 */
function runEconomizer(
  loop: Loop,
  heatMw: number,
  dryBulbC: number,
  wetBulbC: number,
  reuse: number,
  a: Assumptions,
  r: LoopResult,
): LoopResult {
  const supply = loop.supplyC
  const ret = loop.returnC
  let free = 1
  let evaporatedK = 0
  if (dryBulbC > supply) {
    const padOutlet = adiabaticSinkC(dryBulbC, wetBulbC, a.adiabaticEffectiveness)
    if (padOutlet <= supply) {
      evaporatedK = dryBulbC - supply
    } else if (padOutlet < ret) {
      free = (ret - padOutlet) / (ret - supply)
      evaporatedK = dryBulbC - padOutlet
    } else {
      free = 0
    }
  }
  const chillerLoad = (1 - free) * heatMw
  const chillerMw =
    chillerLoad > 0
      ? chillerLoad /
        carnotChillerCop(
          a.chillerEtaAirCooled,
          supply - a.evaporatorApproachK,
          dryBulbC + a.condenserApproachAirK,
          a.chillerCopMax,
        )
      : 0
  // Water evaporated = air mass × c_p × cooling / h_fg, with air mass = Q / (c_p · ΔT_air).
  const water =
    evaporatedK > 0
      ? ((heatMw * (evaporatedK / a.airDeltaK) * 3600) / latentHeatKjPerKg(dryBulbC)) *
        (1 + a.adiabaticBleed)
      : 0
  r.chillerLoadMw = chillerLoad
  r.chillerMw = chillerMw
  r.rejectedMw = heatMw * (1 - reuse) + chillerMw
  r.fansMw = chillerLoad > 0 ? a.sfpDry * (chillerLoad + chillerMw) : 0
  r.pumpsMw = 0
  r.waterM3 = water
  r.free = free >= 1
  return r
}

/**
 * Simulates one hour at utilization `u` and writes the result into `out`.
 * `seaC` is the sea (or inland water) temperature; `reuse` the heat-reuse share.
 */
export function simulateHour(
  plant: Plant,
  a: Assumptions,
  u: number,
  dryBulbC: number,
  wetBulbC: number,
  seaC: number,
  reuse: number,
  out: Hour,
): Hour {
  const compute = plant.computeDesignMw * u
  const it = compute + plant.auxMw
  const liquidHeat = plant.liquidShare * compute
  const upsLoss = it * upsLossFraction((plant.upsLoadingDesign * it) / plant.itDesignMw, a)
  const distribution = a.distributionLoss * it
  const lighting = plant.lightingMw
  // UPS, PDU and lighting losses are released indoors and leave through the air path.
  const airHeatBeforeFans = it - liquidHeat + upsLoss + distribution + lighting
  const crahFans = plant.crahFanPerMw * airHeatBeforeFans
  const airHeat = airHeatBeforeFans + crahFans

  const liquid = runLoop(
    plant.liquid,
    liquidHeat,
    dryBulbC,
    wetBulbC,
    seaC,
    reuse,
    a,
    out.liquidLoop,
  )
  const lChillerLoad = liquid.chillerLoadMw
  const lChiller = liquid.chillerMw
  const lRejected = liquid.rejectedMw
  const lFans = liquid.fansMw
  const lWater = liquid.waterM3
  const lFree = liquid.free
  const lPumps = liquid.pumpsMw
  const air = runLoop(plant.air, airHeat, dryBulbC, wetBulbC, seaC, reuse, a, out.airLoop)

  const pumps =
    a.pumpLiquid * liquidHeat +
    (plant.air.sink === 'economizer' ? 0 : a.pumpAirLoop * airHeat) +
    lPumps +
    air.pumpsMw
  const mechanical = crahFans + lChiller + air.chillerMw + lFans + air.fansMw + pumps
  const beforeTransformers = it + upsLoss + distribution + lighting + mechanical
  const transformer = a.transformerLoss * beforeTransformers

  out.itMw = it
  out.upsLossMw = upsLoss
  out.distributionLossMw = distribution
  out.transformerLossMw = transformer
  out.lightingMw = lighting
  out.crahFansMw = crahFans
  out.chillersMw = lChiller + air.chillerMw
  out.heatRejectionFansMw = lFans + air.fansMw
  out.pumpsMw = pumps
  out.facilityMw = beforeTransformers + transformer
  out.heatMw = liquidHeat + airHeat
  out.rejectedMw = lRejected + air.rejectedMw
  out.reusedMw = (liquidHeat + airHeat) * reuse
  out.chillerLoadMw = lChillerLoad + air.chillerLoadMw
  // Closed loops still need a little make-up water (leaks, maintenance):
  // L/kWh × MW·h × 1000 kWh/MWh ÷ 1000 L/m³ = m³.
  out.waterM3 = lWater + air.waterM3 + a.closedLoopMakeupLPerKwh * it
  out.freeCooling = lFree && air.free
  out.liquidFree = lFree
  return out
}
