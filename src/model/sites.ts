import { CONSTANTS, type Confidence } from './constants'

export const SITE_IDS = [
  'narvik',
  'tromso',
  'bodo',
  'lulea',
  'abilene',
  'las-cruces',
  'phoenix',
  'memphis',
  'ashburn',
  'columbus',
  'youngstown',
  'frankfurt',
  'singapore',
  'abu-dhabi',
  'milam',
  'saline',
  'port-washington',
  'london',
] as const
export type SiteId = (typeof SITE_IDS)[number]

/** How the scene should shape the land around the campus. */
export type Terrain = 'fjord' | 'forest' | 'plain' | 'desert' | 'coastal'

export interface SiteSpec {
  readonly id: SiteId
  readonly label: string
  readonly country: string
  readonly lat: number
  readonly lon: number
  readonly terrain: Terrain
  /** 'synthesised': the hourly year was built from monthly statistics (docs/CLIMATE.md). */
  readonly climateQuality: 'measured' | 'synthesised'
  readonly grid: {
    readonly zone: string
    /**
     * Location-based grid emission factor (GHG Protocol Scope 2): the grid's average direct
     * (combustion) emissions per kWh, kg CO₂ (or CO₂e) per kWh.
     */
    readonly kgCo2PerKwh: number
    /** Lifecycle factor of the grid's mix (incl. upstream and plant construction), kg CO₂e/kWh. */
    readonly lifecycleKgCo2PerKwh: number
    /**
     * Residual mix (energy attributes left after certificates and contracts are claimed), the
     * market-based factor of uncontracted grid energy, kg CO₂/kWh; null where none is on
     * record here (the grid average stands in, the GHG Protocol's last fallback).
     */
    readonly residualKgCo2PerKwh: number | null
    /** Share of the regional grid's energy from hydro, wind, solar and other renewables, 0…1. */
    readonly renewableShare: number
    /**
     * Share of the grid's energy from carbon-free sources (renewables and nuclear), 0…1; where
     * no figure with nuclear is on record it equals `renewableShare` (nuclear not credited).
     */
    readonly carbonFreeShare: number
    /** Indicative wholesale price, US$ per MWh. */
    readonly priceUsdPerMwh: number
    readonly source: string
    readonly confidence: Confidence
  }
  /** Baseline water stress high or worse (WRI Aqueduct 4.0). */
  readonly waterStressed: boolean
  /** Monthly sea or fjord surface temperature, °C; null where the site has no sea access. */
  readonly seaTempMonthlyC: readonly number[] | null
  /**
   * Wind: the published net capacity factor of wind farms in the region, to which the site's
   * hourly wind is calibrated (null: no wind industry to calibrate to; the station wind is used
   * with the power-law shear alone), and where the figure comes from.
   */
  readonly wind: { readonly capacityFactor: number | null; readonly source: string }
  /**
   * Hours by which the climate asset's irradiance runs early (docs/CLIMATE.md: the TMYx
   * 2007–2023 files are 15–30 min early): the sun for hour i is taken at i + ½ + this.
   */
  readonly irradianceShiftH: number
  /** Large hydropower in the region (a plant or a hydro contract is plausible here). */
  readonly hydroResource: boolean
}

const EGRID = 'US EPA eGRID2024 via GHG Emission Factors Hub 2026, Table 6'
const NORDIC = 'repo mlco2/codecarbon nordic_emissions.json (ENTSO-E 2025 mix × lifecycle factors)'
const NORDIC_RESIDUAL =
  'Nordic residual mix 2023: 524 g CO₂/kWh (Energimarknadsinspektionen / Grexel)'
const NOT_CREDITED = 'nuclear not credited (no carbon-free share on record here)'

/**
 * Lifecycle factor of a grid without a published one: its direct factor × the lifecycle/direct
 * ratio of gas power (IPCC AR5) plus its carbon-free share at the hydro/wind lifecycle factor.
 * An estimate (L), documented in docs/MODEL.md.
 */
function lifecycleEstimate(direct: number, carbonFree: number): number {
  return (
    Math.round(
      (direct * CONSTANTS.gasLifecycleFactor.value +
        carbonFree * CONSTANTS.hydroLifecycleKgPerKwh.value) *
        1e4,
    ) / 1e4
  )
}

