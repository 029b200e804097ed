import {
  addPhase as addPhaseTo,
  clampPhaseIndex,
  clearPhaseField,
  monthIndex,
  monthText,
  phasesOf,
  redatePhase as redatePhaseOf,
  removePhase as removePhaseOf,
  renamePhase as renamePhaseOf,
  scenarioAtPhase,
  type PhaseFieldPath,
  type PhaseView,
  type Problem,
  type Scenario,
} from '../model'
import { editScenario } from './actions'
import { useCampus, type CampusState, type SelectKind } from './store'

/**
 * The phase shown and the date on the timeline. The store keeps `phaseIndex` as set; these
 * read it clamped to the phases the scenario has now (an edit that removes phases never leaves
 * it pointing past the end). `timelineMonth` is a month within the phase shown (play, or a
 * time-lapse); null is the month the phase comes online.
 */

/** The index of the phase shown, 0 … phaseCount − 1. */
export function selectPhaseIndex(state: CampusState): number {
  return clampPhaseIndex(state.scenario, state.phaseIndex)
}

/**
 * The campus at the phase shown, as a single-phase scenario: the scenario itself when it has no
 * phases. Stable identity per scenario and phase (`phasesOf` memoises), so evaluations and
 * layouts memoised on it survive switching back and forth.
 */
export function selectShownScenario(state: CampusState): Scenario {
  return scenarioAtPhase(state.scenario, state.phaseIndex)
}

/** The phase shown: index, name, month online (null without phases) and its campus. */
export function selectShownPhase(state: CampusState): PhaseView {
  const views = phasesOf(state.scenario)
  return views[selectPhaseIndex(state)] ?? (views[0] as PhaseView)
}

/** The scenario has phases (a timeline to show). */
export function selectHasPhases(state: CampusState): boolean {
  return state.scenario.phases !== undefined
}

/** The first and last month of the timeline (the first and last phase online); null without phases. */
export function timelineRange(scenario: Scenario): { first: number; last: number } | null {
  const phases = scenario.phases
  const first = phases?.[0]
  const last = phases?.[phases.length - 1]
  if (first === undefined || last === undefined) return null
  return { first: monthIndex(first.online), last: monthIndex(last.online) }
}

/**
 * The month the timeline shows, as a month number: `timelineMonth` when it lies within the phase
 * shown, else the month that phase comes online; null without phases.
 */
export function selectTimelineMonth(state: CampusState): number | null {
  const view = selectShownPhase(state)
  if (view.online === null) return null
  const start = monthIndex(view.online)
  const next = state.scenario.phases?.[view.index + 1]
  const end = next === undefined ? start : monthIndex(next.online) - 1
  const month = state.timelineMonth
  return month !== null && month >= start && month <= end ? month : start
}

/** The month the timeline shows as `YYYY-MM`; null without phases. */
export function selectTimelineMonthText(state: CampusState): string | null {
  const month = selectTimelineMonth(state)
  return month === null ? null : monthText(month)
}

/** Kinds whose index counts campus-wide yards: a phase with more buildings renumbers them. */
const RENUMBERED: ReadonlySet<SelectKind> = new Set([
  'substation',
  'gas',
  'battery',
  'solar',
  'line',
])

function phaseUpdate(state: CampusState, index: number): Partial<CampusState> {
  const next: Partial<CampusState> = { phaseIndex: index }
  if (
    index !== selectPhaseIndex(state) &&
    state.selection !== null &&
    RENUMBERED.has(state.selection.kind)
  )
    return { ...next, selection: null }
  return next
}

/** Shows a phase (clamped to the phases present) from the month it comes online; not an undo step. */
export function setPhaseIndex(index: number): void {
  const state = useCampus.getState()
  const clamped = clampPhaseIndex(state.scenario, index)
  useCampus.setState({ ...phaseUpdate(state, clamped), timelineMonth: null })
}

/**
 * Shows the campus at a month (a month number, `monthIndex`): the phase in force then (the
 * last that has come online; the first before it), and construction as far as it has got by
 * then. Clamped to the timeline (first to last phase). For play and time-lapses; not an undo step.
 */
export function setTimelineMonth(month: number): void {
  const state = useCampus.getState()
  const range = timelineRange(state.scenario)
  if (range === null || !Number.isFinite(month)) return
  const m = Math.min(range.last, Math.max(range.first, Math.round(month)))
  const phases = state.scenario.phases ?? []
  let index = 0
  phases.forEach((p, i) => {
    if (monthIndex(p.online) <= m) index = i
  })
  useCampus.setState({ ...phaseUpdate(state, index), timelineMonth: m })
}

// ---------------------------------------------------------------------------------------------
// Editing phases: each edit is one undo step, read back by the file's own phase reader

/** Applies a phase edit; returns its problems (naming `phases[i]…`) or null when applied. */
function apply(
  edit: (
    s: Scenario,
  ) => { ok: true; scenario: Scenario } | { ok: false; problems: readonly Problem[] },
): readonly Problem[] | null {
  const result = edit(useCampus.getState().scenario)
  if (!result.ok) return result.problems
  editScenario(result.scenario)
  return null
}

/**
 * Adds a phase after the last one (a year later) and shows it; a scenario without phases gets
 * its first phase, online at `firstOnline` (`YYYY-MM`; the planner passes this month).
 */
export function addPhase(firstOnline?: string): readonly Problem[] | null {
  const hasPhases = useCampus.getState().scenario.phases !== undefined
  const problems = apply((s) => addPhaseTo(s, hasPhases ? undefined : firstOnline))
  if (problems === null) setPhaseIndex(Infinity)
  return problems
}

/** Removes a phase; the other phases keep their campus (model `removePhase`). */
export function removePhase(index: number): readonly Problem[] | null {
  return apply((s) => removePhaseOf(s, index))
}

export function renamePhase(index: number, name: string): readonly Problem[] | null {
  return apply((s) => renamePhaseOf(s, index, name))
}

/** Moves a phase to another month, `YYYY-MM` (it must stay between its neighbours). */
export function redatePhase(index: number, online: string): readonly Problem[] | null {
  return apply((s) => redatePhaseOf(s, index, online))
}

/** Clears the shown phase's own value of a field: it carries over from the phase before again. */
export function clearPhaseOverride(path: PhaseFieldPath): void {
  const state = useCampus.getState()
  const next = clearPhaseField(state.scenario, selectPhaseIndex(state), path)
  if (next !== state.scenario) editScenario(next)
}

/**
 * The campus an exported image shows and names: the phase shown, its title carrying the phase
 * (`Stargate I (Abilene, Texas) — phase 1 of 2: Two buildings (2025-06)`); the scenario itself
 * without phases.
 */
export function selectCaptionScenario(state: CampusState): Scenario {
  const view = selectShownPhase(state)
  if (view.online === null) return state.scenario
  const count = state.scenario.phases?.length ?? 1
  const name = `${state.scenario.name} — phase ${view.index + 1} of ${count}: ${view.name} (${view.online})`
  return { ...view.scenario, name }
}
