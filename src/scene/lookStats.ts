/**
 * What the look of the scene shows, for the test hook (`window.__campusDebug.look()`): how many
 * site and road lights stand and how bright their lamps are, and how many trees are placed.
 * Written by the scene components that draw them; read-only elsewhere.
 */
export const lookStats = {
  /** Light poles placed (layout/siteLights.ts). */
  siteLights: 0,
  /** Lamp level 0…1 (0: off by day, 1: full at night), `lampLevel` in SiteLights.tsx. */
  lampLevel: 0,
  /** Whether the pools of light on the ground are drawn (lamps on, site layer shown). */
  lampsDrawn: false,
  /** Trees placed round the campus (layout/vegetation.ts); 0 until they are placed. */
  trees: 0,
}
