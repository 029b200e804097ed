import type { ConstantKey } from './constants'
import type { Readouts } from './simulate'

export type ReadoutGroup = 'compute' | 'power' | 'cooling' | 'water-carbon' | 'land'

export const READOUT_GROUPS: readonly { readonly id: ReadoutGroup; readonly label: string }[] = [
  { id: 'compute', label: 'Compute' },
  { id: 'power', label: 'Power' },
  { id: 'cooling', label: 'Cooling' },
  { id: 'water-carbon', label: 'Water & carbon' },
  { id: 'land', label: 'Land' },
]

/** A scalar readout key. */
export type ReadoutKey = {
  [K in keyof Readouts]: Readouts[K] extends number ? K : never
}[keyof Readouts]

/**
 * What a readout means and how it is computed: the methodology panel and the command line
 * read this, so the explanation cannot drift from the model.
 */
export interface ReadoutSpec {
  readonly key: ReadoutKey
  readonly label: string
  /** Unit in SI; the planner converts where the user asks for imperial. */
  readonly unit: string
  readonly group: ReadoutGroup
  readonly digits: number
  readonly formula: string
  /** Scenario fields it depends on. */
  readonly inputs: readonly string[]
  /** Model constants it uses (see CONSTANTS for values and sources). */
  readonly constants: readonly ConstantKey[]
  readonly source: string
}

const HOURLY = 'Hourly simulation over the site’s typical year (docs/MODEL.md)'

