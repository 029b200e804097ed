/**
 * Built detail of the plant that follows from what is already placed: gas-turbine exhaust
 * stacks, red obstruction lights on wind turbines and tall stacks, and a pipe rack from each
 * building to its cooling yard.
 */
import { UNIT, YARD_GAP_M } from './dimensions'
import { AVIATION_LIGHT_MIN_M, GAS_STACK, PIPE_RACK, pipesFor } from './equipment'
import { unitCentre } from './geometry'
import type { Placed } from './yards'
import type {
  AviationLight,
  BuildingLayout,
  PipeRack,
  Stack,
  UnitRow,
  WindFarm,
  Yard,
} from './types'

/** One exhaust stack per gas turbine package, at its south (exhaust) end. */
export function gasStacks(unitRows: readonly UnitRow[]): Stack[] {
  const stacks: Stack[] = []
  const unit = UNIT['gas-turbine']
  for (const row of unitRows) {
    if (row.kind !== 'gas-turbine') continue
    for (let i = 0; i < row.count; i++) {
      const c = unitCentre(row, i)
      stacks.push({
        x: c.x,
        z: c.z + unit.d / 2 - GAS_STACK.diameterM / 2 - 0.6,
        heightM: GAS_STACK.heightM,
        diameterM: GAS_STACK.diameterM,
      })
    }
  }
  return stacks
}

/** A light on top of every nacelle (over the tower's axis) and on every stack ≥ 30 m. */
export function aviationLights(wind: WindFarm | null, stacks: readonly Stack[]): AviationLight[] {
  const lights: AviationLight[] = []
  if (wind)
    for (const t of wind.turbines)
      lights.push({ x: t.x, z: t.z, heightM: wind.hubHeightM + wind.nacelleHeightM / 2 + 0.4 })
  for (const s of stacks)
    if (s.heightM >= AVIATION_LIGHT_MIN_M) lights.push({ x: s.x, z: s.z, heightM: s.heightM + 0.4 })
  return lights
}

/**
 * A pipe rack in the gap between each building and its cooling yard (south of it), as wide as
 * the building less 4 m each end, carrying the supply and return pipes for the yard's heat.
 */
export function layoutPipeRacks(
  buildings: readonly BuildingLayout[],
  yards: readonly Yard[],
  placed: Placed,
): PipeRack[] {
  const racks: PipeRack[] = []
  for (const yard of yards) {
    if (yard.kind !== 'cooling' || yard.building === null) continue
    const b = buildings[yard.building]
    if (!b) continue
    const { perDirection, boreM } = pipesFor(yard.ratingMw)
    const pipes = 2 * perDirection
    // Pipes side by side with 0.4 m between, on as many levels as the gap needs.
    const across = PIPE_RACK.maxDepthM - 0.4
    const levels = Math.ceil((pipes * (boreM + 0.4)) / across)
    const perLevel = Math.ceil(pipes / levels)
    const rect = {
      x: b.rect.x,
      z: b.rect.z + b.rect.d / 2 + YARD_GAP_M / 2,
      w: Math.max(PIPE_RACK.bayM, b.rect.w - 8),
      d: Math.max(PIPE_RACK.depthM, perLevel * (boreM + 0.4) + 0.4),
    }
    racks.push({
      building: b.index,
      rect,
      heightM: PIPE_RACK.heightM,
      pipes,
      boreM,
      levels,
    })
    placed.footprints.push({ kind: 'piperack', rect })
  }
  return racks
}
