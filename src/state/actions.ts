import {
  FIELD_BY_PATH,
  clampPhaseIndex,
  phaseCount,
  printable,
  trySetField,
  trySetPhaseField,
  type PhaseFieldPath,
  type FieldPath,
  type FieldValue,
  type Problem,
  type ReadoutKey,
  type Scenario,
} from '../model'
import { ensureClimate } from './climate'
import { isAutomaticName, siteCampusName } from './presets'
import {
  useCampus,
  type CameraState,
  type DrawerTab,
  type LayerId,
  type Notice,
  type Selection,
  type Units,
} from './store'

/** Plain functions are the only writers of the store (docs/ARCHITECTURE.md). */

/** Undo steps kept; older ones are dropped. */
export const UNDO_LIMIT = 100

/**
 * Edits of one field closer together than this form one undo step (a slider drag fires an
 * input event per pixel); `commitEdit` closes the step early, e.g. on pointer release.
 */
export const COALESCE_MS = 1000

let openEdit: { path: string; atMs: number; held: boolean } | null = null

/** A run of key presses on a focused slider is under way (`holdEditForKeys` … `commitEdit`). */
let keyRun = false

/**
 * Keeps the current run of edits of one field open whatever the time between them, until
 * `commitEdit` (the slider calls this on an arrow, Page, Home or End key and commits on blur or
 * pointer): a run of key presses on a slider is one undo step, like a drag, however slowly the
 * machine or the user goes.
 */
export function holdEditForKeys(): void {
  keyRun = true
  if (openEdit !== null) openEdit.held = true
}

/**
 * Restarts the open edit's window once the app has shown it (after the next frame): the window
 * measures the user's pause, not the machine's render, so on a slow machine two arrow presses a
 * frame apart stay one step. Outside a browser the input time stands.
 */
function restartWindowWhenShown(edit: { path: string; atMs: number; held: boolean }): void {
  if (typeof requestAnimationFrame !== 'function') return
  const touch = (): void => {
    if (openEdit === edit) edit.atMs = Date.now()
  }
  // The frame's render runs in this animation frame (before this callback when the scene asked
  // first, as it does on a change); React's work may land in a task just after it.
  requestAnimationFrame(() => {
    touch()
    setTimeout(touch, 0)
  })
}

/** Ends the current run of edits: the next change starts a new undo step. */
export function commitEdit(): void {
  openEdit = null
  keyRun = false
}

/** Whether a path names a field a phase may override. */
function isPhaseField(path: FieldPath): path is PhaseFieldPath {
  return FIELD_BY_PATH.get(path)?.phase === true
}

/**
 * Sets one scenario field by path (e.g. `power.hydroMw`). Numbers are clamped to the field's
 * range (counts rounded); a value the schema refuses (NaN, an unknown site…) changes nothing
 * and its problem is returned for the control to show. Null when the value was taken. A new
 * site renames a campus whose name came with its site or a preset (presets.ts), not one the
 * user typed.
 *
 * With phases, a field a phase may override is set in the phase shown (its own override, which
 * later phases carry over unless they override it too; model `trySetPhaseField`); the others
 * (site, name, climate…) are the whole campus's and set in the scenario itself.
 */
export function setField<P extends FieldPath>(path: P, value: FieldValue<P>): Problem | null {
  const { scenario, phaseIndex } = useCampus.getState()
  const phase = scenario.phases !== undefined && isPhaseField(path)
  const shown = clampPhaseIndex(scenario, phaseIndex)
  const result = phase
    ? trySetPhaseField(scenario, shown, path, value)
    : trySetField(scenario, path, value)
  if (!result.ok) return result.problem
  let next = result.scenario
  if (next === scenario) return null
  if (next.site !== scenario.site && isAutomaticName(scenario.name))
    next = { ...next, name: siteCampusName(next.site) }
  const key = phase ? `phases[${shown}].${path}` : path
  const nowMs = Date.now()
  const coalesce =
    openEdit !== null &&
    openEdit.path === key &&
    (openEdit.held || nowMs - openEdit.atMs < COALESCE_MS)
  if (coalesce) useCampus.setState({ scenario: next, future: [] })
  else pushScenario(next)
  if (coalesce && openEdit !== null) openEdit.atMs = nowMs
  else openEdit = { path: key, atMs: nowMs, held: keyRun }
  restartWindowWhenShown(openEdit)
  void ensureClimate(next.site)
  return null
}

/**
 * Replaces the whole scenario (already validated) as one undo step and loads its site's climate.
 * A new scenario opens at its last phase (as a link without `phase=` does, and as the command
 * line reports it).
 */
