/**
 * Plots: one per building, on a grid with streets between. A plot is as wide as its building
 * and holds, north to south, the building's generator yard, the building, and its cooling
 * yard (south, toward the usual view).
 */
import { STREET_M, UNIT, YARD_GAP_M } from './dimensions'
import type { BuildingPlan } from './buildings'
import { addYard, type CoolingYardPlan, type GeneratorYardPlan, type Placed } from './yards'
import type { BuildingLayout, Rect } from './types'

/** The grid of plots, metres; `placePlots` puts its north-west corner at (ox, oz). */
export interface PlotGrid {
  readonly buildings: number
  readonly cols: number
  readonly rows: number
  readonly plotW: number
  readonly plotD: number
  readonly w: number
  readonly d: number
  /** Depth of the generator yard and of the cooling yard in each plot (0: none). */
  readonly generatorD: number
  readonly coolingD: number
}

/** Plot depth: generator yard, building and cooling yard, with gaps between. */
export function plotDepthM(buildingD: number, coolingD: number, generatorD: number): number {
  return coolingD + YARD_GAP_M + buildingD + (generatorD > 0 ? YARD_GAP_M + generatorD : 0)
}

/**
 * Lays `buildings` plots on a grid about 1.6 times as wide as deep; of the column counts
 * within two of that, prefers one that leaves fewer plots of the last row empty.
 */
export function planPlotGrid(
  buildings: number,
  plotW: number,
  coolingD: number,
  buildingD: number,
  generatorD: number,
): PlotGrid {
  const B = buildings
  const plotD = plotDepthM(buildingD, coolingD, generatorD)
  const idealCols = Math.sqrt((B * (plotD + STREET_M) * 1.6) / (plotW + STREET_M))
  let cols = Math.min(B, Math.max(1, Math.round(idealCols)))
  const empty = (n: number) => Math.ceil(B / n) * n - B
  for (let c = Math.max(1, cols - 2); c <= Math.min(B, cols + 2); c++) {
    if (
      empty(c) < empty(cols) ||
      (empty(c) === empty(cols) && Math.abs(c - idealCols) < Math.abs(cols - idealCols))
    )
      cols = c
  }
  const rows = Math.ceil(B / cols)
  return {
    buildings: B,
    cols,
    rows,
    plotW,
    plotD,
    w: cols * plotW + (cols - 1) * STREET_M,
    d: rows * plotD + (rows - 1) * STREET_M,
    generatorD,
    coolingD,
  }
}

/** The top-left corner of plot `b` when the grid's top-left corner is at (ox, oz). */
export function plotCorner(
  grid: PlotGrid,
  b: number,
  ox: number,
  oz: number,
): { readonly left: number; readonly top: number } {
  return {
    left: ox + (b % grid.cols) * (grid.plotW + STREET_M),
    top: oz + Math.floor(b / grid.cols) * (grid.plotD + STREET_M),
  }
}

/** Where a plot's parts stand: the whole plot, its building, its cooling and generator yards. */
export interface PlotRects {
  readonly plot: Rect
  readonly building: Rect
  readonly cooling: Rect
  /** Null when the grid has no generator band. */
  readonly generators: Rect | null
}

/**
 * The parts of plot `b` for a building `bw` × `bd` (the grid's top-left corner at (ox, oz)):
 * the generator yard along the north edge, the building below it, the cooling yard south of the
 * building, each as wide as the building and as deep as the grid's bands.
 */
export function plotRects(
  grid: PlotGrid,
  b: number,
  ox: number,
  oz: number,
  bw: number,
  bd: number,
): PlotRects {
  const { left, top } = plotCorner(grid, b, ox, oz)
  const { generatorD: genD, coolingD } = grid
  const bx = left + bw / 2
  const bz = top + (genD > 0 ? genD + YARD_GAP_M : 0) + bd / 2
  const coolingTop = bz + bd / 2 + YARD_GAP_M
  return {
    plot: { x: left + grid.plotW / 2, z: top + grid.plotD / 2, w: grid.plotW, d: grid.plotD },
    building: { x: bx, z: bz, w: bw, d: bd },
    cooling: { x: bx, z: coolingTop + coolingD / 2, w: bw, d: coolingD },
    generators: genD > 0 ? { x: bx, z: top + genD / 2, w: bw, d: genD } : null,
  }
}

