import {
  STOREYS,
  STOREY_HEIGHT_M,
  type CampusLayout,
  type Face,
  type OpeningKind,
  type Rect,
  type RoofItemKind,
} from '../layout'
import { FENCE_HEIGHT_M } from '../layout/fence'
import { PERSON_HEIGHT_M } from '../layout/halls'
import { KERB_M } from '../layout/roads'
import { InstanceBuilder, type InstanceData } from './Instances'
import { CELL, type CellId } from './kitCells'
import { roofPieces } from './sceneData'

/**
 * Instance data for the buildings' and site's detail, from the layout: which box goes where,
 * with which atlas cells. Pure functions of the layout (and of X-ray and the cut-away
 * building), memoised by the components that draw them.
 */

/** How the buildings are shown: roofs on, X-ray (every roof open), or one cut away. */
export interface BuildingMode {
  readonly xray: boolean
  readonly cutaway: number | null
}

/** Hall floor height (halls stand on the upper storey). */
export const HALL_FLOOR_M = STOREY_HEIGHT_M * (STOREYS - 1)
const ROOF_M = 0.6
const WALL_M = 0.6
const PLINTH = { h: 0.6, proud: 0.08 } as const
/** How far a façade feature stands proud of its wall, metres. */
const FEATURE_PROUD_M = 0.04
/** Share of office windows lit at night; of clerestories; of stair windows. */
const OFFICE_LIT = 0.6

type Cells = readonly [number, number, number, number]
const cells = (top: CellId, z: CellId, x: CellId = z, lit = 0): Cells => [
  CELL[top],
  CELL[z],
  CELL[x],
  lit,
]

const ROOF_ITEM_CELLS: Readonly<Record<Exclude<RoofItemKind, 'exhaust-fan'>, Cells>> = {
  'air-handler': [CELL.ahuTop, CELL.ahuSide, CELL.cabinet, 0],
  'stair-core': cells('roof', 'claddingDark', 'claddingDark', 1),
  walkway: cells('grating', 'steel'),
}

const OPENING_CELLS: Readonly<Record<OpeningKind, Cells>> = {
  door: cells('steel', 'door', 'steel'),
  entrance: cells('steel', 'entrance', 'steel', 1),
  'loading-door': cells('steel', 'loadingDoor', 'steel'),
  louvre: cells('steel', 'louvre', 'steel'),
  clerestory: cells('steel', 'window', 'steel', 0.5),
  'stair-window': cells('steel', 'window', 'steel', 1),
}

/** Yaw that turns a quad facing +z to face out of a wall. */
const FACE_YAW: Readonly<Record<Face, number>> = {
  south: 0,
  north: Math.PI,
  east: Math.PI / 2,
  west: -Math.PI / 2,
}
const FACE_NORMAL: Readonly<Record<Face, readonly [number, number]>> = {
  south: [0, 1],
  north: [0, -1],
  east: [1, 0],
  west: [-1, 0],
}

/** Counts of what the exterior shows, for the debug hook. */
export interface ExteriorCounts {
  readonly solidRoofs: number
  readonly roofUnits: number
  readonly walkways: number
  readonly offices: number
}

/**
 * The buildings' volumes as kit boxes: per building the office block, and the main block with
 * its roof on (plinth, parapet, stair cores, air handlers, walkways), its walls and roof minus
 * the hall openings (X-ray), or its lower storey only (the cut-away building).
 */
