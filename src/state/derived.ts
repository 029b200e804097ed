import { simulate, type Climate, type Evaluation, type Scenario } from '../model'
import { useCampus, type CampusState } from './store'

function memoizeLast2<A, B, R>(fn: (a: A, b: B) => R): (a: A, b: B) => R {
  let last: { a: A; b: B; result: R } | null = null
  return (a, b) => {
    if (last === null || last.a !== a || last.b !== b) last = { a, b, result: fn(a, b) }
    return last.result
  }
}

const evaluateMemo = memoizeLast2((scenario: Scenario, climate: Climate) =>
  simulate(scenario, climate),
)

/** The scenario's evaluation, memoised on the scenario's and climate's identity; null while the climate loads. */
export function selectEvaluation(state: CampusState): Evaluation | null {
  const climate = state.climates[state.scenario.site]
  return climate ? evaluateMemo(state.scenario, climate) : null
}

/** Readouts and series of the current scenario (stable reference until the scenario changes). */
export function useEvaluation(): Evaluation | null {
  return useCampus(selectEvaluation)
}
