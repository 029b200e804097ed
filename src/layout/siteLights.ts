/**
 * Site and road lights: poles along every road, one side, `POLE_SPACING_M` apart, just off the
 * carriageway with the lamp head on an arm over the road; none inside a footprint or on another
 * road. Pure; the scene draws the poles, lit heads and pools of light at night.
 */
import { terrainHeightM } from './terrain'
import type { CampusLayout, Rect } from './types'

/** Street-lighting practice for 12 m roads: 10 m poles about 4 × the height apart. */
export const POLE_SPACING_M = 40
export const POLE_HEIGHT_M = 10
/** From the road's edge to the pole, and the arm's reach back over the road, metres. */
export const POLE_SETBACK_M = 1.5
export const ARM_M = 2.5
/** At most this many lights (a 4.5 GW campus has about 1,000). */
export const MAX_SITE_LIGHTS = 4096

export interface SiteLightPlacements {
  readonly count: number
  /** Pole foot, metres (y on the ground). */
  readonly x: Float32Array
  readonly y: Float32Array
  readonly z: Float32Array
  /** Unit vector (dx, dz) from the pole toward the road: where the arm and the light point. */
  readonly dx: Float32Array
  readonly dz: Float32Array
}

function inside(r: Rect, x: number, z: number, margin: number): boolean {
  return Math.abs(x - r.x) < r.w / 2 + margin && Math.abs(z - r.z) < r.d / 2 + margin
}

export function placeSiteLights(layout: CampusLayout): SiteLightPlacements {
  const xs: number[] = []
  const zs: number[] = []
  const dxs: number[] = []
  const dzs: number[] = []
  const blocked = layout.footprints.map((f) => f.rect)
  const roads = layout.roads
  roads.forEach((road, index) => {
    const alongX = road.w >= road.d
    const length = alongX ? road.w : road.d
    const width = alongX ? road.d : road.w
    const n = Math.floor(length / POLE_SPACING_M)
    const start = -((n - 1) * POLE_SPACING_M) / 2
    // Poles on the north side of east–west roads and the west side of north–south ones.
    const side = -(width / 2 + POLE_SETBACK_M)
    for (let i = 0; i < n && xs.length < MAX_SITE_LIGHTS; i++) {
      const along = start + i * POLE_SPACING_M
      const x = alongX ? road.x + along : road.x + side
      const z = alongX ? road.z + side : road.z + along
      if (blocked.some((r) => inside(r, x, z, 1))) continue
      if (roads.some((r, j) => j !== index && inside(r, x, z, 1))) continue
      xs.push(x)
      zs.push(z)
      dxs.push(alongX ? 0 : 1)
      dzs.push(alongX ? 1 : 0)
    }
  })
  return {
    count: xs.length,
    x: Float32Array.from(xs),
    y: Float32Array.from(xs.map((x, i) => terrainHeightM(layout.terrain, x, zs[i] ?? 0))),
    z: Float32Array.from(zs),
    dx: Float32Array.from(dxs),
    dz: Float32Array.from(dzs),
  }
}
