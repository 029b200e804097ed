/**
 * Build-out over time in the layout: the complete campus's ground is reserved first, so what
 * each phase builds stands where it will stand when the campus is complete, and each plot gets
 * a build state at the date shown (built, under construction, planned; `plotStatuses`).
 *
 * - `planReserve(phases)`: from every phase's scenario and readouts, the plot grid (as many
 *   plots as the largest phase has buildings, each as large as the largest phase's), the
 *   utility column's blocks (each as large as in any phase), the campus land and the largest
 *   solar field and hydro plant (for the pad and the mountain). `layoutCampus(phase, readouts,
 *   assumptions, reserve)` then lays one phase's campus out on that ground.
 * - `layoutBuildOut(reserve, …)`: the plots not built yet at the date shown, with where their
 *   building and yards will stand and how far along they are, for the scene's site works,
 *   steel frames, cranes and outlines (src/scene/Construction.tsx).
 */
import { monthIndex, type Scenario } from '../model'
import { STREET_M } from './dimensions'
import { frameCampus, type CampusFrame } from './fence'
import { planCampus, type LayoutReadouts } from './layoutCampus'
import { planPlotGrid, plotRects, plotStatuses, type PlotGrid, type PlotState } from './plots'
import type { Rect } from './types'
import type { ColumnBlock, ColumnBlockKind } from './utilityColumn'

/** One phase's building, as the reserve remembers it (for the plots it brings online). */
export interface PhaseBuilding {
  readonly buildings: number
  readonly w: number
  readonly d: number
  readonly heightM: number
  /** `YYYY-MM`; null for a scenario without phases. */
  readonly online: string | null
}

/** The ground every phase of a campus is laid out on (see the module's comment). */
export interface CampusReserve {
  /** Plots for the most buildings any phase has, each as large as the largest phase's. */
  readonly grid: PlotGrid
  /** The utility column's blocks, north to south, each as large as in any phase. */
  readonly blocks: readonly ColumnBlock[]
  readonly columnW: number
  readonly columnD: number
  /** The most campus land any phase needs, hectares. */
  readonly siteAreaHa: number
  /** The largest solar field and hydro plant of any phase, MW (the pad and the mountain). */
  readonly solarMw: number
  readonly hydroMw: number
  readonly phases: readonly PhaseBuilding[]
}

/** One phase as the reserve is planned from: its campus and that campus's readouts. */
export interface ReservePhase {
  readonly scenario: Scenario
  readonly readouts: LayoutReadouts
  readonly online: string | null
}

const BLOCK_ORDER: readonly ColumnBlockKind[] = ['substation', 'gas', 'battery', 'entrance']

/** Plans the ground for every phase of a campus (the module's comment). Pure. */
export function planReserve(phases: readonly ReservePhase[]): CampusReserve {
  const plans = phases.map((p) => planCampus(p.scenario, p.readouts))
  let buildings = 1
  let w = 0
  let d = 0
  let coolingD = 0
  let generatorD = 0
  let siteAreaHa = 0
  let solarMw = 0
  let hydroMw = 0
  const blocks = new Map<ColumnBlockKind, { w: number; d: number }>()
  plans.forEach((plan, i) => {
    const phase = phases[i]
    if (phase === undefined) return
    buildings = Math.max(buildings, phase.scenario.buildings)
    w = Math.max(w, plan.building.w)
    d = Math.max(d, plan.building.d)
    coolingD = Math.max(coolingD, plan.cooling.d)
    generatorD = Math.max(generatorD, plan.generators.d)
    siteAreaHa = Math.max(siteAreaHa, phase.readouts.siteAreaHa)
    solarMw = Math.max(solarMw, phase.scenario.power.solarMw)
    hydroMw = Math.max(hydroMw, phase.scenario.power.hydroMw)
    for (const block of plan.column.blocks) {
      const seen = blocks.get(block.kind)
      blocks.set(block.kind, {
        w: Math.max(seen?.w ?? 0, block.w),
        d: Math.max(seen?.d ?? 0, block.d),
      })
    }
  })
  const column: ColumnBlock[] = []
  for (const kind of BLOCK_ORDER) {
    const size = blocks.get(kind)
    if (size !== undefined) column.push({ kind, w: size.w, d: size.d })
  }
  return {
    grid: planPlotGrid(buildings, w, coolingD, d, generatorD),
    blocks: column,
    columnW: Math.max(0, ...column.map((b) => b.w)),
    columnD: column.reduce((sum, b) => sum + b.d, 0) + (column.length - 1) * STREET_M,
    siteAreaHa,
    solarMw,
    hydroMw,
    phases: phases.map((p, i) => ({
      buildings: p.scenario.buildings,
      w: plans[i]?.building.w ?? 0,
      d: plans[i]?.building.d ?? 0,
      heightM: plans[i]?.building.heightM ?? 0,
      online: p.online,
    })),
  }
}

/** The campus frame on the reserved ground: the same one `layoutCampus` computes with it. */
export function reserveFrame(reserve: CampusReserve): CampusFrame {
  return frameCampus(
    reserve.grid.w,
    reserve.grid.d,
    reserve.columnW,
    reserve.columnD,
    reserve.siteAreaHa,
  )
}

/** A plot that is not built yet at the date shown: where it will stand and how far along it is. */
export interface PlotBuild {
  /** Plot index = the building's index once built. */
  readonly index: number
  readonly state: Exclude<PlotState, 'built'>
  /** The phase that brings it online, and when. */
  readonly phase: number
  readonly online: string
  /** 0 … 1 for construction (see `PlotStatus`); 0 when planned. */
  readonly progress: number
  readonly plot: Rect
  readonly building: Rect
  readonly heightM: number
  readonly cooling: Rect
  readonly generators: Rect | null
}

/** The build-out at the date shown: plots under construction and planned, and the counts. */
export interface BuildOut {
  /** The date shown, `YYYY-MM`. */
  readonly month: string
  readonly shown: number
  readonly built: number
  readonly construction: number
  readonly planned: number
  /** The plots not built yet, by plot index. */
  readonly plots: readonly PlotBuild[]
}

/**
 * The plots of a phased campus not yet built at `month` (`YYYY-MM`) with phase `shown` in
 * force, their build state by the rule of `plotStatuses`, and where each building and its yards
 * will stand (the size of the phase that brings it online). Pure.
 */
export function layoutBuildOut(reserve: CampusReserve, shown: number, month: string): BuildOut {
  const { ox, oz } = reserveFrame(reserve)
  const statuses = plotStatuses(
    reserve.phases.map((p) => p.buildings),
    reserve.phases.map((p) => (p.online === null ? 0 : monthIndex(p.online))),
    shown,
    monthIndex(month),
  )
  const plots: PlotBuild[] = []
  let built = 0
  let construction = 0
  let planned = 0
  statuses.forEach((status, b) => {
    if (status === null) return
    if (status.state === 'built') {
      built++
      return
    }
    if (status.state === 'construction') construction++
    else planned++
    const phase = reserve.phases[status.phase]
    if (phase === undefined) return
    const parts = plotRects(reserve.grid, b, ox, oz, phase.w, phase.d)
    plots.push({
      index: b,
      state: status.state,
      phase: status.phase,
      online: phase.online ?? month,
      progress: status.progress,
      plot: parts.plot,
      building: parts.building,
      heightM: phase.heightM,
      cooling: parts.cooling,
      generators: parts.generators,
    })
  })
  return { month, shown, built, construction, planned, plots }
}
