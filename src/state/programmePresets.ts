import { formatProblem, parseProgrammeJson, type Programme } from '../model'

/** Built-in programmes, served as files beside the app (the same files the command line reads). */
export const PROGRAMME_PRESETS = [
  { id: 'stargate-us', label: 'Stargate US (7 announced sites)' },
  { id: 'stargate-countries', label: 'OpenAI for Countries (Norway, UAE, UK)' },
] as const
export type ProgrammePresetId = (typeof PROGRAMME_PRESETS)[number]['id']

export function isProgrammePresetId(id: string): id is ProgrammePresetId {
  return PROGRAMME_PRESETS.some((p) => p.id === id)
}

const loaded = new Map<ProgrammePresetId, Promise<Programme>>()

/** Fetches and validates a built-in programme (once); rejects with a readable message. */
export function fetchProgrammePreset(id: ProgrammePresetId): Promise<Programme> {
  let promise = loaded.get(id)
  if (promise === undefined) {
    promise = (async () => {
      const response = await fetch(`${import.meta.env.BASE_URL}programmes/${id}.json`)
      if (!response.ok)
        throw new Error(`programme ${id} could not be loaded (HTTP ${response.status})`)
      const parsed = parseProgrammeJson(await response.text())
      if (!parsed.ok)
        throw new Error(
          `programme ${id} is invalid: ${parsed.problems.map(formatProblem).join('; ')}`,
        )
      return parsed.programme
    })()
    promise.catch(() => loaded.delete(id))
    loaded.set(id, promise)
  }
  return promise
}
