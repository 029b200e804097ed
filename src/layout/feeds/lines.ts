/**
 * Transmission lines into the substation, landing 8 m inside its west side: one from the hydro
 * powerhouse (12 m north of the substation's centre) and one from the grid (12 m south of it;
 * drawn also when the scenario has no grid, hydro, wind, solar or gas at all). Towers stand at
 * every corner and at most `TOWER_SPAN_M` apart, never inside the fence.
 */
import type { PowerSupply } from '../../model'
import { TOWER_SPAN_M } from '../dimensions'
import type { Placed } from '../yards'
import type { Point, Rect, TransmissionLine } from '../types'

/** Footprint of a tower's base, metres square. */
export const TOWER_BASE_M = 12

/** Line voltage from the grid connection: 400 kV above 1,500 MVA, 230 kV above 300. */
export function lineKv(mva: number): number {
  return mva > 1500 ? 400 : mva > 300 ? 230 : 132
}

export function layoutLines(
  power: Pick<PowerSupply, 'gridMw' | 'hydroMw' | 'windTurbines' | 'solarMw' | 'gasMw'>,
  substation: Rect,
  powerhouse: Rect | null,
  fence: Rect,
  mva: number,
  placed: Placed,
): TransmissionLine[] {
  const lines: TransmissionLine[] = []
  const sub = substation
  const kv = lineKv(mva)
  const fenceWest = fence.x - fence.w / 2
  if (powerhouse) {
    // West from the powerhouse, south outside the fence, east into the substation.
    const z = sub.z - 12
    const route: Point[] = [
      { x: powerhouse.x - powerhouse.w / 2 - 5, z: powerhouse.z },
      { x: fenceWest - 40, z: powerhouse.z },
      { x: fenceWest - 40, z },
      { x: sub.x - sub.w / 2 + 8, z },
    ]
    lines.push({
      from: 'hydro',
      towers: towersAlong(route, [true, true, false]),
      start: route[0] ?? route[1] ?? { x: 0, z: 0 },
      end: route[3] ?? { x: 0, z: 0 },
      kv,
    })
  }
  const p = power
  const noSupply = p.gridMw + p.hydroMw + p.windTurbines + p.solarMw + p.gasMw === 0
  if (p.gridMw > 0 || noSupply) {
    // From the substation west, out of the fence and 2.4 km on.
    const z = sub.z + 12
    const route: Point[] = [
      { x: sub.x - sub.w / 2 + 8, z },
      { x: fenceWest - 60, z },
      { x: fenceWest - 60 - 2400, z },
    ]
    const towers = towersAlong(route, [false, true])
    towers.push(route[2] ?? { x: 0, z })
    lines.push({
      from: 'grid',
      towers,
      start: route[0] ?? { x: 0, z },
      end: route[2] ?? { x: 0, z },
      kv,
    })
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
