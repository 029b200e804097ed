import { layoutCampus, type CampusLayout } from '../layout'
import type { Evaluation, Scenario } from '../model'
import { selectEvaluation } from './derived'
import { selectShownScenario } from './phase'
import { useCampus, type CampusState } from './store'

let last: { scenario: Scenario; evaluation: Evaluation; layout: CampusLayout } | null = null
let lastMs = 0

/** The campus layout, memoised on the scenario's and evaluation's identity; null while the climate loads. */
export function selectLayout(state: CampusState): CampusLayout | null {
  const evaluation = selectEvaluation(state)
  if (evaluation === null) return null
  const scenario = selectShownScenario(state)
  if (last === null || last.scenario !== scenario || last.evaluation !== evaluation) {
    const t0 = performance.now()
    const layout = layoutCampus(scenario, evaluation.readouts)
    lastMs = performance.now() - t0
    last = { scenario, evaluation, layout }
  }
  return last.layout
}

/** Milliseconds the latest layout took to compute. */
export function lastLayoutMs(): number {
  return lastMs
}

/** The current campus layout (stable reference until the scenario or its climate changes). */
export function useLayout(): CampusLayout | null {
  return useCampus(selectLayout)
}
