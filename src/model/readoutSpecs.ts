import type { ConstantKey } from './constants'
import type { Readouts } from './simulate'

export type ReadoutGroup = 'compute' | 'power' | 'supply' | 'cooling' | 'water-carbon' | 'land'

export const READOUT_GROUPS: readonly { readonly id: ReadoutGroup; readonly label: string }[] = [
  { id: 'compute', label: 'Compute' },
  { id: 'power', label: 'Power' },
  { id: 'supply', label: 'Supply' },
  { id: 'cooling', label: 'Cooling & heat reuse' },
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
  /** What the number means, in plain words (the methodology panel shows it first). */
  readonly plain?: string
  /** Among the planner's key figures (shown large above the lists), in this order from 1. */
  readonly keyFigure?: number
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
    keyFigure: 4,
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
    keyFigure: 3,
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
    keyFigure: 1,
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
    keyFigure: 2,
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
    label: 'Renewable share (hour by hour)',
    unit: 'share',
    group: 'supply',
    digits: 3,
    formula:
      'Σ hourly (own wind, solar, hydro and battery used + contract matched + other grid energy × grid renewable share) ÷ facility energy',
    inputs: ['site', 'power.ppaMw', 'power.hydroMw', 'power.windTurbines', 'power.solarMw'],
    constants: ['batteryRoundTrip'],
    source: 'Hourly matching; regional grid mixes per site (docs/MODEL.md, Sites)',
    plain:
      'How much of the energy the campus uses is renewable: its own wind, solar, hydro and battery and its clean-energy contract, each counted only in the hours it meets the campus’s use, plus the grid’s renewable share of what the grid supplies.',
  },
  {
    key: 'renewableShareAnnual',
    label: 'Renewable share (annual matching)',
    unit: 'share',
    group: 'supply',
    digits: 3,
    formula:
      'min(1, (wind + solar generated incl. curtailed + hydro + contract volume + other grid energy × grid renewable share) ÷ facility energy)',
    inputs: ['site', 'power.ppaMw', 'power.windTurbines', 'power.solarMw'],
    constants: [],
    source: 'GHG Protocol Scope 2 Guidance (2015): certificates matched over the year',
    plain:
      'The figure behind most “100 % renewable” claims: all renewable energy generated or contracted over the year, whenever it came, set against the year’s use. It is never below the hour-by-hour share; the gap is renewable energy that came at the wrong hour.',
  },
  {
    key: 'cfeScore',
    label: 'Carbon-free energy score (24/7)',
    unit: 'share',
    group: 'supply',
    digits: 3,
    formula:
      'Σ hourly (own carbon-free supply used + contract matched + other grid energy × grid carbon-free share) ÷ facility energy',
    inputs: ['site', 'power.ppaMw', 'power.hydroMw', 'power.windTurbines', 'power.solarMw'],
    constants: [],
    source:
      'UN 24/7 Carbon-Free Energy Compact / Google CFE score methodology; the grid’s share is its annual average (no hourly grid data)',
    plain:
      'Each hour, the share of the campus’s use met by carbon-free energy in that same hour — its own renewables, its contract and the grid’s carbon-free share (renewables and nuclear) — over the year. A surplus in one hour does not count for another.',
  },
  {
    key: 'unservedMwhPerYear',
    label: 'Unserved energy',
    unit: 'MWh/yr',
    group: 'supply',
    digits: 0,
    formula:
      'Σ hourly demand left after wind, solar, hydro, battery, grid and gas (0 when no supply is configured: the site’s grid)',
    inputs: ['power.gridMw', 'power.hydroMw', 'power.hydroCapacityFactor', 'power.gasMw'],
    constants: ['batteryHours', 'batteryRoundTrip'],
    source: 'Model reference §7.4 step 6 (merit-order dispatch)',
    plain:
      'Energy the configured supply cannot deliver in the hours it is needed. Without any supply of its own the campus uses the site’s grid, unlimited, and nothing is unserved.',
  },
  {
    key: 'gridPeakMw',
    label: 'Grid draw (highest hour)',
    unit: 'MW',
    group: 'supply',
    digits: 1,
    formula: 'max over the year of the hourly energy taken from the grid',
    inputs: ['power.gridMw'],
    constants: [],
    source: 'Model reference §7.4 step 6 (merit-order dispatch)',
    plain: 'The most the campus draws from the grid in any hour of the typical year.',
  },
  {
    key: 'windCapacityFactor',
    label: 'Wind capacity factor (site)',
    unit: 'share',
    group: 'supply',
    digits: 3,
    formula:
      'mean of P(v₁₀ · (hub/10)^α · k) × (1 − wake) × availability × (1 − electrical); k calibrated to the region’s published capacity factor',
    inputs: ['site'],
    constants: [
      'hubHeightM',
      'windShearExponent',
      'windWakeLoss',
      'windAvailability',
      'windElectricalLoss',
    ],
    source: 'Site records (src/model/sites.ts): NVE, EIA, DUKES and others per site',
    plain:
      'What a MW of wind turbines here delivers over a year, as a share of running at full output all year, after wake, downtime and electrical losses and before any curtailment.',
  },
  {
    key: 'solarCapacityFactor',
    label: 'Solar capacity factor (site, AC)',
    unit: 'share',
    group: 'supply',
    digits: 3,
    formula:
      'mean of min(1, POA/1000 × (1 + γ(T_cell − 25)) × (1 − losses) × DC/AC × η_inv) with single-axis trackers and the site’s hourly irradiance',
    inputs: ['site'],
    constants: [
      'pvSystemLoss',
      'pvTempCoeffPerK',
      'pvDcAcRatio',
      'pvInverterEfficiency',
      'pvTrackerMaxAngleDeg',
    ],
    source:
      'NREL PVWatts v5 (Dobos 2014); Sandia module temperature (King et al. 2004); Hay & Davies (1980) sky model',
    plain:
      'What a MW (AC) of tracking solar here delivers over a year, as a share of full output all year, from the site’s hourly sunshine, cloud and temperature, after losses and inverter clipping.',
  },
  {
    key: 'hydroCapacityFactorUsed',
    label: 'Hydro plant capacity factor (used)',
    unit: 'share',
    group: 'supply',
    digits: 3,
    formula: 'hydro energy delivered ÷ (hydro MW × 8,760 h); at most the energy factor',
    inputs: ['power.hydroMw', 'power.hydroCapacityFactor'],
    constants: [],
    source: 'Norwegian fleet 0.48 (sodir.no, cedren.no)',
    plain:
      'How much of its rating the hydro plant actually delivers over the year. A plant’s water lasts for its energy budget only; the rest comes from the grid or other supply.',
  },
  {
    key: 'gasCapacityFactor',
    label: 'Gas turbine capacity factor',
    unit: 'share',
    group: 'supply',
    digits: 3,
    formula: 'gas energy delivered ÷ (gas MW × 8,760 h)',
    inputs: ['power.gasMw', 'power.gridMw'],
    constants: [],
    source: 'Merit-order dispatch (gas after the grid)',
    plain: 'How much the on-site gas turbines run over the year, as a share of running flat out.',
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
    key: 'designDryBulbC',
    label: 'Design-hour dry bulb',
    unit: '°C',
    group: 'cooling',
    digits: 1,
    formula: 'outdoor dry-bulb temperature of the design hour (the hour of the facility peak)',
    inputs: ['site', 'climateOffsetC'],
    constants: [],
    source: `${HOURLY}; design hour = worst hour of the typical year`,
  },
  {
    key: 'designWetBulbC',
    label: 'Design-hour wet bulb',
    unit: '°C',
    group: 'cooling',
    digits: 1,
    formula:
      'outdoor wet-bulb temperature of the design hour (enthalpy equality, psychrometrics.ts)',
    inputs: ['site', 'climateOffsetC'],
    constants: [],
    source: `${HOURLY}; design hour = worst hour of the typical year`,
  },
  {
    key: 'heatReusedGwhPerYear',
    label: 'Heat recovered for reuse',
    unit: 'GWh/yr',
    group: 'cooling',
    digits: 0,
    formula:
      'Σ hourly (liquid + air loop heat) × reuse share × demand, demand = base + (1 − base) × clamp((T_base − T_db)/(T_base − T_design), 0, 1) for district heating, 1 for industry',
    inputs: ['heatReuseFraction', 'heatReuseDemand', 'site'],
    constants: ['heatingBaseC', 'heatingBaseLoadShare'],
    source: 'Eurostat heating degree-days (15 °C base); The Green Grid ERF',
    plain:
      'Heat taken from the campus’s cooling loops by a heat customer. District heating takes most in the coldest hours and only a hot-water base in summer.',
  },
  {
    key: 'heatDeliveredGwhPerYear',
    label: 'Heat delivered',
    unit: 'GWh/yr',
    group: 'cooling',
    digits: 0,
    formula: 'heat recovered + heat pump electricity (it ends up as heat in the network)',
    inputs: ['heatReuseFraction', 'heatReuseSupplyC', 'liquidSupplyC'],
    constants: ['heatPumpCarnotEfficiency', 'heatReuseApproachK'],
    source: 'Energy balance of a heat pump: Q_delivered = Q_source + W',
    plain: 'Heat the customer receives at the network’s temperature.',
  },
  {
    key: 'erf',
    label: 'Energy reuse factor (ERF)',
    unit: 'share',
    group: 'cooling',
    digits: 3,
    formula: 'heat recovered for reuse ÷ facility energy (heat pumps included)',
    inputs: ['heatReuseFraction', 'heatReuseDemand'],
    constants: [],
    source: 'The Green Grid ERF; ISO/IEC 30134-6; EU EED delegated regulation 2024/1364',
    plain:
      'The share of the campus’s energy that is reused as heat elsewhere. Reuse is reported here and never lowers PUE: the heat pumps that lift the heat count in facility energy.',
  },
  {
    key: 'heatSupplyC',
    label: 'Heat delivery temperature',
    unit: '°C',
    group: 'cooling',
    digits: 0,
    formula:
      'the network’s supply temperature where heat pumps lift the heat; else the loop return − HX approach',
    inputs: ['heatReuseSupplyC', 'liquidSupplyC'],
    constants: ['heatReuseApproachK', 'liquidDeltaK'],
    source: 'ASHRAE W-classes; 4th-generation district heating 50–60 °C',
    plain: 'The temperature at which the heat reaches the customer (0 without heat reuse).',
  },
  {
    key: 'heatPumpCop',
    label: 'Heat pump COP (seasonal)',
    unit: '–',
    group: 'cooling',
    digits: 2,
    formula:
      'heat delivered ÷ heat pump electricity; COP = η · T_cond / (T_cond − T_evap), T_cond = network + approach, T_evap = loop return − approach (kelvin)',
    inputs: ['heatReuseSupplyC', 'liquidSupplyC'],
    constants: ['heatPumpCarnotEfficiency', 'heatReuseApproachK'],
    source: 'Carnot-fraction heat pump model; Arpagaus et al. (2018)',
    plain:
      'Units of heat delivered per unit of electricity when heat must be lifted to the network’s temperature (0 when none is needed).',
  },
  {
    key: 'waterM3PerYear',
    label: 'Site water',
    unit: 'm³/yr',
    group: 'water-carbon',
    digits: 0,
    formula:
      'towers and sprayed hybrids: Q_rej × 3600/h_fg(T_wb) × latent share (from the air each hour) × (1 + 1/(CoC − 1)); adiabatic: Q_rej × share × 3600/h_fg × (1 + bleed); closed loops: 0.001 L/kWh IT',
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
    key: 'peakDayWaterM3',
    label: 'Peak-day water',
    unit: 'm³',
    group: 'water-carbon',
    digits: 0,
    formula: 'largest daily total of the hourly site water over the typical year',
    inputs: ['cooling', 'site', 'climateOffsetC'],
    constants: ['towerRangeK', 'towerLiquidGasRatio', 'cyclesOfConcentration', 'adiabaticBleed'],
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
      'grid energy × the grid’s average emission factor + on-site gas × its combustion factor (GHG Protocol Scope 2, location-based)',
    inputs: ['site', 'power.gridMw', 'power.gasMw'],
    constants: ['gasKgPerKwh'],
    source:
      'GHG Protocol Scope 2 Guidance (2015); US EPA eGRID / Emission Factors Hub; NVE; UBA; NESO; EMA',
    plain:
      'The emissions of the electricity the campus physically uses: what the grid supplies at the grid’s average emissions per kWh, plus the fuel burnt on site. Own wind, solar and hydro add nothing here.',
  },
  {
    key: 'co2MarketTonnesPerYear',
    label: 'CO₂ (market-based)',
    unit: 't/yr',
    group: 'water-carbon',
    digits: 0,
    formula:
      'grid energy not matched hour by hour by the clean-energy contract × the residual mix (grid average where none is on record) + on-site gas',
    inputs: ['site', 'power.ppaMw', 'power.gasMw'],
    constants: ['gasKgPerKwh'],
    source:
      'GHG Protocol Scope 2 Guidance (2015), market-based method; Nordic residual mix (Energimarknadsinspektionen / Grexel)',
    plain:
      'The emissions the campus reports for what it buys: contracted and own clean energy count as zero in the hours they match its use; everything else carries the residual mix, the grid left over after others have claimed its clean energy.',
  },
  {
    key: 'co2LifecycleTonnesPerYear',
    label: 'CO₂e (lifecycle)',
    unit: 't/yr',
    group: 'water-carbon',
    digits: 0,
    formula:
      'wind, solar and hydro at their lifecycle factors + grid × the grid’s lifecycle factor + gas × combustion × lifecycle/direct ratio',
    inputs: ['site', 'power.hydroMw', 'power.windTurbines', 'power.solarMw', 'power.gasMw'],
    constants: [
      'hydroLifecycleKgPerKwh',
      'windLifecycleKgPerKwh',
      'solarLifecycleKgPerKwh',
      'gasLifecycleFactor',
    ],
    source: 'IPCC AR5 WG3 Annex III; codecarbon lifecycle grid factors',
    plain:
      'Emissions over the whole life of every source: building the turbines, panels and dams, and extracting and transporting fuel, as well as burning it.',
  },
  {
    key: 'cueKgPerKwh',
    label: 'CUE (location-based)',
    unit: 'kg/kWh',
    group: 'water-carbon',
    digits: 3,
    formula: 'location-based CO₂ (kg) ÷ IT energy (kWh)',
    inputs: [],
    constants: [],
    source: 'The Green Grid CUE',
    plain: 'Location-based CO₂ per kWh of IT energy (= emission factor × PUE for one source).',
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
