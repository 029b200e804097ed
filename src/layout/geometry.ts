import { UNIT } from './dimensions'
import type { Point, Rect, UnitRow } from './types'

/** The smallest rectangle holding every one of `rects`. */
export function unionRect(rects: readonly Rect[]): Rect {
  let minX = Infinity
  let maxX = -Infinity
  let minZ = Infinity
  let maxZ = -Infinity
  for (const r of rects) {
    minX = Math.min(minX, r.x - r.w / 2)
    maxX = Math.max(maxX, r.x + r.w / 2)
    minZ = Math.min(minZ, r.z - r.d / 2)
    maxZ = Math.max(maxZ, r.z + r.d / 2)
  }
  return { x: (minX + maxX) / 2, z: (minZ + maxZ) / 2, w: maxX - minX, d: maxZ - minZ }
}

/** `r` grown by `m` metres on every side. */
export function growRect(r: Rect, m: number): Rect {
  return { x: r.x, z: r.z, w: r.w + 2 * m, d: r.d + 2 * m }
}

/** True when two rectangles share interior area (touching edges do not overlap). */
export function rectsOverlap(a: Rect, b: Rect): boolean {
  return Math.abs(a.x - b.x) * 2 < a.w + b.w - 1e-6 && Math.abs(a.z - b.z) * 2 < a.d + b.d - 1e-6
}

/** True when `inner` lies inside `outer` (within a millimetre). */
export function rectContains(outer: Rect, inner: Rect): boolean {
  return (
    inner.x - inner.w / 2 >= outer.x - outer.w / 2 - 1e-3 &&
    inner.x + inner.w / 2 <= outer.x + outer.w / 2 + 1e-3 &&
    inner.z - inner.d / 2 >= outer.z - outer.d / 2 - 1e-3 &&
    inner.z + inner.d / 2 <= outer.z + outer.d / 2 + 1e-3
  )
}

/**
 * The centre of unit `i` of a row: the row's units stand side by side along x, `pitchM`
 * apart, centred on the row's centre. The one place this is written; the scene and the
 * substation's transformer list use it.
 */
export function unitCentre(row: UnitRow, i: number): Point {
  return { x: row.x - ((row.count - 1) * row.pitchM) / 2 + i * row.pitchM, z: row.z }
}

/** The footprint of one unit of a row. */
export function unitRect(row: UnitRow, i: number): Rect {
  const unit = UNIT[row.kind]
  const { x, z } = unitCentre(row, i)
  return { x, z, w: unit.w, d: unit.d }
}