export function setScenario(scenario: Scenario): void {
  commitEdit()
  if (scenario === useCampus.getState().scenario) return
  pushScenario(scenario)
  useCampus.setState({ phaseIndex: phaseCount(scenario) - 1, timelineMonth: null })
  void ensureClimate(scenario.site)
}

/**
 * An edit of the scenario as a whole (phases added, removed, renamed…) as one undo step, keeping
 * the phase shown (clamped on read).
 */
export function editScenario(scenario: Scenario): void {
  commitEdit()
  if (scenario === useCampus.getState().scenario) return
  pushScenario(scenario)
  void ensureClimate(scenario.site)
}

/** Replaces the scenario with no undo step (opening a link at start-up), at its last phase. */
export function resetScenario(scenario: Scenario): void {
  commitEdit()
  useCampus.setState({
    scenario,
    past: [],
    future: [],
    phaseIndex: phaseCount(scenario) - 1,
    timelineMonth: null,
  })
  void ensureClimate(scenario.site)
}

function pushScenario(next: Scenario): void {
  useCampus.setState((s) => ({
    scenario: next,
    past: [...s.past.slice(-(UNDO_LIMIT - 1)), s.scenario],
    future: [],
  }))
}

export function undo(): void {
  commitEdit()
  const { past, future, scenario } = useCampus.getState()
  const previous = past[past.length - 1]
  if (previous === undefined) return
  useCampus.setState({ scenario: previous, past: past.slice(0, -1), future: [...future, scenario] })
  void ensureClimate(previous.site)
}

export function redo(): void {
  commitEdit()
  const { past, future, scenario } = useCampus.getState()
  const next = future[future.length - 1]
  if (next === undefined) return
  useCampus.setState({ scenario: next, past: [...past, scenario], future: future.slice(0, -1) })
  void ensureClimate(next.site)
}

export function select(selection: Selection | null): void {
  useCampus.setState({ selection })
}

export function toggleLayer(layer: LayerId): void {
  useCampus.setState((s) => ({ layers: { ...s.layers, [layer]: !s.layers[layer] } }))
}

export function setCamera(camera: CameraState): void {
  useCampus.setState({ camera })
}

/** The building the Hall interior view looks into, or null (store `cutawayBuilding`). */
export function setCutawayBuilding(building: number | null): void {
  if (useCampus.getState().cutawayBuilding !== building)
    useCampus.setState({ cutawayBuilding: building })
}

export function setUnits(units: Units): void {
  useCampus.setState({ units })
}

export function setXray(xray: boolean): void {
  useCampus.setState({ xray })
}

export function setMotion(motion: boolean): void {
  useCampus.setState({ motion })
}

/** A slider is held (true) or let go (false). */
export function setDragging(dragging: boolean): void {
  if (useCampus.getState().dragging !== dragging) useCampus.setState({ dragging })
}

export function setTimeOfDay(timeOfDayH: number): void {
  useCampus.setState({ timeOfDayH: Math.min(24, Math.max(0, timeOfDayH)) })
}

/** Sets the date the sun is shown on, as a day of the year (1 … 365, whole days). */
export function setDayOfYear(dayOfYear: number): void {
  if (!Number.isFinite(dayOfYear)) return
  useCampus.setState({ dayOfYear: Math.min(365, Math.max(1, Math.round(dayOfYear))) })
}

/** Pins a scenario (by default the current one) as A of the comparison. */
export function pinCompare(scenario: Scenario = useCampus.getState().scenario): void {
  useCampus.setState({ compareA: scenario })
  void ensureClimate(scenario.site)
}

export function clearCompare(): void {
  useCampus.setState({ compareA: null })
}

/** Makes A the scenario being edited and pins the current one as A (one undo step). */
export function swapCompare(): void {
  const { compareA, scenario } = useCampus.getState()
  if (compareA === null) return
  // The phase shown stays: A and B are compared at the same phase.
  editScenario(compareA)
  pinCompare(scenario)
}

let nextNoticeId = 1

/** Shows a notice (its text made printable: no control characters from a file or link); returns its id. */
export function notify(notice: Omit<Notice, 'id'>): number {
  const id = nextNoticeId++
  const title = printable(notice.title)
  const details = notice.details.map((d) => printable(d))
  useCampus.setState((s) => ({ notices: [...s.notices, { ...notice, title, details, id }] }))
  return id
}

export function dismissNotice(id: number): void {
  useCampus.setState((s) => ({ notices: s.notices.filter((n) => n.id !== id) }))
}

/** Opens a drawer tab (null closes the drawer); `methodKey` scrolls the methodology to a readout. */
export function openDrawer(drawer: DrawerTab | null, methodKey: ReadoutKey | null = null): void {
  useCampus.setState({ drawer, methodKey })
}
