import { phasesOf, type Scenario } from '../../model'
import type { CameraPoseSpec, CameraViewId } from '../../state'
import type { VideoKind } from '../../state/videoBridge'

/**
 * Camera paths of the video export, pure and deterministic: a clip is a function of its frame
 * index only, so the same scenario and options give the same frames.
 *
 * - Turntable: one orbit around the overview's target, at the overview's height and distance,
 *   starting and ending on the overview (the loop closes: frame N would be frame 0).
 * - Fly-through: along the named views (FLY_THROUGH_VIEWS), one leg per pair, each leg eased in
 *   and out, so the camera comes to rest on every view. Between two views the target moves in a
 *   straight line and the camera swings around it (distance, heading and pitch interpolated),
 *   so it never cuts through the campus.
 * - Time-lapse: the campus grows stage by stage (its phases, or building by building for a
 *   scenario without phases) while the camera turns a quarter orbit from the overview.
 */

export type Vec3 = readonly [number, number, number]

/** The named views a fly-through visits, in order: from the power feed to the halls and back out. */
export const FLY_THROUGH_VIEWS: readonly CameraViewId[] = [
  'overview',
  'power',
  'cooling',
  'hall',
  'overview',
]

/** The part of a full turn a time-lapse's camera turns over the clip. */
export const TIME_LAPSE_TURN = 0.25

/** Most stages a time-lapse shows (a big campus adds several buildings per stage). */
export const MAX_TIME_LAPSE_STAGES = 24

/** Ease in and out (half a cosine): 0 → 0, 1 → 1, monotone, zero speed at both ends. */
export function easeInOut(u: number): number {
  const x = Math.min(1, Math.max(0, u))
  return (1 - Math.cos(Math.PI * x)) / 2
}

/** Steepest slope of `easeInOut` (at u = ½): π/2. */
export const EASE_MAX_SLOPE = Math.PI / 2

/** A camera offset from its target in spherical terms: distance, heading about +y, pitch. */
interface Orbit {
  readonly distance: number
  readonly azimuth: number
  readonly elevation: number
}

function orbitOf(pose: CameraPoseSpec): Orbit {
  const dx = pose.position[0] - pose.target[0]
  const dy = pose.position[1] - pose.target[1]
  const dz = pose.position[2] - pose.target[2]
  const distance = Math.max(1e-6, Math.hypot(dx, dy, dz))
  return {
    distance,
    azimuth: Math.atan2(dx, dz),
    elevation: Math.asin(Math.max(-1, Math.min(1, dy / distance))),
  }
}

function poseFrom(target: Vec3, orbit: Orbit): CameraPoseSpec {
  const horizontal = orbit.distance * Math.cos(orbit.elevation)
  return {
    target,
    position: [
      target[0] + horizontal * Math.sin(orbit.azimuth),
      target[1] + orbit.distance * Math.sin(orbit.elevation),
      target[2] + horizontal * Math.cos(orbit.azimuth),
    ],
  }
}

/** `a` to `b` the short way round, radians in (−π, π]. */
function angleDelta(a: number, b: number): number {
  let d = (b - a) % (2 * Math.PI)
  if (d > Math.PI) d -= 2 * Math.PI
  if (d <= -Math.PI) d += 2 * Math.PI
  return d
}

/** The camera `turns` of a full orbit (counter-clockwise seen from above) around `start`'s target. */
export function orbitPose(start: CameraPoseSpec, turns: number): CameraPoseSpec {
  const orbit = orbitOf(start)
  if (turns === 0) return start
  return poseFrom(start.target, { ...orbit, azimuth: orbit.azimuth + 2 * Math.PI * turns })
}

/** From `a` (s = 0) to `b` (s = 1): target in a line, camera swung around it. */
export function blendPoses(a: CameraPoseSpec, b: CameraPoseSpec, s: number): CameraPoseSpec {
  if (s <= 0) return a
  if (s >= 1) return b
  const oa = orbitOf(a)
  const ob = orbitOf(b)
  const target: Vec3 = [
    a.target[0] + (b.target[0] - a.target[0]) * s,
    a.target[1] + (b.target[1] - a.target[1]) * s,
    a.target[2] + (b.target[2] - a.target[2]) * s,
  ]
  return poseFrom(target, {
    // Geometric in distance: a zoom at an even pace, however far apart the two views are.
    distance: oa.distance * Math.pow(ob.distance / oa.distance, s),
    azimuth: oa.azimuth + angleDelta(oa.azimuth, ob.azimuth) * s,
    elevation: oa.elevation + (ob.elevation - oa.elevation) * s,
  })
}

