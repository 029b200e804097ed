/**
 * Yards: rectangles of identical units in rows (cooling and generator yards beside each
 * building, gas turbines and batteries in the utility column, the substation's transformers,
 * solar blocks). Sizing each yard from the readouts, packing its units into rows, and
 * recording placed yards with their unit rows and footprints.
 */
import type { CoolingId, PowerSupply } from '../model'
import { BATTERY_MWH_PER_UNIT, LANE_M, SINK_UNIT, UNIT } from './dimensions'
import { INVERTER_SKID } from './equipment'
import type { Footprint, Rect, UnitKind, UnitRow, Yard, YardKind } from './types'

/** One row of units, `dz` metres from the top (north) edge of its packing to its centre line. */
export interface PackedRow {
  readonly kind: UnitKind
  readonly count: number
  readonly dz: number
}

/** Units packed in rows: the rows, and the width and depth they take, metres. */
export interface Packing {
  readonly rows: readonly PackedRow[]
  readonly w: number
  readonly d: number
}

/**
 * Appends rows of at most `perRow` units of a kind to `rows`, starting `d0` metres down (a
 * service lane separates each row from what is above it); returns the depth reached.
 */
export function packRows(
  kind: UnitKind,
  count: number,
  perRow: number,
  rows: PackedRow[],
  d0 = 0,
): number {
  const unit = UNIT[kind]
  let d = d0
  let left = count
  while (left > 0) {
    if (d > 0) d += LANE_M[kind]
    const n = Math.min(perRow, left)
    rows.push({ kind, count: n, dz: d + unit.d / 2 })
    d += unit.d
    left -= n
  }
  return d
}

/** How many units of a kind fit side by side in `widthM` (at least one). */
export function perRowIn(widthM: number, kind: UnitKind): number {
  return Math.max(1, Math.floor(widthM / UNIT[kind].pitchM))
}

/** A square-ish yard of `count` units of one kind. */
export function squareYard(kind: UnitKind, count: number): Packing {
  const unit = UNIT[kind]
  const perRow = Math.max(1, Math.ceil(Math.sqrt((count * (unit.d + LANE_M[kind])) / unit.pitchM)))
  const rows: PackedRow[] = []
  const d = packRows(kind, count, perRow, rows)
  return { rows, w: Math.min(perRow, count) * unit.pitchM, d }
}

/** A building's cooling yard: heat-rejection units, then chillers, in rows as wide as it. */
export interface CoolingYardPlan extends Packing {
  readonly sinkKind: UnitKind
  readonly sinkUnits: number
  readonly chillers: number
}

/**
 * Sizes one building's cooling yard: heat-rejection units of the technology's sink for the
 * design heat the chillers do not carry, then chillers for `chillerCapacityMwTh`, the
 * campus's share split evenly over its buildings. At least one sink unit.
 */
export function planCoolingYard(
  cooling: CoolingId,
  coolingDesignMwTh: number,
  chillerCapacityMwTh: number,
  buildings: number,
  widthM: number,
): CoolingYardPlan {
  const sinkKind = SINK_UNIT[cooling]
  const chillerMw = Math.max(0, chillerCapacityMwTh)
  const sinkMw = Math.max(0, coolingDesignMwTh - chillerMw)
  const sinkUnits = Math.max(1, Math.ceil(sinkMw / UNIT[sinkKind].ratingMw / buildings))
  const chillers = chillerMw > 0 ? Math.ceil(chillerMw / UNIT.chiller.ratingMw / buildings) : 0
  const rows: PackedRow[] = []
  let d = packRows(sinkKind, sinkUnits, perRowIn(widthM, sinkKind), rows)
  if (chillers > 0) d = packRows('chiller', chillers, perRowIn(widthM, 'chiller'), rows, d)
  return { rows, w: widthM, d, sinkKind, sinkUnits, chillers }
}

/** A building's standby generator yard: its share of the model's generators, in rows. */
export interface GeneratorYardPlan extends Packing {
  readonly generators: number
}

