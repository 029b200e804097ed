import { formatProblem, parseProgramme, type Programme } from '../model'

/**
 * Saved programmes in the browser, beside the saved scenarios (`storage.ts`) and on the same
 * terms: a versioned key, every programme validated on read with the command line's parser,
 * anything unreadable set aside under PROGRAMMES_BACKUP_KEY and named, never silently lost.
 */
export const PROGRAMMES_KEY = 'campus-planner/v1/programmes'
export const PROGRAMMES_BACKUP_KEY = 'campus-planner/v1/programmes-unreadable'

/** Most programmes kept in the browser (each up to 50 campuses). */
export const MAX_SAVED_PROGRAMMES = 50

export interface SavedProgramme {
  readonly id: string
  readonly savedAtMs: number
  /** The built-in programme it started from (its link is then preset + changes); null for a file. */
  readonly presetId: string | null
  readonly programme: Programme
}

export interface ProgrammeLibraryReading {
  readonly saved: SavedProgramme[]
  /** What could not be read, one line each; empty when everything was fine. */
  readonly problems: string[]
}

const PRESET_ID = /^[a-z0-9-]{1,64}$/

/** Decodes the stored text (null: nothing stored yet). */
export function decodeProgrammeLibrary(text: string | null): ProgrammeLibraryReading {
  if (text === null) return { saved: [], problems: [] }
  let doc: unknown
  try {
    doc = JSON.parse(text)
  } catch {
    return { saved: [], problems: ['the stored programmes are not valid JSON'] }
  }
  const record =
    typeof doc === 'object' && doc !== null && !Array.isArray(doc)
      ? (doc as Record<string, unknown>)
      : null
  if (record === null || record.version !== 1 || !Array.isArray(record.programmes)) {
    return { saved: [], problems: ['the stored programmes have an unknown format'] }
  }
  const saved: SavedProgramme[] = []
  const problems: string[] = []
  const ids = new Set<string>()
  record.programmes.slice(0, MAX_SAVED_PROGRAMMES).forEach((entry: unknown, i) => {
    const where = `saved programme ${i + 1}`
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      problems.push(`${where} is not an object`)
      return
    }
    const e = entry as Record<string, unknown>
    const id = typeof e.id === 'string' && e.id.length <= 64 ? e.id : null
    if (id === null || ids.has(id)) {
      problems.push(`${where} has no usable id`)
      return
    }
    const savedAtMs =
      typeof e.savedAtMs === 'number' && Number.isFinite(e.savedAtMs) ? e.savedAtMs : 0
    const presetId =
      typeof e.presetId === 'string' && PRESET_ID.test(e.presetId) ? e.presetId : null
    const parsed = parseProgramme(e.programme)
    if (!parsed.ok) {
      const first = parsed.problems.slice(0, 3).map(formatProblem)
      const more = parsed.problems.length > 3 ? ` and ${parsed.problems.length - 3} more` : ''
      problems.push(`${where}: ${first.join('; ')}${more}`)
      return
    }
    ids.add(id)
    saved.push({ id, savedAtMs, presetId, programme: parsed.programme })
  })
  if (record.programmes.length > MAX_SAVED_PROGRAMMES)
    problems.push(`only the first ${MAX_SAVED_PROGRAMMES} saved programmes are kept`)
  return { saved, problems }
}

export function encodeProgrammeLibrary(saved: readonly SavedProgramme[]): string {
  return JSON.stringify({ version: 1, programmes: saved })
}