export function exteriorKit(
  layout: CampusLayout,
  mode: BuildingMode,
): { data: InstanceData; counts: ExteriorCounts } {
  const kit = layout.detail.building
  const out = new InstanceBuilder()
  let solidRoofs = 0
  let roofUnits = 0
  let walkways = 0
  const put = (r: Rect, y0: number, h: number, c: Cells, bx: number, bz: number) =>
    out.box(bx + r.x, y0 + h / 2, bz + r.z, r.w, h, r.d, 0, c)
  for (const b of layout.buildings) {
    const { x: bx, z: bz } = b.rect
    const m = kit.main
    const o = kit.office
    put(o, 0, kit.officeHeightM, cells('roof', 'curtainWall', 'curtainWall', OFFICE_LIT), bx, bz)
    put(
      { ...o, w: o.w + 0.2, d: o.d + 0.2 },
      kit.officeHeightM,
      0.5,
      cells('coping', 'coping'),
      bx,
      bz,
    )
    const cut = b.index === mode.cutaway
    const h = kit.mainHeightM
    if (cut) {
      // The lower storey, its top the hall floor.
      put(m, 0, HALL_FLOOR_M, cells('concrete', 'cladding'), bx, bz)
    } else if (mode.xray) {
      const wall = cells('roof', 'cladding')
      put({ ...m, z: m.z - m.d / 2 + WALL_M / 2, d: WALL_M }, 0, h, wall, bx, bz)
      put({ ...m, z: m.z + m.d / 2 - WALL_M / 2, d: WALL_M }, 0, h, wall, bx, bz)
      const inner = m.d - 2 * WALL_M
      put({ ...m, x: m.x - m.w / 2 + WALL_M / 2, w: WALL_M, d: inner }, 0, h, wall, bx, bz)
      put({ ...m, x: m.x + m.w / 2 - WALL_M / 2, w: WALL_M, d: inner }, 0, h, wall, bx, bz)
      const holes = layout.halls.slice(b.firstHall, b.firstHall + b.hallCount).map((hl) => hl.rect)
      const roof = { ...m, x: bx + m.x, z: bz + m.z }
      for (const piece of roofPieces(roof, holes))
        put(piece, h - ROOF_M, ROOF_M, cells('roof', 'cladding'), 0, 0)
    } else {
      solidRoofs++
      put(m, 0, h, cells('roof', 'cladding'), bx, bz)
      // Plinth round the base, parapet with coping round the roof.
      const p = PLINTH.proud
      const t = kit.parapetThicknessM
      const plinth = cells('concrete', 'concrete')
      put({ ...m, z: m.z - m.d / 2, w: m.w + 2 * p, d: 2 * p }, 0, PLINTH.h, plinth, bx, bz)
      put({ ...m, z: m.z + m.d / 2, w: m.w + 2 * p, d: 2 * p }, 0, PLINTH.h, plinth, bx, bz)
      put({ ...m, x: m.x - m.w / 2, w: 2 * p, d: m.d }, 0, PLINTH.h, plinth, bx, bz)
      put({ ...m, x: m.x + m.w / 2, w: 2 * p, d: m.d }, 0, PLINTH.h, plinth, bx, bz)
      const coping = cells('coping', 'cladding')
      const ph = kit.parapetM
      put({ ...m, z: m.z - m.d / 2 + t / 2, d: t }, h, ph, coping, bx, bz)
      put({ ...m, z: m.z + m.d / 2 - t / 2, d: t }, h, ph, coping, bx, bz)
      put({ ...m, x: m.x - m.w / 2 + t / 2, w: t, d: m.d - 2 * t }, h, ph, coping, bx, bz)
      put({ ...m, x: m.x + m.w / 2 - t / 2, w: t, d: m.d - 2 * t }, h, ph, coping, bx, bz)
      for (const item of kit.roof) {
        if (item.kind === 'exhaust-fan') continue
        put(item.rect, item.y, item.h, ROOF_ITEM_CELLS[item.kind], bx, bz)
        if (item.kind === 'walkway') walkways++
        else roofUnits++
      }
    }
  }
  return {
    data: out.done(),
    counts: { solidRoofs, roofUnits, walkways, offices: layout.buildings.length },
  }
}

/**
 * Façade features as quads standing just proud of their walls: doors, loading doors, louvre
 * banks, windows. The cut-away building keeps those of its lower storey and office.
 */
export function facadeFeatures(layout: CampusLayout, mode: BuildingMode): InstanceData {
  const kit = layout.detail.building
  const out = new InstanceBuilder()
  for (const b of layout.buildings) {
    const cut = b.index === mode.cutaway
    for (const o of kit.openings) {
      const onOffice = o.x > kit.main.x + kit.main.w / 2 - 1e-6
      if (cut && !onOffice && o.y + o.h > HALL_FLOOR_M) continue
      const [nx, nz] = FACE_NORMAL[o.face]
      out.box(
        b.rect.x + o.x + nx * FEATURE_PROUD_M,
        o.y + o.h / 2,
        b.rect.z + o.z + nz * FEATURE_PROUD_M,
        o.w,
        o.h,
        1,
        FACE_YAW[o.face],
        OPENING_CELLS[o.kind],
      )
    }
  }
  return out.done()
}

