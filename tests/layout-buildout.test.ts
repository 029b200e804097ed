import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  CONSTRUCTION_MONTHS,
  layoutBuildOut,
  layoutCampus,
  planReserve,
  plotStatuses,
  rectContains,
  rectsOverlap,
  type CampusReserve,
  type LayoutReadouts,
} from '../src/layout'
import {
  monthIndex,
  monthText,
  parseScenario,
  phasesOf,
  simulate,
  type Scenario,
} from '../src/model'
import { syntheticClimate } from './helpers/syntheticClimate'

/**
 * Build-out in the layout (src/layout/buildOut.ts, plots.ts): every phase is laid out on the
 * complete campus's ground, so a building stands where it will stand when the campus is
 * complete; the plots not built yet at a date are under construction or planned by the stated
 * rule, inside the fence and clear of what is built. Invariants on the phased presets.
 */

function preset(file: string): Scenario {
  const result = parseScenario(JSON.parse(readFileSync(`public/scenarios/${file}`, 'utf8')))
  if (!result.ok) throw new Error(`${file} does not parse`)
  return result.scenario
}

interface Phased {
  scenario: Scenario
  readouts: LayoutReadouts[]
  reserve: CampusReserve
}

function phased(scenario: Scenario): Phased {
  const climate = syntheticClimate(scenario.site)
  const views = phasesOf(scenario)
  const readouts = views.map((v) => simulate(v.scenario, climate).readouts)
  const reserve = planReserve(
    views.map((v, i) => ({
      scenario: v.scenario,
      readouts: readouts[i] as LayoutReadouts,
      online: v.online,
    })),
  )
  return { scenario, readouts, reserve }
}

const PRESETS = ['stargate-norway-phased.json', 'stargate-abilene-phased.json'] as const

describe('build-out: every phase on the complete campus’s ground', () => {
  for (const file of PRESETS) {
    it(`${file}: each building stands where it stands when complete`, { timeout: 10_000 }, () => {
      const { scenario, readouts, reserve } = phased(preset(file))
      const views = phasesOf(scenario)
      const layouts = views.map((v, i) =>
        layoutCampus(v.scenario, readouts[i] as LayoutReadouts, undefined, reserve),
      )
      const last = layouts[layouts.length - 1]
      if (last === undefined) throw new Error('no phases')
      layouts.forEach((layout, i) => {
        expect(layout.buildings).toHaveLength(views[i]?.scenario.buildings ?? -1)
        // The same fence in every phase: the ground is reserved once.
        expect(layout.fence).toEqual(last.fence)
        for (const b of layout.buildings) {
          const complete = last.buildings[b.index]
          expect(complete).toBeDefined()
          // Same corner (a smaller building in an early phase keeps its plot's corner).
          expect(b.rect.x - b.rect.w / 2).toBeCloseTo(
            (complete?.rect.x ?? 0) - (complete?.rect.w ?? 0) / 2,
            6,
          )
          expect(rectContains(layout.fence, b.rect)).toBe(true)
        }
      })
    })
  }
})

describe('build-out at a date', () => {
  const norway = phased(preset('stargate-norway-phased.json'))
  const views = phasesOf(norway.scenario)
  const months = views.map((v) => monthIndex(v.online ?? '2026-01'))
  const most = Math.max(...views.map((v) => v.scenario.buildings))

  it('counts every plot once; not-built plots lie inside the fence, clear of the buildings', () => {
    views.forEach((view, shown) => {
      const layout = layoutCampus(
        view.scenario,
        norway.readouts[shown] as LayoutReadouts,
        undefined,
        norway.reserve,
      )
      const start = months[shown] ?? 0
      const end = (months[shown + 1] ?? start + 1) - 1
      for (let m = start; m <= end; m += 3) {
        const out = layoutBuildOut(norway.reserve, shown, monthText(m))
        expect(out.built).toBe(view.scenario.buildings)
        expect(out.built + out.construction + out.planned).toBe(most)
        expect(out.plots).toHaveLength(out.construction + out.planned)
        for (const p of out.plots) {
          expect(p.index).toBeGreaterThanOrEqual(out.built)
          expect(rectContains(layout.fence, p.plot)).toBe(true)
          expect(rectContains(p.plot, p.building)).toBe(true)
          for (const b of layout.buildings) expect(rectsOverlap(b.rect, p.building)).toBe(false)
          if (p.state === 'construction') {
            expect(p.progress).toBeGreaterThanOrEqual(0)
            expect(p.progress).toBeLessThanOrEqual(1)
            expect(monthIndex(p.online) - m).toBeLessThanOrEqual(CONSTRUCTION_MONTHS)
          } else expect(monthIndex(p.online) - m).toBeGreaterThan(CONSTRUCTION_MONTHS)
        }
        // Deterministic: the same input gives the same build-out.
        expect(layoutBuildOut(norway.reserve, shown, monthText(m))).toEqual(out)
      }
    })
  })

  it('construction only advances with the date, and the last phase leaves nothing to build', () => {
    const shown = 1
    let before = -1
    for (let m = months[1] ?? 0; m < (months[2] ?? 0); m++) {
      const out = layoutBuildOut(norway.reserve, shown, monthText(m))
      const progress = out.plots.reduce((sum, p) => sum + p.progress, 0)
      expect(progress).toBeGreaterThanOrEqual(before)
      before = progress
    }
    expect(before).toBeGreaterThan(0)
    const done = layoutBuildOut(norway.reserve, views.length - 1, monthText(months.at(-1) ?? 0))
    expect(done).toMatchObject({ construction: 0, planned: 0, built: most, plots: [] })
  })
})

describe('plotStatuses: the rule', () => {
  // Phases: 1 building (month 0), 3 (month 12), 6 (month 48).
  const buildings = [1, 3, 6]
  const online = [0, 12, 48]

  it('built, under construction within the window, planned beyond it', () => {
    const states = plotStatuses(buildings, online, 0, 0).map((s) => s?.state)
    expect(states).toEqual([
      'built',
      'construction',
      'construction',
      'planned',
      'planned',
      'planned',
    ])
    // 12 of 18 months to go: a third of the way.
    expect(plotStatuses(buildings, online, 0, 0)[1]?.progress).toBeCloseTo(1 / 3, 9)
    // Phase 3's plots start CONSTRUCTION_MONTHS before they come online, not sooner.
    const at = (m: number) => plotStatuses(buildings, online, 1, m)[5]?.state
    expect(at(48 - CONSTRUCTION_MONTHS - 1)).toBe('planned')
    expect(at(48 - CONSTRUCTION_MONTHS)).toBe('construction')
  })

  it('a campus that shrinks leaves the plots no later phase has out', () => {
    const statuses = plotStatuses([4, 2], [0, 12], 1, 12)
    expect(statuses.map((s) => s?.state ?? null)).toEqual(['built', 'built', null, null])
  })
})
