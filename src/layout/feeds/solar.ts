/** The solar field: 5 MW blocks in a square east of the fence, level with its centre. */
import type { PowerSupply } from '../../model'
import { UNIT } from '../dimensions'
import { addYard, packRows, type PackedRow, type Placed } from '../yards'
import type { Rect, Yard } from '../types'

/** Gap between the fence and the field, metres. */
const SOLAR_SETBACK_M = 150

/** Places the field `SOLAR_SETBACK_M` east of the fence; null without solar. */
export function layoutSolar(
  power: Pick<PowerSupply, 'solarMw'>,
  fence: Rect,
  placed: Placed,
): Yard | null {
  if (power.solarMw <= 0) return null
  const blocks = Math.ceil(power.solarMw / UNIT['solar-block'].ratingMw)
  const perRow = Math.ceil(Math.sqrt(blocks))
  const rows: PackedRow[] = []
  const d = packRows('solar-block', blocks, perRow, rows)
  const w = Math.min(perRow, blocks) * UNIT['solar-block'].pitchM
  const left = fence.x + fence.w / 2 + SOLAR_SETBACK_M
  const rect: Rect = { x: left + w / 2, z: 0, w, d }
  return addYard(placed, 'solar', null, rect, left, -d / 2, rows, power.solarMw)
}
