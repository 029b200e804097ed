import { DEFAULT_ASSUMPTIONS, type Assumptions } from './constants'
import { HOURS_PER_YEAR, type Climate } from './climate'
import { dispatchSupply, type SupplyBreakdown } from './dispatch'
import { planPlant } from './plant'
import { RACKS } from './racks'
import { finalScenario, type Scenario } from './scenario'
import { SITES } from './sites'
import { collectWarnings, type Warning } from './warnings'
import { prepareWeather } from './weather'
import { runYear } from './year'

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
  /** Location-based CO₂ (GHG Protocol Scope 2): grid energy × grid average + on-site fuel. */
  readonly co2TonnesPerYear: number
  /** Location-based CUE: `co2TonnesPerYear` per kWh of IT energy. */
  readonly cueKgPerKwh: number
  /**
   * Renewable share of facility energy: on-site and contracted supply matched hour by hour,
   * grid energy at the grid's renewable share.
   */
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
  /** Heat recovered from the cooling loops and exported, GWh thermal a year. */
  readonly heatReusedGwhPerYear: number
  /** Heat delivered to the heat customer: recovered heat + heat pump work, GWh a year. */
  readonly heatDeliveredGwhPerYear: number
  /** Energy reuse factor (The Green Grid, ISO/IEC 30134-6): heat reused ÷ facility energy. */
  readonly erf: number
  /** Temperature the heat is delivered at, °C (0 without heat reuse). */
  readonly heatSupplyC: number
  /** Seasonal COP of the heat pumps lifting recovered heat (0 when none is needed). */
  readonly heatPumpCop: number
  /** Market-based CO₂: contracted and on-site clean energy at 0, the rest at the residual mix. */
  readonly co2MarketTonnesPerYear: number
  /** Lifecycle CO₂e: every source at its lifecycle factor (construction, fuel supply). */
  readonly co2LifecycleTonnesPerYear: number
  /** Hourly carbon-free energy score (24/7 CFE): carbon-free energy matched hour by hour. */
  readonly cfeScore: number
  /** Renewable share with annual matching (certificates and contracts over the year). */
  readonly renewableShareAnnual: number
  /** Net capacity factor of wind at this site (per MW, before curtailment). */
  readonly windCapacityFactor: number
  /** AC capacity factor of solar at this site (per MW, before curtailment). */
  readonly solarCapacityFactor: number
  /** Energy the hydro plant delivered ÷ (MW × 8,760 h); 0 without a plant. */
  readonly hydroCapacityFactorUsed: number
  /** Energy the gas turbines delivered ÷ (MW × 8,760 h); 0 without gas. */
  readonly gasCapacityFactor: number
  /** Highest hourly draw on the grid, MW. */
  readonly gridPeakMw: number
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
  /** Heat pumps lifting recovered heat to the heat network's temperature. */
  readonly heatPumps: number
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

export interface Evaluation {
  readonly readouts: Readouts
  readonly series: Series
}

/** Land per MW of solar PV (AC), ha: Ong et al., NREL/TP-6A20-56290 (2013), total area. */
export const SOLAR_HA_PER_MW = 2.9

