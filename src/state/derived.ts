import {
  phaseScenarios,
  scenarioAtPhase,
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

/**
 * Evaluations of phases, by climate and by the phase's campus as JSON: an edit of one phase
 * makes new objects for every phase (`phasesOf`), but only the phases whose campus changed are
 * simulated again. At most PHASE_CACHE_SIZE per climate, oldest dropped first.
 */
const phaseCache = new WeakMap<Climate, Map<string, Evaluation>>()
const PHASE_CACHE_SIZE = 48
const phaseByIdentity = new WeakMap<Scenario, { climate: Climate; evaluation: Evaluation }>()

/** A phase's (single-phase) campus evaluated, shared by every phase and edit with the same campus. */
function evaluatePhase(scenario: Scenario, climate: Climate): Evaluation {
  const known = phaseByIdentity.get(scenario)
  if (known?.climate === climate) return known.evaluation
  let cache = phaseCache.get(climate)
  if (cache === undefined) phaseCache.set(climate, (cache = new Map()))
  const key = JSON.stringify(scenario)
  let evaluation = cache.get(key)
  if (evaluation === undefined) {
    evaluation = simulate(scenario, climate)
    if (cache.size >= PHASE_CACHE_SIZE) cache.delete(cache.keys().next().value ?? '')
  } else cache.delete(key)
  cache.set(key, evaluation)
  phaseByIdentity.set(scenario, { climate, evaluation })
  return evaluation
}

const evaluateMemo = memoizeLast2((scenario: Scenario, climate: Climate) =>
  simulate(scenario, climate),
)

const phasesMemo = memoizeLast2((scenario: Scenario, climate: Climate): readonly Evaluation[] =>
  phaseScenarios(scenario).map((s) => evaluatePhase(s, climate)),
)

/**
 * One evaluation per phase, in order (one for a scenario without phases), memoised on the
 * scenario's and climate's identity; null while the climate loads. Each is exactly `simulate`
 * of that phase's campus.
 */
export function selectPhaseEvaluations(state: CampusState): readonly Evaluation[] | null {
  const climate = state.climates[state.scenario.site]
  return climate ? phasesMemo(state.scenario, climate) : null
}

export function usePhaseEvaluations(): readonly Evaluation[] | null {
  return useCampus(selectPhaseEvaluations)
}
const evaluateCompareMemo = memoizeLast2((scenario: Scenario, climate: Climate) =>
  simulate(scenario, climate),
)

/** The last evaluation computed for the phase shown (the readouts keep it while a climate loads). */
let lastShown: Evaluation | null = null

/** The evaluation of the phase shown, memoised on its scenario's and climate's identity; null while the climate loads. */
export function selectEvaluation(state: CampusState): Evaluation | null {
  const scenario = selectShownScenario(state)
  const climate = state.climates[scenario.site]
  if (!climate) return null
  // With phases, the phase's own cached evaluation: switching phases simulates nothing again.
  lastShown =
    state.scenario.phases === undefined
      ? evaluateMemo(scenario, climate)
      : evaluatePhase(scenario, climate)
  return lastShown
}

/**
 * What the readouts show: the current evaluation or, while a new site's climate loads, the last
 * one computed (dimmed by the panel), so the numbers do not blank out for a moment.
 */
export function selectShownEvaluation(state: CampusState): Evaluation | null {
  return selectEvaluation(state) ?? lastShown
}

/** Readouts and series of the current scenario (stable reference until the scenario changes). */
export function useEvaluation(): Evaluation | null {
  return useCampus(selectEvaluation)
}

/** Evaluation of the pinned comparison scenario A; null when none is pinned or its climate loads. */
export function selectCompareEvaluation(state: CampusState): Evaluation | null {
  if (state.compareA === null) return null
  // A is compared at the phase shown (clamped to A's phases): the same step of both build-outs.
  const a = scenarioAtPhase(state.compareA, state.phaseIndex)
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
