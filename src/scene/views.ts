import { UNIT, terrainHeightM, type CampusLayout, type Rect } from '../layout'
import type { CameraViewId, Selection } from '../state'

/**
 * The named camera views, computed from the layout: each view names its subject (boxes in
 * metres around what it is for) and the camera is fitted to that subject for the canvas's
 * aspect, so every view frames what it is named for whatever the campus's size. Pure (no three,
 * no DOM): tests check every view of many campuses in Node.
 */

export type Vec3 = readonly [number, number, number]

export interface CameraPose {
  readonly position: Vec3
  readonly target: Vec3
}

export const CAMERA_FOV_DEG = 40

/** An axis-aligned box, metres. */
export interface Box {
  readonly min: Vec3
  readonly max: Vec3
}

/** One thing a view is about (the campus, the wind farm, the line…) and where it is. */
export interface Subject {
  readonly id: string
  readonly box: Box
  /** Points the camera must keep in frame (the box's corners unless given tighter). */
  readonly points: readonly Vec3[]
}

/** Part of the image, in normalised device coordinates (−1 … 1, y up). */
export interface FrameWindow {
  readonly x0: number
  readonly x1: number
  readonly y0: number
  readonly y1: number
}

export interface FramedView extends CameraPose {
  readonly subjects: readonly Subject[]
  /** Where the subjects were fitted into. */
  readonly window: FrameWindow
}

/**
 * Where subjects go: clear of the image's edges, and of the band at the top where the view's
 * toolbars sit on screen (about the top 11 % of the canvas).
 */
export const SUBJECT_WINDOW: FrameWindow = { x0: -0.88, x1: 0.88, y0: -0.86, y1: 0.72 }

/**
 * The overview looks this far below the horizontal, so the horizon stays in the frame at
 * tan(14°)/tan(20°) ≈ 0.69 of the half-height above the centre: the top sixth is sky. Where
 * mountains rise behind the subjects it looks flatter (11°, 8°) until sky shows above them.
 */
export const OVERVIEW_PITCH_DEG = 14

/** Closest any view brings the camera to its target, metres. */
export const MIN_VIEW_DISTANCE_M = 8
/** Height the camera keeps above the ground under it, metres. */
export const CAMERA_CLEARANCE_M = 6

// ---------------------------------------------------------------------------------------------
// Fitting

function sub(a: Vec3, b: Vec3): [number, number, number] {
  return [a[0] - b[0], a[1] - b[1], a[2] - b[2]]
}
function dot(a: Vec3, b: Vec3): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
}
function normalize(a: Vec3): [number, number, number] {
  const l = Math.hypot(a[0], a[1], a[2]) || 1
  return [a[0] / l, a[1] / l, a[2] / l]
}
function cross(a: Vec3, b: Vec3): [number, number, number] {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]]
}

/** The camera's axes for a heading: `azimuthRad` 0 looks north from the south, positive turns the camera west. */
export function cameraBasis(
  azimuthRad: number,
  pitchRad: number,
): { forward: Vec3; right: Vec3; up: Vec3 } {
  const offset: Vec3 = [
    -Math.sin(azimuthRad) * Math.cos(pitchRad),
    Math.sin(pitchRad),
    Math.cos(azimuthRad) * Math.cos(pitchRad),
  ]
  const forward: Vec3 = [-offset[0], -offset[1], -offset[2]]
  const right = normalize(cross(forward, [0, 1, 0]))
  const up = cross(right, forward)
  return { forward, right, up }
}

/** Where a world point lands in normalised device coordinates, and its depth (metres ahead). */
export function projectPoint(
  pose: CameraPose,
  p: Vec3,
  fovDeg: number,
  aspect: number,
): { x: number; y: number; depth: number } {
  const forward = normalize(sub(pose.target, pose.position))
  const right = normalize(cross(forward, [0, 1, 0]))
  const up = cross(right, forward)
  const q = sub(p, pose.position)
  const depth = dot(q, forward)
  const tv = Math.tan((fovDeg * Math.PI) / 360)
  return {
    x: dot(q, right) / (depth * tv * aspect),
    y: dot(q, up) / (depth * tv),
    depth,
  }
}

