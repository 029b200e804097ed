import {
  DEFAULT_SCENARIO,
  SITES,
  SITE_IDS,
  formatProblem,
  parseScenarioJson,
  type Scenario,
  type SiteId,
} from '../model'
import openingPresetText from '../../public/scenarios/stargate-norway.json?raw'

/**
 * Built-in scenarios, served as files beside the app (the same files the command line reads);
 * `name` is the name in the file (a test holds them equal).
 */
export const PRESETS = [
  { id: 'stargate-norway', label: 'Stargate Norway (Narvik)', name: 'Stargate Norway (Narvik)' },
  {
    id: 'stargate-abilene',
    label: 'Stargate I (Abilene, Texas)',
    name: 'Stargate I (Abilene, Texas)',
  },
  {
    id: 'programme-4-5gw',
    label: '4.5 GW programme (New Mexico)',
    name: '4.5 GW programme (Doña Ana County, New Mexico)',
  },
  {
    id: 'pilot-20mw',
    label: 'Pilot hall, 20 MW (Ashburn)',
    name: 'Pilot hall, 20 MW (Ashburn, Virginia)',
  },
  {
    id: 'singapore',
    label: 'Hot-humid contrast (Singapore)',
    name: 'Hot-humid contrast (Singapore)',
  },
  { id: 'lulea', label: 'Nordic contrast (Luleå)', name: 'Nordic contrast (Luleå, Sweden)' },
] as const
export type PresetId = (typeof PRESETS)[number]['id']

/** The name a campus takes from its site: the default campus's own name on its own site. */
export function siteCampusName(site: SiteId): string {
  return site === DEFAULT_SCENARIO.site ? DEFAULT_SCENARIO.name : `AI campus (${SITES[site].label})`
}

const AUTOMATIC_NAMES: ReadonlySet<string> = new Set([
  DEFAULT_SCENARIO.name,
  ...PRESETS.map((p) => p.name),
  ...SITE_IDS.map(siteCampusName),
])

/**
 * Whether a name came with the site or a preset rather than from the user: such a name follows
 * the site when it changes; a name the user typed stays.
 */
export function isAutomaticName(name: string): boolean {
  return AUTOMATIC_NAMES.has(name)
}

/** Fetches and validates a preset; rejects with a readable message. */
export async function fetchPreset(id: PresetId): Promise<Scenario> {
  const response = await fetch(`${import.meta.env.BASE_URL}scenarios/${id}.json`)
  if (!response.ok) throw new Error(`preset ${id} could not be loaded (HTTP ${response.status})`)
  const parsed = parseScenarioJson(await response.text())
  if (!parsed.ok) {
    throw new Error(`preset ${id} is invalid: ${parsed.problems.map(formatProblem).join('; ')}`)
  }
  return parsed.scenario
}

/**
 * The campus the app opens on, and what a link without scenario keys opens: the Stargate Norway
 * preset (architecture contract), bundled so the first frame already shows it. Links still
 * write and read their keys against the schema's defaults.
 */
export const OPENING_SCENARIO: Scenario = readBundledPreset(openingPresetText)

function readBundledPreset(text: string): Scenario {
  const parsed = parseScenarioJson(text)
  // A test holds the bundled file valid; were it not, the schema's defaults still open.
  return parsed.ok ? parsed.scenario : DEFAULT_SCENARIO
}
