import {
  RACK_D_M,
  RACK_H_M,
  RACK_W_M,
  UNIT,
  terrainHeightM,
  type CampusLayout,
  type Rect,
  type UnitKind,
  type UnitRow,
} from '../layout'
import type { SelectKind } from '../state'
import { boxData, putBox, type BoxData } from './Boxes'

/** Roof slab thickness and the slab yards stand on, metres. */
export const ROOF_M = 0.6
export const SLAB_M = 0.3
const WALL_M = 0.6

/** Solid buildings (roof on). */
export function buildingSolids(layout: CampusLayout): BoxData {
  const data = boxData(layout.buildings.length)
  layout.buildings.forEach((b, i) =>
    putBox(data, i, b.rect.x, b.heightM / 2, b.rect.z, b.rect.w, b.heightM, b.rect.d),
  )
  return data
}

/**
 * Buildings with the roof cut away over the halls: four walls and the roof minus the hall
 * openings, split into rectangles along the halls' x edges.
 */
export function buildingShells(layout: CampusLayout): BoxData {
  const boxes: number[][] = []
  for (const b of layout.buildings) {
    const { x, z, w, d } = b.rect
    const h = b.heightM
    boxes.push(
      [x, h / 2, z - d / 2 + WALL_M / 2, w, h, WALL_M],
      [x, h / 2, z + d / 2 - WALL_M / 2, w, h, WALL_M],
      [x - w / 2 + WALL_M / 2, h / 2, z, WALL_M, h, d - 2 * WALL_M],
      [x + w / 2 - WALL_M / 2, h / 2, z, WALL_M, h, d - 2 * WALL_M],
    )
    const halls = layout.halls.slice(b.firstHall, b.firstHall + b.hallCount).map((hl) => hl.rect)
    for (const piece of roofPieces(b.rect, halls))
      boxes.push([piece.x, h - ROOF_M / 2, piece.z, piece.w, ROOF_M, piece.d])
  }
  const data = boxData(boxes.length)
  boxes.forEach((v, i) =>
    putBox(data, i, v[0] ?? 0, v[1] ?? 0, v[2] ?? 0, v[3] ?? 0, v[4] ?? 0, v[5] ?? 0),
  )
  return data
}

/** The roof rectangle minus the hall openings, as non-overlapping rectangles. */
export function roofPieces(roof: Rect, holes: readonly Rect[]): Rect[] {
  const x0 = roof.x - roof.w / 2
  const x1 = roof.x + roof.w / 2
  const z0 = roof.z - roof.d / 2
  const z1 = roof.z + roof.d / 2
  const xs = new Set<number>([x0, x1])
  for (const h of holes) {
    xs.add(h.x - h.w / 2)
    xs.add(h.x + h.w / 2)
  }
  const cuts = [...xs].sort((a, b) => a - b)
  const pieces: Rect[] = []
  for (let i = 0; i + 1 < cuts.length; i++) {
    const a = cuts[i] ?? 0
    const b = cuts[i + 1] ?? 0
    if (b - a < 1e-6) continue
    const mid = (a + b) / 2
    const covering = holes
      .filter((h) => Math.abs(h.x - mid) < h.w / 2)
      .map((h) => [h.z - h.d / 2, h.z + h.d / 2] as const)
      .sort((p, q) => p[0] - q[0])
    let z = z0
    for (const [top, bottom] of covering) {
      if (top > z) pieces.push({ x: mid, z: (z + top) / 2, w: b - a, d: top - z })
      z = Math.max(z, bottom)
    }
    if (z1 > z) pieces.push({ x: mid, z: (z + z1) / 2, w: b - a, d: z1 - z })
  }
  return pieces
}

/** Open-topped hall boxes from the hall floor up to the roof. */
export function hallPits(layout: CampusLayout): BoxData {
  const data = boxData(layout.halls.length)
  layout.halls.forEach((hall, i) => {
    const top = (layout.buildings[hall.building]?.heightM ?? hall.floorYM * 2) - ROOF_M
    const h = top - hall.floorYM
    putBox(data, i, hall.rect.x, hall.floorYM + h / 2, hall.rect.z, hall.rect.w, h, hall.rect.d)
  })
  return data
}

/** Every rack row as one long box (the far level of detail). */
export function rowBoxes(layout: CampusLayout): BoxData {
  const data = boxData(layout.rackRows.length)
  layout.rackRows.forEach((row, i) => {
    const hall = layout.halls[row.hall]
    const y = (hall?.floorYM ?? 0) + RACK_H_M / 2
    putBox(
      data,
      i,
      row.x,
      y,
      row.z,
      row.racks * RACK_W_M,
      RACK_H_M,
      RACK_D_M,
      row.facing > 0 ? 0 : Math.PI,
    )
  })
  return data
}