/**
 * Places every building on its plot, row by row from the north-west corner (ox, oz), each
 * followed in `placed` by its cooling yard (south of it) and its generator yard (north of it).
 * Halls are placed later, inside the buildings. The grid may be larger than the buildings need
 * (a build-out reserves the complete campus's plots): each building keeps its plot's corner.
 */
export function placePlots(
  grid: PlotGrid,
  plan: BuildingPlan,
  cooling: CoolingYardPlan,
  generators: GeneratorYardPlan,
  coolingRatingMw: number,
  ox: number,
  oz: number,
  placed: Placed,
): BuildingLayout[] {
  const buildings: BuildingLayout[] = []
  for (let b = 0; b < grid.buildings; b++) {
    const { left, top } = plotCorner(grid, b, ox, oz)
    const parts = plotRects(grid, b, ox, oz, plan.w, plan.d)
    const rect = parts.building
    buildings.push({
      index: b,
      rect,
      heightM: plan.heightM,
      firstHall: b * plan.halls,
      hallCount: plan.halls,
    })
    placed.footprints.push({ kind: 'building', rect })
    addYard(
      placed,
      'cooling',
      b,
      parts.cooling,
      left,
      parts.cooling.z - parts.cooling.d / 2,
      cooling.rows,
      coolingRatingMw,
    )
    if (parts.generators !== null && generators.generators > 0) {
      addYard(
        placed,
        'generators',
        b,
        parts.generators,
        left,
        top,
        generators.rows,
        generators.generators * UNIT.generator.ratingMw,
      )
    }
  }
  return buildings
}

// ---------------------------------------------------------------------------------------------
// Build-out: the state of each plot at a date

/** What stands on a plot at the date shown. */
export type PlotState = 'built' | 'construction' | 'planned'

/**
 * Months before it comes online that a building is shown under construction: about what the
 * first Stargate buildings took from ground-breaking to power (Abilene: June 2024 to the first
 * half of 2025; docs/PHASES.md).
 */
export const CONSTRUCTION_MONTHS = 18

/** The state of one plot, and the phase that brings its building online. */
export interface PlotStatus {
  readonly state: PlotState
  /** The first phase whose campus has this building. */
  readonly phase: number
  /**
   * For a plot under construction, how far along it is: 0 at ground-breaking
   * (`CONSTRUCTION_MONTHS` before it comes online) to 1 when it comes online; 1 when built,
   * 0 when planned.
   */
  readonly progress: number
}

/**
 * The build state of every plot of a phased campus at month `month` (months as numbers,
 * `monthIndex`), with phase `shown` the one in force. Plot b belongs to the first phase whose
 * campus has more than b buildings. It is **built** when the shown phase has it; **under
 * construction** when the next phase brings it online within `CONSTRUCTION_MONTHS` of `month`;
 * otherwise **planned** (a later phase builds it). A plot no later phase has (the campus
 * shrinks) is left out: null. `buildings[i]` and `online[i]` are phase i's building count and
 * month.
 */
export function plotStatuses(
  buildings: readonly number[],
  online: readonly number[],
  shown: number,
  month: number,
): (PlotStatus | null)[] {
  const plots = Math.max(0, ...buildings)
  const out: (PlotStatus | null)[] = []
  const shownBuildings = buildings[shown] ?? 0
  for (let b = 0; b < plots; b++) {
    const first = buildings.findIndex((n) => n > b)
    if (b < shownBuildings) {
      out.push({ state: 'built', phase: first, progress: 1 })
      continue
    }
    const next = buildings.findIndex((n, i) => i > shown && n > b)
    if (next < 0) {
      out.push(null)
      continue
    }
    const monthsLeft = (online[next] ?? Infinity) - month
    if (next === shown + 1 && monthsLeft <= CONSTRUCTION_MONTHS) {
      const progress = Math.min(1, Math.max(0, 1 - monthsLeft / CONSTRUCTION_MONTHS))
      out.push({ state: 'construction', phase: next, progress })
    } else out.push({ state: 'planned', phase: next, progress: 0 })
  }
  return out
}
