import type { Assumptions } from './constants'
import { AIR_CLASSES, COOLING, type AirClassSpec, type ChillerKind, type Sink } from './cooling'
import {
  dewPointFromRatioC,
  enthalpyKjPerKg,
  humidityRatio,
  humidityRatioAtDewPoint,
  latentHeatKjPerKg,
  ratioOnWetBulbLine,
  saturatedTemperatureForEnthalpyC,
  saturationPressurePa,
} from './psychrometrics'
import { RACKS } from './racks'
import type { Scenario } from './scenario'

/**
 * One hour of the facility: IT, electrical losses, the air and liquid heat paths, free cooling
 * and chillers, fans, pumps, water and heat reuse (model reference §7.4, docs/MODEL.md).
 * Powers in MW, heat in MW thermal, water in m³ per hour, temperatures in °C.
 *
 * Every loop's hour is split in two: `loopCoefficients` gives what depends on the weather alone
 * (free-cooling share, chiller COP, fan speed, water per MWh) per MW of heat, and `loopPower`
 * turns those into MW and m³ for a given heat. The year's pass (simulate.ts) keeps the
 * coefficients of all 8,760 hours in typed arrays and applies the same arithmetic.
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
  /** Supply-air envelope of the outside-air economiser (unused by other sinks). */
  readonly airClass: AirClassSpec
  /**
   * Heat pump electricity per MW of heat recovered from this loop for reuse (1 / (COP − 1));
   * 0 when the loop's return is warm enough for the heat network without one.
   */
  readonly heatPumpPerRecovered: number
  /** COP of that heat pump (Infinity when none is needed). */
  readonly heatPumpCop: number
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
  /** Air density at the site, kg/m³ (standard air × station pressure / 101,325 Pa). */
  readonly airDensityKgM3: number
  /** CRAH fan power per MW of air-side heat (at the site's air density). */
  readonly crahFanPerMw: number
  /** Station pressure, Pa. */
  readonly pressurePa: number
  readonly liquid: Loop
  readonly air: Loop
}

/** Heat pump COP lifting heat from `sourceC` to `sinkC` (Carnot fraction, both with approach). */
export function heatPumpCop(sourceC: number, sinkC: number, a: Assumptions): number {
  const evaporator = sourceC - a.heatReuseApproachK
  const condenser = sinkC + a.heatReuseApproachK
  if (evaporator >= sinkC) return Infinity
  return (a.heatPumpCarnotEfficiency * (condenser + 273.15)) / (condenser - evaporator)
}

export function planPlant(scenario: Scenario, a: Assumptions, pressurePa = 101325): Plant {
  const rack = RACKS[scenario.rack]
  const cooling = COOLING[scenario.cooling]
  const rackCount = scenario.buildings * scenario.hallsPerBuilding * scenario.racksPerHall
  const computeDesignMw = (rackCount * rack.designKw) / 1000
  const auxMw = a.auxItFraction * computeDesignMw
  const itDesignMw = computeDesignMw + auxMw
  const liquidShare = cooling.liquid ? rack.liquidShare : 0
  const lightingMw = a.lightingFraction * itDesignMw
  // Ideal gas at the same temperature: density scales with the station pressure.
  const airDensityKgM3 = (a.airDensityKgM3 * pressurePa) / 101325
  // k_fan = Δp / (ρ · c_p · ΔT · η): fan power per unit of heat moved by air (Lei & Masanet).
  const crahFanPerMw =
    a.crahFanPressurePa / (airDensityKgM3 * a.airCpKjKgK * 1000 * a.airDeltaK * a.crahFanEfficiency)
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
  const airClass = AIR_CLASSES[scenario.airClass]
  const networkC = scenario.heatReuseSupplyC
  const heatPump = (returnC: number): { heatPumpPerRecovered: number; heatPumpCop: number } => {
    const cop = heatPumpCop(returnC, networkC, a)
    return { heatPumpCop: cop, heatPumpPerRecovered: cop === Infinity ? 0 : 1 / (cop - 1) }
  }
  const liquidReturnC = scenario.liquidSupplyC + a.liquidDeltaK
  const liquid: Loop = {
    sink: cooling.liquidSink,
    chiller: cooling.chiller,
    supplyC: scenario.liquidSupplyC,
    returnC: liquidReturnC,
    approachK: approach(cooling.liquidSink),
    designHeatMw: liquidHeatDesign,
    airClass,
    ...heatPump(liquidReturnC),
  }
  const economizer = cooling.airSink === 'economizer'
  const airSupplyC = economizer ? a.economizerSupplyAirC : a.chilledWaterSupplyC
  const airReturnC = airSupplyC + (economizer ? a.airDeltaK : a.chilledWaterDeltaK)
  const air: Loop = {
    sink: cooling.airSink,
    chiller: cooling.chiller,
    supplyC: airSupplyC,
    returnC: airReturnC,
    approachK: economizer ? 0 : approach(cooling.airSink),
    designHeatMw: airHeatDesign,
    airClass,
    ...heatPump(airReturnC),
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
    airDensityKgM3,
    crahFanPerMw,
    pressurePa,
    liquid,
    air,
  }
}

