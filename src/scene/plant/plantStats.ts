/**
 * What the plant and feeds draw, for the test and bench hook (`__campusDebug.plant()`):
 * written by the scene when its meshes change (never per frame), read-only elsewhere.
 */
export const plantStats = {
  /** Pieces drawn as full models now, per kind (the rest are far boxes or not drawn). */
  detailed: {} as Record<string, number>,
  /** Small parts drawn only near the camera (switchyard apparatus, pipe racks): shown now. */
  near: {} as Record<string, boolean>,
  /** Wind turbines drawn, and the blades on each rotor. */
  turbines: 0,
  bladesPerRotor: 0,
  /** Obstruction lights placed; shown now (night); flashing (motion on). */
  aviationLights: 0,
  aviationLightsShown: false,
  aviationLightsBlinking: false,
  /** Switchyard: gantries (with line towers' count apart), breakers, disconnectors. */
  gantries: 0,
  breakers: 0,
  disconnectors: 0,
  lineTowers: 0,
  /** Exhaust stacks of gas turbines. */
  stacks: 0,
  /** Tracker rows in the field, and their tilt now (degrees, + toward the west). */
  trackerRows: 0,
  trackerTiltDeg: 0,
  /** Fans turning now (drawn near the camera with motion on). */
  fansTurning: false,
}

export type PlantStats = typeof plantStats

/**
 * The layout the plant and the feeds last drew (they load in their own chunk, after the rest
 * of the scene): `__campusDebug.settled()` waits for both to show the current one.
 */
export const plantShown: { plant: unknown; feeds: unknown } = { plant: null, feeds: null }
