import type { CampusLayout } from '../layout'

/**
 * Counters the scene keeps for the test and bench hook (read-only outside the scene): how the
 * racks are drawn at the current level of detail.
 */
export const sceneStats = {
  /** Racks drawn one by one (halls near the camera). */
  detailedRacks: 0,
  /** Rack rows drawn as single boxes, and the racks they stand for. */
  rowsDrawn: 0,
  racksInRows: 0,
  /** performance.now() when the first frame with the campus on it was finished; null before. */
  firstFrameAt: null as number | null,
  /** Frames rendered so far. */
  frames: 0,
  /** Boxes of the build-out drawn (site works, frames, cranes, outlines: Construction.tsx). */
  constructionBoxes: 0,
  /** The layout the scene shows (it follows the store's at deferred priority). */
  layout: null as CampusLayout | null,
  /** Instances of the buildings' and site's detail drawn now, by kind (see Buildings.tsx). */
  built: {} as Record<string, number>,
  /** The building whose roof and upper walls are cut away (Hall interior), or null. */
  cutaway: null as number | null,
  /** Buildings drawn with their roof on. */
  solidRoofs: 0,
  /** How dark it is for the lit windows (0 day … 1 night). */
  night: 0,
  /** The layout the hall interior (loaded after the first frame) has taken in; null before. */
  interiorLayout: null as CampusLayout | null,
}
