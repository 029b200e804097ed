import { UNIT, type CampusLayout, type UnitKind, type UnitRow } from '../../layout'
import { boxData, putBox } from '../Boxes'
import { SLAB_M, groundY, unitBoxes } from '../sceneData'
import { GROUP_STRIDE, PIECE_STRIDE, type DetailSet } from './DetailField'

/**
 * Level-of-detail sets (DetailField) from the layout: unit rows of a kind (far: the row's tiled
 * box), inverter skids (far: nothing, they are small), and solar blocks (far: the block's tiled
 * box; near: its tracker rows).
 */

/** A row of units is a group; each unit a piece standing on the yard's slab. */
export function unitRowSet(rows: readonly UnitRow[]): DetailSet {
  const groups = new Float32Array(rows.length * GROUP_STRIDE)
  const total = rows.reduce((n, r) => n + r.count, 0)
  const pieces = new Float32Array(total * PIECE_STRIDE)
  let first = 0
  rows.forEach((row, g) => {
    const unit = UNIT[row.kind]
    groups.set(
      [row.x, row.z, row.count * row.pitchM, unit.d, SLAB_M + unit.h, first, row.count],
      g * GROUP_STRIDE,
    )
    for (let i = 0; i < row.count; i++) {
      const o = (first + i) * PIECE_STRIDE
      pieces[o] = row.x - ((row.count - 1) * row.pitchM) / 2 + i * row.pitchM
      pieces[o + 1] = SLAB_M
      pieces[o + 2] = row.z
      pieces[o + 3] = 0
    }
    first += row.count
  })
  return { groups, pieces, far: unitBoxes(rows) }
}

/** Every inverter skid is its own group (battery yards on their slab, solar on the ground). */
export function inverterSet(layout: CampusLayout): DetailSet {
  const skids = layout.plant.inverters
  const groups = new Float32Array(skids.length * GROUP_STRIDE)
  const pieces = new Float32Array(skids.length * PIECE_STRIDE)
  skids.forEach((s, i) => {
    const onSlab = layout.yards[s.yard]?.kind === 'battery'
    const y = onSlab ? SLAB_M : groundY(layout, s.rect.x, s.rect.z)
    groups.set([s.rect.x, s.rect.z, s.rect.w, s.rect.d, y + 3, i, 1], i * GROUP_STRIDE)
    pieces.set([s.rect.x, y, s.rect.z, 0], i * PIECE_STRIDE)
  })
  return { groups, pieces, far: null }
}

/** Each solar block is a group: far, its tiled box; near, its rows of trackers. */
export function trackerSet(layout: CampusLayout): DetailSet | null {
  const t = layout.plant.trackers
  if (!t) return null
  const blocks: { x: number; z: number }[] = []
  for (const row of layout.unitRows)
    if (row.kind === 'solar-block')
      for (let i = 0; i < row.count; i++)
        blocks.push({ x: row.x - ((row.count - 1) * row.pitchM) / 2 + i * row.pitchM, z: row.z })
  const unit = UNIT['solar-block']
  const perBlock = 2 * t.rowsPerBlock
  const groups = new Float32Array(blocks.length * GROUP_STRIDE)
  const pieces = new Float32Array(blocks.length * perBlock * PIECE_STRIDE)
  const far = boxData(blocks.length)
  blocks.forEach((b, g) => {
    groups.set([b.x, b.z, unit.w, unit.d, unit.h, g * perBlock, perBlock], g * GROUP_STRIDE)
    putBox(far, g, b.x, SLAB_M + unit.h / 2, b.z, unit.w, unit.h, unit.d)
    const west = b.x - (t.rowsPerBlock * t.rowPitchM) / 2
    for (let r = 0; r < t.rowsPerBlock; r++)
      for (const side of [-1, 1]) {
        const x = west + (r + 0.5) * t.rowPitchM
        const z = b.z + side * t.trackerOffsetM
        const o = (g * perBlock + r * 2 + (side > 0 ? 1 : 0)) * PIECE_STRIDE
        pieces.set([x, groundY(layout, x, z) + t.axisHeightM, z, 0], o)
      }
  })
  return { groups, pieces, far }
}

/** Unit rows grouped by kind, in the layout's order. */
export function rowsOf(
  layout: CampusLayout,
  kinds: ReadonlySet<UnitKind>,
): Map<UnitKind, UnitRow[]> {
  const map = new Map<UnitKind, UnitRow[]>()
  for (const row of layout.unitRows) {
    if (!kinds.has(row.kind)) continue
    const list = map.get(row.kind)
    if (list) list.push(row)
    else map.set(row.kind, [row])
  }
  return map
}
