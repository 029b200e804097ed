import { useDeferredValue, useMemo } from 'react'
import {
  layoutBuildOut,
  layoutCampus,
  planReserve,
  type BuildOut,
  type CampusLayout,
  type CampusReserve,
} from '../layout'
import { monthText, phasesOf, type Evaluation, type Scenario } from '../model'
import { selectEvaluation, selectPhaseEvaluations } from './derived'
import { selectPhaseIndex, selectShownScenario, selectTimelineMonth } from './phase'
import { useCampus, type CampusState } from './store'

let last: {
  scenario: Scenario
  evaluation: Evaluation
  reserve: CampusReserve | null
  layout: CampusLayout
} | null = null
let lastMs = 0

/** The layout of a scenario and its evaluation (on reserved ground), memoised on all three. */
function layoutOf(
  scenario: Scenario,
  evaluation: Evaluation,
  reserve: CampusReserve | null,
): CampusLayout {
  if (
    last === null ||
    last.scenario !== scenario ||
    last.evaluation !== evaluation ||
    last.reserve !== reserve
  ) {
    const t0 = performance.now()
    const layout = layoutCampus(scenario, evaluation.readouts, undefined, reserve)
    lastMs = performance.now() - t0
    last = { scenario, evaluation, reserve, layout }
  }
  return last.layout
}

let lastReserve: {
  scenario: Scenario
  evaluations: readonly Evaluation[]
  reserve: CampusReserve
} | null = null

/**
 * The ground every phase is laid out on (`planReserve`), memoised on the scenario and its phases'
 * evaluations; null without phases (the campus is laid out as it is) or while the climate loads.
 */
export function selectReserve(state: CampusState): CampusReserve | null {
  if (state.scenario.phases === undefined) return null
  const evaluations = selectPhaseEvaluations(state)
  if (evaluations === null) return null
  if (lastReserve?.scenario !== state.scenario || lastReserve.evaluations !== evaluations) {
    const views = phasesOf(state.scenario)
    const reserve = planReserve(
      views.map((v, i) => ({
        scenario: v.scenario,
        readouts: (evaluations[i] ?? (evaluations[0] as Evaluation)).readouts,
        online: v.online,
      })),
    )
    lastReserve = { scenario: state.scenario, evaluations, reserve }
  }
  return lastReserve.reserve
}

/** The campus layout of the phase shown, memoised; null while the climate loads. */
export function selectLayout(state: CampusState): CampusLayout | null {
  const evaluation = selectEvaluation(state)
  return evaluation === null
    ? null
    : layoutOf(selectShownScenario(state), evaluation, selectReserve(state))
}

/** Milliseconds the latest layout took to compute. */
export function lastLayoutMs(): number {
  return lastMs
}

let lastBuildOut: {
  reserve: CampusReserve
  shown: number
  month: number
  buildOut: BuildOut
} | null = null

/**
 * What is under construction and planned at the date on the timeline (`layoutBuildOut`: the
 * build state of every plot), memoised; null without phases or while the climate loads.
 */
export function selectBuildOut(state: CampusState): BuildOut | null {
  const reserve = selectReserve(state)
  const month = selectTimelineMonth(state)
  if (reserve === null || month === null) return null
  const shown = selectPhaseIndex(state)
  if (
    lastBuildOut?.reserve !== reserve ||
    lastBuildOut.shown !== shown ||
    lastBuildOut.month !== month
  ) {
    lastBuildOut = {
      reserve,
      shown,
      month,
      buildOut: layoutBuildOut(reserve, shown, monthText(month)),
    }
  }
  return lastBuildOut.buildOut
}

/** What a layout is computed from, as one reference that changes when any part does. */
interface LayoutInput {
  readonly scenario: Scenario
  readonly evaluation: Evaluation
  readonly reserve: CampusReserve | null
}

let lastInput: LayoutInput | null = null

function selectLayoutInput(state: CampusState): LayoutInput | null {
  const evaluation = selectEvaluation(state)
  if (evaluation === null) return null
  const scenario = selectShownScenario(state)
  const reserve = selectReserve(state)
  if (
    lastInput?.scenario !== scenario ||
    lastInput.evaluation !== evaluation ||
    lastInput.reserve !== reserve
  )
    lastInput = { scenario, evaluation, reserve }
  return lastInput
}

/** The current campus layout (stable reference until the scenario or its climate changes). */
export function useLayout(): CampusLayout | null {
  return useCampus(selectLayout)
}

/**
 * The campus layout at React's deferred priority, for the 3D view: on a slider step the
 * readouts commit first, and the layout (about 12 ms at 4.5 GW) is computed in the deferred
 * render that follows, which a newer step interrupts instead of waiting for.
 */
export function useDeferredLayout(): CampusLayout | null {
  const input = useDeferredValue(useCampus(selectLayoutInput))
  return useMemo(
    () => (input === null ? null : layoutOf(input.scenario, input.evaluation, input.reserve)),
    [input],
  )
}

/** The build-out at the date shown, at the 3D view's deferred priority (see `useDeferredLayout`). */
export function useDeferredBuildOut(): BuildOut | null {
  return useDeferredValue(useCampus(selectBuildOut))
}

// ---------------------------------------------------------------------------------------------
// What the 3D view has drawn: for exports of every phase and time-lapses

let drawn: { layout: CampusLayout | null; buildOut: BuildOut | null } = {
  layout: null,
  buildOut: null,
}
let waiters: { check: () => boolean; done: () => void }[] = []

function settle(): void {
  waiters = waiters.filter((w) => {
    if (!w.check()) return true
    w.done()
    return false
  })
}

/** The scene reports the layout it has committed to its meshes (in a layout effect). */
export function noteSceneLayout(layout: CampusLayout | null): void {
  drawn = { ...drawn, layout }
  settle()
}

/** The scene reports the build-out (site works, frames, outlines) it has committed. */
export function noteSceneBuildOut(buildOut: BuildOut | null): void {
  drawn = { ...drawn, buildOut }
  settle()
}

/** The 3D view holds the store's layout and build-out (phase and date) now. */
export function sceneShowsStore(): boolean {
  const state = useCampus.getState()
  const layout = selectLayout(state)
  return layout !== null && drawn.layout === layout && drawn.buildOut === selectBuildOut(state)
}

/**
 * Resolves once the 3D view has committed the phase and date the store now shows (layout and
 * build-out), so a frame rendered after it (an export, a time-lapse frame) shows them; rejects
 * after `timeoutMs` (a climate that never loads, a view not mounted).
 */
export function whenSceneShows(timeoutMs = 30_000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (sceneShowsStore()) {
      resolve()
      return
    }
    const waiter = {
      check: sceneShowsStore,
      done: () => {
        clearTimeout(timer)
        resolve()
      },
    }
    const timer = setTimeout(() => {
      waiters = waiters.filter((w) => w !== waiter)
      reject(new Error('The 3D view did not show the phase in time.'))
    }, timeoutMs)
    waiters.push(waiter)
  })
}