/**
 * The same plant per MW of compute design power (rack count scaled to 1 MW of racks): at full
 * load every power and heat of an hour is this plant's × `computeDesignMw`, so the design hour
 * of a campus does not depend on its size and is computed once per plant shape.
 */
export function unitPlant(plant: Plant, a: Assumptions): Plant {
  const auxMw = a.auxItFraction
  const itDesignMw = 1 + auxMw
  const lightingMw = a.lightingFraction * itDesignMw
  const liquidHeat = plant.liquidShare
  const airHeat =
    (itDesignMw -
      liquidHeat +
      itDesignMw * (upsLossFraction(plant.upsLoadingDesign, a) + a.distributionLoss) +
      lightingMw) *
    (1 + plant.crahFanPerMw)
  return {
    ...plant,
    computeDesignMw: 1,
    auxMw,
    itDesignMw,
    lightingMw,
    liquid: { ...plant.liquid, designHeatMw: liquidHeat },
    air: { ...plant.air, designHeatMw: airHeat },
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

/** Whether a hybrid cooler runs wet (sprayed) this hour: dry cooling cannot hold the supply, no frost. */
export function hybridWet(loop: Loop, dryBulbC: number, a: Assumptions): boolean {
  return dryBulbC + a.approachDryK > loop.supplyC && dryBulbC > a.hybridWetAboveC
}

/**
 * The temperature a loop rejects heat to this hour, °C: dry bulb for dry coolers, wet bulb for
 * towers, the sea (or lake), for adiabatic coolers the wetted-pad outlet once dry cooling alone
 * cannot hold the supply temperature, for hybrid coolers the wet bulb while sprayed.
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
    case 'hybrid':
      return hybridWet(loop, dryBulbC, a) ? wetBulbC : dryBulbC
    default:
      return dryBulbC
  }
}

/** The approach a loop works to this hour, K: a hybrid cooler's depends on its mode. */
export function approachNowK(loop: Loop, dryBulbC: number, a: Assumptions): number {
  if (loop.sink !== 'hybrid') return loop.approachK
  return hybridWet(loop, dryBulbC, a) ? a.approachClosedTowerK : a.approachDryK
}

/**
 * Share of a wet tower's heat that leaves as evaporation (latent share; above 1 when hot, dry
 * air is itself cooled by the water). The air leaves saturated with the enthalpy it entered with
 * plus the heat it took: Δh = c_pw · range · (L/G) / airflow (kJ per kg air, airflow the fan's
 * share of full flow); evaporation per kg air is the rise in humidity ratio to saturation at the
 * exit, so latent share = ΔW · h_fg(T_wb) / Δh. Cold air leaves cooler and carries less water:
 * the sensible share grows (model reference §2.6: 0.75–0.95 in warm weather, ≈ 0.7 or less in
 * cold).
 */
export function towerLatentShare(
  dryBulbC: number,
  wetBulbC: number,
  dewPointC: number,
  airflow: number,
  pressurePa: number,
  a: Assumptions,
): number {
  if (a.towerLatentOverride > 0) return a.towerLatentOverride
  const inRatio = humidityRatioAtDewPoint(Math.min(dewPointC, dryBulbC), pressurePa)
  const inEnthalpy = enthalpyKjPerKg(dryBulbC, inRatio)
  const heatPerAir = (4.186 * a.towerRangeK * a.towerLiquidGasRatio) / Math.max(airflow, 0.05)
  const outC = saturatedTemperatureForEnthalpyC(inEnthalpy + heatPerAir, pressurePa)
  const outRatio = humidityRatio(saturationPressurePa(outC), pressurePa)
  return Math.max(0, ((outRatio - inRatio) * latentHeatKjPerKg(wetBulbC)) / heatPerAir)
}

/**
 * Tower (or sprayed cooler) make-up water per kWh of heat rejected, L: evaporation
 * `latentShare × 3600 / h_fg(T_wb)` plus blowdown `1/(CoC − 1)` of it.
 */
export function towerMakeupLPerKwh(wetBulbC: number, a: Assumptions, latentShare: number): number {
  const evaporation = (3600 / latentHeatKjPerKg(wetBulbC)) * latentShare
  return evaporation * (1 + 1 / (a.cyclesOfConcentration - 1))
}

/**
 * Fan airflow share that holds the supply temperature when the sink is colder than needed:
 * clamp((T_m − (T_s − A)) / (T_m − T_sink), min, 1), T_m the loop's mean temperature; 1 when
 * the sink is too warm for a margin (fan power then ∝ share³, the affinity law).
 */
export function fanAirflow(loop: Loop, sinkC: number, approachK: number, minFlow: number): number {
  const target = loop.supplyC - approachK
  if (sinkC > target) return 1
  const mean = (loop.supplyC + loop.returnC) / 2
  return Math.min(1, Math.max(minFlow, (mean - target) / (mean - sinkC)))
}

/** Whether air on the wet-bulb line at `t` lies inside the class's dew point and RH limits. */
function insideEnvelope(
  t: number,
  wetBulbC: number,
  airClass: AirClassSpec,
  pressurePa: number,
): boolean {
  const ratio = ratioOnWetBulbLine(t, wetBulbC, pressurePa)
  const dew = dewPointFromRatioC(ratio, pressurePa)
  if (dew > airClass.maxDewPointC) return false
  const rh = (100 * saturationPressurePa(Math.min(dew, t))) / saturationPressurePa(t)
  return rh <= airClass.maxRhPct
}

/**
 * Lowest supply-air temperature an outside-air economiser may reach with its pads inside the
 * air class, °C (never below the wet bulb): along the line of constant wet bulb, evaporation
 * raises the dew point and the humidity, and the pads stop where either limit is reached. The
 * dew point limit is a closed form (the line's humidity ratio is a ratio of linear functions of
 * T); the humidity limit, where it binds above it, by bisection to 1e-3 K.
 */
export function envelopePadLimitC(
  dryBulbC: number,
  wetBulbC: number,
  airClass: AirClassSpec,
  pressurePa: number,
): number {
  if (insideEnvelope(wetBulbC, wetBulbC, airClass, pressurePa)) return wetBulbC
  // W(T) = (a − 1.006·(T − T_wb)) / (b + 1.86·T) = W_max ⇒ T, ASHRAE eq. 33.
  const ws = humidityRatio(saturationPressurePa(wetBulbC), pressurePa)
  const a = (2501 - 2.326 * wetBulbC) * ws
  const b = 2501 - 4.186 * wetBulbC
  const wMax = humidityRatioAtDewPoint(airClass.maxDewPointC, pressurePa)
  const dewLimit = (a + 1.006 * wetBulbC - wMax * b) / (1.006 + 1.86 * wMax)
  let low = Math.max(wetBulbC, Math.min(dryBulbC, dewLimit))
  if (insideEnvelope(low, wetBulbC, airClass, pressurePa)) return low
  let high = dryBulbC
  for (let k = 0; k < 30 && high - low > 1e-3; k++) {
    const mid = (low + high) / 2
    if (insideEnvelope(mid, wetBulbC, airClass, pressurePa)) high = mid
    else low = mid
  }
  return high
}

/**
 * What one loop does this hour per MW of its heat, from the weather alone. `copInverse` is NaN
 * for water-cooled chillers on towers, whose COP depends on their part load (`loopPower`).
 */
export interface LoopCoefficients {
  /** Chiller load per MW of loop heat: 1 − free-cooling fraction. */
  load: number
  /** 1 / chiller COP; NaN where the Lei regression applies (tower chillers). */
  copInverse: number
  /** Entering condenser water for the Lei regression, °C (tower chillers). */
  condenserC: number
  /** Heat-rejection fan power per MW rejected. */
  fanPerRejected: number
  /** Condenser fans of the economiser's DX trim per MW of (chiller load + chiller work). */
  fanPerChillerSide: number
  /** Make-up water per MWh rejected, m³. */
  waterPerRejected: number
  /** Economiser pad water per MWh of loop heat, m³. */
  waterPerHeat: number
  /** Condenser, tower or spray pumps per MW rejected. */
  pumpPerRejected: number
}

export function newLoopCoefficients(): LoopCoefficients {
  return {
    load: 0,
    copInverse: 0,
    condenserC: 0,
    fanPerRejected: 0,
    fanPerChillerSide: 0,
    waterPerRejected: 0,
    waterPerHeat: 0,
    pumpPerRejected: 0,
  }
}

const airCooledCopInverse = (supplyC: number, condenserC: number, a: Assumptions): number =>
  1 /
  carnotChillerCop(
    a.chillerEtaAirCooled,
    supplyC - a.evaporatorApproachK,
    condenserC,
    a.chillerCopMax,
  )

/** One loop's weather-dependent coefficients for one hour, written into `out`. */
export function loopCoefficients(
  loop: Loop,
  dryBulbC: number,
  wetBulbC: number,
  dewPointC: number,
  seaC: number,
  pressurePa: number,
  a: Assumptions,
  out: LoopCoefficients,
): LoopCoefficients {
  out.condenserC = 0
  out.fanPerChillerSide = 0
  out.waterPerHeat = 0
  if (loop.sink === 'economizer')
    return economizerCoefficients(loop, dryBulbC, wetBulbC, dewPointC, pressurePa, a, out)
  const supply = loop.supplyC
  const ret = loop.returnC
  const approach = approachNowK(loop, dryBulbC, a)
  const sink = sinkTemperatureC(loop, dryBulbC, wetBulbC, seaC, a)
  const load = 1 - freeCoolingFraction(supply, ret, sink, approach)
  out.load = load
  switch (loop.sink) {
    case 'dry':
    case 'adiabatic': {
      // Pads wet only when dry cooling alone cannot hold the supply temperature; with the pads
      // wet the fans stay at full speed (the pads are the last stage before chillers).
      const wet = loop.sink === 'adiabatic' && dryBulbC + approach > supply
      const flow = wet ? 1 : fanAirflow(loop, sink, approach, a.dryFanMinFlow)
      out.copInverse = load > 0 ? airCooledCopInverse(supply, sink + a.condenserApproachAirK, a) : 0
      out.fanPerRejected = a.sfpDry * flow * flow * flow
      // MW·h × 1000 kWh/MWh × L/kWh ÷ 1000 L/m³ = m³: L/kWh is m³/MWh.
      out.waterPerRejected = wet ? adiabaticWaterLPerKwh(dryBulbC, sink, ret, a.adiabaticBleed) : 0
      out.pumpPerRejected = 0
      return out
    }
    case 'hybrid': {
      const wet = hybridWet(loop, dryBulbC, a)
      const flow = fanAirflow(loop, sink, approach, a.dryFanMinFlow)
      // Trim chillers are air-cooled: their condensers see the dry bulb.
      out.copInverse =
        load > 0 ? airCooledCopInverse(supply, dryBulbC + a.condenserApproachAirK, a) : 0
      out.fanPerRejected = a.sfpDry * flow * flow * flow
      out.waterPerRejected = wet
        ? towerMakeupLPerKwh(
            wetBulbC,
            a,
            towerLatentShare(dryBulbC, wetBulbC, dewPointC, flow, pressurePa, a),
          )
        : 0
      out.pumpPerRejected = wet ? a.pumpCondenser : 0
      return out
    }
    case 'tower': {
      // Variable-speed fans hold the leaving water; the chillers' condensers take the tower
      // water at T_wb + approach (Lei regression, COP by part load in `loopPower`).
      const flow = fanAirflow(loop, sink, approach, a.towerFanMinFlow)
      out.copInverse = load > 0 ? Number.NaN : 0
      out.condenserC = wetBulbC + a.approachTowerK
      out.fanPerRejected = a.sfpTower * flow * flow * flow
      out.waterPerRejected = towerMakeupLPerKwh(
        wetBulbC,
        a,
        towerLatentShare(dryBulbC, wetBulbC, dewPointC, flow, pressurePa, a),
      )
      out.pumpPerRejected = a.pumpCondenser
      return out
    }
    default: {
      // Sea or lake water: the chiller's condenser leaves 5 K above the water + HX approach, + 2 K.
      out.copInverse =
        load > 0
          ? 1 /
            carnotChillerCop(
              a.chillerEtaWaterCooled,
              supply - a.evaporatorApproachK,
              sink + approach + 5 + 2,
              a.chillerCopMax,
            )
          : 0
      out.fanPerRejected = 0
      out.waterPerRejected = 0
      out.pumpPerRejected = a.pumpCondenser
      return out
    }
  }
}

/**
 * Direct outside-air economiser with evaporative pads and DX trim, held to the ASHRAE air
 * class. Outside air whose dew point is above the class's limit cannot be brought in: the halls
 * recirculate and the DX coil carries all the heat (dehumidifying outside air would cost more).
 * Otherwise outside air at or below the supply set point cools for free (mixed with return
 * air); warmer air is cooled by the pads toward its wet bulb, but only as far as the class's dew
 * point and humidity limits allow; what the pads cannot reach the DX coil carries, with outside
 * air while it is cooler than the return, else on recirculation.
 */
function economizerCoefficients(
  loop: Loop,
  dryBulbC: number,
  wetBulbC: number,
  dewPointC: number,
  pressurePa: number,
  a: Assumptions,
  out: LoopCoefficients,
): LoopCoefficients {
  const supply = loop.supplyC
  const ret = loop.returnC
  let free = 1
  let evaporatedK = 0
  if (dewPointC > loop.airClass.maxDewPointC) {
    free = 0
  } else if (dryBulbC > supply) {
    const pads = adiabaticSinkC(dryBulbC, wetBulbC, a.adiabaticEffectiveness)
    // The pads' own outlet, unless the class stops evaporation earlier.
    const padOutlet = insideEnvelope(pads, wetBulbC, loop.airClass, pressurePa)
      ? pads
      : Math.max(pads, envelopePadLimitC(dryBulbC, wetBulbC, loop.airClass, pressurePa))
    if (padOutlet <= supply) {
      evaporatedK = dryBulbC - supply
    } else if (padOutlet < ret) {
      free = (ret - padOutlet) / (ret - supply)
      evaporatedK = dryBulbC - padOutlet
    } else {
      free = 0
    }
  }
  const load = 1 - free
  out.load = load
  out.copInverse = load > 0 ? airCooledCopInverse(supply, dryBulbC + a.condenserApproachAirK, a) : 0
  out.fanPerRejected = 0
  out.fanPerChillerSide = load > 0 ? a.sfpDry : 0
  out.waterPerRejected = 0
  // Water evaporated = air mass × c_p × cooling / h_fg, with air mass = Q / (c_p · ΔT_air).
  out.waterPerHeat =
    evaporatedK > 0
      ? ((evaporatedK / a.airDeltaK) * 3600 * (1 + a.adiabaticBleed)) / latentHeatKjPerKg(dryBulbC)
      : 0
  out.pumpPerRejected = 0
  return out
}

/** One loop's part of an hour, in MW and m³. Mutable and reused: the year allocates nothing. */
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

/** Chiller COP inverse of a loop at a chiller load (the Lei regression's part load for towers). */
export function chillerCopInverse(
  loop: Loop,
  c: LoopCoefficients,
  chillerLoadMw: number,
  a: Assumptions,
): number {
  if (!Number.isNaN(c.copInverse)) return c.copInverse
  const partLoad = Math.min(1, Math.max(a.chillerMinPartLoad, chillerLoadMw / loop.designHeatMw))
  return 1 / Math.min(a.chillerCopMax, leiChillerCop(partLoad, c.condenserC))
}

/**
 * MW and m³ of a loop this hour from its coefficients: chiller load = load × Q; work = load ×
 * Q / COP; rejected = Q − recovered + work; fans, water and pumps from their rates.
 */
export function loopPower(
  loop: Loop,
  c: LoopCoefficients,
  heatMw: number,
  recoveredMw: number,
  a: Assumptions,
  r: LoopResult,
): LoopResult {
  if (heatMw <= 0) {
    r.chillerLoadMw = 0
    r.chillerMw = 0
    r.rejectedMw = 0
    r.fansMw = 0
    r.pumpsMw = 0
    r.waterM3 = 0
    r.free = true
    return r
  }
  const chillerLoad = c.load * heatMw
  const chiller = chillerLoad > 0 ? chillerLoad * chillerCopInverse(loop, c, chillerLoad, a) : 0
  const rejected = heatMw - recoveredMw + chiller
  r.chillerLoadMw = chillerLoad
  r.chillerMw = chiller
  r.rejectedMw = rejected
  r.fansMw = rejected * c.fanPerRejected + (chillerLoad + chiller) * c.fanPerChillerSide
  r.pumpsMw = rejected * c.pumpPerRejected
  r.waterM3 = rejected * c.waterPerRejected + heatMw * c.waterPerHeat
  r.free = c.load <= 0
  return r
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
  /** Heat pumps lifting recovered heat to the network's temperature. */
  heatPumpsMw: number
  facilityMw: number
  /** Heat leaving the IT rooms (liquid + air loops), MW thermal. */
  heatMw: number
  /** Heat the cooling plant rejects outdoors, incl. chiller work, MW thermal. */
  rejectedMw: number
  /** Heat recovered from the loops for reuse, MW thermal. */
  reusedMw: number
  chillerLoadMw: number
  waterM3: number
  freeCooling: boolean
  /** The liquid loop alone needs no chiller this hour. */
  liquidFree: boolean
  /** Each loop's coefficients and part of the hour; owned by the caller like the rest. */
  readonly liquidCoefficients: LoopCoefficients
  readonly airCoefficients: LoopCoefficients
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
    heatPumpsMw: 0,
    facilityMw: 0,
    heatMw: 0,
    rejectedMw: 0,
    reusedMw: 0,
    chillerLoadMw: 0,
    waterM3: 0,
    freeCooling: true,
    liquidFree: true,
    liquidCoefficients: newLoopCoefficients(),
    airCoefficients: newLoopCoefficients(),
    liquidLoop: newLoopResult(),
    airLoop: newLoopResult(),
  }
}

/** The hour's weather as one loop sees it. */
export interface HourWeather {
  readonly dryBulbC: number
  readonly wetBulbC: number
  readonly dewPointC: number
  readonly seaC: number
}

/**
 * The load-independent part of an hour: IT, UPS, distribution, lighting and each loop's heat at
 * utilization `u` (constant over the year: the year's pass computes it once).
 */
export interface HourLoads {
  readonly itMw: number
  readonly upsLossMw: number
  readonly distributionLossMw: number
  readonly lightingMw: number
  readonly crahFansMw: number
  readonly liquidHeatMw: number
  readonly airHeatMw: number
}

export function hourLoads(plant: Plant, a: Assumptions, u: number): HourLoads {
  const compute = plant.computeDesignMw * u
  const it = compute + plant.auxMw
  const liquidHeat = plant.liquidShare * compute
  const upsLoss = it * upsLossFraction((plant.upsLoadingDesign * it) / plant.itDesignMw, a)
  const distribution = a.distributionLoss * it
  const lighting = plant.lightingMw
  // UPS, PDU and lighting losses are released indoors and leave through the air path.
  const airHeatBeforeFans = it - liquidHeat + upsLoss + distribution + lighting
  const crahFans = plant.crahFanPerMw * airHeatBeforeFans
  return {
    itMw: it,
    upsLossMw: upsLoss,
    distributionLossMw: distribution,
    lightingMw: lighting,
    crahFansMw: crahFans,
    liquidHeatMw: liquidHeat,
    airHeatMw: airHeatBeforeFans + crahFans,
  }
}

/**
 * Heat recovered for reuse from each loop when `share` of the campus's heat goes to a heat
 * customer: from the warm liquid loop first, the rest from the air loop.
 */
export function recoveredSplit(
  liquidHeatMw: number,
  airHeatMw: number,
  share: number,
): { liquid: number; air: number } {
  const total = share * (liquidHeatMw + airHeatMw)
  const liquid = total < liquidHeatMw ? total : liquidHeatMw
  return { liquid, air: total - liquid }
}

/**
 * Simulates one hour at utilization `u` and writes the result into `out`: the reference form
 * of what the year's pass does for all 8,760 hours at once (tests compare the two). `reuse` is
 * the share of the campus's heat recovered for reuse this hour (`recoveredSplit`).
 */
export function simulateHour(
  plant: Plant,
  a: Assumptions,
  u: number,
  weather: HourWeather,
  reuse: number,
  out: Hour,
): Hour {
  const loads = hourLoads(plant, a, u)
  const lc = loopCoefficients(
    plant.liquid,
    weather.dryBulbC,
    weather.wetBulbC,
    weather.dewPointC,
    weather.seaC,
    plant.pressurePa,
    a,
    out.liquidCoefficients,
  )
  const ac = loopCoefficients(
    plant.air,
    weather.dryBulbC,
    weather.wetBulbC,
    weather.dewPointC,
    weather.seaC,
    plant.pressurePa,
    a,
    out.airCoefficients,
  )
  const recovered = recoveredSplit(loads.liquidHeatMw, loads.airHeatMw, reuse)
  const liquid = loopPower(
    plant.liquid,
    lc,
    loads.liquidHeatMw,
    recovered.liquid,
    a,
    out.liquidLoop,
  )
  const air = loopPower(plant.air, ac, loads.airHeatMw, recovered.air, a, out.airLoop)
  const pumps =
    a.pumpLiquid * loads.liquidHeatMw +
    (plant.air.sink === 'economizer' ? 0 : a.pumpAirLoop * loads.airHeatMw) +
    liquid.pumpsMw +
    air.pumpsMw +
    // Pumping the recovered heat to the customer's exchanger, as to a condenser.
    a.pumpCondenser * (recovered.liquid + recovered.air)
  const heatPumps =
    recovered.liquid * plant.liquid.heatPumpPerRecovered +
    recovered.air * plant.air.heatPumpPerRecovered
  const mechanical =
    loads.crahFansMw + liquid.chillerMw + air.chillerMw + liquid.fansMw + air.fansMw + pumps
  const beforeTransformers =
    loads.itMw +
    loads.upsLossMw +
    loads.distributionLossMw +
    loads.lightingMw +
    mechanical +
    heatPumps
  const transformer = a.transformerLoss * beforeTransformers

  out.itMw = loads.itMw
  out.upsLossMw = loads.upsLossMw
  out.distributionLossMw = loads.distributionLossMw
  out.transformerLossMw = transformer
  out.lightingMw = loads.lightingMw
  out.crahFansMw = loads.crahFansMw
  out.chillersMw = liquid.chillerMw + air.chillerMw
  out.heatRejectionFansMw = liquid.fansMw + air.fansMw
  out.pumpsMw = pumps
  out.heatPumpsMw = heatPumps
  out.facilityMw = beforeTransformers + transformer
  out.heatMw = loads.liquidHeatMw + loads.airHeatMw
  out.rejectedMw = liquid.rejectedMw + air.rejectedMw
  out.reusedMw = recovered.liquid + recovered.air
  out.chillerLoadMw = liquid.chillerLoadMw + air.chillerLoadMw
  // Closed loops still need a little make-up water (leaks, maintenance):
  // L/kWh × MW·h × 1000 kWh/MWh ÷ 1000 L/m³ = m³.
  out.waterM3 = liquid.waterM3 + air.waterM3 + a.closedLoopMakeupLPerKwh * loads.itMw
  out.freeCooling = liquid.free && air.free
  out.liquidFree = liquid.free
  return out
}