export const READOUT_SPECS: readonly ReadoutSpec[] = [
  {
    key: 'rackCount',
    label: 'Racks',
    unit: 'count',
    group: 'compute',
    digits: 0,
    formula: 'buildings × halls per building × racks per hall',
    inputs: ['buildings', 'hallsPerBuilding', 'racksPerHall'],
    constants: [],
    source: 'Definition',
  },
  {
    key: 'gpuCount',
    label: 'GPUs',
    unit: 'count',
    group: 'compute',
    digits: 0,
    formula: 'racks × GPUs per rack',
    inputs: ['rack'],
    constants: [],
    source: 'Rack catalog (src/model/racks.ts)',
  },
  {
    key: 'computeBf16Pflops',
    label: 'Compute (BF16 dense)',
    unit: 'PFLOPS',
    group: 'compute',
    digits: 0,
    formula: 'GPUs × dense BF16 TFLOPS per GPU ÷ 1000 (peak, no sparsity)',
    inputs: ['rack'],
    constants: [],
    source: 'repo stas00/ml-engineering accelerator table; vendor datasheets',
  },
  {
    key: 'computeFp8Pflops',
    label: 'Compute (FP8 dense)',
    unit: 'PFLOPS',
    group: 'compute',
    digits: 0,
    formula: 'GPUs × dense FP8 TFLOPS per GPU ÷ 1000',
    inputs: ['rack'],
    constants: [],
    source: 'repo stas00/ml-engineering accelerator table; vendor datasheets',
  },
  {
    key: 'itDesignMw',
    label: 'IT design power',
    unit: 'MW',
    group: 'power',
    digits: 1,
    formula: 'racks × rack design kW × (1 + auxiliary IT share) ÷ 1000',
    inputs: ['rack', 'buildings', 'hallsPerBuilding', 'racksPerHall'],
    constants: ['auxItFraction'],
    source: 'Model reference §7.4 step 1; NVIDIA GB200 SuperPOD reference architecture',
  },
  {
    key: 'itAverageMw',
    label: 'IT average power',
    unit: 'MW',
    group: 'power',
    digits: 1,
    formula: 'racks × rack kW × (utilization + auxiliary share) ÷ 1000, averaged over 8,760 h',
    inputs: ['utilization', 'rack'],
    constants: ['auxItFraction'],
    source: HOURLY,
  },
  {
    key: 'facilityPeakMw',
    label: 'Facility peak',
    unit: 'MW',
    group: 'power',
    digits: 1,
    formula:
      'Largest hourly facility power at full load over the year: IT + UPS + distribution + transformers + lighting + fans + chillers + pumps',
    inputs: ['site', 'climateOffsetC', 'cooling', 'liquidSupplyC', 'redundancy'],
    constants: [
      'upsNoLoad',
      'distributionLoss',
      'transformerLoss',
      'approachDryK',
      'chillerEtaAirCooled',
    ],
    source: `${HOURLY}; design hour = worst hour of the typical year`,
  },
  {
    key: 'facilityAverageMw',
    label: 'Facility average',
    unit: 'MW',
    group: 'power',
    digits: 1,
    formula: 'Σ hourly facility power ÷ 8,760 h',
    inputs: ['utilization', 'site', 'cooling'],
    constants: [],
    source: HOURLY,
  },
  {
    key: 'pueAnnual',
    label: 'PUE (annual)',
    unit: '–',
    group: 'power',
    digits: 3,
    formula: 'Σ facility energy ÷ Σ IT energy (ISO/IEC 30134-2)',
    inputs: ['site', 'climateOffsetC', 'cooling', 'liquidSupplyC', 'redundancy', 'utilization'],
    constants: ['crahFanPressurePa', 'sfpDry', 'pumpLiquid', 'upsProportional'],
    source: 'The Green Grid / ISO/IEC 30134-2; Lei & Masanet (2022) component models',
  },
  {
    key: 'puePeak',
    label: 'PUE (design hour)',
    unit: '–',
    group: 'power',
    digits: 3,
    formula: 'facility peak ÷ IT design power',
    inputs: ['site', 'cooling', 'liquidSupplyC'],
    constants: [],
    source: HOURLY,
  },
  {
    key: 'energyGwhPerYear',
    label: 'Facility energy',
    unit: 'GWh/yr',
    group: 'power',
    digits: 0,
    formula: 'Σ hourly facility power ÷ 1000',
    inputs: ['utilization', 'site', 'cooling'],
    constants: [],
    source: HOURLY,
  },
  {
    key: 'renewableShare',
    label: 'Renewable share (hourly)',
    unit: 'share',
    group: 'power',
    digits: 3,
    formula:
      'Σ hourly (wind + solar used + battery + hydro + grid × regional renewable share) ÷ facility energy',
    inputs: ['power.hydroMw', 'power.windTurbines', 'power.solarMw', 'power.gridMw'],
    constants: [],
    source: 'Hourly matching (24/7 CFE style); regional grid mixes per site',
  },
  {
    key: 'unservedMwhPerYear',
    label: 'Unserved energy',
    unit: 'MWh/yr',
    group: 'power',
    digits: 0,
    formula: 'Σ hourly demand left after wind, solar, hydro, battery, grid and gas',
    inputs: ['power.gridMw', 'power.hydroMw', 'power.hydroCapacityFactor', 'power.gasMw'],
    constants: ['batteryHours', 'batteryRoundTrip'],
    source: 'Model reference §7.4 step 6 (merit-order dispatch)',
  },
  {
    key: 'gridConnectionMva',
    label: 'Grid connection (HV, sized to peak)',
    unit: 'MVA',
    group: 'power',
    digits: 0,
    formula: 'facility peak ÷ power factor × margin',
    inputs: [],
    constants: ['gridPowerFactor', 'gridMargin'],
    source: 'Model reference §7.5',
  },
  {
    key: 'coolingDesignMwTh',
    label: 'Heat to reject (design)',
    unit: 'MWth',
    group: 'cooling',
    digits: 1,
    formula:
      'liquid-loop heat + air-loop heat (incl. fans, UPS, lighting) + chiller work at the design hour, no heat-reuse credit',
    inputs: ['rack', 'cooling', 'site'],
    constants: ['crahFanPressurePa'],
    source: HOURLY,
  },
  {
    key: 'chillerCapacityMwTh',
    label: 'Chiller capacity needed',
    unit: 'MWth',
    group: 'cooling',
    digits: 1,
    formula:
      'max over the year of the chiller load at full load, (1 − free-cooling fraction) × loop heat',
    inputs: ['cooling', 'liquidSupplyC', 'site', 'climateOffsetC'],
    constants: ['approachDryK', 'approachTowerK', 'liquidDeltaK'],
    source: 'Lei & Masanet (2022) water-side economiser fraction',
  },
  {
    key: 'freeCoolingHours',
    label: 'Free-cooling hours (both loops)',
    unit: 'h/yr',
    group: 'cooling',
    digits: 0,
    formula: 'hours in which neither loop needs a chiller (free-cooling fraction = 1 on both)',
    inputs: ['site', 'climateOffsetC', 'cooling', 'liquidSupplyC'],
    constants: ['approachDryK', 'approachTowerK', 'chilledWaterSupplyC'],
    source: 'Lei & Masanet (2022): φ = clamp((T_r − (T_sink + A)) / (T_r − T_s), 0, 1)',
  },
  {
    key: 'heatReusedGwhPerYear',
    label: 'Heat reused',
    unit: 'GWh/yr',
    group: 'cooling',
    digits: 0,
    formula: 'Σ hourly heat × heat-reuse share',
    inputs: ['heatReuseFraction'],
    constants: [],
    source: 'EU EED 2024/1364 energy reuse factor',
  },
  {
    key: 'waterM3PerYear',
    label: 'Site water',
    unit: 'm³/yr',
    group: 'water-carbon',
    digits: 0,
    formula:
      'towers: Q_rej × 3600/h_fg(T_wb) × f_lat × (1 + 1/(CoC − 1)); adiabatic: Q_rej × share × 3600/h_fg × (1 + bleed); closed loops: 0.001 L/kWh IT',
    inputs: ['cooling', 'site', 'climateOffsetC'],
    constants: [
      'towerRangeK',
      'towerLiquidGasRatio',
      'cyclesOfConcentration',
      'adiabaticBleed',
      'closedLoopMakeupLPerKwh',
    ],
    source: 'Lei & Masanet (2022); model reference §2.6',
  },
  {
    key: 'wueLPerKwh',
    label: 'WUE',
    unit: 'L/kWh',
    group: 'water-carbon',
    digits: 3,
    formula: 'site water (L) ÷ IT energy (kWh)',
    inputs: ['cooling', 'site'],
    constants: [],
    source: 'The Green Grid WUE (site)',
  },
  {
    key: 'co2TonnesPerYear',
    label: 'CO₂ (location-based)',
    unit: 't/yr',
    group: 'water-carbon',
    digits: 0,
    formula:
      'Σ hourly energy by source × its emission factor (grid: regional average; on-site: lifecycle or combustion)',
    inputs: ['site', 'power.gridMw', 'power.gasMw', 'power.hydroMw'],
    constants: [
      'hydroLifecycleKgPerKwh',
      'windLifecycleKgPerKwh',
      'solarLifecycleKgPerKwh',
      'gasKgPerKwh',
    ],
    source:
      'US EPA eGRID / Emission Factors Hub; codecarbon Nordic factors; IPCC AR5 lifecycle medians',
  },
  {
    key: 'cueKgPerKwh',
    label: 'CUE',
    unit: 'kg/kWh',
    group: 'water-carbon',
    digits: 3,
    formula: 'CO₂ (kg) ÷ IT energy (kWh)',
    inputs: [],
    constants: [],
    source: 'The Green Grid CUE',
  },
  {
    key: 'buildingFloorM2',
    label: 'Building floor',
    unit: 'm²',
    group: 'land',
    digits: 0,
    formula: 'racks × white space per rack + IT design kW ÷ support-space density',
    inputs: ['rack', 'racksPerHall'],
    constants: ['whiteSpaceLiquidM2PerRack', 'whiteSpaceAirM2PerRack', 'supportFloorKwPerM2'],
    source: 'Model reference §5; calibrated on Stargate I Abilene',
  },
  {
    key: 'siteAreaHa',
    label: 'Campus land',
    unit: 'ha',
    group: 'land',
    digits: 1,
    formula: 'facility peak ÷ MW per hectare (wind and solar fields separate)',
    inputs: [],
    constants: ['siteMwPerHa'],
    source: 'Model reference §5',
  },
  {
    key: 'solarFieldAreaHa',
    label: 'Solar field area',
    unit: 'ha',
    group: 'land',
    digits: 0,
    formula: 'solar MW × 2.9 ha/MW (total area, fixed-tilt PV)',
    inputs: ['power.solarMw'],
    constants: [],
    source: 'Ong et al., NREL/TP-6A20-56290 (2013)',
  },
  {
    key: 'windFarmAreaHa',
    label: 'Wind farm area',
    unit: 'ha',
    group: 'land',
    digits: 0,
    formula: 'turbines × MW × 34.5 ha/MW (total project area; 0.3 ha/MW direct)',
    inputs: ['power.windTurbines', 'power.windTurbineMw'],
    constants: ['windFarmHaPerMw'],
    source: 'NREL TP-6A2-45834 (Denholm et al. 2009)',
  },
]

export const READOUT_SPEC_BY_KEY: ReadonlyMap<ReadoutKey, ReadoutSpec> = new Map(
  READOUT_SPECS.map((s) => [s.key, s]),
)
