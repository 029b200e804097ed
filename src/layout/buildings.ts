/**
 * GPU buildings: the size of one building from its halls and the model's gross floor, and the
 * halls (with every rack) inside each placed building. Halls stand on the upper of two
 * storeys, in one row or in two rows either side of a spine corridor; the lower storey and the
 * support bands along the long walls hold electrical and mechanical rooms. A band at the east
 * end holds the building's glazed office block and its loading apron (`planBuildingKit`).
 */
import { RACKS, rackCountOf, type Scenario } from '../model'
import {
  HALL_SPACING_M,
  SPINE_CORRIDOR_M,
  STOREYS,
  STOREY_HEIGHT_M,
  SUPPORT_BAND_M,
} from './dimensions'
import { placeHallRacks, type HallPlan } from './halls'
import type {
  BuildingKit,
  BuildingLayout,
  Face,
  HallLayout,
  Opening,
  OpeningKind,
  RackPlacements,
  RackRowLayout,
  Rect,
  RoofItem,
} from './types'

/** Width of the band at each building's east end: office block and loading apron, metres. */
export const ANNEX_W_M = 24

/** One building's size and how its halls are arranged in it. */
export interface BuildingPlan {
  readonly hall: HallPlan
  readonly halls: number
  /** Rows of halls (1 or 2) and halls per row. */
  readonly hallRows: number
  readonly hallCols: number
  readonly w: number
  readonly d: number
  readonly heightM: number
  /** Width of the main block (halls, electrical rooms): `w` less the east annex. */
  readonly mainW: number
}

/**
 * Sizes every building alike: the footprint is the model's gross floor per building over
 * the storeys, about 1.8 times as wide as deep, never smaller than its halls need.
 */
export function planBuilding(
  halls: number,
  hall: HallPlan,
  buildingFloorM2: number,
  buildings: number,
): BuildingPlan {
  const hallRows = halls >= 2 ? 2 : 1
  const hallCols = Math.ceil(halls / hallRows)
  const footprintM2 = buildingFloorM2 / buildings / STOREYS
  const minW = hallCols * hall.w + (hallCols + 1) * HALL_SPACING_M + ANNEX_W_M
  const minD = hallRows * hall.d + (hallRows - 1) * SPINE_CORRIDOR_M + 2 * SUPPORT_BAND_M
  const w = Math.max(minW, Math.sqrt(footprintM2 * 1.8))
  const d = Math.max(minD, footprintM2 / w)
  const heightM = STOREYS * STOREY_HEIGHT_M
  return { hall, halls, hallRows, hallCols, w, d, heightM, mainW: w - ANNEX_W_M }
}

/**
 * Centres of a building's halls relative to the building's centre: evenly spaced along x in
 * the main block (west of the annex), one row on the centre line or two either side of the
 * spine corridor.
 */
export function hallOffsets(plan: BuildingPlan): { x: number; z: number }[] {
  const hall = plan.hall
  const gapX = (plan.mainW - plan.hallCols * hall.w) / (plan.hallCols + 1)
  const west = -plan.w / 2
  const out: { x: number; z: number }[] = []
  for (let h = 0; h < plan.halls; h++) {
    const hc = h % plan.hallCols
    const hr = Math.floor(h / plan.hallCols)
    out.push({
      x: west + gapX * (hc + 1) + hall.w * (hc + 0.5),
      z: plan.hallRows === 1 ? 0 : (hr === 0 ? -1 : 1) * (SPINE_CORRIDOR_M / 2 + hall.d / 2),
    })
  }
  return out
}

/** The halls of placed buildings, with every rack. */
export interface HallsLayout {
  readonly halls: HallLayout[]
  readonly rackRows: RackRowLayout[]
  readonly racks: RackPlacements
}

/**
 * Places the halls in every building, evenly spaced along x, and their racks. The hall's IT
 * power is its share of the model's IT design power.
 */
