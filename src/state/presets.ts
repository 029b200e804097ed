import { formatProblem, parseScenarioJson, type Scenario } from '../model'

/** Built-in scenarios, served as files beside the app (the same files the command line reads). */
export const PRESETS = [
  { id: 'stargate-norway', label: 'Stargate Norway (Narvik)' },
  { id: 'stargate-abilene', label: 'Stargate I (Abilene, Texas)' },
  { id: 'programme-4-5gw', label: '4.5 GW programme (New Mexico)' },
  { id: 'pilot-20mw', label: 'Pilot hall, 20 MW (Ashburn)' },
  { id: 'singapore', label: 'Hot-humid contrast (Singapore)' },
  { id: 'lulea', label: 'Nordic contrast (Luleå)' },
] as const
export type PresetId = (typeof PRESETS)[number]['id']

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