/** The fly-through at `t` ∈ [0, 1] along `poses` (equal time per leg, each leg eased). */
export function flyThroughPose(poses: readonly CameraPoseSpec[], t: number): CameraPoseSpec {
  const first = poses[0]
  if (!first) throw new Error('A fly-through needs at least one view.')
  const legs = poses.length - 1
  if (legs <= 0) return first
  const x = Math.min(1, Math.max(0, t)) * legs
  const leg = Math.min(legs - 1, Math.floor(x))
  const a = poses[leg] ?? first
  const b = poses[leg + 1] ?? a
  return blendPoses(a, b, easeInOut(x - leg))
}

/** Where in the clip frame `i` of `frames` sits, 0 … 1 (a turntable's loop stops one frame short of 1). */
export function clipPosition(kind: VideoKind, i: number, frames: number): number {
  if (kind === 'turntable') return i / frames
  return frames <= 1 ? 0 : i / (frames - 1)
}

/**
 * The named view a fly-through's frame is nearest to along its route (null for other kinds):
 * the exporter readies the scene for it as image export does (the hall view cuts its building
 * away) from halfway along the leg before it to halfway along the leg after.
 */
export function nearestView(kind: VideoKind, i: number, frames: number): CameraViewId | null {
  if (kind !== 'flythrough') return null
  const legs = FLY_THROUGH_VIEWS.length - 1
  return FLY_THROUGH_VIEWS[Math.round(clipPosition(kind, i, frames) * legs)] ?? null
}

/** The time-lapse stage shown at frame `i` of `frames` (equal time per stage). */
export function stageAtFrame(i: number, frames: number, stages: number): number {
  return Math.min(stages - 1, Math.floor((i * stages) / frames))
}

/** The named views a clip of `kind` needs, in the order its path uses them. */
export function viewsFor(kind: VideoKind): readonly CameraViewId[] {
  return kind === 'flythrough' ? FLY_THROUGH_VIEWS : ['overview']
}

/**
 * The camera at frame `i` of `frames` for a clip of `kind`, given the poses of `viewsFor(kind)`
 * (in that order).
 */
export function clipPose(
  kind: VideoKind,
  poses: readonly CameraPoseSpec[],
  i: number,
  frames: number,
): CameraPoseSpec {
  const t = clipPosition(kind, i, frames)
  const start = poses[0]
  if (!start) throw new Error('A camera path needs its named views.')
  switch (kind) {
    case 'turntable':
      return orbitPose(start, t)
    case 'timelapse':
      return orbitPose(start, TIME_LAPSE_TURN * t)
    case 'flythrough':
      return flyThroughPose(poses, t)
  }
}

/** One stage of a time-lapse: the campus as it stands then, and what the caption calls it. */
export interface TimeLapseStage {
  readonly name: string
  readonly scenario: Scenario
}

/**
 * The stages a time-lapse grows through: the scenario's phases when it has more than one,
 * else building by building (several per stage past MAX_TIME_LAPSE_STAGES buildings). The last
 * stage is the whole campus.
 */
export function timeLapseStages(scenario: Scenario): readonly TimeLapseStage[] {
  const phases = phasesOf(scenario)
  if (phases.length > 1)
    return phases.map((phase) => ({
      name: phase.online ? `${phase.name} (online ${phase.online})` : phase.name,
      scenario: phase.scenario,
    }))
  const only = phases[0]?.scenario ?? scenario
  const total = Math.max(1, Math.round(only.buildings))
  const count = Math.min(total, MAX_TIME_LAPSE_STAGES)
  const stages: TimeLapseStage[] = []
  for (let s = 1; s <= count; s++) {
    const buildings = Math.ceil((total * s) / count)
    stages.push({
      name: `Building ${buildings} of ${total}`,
      scenario: buildings === total ? only : { ...only, buildings },
    })
  }
  return stages
}