export function layoutHalls(
  scenario: Scenario,
  buildings: readonly BuildingLayout[],
  plan: BuildingPlan,
  readouts: { readonly itDesignMw: number; readonly rackCount: number },
): HallsLayout {
  const hall = plan.hall
  const rackCount = rackCountOf(scenario)
  const racks = {
    count: rackCount,
    x: new Float32Array(rackCount),
    z: new Float32Array(rackCount),
    facing: new Int8Array(rackCount),
    hall: new Uint16Array(rackCount),
  }
  const halls: HallLayout[] = []
  const rackRows: RackRowLayout[] = []
  const itMw = (readouts.itDesignMw * hall.racks) / Math.max(1, readouts.rackCount)
  const gpuCount = hall.racks * RACKS[scenario.rack].gpusPerRack
  const floorYM = STOREY_HEIGHT_M * (STOREYS - 1)
  const offsets = hallOffsets(plan)
  let rack = 0
  for (const building of buildings) {
    const { x: bx, z: bz } = building.rect
    for (const offset of offsets) {
      const hx = bx + offset.x
      const hz = bz + offset.z
      const index = halls.length
      const firstRack = rack
      const firstRow = rackRows.length
      rack = placeHallRacks(hall, index, hx, hz, racks, rack, rackRows)
      halls.push({
        index,
        building: building.index,
        rect: { x: hx, z: hz, w: hall.w, d: hall.d },
        rackField: { x: hx, z: hz, w: hall.fieldW, d: hall.fieldD },
        floorYM,
        rows: hall.rows,
        racksPerRow: hall.racksPerRow,
        rackCount: hall.racks,
        gpuCount,
        itMw,
        firstRack,
        firstRow,
      })
    }
  }
  return { halls, rackRows, racks }
}

/** True-scale sizes of a building's façade openings, metres (w along the wall, h tall, sill y). */
export const OPENING: Readonly<Record<OpeningKind, { w: number; h: number; y: number }>> = {
  /** Double steel personnel door (fire exit). */
  door: { w: 1.8, h: 2.4, y: 0 },
  /** Glazed double entrance door of the office block. */
  entrance: { w: 3, h: 2.7, y: 0 },
  /** Sectional overhead door of a loading bay (dock door for a 2.55 m wide trailer). */
  'loading-door': { w: 4, h: 4.5, y: 0 },
  /** Louvre bank of the electrical and mechanical rooms on the lower storey. */
  louvre: { w: 4.8, h: 3, y: 2.4 },
  /** High window in the upper storey's support band. */
  clerestory: { w: 3.6, h: 1.2, y: STOREY_HEIGHT_M + 4.5 },
  /** Tall window of a stair core. */
  'stair-window': { w: 1.2, h: 2 * STOREY_HEIGHT_M - 3, y: 1.5 },
}

/** Office block: storeys and storey height, metres; its depth is a share of the building's. */
export const OFFICE_STOREYS = 3
export const OFFICE_STOREY_M = 4
/** Parapet round the main roof: height and thickness, metres. */
export const PARAPET_M = 1.1
export const PARAPET_THICKNESS_M = 0.3
/** An articulated truck at a loading bay: tractor and 13.6 m trailer, metres. */
export const TRUCK_LENGTH_M = 16.5
export const TRUCK_WIDTH_M = 2.55
/** Loading bay door spacing along the wall, metres. */
const BAY_PITCH_M = 6
/** One loading bay per this much gross floor, m² (at least two where the apron has room). */
const FLOOR_M2_PER_BAY = 10_000
/** Rooftop air handlers (make-up air, electrical rooms): one per this much floor, m². */
const FLOOR_M2_PER_AIR_HANDLER = 2_500
/** Rooftop air handler (w along x, d, h), its spacing; exhaust fan diameter, height, spacing. */
export const ROOF_AHU = { w: 10, d: 3, h: 2.6, pitchM: 13 } as const
export const ROOF_FAN = { diameterM: 1.6, h: 1.3, pitchM: 5 } as const
/** Stair-core penthouse on the roof (roof access); walkway width and height. */
export const STAIR_CORE = { w: 6, d: 4, h: 3.2 } as const
export const WALKWAY = { w: 1.2, h: 0.15 } as const
/** Façade bay along the long walls, metres: one door or louvre bank per bay. */
const FACADE_BAY_M = 12

/**
 * The built detail every building shares, relative to its centre, from its plan and its
 * gross floor: the main block, the office block (three storeys, glazed) in the south of the
 * east band with the loading apron north of it, loading bays on the main block's east wall
 * (one per 10,000 m² of floor, at least two where they fit, a truck stand each), personnel
 * doors and lower-storey louvre banks in 12 m bays along the long walls, a few clerestory and
 * stair-core windows; on the roof a parapet, two stair-core penthouses, air handlers in the
 * support bands (one per 2,500 m² of the main block's floor), exhaust fans over every hall
 * and walkways along the bands and the spine.
 */