/** Exhaust fans on the roofs that are on (centre at the fan's base; the model stands on it). */
export function roofFans(layout: CampusLayout, mode: BuildingMode): InstanceData {
  const kit = layout.detail.building
  const out = new InstanceBuilder()
  if (mode.xray) return out.done()
  for (const b of layout.buildings) {
    if (b.index === mode.cutaway) continue
    for (const item of kit.roof)
      if (item.kind === 'exhaust-fan')
        out.box(
          b.rect.x + item.rect.x,
          item.y,
          b.rect.z + item.rect.z,
          item.rect.w,
          item.h,
          item.rect.d,
        )
  }
  return out.done()
}

/** Gate house, barrier arm, gate leaves and posts, the offices and the parking surface. */
export function siteKit(layout: CampusLayout): InstanceData {
  const out = new InstanceBuilder()
  const { gate } = layout.detail.site
  const site = layout.detail.site
  const house = gate.house
  out.box(
    house.x,
    gate.houseHeightM / 2,
    house.z,
    house.w,
    gate.houseHeightM,
    house.d,
    0,
    cells('roof', 'ribbon', 'ribbon', 1),
  )
  // A canopy over the road beside the gate house.
  out.box(
    house.x + house.w / 2 + 2.5,
    gate.houseHeightM + 0.9,
    gate.opening.z - 2,
    5,
    0.3,
    house.d + 6,
    0,
    cells('coping', 'steel'),
  )
  const bar = gate.barrier
  out.box(bar.x, 1, bar.z, bar.w, 0.12, bar.d, 0, cells('barrier', 'barrier'))
  out.box(bar.x, 0.5, bar.z - bar.d / 2 - 0.2, 0.4, 1, 0.4, 0, cells('steel', 'barrier'))
  // Sliding gate leaves parked open along the fence, and the gate posts.
  const o = gate.opening
  const leaf = o.d / 2
  const palisade = cells('steel', 'palisade', 'palisade')
  for (const side of [-1, 1]) {
    out.box(
      o.x + 0.4,
      FENCE_HEIGHT_M / 2,
      o.z + side * (o.d / 2 + leaf / 2),
      0.08,
      FENCE_HEIGHT_M,
      leaf,
      0,
      palisade,
    )
    out.box(
      o.x,
      FENCE_HEIGHT_M / 2 + 0.2,
      o.z + side * (o.d / 2),
      0.25,
      FENCE_HEIGHT_M + 0.4,
      0.25,
      0,
      cells('steel', 'steel'),
    )
  }
  // The offices (glazed, three storeys) with an entrance onto the drive, a coping on top.
  const a = layout.admin
  out.box(
    a.x,
    site.adminHeightM / 2,
    a.z,
    a.w,
    site.adminHeightM,
    a.d,
    0,
    cells('roof', 'curtainWall', 'curtainWall', OFFICE_LIT),
  )
  out.box(
    a.x,
    site.adminHeightM + 0.25,
    a.z,
    a.w + 0.2,
    0.5,
    a.d + 0.2,
    0,
    cells('coping', 'coping'),
  )
  out.box(a.x, 1.35, a.z + a.d / 2 + 0.03, 3, 2.7, 0.06, 0, cells('steel', 'entrance', 'steel', 1))
  out.box(a.x, 3.2, a.z + a.d / 2 + 1.5, 8, 0.25, 3, 0, cells('coping', 'steel'))
  // The lot's marked surface, stall rows from its north-west corner.
  const p = layout.parking
  out.box(p.x, 0.12, p.z, p.w - 3, 0.24, p.d - 3, 0, cells('parking', 'concrete'))
  return out.done()
}

/** Kerbs and fence posts: near the camera only (distances returned with them). */
export function siteNear(layout: CampusLayout): { data: InstanceData; nearM: Float32Array } {
  const out = new InstanceBuilder()
  const near: number[] = []
  const site = layout.detail.site
  for (const k of site.kerbs) {
    out.box(k.x, KERB_M.h / 2, k.z, k.w, KERB_M.h, k.d, 0, cells('concrete', 'concrete'))
    near.push(KERB_NEAR_M)
  }
  const posts = site.posts
  for (let i = 0; i < posts.count; i++) {
    out.box(
      posts.x[i] ?? 0,
      posts.heightM / 2,
      posts.z[i] ?? 0,
      0.08,
      posts.heightM,
      0.08,
      0,
      cells('steel', 'steel'),
    )
    near.push(POST_NEAR_M)
  }
  return { data: out.done(), nearM: Float32Array.from(near) }
}

export const KERB_NEAR_M = 450
export const POST_NEAR_M = 220
export const CAR_NEAR_M = 1100
/** Rooftop fans and trucks: near the camera only, like the cars (a 4.5 GW campus has 640 fans). */
export const FAN_NEAR_M = 1100
export const TRUCK_NEAR_M = 1100

