/**
 * Composition, pure: every named view of every preset keeps its subjects inside the frame
 * (clear of the toolbar band), the overview and the power view hold what they are named for,
 * views fit again when the campus grows, zoom toward the cursor keeps its limits, and the
 * exported image's labels and legend come from what the camera sees.
 */
import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_SCENARIO, parseScenarioJson, simulate, type Scenario } from '../src/model'
import { layoutCampus, terrainHeightM, type CampusLayout } from '../src/layout'
import { CAMERA_VIEWS, PRESETS, type CameraViewId } from '../src/state'
import { projectAnnotations } from '../src/scene/annotations'
import {
  CAMERA_CLEARANCE_M,
  CAMERA_FOV_DEG,
  SUBJECT_WINDOW,
  namedView,
  projectPoint,
  viewSubjects,
  type CameraPose,
  type FramedView,
} from '../src/scene/views'
import { MIN_ZOOM_M, pickPoint, rayThrough, zoomToward } from '../src/scene/zoom'
import { syntheticClimate } from './helpers/syntheticClimate'

function layoutOf(s: Scenario): CampusLayout {
  return layoutCampus(s, simulate(s, syntheticClimate(s.site)).readouts)
}

function preset(id: string): Scenario {
  const parsed = parseScenarioJson(readFileSync(`public/scenarios/${id}.json`, 'utf8'))
  if (!parsed.ok) throw new Error(`preset ${id} does not parse`)
  return parsed.scenario
}

/** Extra campuses whose supply reaches far from the fence: wind, solar and sea together. */
const WIND_SOLAR_SEA: Scenario = {
  ...DEFAULT_SCENARIO,
  name: 'Wind, solar and sea',
  site: 'singapore',
  cooling: 'dlc-seawater',
  power: { ...DEFAULT_SCENARIO.power, windTurbines: 30, windTurbineMw: 6, solarMw: 200 },
}

/** Narvik fed by its own hydro plant down the valley. */
const NORWAY_HYDRO = (): Scenario => {
  const base = preset('stargate-norway')
  return { ...base, power: { ...base.power, hydroMw: 300 } }
}

const ASPECTS = [16 / 9, 4 / 3, 1] as const

/** Worst NDC overshoot of the view's subjects past its window (≤ 0 when every point is inside). */
function overshoot(view: FramedView, aspect: number): number {
  let worst = -Infinity
  const w = view.window
  for (const s of view.subjects)
    for (const p of s.points) {
      const q = projectPoint(view, p, CAMERA_FOV_DEG, aspect)
      expect(q.depth).toBeGreaterThan(0)
      worst = Math.max(worst, q.x - w.x1, w.x0 - q.x, q.y - w.y1, w.y0 - q.y)
    }
  return worst
}

const layouts = new Map<string, CampusLayout>()
beforeAll(() => {
  for (const p of PRESETS) layouts.set(p.id, layoutOf(preset(p.id)))
  layouts.set('wind-solar-sea', layoutOf(WIND_SOLAR_SEA))
  layouts.set('norway-hydro', layoutOf(NORWAY_HYDRO()))
}, 30_000)

