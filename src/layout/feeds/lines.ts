/**
 * Transmission lines into the substation, landing on the line-entry gantries of its
 * switchyard (west side): one from the hydro powerhouse's gantry (the northern entry) and one
 * from the grid (the southern; drawn also when the scenario gives no supply of its own and the
 * site's grid supplies the campus, the model's `usesSiteGrid`). Towers stand at every corner and at most `TOWER_SPAN_M` apart, never inside the
 * fence; their height follows the line voltage.
 */
import type { PowerSupply } from '../../model'
import { TOWER_SPAN_M } from '../dimensions'
import { towerHeightM } from '../equipment'
import type { Placed } from '../yards'
import type { Gantry, Point, Rect, Switchyard, TransmissionLine } from '../types'

/** Footprint of a tower's base, metres square. */
export const TOWER_BASE_M = 12

/** Line voltage from the grid connection: 400 kV above 1,500 MVA, 230 kV above 300. */
export function lineKv(mva: number): number {
  return mva > 1500 ? 400 : mva > 300 ? 230 : 132
}

/**
 * The lines the substation takes in, north to south: hydro (with a plant), then the grid (a
 * grid connection, or the site's grid when `siteGrid`: the model's `usesSiteGrid(scenario)`).
 */
export function incomingLines(
  power: Pick<PowerSupply, 'gridMw' | 'hydroMw'>,
  siteGrid: boolean,
): ('hydro' | 'grid')[] {
  const lines: ('hydro' | 'grid')[] = []
  if (power.hydroMw > 0) lines.push('hydro')
  if (power.gridMw > 0 || siteGrid) lines.push('grid')
  return lines
}

export function layoutLines(
  switchyard: Switchyard,
  powerhouseGantry: Gantry | null,
  fence: Rect,
  placed: Placed,
): TransmissionLine[] {
  const lines: TransmissionLine[] = []
  const kv = switchyard.kv
  const towerHeight = towerHeightM(kv)
  const fenceWest = fence.x - fence.w / 2
  for (const entry of switchyard.entries) {
    const gantry = switchyard.gantries[entry.gantry]
    if (!gantry) continue
    const landing: Point = { x: gantry.x, z: gantry.z }
    if (entry.from === 'hydro' && powerhouseGantry) {
      // West from the powerhouse, south outside the fence, east onto the entry gantry.
      const start: Point = { x: powerhouseGantry.x, z: powerhouseGantry.z }
      const route: Point[] = [
        start,
        { x: fenceWest - 40, z: start.z },
        { x: fenceWest - 40, z: landing.z },
        landing,
      ]
      lines.push({
        from: 'hydro',
        towers: towersAlong(route, [true, true, false]),
        start,
        end: landing,
        kv,
        towerHeightM: towerHeight,
      })
    } else if (entry.from === 'grid') {
      // From the entry gantry west, out of the fence and 2.4 km on.
      const route: Point[] = [
        landing,
        { x: fenceWest - 60, z: landing.z },
        { x: fenceWest - 60 - 2400, z: landing.z },
      ]
      const towers = towersAlong(route, [false, true])
      const end = route[2] ?? landing
      towers.push(end)
      lines.push({ from: 'grid', towers, start: landing, end, kv, towerHeightM: towerHeight })
    }
  }
  for (const line of lines)
    for (const t of line.towers) placed.footprints.push({ kind: 'tower', rect: towerBase(t) })
  return lines
}

/** The square footprint of a tower (or line end) at `p`. */
export function towerBase(p: Point): Rect {
  return { x: p.x, z: p.z, w: TOWER_BASE_M, d: TOWER_BASE_M }
}

/** Towers along a route: at every corner and evenly between, on segments flagged true. */
export function towersAlong(route: readonly Point[], spanned: readonly boolean[]): Point[] {
  const towers: Point[] = []
  for (let i = 0; i + 1 < route.length; i++) {
    const a = route[i]
    const b = route[i + 1]
    if (!a || !b) continue
    if (i > 0) towers.push(a)
    if (!spanned[i]) continue
    const length = Math.hypot(b.x - a.x, b.z - a.z)
    const spans = Math.max(1, Math.ceil(length / TOWER_SPAN_M))
    for (let k = 1; k < spans; k++)
      towers.push({ x: a.x + ((b.x - a.x) * k) / spans, z: a.z + ((b.z - a.z) * k) / spans })
  }
  return towers
}