/** Car paint in `CAR_PAINT_SHARES` order (linear RGB): white, black, grey, silver, blue, red, green, beige. */
const PAINT: readonly (readonly [number, number, number])[] = [
  [0.86, 0.87, 0.88],
  [0.02, 0.02, 0.025],
  [0.16, 0.17, 0.18],
  [0.5, 0.52, 0.55],
  [0.04, 0.1, 0.3],
  [0.45, 0.03, 0.03],
  [0.05, 0.16, 0.08],
  [0.5, 0.42, 0.3],
]
/** Trailer liveries: white, pale blue, red, grey. */
const LIVERY: readonly (readonly [number, number, number])[] = [
  [0.85, 0.86, 0.87],
  [0.35, 0.5, 0.7],
  [0.55, 0.08, 0.06],
  [0.4, 0.42, 0.45],
]

/** Parked cars (the model is at true scale: instances only place, turn and paint it). */
export function carData(layout: CampusLayout): InstanceData {
  const out = new InstanceBuilder()
  for (const car of layout.detail.site.cars)
    out.box(car.x, 0, car.z, 1, 1, 1, car.yaw, undefined, PAINT[car.colour] ?? PAINT[0])
  return out.done()
}

/** Trucks at the loading bays. */
export function truckData(layout: CampusLayout): InstanceData {
  const out = new InstanceBuilder()
  for (const t of layout.detail.site.trucks)
    out.box(t.x, 0, t.z, 1, 1, 1, t.yaw, undefined, LIVERY[t.colour % LIVERY.length])
  return out.done()
}

/** Hall fit-out, relative to a hall's centre and floor: kit boxes, pipes and people. */
export interface HallTemplate {
  readonly boxes: InstanceData
  readonly pipes: InstanceData
  readonly people: InstanceData
}

const HALL_ITEM_CELLS: Readonly<Record<string, Cells>> = {
  'containment-roof': cells('containmentRoof', 'steel'),
  'containment-door': cells('steel', 'steel', 'containmentDoor'),
  cdu: cells('cabinet', 'cdu', 'cabinet'),
  crah: cells('cabinet', 'crah', 'cabinet'),
  busway: cells('busway', 'busway'),
  'cable-tray': cells('tray', 'tray'),
  beam: cells('coping', 'coping'),
  light: cells('luminaire', 'luminaire'),
}
const SUPPLY: readonly [number, number, number] = [0.12, 0.32, 0.75]
const RETURN: readonly [number, number, number] = [0.75, 0.16, 0.1]
/** Clothes: hi-vis orange, navy, white shirt, grey, teal. */
const CLOTHES: readonly (readonly [number, number, number])[] = [
  [0.95, 0.35, 0.02],
  [0.05, 0.08, 0.2],
  [0.85, 0.86, 0.88],
  [0.3, 0.32, 0.35],
  [0.02, 0.35, 0.35],
]

export function hallTemplate(layout: CampusLayout): HallTemplate {
  const kit = layout.detail.hall
  const boxes = new InstanceBuilder()
  const pipes = new InstanceBuilder()
  for (const item of kit.items) {
    const r = item.rect
    if (item.kind === 'supply-pipe' || item.kind === 'return-pipe') {
      const alongX = r.w >= r.d
      pipes.box(
        r.x,
        item.y + item.h / 2,
        r.z,
        alongX ? r.w : r.d,
        item.h,
        item.h,
        alongX ? 0 : Math.PI / 2,
        undefined,
        item.kind === 'supply-pipe' ? SUPPLY : RETURN,
      )
      continue
    }
    // CDUs and air handlers face into the hall: their front toward the rack field.
    const facesNorth = (item.kind === 'cdu' || item.kind === 'crah') && r.z > 0
    boxes.box(
      r.x,
      item.y + item.h / 2,
      r.z,
      r.w,
      item.h,
      r.d,
      facesNorth ? Math.PI : 0,
      HALL_ITEM_CELLS[item.kind] ?? cells('steel', 'steel'),
    )
  }
  const people = new InstanceBuilder()
  kit.people.forEach((p, i) => {
    const k = p.heightM / PERSON_HEIGHT_M
    people.box(p.x, 0, p.z, k, k, k, p.yaw, undefined, CLOTHES[i % CLOTHES.length])
  })
  return { boxes: boxes.done(), pipes: pipes.done(), people: people.done() }
}
