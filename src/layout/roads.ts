/**
 * Roads, all `ROAD_WIDTH_M` wide: a ring just inside the fence, a spine road between the
 * utility column and the plots, streets between the plots and a ring round them, streets
 * between the column's blocks, and the access road arriving from the west at the entrance.
 */
import { ROAD_WIDTH_M, STREET_M } from './dimensions'
import type { CampusFrame } from './fence'
import type { PlotGrid } from './plots'
import type { Rect } from './types'

/** How far inside the fence the perimeter road's centre line runs, metres. */
export const PERIMETER_INSET_M = 15
/** Length of the access road drawn outside the fence, metres. */
const ACCESS_LENGTH_M = 1500

export function layoutRoads(
  frame: CampusFrame,
  grid: PlotGrid,
  columnStreetsZ: readonly number[],
  entranceZ: number,
): Rect[] {
  const { fence, ox, oz } = frame
  const fw = fence.w
  const fd = fence.d
  const inset = PERIMETER_INSET_M
  const roads: Rect[] = [
    { x: 0, z: -fd / 2 + inset, w: fw - 2 * inset + ROAD_WIDTH_M, d: ROAD_WIDTH_M },
    { x: 0, z: fd / 2 - inset, w: fw - 2 * inset + ROAD_WIDTH_M, d: ROAD_WIDTH_M },
    { x: -fw / 2 + inset, z: 0, w: ROAD_WIDTH_M, d: fd - 2 * inset },
    { x: fw / 2 - inset, z: 0, w: ROAD_WIDTH_M, d: fd - 2 * inset },
  ]
  // The spine road, north to south perimeter, in the street between column and plots.
  const spineX = ox - STREET_M / 2
  roads.push({ x: spineX, z: 0, w: ROAD_WIDTH_M, d: fd - 2 * inset })
  // Streets between the plots' columns and rows, and round them (the spine closes the west).
  const plotsTop = oz - STREET_M / 2
  const plotsBottom = oz + grid.d + STREET_M / 2
  const plotsRight = ox + grid.w + STREET_M / 2
  const plotsMidZ = (plotsTop + plotsBottom) / 2
  for (let c = 1; c <= grid.cols; c++) {
    const x = c === grid.cols ? plotsRight : ox + c * (grid.plotW + STREET_M) - STREET_M / 2
    roads.push({ x, z: plotsMidZ, w: ROAD_WIDTH_M, d: plotsBottom - plotsTop + ROAD_WIDTH_M })
  }
  for (let r = 0; r <= grid.rows; r++) {
    const z = r === grid.rows ? plotsBottom : oz + r * (grid.plotD + STREET_M) - STREET_M / 2
    roads.push({ x: (spineX + plotsRight) / 2, z, w: plotsRight - spineX, d: ROAD_WIDTH_M })
  }
  // Streets between the column's blocks, from the west perimeter road to the spine.
  const westRoadX = -fw / 2 + inset
  for (const z of columnStreetsZ)
    roads.push({ x: (westRoadX + spineX) / 2, z, w: spineX - westRoadX, d: ROAD_WIDTH_M })
  roads.push({
    x: westRoadX - ACCESS_LENGTH_M / 2,
    z: entranceZ,
    w: ACCESS_LENGTH_M,
    d: ROAD_WIDTH_M,
  })
  return roads
}
