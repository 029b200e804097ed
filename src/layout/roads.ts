/**
 * Roads, all `ROAD_WIDTH_M` wide: a ring just inside the fence, a spine road between the
 * utility column and the plots, streets between the plots and a ring round them, streets
 * between the column's blocks, and the access road arriving from the west through the gate,
 * running on past the offices and parking to the spine road. Kerbs line them inside the fence.
 */
import { ROAD_WIDTH_M, STREET_M } from './dimensions'
import type { CampusFrame } from './fence'
import type { PlotGrid } from './plots'
import { rectsOverlap } from './geometry'
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
  // The access road: from outside the fence, through the gate, along the entrance block to
  // the spine road.
  const accessWest = westRoadX - ACCESS_LENGTH_M
  roads.push({
    x: (accessWest + spineX) / 2,
    z: entranceZ,
    w: spineX - accessWest,
    d: ROAD_WIDTH_M,
  })
  return roads
}

/** Kerb: width and height, metres. */
export const KERB_M = { w: 0.3, h: 0.15 } as const

/**
 * Kerbs along both edges of every road, just outside its surface, inside the fence: each edge
 * broken where another road crosses or meets it, and kept off `footprints`.
 */
export function layoutKerbs(
  roads: readonly Rect[],
  fence: Rect,
  footprints: readonly Rect[],
): Rect[] {
  const kerbs: Rect[] = []
  const inside = (r: Rect) => ({
    lo: r.x - r.w / 2,
    hi: r.x + r.w / 2,
    zlo: r.z - r.d / 2,
    zhi: r.z + r.d / 2,
  })
  const f = inside(fence)
  roads.forEach((road, i) => {
    const alongX = road.w >= road.d
    for (const side of [-1, 1]) {
      // The kerb band along this edge, as a rectangle; then the parts no road or footprint covers.
      const band: Rect = alongX
        ? { x: road.x, z: road.z + side * (road.d / 2 + KERB_M.w / 2), w: road.w, d: KERB_M.w }
        : { x: road.x + side * (road.w / 2 + KERB_M.w / 2), z: road.z, w: KERB_M.w, d: road.d }
      const b = inside(band)
      let lo = alongX ? Math.max(b.lo, f.lo) : Math.max(b.zlo, f.zlo)
      const hi = alongX ? Math.min(b.hi, f.hi) : Math.min(b.zhi, f.zhi)
      if (alongX ? b.zlo < f.zlo || b.zhi > f.zhi : b.lo < f.lo || b.hi > f.hi) continue
      const cuts: [number, number][] = []
      const cover = (r: Rect) => {
        if (!rectsOverlap(band, r)) return
        const c = inside(r)
        cuts.push(alongX ? [c.lo, c.hi] : [c.zlo, c.zhi])
      }
      roads.forEach((other, j) => {
        if (j !== i) cover(other)
      })
      footprints.forEach(cover)
      cuts.sort((p, q) => p[0] - q[0])
      for (const [a, c] of cuts) {
        if (a > lo) pushKerb(kerbs, band, alongX, lo, Math.min(a, hi))
        lo = Math.max(lo, c)
      }
      if (hi > lo) pushKerb(kerbs, band, alongX, lo, hi)
    }
  })
  return kerbs
}

function pushKerb(kerbs: Rect[], band: Rect, alongX: boolean, lo: number, hi: number): void {
  if (hi - lo < 0.5) return
  kerbs.push(
    alongX
      ? { x: (lo + hi) / 2, z: band.z, w: hi - lo, d: band.d }
      : { x: band.x, z: (lo + hi) / 2, w: band.w, d: hi - lo },
  )
}