/** Sizes one building's generator yard (depth 0 when the campus has no generators). */
export function planGeneratorYard(
  backupGenerators: number,
  buildings: number,
  widthM: number,
): GeneratorYardPlan {
  const generators = Math.ceil(backupGenerators / buildings)
  const rows: PackedRow[] = []
  const d = packRows('generator', generators, perRowIn(widthM, 'generator'), rows)
  return { rows, w: widthM, d, generators }
}

/** Gas turbine packages for `gasMw`, a square yard; null without gas. */
export function planGasYard(power: Pick<PowerSupply, 'gasMw'>): Packing | null {
  const units = Math.ceil(power.gasMw / UNIT['gas-turbine'].ratingMw)
  return units > 0 ? squareYard('gas-turbine', units) : null
}

/** A battery yard: containers in pairs of rows with inverter skids between each pair. */
export interface BatteryYardPlan extends Packing {
  /** Inverter skid centres from the packing's top-left corner, metres. */
  readonly skids: readonly { readonly x: number; readonly z: number }[]
}

/** Clearance each side of the inverter skids between a pair of container rows, metres. */
const SKID_CLEARANCE_M = 0.6

/**
 * Battery containers for `batteryMwh` in a square-ish yard: rows in back-to-back pairs with
 * a band between them for the inverter skids, one skid for every two columns of a pair (four
 * containers, a 4 MW power conversion station for 16 MWh at four hours); null without a
 * battery.
 */
export function planBatteryYard(power: Pick<PowerSupply, 'batteryMwh'>): BatteryYardPlan | null {
  const units = Math.ceil(power.batteryMwh / BATTERY_MWH_PER_UNIT)
  if (units <= 0) return null
  const unit = UNIT.battery
  const band = INVERTER_SKID.d + 2 * SKID_CLEARANCE_M
  const pairD = 2 * unit.d + band + LANE_M.battery
  const perRow = Math.max(1, Math.ceil(Math.sqrt((units * pairD) / 2 / unit.pitchM)))
  const rows: PackedRow[] = []
  const skids: { x: number; z: number }[] = []
  let d = 0
  for (let left = units; left > 0;) {
    if (d > 0) d += LANE_M.battery
    const a = Math.min(perRow, left)
    const b = Math.min(perRow, left - a)
    rows.push({ kind: 'battery', count: a, dz: d + unit.d / 2 })
    if (b > 0) rows.push({ kind: 'battery', count: b, dz: d + unit.d + band + unit.d / 2 })
    const skidZ = d + unit.d + band / 2
    // Centred between columns c and c + 1 (past the last column when it stands alone).
    for (let c = 0; c < a; c += 2) skids.push({ x: (c + 1) * unit.pitchM, z: skidZ })
    d += b > 0 ? 2 * unit.d + band : unit.d + band
    left -= a + b
  }
  return { rows, w: Math.min(perRow, units) * unit.pitchM, d, skids }
}

/** What has been placed so far: yards, their unit rows, and every solid footprint. */
export interface Placed {
  readonly yards: Yard[]
  readonly unitRows: UnitRow[]
  readonly footprints: Footprint[]
}

export function emptyPlaced(): Placed {
  return { yards: [], unitRows: [], footprints: [] }
}

/**
 * Records a yard: its rectangle, and its packed rows with their left edge at `left` and the
 * packing's top at `top`. Returns the yard.
 */
export function addYard(
  placed: Placed,
  kind: YardKind,
  building: number | null,
  rect: Rect,
  left: number,
  top: number,
  rows: readonly PackedRow[],
  ratingMw: number,
): Yard {
  const { yards, unitRows, footprints } = placed
  const firstRow = unitRows.length
  let units = 0
  for (const row of rows) {
    const pitch = UNIT[row.kind].pitchM
    unitRows.push({
      kind: row.kind,
      yard: yards.length,
      x: left + (row.count * pitch) / 2,
      z: top + row.dz,
      count: row.count,
      pitchM: pitch,
    })
    units += row.count
  }
  const yard: Yard = {
    index: yards.length,
    kind,
    building,
    rect,
    firstRow,
    rowCount: rows.length,
    units,
    ratingMw,
  }
  yards.push(yard)
  footprints.push({ kind: 'yard', rect })
  return yard
}
