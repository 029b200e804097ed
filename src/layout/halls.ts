/**
 * Data halls: the size of one hall from its racks and white space, and every rack position in
 * it. Rows of racks run along x; their fronts alternate so pairs of rows share a cold aisle.
 */
import {
  AISLE_M,
  MIN_GALLERY_M,
  RACK_D_M,
  RACK_H_M,
  RACK_W_M,
  ROW_END_CLEARANCE_M,
  ROW_PITCH_M,
} from './dimensions'
import type { Figure, HallItem, HallItemKind, HallKit, RackRowLayout } from './types'

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

/**
 * Hall fit-out at true scale, metres. Gallery units (coolant distribution units for
 * liquid-cooled racks, air handlers for the air share) stand against the galleries' outer
 * walls 1.5 m apart: in-row CDUs of the 1.5 MW class (≈ 1.2 × 1.2 × 2.3 m) and fan-wall air
 * handlers of ≈ 0.45 MW, each with one spare (N+1), as many as the galleries hold.
 */
export const GALLERY_UNIT = { w: 1.2, d: 1.2, h: 2.3, pitchM: 1.5 } as const
export const CDU_MW = 1.5
export const CRAH_MW = 0.45
/** Heights above the hall floor: busway, cable trays, row pipes, headers; sizes across. */
const CONTAINMENT_ROOF_M = 0.06
const BUSWAY = { y: 2.85, h: 0.18, d: 0.22 } as const
const TRAY = { y: 3.3, h: 0.1, d: 0.3 } as const
const CROSS_TRAY = { y: 3.6, h: 0.1, w: 0.4 } as const
const ROW_PIPE = { y: 2.45, diameterM: 0.1 } as const
const HEADER = { y: 4.0, diameterM: 0.3 } as const
const BRANCH = { y: 3.8, diameterM: 0.2 } as const
/** Roof beams across the hall every 6 m and linear lights over the aisles. */
const BEAM = { w: 0.25, h: 0.6, pitchM: 6 } as const
const LIGHT = { h: 0.08, d: 0.2, belowBeamM: 0.6 } as const
/** People in the hall: one per 25 racks, two to eight; 1.75 m on average (1.63–1.87 m). */
export const PERSON_HEIGHT_M = 1.75

/** What the fit-out is sized from: the hall's IT power and the share of it taken by liquid. */
export interface HallLoad {
  readonly itMw: number
  /** Share of the racks' heat taken by a liquid loop (0 for air-cooled racks or halls). */
  readonly liquidShare: number
  /** Clear height from the hall floor to the underside of the roof, metres. */
  readonly ceilingM: number
}

/**
 * The fit-out every hall shares, relative to its centre and floor: the contained aisles (hot
 * aisles between back-to-back rows; the cold aisle when there are only two rows) with a roof
 * panel at rack height and a door at each end; per row a busway, a cable tray and (with a
 * liquid loop) supply and return pipes; a cross tray at the field's west end; with a liquid
 * loop, supply and return headers along both galleries and branches across the field's east
 * end; CDUs and air handlers against the gallery walls; roof beams and aisle lights; people.
 */
