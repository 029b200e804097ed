/**
 * GPU buildings: the size of one building from its halls and the model's gross floor, and the
 * halls (with every rack) inside each placed building. Halls stand on the upper of two
 * storeys, in one row or in two rows either side of a spine corridor; the lower storey and the
 * support bands along the long walls hold electrical and mechanical rooms.
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
import type { BuildingLayout, HallLayout, RackPlacements, RackRowLayout } from './types'

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
  const minW = hallCols * hall.w + (hallCols + 1) * HALL_SPACING_M
  const minD = hallRows * hall.d + (hallRows - 1) * SPINE_CORRIDOR_M + 2 * SUPPORT_BAND_M
  const w = Math.max(minW, Math.sqrt(footprintM2 * 1.8))
  const d = Math.max(minD, footprintM2 / w)
  return { hall, halls, hallRows, hallCols, w, d, heightM: STOREYS * STOREY_HEIGHT_M }
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
  const gapX = (plan.w - plan.hallCols * hall.w) / (plan.hallCols + 1)
  let rack = 0
  for (const building of buildings) {
    const { x: bx, z: bz, w: bw } = building.rect
    for (let h = 0; h < plan.halls; h++) {
      const hc = h % plan.hallCols
      const hr = Math.floor(h / plan.hallCols)
      const hx = bx - bw / 2 + gapX * (hc + 1) + hall.w * (hc + 0.5)
      const hz =
        plan.hallRows === 1 ? bz : bz + (hr === 0 ? -1 : 1) * (SPINE_CORRIDOR_M / 2 + hall.d / 2)
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
