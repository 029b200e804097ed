import { FIELD_BY_PATH, type Scenario } from '../model'
import { notify, setScenario, setUnits } from './actions'
import { parseImport, type ImportResult } from './files'
import { openProgramme } from './programme'
import {
  BACKUP_KEY,
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
 * Reads the saved scenarios (and preferences) from `store`. Anything unreadable is copied to
 * BACKUP_KEY, dropped from the list and named in a notice; the planner always opens.
 */
export function loadLibrary(store: Storage | null = browserStorage()): void {
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
    let kept = true
    try {
      store.setItem(BACKUP_KEY, text)
      store.setItem(STORAGE_KEY, encodeLibrary(saved))
    } catch {
      kept = false
    }
    notify({
      tone: 'warning',
      title: `Some saved scenarios could not be read and were set aside${kept ? ` (a copy is kept in this browser under "${BACKUP_KEY}")` : ''}:`,
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

/** Remembers the unit system for the next visit. */
export function saveUnitsPreference(units: Units): void {
  try {
    storage?.setItem(PREFS_KEY, JSON.stringify({ units }))
  } catch {
    // Not being able to remember a preference is harmless.
  }
}

function write(saved: readonly SavedScenario[]): boolean {
  useCampus.setState({ saved })
  if (storage === null) {
    notify({
      tone: 'warning',
      title: 'This browser does not allow saving: the list lasts until the page is closed.',
      details: [],
    })
    return false
  }
  try {
    storage.setItem(STORAGE_KEY, encodeLibrary(saved))
    return true
  } catch (error) {
    notify({
      tone: 'error',
      title: 'The browser refused to store the scenarios (its storage may be full).',
      details: [error instanceof Error ? error.message : String(error)],
    })
    return false
  }
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

/** Saves the current scenario under `name`; returns the new entry's id (null when the list is full). */
export function saveCurrent(name: string = useCampus.getState().scenario.name): string | null {
  const { saved, scenario } = useCampus.getState()
  if (saved.length >= MAX_SAVED) {
    notify({
      tone: 'warning',
      title: `At most ${MAX_SAVED} scenarios are kept: delete some before saving more.`,
      details: [],
    })
    return null
  }
  const entry: SavedScenario = {
    id: newId(),
    savedAtMs: Date.now(),
    scenario: withName(scenario, name),
  }
  write([...saved, entry])
  return entry.id
}

/** Overwrites a saved entry with the current scenario (keeping the entry's name). */
export function overwriteSaved(id: string): void {
  const { saved, scenario } = useCampus.getState()
  write(
    saved.map((e) =>
      e.id === id
        ? { ...e, savedAtMs: Date.now(), scenario: withName(scenario, e.scenario.name) }
        : e,
    ),
  )
}

export function renameSaved(id: string, name: string): void {
  const { saved } = useCampus.getState()
  write(saved.map((e) => (e.id === id ? { ...e, scenario: withName(e.scenario, name) } : e)))
}

export function duplicateSaved(id: string): void {
  const { saved } = useCampus.getState()
  const entry = saved.find((e) => e.id === id)
  if (!entry || saved.length >= MAX_SAVED) return
  const copy: SavedScenario = {
    id: newId(),
    savedAtMs: Date.now(),
    scenario: withName(entry.scenario, `${entry.scenario.name} (copy)`),
  }
  const at = saved.indexOf(entry) + 1
  write([...saved.slice(0, at), copy, ...saved.slice(at)])
}

export function deleteSaved(id: string): void {
  write(useCampus.getState().saved.filter((e) => e.id !== id))
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
  write([...saved, ...entries])
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
