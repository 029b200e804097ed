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

/**
 * Places every building on its plot, row by row from the north-west corner (ox, oz), each
 * followed in `placed` by its cooling yard (south of it) and its generator yard (north of it).
 * Halls are placed later, inside the buildings.
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
  const { w: bw, d: bd } = plan
  const { generatorD: genD, coolingD } = grid
  for (let b = 0; b < grid.buildings; b++) {
    const { left, top } = plotCorner(grid, b, ox, oz)
    const bx = left + bw / 2
    const bz = top + (genD > 0 ? genD + YARD_GAP_M : 0) + bd / 2
    const rect: Rect = { x: bx, z: bz, w: bw, d: bd }
    buildings.push({
      index: b,
      rect,
      heightM: plan.heightM,
      firstHall: b * plan.halls,
      hallCount: plan.halls,
    })
    placed.footprints.push({ kind: 'building', rect })

    const coolingTop = bz + bd / 2 + YARD_GAP_M
    addYard(
      placed,
      'cooling',
      b,
      { x: bx, z: coolingTop + coolingD / 2, w: bw, d: coolingD },
      left,
      coolingTop,
      cooling.rows,
      coolingRatingMw,
    )
    if (genD > 0) {
      addYard(
        placed,
        'generators',
        b,
        { x: bx, z: top + genD / 2, w: bw, d: genD },
        left,
        top,
        generators.rows,
        generators.generators * UNIT.generator.ratingMw,
      )
    }
  }
  return buildings
}
