/** Heat sinks a loop can reject to. */
export type Sink = 'dry' | 'adiabatic' | 'tower' | 'sea' | 'economizer'

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