export interface FitOptions {
  readonly azimuthRad: number
  readonly pitchRad: number
  readonly aspect: number
  readonly window?: FrameWindow
  readonly fovDeg?: number
  readonly minDistanceM?: number
  /** Closest a point may be in front of the camera, metres. */
  readonly nearM?: number
}

/**
 * The camera looking along a fixed heading that keeps every point inside `window`: for a
 * target t and camera t − forward·D, a point with offset q = p − t projects to
 * x = (q·right) / ((q·forward + D)·tan(fov/2)·aspect), so "inside [x0, x1]" is linear in D and
 * the smallest D that holds for every point is exact. The target is moved sideways a few times
 * to centre the points in the window; the last distance is computed for the last target, so
 * every point is inside whatever the centring did.
 */
export function fitCamera(
  points: readonly Vec3[],
  options: FitOptions,
): CameraPose & { distance: number } {
  const window = options.window ?? SUBJECT_WINDOW
  const tv = Math.tan(((options.fovDeg ?? CAMERA_FOV_DEG) * Math.PI) / 360)
  const th = tv * options.aspect
  const near = options.nearM ?? 1
  const minD = options.minDistanceM ?? MIN_VIEW_DISTANCE_M
  const { forward, right, up } = cameraBasis(options.azimuthRad, options.pitchRad)
  const lo: [number, number, number] = [Infinity, Infinity, Infinity]
  const hi: [number, number, number] = [-Infinity, -Infinity, -Infinity]
  for (const p of points)
    for (let k = 0; k < 3; k++) {
      lo[k] = Math.min(lo[k] ?? 0, p[k] ?? 0)
      hi[k] = Math.max(hi[k] ?? 0, p[k] ?? 0)
    }
  if (points.length === 0) return { position: [0, 100, 100], target: [0, 0, 0], distance: 141 }
  let target: [number, number, number] = [
    ((lo[0] ?? 0) + (hi[0] ?? 0)) / 2,
    ((lo[1] ?? 0) + (hi[1] ?? 0)) / 2,
    ((lo[2] ?? 0) + (hi[2] ?? 0)) / 2,
  ]
  const distanceFor = (t: Vec3): number => {
    let d = minD
    for (const p of points) {
      const q = sub(p, t)
      const qr = dot(q, right)
      const qu = dot(q, up)
      const qf = dot(q, forward)
      const need = Math.max(
        qr > 0 ? qr / (window.x1 * th) : qr / (window.x0 * th),
        qu > 0 ? qu / (window.y1 * tv) : qu / (window.y0 * tv),
        near,
      )
      d = Math.max(d, need - qf)
    }
    return d
  }
  const cx = (window.x0 + window.x1) / 2
  const cy = (window.y0 + window.y1) / 2
  let distance = distanceFor(target)
  for (let iteration = 0; iteration < 8; iteration++) {
    let x0 = Infinity
    let x1 = -Infinity
    let y0 = Infinity
    let y1 = -Infinity
    for (const p of points) {
      const q = sub(p, target)
      const z = dot(q, forward) + distance
      const x = dot(q, right) / (z * th)
      const y = dot(q, up) / (z * tv)
      x0 = Math.min(x0, x)
      x1 = Math.max(x1, x)
      y0 = Math.min(y0, y)
      y1 = Math.max(y1, y)
    }
    const sx = ((x0 + x1) / 2 - cx) * distance * th * 0.9
    const sy = ((y0 + y1) / 2 - cy) * distance * tv * 0.9
    if (Math.abs(sx) + Math.abs(sy) < 1e-3 * distance) break
    target = [
      target[0] + right[0] * sx + up[0] * sy,
      target[1] + right[1] * sx + up[1] * sy,
      target[2] + right[2] * sx + up[2] * sy,
    ]
    distance = distanceFor(target)
  }
  return {
    position: [
      target[0] - forward[0] * distance,
      target[1] - forward[1] * distance,
      target[2] - forward[2] * distance,
    ],
    target,
    distance,
  }
}

// ---------------------------------------------------------------------------------------------
// Subjects