const NO4 = {
  zone: 'NO4 (Northern Norway)',
  // 3.63 % of NO4's 2025 generation was gas (Melkøya, aeroderivative turbines) × 0.504 kg/kWh;
  // hydro and wind emit nothing in operation. NVE's national figure for 2023 is 0.015.
  kgCo2PerKwh: 0.018,
  lifecycleKgCo2PerKwh: 0.0517,
  residualKgCo2PerKwh: 0.524,
  renewableShare: 0.95,
  carbonFreeShare: 0.96,
  priceUsdPerMwh: 25,
  source: `location: NO4 2025 gas share 3.63 % (${NORDIC}) × 0.504 kg/kWh, cf. NVE 2023 physical delivery 15 g CO₂e/kWh; lifecycle: ${NORDIC}; residual: ${NORDIC_RESIDUAL}; renewable 95 % (NVE 2023); NO4 spot €13–30/MWh (kwhprice.eu)`,
  confidence: 'M',
} as const

const RFCW = {
  zone: 'RFC West (eGRID RFCW)',
  kgCo2PerKwh: 0.4035,
  lifecycleKgCo2PerKwh: lifecycleEstimate(0.4035, 0.06),
  residualKgCo2PerKwh: null,
  renewableShare: 0.06,
  carbonFreeShare: 0.06,
  priceUsdPerMwh: 65,
  source: `${EGRID}; ${NOT_CREDITED}`,
  confidence: 'H',
} as const

const ERCOT = {
  zone: 'ERCOT (eGRID ERCT)',
  kgCo2PerKwh: 0.3178,
  lifecycleKgCo2PerKwh: lifecycleEstimate(0.3178, 0.4),
  residualKgCo2PerKwh: null,
  renewableShare: 0.32,
  carbonFreeShare: 0.4,
  priceUsdPerMwh: 70,
  source: `${EGRID}; ERCOT 2023 day-ahead ≈ $70/MWh (EIA); wind + solar 30.5 % and carbon-free above 40 % of ERCOT's 2022 generation (IEEFA, Jan 2023)`,
  confidence: 'H',
} as const

function egrid(
  zone: string,
  kg: number,
  renewable: number,
  price: number,
  extra = '',
): SiteSpec['grid'] {
  return {
    zone,
    kgCo2PerKwh: kg,
    lifecycleKgCo2PerKwh: lifecycleEstimate(kg, renewable),
    residualKgCo2PerKwh: null,
    renewableShare: renewable,
    carbonFreeShare: renewable,
    priceUsdPerMwh: price,
    source: `${EGRID}${extra}; ${NOT_CREDITED}`,
    confidence: 'H',
  }
}

const WIND_NO =
  'NVE: Norwegian wind fleet 2020 capacity factor 37.4 % at production index 108 % (≈ 35 % in a normal year); IEA Wind 2017: 33 %'
const WIND_TX =
  'EIA: Texas wind 84.4 TWh in 2019 from 24.1 → 28.1 GW (≈ 37 %); model reference §3.3: West Texas 35–45 %'
const WIND_AZ = 'EIA State Energy Data System, Table N3 (2022): Arizona wind capacity factor 28.9 %'
const WIND_US =
  'EIA Electric Power Monthly Table 6.07.B: US wind fleet 2020 capacity factor 35.3 % (no regional figure on record here: the US fleet stands in; generous for weak-wind states)'
const WIND_NONE = 'No wind industry to calibrate to: station wind × power-law shear (1/7) alone'

