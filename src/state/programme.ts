import { create } from 'zustand'
import {
  aggregateReadouts,
  campusById,
  evaluate,
  formatProblem,
  parseProgrammeJson,
  programmeWarnings,
  siteDistanceKm,
  withCampusScenario,
  type Campus,
  type Climate,
  type Programme,
  type ProgrammeTotal,
  type ProgrammeWarning,
  type Readouts,
  type Scenario,
  type SiteId,
} from '../model'
import { notify, resetScenario, setCamera } from './actions'
import { ensureClimate } from './climate'
import { setPhaseIndex } from './phase'
import {
  MAX_SAVED_PROGRAMMES,
  PROGRAMMES_BACKUP_KEY,
  PROGRAMMES_KEY,
  decodeProgrammeLibrary,
  encodeProgrammeLibrary,
  type SavedProgramme,
} from './programmeStorage'
import { DEFAULT_CAMERA, useCampus, type CameraState } from './store'

/**
 * The programme being looked at (docs/PROGRAMMES.md, "In the app"). A slice of state beside the
 * campus store: the programme, the built-in one it started from, which campus is open in the 3D
 * view and how the map is coloured. While a campus is open, its scenario lives where every
 * campus edit goes, the campus store's `scenario`; `useLiveProgramme` puts it in place, and
 * leaving the campus writes it back. Readouts and totals are derived, never stored.
 */

/** What the map's discs are coloured by. */
export const MAP_COLOURS = ['carbon', 'pue', 'water', 'renewable'] as const
export type MapColour = (typeof MAP_COLOURS)[number]

export interface ProgrammeState {
  /** The programme shown; null when the planner shows a lone scenario. */
  readonly programme: Programme | null
  /** The built-in programme it started from (its link is the preset plus changes); null: a file. */
  readonly presetId: string | null
  /** The campus open in the 3D view; null: the programme's map and table. */
  readonly campusId: string | null
  readonly colour: MapColour
  readonly saved: readonly SavedProgramme[]
}

export const useProgramme = create<ProgrammeState>()(() => ({
  programme: null,
  presetId: null,
  campusId: null,
  colour: 'carbon',
  saved: [],
}))

// ---------------------------------------------------------------------------------------------
// Derived

let liveMemo: { p: Programme; id: string | null; s: Scenario; result: Programme } | null = null

/**
 * The programme as it stands: the open campus's scenario is the planner's, edited live. Same
 * object for the same inputs, and other campuses keep their identities.
 */
export function liveProgramme(
  programme: Programme,
  campusId: string | null,
  scenario: Scenario,
): Programme {
  if (campusId === null) return programme
  if (
    liveMemo !== null &&
    liveMemo.p === programme &&
    liveMemo.id === campusId &&
    liveMemo.s === scenario
  )
    return liveMemo.result
  const result = withCampusScenario(programme, campusId, scenario)
  liveMemo = { p: programme, id: campusId, s: scenario, result }
  return result
}

/** The live programme (see `liveProgramme`); null without one. */
export function useLiveProgramme(): Programme | null {
  const programme = useProgramme((s) => s.programme)
  const campusId = useProgramme((s) => s.campusId)
  const scenario = useCampus((s) => s.scenario)
  return programme === null ? null : liveProgramme(programme, campusId, scenario)
}

/** One campus's readouts (its last phase), memoised on its scenario and climate. */
const campusReadouts = new WeakMap<Scenario, { climate: Climate; readouts: Readouts }>()

function readoutsOf(scenario: Scenario, climate: Climate): Readouts {
  const kept = campusReadouts.get(scenario)
  if (kept !== undefined && kept.climate === climate) return kept.readouts
  const readouts = evaluate(scenario, climate)
  campusReadouts.set(scenario, { climate, readouts })
  return readouts
}

export interface CampusResult {
  readonly campus: Campus
  /** Null while its site's climate loads. */
  readonly readouts: Readouts | null
  readonly siteDistanceKm: number
}

