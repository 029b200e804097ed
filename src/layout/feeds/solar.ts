/**
 * The solar field: 5 MW blocks in a square east of the fence, level with its centre, each
 * filled with single-axis tracker rows (north–south axes) split by a road across its middle,
 * where the block's inverter station stands.
 */
import type { PowerSupply } from '../../model'
import { UNIT } from '../dimensions'
import { INVERTER_SKID, TRACKER } from '../equipment'
import { unitCentre } from '../geometry'
import { addYard, packRows, type PackedRow, type Placed } from '../yards'
import type { InverterSkid, Rect, SolarTrackers, Yard } from '../types'

/** Gap between the fence and the field, metres. */
const SOLAR_SETBACK_M = 150

/**
 * The trackers of one block: rows as many as carry the block's AC rating times the DC/AC
 * ratio, spread evenly across the block inside its margin; each row a north and a south
 * tracker either side of the middle road.
 */
export function planTrackers(): SolarTrackers {
  const block = UNIT['solar-block']
  const trackerLengthM = (block.d - 2 * TRACKER.marginM - TRACKER.roadM) / 2
  const rowW = 2 * trackerLengthM * TRACKER.panelWidthM * TRACKER.wPerM2
  const rowsPerBlock = Math.ceil((block.ratingMw * 1e6 * TRACKER.dcAcRatio) / rowW)
  return {
    rowsPerBlock,
    rowPitchM: (block.w - 2 * TRACKER.marginM) / rowsPerBlock,
    trackerLengthM,
    trackerOffsetM: TRACKER.roadM / 2 + trackerLengthM / 2,
    panelWidthM: TRACKER.panelWidthM,
    axisHeightM: TRACKER.axisHeightM,
    maxTiltDeg: TRACKER.maxTiltDeg,
    dcMwPerBlock: (rowsPerBlock * rowW) / 1e6,
  }
}

export interface SolarLayout {
  readonly yard: Yard
  readonly trackers: SolarTrackers
  /** One inverter station per block, in the middle of its road. */
  readonly stations: InverterSkid[]
}

/** Places the field `SOLAR_SETBACK_M` east of the fence; null without solar. */
export function layoutSolar(
  power: Pick<PowerSupply, 'solarMw'>,
  fence: Rect,
  placed: Placed,
): SolarLayout | null {
  if (power.solarMw <= 0) return null
  const blocks = Math.ceil(power.solarMw / UNIT['solar-block'].ratingMw)
  const perRow = Math.ceil(Math.sqrt(blocks))
  const rows: PackedRow[] = []
  const d = packRows('solar-block', blocks, perRow, rows)
  const w = Math.min(perRow, blocks) * UNIT['solar-block'].pitchM
  const left = fence.x + fence.w / 2 + SOLAR_SETBACK_M
  const rect: Rect = { x: left + w / 2, z: 0, w, d }
  const yard = addYard(placed, 'solar', null, rect, left, -d / 2, rows, power.solarMw)
  const stations: InverterSkid[] = []
  for (const row of placed.unitRows.slice(yard.firstRow, yard.firstRow + yard.rowCount))
    for (let i = 0; i < row.count; i++)
      stations.push({
        yard: yard.index,
        rect: { ...unitCentre(row, i), w: INVERTER_SKID.w, d: INVERTER_SKID.d },
      })
  return { yard, trackers: planTrackers(), stations }
}
