import type { Scenario } from '../model'
import { PRESETS, type PresetId } from './presets'

/**
 * What the owners of the presets' campuses have announced, phase by phase, with sources: the
 * sidecar to the preset files (public/scenarios/*.json hold only the scenario schema). The
 * build-out panel shows each figure beside the modelled one at the same date (docs/PHASES.md).
 */

/** A figure people can compare with a readout. */
export type AnnouncedKind = 'facilityMw' | 'gpus' | 'buildings' | 'gasMw'

export interface AnnouncedSource {
  readonly publisher: string
  readonly title: string
  /** `YYYY-MM-DD`. */
  readonly date: string
  readonly url: string
}

export interface AnnouncedFigure {
  /** The month it is announced for (`YYYY-MM`): the phase's online month. */
  readonly month: string
  /** The announcement gives no date; `month` is the preset's assumption. */
  readonly dateAssumed: boolean
  readonly kind: AnnouncedKind
  readonly value: number
  /** The announcement's own words, short. */
  readonly said: string
  readonly source: AnnouncedSource
}

/** Readout each kind is compared with, and how it reads. */
export const ANNOUNCED_KINDS: Readonly<
  Record<
    AnnouncedKind,
    {
      readonly label: string
      readonly unit: string
      readonly readout: 'facilityPeakMw' | 'gpuCount' | null
    }
  >
> = {
  facilityMw: { label: 'Power capacity', unit: 'MW', readout: 'facilityPeakMw' },
  gpus: { label: 'GPUs', unit: 'count', readout: 'gpuCount' },
  buildings: { label: 'Buildings', unit: 'count', readout: null },
  gasMw: { label: 'On-site gas', unit: 'MW', readout: null },
}

const CRUSOE_2025_03: AnnouncedSource = {
  publisher: 'Crusoe (GlobeNewswire)',
  title: 'Crusoe Expands AI Data Center Campus in Abilene to 1.2 Gigawatts',
  date: '2025-03-18',
  url: 'https://www.globenewswire.com/news-release/2025/03/18/3044956/0/en/Crusoe-Expands-AI-Data-Center-Campus-in-Abilene-to-1-2-Gigawatts.html',
}
const OPENAI_2025_07: AnnouncedSource = {
  publisher: 'Reuters (CNA)',
  title: 'Oracle, OpenAI add 4.5 gigawatts of data center capacity to Stargate venture',
  date: '2025-07-22',
  url: 'https://www.channelnewsasia.com/business/oracle-openai-add-45-gigawatts-data-center-capacity-stargate-venture-5251721',
}
const FT_2025_05: AnnouncedSource = {
  publisher: "Tom's Hardware, after the Financial Times",
  title:
    'Oracle has reportedly placed an order for $40 billion in Nvidia AI GPUs for a new OpenAI data center',
  date: '2025-05-24',
  url: 'https://www.tomshardware.com/pc-components/gpus/oracle-has-reportedly-placed-an-order-for-usd40-billion-in-nvidia-ai-gpus-for-a-new-openai-data-center',
}
const CRUSOE_GAS: AnnouncedSource = {
  publisher: 'Telborg, after McKinsey',
  title: 'The AI infrastructure of the future (Crusoe interview)',
  date: '2025-11-24',
  url: 'https://telborg.com/datacentres/news/the-ai-infrastructure-of-the-future-45232603',
}
const NSCALE_2025_07: AnnouncedSource = {
  publisher: 'Nscale, Aker and OpenAI (PR Newswire)',
  title: 'Nscale, Aker and OpenAI to establish Stargate Norway',
  date: '2025-07-31',
  url: 'https://www.prnewswire.co.uk/news-releases/nscale-aker-and-openai-to-establish-stargate-norway-a-100-000-nvidia-gpu-ai-gigafactory-powered-by-renewable-energy-in-northern-norway-302518358.html',
}
const AKER_2025_07: AnnouncedSource = {
  publisher: 'Finansavisen, after Aker’s stock exchange notice',
  title: 'Røkke starter Stargate Norge',
  date: '2025-07-31',
  url: 'https://www.finansavisen.no/industri/2025/07/31/8282126/rokke-starter-stargate-norge',
}

export const ANNOUNCED: Readonly<Partial<Record<PresetId, readonly AnnouncedFigure[]>>> = {
  'stargate-abilene-phased': [
    {
      month: '2025-06',
      dateAssumed: false,
      kind: 'buildings',
      value: 2,
      said: 'initial phase: two buildings',
      source: CRUSOE_2025_03,
    },
    {
      month: '2025-06',
      dateAssumed: false,
      kind: 'facilityMw',
      value: 200,
      said: '200+ MW, energized in the first half of 2025',
      source: CRUSOE_2025_03,
    },
    {
      month: '2026-06',
      dateAssumed: false,
      kind: 'buildings',
      value: 8,
      said: 'six more buildings, eight in all, mid-2026',
      source: CRUSOE_2025_03,
    },
    {
      month: '2026-06',
      dateAssumed: false,
      kind: 'facilityMw',
      value: 1200,
      said: 'total power capacity of 1.2 GW',
      source: CRUSOE_2025_03,
    },
    {
      month: '2026-06',
      dateAssumed: false,
      kind: 'gpus',
      value: 400_000,
      said: 'about 400,000 Nvidia GB200 in eight buildings',
      source: FT_2025_05,
    },
    {
      month: '2026-06',
      dateAssumed: true,
      kind: 'gasMw',
      value: 350,
      said: 'a 350 MW gas plant on site for firm power',
      source: CRUSOE_GAS,
    },
  ],
  'stargate-norway-phased': [
    {
      month: '2026-06',
      dateAssumed: true,
      kind: 'facilityMw',
      value: 20,
      said: 'a first 20 MW phase (about $1 billion)',
      source: AKER_2025_07,
    },
    {
      month: '2026-12',
      dateAssumed: false,
      kind: 'facilityMw',
      value: 230,
      said: '230 MW of capacity',
      source: NSCALE_2025_07,
    },
    {
      month: '2026-12',
      dateAssumed: false,
      kind: 'gpus',
      value: 100_000,
      said: '100,000 NVIDIA GPUs by the end of 2026',
      source: NSCALE_2025_07,
    },
    {
      month: '2028-12',
      dateAssumed: true,
      kind: 'facilityMw',
      value: 520,
      said: 'ambitions to expand by an additional 290 MW',
      source: NSCALE_2025_07,
    },
  ],
  'programme-4-5gw-phased': [
    {
      month: '2029-12',
      dateAssumed: true,
      kind: 'facilityMw',
      value: 4500,
      said: '4.5 GW of additional Stargate capacity with Oracle (several sites)',
      source: OPENAI_2025_07,
    },
  ],
}

/** Announced figures for a scenario that is a preset (its name is the preset's); none otherwise. */
export function announcedFor(scenario: Pick<Scenario, 'name'>): readonly AnnouncedFigure[] {
  const preset = PRESETS.find((p) => p.name === scenario.name)
  return preset === undefined ? [] : (ANNOUNCED[preset.id] ?? [])
}