function corners(box: Box): Vec3[] {
  const out: Vec3[] = []
  for (const x of [box.min[0], box.max[0]])
    for (const y of [box.min[1], box.max[1]])
      for (const z of [box.min[2], box.max[2]]) out.push([x, y, z])
  return out
}

function boxOfPoints(points: readonly Vec3[]): Box {
  const min: [number, number, number] = [Infinity, Infinity, Infinity]
  const max: [number, number, number] = [-Infinity, -Infinity, -Infinity]
  for (const p of points)
    for (let k = 0; k < 3; k++) {
      min[k] = Math.min(min[k] ?? 0, p[k] ?? 0)
      max[k] = Math.max(max[k] ?? 0, p[k] ?? 0)
    }
  return { min, max }
}

function subjectOfBox(id: string, box: Box): Subject {
  return { id, box, points: corners(box) }
}

function subjectOfPoints(id: string, points: readonly Vec3[]): Subject {
  return { id, box: boxOfPoints(points), points }
}

/** A rectangle on the ground as a box `height` tall, following the terrain under it. */
function onGround(layout: CampusLayout, r: Rect, height: number): Box {
  const xs = [r.x - r.w / 2, r.x, r.x + r.w / 2]
  const zs = [r.z - r.d / 2, r.z, r.z + r.d / 2]
  let lo = Infinity
  let hi = -Infinity
  for (const x of xs)
    for (const z of zs) {
      const g = terrainHeightM(layout.terrain, x, z)
      lo = Math.min(lo, g)
      hi = Math.max(hi, g)
    }
  return {
    min: [r.x - r.w / 2, lo, r.z - r.d / 2],
    max: [r.x + r.w / 2, hi + height, r.z + r.d / 2],
  }
}

function tallestBuildingM(layout: CampusLayout): number {
  return layout.buildings.reduce((h, b) => Math.max(h, b.heightM), 15)
}

function campusSubject(layout: CampusLayout): Subject {
  return subjectOfBox('campus', onGround(layout, layout.developed, tallestBuildingM(layout)))
}

function hydroSubject(layout: CampusLayout): Subject | null {
  const hydro = layout.hydro
  if (!hydro) return null
  const dam = hydro.dam
  const house = hydro.powerhouse
  return subjectOfPoints('hydro', [
    ...corners({
      min: [dam.x - dam.w / 2, hydro.damCrestYM - hydro.damHeightM, dam.z - dam.d / 2],
      max: [dam.x + dam.w / 2, hydro.damCrestYM, dam.z + dam.d / 2],
    }),
    ...corners(onGround(layout, house, 18)),
  ])
}

function windSubject(layout: CampusLayout, only?: number): Subject | null {
  const wind = layout.wind
  if (!wind || wind.turbines.length === 0) return null
  const top = wind.hubHeightM + wind.rotorDiameterM / 2
  const r = wind.rotorDiameterM / 2
  let turbines = wind.turbines
  if (only !== undefined) {
    // The turbines nearest the substation: the part of the farm the power reaches first.
    const s = layout.substation.rect
    turbines = [...turbines]
      .sort((a, b) => Math.hypot(a.x - s.x, a.z - s.z) - Math.hypot(b.x - s.x, b.z - s.z))
      .slice(0, only)
  }
  const points: Vec3[] = []
  for (const t of turbines) {
    const g = terrainHeightM(layout.terrain, t.x, t.z)
    points.push(
      [t.x - r, g, t.z],
      [t.x + r, g + top, t.z],
      [t.x, g + top, t.z - r],
      [t.x, g, t.z + r],
    )
  }
  return subjectOfPoints('wind', points)
}

function yardSubject(
  layout: CampusLayout,
  kind: 'solar' | 'gas' | 'battery',
  height: number,
): Subject | null {
  const yards = layout.yards.filter((y) => y.kind === kind)
  if (yards.length === 0) return null
  return subjectOfPoints(
    kind,
    yards.flatMap((y) => corners(onGround(layout, y.rect, height))),
  )
}

function intakeSubject(layout: CampusLayout): Subject | null {
  const intake = layout.intake
  if (!intake) return null
  return subjectOfBox('intake', onGround(layout, intake.pumphouse, 8))
}

