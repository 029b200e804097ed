import { parseScenario, formatProblem } from '../model'
import type { SavedScenario } from './store'

/**
 * Saved scenarios in the browser. The key carries a format version so a later format can
 * migrate instead of misreading. Every stored scenario is validated on read with the same
 * schema as the command line; anything unreadable is kept aside in dated backups (BACKUP_KEY).
 */
export const STORAGE_KEY = 'campus-planner/v1/scenarios'
/** Unreadable text is kept under `BACKUP_KEY/<ISO date>`, the newest MAX_BACKUPS copies. */
export const BACKUP_KEY = 'campus-planner/v1/scenarios-unreadable'
export const MAX_BACKUPS = 3
export const PREFS_KEY = 'campus-planner/v1/prefs'

/** Most scenarios kept in the browser. */
export const MAX_SAVED = 200

export interface LibraryReading {
  readonly saved: SavedScenario[]
  /** What could not be read, one line each; empty when everything was fine. */
  readonly problems: string[]
}

/** Decodes the stored text (null: nothing stored yet). */
export function decodeLibrary(text: string | null): LibraryReading {
  if (text === null) return { saved: [], problems: [] }
  let doc: unknown
  try {
    doc = JSON.parse(text)
  } catch {
    return { saved: [], problems: ['the stored list is not valid JSON'] }
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    return { saved: [], problems: ['the stored list is not an object'] }
  }
  const record = doc as Record<string, unknown>
  if (record.version !== 1 || !Array.isArray(record.scenarios)) {
    return { saved: [], problems: ['the stored list has an unknown format'] }
  }
  const saved: SavedScenario[] = []
  const problems: string[] = []
  const ids = new Set<string>()
  record.scenarios.slice(0, MAX_SAVED).forEach((entry: unknown, i) => {
    const where = `saved scenario ${i + 1}`
    if (typeof entry !== 'object' || entry === null) {
      problems.push(`${where} is not an object`)
      return
    }
    const e = entry as Record<string, unknown>
    const id = typeof e.id === 'string' && e.id.length <= 64 ? e.id : null
    const savedAtMs =
      typeof e.savedAtMs === 'number' && Number.isFinite(e.savedAtMs) ? e.savedAtMs : 0
    if (id === null || ids.has(id)) {
      problems.push(`${where} has no usable id`)
      return
    }
    const parsed = parseScenario(e.scenario)
    if (!parsed.ok) {
      problems.push(`${where}: ${parsed.problems.map(formatProblem).join('; ')}`)
      return
    }
    ids.add(id)
    saved.push({ id, savedAtMs, scenario: parsed.scenario })
  })
  if (record.scenarios.length > MAX_SAVED) {
    problems.push(`only the first ${MAX_SAVED} saved scenarios are kept`)
  }
  return { saved, problems }
}

export function encodeLibrary(saved: readonly SavedScenario[]): string {
  return JSON.stringify({ version: 1, scenarios: saved })
}

/** The browser's storage, or null where it is disabled (private modes, sandboxed frames). */
export function browserStorage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage
  } catch {
    return null
  }
}
