/**
 * The campus frame: the utility column west of the plots, the fence around both (grown
 * evenly to at least the model's campus land), and where the plot grid's corner lands once
 * the fence is centred on the origin.
 */
import { FENCE_MARGIN_M, STREET_M } from './dimensions'
import type { Gate, PostPlacements, Rect } from './types'

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

/** Fence posts: at most this far apart, metres, and this tall (a 2.4 m security fence). */
export const POST_SPACING_M = 3
export const FENCE_HEIGHT_M = 2.4
/** Gate house beside the access road just inside the fence, metres; the barrier arm's length. */
const GATE_HOUSE = { w: 4, d: 7, h: 3.2, fromFenceM: 2, fromRoadM: 1.5 } as const
const BARRIER_LENGTH_M = 5.5

/**
 * The gate where the access road (centre line `roadZ`, `roadWidthM` wide) crosses the west
 * fence: a gap 2 m wider than the road on each side, the gate house north of the road between
 * the fence and the perimeter road, and the barrier arm over the inbound lane.
 */
export function placeGate(fence: Rect, roadZ: number, roadWidthM: number): Gate {
  const fenceX = fence.x - fence.w / 2
  const house: Rect = {
    x: fenceX + GATE_HOUSE.fromFenceM + GATE_HOUSE.w / 2,
    z: roadZ - roadWidthM / 2 - GATE_HOUSE.fromRoadM - GATE_HOUSE.d / 2,
    w: GATE_HOUSE.w,
    d: GATE_HOUSE.d,
  }
  return {
    opening: { x: fenceX, z: roadZ, w: 0.3, d: roadWidthM + 4 },
    house,
    houseHeightM: GATE_HOUSE.h,
    barrier: {
      x: house.x + GATE_HOUSE.w / 2 + 1,
      z: roadZ - roadWidthM / 2 + BARRIER_LENGTH_M / 2,
      w: 0.12,
      d: BARRIER_LENGTH_M,
    },
  }
}

/**
 * Posts round the fence line at most `POST_SPACING_M` apart, evenly along each side, one at
 * every corner, none in the gate's gap (a post stands at each side of it).
 */
export function fencePosts(fence: Rect, gap: Rect): PostPlacements {
  const x0 = fence.x - fence.w / 2
  const x1 = fence.x + fence.w / 2
  const z0 = fence.z - fence.d / 2
  const z1 = fence.z + fence.d / 2
  const xs: number[] = []
  const zs: number[] = []
  const side = (ax: number, az: number, bx: number, bz: number) => {
    const length = Math.hypot(bx - ax, bz - az)
    const n = Math.max(1, Math.ceil(length / POST_SPACING_M))
    // From the corner at a, up to (not including) the corner at b, which starts the next side.
    for (let i = 0; i < n; i++) {
      xs.push(ax + ((bx - ax) * i) / n)
      zs.push(az + ((bz - az) * i) / n)
    }
  }
  side(x0, z0, x1, z0)
  side(x1, z0, x1, z1)
  side(x1, z1, x0, z1)
  // The west side, from the south-west corner north, broken by the gate.
  const gapS = gap.z + gap.d / 2
  const gapN = gap.z - gap.d / 2
  side(x0, z1, x0, gapS)
  xs.push(x0)
  zs.push(gapS)
  side(x0, gapN, x0, z0)
  return {
    count: xs.length,
    x: Float32Array.from(xs),
    z: Float32Array.from(zs),
    spacingM: POST_SPACING_M,
    heightM: FENCE_HEIGHT_M,
  }
}