/** Scratch for the hourly facility power (float64 for the sums); the series get float32 copies. */
const facilityScratch = new Float64Array(HOURS_PER_YEAR)

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
  const plant = planPlant(scenario, a, climate.pressurePa)
  const weather = prepareWeather(climate, scenario.climateOffsetC, a)
  const reuse = scenario.heatReuseFraction
  const reuseProfile =
    reuse > 0 ? (scenario.heatReuseDemand === 'flat' ? null : weather.heatDemand) : null
  const facility = facilityScratch
  const year = runYear(
    plant,
    a,
    weather,
    scenario.utilization,
    reuse,
    reuse > 0 ? (reuseProfile ?? FLAT) : null,
    facility,
  )
  const design = year.design
  const dispatch = dispatchSupply(scenario, facility, weather, a)

  const facilityF32 = new Float32Array(HOURS_PER_YEAR)
  const pue = new Float32Array(HOURS_PER_YEAR)
  const itMw = year.itMwh / HOURS_PER_YEAR
  fillSeries(facility, itMw, facilityF32, pue)

  const itEnergyMwh = year.itMwh
  const facilitySum = year.facilityMwh
  // The peak can never be below the year's mean; at utilization 1 with a flat year the two are
  // equal and the 8,760-term sum can round a hair above the design hour: clamp at the source.
  const facilityPeakMw = Math.max(design.facilityMw, facilitySum / HOURS_PER_YEAR)
  const rackCount = plant.rackCount
  const whiteSpacePerRack =
    rack.liquidShare > 0 ? a.whiteSpaceLiquidM2PerRack : a.whiteSpaceAirM2PerRack
  const whiteSpaceM2 = rackCount * whiteSpacePerRack
  const p = scenario.power
  const windMw = p.windTurbines * p.windTurbineMw
  const generators = Math.ceil(facilityPeakMw / (a.generatorUnitMw * a.generatorDerate))
  const spareGenerators =
    scenario.redundancy === '2N'
      ? generators
      : scenario.redundancy === 'N+1'
        ? Math.ceil(generators / 10)
        : 0
  const recovered = year.recoveredMwh
  // Seasonal COP of the heat pumps: heat delivered per unit of their electricity.
  const heatPumpCop =
    year.heatPumpsMwh > 0 ? (recovered + year.heatPumpsMwh) / year.heatPumpsMwh : 0
  const share = (x: number): number => Math.min(1, x / facilitySum)

  const base = {
    rackCount,
    gpuCount: plant.gpuCount,
    itDesignMw: plant.itDesignMw,
    itAverageMw: itMw,
    facilityPeakMw,
    facilityAverageMw: facilitySum / HOURS_PER_YEAR,
    pueAnnual: facilitySum / itEnergyMwh,
    puePeak: facilityPeakMw / plant.itDesignMw,
    coolingDesignMwTh: design.heatMw + design.chillersMw,
    freeCoolingHours: year.freeCoolingHours,
    liquidChillerHours: year.liquidChillerHours,
    waterM3PerYear: year.waterM3,
    // m³ × 1000 L / (MWh × 1000 kWh)
    wueLPerKwh: year.waterM3 / itEnergyMwh,
    energyGwhPerYear: facilitySum / 1000,
    co2TonnesPerYear: dispatch.co2LocationTonnes,
    // t × 1000 kg / (MWh × 1000 kWh)
    cueKgPerKwh: dispatch.co2LocationTonnes / itEnergyMwh,
    // Shares: the hourly sums can round a hair past 1 (1 + 2e-13) when every hour is clean.
    renewableShare: share(dispatch.renewableMwh),
    unservedMwhPerYear: dispatch.unservedMwh,
    computeBf16Pflops: (plant.gpuCount * rack.bf16Tflops) / 1000,
    buildingFloorM2: whiteSpaceM2 + (plant.itDesignMw * 1000) / a.supportFloorKwPerM2,
    siteAreaHa: facilityPeakMw / a.siteMwPerHa,
    computeFp8Pflops: (plant.gpuCount * rack.fp8Tflops) / 1000,
    computeFp4Pflops: (plant.gpuCount * rack.fp4Tflops) / 1000,
    itEnergyGwhPerYear: itEnergyMwh / 1000,
    chillerCapacityMwTh: design.chillerLoadMw,
    peakDayWaterM3: year.peakDayWaterM3,
    heatReusedGwhPerYear: recovered / 1000,
    heatDeliveredGwhPerYear: (recovered + year.heatPumpsMwh) / 1000,
    erf: recovered / facilitySum,
    // The network takes the heat at its supply temperature: lifted by heat pumps, or by direct
    // exchange where the loop's return is warm enough.
    heatSupplyC: recovered > 0 ? scenario.heatReuseSupplyC : 0,
    heatPumpCop,
    co2MarketTonnesPerYear: dispatch.co2MarketTonnes,
    co2LifecycleTonnesPerYear: dispatch.co2LifecycleTonnes,
    cfeScore: share(dispatch.carbonFreeMwh),
    renewableShareAnnual: share(dispatch.renewableAnnualMwh),
    windCapacityFactor: weather.windCapacityFactor,
    solarCapacityFactor: weather.solarCapacityFactor,
    hydroCapacityFactorUsed: p.hydroMw > 0 ? dispatch.gwh.hydro / (p.hydroMw * 8.76) : 0,
    gasCapacityFactor: p.gasMw > 0 ? dispatch.gwh.gas / (p.gasMw * 8.76) : 0,
    gridPeakMw: dispatch.gridPeakMw,
    designHour: design.hour,
    designDryBulbC: weather.dryBulbC[design.hour] ?? NaN,
    designWetBulbC: weather.wetBulbC[design.hour] ?? NaN,
    gridConnectionMva: (facilityPeakMw / a.gridPowerFactor) * a.gridMargin,
    backupGenerators: generators + spareGenerators,
    whiteSpaceM2,
    windFarmAreaHa: windMw * a.windFarmHaPerMw,
    solarFieldAreaHa: p.solarMw * SOLAR_HA_PER_MW,
    unservedHours: dispatch.unservedHours,
    supplyGwh: dispatch.gwh,
    energyBreakdownGwh: {
      it: itEnergyMwh / 1000,
      ups: year.upsMwh / 1000,
      distribution: year.distributionMwh / 1000,
      transformers: year.transformersMwh / 1000,
      lighting: year.lightingMwh / 1000,
      crahFans: year.crahFansMwh / 1000,
      chillers: year.chillersMwh / 1000,
      heatRejectionFans: year.heatRejectionFansMwh / 1000,
      pumps: year.pumpsMwh / 1000,
      heatPumps: year.heatPumpsMwh / 1000,
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
    weather,
    year,
    dispatch,
    assumptions: a,
  })
  const monthlyPue = Array.from(
    year.monthFacilityMwh,
    (f, m) => f / (year.monthItMwh[m] ?? Number.NaN),
  )
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

/**
 * The hourly facility and PUE series. Every 8,760-hour loop lives in a small function that does
 * nothing after it: V8 then optimizes it on entry, instead of compiling the loop mid-call whose
 * code, missing type feedback for what follows the loop, deoptimized on every call.
 */
function fillSeries(
  facility: Float64Array,
  itMw: number,
  facilityOut: Float32Array,
  pueOut: Float32Array,
): void {
  for (let i = 0; i < facility.length; i++) {
    const f = facility[i] ?? 0
    facilityOut[i] = f
    pueOut[i] = f / itMw
  }
}

/** An industrial heat customer: the same share every hour. */
const FLAT = new Float64Array(HOURS_PER_YEAR).fill(1)