/** The sea or fjord off the campus's shore (coastal and fjord sites): a strip of water in front of it. */
function seaSubject(layout: CampusLayout): Subject | null {
  const t = layout.terrain
  if (t.seaLevelYM === null || t.shoreZ === null) return null
  const d = layout.developed
  const z = t.shoreZ + 150
  return subjectOfPoints('sea', [
    [d.x - d.w / 2, t.seaLevelYM, z],
    [d.x + d.w / 2, t.seaLevelYM, z],
  ])
}

function substationSubject(layout: CampusLayout): Subject {
  return subjectOfBox('substation', onGround(layout, layout.substation.rect, 12))
}

/** The lines into the substation; of a grid line only the towers within `reachM` of it. */
function lineSubject(layout: CampusLayout, reachM: number): Subject | null {
  const s = layout.substation.rect
  const points: Vec3[] = []
  // A grid line runs on for kilometres: its towers nearest the substation, within `reachM` of
  // the first one outside the fence.
  let nearest = Infinity
  for (const line of layout.lines)
    if (line.from === 'grid')
      for (const t of line.towers) nearest = Math.min(nearest, Math.hypot(t.x - s.x, t.z - s.z))
  const reach = nearest + reachM
  for (const line of layout.lines) {
    for (const t of line.towers) {
      if (line.from === 'grid' && Math.hypot(t.x - s.x, t.z - s.z) > reach) continue
      const g = terrainHeightM(layout.terrain, t.x, t.z)
      points.push([t.x, g, t.z], [t.x, g + 42, t.z])
    }
  }
  return points.length > 0 ? subjectOfPoints('line', points) : null
}

/**
 * The building the hall view looks into: the selected hall's or building's, else the one
 * nearest the middle of the developed campus. BUILDINGS cuts this one away in the hall view.
 */
export function hallViewBuilding(layout: CampusLayout, selection: Selection | null): number | null {
  if (layout.buildings.length === 0) return null
  if (selection?.kind === 'building' && layout.buildings[selection.index]) return selection.index
  if (selection?.kind === 'hall') {
    const hall = layout.halls[selection.index]
    if (hall) return hall.building
  }
  const c = layout.developed
  let best = 0
  let bestD = Infinity
  for (const b of layout.buildings) {
    const d = Math.hypot(b.rect.x - c.x, b.rect.z - c.z)
    if (d < bestD - 1e-6) {
      best = b.index
      bestD = d
    }
  }
  return best
}

/** The hall the hall view frames: the selected one, else its building's hall nearest the campus centre. */
export function hallViewHall(layout: CampusLayout, selection: Selection | null): number | null {
  if (selection?.kind === 'hall' && layout.halls[selection.index]) return selection.index
  const building = hallViewBuilding(layout, selection)
  const b = building === null ? undefined : layout.buildings[building]
  if (!b) return null
  const c = layout.developed
  let best: number | null = null
  let bestD = Infinity
  for (let i = b.firstHall; i < b.firstHall + b.hallCount; i++) {
    const hall = layout.halls[i]
    if (!hall) continue
    const d = Math.hypot(hall.rect.x - c.x, hall.rect.z - c.z)
    if (d < bestD - 1e-6) {
      best = i
      bestD = d
    }
  }
  return best
}

/** The building whose cooling yard the cooling view frames (the hall view's building). */
function coolingYardOf(layout: CampusLayout, building: number | null) {
  const yards = layout.yards.filter((y) => y.kind === 'cooling')
  return yards.find((y) => y.building === building) ?? yards[0] ?? null
}

function unitsTallestM(layout: CampusLayout, yard: { firstRow: number; rowCount: number }): number {
  let h = 3
  for (const row of layout.unitRows.slice(yard.firstRow, yard.firstRow + yard.rowCount))
    h = Math.max(h, UNIT[row.kind].h)
  return h + 0.5
}

