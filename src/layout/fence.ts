/**
 * The campus frame: the utility column west of the plots, the fence around both (grown
 * evenly to at least the model's campus land), and where the plot grid's corner lands once
 * the fence is centred on the origin.
 */
import { FENCE_MARGIN_M, STREET_M } from './dimensions'
import type { Rect } from './types'

export interface CampusFrame {
  /** The fence line, centred on the origin. */
  readonly fence: Rect
  /** The built-up part inside the fence: plots and utility column. */
  readonly developed: Rect
  /** North-west corner of the plot grid; the utility column ends a street west of it. */
  readonly ox: number
  readonly oz: number
}

/**
 * Frames a plot grid (`gridW` × `gridD`) with the utility column (`columnW` × `columnD`) a
 * street west of it, both starting at the grid's north edge, inside a fence `FENCE_MARGIN_M`
 * out. When that is less than `siteAreaHa`, the fence grows by the same amount on every side.
 */
export function frameCampus(
  gridW: number,
  gridD: number,
  columnW: number,
  columnD: number,
  siteAreaHa: number,
): CampusFrame {
  const rawMinX = -STREET_M - columnW - FENCE_MARGIN_M
  const rawMaxX = gridW + FENCE_MARGIN_M
  const rawMinZ = -FENCE_MARGIN_M
  const rawMaxZ = Math.max(gridD, columnD) + FENCE_MARGIN_M
  let fw = rawMaxX - rawMinX
  let fd = rawMaxZ - rawMinZ
  const landM2 = siteAreaHa * 10_000
  if (fw * fd < landM2) {
    // (fw + 2g)(fd + 2g) = land, solved for g.
    const grow = (-(fw + fd) + Math.sqrt((fw + fd) ** 2 - 4 * (fw * fd - landM2))) / 4
    fw += 2 * grow
    fd += 2 * grow
  }
  // Shift so the fence is centred on the origin.
  const ox = -(rawMinX + rawMaxX) / 2
  const oz = -(rawMinZ + rawMaxZ) / 2
  return {
    fence: { x: 0, z: 0, w: fw, d: fd },
    developed: {
      x: ox + (rawMinX + rawMaxX) / 2,
      z: oz + (rawMinZ + rawMaxZ) / 2,
      w: rawMaxX - rawMinX - 2 * FENCE_MARGIN_M,
      d: rawMaxZ - rawMinZ - 2 * FENCE_MARGIN_M,
    },
    ox,
    oz,
  }
}
