/** Heat sinks a loop can reject to. */
export type Sink = 'dry' | 'adiabatic' | 'tower' | 'hybrid' | 'sea' | 'economizer'

/** Chillers that trim what free cooling cannot carry. */
export type ChillerKind = 'air-cooled' | 'water-cooled'

export interface CoolingSpec {
  readonly id: CoolingId
  readonly label: string
  readonly description: string
  /** True when racks' liquid share goes to a warm-water loop; false: all heat goes to air. */
  readonly liquid: boolean
  /** Sink of the warm-water (liquid) loop; unused when `liquid` is false. */
  readonly liquidSink: Sink
  /** Sink of the air loop (CRAH chilled water, or outside air for the economiser). */
  readonly airSink: Sink
  readonly chiller: ChillerKind
  /** Uses water by evaporation. */
  readonly evaporative: boolean
}

export const COOLING_IDS = [
  'dlc-dry',
  'dlc-adiabatic',
  'dlc-tower',
  'dlc-hybrid',
  'dlc-seawater',
  'air-chiller',
  'air-tower',
  'air-economizer',
] as const
export type CoolingId = (typeof COOLING_IDS)[number]

export const COOLING: Readonly<Record<CoolingId, CoolingSpec>> = {
  'dlc-dry': {
    id: 'dlc-dry',
    label: 'Direct liquid, dry coolers',
    description:
      'Cold plates → CDUs → closed-loop dry coolers; the air share through chilled water, trimmed by air-cooled chillers. Almost no water.',
    liquid: true,
    liquidSink: 'dry',
    airSink: 'dry',
    chiller: 'air-cooled',
    evaporative: false,
  },
  'dlc-adiabatic': {
    id: 'dlc-adiabatic',
    label: 'Direct liquid, adiabatic coolers',
    description:
      'As dry coolers, with wetted pads that pre-cool the air on hot hours. Water only when it is warm.',
    liquid: true,
    liquidSink: 'adiabatic',
    airSink: 'adiabatic',
    chiller: 'air-cooled',
    evaporative: true,
  },
  'dlc-tower': {
    id: 'dlc-tower',
    label: 'Direct liquid, cooling towers',
    description:
      'Cold plates → heat exchanger → open cooling towers; water-cooled chillers for the air share. Lowest energy, most water.',
    liquid: true,
    liquidSink: 'tower',
    airSink: 'tower',
    chiller: 'water-cooled',
    evaporative: true,
  },
  'dlc-hybrid': {
    id: 'dlc-hybrid',
    label: 'Direct liquid, hybrid coolers',
    description:
      'Closed-circuit hybrid coolers: dry in cold weather, sprayed (evaporative, towards the wet bulb) when dry cooling cannot hold the supply temperature, never wet below freezing. Water only in warm hours.',
    liquid: true,
    liquidSink: 'hybrid',
    airSink: 'hybrid',
    chiller: 'air-cooled',
    evaporative: true,
  },
  'dlc-seawater': {
    id: 'dlc-seawater',
    label: 'Direct liquid, seawater',
    description:
      'Cold plates → titanium heat exchangers → fjord or sea water; pumps only. Needs sea access.',
    liquid: true,
    liquidSink: 'sea',
    airSink: 'sea',
    chiller: 'water-cooled',
    evaporative: false,
  },
  'air-chiller': {
    id: 'air-chiller',
    label: 'Air, air-cooled chillers',
    description:
      'Legacy air-cooled halls: CRAHs on chilled water from air-cooled chillers with a dry free-cooling coil.',
    liquid: false,
    liquidSink: 'dry',
    airSink: 'dry',
    chiller: 'air-cooled',
    evaporative: false,
  },
  'air-tower': {
    id: 'air-tower',
    label: 'Air, water-cooled chillers + towers',
    description:
      'Air-cooled halls: CRAHs, water-cooled chillers, open towers with a water-side economiser (Lei & Masanet case 2).',
    liquid: false,
    liquidSink: 'tower',
    airSink: 'tower',
    chiller: 'water-cooled',
    evaporative: true,
  },
  'air-economizer': {
    id: 'air-economizer',
    label: 'Air, outside-air economiser',
    description:
      'Outside air straight into the halls, evaporative pads on hot hours, DX trim (Lei & Masanet case 1).',
    liquid: false,
    liquidSink: 'economizer',
    airSink: 'economizer',
    chiller: 'air-cooled',
    evaporative: true,
  },
}

/**
 * ASHRAE TC 9.9 air classes (labels carry no temperatures: the planner shows free text as it is,
 * so a °C in a label would stay °C in US units; the dew points are in docs/MODEL.md and warnings) (Thermal Guidelines for Data Processing Environments, 5th ed.,
 * 2021; model reference §2.4): the upper humidity limits of the supply air. Dry bulb limits are
 * not binding here: the economiser's supply set point (`economizerSupplyAirC`, 24 °C) lies
 * inside every class. Low-humidity limits (humidification of cold, dry air) are not modelled.
 */
export const AIR_CLASS_IDS = ['recommended', 'A1', 'A2', 'A3', 'A4'] as const
export type AirClassId = (typeof AIR_CLASS_IDS)[number]

export interface AirClassSpec {
  readonly id: AirClassId
  readonly label: string
  /** Highest supply-air dew point, °C. */
  readonly maxDewPointC: number
  /** Highest supply-air relative humidity, %. */
  readonly maxRhPct: number
}

export const AIR_CLASSES: Readonly<Record<AirClassId, AirClassSpec>> = {
  recommended: {
    id: 'recommended',
    label: 'Recommended envelope (RH ≤ 70 %)',
    maxDewPointC: 15,
    maxRhPct: 70,
  },
  A1: {
    id: 'A1',
    label: 'A1 allowable (RH ≤ 80 %)',
    maxDewPointC: 17,
    maxRhPct: 80,
  },
  A2: {
    id: 'A2',
    label: 'A2 allowable (RH ≤ 80 %)',
    maxDewPointC: 21,
    maxRhPct: 80,
  },
  A3: {
    id: 'A3',
    label: 'A3 allowable (RH ≤ 85 %)',
    maxDewPointC: 24,
    maxRhPct: 85,
  },
  A4: {
    id: 'A4',
    label: 'A4 allowable (RH ≤ 90 %)',
    maxDewPointC: 24,
    maxRhPct: 90,
  },
}