/** Unit rows of one kind as boxes standing on their yard slab. */
export function unitBoxes(rows: readonly UnitRow[]): BoxData {
  const data = boxData(rows.length)
  rows.forEach((row, i) => {
    const unit = UNIT[row.kind]
    putBox(data, i, row.x, SLAB_M + unit.h / 2, row.z, row.count * row.pitchM, unit.h, unit.d)
  })
  return data
}

export function rowsByKind(layout: CampusLayout): Map<UnitKind, UnitRow[]> {
  const map = new Map<UnitKind, UnitRow[]>()
  for (const row of layout.unitRows) {
    const list = map.get(row.kind)
    if (list) list.push(row)
    else map.set(row.kind, [row])
  }
  return map
}

/** Unit centres of some rows (for fan stacks, exhaust stacks). */
export function unitCentres(rows: readonly UnitRow[]): { x: number; z: number }[] {
  const out: { x: number; z: number }[] = []
  for (const row of rows)
    for (let i = 0; i < row.count; i++)
      out.push({ x: row.x - ((row.count - 1) * row.pitchM) / 2 + i * row.pitchM, z: row.z })
  return out
}

export function rectBoxes(rects: readonly Rect[], y: number, h: number): BoxData {
  const data = boxData(rects.length)
  rects.forEach((r, i) => putBox(data, i, r.x, y, r.z, r.w, h, r.d))
  return data
}

/** Ground height under a point, metres (0 on the pad). */
export function groundY(layout: CampusLayout, x: number, z: number): number {
  return terrainHeightM(layout.terrain, x, z)
}

/** The scene layer each selectable kind belongs to. */
export const KIND_LAYER: Readonly<Record<SelectKind, 'compute' | 'cooling' | 'power'>> = {
  hall: 'compute',
  building: 'compute',
  cooling: 'cooling',
  generators: 'power',
  substation: 'power',
  battery: 'power',
  gas: 'power',
  solar: 'power',
  hydro: 'power',
  wind: 'power',
  line: 'power',
}

export interface PickTarget {
  readonly kind: SelectKind
  readonly index: number
  /** Box centre and size, metres. */
  readonly box: readonly [number, number, number, number, number, number]
}

/**
 * Everything the user can point at, as boxes: halls (slightly above their roof so they win
 * over their building), buildings, yards, the hydro plant, wind turbines, line towers.
 */
export function pickTargets(layout: CampusLayout): PickTarget[] {
  const targets: PickTarget[] = []
  for (const hall of layout.halls) {
    const top = (layout.buildings[hall.building]?.heightM ?? 15) + 0.4
    const h = top - hall.floorYM
    targets.push({
      kind: 'hall',
      index: hall.index,
      box: [hall.rect.x, hall.floorYM + h / 2, hall.rect.z, hall.rect.w, h, hall.rect.d],
    })
  }
  for (const b of layout.buildings)
    targets.push({
      kind: 'building',
      index: b.index,
      box: [b.rect.x, b.heightM / 2, b.rect.z, b.rect.w, b.heightM, b.rect.d],
    })
  for (const yard of layout.yards) {
    const tallest = Math.max(
      3,
      ...layout.unitRows
        .slice(yard.firstRow, yard.firstRow + yard.rowCount)
        .map((r) => UNIT[r.kind].h),
    )
    const h = tallest + SLAB_M
    const kind: SelectKind = yard.kind
    targets.push({
      kind,
      index: yard.index,
      box: [yard.rect.x, h / 2, yard.rect.z, yard.rect.w, h, yard.rect.d],
    })
  }
  const hydro = layout.hydro
  if (hydro) {
    const p = hydro.powerhouse
    targets.push({ kind: 'hydro', index: 0, box: [p.x, 9, p.z, p.w, 18, p.d] })
    const crest = hydro.damCrestYM
    targets.push({
      kind: 'hydro',
      index: 0,
      box: [hydro.dam.x, crest - 20, hydro.dam.z, hydro.dam.w, 40, hydro.dam.d + 10],
    })
  }
  const wind = layout.wind
  if (wind) {
    const r = wind.rotorDiameterM
    wind.turbines.forEach((t) => {
      const y = groundY(layout, t.x, t.z)
      targets.push({
        kind: 'wind',
        index: 0,
        box: [
          t.x,
          y + (wind.hubHeightM + r / 2) / 2,
          t.z,
          r * 0.35,
          wind.hubHeightM + r / 2,
          r * 0.35,
        ],
      })
    })
  }
  layout.lines.forEach((line, li) =>
    line.towers.forEach((t) => {
      const y = groundY(layout, t.x, t.z)
      targets.push({ kind: 'line', index: li, box: [t.x, y + 21, t.z, 12, 42, 12] })
    }),
  )
  return targets
}
