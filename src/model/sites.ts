import type { Confidence } from './constants'

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
    /** Location-based grid emission factor, kg CO₂e per kWh. */
    readonly kgCo2PerKwh: number
    /** Share of the regional grid's energy from hydro, wind and solar, 0…1. */
    readonly renewableShare: number
    /** Indicative wholesale price, US$ per MWh. */
    readonly priceUsdPerMwh: number
    readonly source: string
    readonly confidence: Confidence
  }
  /** Baseline water stress high or worse (WRI Aqueduct 4.0). */
  readonly waterStressed: boolean
  /** Monthly sea or fjord surface temperature, °C; null where the site has no sea access. */
  readonly seaTempMonthlyC: readonly number[] | null
  /** Annual capacity factor of fixed-tilt PV here (AC), used to scale the solar profile. */
  readonly solarCapacityFactor: number
  /** Large hydropower in the region (a plant or a hydro contract is plausible here). */
  readonly hydroResource: boolean
}

const EGRID = 'US EPA eGRID2024 via GHG Emission Factors Hub 2026, Table 6'
const NORDIC = 'repo mlco2/codecarbon nordic_emissions.json (ENTSO-E mix × lifecycle factors, 2025)'
const NO4 = {
  zone: 'NO4 (Northern Norway)',
  kgCo2PerKwh: 0.0517,
  renewableShare: 0.95,
  priceUsdPerMwh: 25,
  source: `${NORDIC}; NO4 spot €13–30/MWh (kwhprice.eu)`,
  confidence: 'M',
} as const

const RFCW = {
  zone: 'RFC West (eGRID RFCW)',
  kgCo2PerKwh: 0.4035,
  renewableShare: 0.06,
  priceUsdPerMwh: 65,
  source: EGRID,
  confidence: 'H',
} as const

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
    solarCapacityFactor: 0.08,
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
    solarCapacityFactor: 0.07,
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
    solarCapacityFactor: 0.08,
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
      kgCo2PerKwh: 0.026,
      renewableShare: 0.98,
      priceUsdPerMwh: 30,
      source: NORDIC,
      confidence: 'M',
    },
    waterStressed: false,
    seaTempMonthlyC: [1, 0, 0, 0, 3, 9, 15, 15, 11, 7, 4, 2],
    solarCapacityFactor: 0.09,
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
    grid: {
      zone: 'ERCOT (eGRID ERCT)',
      kgCo2PerKwh: 0.3178,
      renewableShare: 0.32,
      priceUsdPerMwh: 70,
      source: `${EGRID}; ERCOT 2023 day-ahead ≈ $70/MWh (EIA)`,
      confidence: 'H',
    },
    waterStressed: true,
    seaTempMonthlyC: null,
    solarCapacityFactor: 0.22,
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
    grid: {
      zone: 'WECC Southwest (eGRID AZNM)',
      kgCo2PerKwh: 0.302,
      renewableShare: 0.25,
      priceUsdPerMwh: 55,
      source: EGRID,
      confidence: 'H',
    },
    waterStressed: true,
    seaTempMonthlyC: null,
    solarCapacityFactor: 0.25,
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
    grid: {
      zone: 'WECC Southwest (eGRID AZNM)',
      kgCo2PerKwh: 0.302,
      renewableShare: 0.15,
      priceUsdPerMwh: 60,
      source: EGRID,
      confidence: 'H',
    },
    waterStressed: true,
    seaTempMonthlyC: null,
    solarCapacityFactor: 0.25,
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
      renewableShare: 0.12,
      priceUsdPerMwh: 60,
      source: EGRID,
      confidence: 'H',
    },
    waterStressed: false,
    seaTempMonthlyC: null,
    solarCapacityFactor: 0.19,
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
      zone: 'SERC Virginia/Carolina (eGRID SRVC)',
      kgCo2PerKwh: 0.288,
      renewableShare: 0.08,
      priceUsdPerMwh: 75,
      source: 'US EPA eGRID2022 subregion SRVC (≈ 636 lb/MWh)',
      confidence: 'M',
    },
    waterStressed: false,
    seaTempMonthlyC: null,
    solarCapacityFactor: 0.18,
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
    solarCapacityFactor: 0.16,
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
    solarCapacityFactor: 0.15,
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
      renewableShare: 0.55,
      priceUsdPerMwh: 95,
      source:
        'Umweltbundesamt CO₂ emission factor of the German power mix 2024 (≈ 363 g/kWh); EPEX 2024',
      confidence: 'M',
    },
    waterStressed: false,
    seaTempMonthlyC: null,
    solarCapacityFactor: 0.11,
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
      renewableShare: 0.04,
      priceUsdPerMwh: 150,
      source:
        'Energy Market Authority, Singapore Energy Statistics 2024 (grid emission factor ≈ 0.412 kg/kWh)',
      confidence: 'M',
    },
    waterStressed: true,
    seaTempMonthlyC: [28, 28, 28, 29, 30, 30, 29, 29, 29, 29, 29, 28],
    solarCapacityFactor: 0.14,
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
      renewableShare: 0.1,
      priceUsdPerMwh: 60,
      source: 'EWEC statistical reports (gas-fired mix with Barakah nuclear and Noor solar)',
      confidence: 'L',
    },
    waterStressed: true,
    seaTempMonthlyC: [22, 21, 22, 25, 29, 32, 33, 34, 33, 30, 27, 24],
    solarCapacityFactor: 0.22,
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
    grid: {
      zone: 'ERCOT (eGRID ERCT)',
      kgCo2PerKwh: 0.3178,
      renewableShare: 0.32,
      priceUsdPerMwh: 70,
      source: `${EGRID}; ERCOT 2023 day-ahead ≈ $70/MWh (EIA)`,
      confidence: 'H',
    },
    // WRI Aqueduct 4.0: the Brazos basin of central Texas is high baseline water stress.
    waterStressed: true,
    seaTempMonthlyC: null,
    solarCapacityFactor: 0.2,
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
      zone: 'RFC Michigan (eGRID RFCM)',
      kgCo2PerKwh: 0.4457,
      renewableShare: 0.1,
      priceUsdPerMwh: 40,
      source: `${EGRID} (RFCM 982.5 lb/MWh); renewable share and MISO price approximate`,
      confidence: 'M',
    },
    waterStressed: false,
    seaTempMonthlyC: null,
    solarCapacityFactor: 0.15,
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
      zone: 'MRO East (eGRID MROE)',
      kgCo2PerKwh: 0.5884,
      renewableShare: 0.1,
      priceUsdPerMwh: 40,
      source: `${EGRID} (MROE 1,297.3 lb/MWh); renewable share and MISO price approximate`,
      confidence: 'M',
    },
    waterStressed: false,
    seaTempMonthlyC: null,
    solarCapacityFactor: 0.15,
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
      renewableShare: 0.37,
      priceUsdPerMwh: 92,
      source:
        'NESO carbon intensity, GB 2024 average ≈ 124 g/kWh; wind + solar + hydro ≈ 37% of ' +
        'generation 2024 (Ember); N2EX day-ahead 2024 ≈ £72/MWh',
      confidence: 'M',
    },
    // WRI Aqueduct 4.0: the Thames basin is high baseline water stress.
    waterStressed: true,
    seaTempMonthlyC: null,
    solarCapacityFactor: 0.11,
    hydroResource: false,
  },
}

/**
 * Surface water temperature for sites without the sea: a lake or river at the monthly mean
 * air temperature, never below 4 °C (density maximum of fresh water). Used with a warning.
 */
export const INLAND_WATER_MIN_C = 4
