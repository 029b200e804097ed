import {
  simulate,
  summariseClimate,
  type Climate,
  type ClimateSummary,
  type Evaluation,
  type Scenario,
} from '../model'
import { selectShownScenario } from './phase'
import { useCampus, type CampusState } from './store'

/** `fn` memoised on the identities of its two arguments; `latest()` is the last result, if any. */
function memoizeLast2<A, B, R>(
  fn: (a: A, b: B) => R,
): ((a: A, b: B) => R) & { latest(): R | null } {
  let last: { a: A; b: B; result: R } | null = null
  const memo = (a: A, b: B): R => {
    if (last === null || last.a !== a || last.b !== b) last = { a, b, result: fn(a, b) }
    return last.result
  }
  return Object.assign(memo, { latest: () => last?.result ?? null })
}

const evaluateMemo = memoizeLast2((scenario: Scenario, climate: Climate) =>
  simulate(scenario, climate),
)
const evaluateCompareMemo = memoizeLast2((scenario: Scenario, climate: Climate) =>
  simulate(scenario, climate),
)

/** The evaluation of the phase shown, memoised on its scenario's and climate's identity; null while the climate loads. */
export function selectEvaluation(state: CampusState): Evaluation | null {
  const scenario = selectShownScenario(state)
  const climate = state.climates[scenario.site]
  return climate ? evaluateMemo(scenario, climate) : null
}

/**
 * What the readouts show: the current evaluation or, while a new site's climate loads, the last
 * one computed (dimmed by the panel), so the numbers do not blank out for a moment.
 */
export function selectShownEvaluation(state: CampusState): Evaluation | null {
  return selectEvaluation(state) ?? evaluateMemo.latest()
}

/** Readouts and series of the current scenario (stable reference until the scenario changes). */
export function useEvaluation(): Evaluation | null {
  return useCampus(selectEvaluation)
}

/** Evaluation of the pinned comparison scenario A; null when none is pinned or its climate loads. */
export function selectCompareEvaluation(state: CampusState): Evaluation | null {
  const a = state.compareA
  if (a === null) return null
  const climate = state.climates[a.site]
  return climate ? evaluateCompareMemo(a, climate) : null
}

export function useCompareEvaluation(): Evaluation | null {
  return useCampus(selectCompareEvaluation)
}

const summaries = new WeakMap<Climate, ClimateSummary>()

/** Summary of a loaded climate, computed once per climate. */
export function climateSummary(climate: Climate): ClimateSummary {
  let summary = summaries.get(climate)
  if (!summary) {
    summary = summariseClimate(climate)
    summaries.set(climate, summary)
  }
  return summary
}

/** Summary of the current site's climate; null while it loads. */
export function useSiteClimateSummary(): ClimateSummary | null {
  return useCampus((s) => {
    const climate = s.climates[s.scenario.site]
    return climate ? climateSummary(climate) : null
  })
}
