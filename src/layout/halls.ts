/**
 * Data halls: the size of one hall from its racks and white space, and every rack position in
 * it. Rows of racks run along x; their fronts alternate so pairs of rows share a cold aisle.
 */
import {
  AISLE_M,
  MIN_GALLERY_M,
  RACK_D_M,
  RACK_W_M,
  ROW_END_CLEARANCE_M,
  ROW_PITCH_M,
} from './dimensions'
import type { RackRowLayout } from './types'

/** One hall's size, metres: its rack field and the hall around it. */
export interface HallPlan {
  readonly racks: number
  readonly rows: number
  readonly racksPerRow: number
  /** The rack field: rows and aisles. */
  readonly fieldW: number
  readonly fieldD: number
  /** The hall: the field, end clearances, and CDU galleries along both long walls. */
  readonly w: number
  readonly d: number
}

/**
 * Sizes a hall of `racks` racks: rows about twice as long as the rows are deep
 * (`rows = ⌈√(R/8)⌉`), 1.2 m aisles before, between and after the rows, end clearance on both
 * ends; CDU galleries along the long walls (at least `MIN_GALLERY_M`) take what is left of the
 * hall's share of the white space.
 */
export function planHall(racks: number, whiteSpacePerRackM2: number): HallPlan {
  const racksPerRow = Math.ceil(racks / Math.ceil(Math.sqrt(racks / 8)))
  const rows = Math.ceil(racks / racksPerRow)
  const fieldW = racksPerRow * RACK_W_M
  const fieldD = rows * RACK_D_M + (rows + 1) * AISLE_M
  const w = fieldW + 2 * ROW_END_CLEARANCE_M
  const galleryM = Math.max(MIN_GALLERY_M, (racks * whiteSpacePerRackM2 - w * fieldD) / (2 * w))
  return { racks, rows, racksPerRow, fieldW, fieldD, w, d: fieldD + 2 * galleryM }
}

/** Rack positions being written: structure of arrays, filled hall by hall. */
export interface RackArrays {
  readonly x: Float32Array
  readonly z: Float32Array
  readonly facing: Int8Array
  readonly hall: Uint16Array
}

/**
 * Places the racks of hall `hallIndex`, centred at (hx, hz), from index `firstRack` of
 * `racks`, and appends its rows to `rackRows`. Returns the index after its last rack.
 */
export function placeHallRacks(
  plan: HallPlan,
  hallIndex: number,
  hx: number,
  hz: number,
  racks: RackArrays,
  firstRack: number,
  rackRows: RackRowLayout[],
): number {
  const left = hx - plan.fieldW / 2
  const top = hz - plan.fieldD / 2
  let rack = firstRack
  let placed = 0
  for (let r = 0; r < plan.rows; r++) {
    const n = Math.min(plan.racksPerRow, plan.racks - placed)
    const z = top + AISLE_M + RACK_D_M / 2 + r * ROW_PITCH_M
    const facing: 1 | -1 = r % 2 === 0 ? 1 : -1
    rackRows.push({ hall: hallIndex, x: left + (n * RACK_W_M) / 2, z, racks: n, facing })
    for (let j = 0; j < n; j++) {
      racks.x[rack] = left + (j + 0.5) * RACK_W_M
      racks.z[rack] = z
      racks.facing[rack] = facing
      racks.hall[rack] = hallIndex
      rack++
    }
    placed += n
  }
  return rack
}