/** What each named view is about. */
export function viewSubjects(
  layout: CampusLayout,
  view: CameraViewId,
  selection: Selection | null = null,
): Subject[] {
  const present = (list: readonly (Subject | null)[]): Subject[] =>
    list.filter((s): s is Subject => s !== null)
  switch (view) {
    case 'overview':
      return present([
        campusSubject(layout),
        hydroSubject(layout),
        windSubject(layout),
        yardSubject(layout, 'solar', 3),
        intakeSubject(layout),
        seaSubject(layout),
      ])
    case 'top':
      return [subjectOfBox('campus', onGround(layout, layout.fence, tallestBuildingM(layout)))]
    case 'hall': {
      const index = hallViewHall(layout, selection)
      const hall = index === null ? undefined : layout.halls[index]
      if (!hall) return [campusSubject(layout)]
      const r = hall.rect
      return [
        subjectOfBox('hall', {
          min: [r.x - r.w / 2, hall.floorYM, r.z - r.d / 2],
          max: [r.x + r.w / 2, hall.floorYM + 3.2, r.z + r.d / 2],
        }),
      ]
    }
    case 'cooling': {
      const yard = coolingYardOf(layout, hallViewBuilding(layout, selection))
      if (!yard) return [campusSubject(layout)]
      return present([
        subjectOfBox('cooling', onGround(layout, yard.rect, unitsTallestM(layout, yard))),
        layout.cooling === 'dlc-seawater' ? intakeSubject(layout) : null,
      ])
    }
    case 'power': {
      const sources = present([
        hydroSubject(layout),
        windSubject(layout, 9),
        yardSubject(layout, 'solar', 3),
        yardSubject(layout, 'gas', 10),
      ])
      return present([
        ...sources,
        lineSubject(layout, 900),
        substationSubject(layout),
        campusSubject(layout),
      ])
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Views

const DEG = Math.PI / 180

function centreOf(s: Subject): Vec3 {
  return [
    (s.box.min[0] + s.box.max[0]) / 2,
    (s.box.min[1] + s.box.max[1]) / 2,
    (s.box.min[2] + s.box.max[2]) / 2,
  ]
}

/** True when the ground rises above the sight line from `eye` to `p` (the last 4 % excepted). */
function blocked(layout: CampusLayout, eye: Vec3, p: Vec3): boolean {
  const steps = 28
  for (let i = 1; i < steps; i++) {
    const u = i / steps
    if (u > 0.96) break
    const x = eye[0] + (p[0] - eye[0]) * u
    const y = eye[1] + (p[1] - eye[1]) * u
    const z = eye[2] + (p[2] - eye[2]) * u
    if (terrainHeightM(layout.terrain, x, z) > y + 1) return true
  }
  return false
}

/** Whether the camera stands clear of the ground and sees each subject's middle and top. */
function clearView(layout: CampusLayout, pose: CameraPose, subjects: readonly Subject[]): boolean {
  const p = pose.position
  if (p[1] < terrainHeightM(layout.terrain, p[0], p[2]) + CAMERA_CLEARANCE_M) return false
  return subjects.every((s) => {
    const c = centreOf(s)
    return !blocked(layout, p, [c[0], s.box.max[1], c[2]]) || !blocked(layout, p, c)
  })
}

/** Projected area of a subject's box in normalised units (its share of the frame, ×4). */
function projectedArea(pose: CameraPose, s: Subject, aspect: number): number {
  let x0 = Infinity
  let x1 = -Infinity
  let y0 = Infinity
  let y1 = -Infinity
  for (const c of s.points) {
    const p = projectPoint(pose, c, CAMERA_FOV_DEG, aspect)
    if (p.depth <= 0) continue
    x0 = Math.min(x0, p.x)
    x1 = Math.max(x1, p.x)
    y0 = Math.min(y0, p.y)
    y1 = Math.max(y1, p.y)
  }
  return x1 > x0 && y1 > y0 ? (x1 - x0) * (y1 - y0) : 0
}

interface Composition {
  /** Headings to try, best first, degrees. */
  readonly azimuthsDeg: readonly number[]
  /** Pitches to try in turn, degrees below the horizontal. */
  readonly pitchesDeg: readonly number[]
  /** Pitch rises by this much at a time when the ground hides a subject at every heading. */
  readonly raiseDeg: number
  readonly window: FrameWindow
  /** The subject whose size on the image decides between headings. */
  readonly hero: string
  /** Keep sky in the top of the frame (the overview): subjects stay below the horizon. */
  readonly sky?: boolean
}

/** Share of the frame's height at the top that is sky in the overview (at least). */
const SKY_BAND = 0.15

/** Whether the ray through a point of the image leaves the terrain without meeting the ground. */
function reachesSky(
  layout: CampusLayout,
  pose: CameraPose,
  ndcX: number,
  ndcY: number,
  aspect: number,
): boolean {
  const f = normalize(sub(pose.target, pose.position))
  const r = normalize(cross(f, [0, 1, 0]))
  const u = cross(r, f)
  const tv = Math.tan((CAMERA_FOV_DEG * Math.PI) / 360)
  const d = normalize([
    f[0] + (r[0] * ndcX * aspect + u[0] * ndcY) * tv,
    f[1] + (r[1] * ndcX * aspect + u[1] * ndcY) * tv,
    f[2] + (r[2] * ndcX * aspect + u[2] * ndcY) * tv,
  ])
  const o = pose.position
  const reach = layout.terrain.extentM * 1.5
  for (let t = 20; t < reach; t = t * 1.12 + 20) {
    const x = o[0] + d[0] * t
    const z = o[2] + d[2] * t
    if (Math.abs(x) > layout.terrain.extentM || Math.abs(z) > layout.terrain.extentM) return true
    if (terrainHeightM(layout.terrain, x, z) > o[1] + d[1] * t) return false
  }
  return true
}

/** Whether most of the frame's top band shows sky (the ground's skyline stays below it). */
function showsSky(layout: CampusLayout, pose: CameraPose, aspect: number): boolean {
  const y = 1 - 2 * SKY_BAND
  let open = 0
  for (const x of [-0.8, -0.4, 0, 0.4, 0.8]) if (reachesSky(layout, pose, x, y, aspect)) open++
  return open >= 4
}

/**
 * Tries each pitch and heading (and, when the ground hides a subject from all of them, steeper
 * pitches) and keeps the one that shows the hero subject largest with every subject in sight
 * (and, for the overview, sky above the skyline); earlier headings win ties (a 10 % edge
 * each), so small edits do not swing the camera round.
 */
function compose(
  layout: CampusLayout,
  subjects: readonly Subject[],
  aspect: number,
  c: Composition,
): CameraPose {
  const points = subjects.flatMap((s) => s.points)
  const hero = subjects.find((s) => s.id === c.hero) ?? subjects[0]
  const tv = Math.tan((CAMERA_FOV_DEG * Math.PI) / 360)
  let first: CameraPose | null = null
  /** Every heading at the given pitches, best-scored first (heading and pitch in the order given win ties). */
  const candidates = (pitchesDeg: readonly number[]): { pose: CameraPose; score: number }[] => {
    const fits: { pose: CameraPose; score: number }[] = []
    pitchesDeg.forEach((pitchDeg, pitchRank) => {
      const pitch = Math.min(75, pitchDeg) * DEG
      // Below the horizon (at tan(pitch) / tan(fov/2) above the centre) with room for distance.
      const window = c.sky
        ? { ...c.window, y1: Math.min(c.window.y1, Math.tan(pitch) / tv - 0.18) }
        : c.window
      c.azimuthsDeg.forEach((az, rank) => {
        const pose = fitCamera(points, { azimuthRad: az * DEG, pitchRad: pitch, aspect, window })
        const area = hero ? projectedArea(pose, hero, aspect) : 1
        fits.push({ pose, score: area * (1 - 0.1 * rank) * (1 - 0.1 * pitchRank) })
      })
    })
    first ??= fits[0]?.pose ?? null
    // Fitting is cheap; looking along sight lines is not: check the best-scored first.
    return fits.sort((a, b) => b.score - a.score)
  }
  const all = candidates(c.pitchesDeg)
  const withSky = c.sky
    ? all.find(({ pose }) => clearView(layout, pose, subjects) && showsSky(layout, pose, aspect))
    : undefined
  if (withSky) return withSky.pose
  const clear = all.find(({ pose }) => clearView(layout, pose, subjects))
  if (clear) return clear.pose
  const last = c.pitchesDeg[c.pitchesDeg.length - 1] ?? 30
  for (let raise = 1; raise < 4; raise++) {
    const raised = candidates([last + raise * c.raiseDeg]).find(({ pose }) =>
      clearView(layout, pose, subjects),
    )
    if (raised) return raised.pose
  }
  return first ?? { position: [0, 300, 600], target: [0, 0, 0] }
}

/** Headings around `deg`, nearest first. */
function around(deg: number, step: number, count: number): number[] {
  const out = [deg]
  for (let i = 1; out.length < count; i++) out.push(deg - i * step, deg + i * step)
  return out.slice(0, count)
}

/**
 * The power view looks across the route from the sources to the campus (perpendicular to it,
 * from its southern side), so source, line, substation and campus spread over the frame.
 */
function powerHeadingDeg(subjects: readonly Subject[]): number {
  const campus = subjects.find((s) => s.id === 'campus')
  const sources = subjects.filter((s) => s.id !== 'campus' && s.id !== 'substation')
  if (!campus || sources.length === 0) return -24
  const c = centreOf(campus)
  let sx = 0
  let sz = 0
  for (const s of sources) {
    const p = centreOf(s)
    sx += p[0] / sources.length
    sz += p[2] / sources.length
  }
  const vx = c[0] - sx
  const vz = c[2] - sz
  if (Math.hypot(vx, vz) < 1) return -24
  // The two perpendiculars; the camera stands on the southern one (the sun's side up north).
  let ox = -vz
  let oz = vx
  if (oz < 0) {
    ox = -ox
    oz = -oz
  }
  // offset = (−sin az, cos az)
  return Math.atan2(-ox, oz) / DEG
}

/** The named camera views (state's CAMERA_VIEWS) for a layout; `aspect` is width over height. */
export function namedView(
  layout: CampusLayout,
  view: CameraViewId,
  aspect: number,
  selection: Selection | null = null,
): FramedView {
  const subjects = viewSubjects(layout, view, selection)
  const a = Number.isFinite(aspect) && aspect > 0 ? aspect : 16 / 9
  switch (view) {
    case 'overview': {
      const pose = compose(layout, subjects, a, {
        azimuthsDeg: [-24, -48, 0, 24, 48, -72, 72],
        pitchesDeg: [OVERVIEW_PITCH_DEG, 11, 8],
        raiseDeg: 4,
        window: SUBJECT_WINDOW,
        hero: 'campus',
        sky: true,
      })
      return { ...pose, subjects, window: SUBJECT_WINDOW }
    }
    case 'top': {
      // A hair south of straight down, so the orbit keeps north up.
      const pose = fitCamera(
        subjects.flatMap((s) => s.points),
        { azimuthRad: 0, pitchRad: 89.4 * DEG, aspect: a, window: SUBJECT_WINDOW },
      )
      return { ...pose, subjects, window: SUBJECT_WINDOW }
    }
    case 'hall': {
      const pose = compose(layout, subjects, a, {
        azimuthsDeg: [-32],
        pitchesDeg: [45],
        raiseDeg: 8,
        window: SUBJECT_WINDOW,
        hero: 'hall',
      })
      return { ...pose, subjects, window: SUBJECT_WINDOW }
    }
    case 'cooling': {
      const pose = compose(layout, subjects, a, {
        azimuthsDeg: [-24, 0, -48, 24],
        pitchesDeg: [30],
        raiseDeg: 8,
        window: SUBJECT_WINDOW,
        hero: 'cooling',
      })
      return { ...pose, subjects, window: SUBJECT_WINDOW }
    }
    case 'power': {
      const pose = compose(layout, subjects, a, {
        azimuthsDeg: around(powerHeadingDeg(subjects), 20, 5),
        pitchesDeg: [26],
        raiseDeg: 8,
        window: SUBJECT_WINDOW,
        hero: 'campus',
      })
      return { ...pose, subjects, window: SUBJECT_WINDOW }
    }
  }
}
