/**
 * The seawater works for `dlc-seawater`: a pumphouse just south of the fence with its pipe to
 * the plots, an intake head offshore piped to the pumphouse, and an outfall headwall at the
 * shore east of it with the return pipe from the plots.
 */
import type { CoolingId } from '../../model'
import type { Placed } from '../yards'
import type { Point, Rect, SeawaterIntake } from '../types'

/** How far offshore the intake head lies, and the outfall's distance east of the intake, metres. */
const INTAKE_OFFSHORE_M = 250
const OUTFALL_EAST_M = 80
const OUTFALL_W_M = 16
const OUTFALL_D_M = 8

export type SeawaterPumphouse = Pick<SeawaterIntake, 'pumphouse' | 'pipe'>

/**
 * Places the pumphouse just south of the fence (the shore lies further south) below the
 * middle of the plots, and a pipe from it north to the plots' south edge, crossing the
 * perimeter road. Null for other cooling.
 */
export function layoutSeawaterIntake(
  cooling: CoolingId,
  fence: Rect,
  plotsMidX: number,
  plotsSouthZ: number,
  perimeterInsetM: number,
  placed: Placed,
): SeawaterPumphouse | null {
  if (cooling !== 'dlc-seawater') return null
  const fenceSouth = fence.z + fence.d / 2
  const pumphouse: Rect = { x: plotsMidX, z: fenceSouth + 30 + 8, w: 24, d: 16 }
  placed.footprints.push({ kind: 'intake', rect: pumphouse })
  return {
    pumphouse,
    pipe: [
      { x: plotsMidX, z: pumphouse.z - 8 },
      { x: plotsMidX, z: fenceSouth - perimeterInsetM },
      { x: plotsMidX, z: plotsSouthZ },
    ],
  }
}

/**
 * Once the shore is known (`shoreZ`, or 100 m south of the pumphouse inland): the intake head
 * `INTAKE_OFFSHORE_M` beyond the shore on the pumphouse's axis, and the outfall headwall on the
 * shore `OUTFALL_EAST_M` east of it, piped from the plots' south edge.
 */
export function layoutSeawaterWorks(
  base: SeawaterPumphouse,
  shoreZ: number | null,
  plotsSouthZ: number,
  placed: Placed,
): SeawaterIntake {
  const p = base.pumphouse
  const shore = shoreZ ?? p.z + p.d / 2 + 100
  const intakeHead: Point = { x: p.x, z: shore + INTAKE_OFFSHORE_M }
  const outfall: Rect = { x: p.x + OUTFALL_EAST_M, z: shore, w: OUTFALL_W_M, d: OUTFALL_D_M }
  placed.footprints.push({ kind: 'intake', rect: outfall })
  return {
    ...base,
    intakeHead,
    intakePipe: [{ x: p.x, z: p.z + p.d / 2 }, intakeHead],
    outfall,
    outfallPipe: [
      { x: outfall.x, z: plotsSouthZ },
      { x: outfall.x, z: outfall.z - OUTFALL_D_M / 2 },
    ],
  }
}