export interface ProgrammeResult {
  readonly programme: Programme
  readonly campuses: readonly CampusResult[]
  /** Null until every campus's climate has loaded. */
  readonly total: ProgrammeTotal | null
  readonly warnings: readonly ProgrammeWarning[]
}

let resultMemo: {
  p: Programme
  c: Readonly<Partial<Record<SiteId, Climate>>>
  result: ProgrammeResult
} | null = null

/**
 * Every campus evaluated and the totals, memoised on the programme and the loaded climates: an
 * edit to one campus re-simulates that campus alone and re-adds the totals.
 */
export function programmeResult(
  programme: Programme,
  climates: Readonly<Partial<Record<SiteId, Climate>>>,
): ProgrammeResult {
  if (resultMemo !== null && resultMemo.p === programme && resultMemo.c === climates)
    return resultMemo.result
  const campuses = programme.campuses.map((campus): CampusResult => {
    const climate = climates[campus.scenario.site]
    return {
      campus,
      readouts: climate === undefined ? null : readoutsOf(campus.scenario, climate),
      siteDistanceKm: siteDistanceKm(campus),
    }
  })
  const all = campuses.map((c) => c.readouts)
  const total = all.every((r): r is Readouts => r !== null) ? aggregateReadouts(all) : null
  const result = { programme, campuses, total, warnings: programmeWarnings(programme) }
  resultMemo = { p: programme, c: climates, result }
  return result
}

/** The live programme's campuses and totals; null without a programme. */
export function useProgrammeResult(): ProgrammeResult | null {
  const programme = useLiveProgramme()
  const climates = useCampus((s) => s.climates)
  return programme === null ? null : programmeResult(programme, climates)
}

// ---------------------------------------------------------------------------------------------
// Actions

/** The programme with the open campus's edits written back (what saving and export take). */
export function currentProgramme(): Programme | null {
  const { programme, campusId } = useProgramme.getState()
  return programme === null
    ? null
    : liveProgramme(programme, campusId, useCampus.getState().scenario)
}

/** Writes the open campus's edits back into the programme. */
function commitCampus(): void {
  const programme = currentProgramme()
  if (programme !== null) useProgramme.setState({ programme })
}

export interface CampusView {
  readonly camera: CameraState
  /** The phase shown; beyond the last (Infinity) shows the last. */
  readonly phaseIndex: number
}

/**
 * Shows a programme (already validated): its map, or one campus when `campusId` is given. Loads
 * every campus's climate.
 */
export function openProgramme(
  programme: Programme,
  presetId: string | null,
  campusId: string | null = null,
  view?: CampusView,
): void {
  useProgramme.setState({ programme, presetId, campusId: null })
  for (const site of new Set(programme.campuses.map((c) => c.scenario.site)))
    void ensureClimate(site)
  if (campusId !== null) openCampus(campusId, view)
}

/** Opens a campus of the programme in the 3D view (the one open before is written back first). */
export function openCampus(id: string, view?: CampusView): void {
  commitCampus()
  const { programme } = useProgramme.getState()
  const campus = programme === null ? undefined : campusById(programme, id)
  if (campus === undefined) return
  // The campus is open before its scenario arrives: the planner's scenario is the campus's.
  useProgramme.setState({ campusId: id })
  // Each campus starts its own undo history: undo never reaches into another campus.
  resetScenario(campus.scenario)
  setCamera(view?.camera ?? DEFAULT_CAMERA)
  setPhaseIndex(view?.phaseIndex ?? Infinity)
}

/**
 * Back to the programme's map and table (the breadcrumb), keeping the campus's edits. The
 * campus's undo history ends with it: on the map there is nothing to undo.
 */
export function closeCampus(): void {
  commitCampus()
  useProgramme.setState({ campusId: null })
  useCampus.setState({ past: [], future: [] })
}

/**
 * While a programme's map is shown, the planner's scenario belongs to no campus: a scenario
 * opened then (a preset, a file, a saved scenario) means leaving the programme for it. While a
 * campus is open, the same actions change that campus, as any edit does.
 */