export const SITES: Readonly<Record<SiteId, SiteSpec>> = {
  narvik: {
    id: 'narvik',
    label: 'Narvik, Norway',
    country: 'NO',
    lat: 68.44,
    lon: 17.43,
    terrain: 'fjord',
    climateQuality: 'synthesised',
    grid: NO4,
    waterStressed: false,
    seaTempMonthlyC: [5, 5, 4, 4, 6, 8, 11, 12, 10, 9, 7, 6],
    wind: { capacityFactor: 0.35, source: WIND_NO },
    irradianceShiftH: 0,
    hydroResource: true,
  },
  tromso: {
    id: 'tromso',
    label: 'Tromsø, Norway',
    country: 'NO',
    lat: 69.65,
    lon: 18.96,
    terrain: 'fjord',
    climateQuality: 'synthesised',
    grid: NO4,
    waterStressed: false,
    seaTempMonthlyC: [5, 4, 4, 4, 5, 7, 10, 11, 10, 8, 7, 6],
    wind: { capacityFactor: 0.35, source: WIND_NO },
    irradianceShiftH: 0,
    hydroResource: true,
  },
  bodo: {
    id: 'bodo',
    label: 'Bodø, Norway',
    country: 'NO',
    lat: 67.28,
    lon: 14.4,
    terrain: 'fjord',
    climateQuality: 'synthesised',
    grid: NO4,
    waterStressed: false,
    seaTempMonthlyC: [6, 5, 5, 5, 7, 9, 12, 13, 11, 9, 8, 7],
    wind: { capacityFactor: 0.35, source: WIND_NO },
    irradianceShiftH: 0,
    hydroResource: true,
  },
  lulea: {
    id: 'lulea',
    label: 'Luleå, Sweden',
    country: 'SE',
    lat: 65.54,
    lon: 22.12,
    terrain: 'forest',
    climateQuality: 'measured',
    grid: {
      zone: 'SE1 (Northern Sweden)',
      // SE1 is hydro and wind (99.6 % of 2025 generation); the 0.41 % "other" counted at the
      // gas factor as an upper bound.
      kgCo2PerKwh: 0.002,
      lifecycleKgCo2PerKwh: 0.0259,
      residualKgCo2PerKwh: 0.524,
      renewableShare: 0.98,
      carbonFreeShare: 0.99,
      priceUsdPerMwh: 30,
      source: `location: SE1 2025 mix (${NORDIC}; "other" 0.41 % at 0.504 kg/kWh as an upper bound); lifecycle: ${NORDIC}; residual: ${NORDIC_RESIDUAL}`,
      confidence: 'M',
    },
    waterStressed: false,
    seaTempMonthlyC: [1, 0, 0, 0, 3, 9, 15, 15, 11, 7, 4, 2],
    wind: {
      capacityFactor: 0.29,
      source:
        'Swedish Energy Agency via Wind power in Sweden: 33.1 TWh in 2022 from 12.1 → 14.3 GW (≈ 29 %)',
    },
    irradianceShiftH: -0.375,
    hydroResource: true,
  },
  abilene: {
    id: 'abilene',
    label: 'Abilene, Texas',
    country: 'US',
    lat: 32.45,
    lon: -99.73,
    terrain: 'plain',
    climateQuality: 'measured',
    grid: ERCOT,
    waterStressed: true,
    seaTempMonthlyC: null,
    wind: { capacityFactor: 0.37, source: WIND_TX },
    irradianceShiftH: 0,
    hydroResource: false,
  },
  'las-cruces': {
    id: 'las-cruces',
    label: 'Las Cruces, New Mexico',
    country: 'US',
    lat: 32.3,
    lon: -106.78,
    terrain: 'desert',
    climateQuality: 'measured',
    grid: egrid('WECC Southwest (eGRID AZNM)', 0.302, 0.25, 55),
    waterStressed: true,
    seaTempMonthlyC: null,
    wind: {
      capacityFactor: 0.289,
      source: `${WIND_AZ} (neighbouring state, same eGRID subregion)`,
    },
    irradianceShiftH: 0,
    hydroResource: false,
  },
  phoenix: {
    id: 'phoenix',
    label: 'Phoenix, Arizona',
    country: 'US',
    lat: 33.43,
    lon: -112.02,
    terrain: 'desert',
    climateQuality: 'measured',
    grid: egrid('WECC Southwest (eGRID AZNM)', 0.302, 0.15, 60),
    waterStressed: true,
    seaTempMonthlyC: null,
    wind: { capacityFactor: 0.289, source: WIND_AZ },
    irradianceShiftH: 0,
    hydroResource: false,
  },
  memphis: {
    id: 'memphis',
    label: 'Memphis, Tennessee',
    country: 'US',
    lat: 35.06,
    lon: -89.98,
    terrain: 'plain',
    climateQuality: 'measured',
    grid: {
      zone: 'SERC Tennessee Valley (eGRID SRTV)',
      kgCo2PerKwh: 0.4266,
      lifecycleKgCo2PerKwh: lifecycleEstimate(0.4266, 0.58),
      residualKgCo2PerKwh: null,
      renewableShare: 0.12,
      carbonFreeShare: 0.58,
      priceUsdPerMwh: 60,
      source: `${EGRID}; TVA: "nearly 60 percent carbon-free" (2023, nuclear and hydro)`,
      confidence: 'H',
    },
    waterStressed: false,
    seaTempMonthlyC: null,
    wind: { capacityFactor: 0.353, source: WIND_US },
    irradianceShiftH: 0,
    hydroResource: false,
  },
  ashburn: {
    id: 'ashburn',
    label: 'Ashburn, Virginia',
    country: 'US',
    lat: 39.04,
    lon: -77.49,
    terrain: 'plain',
    climateQuality: 'measured',
    grid: {
      ...egrid('SERC Virginia/Carolina (eGRID SRVC)', 0.288, 0.08, 75),
      source: `US EPA eGRID2022 subregion SRVC (≈ 636 lb/MWh); ${NOT_CREDITED}`,
      confidence: 'M',
    },
    waterStressed: false,
    seaTempMonthlyC: null,
    wind: { capacityFactor: 0.353, source: WIND_US },
    irradianceShiftH: -0.375,
    hydroResource: false,
  },
  columbus: {
    id: 'columbus',
    label: 'Columbus, Ohio',
    country: 'US',
    lat: 39.99,
    lon: -82.88,
    terrain: 'plain',
    climateQuality: 'measured',
    grid: RFCW,
    waterStressed: false,
    seaTempMonthlyC: null,
    wind: { capacityFactor: 0.353, source: WIND_US },
    irradianceShiftH: 0,
    hydroResource: false,
  },
  youngstown: {
    id: 'youngstown',
    label: 'Youngstown / Lordstown, Ohio',
    country: 'US',
    lat: 41.26,
    lon: -80.67,
    terrain: 'plain',
    climateQuality: 'measured',
    grid: RFCW,
    waterStressed: false,
    seaTempMonthlyC: null,
    wind: { capacityFactor: 0.353, source: WIND_US },
    irradianceShiftH: 0,
    hydroResource: false,
  },
  frankfurt: {
    id: 'frankfurt',
    label: 'Frankfurt, Germany',
    country: 'DE',
    lat: 50.05,
    lon: 8.6,
    terrain: 'plain',
    climateQuality: 'measured',
    grid: {
      zone: 'Germany (DE-LU)',
      kgCo2PerKwh: 0.363,
      lifecycleKgCo2PerKwh: lifecycleEstimate(0.363, 0.55),
      residualKgCo2PerKwh: null,
      renewableShare: 0.55,
      carbonFreeShare: 0.55,
      priceUsdPerMwh: 95,
      source:
        'Umweltbundesamt CO₂ emission factor of the German power mix 2024 (≈ 363 g/kWh); EPEX 2024; no nuclear since April 2023',
      confidence: 'M',
    },
    waterStressed: false,
    seaTempMonthlyC: null,
    wind: {
      capacityFactor: 0.25,
      source:
        'Jung & Schindler, Energies 16 (2023) 5390: global onshore fleet 3-year mean 0.25 (2018–2020); no German figure on record here (L)',
    },
    irradianceShiftH: -0.375,
    hydroResource: false,
  },
  singapore: {
    id: 'singapore',
    label: 'Singapore',
    country: 'SG',
    lat: 1.36,
    lon: 103.99,
    terrain: 'coastal',
    climateQuality: 'measured',
    grid: {
      zone: 'Singapore (EMA)',
      kgCo2PerKwh: 0.412,
      lifecycleKgCo2PerKwh: lifecycleEstimate(0.412, 0.04),
      residualKgCo2PerKwh: null,
      renewableShare: 0.04,
      carbonFreeShare: 0.04,
      priceUsdPerMwh: 150,
      source:
        'Energy Market Authority, Singapore Energy Statistics 2024 (grid emission factor ≈ 0.412 kg/kWh); no nuclear',
      confidence: 'M',
    },
    waterStressed: true,
    seaTempMonthlyC: [28, 28, 28, 29, 30, 30, 29, 29, 29, 29, 29, 28],
    wind: { capacityFactor: null, source: WIND_NONE },
    irradianceShiftH: 0,
    hydroResource: false,
  },
  'abu-dhabi': {
    id: 'abu-dhabi',
    label: 'Abu Dhabi, UAE',
    country: 'AE',
    lat: 24.45,
    lon: 54.38,
    terrain: 'coastal',
    climateQuality: 'synthesised',
    grid: {
      zone: 'UAE (EWEC)',
      kgCo2PerKwh: 0.4,
      lifecycleKgCo2PerKwh: lifecycleEstimate(0.4, 0.4),
      residualKgCo2PerKwh: null,
      renewableShare: 0.1,
      carbonFreeShare: 0.4,
      priceUsdPerMwh: 60,
      source:
        'EWEC statistical reports (gas-fired mix with Barakah nuclear and Noor solar); Abu Dhabi "nearly 40 %" nuclear and renewable in 2023 (MEES, March 2024)',
      confidence: 'L',
    },
    waterStressed: true,
    seaTempMonthlyC: [22, 21, 22, 25, 29, 32, 33, 34, 33, 30, 27, 24],
    wind: { capacityFactor: null, source: WIND_NONE },
    irradianceShiftH: 0,
    hydroResource: false,
  },
  // Sites added for programmes (issue 12). Weather: NREL TMY3 of the nearest good station; the
  // station, its distance and the source are in data/climate-source/<id>.json and
  // docs/CLIMATE.md. Grid: eGRID2024 subregion total-output factors (model reference §3.1).
  milam: {
    id: 'milam',
    label: 'Milam County (Rockdale), Texas',
    country: 'US',
    lat: 30.65,
    lon: -97.0,
    terrain: 'plain',
    climateQuality: 'measured',
    grid: ERCOT,
    // WRI Aqueduct 4.0: the Brazos basin of central Texas is high baseline water stress.
    waterStressed: true,
    seaTempMonthlyC: null,
    wind: { capacityFactor: 0.37, source: WIND_TX },
    irradianceShiftH: 0,
    hydroResource: false,
  },
  saline: {
    id: 'saline',
    label: 'Saline Township, Michigan',
    country: 'US',
    lat: 42.15,
    lon: -83.8,
    terrain: 'plain',
    climateQuality: 'measured',
    grid: {
      ...egrid(
        'RFC Michigan (eGRID RFCM)',
        0.4457,
        0.1,
        40,
        ' (RFCM 982.5 lb/MWh); renewable share and MISO price approximate',
      ),
      confidence: 'M',
    },
    waterStressed: false,
    seaTempMonthlyC: null,
    wind: { capacityFactor: 0.353, source: WIND_US },
    irradianceShiftH: 0,
    hydroResource: false,
  },
  'port-washington': {
    id: 'port-washington',
    label: 'Port Washington, Wisconsin',
    country: 'US',
    lat: 43.39,
    lon: -87.88,
    terrain: 'plain',
    climateQuality: 'measured',
    grid: {
      ...egrid(
        'MRO East (eGRID MROE)',
        0.5884,
        0.1,
        40,
        ' (MROE 1,297.3 lb/MWh); renewable share and MISO price approximate',
      ),
      confidence: 'M',
    },
    waterStressed: false,
    seaTempMonthlyC: null,
    wind: { capacityFactor: 0.353, source: WIND_US },
    irradianceShiftH: 0,
    hydroResource: false,
  },
  london: {
    id: 'london',
    label: 'London Docklands, England',
    country: 'GB',
    lat: 51.51,
    lon: -0.005,
    terrain: 'plain',
    climateQuality: 'measured',
    grid: {
      zone: 'Great Britain (GB)',
      kgCo2PerKwh: 0.124,
      lifecycleKgCo2PerKwh: lifecycleEstimate(0.124, 0.58),
      residualKgCo2PerKwh: null,
      renewableShare: 0.37,
      carbonFreeShare: 0.58,
      priceUsdPerMwh: 92,
      source:
        'NESO carbon intensity, GB 2024 average ≈ 124 g/kWh; wind + solar + hydro ≈ 37 % of ' +
        'generation 2024 (Ember); 58 % clean incl. nuclear 13 % and biomass (Carbon Brief, Jan 2025); N2EX day-ahead 2024 ≈ £72/MWh',
      confidence: 'M',
    },
    // WRI Aqueduct 4.0: the Thames basin is high baseline water stress.
    waterStressed: true,
    seaTempMonthlyC: null,
    wind: {
      capacityFactor: 0.263,
      source: 'DUKES 6.3: UK onshore wind load factor, 2018–2022 mean 26.3 %',
    },
    irradianceShiftH: -0.375,
    hydroResource: false,
  },
}

/**
 * Surface water temperature for sites without the sea: a lake or river at the monthly mean
 * air temperature, never below 4 °C (density maximum of fresh water). Used with a warning.
 */
export const INLAND_WATER_MIN_C = 4
