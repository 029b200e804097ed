/**
 * The campus model: scenario in, readouts out. Pure TypeScript with no React, three, DOM or
 * Node imports; the browser and the command line run the same code.
 */
import type { Assumptions } from './constants'
import type { Climate } from './climate'
import type { Scenario } from './scenario'
import { simulate, type Readouts } from './simulate'

export * from './climate'
export * from './constants'
export * from './cooling'
export * from './plant'
export * from './psychrometrics'
export * from './racks'
export * from './readoutSpecs'
export * from './scenario'
export * from './simulate'
export * from './sites'
export * from './supply'
export * from './warnings'

/** Readouts of a scenario over its site's typical year (see `simulate` for the series too). */
export function evaluate(
  scenario: Scenario,
  climate: Climate,
  assumptions?: Assumptions,
): Readouts {
  return simulate(scenario, climate, assumptions).readouts
}
