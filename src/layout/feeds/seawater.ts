/** The seawater intake for `dlc-seawater`: a pumphouse at the shore, south of the fence. */
import type { CoolingId } from '../../model'
import type { Placed } from '../yards'
import type { Rect, SeawaterIntake } from '../types'

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
): SeawaterIntake | null {
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