export function planHallKit(plan: HallPlan, load: HallLoad): HallKit {
  const items: HallItem[] = []
  const put = (
    kind: HallItemKind,
    x: number,
    z: number,
    w: number,
    d: number,
    y: number,
    h: number,
  ) => items.push({ kind, rect: { x, z, w, d }, y, h })
  const left = -plan.fieldW / 2
  const right = plan.fieldW / 2
  const top = -plan.fieldD / 2
  const rowZ = (r: number) => top + AISLE_M + RACK_D_M / 2 + r * ROW_PITCH_M
  const rowRacks = (r: number) => Math.min(plan.racksPerRow, plan.racks - r * plan.racksPerRow)
  const liquid = load.liquidShare > 0

  // Containment: the aisle after row r is hot when r is odd (backs face), cold when even.
  const containment: 'hot' | 'cold' = plan.rows >= 3 ? 'hot' : 'cold'
  let containedAisles = 0
  const contained = new Set<number>()
  for (let r = containment === 'hot' ? 1 : 0; r + 1 < plan.rows; r += 2) {
    const len = Math.min(rowRacks(r), rowRacks(r + 1)) * RACK_W_M
    const z = rowZ(r) + ROW_PITCH_M / 2
    put('containment-roof', left + len / 2, z, len, AISLE_M, RACK_H_M, CONTAINMENT_ROOF_M)
    put('containment-door', left - 0.04, z, 0.08, AISLE_M, 0, RACK_H_M)
    put('containment-door', left + len + 0.04, z, 0.08, AISLE_M, 0, RACK_H_M)
    contained.add(r + 1)
    containedAisles++
  }

  // Over every row: busway at the rear, cable tray at the front, pipes down the middle.
  for (let r = 0; r < plan.rows; r++) {
    const len = rowRacks(r) * RACK_W_M
    const x = left + len / 2
    const z = rowZ(r)
    const facing = r % 2 === 0 ? 1 : -1
    put('busway', x, z - facing * 0.35, len, BUSWAY.d, BUSWAY.y, BUSWAY.h)
    put('cable-tray', x, z + facing * 0.4, len, TRAY.d, TRAY.y, TRAY.h)
    if (liquid) {
      const p = ROW_PIPE.diameterM
      put('supply-pipe', x, z - 0.08, len, p, ROW_PIPE.y, p)
      put('return-pipe', x, z + 0.08, len, p, ROW_PIPE.y, p)
    }
  }
  put('cable-tray', left - 1, 0, CROSS_TRAY.w, plan.fieldD, CROSS_TRAY.y, CROSS_TRAY.h)

  // Galleries: units against the outer walls, headers above them, branches across the field.
  const wallZ = plan.d / 2
  const unitZ = wallZ - 0.15 - GALLERY_UNIT.d / 2
  const perGallery = Math.max(0, Math.floor((plan.w - 0.6) / GALLERY_UNIT.pitchM))
  const wantCdus = liquid ? Math.ceil((load.itMw * load.liquidShare) / CDU_MW) + 1 : 0
  const wantCrahs = Math.ceil((load.itMw * (1 - load.liquidShare)) / CRAH_MW) + 1
  const cdus = Math.min(wantCdus, 2 * perGallery)
  const crahs = Math.min(wantCrahs, 2 * perGallery - cdus)
  for (let i = 0; i < cdus + crahs; i++) {
    const side = i % 2 === 0 ? 1 : -1
    const slot = Math.floor(i / 2)
    const x = -((perGallery - 1) * GALLERY_UNIT.pitchM) / 2 + slot * GALLERY_UNIT.pitchM
    const g = GALLERY_UNIT
    put(i < cdus ? 'cdu' : 'crah', x, side * unitZ, g.w, g.d, 0, g.h)
  }
  if (liquid) {
    const hd = HEADER.diameterM
    for (const side of [-1, 1]) {
      put('supply-pipe', 0, side * (wallZ - 0.7), plan.w - 0.6, hd, HEADER.y, hd)
      put('return-pipe', 0, side * (wallZ - 1.2), plan.w - 0.6, hd, HEADER.y, hd)
    }
    const bd = BRANCH.diameterM
    const span = 2 * (wallZ - 1.5)
    put('supply-pipe', right + 0.6, 0, bd, span, BRANCH.y, bd)
    put('return-pipe', right + 1, 0, bd, span, BRANCH.y, bd)
  }

  // Structure and light: beams across the hall, lights along the aisles under them.
  const beams = Math.max(1, Math.floor((plan.w - 2) / BEAM.pitchM) + 1)
  const beamSpan = (beams - 1) * BEAM.pitchM
  const beamY = load.ceilingM - BEAM.h
  for (let i = 0; i < beams; i++)
    put('beam', -beamSpan / 2 + i * BEAM.pitchM, 0, BEAM.w, plan.d - 0.2, beamY, BEAM.h)
  const lightY = beamY - LIGHT.belowBeamM - LIGHT.h
  for (let a = 0; a <= plan.rows; a++)
    put('light', 0, top + AISLE_M / 2 + a * ROW_PITCH_M, plan.fieldW, LIGHT.d, lightY, LIGHT.h)

  // People: in the open aisles and the galleries' free strips, spread along the hall.
  const open: number[] = []
  for (let a = 0; a <= plan.rows; a++)
    if (!contained.has(a)) open.push(top + AISLE_M / 2 + a * ROW_PITCH_M)
  const galleryFree = (wallZ - 0.15 - GALLERY_UNIT.d + plan.fieldD / 2) / 2
  const spots = [...open, galleryFree, -galleryFree]
  const count = Math.min(8, Math.max(2, Math.round(plan.racks / 25)))
  const people: Figure[] = []
  for (let i = 0; i < count; i++) {
    const z = spots[i % spots.length] ?? 0
    const lane = Math.floor(i / spots.length)
    // Along x: a hashed share of the rack field, kept a metre from the ends and from others.
    const t = (hash01(i, 17) + lane * 0.37) % 1
    const x = left + 0.6 + t * Math.max(0, plan.fieldW - 1.2)
    people.push({
      x,
      z,
      yaw: hash01(i, 29) * 2 * Math.PI,
      heightM: PERSON_HEIGHT_M + (hash01(i, 41) - 0.5) * 0.24,
    })
  }
  return {
    containment,
    containedAisles,
    cdus,
    crahs,
    ceilingM: load.ceilingM,
    items,
    people,
  }
}

/** A deterministic pseudo-random number in [0, 1) from two integers (an integer hash). */
export function hash01(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35)
  h ^= h >>> 15
  h = Math.imul(h, 0x2c1b3c6d)
  h ^= h >>> 12
  h = Math.imul(h, 0x297a2d39)
  h ^= h >>> 15
  return (h >>> 0) / 4294967296
}
