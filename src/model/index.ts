/**
 * The campus model: scenario in, readouts out. Pure TypeScript with no React, three, DOM or
 * Node imports; the browser and the command line run the same code.
 */
import type { Assumptions } from './constants'
import type { Climate } from './climate'
import { phaseScenarios, type Scenario } from './scenario'
import { simulate, type Evaluation, type Readouts } from './simulate'

export * from './climate'
export * from './constants'
export * from './cooling'
export * from './dispatch'
export * from './plant'
export * from './programme'
export * from './programmeTotals'
export * from './psychrometrics'
export * from './racks'
export * from './readoutSpecs'
export * from './scenario'
export * from './simulate'
export * from './sites'
export * from './supply'
export * from './text'
export * from './warnings'
export * from './weather'
export * from './year'

/**
 * Readouts of a scenario over its site's typical year (see `simulate` for the series too); with
 * phases, those of the last phase (`evaluatePhases` gives every phase's).
 */
export function evaluate(
  scenario: Scenario,
  climate: Climate,
  assumptions?: Assumptions,
): Readouts {
  return simulate(scenario, climate, assumptions).readouts
}

/**
 * One evaluation per phase, in order: each is exactly `simulate` of that phase's single-phase
 * scenario (`phaseScenarios`). A scenario without phases gives one. Phases share the site, so
 * one climate serves them all.
 */
export function simulatePhases(
  scenario: Scenario,
  climate: Climate,
  assumptions?: Assumptions,
): readonly Evaluation[] {
  return phaseScenarios(scenario).map((s) => simulate(s, climate, assumptions))
}

/** Readouts of every phase, in order (see `simulatePhases`); the last equals `evaluate`'s. */
export function evaluatePhases(
  scenario: Scenario,
  climate: Climate,
  assumptions?: Assumptions,
): readonly Readouts[] {
  return simulatePhases(scenario, climate, assumptions).map((e) => e.readouts)
}
