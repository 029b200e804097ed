import { useDeferredValue, useMemo } from 'react'
import { layoutCampus, type CampusLayout } from '../layout'
import type { Evaluation, Scenario } from '../model'
import { selectEvaluation } from './derived'
import { selectShownScenario } from './phase'
import { useCampus, type CampusState } from './store'

let last: { scenario: Scenario; evaluation: Evaluation; layout: CampusLayout } | null = null
let lastMs = 0

/** The layout of a scenario and its evaluation, memoised on both identities. */
function layoutOf(scenario: Scenario, evaluation: Evaluation): CampusLayout {
  if (last === null || last.scenario !== scenario || last.evaluation !== evaluation) {
    const t0 = performance.now()
    const layout = layoutCampus(scenario, evaluation.readouts)
    lastMs = performance.now() - t0
    last = { scenario, evaluation, layout }
  }
  return last.layout
}

/** The campus layout, memoised on the scenario's and evaluation's identity; null while the climate loads. */
export function selectLayout(state: CampusState): CampusLayout | null {
  const evaluation = selectEvaluation(state)
  return evaluation === null ? null : layoutOf(selectShownScenario(state), evaluation)
}

/** Milliseconds the latest layout took to compute. */
export function lastLayoutMs(): number {
  return lastMs
}

/** What a layout is computed from, as one reference that changes when either part does. */
interface LayoutInput {
  readonly scenario: Scenario
  readonly evaluation: Evaluation
}

let lastInput: LayoutInput | null = null

function selectLayoutInput(state: CampusState): LayoutInput | null {
  const evaluation = selectEvaluation(state)
  if (evaluation === null) return null
  const scenario = selectShownScenario(state)
  if (lastInput?.scenario !== scenario || lastInput.evaluation !== evaluation)
    lastInput = { scenario, evaluation }
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
    () => (input === null ? null : layoutOf(input.scenario, input.evaluation)),
    [input],
  )
}