export function planBuildingKit(plan: BuildingPlan): BuildingKit {
  const { w, d, heightM, hall } = plan
  const west = -w / 2
  const east = west + plan.mainW
  const north = -d / 2
  const south = d / 2
  const main: Rect = { x: (west + east) / 2, z: 0, w: plan.mainW, d }
  const officeD = Math.min(Math.max(d * 0.4, 12), 36, d - 8)
  const office: Rect = { x: (east + w / 2) / 2, z: south - officeD / 2, w: ANNEX_W_M, d: officeD }
  const apronD = d - officeD
  const apron: Rect = { x: office.x, z: north + apronD / 2, w: ANNEX_W_M, d: apronD }

  const openings: Opening[] = []
  const walls = { west, east, north, south, w, office }
  /**
   * Adds an opening unless it would run past its wall's ends or come within 0.5 m of one
   * already on that face.
   */
  const add = (kind: OpeningKind, face: Face, u: number): boolean => {
    const o = OPENING[kind]
    const wall = wallAt(face, u, walls)
    if (u - o.w / 2 < wall.lo + 0.5 || u + o.w / 2 > wall.hi - 0.5) return false
    const horizontal = face === 'north' || face === 'south'
    const overlaps = openings.some((p) => {
      if (p.face !== face) return false
      const pu = horizontal ? p.x : p.z
      return Math.abs(pu - u) * 2 < p.w + o.w + 1 && p.y < o.y + o.h + 0.5 && o.y < p.y + p.h + 0.5
    })
    if (overlaps) return false
    const x = horizontal ? u : wall.plane
    const z = horizontal ? wall.plane : u
    openings.push({ kind, face, x, z, y: o.y, w: o.w, h: o.h })
    return true
  }

  // Stair cores: north-west and south-east corners of the main block, windows on the west and
  // south walls; a door beside each.
  const offsets = hallOffsets(plan)
  const hallTop = Math.min(...offsets.map((o) => o.z - hall.d / 2))
  const hallBottom = Math.max(...offsets.map((o) => o.z + hall.d / 2))
  const northBandZ = (north + hallTop) / 2
  const southBandZ = (hallBottom + south) / 2
  const coreWest = west + 1 + STAIR_CORE.w / 2
  const coreEast = east - 1 - STAIR_CORE.w / 2
  add('stair-window', 'west', northBandZ)
  add('door', 'west', northBandZ + 2.5)
  add('stair-window', 'south', coreEast)
  add('door', 'south', coreEast - 2.5)

  // Loading bays on the main block's east wall, along the apron from its north end.
  const fit = apronD >= 10 ? Math.floor((apronD - 10) / BAY_PITCH_M) + 1 : 0
  const wanted = Math.max(2, Math.round((w * d * 2) / FLOOR_M2_PER_BAY))
  const bays: Rect[] = []
  for (let k = 0; k < Math.min(fit, wanted); k++) {
    const z = north + 5 + k * BAY_PITCH_M
    if (add('loading-door', 'east', z))
      bays.push({ x: east + 0.3 + TRUCK_LENGTH_M / 2, z, w: TRUCK_LENGTH_M, d: TRUCK_WIDTH_M })
  }
  add('door', 'east', north + 5 + bays.length * BAY_PITCH_M - 1)

  // Office block: entrance on its east face, a door onto the apron.
  add('entrance', 'east', office.z)
  add('door', 'north', w / 2 - 3)

  // Long walls: a door in every fourth bay, louvres in the others; a clerestory window over
  // every third. The west wall: louvres in its bays.
  const bayCount = Math.floor((plan.mainW - 4) / FACADE_BAY_M)
  for (const face of ['north', 'south'] as const)
    for (let k = 0; k < bayCount; k++) {
      const u = west + 2 + FACADE_BAY_M * (k + 0.5)
      add(k % 4 === 1 ? 'door' : 'louvre', face, u)
      if (k % 3 === 1) add('clerestory', face, u)
    }
  for (let k = 0; k < Math.floor((d - 4) / FACADE_BAY_M); k++)
    add('louvre', 'west', north + 2 + FACADE_BAY_M * (k + 0.5))

  // The roof: stair cores, air handlers in the support bands, fans over the halls, walkways.
  const roofY = heightM
  const roof: RoofItem[] = []
  const item = (kind: RoofItem['kind'], rect: Rect, h: number) =>
    roof.push({ kind, rect, y: roofY, h })
  item('stair-core', { x: coreWest, z: northBandZ, w: STAIR_CORE.w, d: STAIR_CORE.d }, STAIR_CORE.h)
  item('stair-core', { x: coreEast, z: southBandZ, w: STAIR_CORE.w, d: STAIR_CORE.d }, STAIR_CORE.h)
  const ahuWest = west + 10
  const ahuEast = east - 10
  const perBand =
    ahuEast - ahuWest >= ROOF_AHU.w
      ? Math.floor((ahuEast - ahuWest - ROOF_AHU.w) / ROOF_AHU.pitchM) + 1
      : 0
  const ahus = Math.ceil((plan.mainW * d * STOREYS) / FLOOR_M2_PER_AIR_HANDLER)
  const bandAhus = [Math.min(perBand, Math.ceil(ahus / 2)), Math.min(perBand, Math.floor(ahus / 2))]
  ;[northBandZ, southBandZ].forEach((z, band) => {
    const n = bandAhus[band] ?? 0
    const span = (n - 1) * ROOF_AHU.pitchM
    for (let i = 0; i < n; i++)
      item(
        'air-handler',
        { x: main.x - span / 2 + i * ROOF_AHU.pitchM, z, w: ROOF_AHU.w, d: ROOF_AHU.d },
        ROOF_AHU.h,
      )
  })
  for (const o of offsets) {
    const n = Math.max(1, Math.floor((hall.w - 4) / ROOF_FAN.pitchM) + 1)
    const span = (n - 1) * ROOF_FAN.pitchM
    const size = ROOF_FAN.diameterM
    for (let i = 0; i < n; i++)
      item(
        'exhaust-fan',
        { x: o.x - span / 2 + i * ROOF_FAN.pitchM, z: o.z, w: size, d: size },
        ROOF_FAN.h,
      )
  }
  // Walkways on the halls' side of each band, from the stair core's door to the far end; one
  // along the spine corridor between two rows of halls.
  const walk = (x0: number, x1: number, z: number) =>
    item('walkway', { x: (x0 + x1) / 2, z, w: x1 - x0, d: WALKWAY.w }, WALKWAY.h)
  walk(coreWest + STAIR_CORE.w / 2 + 0.5, east - 1.5, hallTop - 1.6)
  walk(west + 1.5, coreEast - STAIR_CORE.w / 2 - 0.5, hallBottom + 1.6)
  if (plan.hallRows === 2) walk(west + 1.5, east - 1.5, 0)

  return {
    main,
    mainHeightM: heightM,
    parapetM: PARAPET_M,
    parapetThicknessM: PARAPET_THICKNESS_M,
    office,
    officeStoreys: OFFICE_STOREYS,
    officeHeightM: OFFICE_STOREYS * OFFICE_STOREY_M,
    apron,
    openings,
    roof,
    bays,
  }
}

/**
 * The wall a point `u` along a face lies on: its plane (x for east and west faces, z for north
 * and south) and its extent along the face, relative to the building. North and east faces
 * are the main block's or, past the annex line, the office block's.
 */
function wallAt(
  face: Face,
  u: number,
  b: {
    readonly west: number
    readonly east: number
    readonly north: number
    readonly south: number
    readonly w: number
    readonly office: Rect
  },
): { plane: number; lo: number; hi: number } {
  const officeNorth = b.office.z - b.office.d / 2
  switch (face) {
    case 'north':
      return u <= b.east
        ? { plane: b.north, lo: b.west, hi: b.east }
        : { plane: officeNorth, lo: b.east, hi: b.w / 2 }
    case 'south':
      return u <= b.east
        ? { plane: b.south, lo: b.west, hi: b.east }
        : { plane: b.south, lo: b.east, hi: b.w / 2 }
    case 'west':
      return { plane: b.west, lo: b.north, hi: b.south }
    case 'east':
      return u <= officeNorth
        ? { plane: b.east, lo: b.north, hi: officeNorth }
        : { plane: b.w / 2, lo: officeNorth, hi: b.south }
  }
}