useCampus.subscribe((state, previous) => {
  if (state.scenario === previous.scenario) return
  const { programme, campusId } = useProgramme.getState()
  if (programme !== null && campusId === null) closeProgramme()
})

/** Leaves the programme: the planner shows a lone scenario again (the campus last open, if any). */
export function closeProgramme(): void {
  useProgramme.setState({ programme: null, presetId: null, campusId: null })
}

export function setMapColour(colour: MapColour): void {
  useProgramme.setState({ colour })
}

/** Opens a programme file's text; false (with a notice naming every problem) when it is refused. */
export function openProgrammeText(text: string, source: string): boolean {
  const parsed = parseProgrammeJson(text)
  if (!parsed.ok) {
    notify({
      tone: 'error',
      title: `${source} is not a programme the planner can open; nothing was changed:`,
      details: parsed.problems.map(formatProblem),
    })
    return false
  }
  openProgramme(parsed.programme, null)
  return true
}

// ---------------------------------------------------------------------------------------------
// Saved programmes

let storage: Storage | null = null

/**
 * Reads the saved programmes from `store`. Anything unreadable is copied to
 * PROGRAMMES_BACKUP_KEY, dropped from the list and named in a notice.
 */
export function loadProgrammeLibrary(store: Storage | null): void {
  storage = store
  if (store === null) return
  let text: string | null = null
  try {
    text = store.getItem(PROGRAMMES_KEY)
  } catch {
    text = null
  }
  const { saved, problems } = decodeProgrammeLibrary(text)
  useProgramme.setState({ saved })
  if (problems.length > 0 && text !== null) {
    let kept = true
    try {
      store.setItem(PROGRAMMES_BACKUP_KEY, text)
      store.setItem(PROGRAMMES_KEY, encodeProgrammeLibrary(saved))
    } catch {
      kept = false
    }
    notify({
      tone: 'warning',
      title: `Some saved programmes could not be read and were set aside${kept ? ` (a copy is kept in this browser under "${PROGRAMMES_BACKUP_KEY}")` : ''}:`,
      details: problems,
    })
  }
}

function writeSaved(saved: readonly SavedProgramme[]): boolean {
  if (storage === null) {
    useProgramme.setState({ saved })
    notify({
      tone: 'warning',
      title: 'This browser does not allow saving: the list lasts until the page is closed.',
      details: [],
    })
    return false
  }
  try {
    storage.setItem(PROGRAMMES_KEY, encodeProgrammeLibrary(saved))
  } catch (error) {
    notify({
      tone: 'error',
      title:
        'The browser refused to store the programme (its storage may be full); it was not saved.',
      details: [error instanceof Error ? error.message : String(error)],
    })
    return false
  }
  useProgramme.setState({ saved })
  return true
}

/** Saves the programme as it stands under `name`; returns the entry's id, or null when not saved. */
export function saveProgramme(name?: string): string | null {
  const programme = currentProgramme()
  if (programme === null) return null
  const { saved, presetId } = useProgramme.getState()
  if (saved.length >= MAX_SAVED_PROGRAMMES) {
    notify({
      tone: 'warning',
      title: `At most ${MAX_SAVED_PROGRAMMES} programmes are kept: delete some before saving more.`,
      details: [],
    })
    return null
  }
  const cleaned = (name ?? programme.name).replace(/\s+/g, ' ').trim().slice(0, 120)
  const entry: SavedProgramme = {
    id: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`,
    savedAtMs: Date.now(),
    presetId,
    programme: { ...programme, name: cleaned || programme.name },
  }
  return writeSaved([...saved, entry]) ? entry.id : null
}

export function deleteSavedProgramme(id: string): void {
  writeSaved(useProgramme.getState().saved.filter((e) => e.id !== id))
}

export function openSavedProgramme(id: string): void {
  const entry = useProgramme.getState().saved.find((e) => e.id === id)
  if (entry !== undefined) openProgramme(entry.programme, entry.presetId)
}
