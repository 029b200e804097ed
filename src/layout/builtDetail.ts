/**
 * Built detail of the campus, composed from the parts' own modules: the building kit
 * (façades, office, loading bays, rooftop plant: `buildings.ts`), the hall kit (containment,
 * CDUs, busway, trays, piping, structure, people: `halls.ts`), and the site's gate and fence
 * posts (`fence.ts`), kerbs (`roads.ts`), parking stalls and cars (`utilityColumn.ts`) and the
 * trucks at the loading bays. Every building is alike and so is every hall: their kits are
 * relative to the building's or hall's centre, so the detail costs the same for any campus.
 */
import { COOLING, RACKS, type Scenario } from '../model'
import { planBuildingKit, type BuildingPlan } from './buildings'
import { ROAD_WIDTH_M, STOREYS, STOREY_HEIGHT_M } from './dimensions'
import { fencePosts, placeGate } from './fence'
import { hash01, planHallKit } from './halls'
import { layoutKerbs } from './roads'
import type { BuildingLayout, BuiltDetail, Rect, Vehicle } from './types'
import { ADMIN_STOREYS, ADMIN_STOREY_M, type UtilityColumnLayout } from './utilityColumn'
import type { Placed } from './yards'

/** Roof slab over the halls, metres (the hall's clear height ends under it). */
export const ROOF_SLAB_M = 0.6
/** Share of loading bays with a truck at them. */
const BAYS_IN_USE = 0.5

export function layoutBuiltDetail(
  scenario: Scenario,
  plan: BuildingPlan,
  buildings: readonly BuildingLayout[],
  readouts: { readonly itDesignMw: number; readonly rackCount: number },
  fence: Rect,
  roads: readonly Rect[],
  utility: UtilityColumnLayout,
  placed: Placed,
): BuiltDetail {
  const building = planBuildingKit(plan)
  const liquidShare = COOLING[scenario.cooling].liquid ? RACKS[scenario.rack].liquidShare : 0
  const hall = planHallKit(plan.hall, {
    itMw: (readouts.itDesignMw * plan.hall.racks) / Math.max(1, readouts.rackCount),
    liquidShare,
    ceilingM: plan.heightM - STOREY_HEIGHT_M * (STOREYS - 1) - ROOF_SLAB_M,
  })

  const gate = placeGate(fence, utility.entranceZ, ROAD_WIDTH_M)
  placed.footprints.push({ kind: 'admin', rect: gate.house })
  const trucks: Vehicle[] = []
  for (const b of buildings)
    building.bays.forEach((bay, k) => {
      if (hash01(b.index, k + 101) >= BAYS_IN_USE) return
      // Cab toward the apron, trailer's rear at the door.
      trucks.push({ x: b.rect.x + bay.x, z: b.rect.z + bay.z, yaw: Math.PI / 2, colour: k })
    })
  return {
    building,
    hall,
    site: {
      gate,
      posts: fencePosts(fence, gate.opening),
      stalls: utility.stalls,
      cars: utility.cars,
      trucks,
      kerbs: layoutKerbs(
        roads,
        fence,
        placed.footprints.map((f) => f.rect),
      ),
      adminHeightM: ADMIN_STOREYS * ADMIN_STOREY_M,
      adminStoreys: ADMIN_STOREYS,
    },
  }
}
