import { clampPhaseIndex, scenarioAtPhase, type Scenario } from '../model'
import { useCampus, type CampusState } from './store'

/**
 * The phase shown. The store keeps `phaseIndex` as set; these read it clamped to the phases
 * the scenario has now (an edit that removes phases never leaves it pointing past the end).
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

/** Shows a phase (clamped to the phases present); not an undo step. */
export function setPhaseIndex(index: number): void {
  const { scenario } = useCampus.getState()
  useCampus.setState({ phaseIndex: clampPhaseIndex(scenario, index) })
}
