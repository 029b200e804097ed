import { terrainHeightM, type CampusLayout } from '../layout'
import { CAMERA_CLEARANCE_M, type CameraPose, type Vec3 } from './views'

/**
 * Zoom toward the cursor, pure: the point under the cursor (the ground, or a building's roof)
 * stays where it is on the image while camera and orbit target move toward it (a scaling of
 * the pose about that point), within limits: never closer than `MIN_ZOOM_M` to it, never
 * farther from the target than `maxDistanceM`, never below the ground.
 */

/** Closest the camera comes to the point it zooms toward, metres (a roof, a rack row). */
export const MIN_ZOOM_M = 12

export interface Ray {
  readonly origin: Vec3
  /** Unit direction. */
  readonly dir: Vec3
}

/** The ray through a point of the image (normalised device coordinates, y up). */
export function rayThrough(
  pose: CameraPose,
  ndcX: number,
  ndcY: number,
  fovDeg: number,
  aspect: number,
): Ray {
  const f = unit([
    pose.target[0] - pose.position[0],
    pose.target[1] - pose.position[1],
    pose.target[2] - pose.position[2],
  ])
  const r = unit([-f[2], 0, f[0]])
  const u: Vec3 = [r[1] * f[2] - r[2] * f[1], r[2] * f[0] - r[0] * f[2], r[0] * f[1] - r[1] * f[0]]
  const tv = Math.tan((fovDeg * Math.PI) / 360)
  const sx = ndcX * tv * aspect
  const sy = ndcY * tv
  return {
    origin: pose.position,
    dir: unit([
      f[0] + r[0] * sx + u[0] * sy,
      f[1] + r[1] * sx + u[1] * sy,
      f[2] + r[2] * sx + u[2] * sy,
    ]),
  }
}

function unit(v: Vec3): Vec3 {
  const l = Math.hypot(v[0], v[1], v[2]) || 1
  return [v[0] / l, v[1] / l, v[2] / l]
}

function at(ray: Ray, t: number): Vec3 {
  return [
    ray.origin[0] + ray.dir[0] * t,
    ray.origin[1] + ray.dir[1] * t,
    ray.origin[2] + ray.dir[2] * t,
  ]
}

/** Distance along the ray to an axis-aligned box, or null when it misses. */
function hitBox(ray: Ray, min: Vec3, max: Vec3): number | null {
  let t0 = 0
  let t1 = Infinity
  for (let k = 0; k < 3; k++) {
    const o = ray.origin[k] ?? 0
    const d = ray.dir[k] ?? 0
    const lo = min[k] ?? 0
    const hi = max[k] ?? 0
    if (Math.abs(d) < 1e-12) {
      if (o < lo || o > hi) return null
      continue
    }
    let a = (lo - o) / d
    let b = (hi - o) / d
    if (a > b) [a, b] = [b, a]
    t0 = Math.max(t0, a)
    t1 = Math.min(t1, b)
    if (t0 > t1) return null
  }
  return t0
}

/** Distance along the ray to the ground (marching, then halving the last step), or null. */
function hitGround(layout: CampusLayout, ray: Ray, maxT: number): number | null {
  const above = (t: number): boolean => {
    const p = at(ray, t)
    return p[1] > terrainHeightM(layout.terrain, p[0], p[2])
  }
  if (!above(0)) return 0
  let prev = 0
  // Steps grow with distance: fine near the camera, coarse far away.
  for (let t = 2; prev < maxT; t = Math.min(maxT, t * 1.08 + 2)) {
    if (!above(t)) {
      let lo = prev
      let hi = t
      for (let i = 0; i < 14; i++) {
        const mid = (lo + hi) / 2
        if (above(mid)) lo = mid
        else hi = mid
      }
      return hi
    }
    prev = t
    if (t >= maxT) break
  }
  return null
}

/**
 * Where the ray first meets the campus: a building (the cut-away one's hall floors instead of
 * its roof) or the ground; when it meets neither (the sky), the point as far along as the
 * orbit target.
 */
export function pickPoint(
  layout: CampusLayout,
  ray: Ray,
  fallbackT: number,
  cutawayBuilding: number | null = null,
): Vec3 {
  const maxT = Math.max(fallbackT * 4, layout.terrain.extentM * 3)
  let best = hitGround(layout, ray, maxT) ?? Infinity
  for (const b of layout.buildings) {
    const r = b.rect
    const cut = b.index === cutawayBuilding
    const floor = cut ? (layout.halls[b.firstHall]?.floorYM ?? 0) : b.heightM
    const t = hitBox(ray, [r.x - r.w / 2, 0, r.z - r.d / 2], [r.x + r.w / 2, floor, r.z + r.d / 2])
    if (t !== null && t < best) best = t
  }
  return at(ray, Number.isFinite(best) ? best : fallbackT)
}

export interface ZoomLimits {
  readonly maxDistanceM: number
  readonly minZoomM?: number
}

/**
 * The pose scaled about `point` by `scale` (below 1 zooms in): `point` keeps its place on the
 * image and the view's direction is unchanged. The scale is limited so the camera stays at
 * least `minZoomM` from the point, within `maxDistanceM` of its target and above the ground;
 * null when no zoom is possible that way.
 */
export function zoomToward(
  layout: CampusLayout,
  pose: CameraPose,
  point: Vec3,
  scale: number,
  limits: ZoomLimits,
): CameraPose | null {
  const minZoom = limits.minZoomM ?? MIN_ZOOM_M
  const toPoint = Math.hypot(
    pose.position[0] - point[0],
    pose.position[1] - point[1],
    pose.position[2] - point[2],
  )
  const toTarget = Math.hypot(
    pose.position[0] - pose.target[0],
    pose.position[1] - pose.target[1],
    pose.position[2] - pose.target[2],
  )
  let s = scale
  if (s < 1) s = Math.max(s, Math.min(1, minZoom / Math.max(toPoint, 1e-6)))
  if (s > 1) s = Math.min(s, Math.max(1, limits.maxDistanceM / Math.max(toTarget, 1e-6)))
  if (Math.abs(s - 1) < 1e-4) return null
  const scaleAbout = (p: Vec3): Vec3 => [
    point[0] + (p[0] - point[0]) * s,
    point[1] + (p[1] - point[1]) * s,
    point[2] + (p[2] - point[2]) * s,
  ]
  const position = scaleAbout(pose.position)
  const ground = terrainHeightM(layout.terrain, position[0], position[2]) + CAMERA_CLEARANCE_M
  if (position[1] < ground) return null
  return { position, target: scaleAbout(pose.target) }
}
