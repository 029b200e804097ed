import { FIELD_BY_PATH, type Scenario } from '../model'
import { notify, setScenario, setUnits } from './actions'
import { parseImport, type ImportResult } from './files'
import { openProgramme } from './programme'
import {
  BACKUP_KEY,
  MAX_BACKUPS,
  MAX_SAVED,
  PREFS_KEY,
  STORAGE_KEY,
  browserStorage,
  decodeLibrary,
  encodeLibrary,
} from './storage'
import { useCampus, type SavedScenario, type Units } from './store'

/** Saved scenarios: actions that keep the store and the browser's storage in step. */

let storage: Storage | null = null

const NAME_MAX = (() => {
  const field = FIELD_BY_PATH.get('name')
  return field?.kind === 'text' ? field.maxLength : 120
})()

/**
 * Reads the saved scenarios (and preferences) from `store`. Anything unreadable is copied to a
 * dated backup (the newest MAX_BACKUPS are kept), dropped from the list and named in a notice;
 * the planner always opens.
 */
export function loadLibrary(
  store: Storage | null = browserStorage(),
  now: Date = new Date(),
): void {
  storage = store
  if (store === null) {
    useCampus.setState({ saved: [] })
    return
  }
  let text: string | null = null
  try {
    text = store.getItem(STORAGE_KEY)
  } catch {
    text = null
  }
  const { saved, problems } = decodeLibrary(text)
  useCampus.setState({ saved })
  if (problems.length > 0 && text !== null) {
    let backup: string | null = null
    try {
      backup = keepBackup(store, text, now)
      store.setItem(STORAGE_KEY, encodeLibrary(saved))
    } catch {
      // The raw text stays where it was: nothing is lost, the clean list lives in memory.
    }
    notify({
      tone: 'warning',
      title: `Some saved scenarios could not be read and were set aside${backup === null ? '' : ` (a copy is kept in this browser under "${backup}"; the last ${MAX_BACKUPS} copies are kept)`}:`,
      details: problems,
    })
  }
  try {
    const prefs: unknown = JSON.parse(store.getItem(PREFS_KEY) ?? 'null')
    const units = (prefs as { units?: unknown } | null)?.units
    if (units === 'si' || units === 'imperial') useCampus.setState({ units })
  } catch {
    // Preferences are a convenience: unreadable ones are simply not applied.
  }
}

/**
 * Copies unreadable text to `BACKUP_KEY/<ISO date>` and drops all but the newest MAX_BACKUPS
 * copies (the single undated slot of earlier versions counts as the oldest). Returns the key.
 */
function keepBackup(store: Storage, text: string, now: Date): string {
  const key = `${BACKUP_KEY}/${now.toISOString()}`
  store.setItem(key, text)
  const backups: string[] = []
  for (let i = 0; i < store.length; i++) {
    const k = store.key(i)
    if (k !== null && (k === BACKUP_KEY || k.startsWith(`${BACKUP_KEY}/`))) backups.push(k)
  }
  // ISO dates sort by time; the bare prefix sorts before them all.
  backups.sort()
  for (const old of backups.slice(0, Math.max(0, backups.length - MAX_BACKUPS)))
    store.removeItem(old)
  return key
}

/** Remembers the unit system for the next visit. */
export function saveUnitsPreference(units: Units): void {
  try {
    storage?.setItem(PREFS_KEY, JSON.stringify({ units }))
  } catch {
    // Not being able to remember a preference is harmless.
  }
}

/** How the browser took a change to the saved scenarios. */
export type SaveResult =
  /** Stored, or (`persisted: false`) kept for this session where the browser allows no storage. */
  | { readonly ok: true; readonly persisted: boolean }
  /** Not stored and not shown: the list is as it was; `problem` says why and what to do. */
  | { readonly ok: false; readonly problem: string }

/** A save that made a new entry: its id when it went through. */
export type SaveNewResult =
  | { readonly ok: true; readonly persisted: boolean; readonly id: string }
  | { readonly ok: false; readonly problem: string }

/** What to tell the user when the browser refuses to store the list. */
export const STORAGE_FULL =
  'The browser refused to store it: its storage for this site is full. Delete saved scenarios you no longer need, or keep this one as a file with “Export current”.'

/** What to tell the user where the browser allows no storage. */
export const STORAGE_SESSION_ONLY =
  'This browser does not allow saving here: the list lasts until the page is closed. Use “Export current” to keep it as a file.'

/**
 * Writes the list to storage first and shows it only once it is there: a save that did not
 * persist is never shown as saved. Without storage the list lives in memory for the session.
 */
