/**
 * The video export's camera paths (src/export/video/paths.ts) on a real layout's named views:
 * where they start and end, that they have no jumps (the largest step between frames shrinks in
 * proportion as frames are added, which a jump would not), that the turntable closes its loop,
 * that the easing is monotone, and the time-lapse's stages.
 */
import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  DEFAULT_SCENARIO,
  decodeClimate,
  evaluate,
  parseScenario,
  type Scenario,
} from '../../src/model'
import { layoutCampus } from '../../src/layout'
import { namedView } from '../../src/scene/views'
import type { CameraPoseSpec } from '../../src/state'
import {
  EASE_MAX_SLOPE,
  FLY_THROUGH_VIEWS,
  TIME_LAPSE_TURN,
  clipPose,
  easeInOut,
  nearestView,
  stageAtFrame,
  timeLapseStages,
  viewsFor,
} from '../../src/export/video/paths'
import type { VideoKind } from '../../src/state/videoBridge'

const ASPECT = 16 / 9
const SCENARIO: Scenario = { ...DEFAULT_SCENARIO, site: 'lulea' }
let poses: Record<VideoKind, CameraPoseSpec[]>

beforeAll(() => {
  const climate = decodeClimate(JSON.parse(readFileSync('assets/climate/lulea.json', 'utf8')))
  const layout = layoutCampus(SCENARIO, evaluate(SCENARIO, climate))
  const of = (kind: VideoKind) => viewsFor(kind).map((v) => namedView(layout, v, ASPECT))
  poses = { turntable: of('turntable'), flythrough: of('flythrough'), timelapse: of('timelapse') }
}, 20_000)

const dist = (a: readonly number[], b: readonly number[]) =>
  Math.hypot((a[0] ?? 0) - (b[0] ?? 0), (a[1] ?? 0) - (b[1] ?? 0), (a[2] ?? 0) - (b[2] ?? 0))

function frames(kind: VideoKind, n: number): CameraPoseSpec[] {
  return Array.from({ length: n }, (_, i) => clipPose(kind, poses[kind], i, n))
}

/** Largest move of the camera and of its target between consecutive frames, metres. */
function maxStep(path: readonly CameraPoseSpec[]): number {
  let most = 0
  for (let i = 1; i < path.length; i++) {
    const a = path[i - 1]
    const b = path[i]
    if (a && b) most = Math.max(most, dist(a.position, b.position), dist(a.target, b.target))
  }
  return most
}

function expectPose(actual: CameraPoseSpec | undefined, expected: CameraPoseSpec | undefined) {
  if (!actual || !expected) throw new Error('missing pose')
  expect(dist(actual.position, expected.position)).toBeLessThan(1e-6)
  expect(dist(actual.target, expected.target)).toBeLessThan(1e-6)
}

describe('easing', () => {
  it('runs from 0 to 1, monotone, no steeper than π/2', () => {
    expect(easeInOut(0)).toBe(0)
    expect(easeInOut(1)).toBe(1)
    const n = 10_000
    const values = Array.from({ length: n + 1 }, (_, i) => easeInOut(i / n))
    const slopes = values.slice(1).map((v, i) => (v - (values[i] ?? 0)) * n)
    expect(Math.min(...slopes)).toBeGreaterThanOrEqual(0)
    expect(Math.max(...slopes)).toBeLessThanOrEqual(EASE_MAX_SLOPE + 1e-6)
    expect(Math.max(...slopes)).toBeGreaterThan(EASE_MAX_SLOPE - 1e-3)
    expect(easeInOut(-1)).toBe(0)
    expect(easeInOut(2)).toBe(1)
  })
})

describe('turntable', () => {
  it('starts on the overview and closes the loop after one orbit', () => {
    const n = 90
    const path = frames('turntable', n)
    const overview = poses.turntable[0]
    expectPose(path[0], overview)
    // Frame n (one past the last) would be the first again: the clip loops seamlessly.
    expectPose(clipPose('turntable', poses.turntable, n, n), overview)
    const last = path[n - 1]
    const first = path[0]
    if (!last || !first || !overview) throw new Error('missing pose')
    const loopStep = dist(last.position, first.position)
    expect(loopStep).toBeCloseTo(maxStep(path), 6)
  })

  it('keeps its height and distance and turns the same angle every frame', () => {
    const n = 72
    const path = frames('turntable', n)
    const overview = poses.turntable[0]
    if (!overview) throw new Error('missing pose')
    const radius = Math.hypot(
      overview.position[0] - overview.target[0],
      overview.position[2] - overview.target[2],
    )
    for (const pose of path) {
      expect(pose.position[1]).toBeCloseTo(overview.position[1], 6)
      expect(dist(pose.target, overview.target)).toBe(0)
    }
    // Chord of a 1/n turn.
    expect(maxStep(path)).toBeCloseTo(2 * radius * Math.sin(Math.PI / n), 6)
  })
})