describe('named views', () => {
  it('frame every subject of every view of every preset inside the window, clear of the toolbar band', () => {
    expect(layouts.size).toBe(PRESETS.length + 2)
    // The window keeps the top of the image (where the toolbars are) free.
    expect(SUBJECT_WINDOW.y1).toBeLessThanOrEqual(0.75)
    for (const [id, layout] of layouts)
      for (const view of CAMERA_VIEWS)
        for (const aspect of ASPECTS) {
          const framed = namedView(layout, view, aspect)
          expect(framed.subjects.length, `${id} ${view}`).toBeGreaterThan(0)
          expect(overshoot(framed, aspect), `${id} ${view} at ${aspect}`).toBeLessThan(1e-6)
          // Above the ground under it.
          const [x, y, z] = framed.position
          expect(y, `${id} ${view}`).toBeGreaterThanOrEqual(
            terrainHeightM(layout.terrain, x, z) + CAMERA_CLEARANCE_M - 1e-6,
          )
        }
  }, 30_000)

  it('the overview holds the campus and every supply asset the layout has, with sky above them', () => {
    for (const [id, layout] of layouts) {
      const ids = new Set(viewSubjects(layout, 'overview').map((s) => s.id))
      expect(ids.has('campus'), id).toBe(true)
      if (layout.wind && layout.wind.turbines.length > 0) expect(ids.has('wind'), id).toBe(true)
      if (layout.hydro) expect(ids.has('hydro'), id).toBe(true)
      if (layout.yards.some((y) => y.kind === 'solar')) expect(ids.has('solar'), id).toBe(true)
      if (layout.terrain.shoreZ !== null && layout.terrain.seaLevelYM !== null)
        expect(ids.has('sea'), id).toBe(true)
      // Looking below the horizontal, with the horizon inside the top of the frame.
      const view = namedView(layout, 'overview', 16 / 9)
      const dy = view.target[1] - view.position[1]
      const pitch = Math.atan2(
        -dy,
        Math.hypot(view.target[0] - view.position[0], view.target[2] - view.position[2]),
      )
      expect(pitch, id).toBeGreaterThan(0)
      expect(pitch, id).toBeLessThan((CAMERA_FOV_DEG / 2) * (Math.PI / 180))
    }
    const mixed = new Set(viewSubjects(layouts.get('wind-solar-sea')!, 'overview').map((s) => s.id))
    expect([...mixed].sort()).toEqual(['campus', 'intake', 'sea', 'solar', 'wind'])
  })

  it('"Power feed" shows source, line, substation and campus in one frame', () => {
    for (const [id, layout] of layouts) {
      const ids = viewSubjects(layout, 'power').map((s) => s.id)
      expect(ids, id).toContain('substation')
      expect(ids, id).toContain('campus')
      if (layout.lines.length > 0) expect(ids, id).toContain('line')
      if (layout.hydro) expect(ids, id).toContain('hydro')
      if (layout.wind && layout.wind.turbines.length > 0) expect(ids, id).toContain('wind')
    }
    const norway = layouts.get('norway-hydro')!
    const power = namedView(norway, 'power', 16 / 9)
    expect(power.subjects.map((s) => s.id)).toEqual(
      expect.arrayContaining(['hydro', 'line', 'substation', 'campus']),
    )
  })

  it('fit again when the campus grows: the larger campus is inside, the old camera would cut it', () => {
    const small = { ...DEFAULT_SCENARIO, buildings: 2 }
    const big = { ...DEFAULT_SCENARIO, buildings: 24 }
    const a = layoutOf(small)
    const b = layoutOf(big)
    const campusOf = (l: CampusLayout, v: CameraViewId) =>
      viewSubjects(l, v).find((s) => s.id === 'campus')
    for (const view of ['overview', 'top', 'power'] as const) {
      const before = namedView(a, view, 16 / 9)
      const after = namedView(b, view, 16 / 9)
      expect(overshoot(after, 16 / 9), view).toBeLessThan(1e-6)
      // The grown campus's box seen from the small campus's camera leaves the window.
      const grown = campusOf(b, view)
      expect(grown).toBeDefined()
      let outside = false
      for (const p of grown?.points ?? []) {
        const q = projectPoint(before, p, CAMERA_FOV_DEG, 16 / 9)
        const w = before.window
        if (q.depth <= 0 || q.x > w.x1 || q.x < w.x0 || q.y > w.y1 || q.y < w.y0) outside = true
      }
      expect(outside, view).toBe(true)
    }
  }, 10_000)

  it('are deterministic for the same campus and aspect', () => {
    const layout = layouts.get('stargate-abilene')!
    for (const view of CAMERA_VIEWS)
      expect(namedView(layout, view, 16 / 9)).toEqual(namedView(layout, view, 16 / 9))
  })
})