function write(saved: readonly SavedScenario[]): SaveResult {
  if (storage === null) {
    useCampus.setState({ saved })
    return { ok: true, persisted: false }
  }
  try {
    storage.setItem(STORAGE_KEY, encodeLibrary(saved))
  } catch {
    return { ok: false, problem: STORAGE_FULL }
  }
  useCampus.setState({ saved })
  return { ok: true, persisted: true }
}

function newId(): string {
  const random = Math.random().toString(36).slice(2, 10)
  return `${Date.now().toString(36)}-${random}`
}

function cleanName(name: string): string {
  const trimmed = name.replace(/\s+/g, ' ').trim()
  return trimmed.slice(0, NAME_MAX) || 'Untitled scenario'
}

function withName(scenario: Scenario, name: string): Scenario {
  return { ...scenario, name: cleanName(name) }
}

/** Saves the current scenario under `name`; `id` is the new entry's. */
export function saveCurrent(name: string = useCampus.getState().scenario.name): SaveNewResult {
  const { saved, scenario } = useCampus.getState()
  if (saved.length >= MAX_SAVED) {
    return {
      ok: false,
      problem: `At most ${MAX_SAVED} scenarios are kept: delete some before saving more, or export this one.`,
    }
  }
  const entry: SavedScenario = {
    id: newId(),
    savedAtMs: Date.now(),
    scenario: withName(scenario, name),
  }
  const result = write([...saved, entry])
  return result.ok ? { ...result, id: entry.id } : result
}

/** Overwrites a saved entry with the current scenario (keeping the entry's name). */
export function overwriteSaved(id: string): SaveResult {
  const { saved, scenario } = useCampus.getState()
  return write(
    saved.map((e) =>
      e.id === id
        ? { ...e, savedAtMs: Date.now(), scenario: withName(scenario, e.scenario.name) }
        : e,
    ),
  )
}

export function renameSaved(id: string, name: string): SaveResult {
  const { saved } = useCampus.getState()
  return write(saved.map((e) => (e.id === id ? { ...e, scenario: withName(e.scenario, name) } : e)))
}

export function duplicateSaved(id: string): SaveResult {
  const { saved } = useCampus.getState()
  const entry = saved.find((e) => e.id === id)
  if (!entry) return { ok: false, problem: 'That saved scenario no longer exists.' }
  if (saved.length >= MAX_SAVED)
    return { ok: false, problem: `At most ${MAX_SAVED} scenarios are kept: delete some first.` }
  const copy: SavedScenario = {
    id: newId(),
    savedAtMs: Date.now(),
    scenario: withName(entry.scenario, `${entry.scenario.name} (copy)`),
  }
  const at = saved.indexOf(entry) + 1
  return write([...saved.slice(0, at), copy, ...saved.slice(at)])
}

export function deleteSaved(id: string): SaveResult {
  return write(useCampus.getState().saved.filter((e) => e.id !== id))
}

/** Makes a saved scenario the current one (one undo step). */
export function openSaved(id: string): void {
  const entry = useCampus.getState().saved.find((e) => e.id === id)
  if (entry) setScenario(entry.scenario)
}

/**
 * Imports a file's text: all of it or nothing. One scenario is saved and opened; several are
 * saved; a programme file is opened as a programme. On failure the current and saved scenarios
 * are untouched.
 */
export function importText(text: string): ImportResult {
  const result = parseImport(text)
  if (!result.ok) return result
  if (result.programme !== undefined) {
    openProgramme(result.programme, null)
    return result
  }
  const { saved } = useCampus.getState()
  if (saved.length + result.scenarios.length > MAX_SAVED) {
    return {
      ok: false,
      problems: [
        `saving ${result.scenarios.length} more would pass the limit of ${MAX_SAVED} saved scenarios`,
      ],
    }
  }
  const now = Date.now()
  const entries = result.scenarios.map((scenario, i) => ({
    id: newId() + i.toString(36),
    savedAtMs: now,
    scenario,
  }))
  const written = write([...saved, ...entries])
  if (!written.ok) return { ok: false, problems: [written.problem] }
  const only = result.scenarios.length === 1 ? result.scenarios[0] : undefined
  if (only) setScenario(only)
  return result
}

/** Follows changes another tab makes to the saved scenarios. */
export function followOtherTabs(): () => void {
  const onStorage = (event: StorageEvent): void => {
    if (event.key !== STORAGE_KEY || storage === null) return
    const { saved, problems } = decodeLibrary(event.newValue)
    if (problems.length === 0) useCampus.setState({ saved })
  }
  window.addEventListener('storage', onStorage)
  return () => window.removeEventListener('storage', onStorage)
}

/** Switches units and remembers the choice. */
export function chooseUnits(units: Units): void {
  setUnits(units)
  saveUnitsPreference(units)
}
