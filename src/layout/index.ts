/**
 * Campus layout: scenario and readouts in, placements in metres and radians out. Pure and
 * deterministic; imports only the model (no React, three or DOM), so it runs under Node.
 * `layoutCampus` composes the parts (docs/SCENE.md has the map); the parts' own modules are
 * imported directly where needed (tests).
 */
export * from './dimensions'
export * from './equipment'
export * from './geometry'
export * from './layoutCampus'
export * from './siteLights'
export * from './terrain'
export * from './types'
export * from './buildOut'
export { CONSTRUCTION_MONTHS, plotStatuses, type PlotState, type PlotStatus } from './plots'
export * from './vegetation'