describe('zoom toward the cursor', () => {
  const layout = (): CampusLayout => layouts.get('stargate-abilene')!
  const pose = (): CameraPose => namedView(layout(), 'overview', 16 / 9)

  it('keeps the point under the cursor where it is on the image', () => {
    const start = pose()
    const ray = rayThrough(start, 0.4, -0.3, CAMERA_FOV_DEG, 16 / 9)
    const point = pickPoint(layout(), ray, 1000)
    const before = projectPoint(start, point, CAMERA_FOV_DEG, 16 / 9)
    expect(before.x).toBeCloseTo(0.4, 3)
    expect(before.y).toBeCloseTo(-0.3, 3)
    const next = zoomToward(layout(), start, point, 0.6, { maxDistanceM: 20_000 })
    expect(next).not.toBeNull()
    const after = projectPoint(next!, point, CAMERA_FOV_DEG, 16 / 9)
    expect(after.x).toBeCloseTo(0.4, 3)
    expect(after.y).toBeCloseTo(-0.3, 3)
    expect(after.depth).toBeCloseTo(before.depth * 0.6, 3)
  })

  it('stops at the closest distance to the point and at the farthest from the target', () => {
    let p: CameraPose = pose()
    const ray = rayThrough(p, 0, -0.2, CAMERA_FOV_DEG, 16 / 9)
    const point = pickPoint(layout(), ray, 1000)
    for (let i = 0; i < 80; i++)
      p = zoomToward(layout(), p, point, 0.7, { maxDistanceM: 5000 }) ?? p
    const d = Math.hypot(
      p.position[0] - point[0],
      p.position[1] - point[1],
      p.position[2] - point[2],
    )
    expect(d).toBeGreaterThanOrEqual(MIN_ZOOM_M - 1e-6)
    expect(d).toBeLessThan(MIN_ZOOM_M * 1.5)
    for (let i = 0; i < 80; i++)
      p = zoomToward(layout(), p, point, 1.4, { maxDistanceM: 5000 }) ?? p
    const toTarget = Math.hypot(
      p.position[0] - p.target[0],
      p.position[1] - p.target[1],
      p.position[2] - p.target[2],
    )
    expect(toTarget).toBeLessThanOrEqual(5000 + 1e-6)
    expect(toTarget).toBeGreaterThan(4000)
  })
})

describe('annotations of a frame', () => {
  const layers = { power: true, cooling: true, compute: true, site: true } as const

  it('labels anchor on the image; the legend knows what reaches the frame', () => {
    const layout = layouts.get('norway-hydro')!
    const overview = namedView(layout, 'overview', 16 / 9)
    const seen = projectAnnotations(layout, overview, CAMERA_FOV_DEG, 1600, 900, layers)
    expect(seen.labels.map((l) => l.id)).toContain('buildings')
    for (const l of seen.labels) {
      expect(l.x).toBeGreaterThanOrEqual(0)
      expect(l.x).toBeLessThanOrEqual(1600)
      expect(l.y).toBeGreaterThanOrEqual(0)
      expect(l.y).toBeLessThanOrEqual(900)
    }
    const inFrame = (id: string, list: typeof seen.assets) =>
      list.some((a) => a.id === id && a.bounds !== null)
    expect(inFrame('buildings', seen.assets)).toBe(true)
    expect(inFrame('hydro', seen.assets)).toBe(true)
    // The hall view is close to one building: the far hydro plant is not in its frame.
    const hall = namedView(layout, 'hall', 16 / 9)
    const close = projectAnnotations(layout, hall, CAMERA_FOV_DEG, 1600, 900, layers)
    expect(inFrame('hydro', close.assets)).toBe(false)
    // A hidden layer has no labels.
    const noPower = projectAnnotations(layout, overview, CAMERA_FOV_DEG, 1600, 900, {
      ...layers,
      power: false,
    })
    expect(noPower.labels.length).toBeLessThan(seen.labels.length)
  })
})