describe('fly-through', () => {
  it('starts and ends on the named views and rests on each one on the way', () => {
    const legs = FLY_THROUGH_VIEWS.length - 1
    const perLeg = 30
    const n = legs * perLeg + 1
    const path = frames('flythrough', n)
    FLY_THROUGH_VIEWS.forEach((_, k) => expectPose(path[k * perLeg], poses.flythrough[k]))
    expectPose(path[n - 1], poses.flythrough[legs])
    // Eased: the camera slows to a stop on each view (its step there is small).
    const near = path[1]
    const start = path[0]
    if (!near || !start) throw new Error('missing pose')
    expect(dist(near.position, start.position)).toBeLessThan(maxStep(path) / 20)
  })

  it('knows which named view it is nearest to, halfway to halfway', () => {
    const n = 4 * 30 + 1
    const near = Array.from({ length: n }, (_, i) => nearestView('flythrough', i, n))
    expect(near[0]).toBe('overview')
    expect(near[90]).toBe('hall')
    expect(near[74]).toBe('cooling')
    expect(near[76]).toBe('hall')
    expect(near[104]).toBe('hall')
    expect(near[106]).toBe('overview')
    expect(nearestView('turntable', 3, n)).toBeNull()
  })

  it('has no jumps: its largest step shrinks in proportion as frames are added', () => {
    const coarse = maxStep(frames('flythrough', 121))
    const fine = maxStep(frames('flythrough', 1201))
    expect(coarse).toBeGreaterThan(0)
    // A continuous path: ten times the frames, about a tenth of the step; a jump would stay.
    expect(fine).toBeLessThan(coarse / 8)
  })
})

describe('time-lapse', () => {
  it('starts on the overview and turns a quarter orbit, without jumps', () => {
    const path = frames('timelapse', 120)
    expectPose(path[0], poses.timelapse[0])
    expect(maxStep(frames('timelapse', 1200))).toBeLessThan(maxStep(path) / 8)
    expect(TIME_LAPSE_TURN).toBe(0.25)
  })

  it('shows every stage in order, the same time each', () => {
    const count = 5
    const n = 72
    const stages = Array.from({ length: n }, (_, i) => stageAtFrame(i, n, count))
    expect(stages[0]).toBe(0)
    expect(stages[n - 1]).toBe(count - 1)
    for (let i = 1; i < n; i++) expect(stages[i]).toBeGreaterThanOrEqual(stages[i - 1] ?? 0)
    const runs = Array.from({ length: count }, (_, s) => stages.filter((x) => x === s).length)
    expect(Math.max(...runs) - Math.min(...runs)).toBeLessThanOrEqual(1)
  })

  it('grows building by building without phases, ending on the campus itself', () => {
    const campus: Scenario = { ...SCENARIO, buildings: 6 }
    const stages = timeLapseStages(campus)
    expect(stages.map((s) => s.scenario.buildings)).toEqual([1, 2, 3, 4, 5, 6])
    expect(stages[5]?.scenario).toBe(campus)
    expect(stages[0]?.name).toBe('Building 1 of 6')
    const big = timeLapseStages({ ...SCENARIO, buildings: 100 })
    expect(big).toHaveLength(24)
    expect(big[23]?.scenario.buildings).toBe(100)
  })

  it('grows through the phases when there are several', () => {
    const parsed = parseScenario({
      version: 1,
      site: 'lulea',
      phases: [
        { name: 'First hall', online: '2026-01', buildings: 1 },
        { name: 'Second', online: '2027-01', buildings: 3 },
      ],
    })
    if (!parsed.ok) throw new Error('not a valid scenario')
    const stages = timeLapseStages(parsed.scenario)
    expect(stages.map((s) => s.scenario.buildings)).toEqual([1, 3])
    expect(stages[0]?.name).toBe('First hall (online 2026-01)')
    expect(stages.every((s) => s.scenario.phases === undefined)).toBe(true)
  })
})
