/**
 * Campus layout: scenario and readouts in, placements in metres and radians out. Pure and
 * deterministic; imports only the model (no React, three or DOM), so it runs under Node.
 */
export * from './dimensions'
export * from './layoutCampus'
export * from './terrain'
export * from './types'
