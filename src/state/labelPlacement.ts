/**
 * Where asset labels go on an image (the 3D view on screen, and exported images at any size):
 * greedy placement, most important first. Each label tries its natural place (centred on its
 * anchor), then places around it; every candidate is pushed inside the safe area, and the
 * first that overlaps neither a placed label nor an obstacle (the toolbars, a caption) wins.
 * A label that ends up away from its anchor gets a leader line to it. A label with no room is
 * left out. Pure: no DOM, so the same placement serves the screen and the export.
 */

export interface PixelBox {
  x0: number
  y0: number
  x1: number
  y1: number
}

export interface LabelRequest {
  readonly id: string
  /** The point the label names, pixels. */
  readonly anchorX: number
  readonly anchorY: number
  /** Size of the label, pixels. */
  readonly width: number
  readonly height: number
}

export interface PlacedLabel {
  id: string
  readonly box: PixelBox
  anchorX: number
  anchorY: number
  /** True when the label stands away from its anchor: draw a thin line from the anchor to `leaderX/Y` on the label's edge. */
  leader: boolean
  leaderX: number
  leaderY: number
}

export interface PlacementOptions {
  /** Room kept between labels, and between a label and an obstacle, pixels. */
  readonly gap?: number
}

/** Offsets to try, in label heights (dy) and label widths (dx), nearest first. */
const CANDIDATES: readonly (readonly [number, number])[] = [
  [0, 0],
  [0, -1.5],
  [0, 1.5],
  [-0.6, 0],
  [0.6, 0],
  [-0.6, -1.5],
  [0.6, -1.5],
  [-0.6, 1.5],
  [0.6, 1.5],
  [0, -3],
  [0, 3],
  [-1.1, 0],
  [1.1, 0],
  [0, -4.5],
  [0, 4.5],
  [-1.1, -3],
  [1.1, -3],
  [-1.1, 3],
  [1.1, 3],
]

function overlaps(a: PixelBox, b: PixelBox, gap: number): boolean {
  return a.x0 < b.x1 + gap && a.x1 > b.x0 - gap && a.y0 < b.y1 + gap && a.y1 > b.y0 - gap
}

function clampInto(x0: number, y0: number, w: number, h: number, safe: PixelBox): [number, number] {
  return [
    Math.min(Math.max(x0, safe.x0), safe.x1 - w),
    Math.min(Math.max(y0, safe.y0), safe.y1 - h),
  ]
}

/**
 * Places labels in the order given (most important first). `out` is reused when passed (the
 * screen places labels every rendered frame without allocating); the result holds only the
 * labels placed.
 */
export function placeLabels(
  requests: readonly LabelRequest[],
  safe: PixelBox,
  obstacles: readonly PixelBox[],
  options: PlacementOptions = {},
  out: PlacedLabel[] = [],
): PlacedLabel[] {
  const gap = options.gap ?? 4
  let count = 0
  for (const request of requests) {
    const { width: w, height: h } = request
    if (!(w > 0 && h > 0) || w > safe.x1 - safe.x0 || h > safe.y1 - safe.y0) continue
    if (!Number.isFinite(request.anchorX) || !Number.isFinite(request.anchorY)) continue
    let found = false
    let bx = 0
    let by = 0
    for (const [dxW, dyH] of CANDIDATES) {
      const [x0, y0] = clampInto(
        request.anchorX - w / 2 + dxW * w,
        request.anchorY - h / 2 + dyH * h,
        w,
        h,
        safe,
      )
      const box = { x0, y0, x1: x0 + w, y1: y0 + h }
      let free = true
      for (const o of obstacles)
        if (overlaps(box, o, gap)) {
          free = false
          break
        }
      for (let i = 0; free && i < count; i++)
        if (overlaps(box, (out[i] as PlacedLabel).box, gap)) free = false
      if (free) {
        found = true
        bx = x0
        by = y0
        break
      }
    }
    if (!found) continue
    let slot = out[count]
    if (!slot) {
      slot = {
        id: '',
        box: { x0: 0, y0: 0, x1: 0, y1: 0 },
        anchorX: 0,
        anchorY: 0,
        leader: false,
        leaderX: 0,
        leaderY: 0,
      }
      out[count] = slot
    }
    slot.id = request.id
    slot.box.x0 = bx
    slot.box.y0 = by
    slot.box.x1 = bx + w
    slot.box.y1 = by + h
    slot.anchorX = request.anchorX
    slot.anchorY = request.anchorY
    // The nearest point of the label to its anchor; a leader when the anchor is outside it.
    slot.leaderX = Math.min(Math.max(request.anchorX, bx), bx + w)
    slot.leaderY = Math.min(Math.max(request.anchorY, by), by + h)
    slot.leader = Math.hypot(slot.leaderX - request.anchorX, slot.leaderY - request.anchorY) > 0.5
    count++
  }
  out.length = count
  return out
}
