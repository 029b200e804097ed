import { UNIT, terrainHeightM, type CampusLayout } from '../layout'
import type {
  LabelFigure,
  LayerId,
  LegendAssetId,
  PixelBox,
  ProjectedAsset,
  ProjectedLabel,
} from '../state'
import { projectPoint, type Box, type CameraPose, type Vec3 } from './views'

/**
 * What the picture says about itself, from the layout (pure: no three, no DOM): the asset
 * labels with their key figure, anchored in 3D, and the boxes each legend entry stands for.
 * The screen's labels (Labels.tsx) and the exported image's (ExportSurface.tsx, then
 * export/compose.ts) come from the same anchors, projected by the camera of each.
 */

export interface LabelSpec {
  readonly id: string
  readonly text: string
  readonly layer: LayerId
  /** The point the label names, metres. */
  readonly at: Vec3
  /** Lower is more important (placed first). */
  readonly priority: number
  /** A key figure for the callout in exported images (formatted there, in the user's units). */
  readonly figure: LabelFigure | null
}

/** Labels for the main assets: one per kind of asset, never per unit. */
export function labelsFor(layout: CampusLayout): LabelSpec[] {
  const labels: LabelSpec[] = []
  const first = layout.buildings[0]
  if (first) {
    const n = layout.buildings.length
    const itMw = layout.halls.reduce((sum, h) => sum + h.itMw, 0)
    labels.push({
      id: 'buildings',
      text: n > 1 ? `GPU buildings (${n})` : 'GPU building',
      layer: 'compute',
      at: [first.rect.x, first.heightM + 14, first.rect.z],
      priority: 0,
      figure: { value: itMw, unit: 'MW', digits: 1, suffix: 'IT' },
    })
  }
  // The last building's yard, so the label stands apart from the buildings' label.
  const coolingYards = layout.yards.filter((y) => y.kind === 'cooling')
  const cooling = coolingYards[coolingYards.length - 1]
  if (cooling)
    labels.push({
      id: 'cooling',
      text: coolingYards.length > 1 ? 'Cooling yards' : 'Cooling yard',
      layer: 'cooling',
      at: [cooling.rect.x + cooling.rect.w / 4, 10, cooling.rect.z],
      priority: 1,
      figure: {
        value: coolingYards.reduce((sum, y) => sum + y.ratingMw, 0),
        unit: 'MWth',
        digits: 1,
        suffix: 'heat rejection',
      },
    })
  const s = layout.substation.rect
  labels.push({
    id: 'substation',
    text: 'Substation',
    layer: 'power',
    at: [s.x, 26, s.z],
    priority: 2,
    figure: { value: layout.substation.ratingMw, unit: 'MVA', digits: 0, suffix: '' },
  })
  const hydro = layout.hydro
  if (hydro) {
    const p = hydro.powerhouse
    labels.push({
      id: 'powerhouse',
      text: 'Hydro powerhouse',
      layer: 'power',
      at: [p.x, terrainHeightM(layout.terrain, p.x, p.z) + 30, p.z],
      priority: 1,
      figure: { value: hydro.mw, unit: 'MW', digits: 0, suffix: '' },
    })
    labels.push({
      id: 'dam',
      text: 'Dam and reservoir',
      layer: 'power',
      at: [hydro.dam.x, hydro.damCrestYM + 25, hydro.dam.z],
      priority: 3,
      figure: { value: hydro.headM, unit: 'm', digits: 0, suffix: 'head' },
    })
  }
  const wind = layout.wind
  const turbine = wind?.turbines[0]
  if (wind && turbine)
    labels.push({
      id: 'wind',
      text: `Wind farm (${wind.turbines.length} turbines)`,
      layer: 'power',
      at: [
        turbine.x,
        terrainHeightM(layout.terrain, turbine.x, turbine.z) +
          wind.hubHeightM +
          wind.rotorDiameterM / 2 +
          10,
        turbine.z,
      ],
      priority: 1,
      figure: { value: wind.turbines.length * wind.turbineMw, unit: 'MW', digits: 0, suffix: '' },
    })
  for (const yard of layout.yards) {
    const text =
      yard.kind === 'solar'
        ? 'Solar field'
        : yard.kind === 'gas'
          ? 'Gas turbines'
          : yard.kind === 'battery'
            ? 'Battery storage'
            : null
    if (text)
      labels.push({
        id: yard.kind,
        text,
        layer: 'power',
        at: [
          yard.rect.x,
          terrainHeightM(layout.terrain, yard.rect.x, yard.rect.z) + 24,
          yard.rect.z,
        ],
        priority: 2,
        figure: { value: yard.ratingMw, unit: 'MW', digits: 0, suffix: '' },
      })
  }
  if (layout.intake) {
    const p = layout.intake.pumphouse
    labels.push({
      id: 'intake',
      text: 'Seawater intake',
      layer: 'cooling',
      at: [p.x, 16, p.z],
      priority: 3,
      figure: null,
    })
  }
  return labels.sort((a, b) => a.priority - b.priority)
}

interface LegendAsset {
  readonly id: LegendAssetId
  readonly layer: LayerId
  readonly boxes: readonly Box[]
}

function rectBox(layout: CampusLayout, x: number, z: number, w: number, d: number, h: number): Box {
  const g = terrainHeightM(layout.terrain, x, z)
  return { min: [x - w / 2, g, z - d / 2], max: [x + w / 2, g + h, z + d / 2] }
}

const legendCache = new WeakMap<CampusLayout, readonly LegendAsset[]>()

/** The boxes each legend entry stands for (memoised per layout). */
export function legendAssets(layout: CampusLayout): readonly LegendAsset[] {
  const cached = legendCache.get(layout)
  if (cached) return cached
  const box = (r: { x: number; z: number; w: number; d: number }, h: number): Box =>
    rectBox(layout, r.x, r.z, r.w, r.d, h)
  const unitHeight = (yard: { firstRow: number; rowCount: number }): number =>
    layout.unitRows
      .slice(yard.firstRow, yard.firstRow + yard.rowCount)
      .reduce((h, row) => Math.max(h, UNIT[row.kind].h), 3)
  const yardsOf = (kinds: readonly string[]): Box[] =>
    layout.yards.filter((y) => kinds.includes(y.kind)).map((y) => box(y.rect, unitHeight(y)))
  const assets: LegendAsset[] = [
    {
      id: 'buildings',
      layer: 'compute',
      boxes: layout.buildings.map((b) => box(b.rect, b.heightM)),
    },
    { id: 'cooling', layer: 'cooling', boxes: yardsOf(['cooling']) },
    {
      id: 'plant',
      layer: 'power',
      boxes: yardsOf(['substation', 'generators', 'gas', 'battery']),
    },
    { id: 'roads', layer: 'site', boxes: layout.roads.map((r) => box(r, 0.2)) },
  ]
  const water: Box[] = []
  const t = layout.terrain
  if (t.seaLevelYM !== null && t.shoreZ !== null)
    water.push({
      min: [-t.extentM, t.seaLevelYM, t.shoreZ],
      max: [t.extentM, t.seaLevelYM, t.extentM],
    })
  if (layout.hydro) {
    const r = layout.hydro.reservoir
    const y = layout.hydro.reservoirLevelYM
    water.push({ min: [r.x - r.w / 2, y, r.z - r.d / 2], max: [r.x + r.w / 2, y, r.z + r.d / 2] })
  }
  assets.push({ id: 'water', layer: 'site', boxes: water })
  const wind = layout.wind
  if (wind) {
    const top = wind.hubHeightM + wind.rotorDiameterM / 2
    assets.push({
      id: 'wind',
      layer: 'power',
      boxes: wind.turbines.map((p) =>
        rectBox(layout, p.x, p.z, wind.rotorDiameterM, wind.rotorDiameterM, top),
      ),
    })
  }
  assets.push({ id: 'solar', layer: 'power', boxes: yardsOf(['solar']) })
  if (layout.hydro) {
    const h = layout.hydro
    assets.push({
      id: 'hydro',
      layer: 'power',
      boxes: [
        {
          min: [h.dam.x - h.dam.w / 2, h.damCrestYM - h.damHeightM, h.dam.z - h.dam.d / 2],
          max: [h.dam.x + h.dam.w / 2, h.damCrestYM, h.dam.z + h.dam.d / 2],
        },
        box(h.powerhouse, 18),
      ],
    })
  }
  assets.push({
    id: 'lines',
    layer: 'power',
    boxes: layout.lines.flatMap((line) =>
      line.towers.map((p) => rectBox(layout, p.x, p.z, 18, 18, 42)),
    ),
  })
  const result = assets.filter((a) => a.boxes.length > 0)
  legendCache.set(layout, result)
  return result
}

/**
 * A box's extent on an image of `width` × `height` pixels; the whole image when the box
 * reaches behind the camera (it then passes the camera close by), null when all of it is.
 */
export function projectBox(
  pose: CameraPose,
  box: Box,
  fovDeg: number,
  width: number,
  height: number,
): PixelBox | null {
  let x0 = Infinity
  let x1 = -Infinity
  let y0 = Infinity
  let y1 = -Infinity
  let behind = 0
  const aspect = width / height
  for (const x of [box.min[0], box.max[0]])
    for (const y of [box.min[1], box.max[1]])
      for (const z of [box.min[2], box.max[2]]) {
        const p = projectPoint(pose, [x, y, z], fovDeg, aspect)
        if (p.depth <= 1e-3) {
          behind++
          continue
        }
        const px = ((p.x + 1) / 2) * width
        const py = ((1 - p.y) / 2) * height
        x0 = Math.min(x0, px)
        x1 = Math.max(x1, px)
        y0 = Math.min(y0, py)
        y1 = Math.max(y1, py)
      }
  if (behind === 8) return null
  if (behind > 0) return { x0: 0, y0: 0, x1: width, y1: height }
  return { x0, y0, x1, y1 }
}

/**
 * The labels and legend assets of a frame seen from `pose` on an image of `width` × `height`
 * pixels: labels whose anchor is in front of the camera and on the image; legend assets with
 * the extent of those of their boxes that reach the image (null when none does). Hidden
 * layers are left out.
 */
export function projectAnnotations(
  layout: CampusLayout,
  pose: CameraPose,
  fovDeg: number,
  width: number,
  height: number,
  layers: Readonly<Record<LayerId, boolean>>,
): { labels: ProjectedLabel[]; assets: ProjectedAsset[] } {
  const aspect = width / height
  const labels: ProjectedLabel[] = []
  if (layers.site)
    for (const label of labelsFor(layout)) {
      if (!layers[label.layer]) continue
      const p = projectPoint(pose, label.at, fovDeg, aspect)
      if (p.depth <= 0 || Math.abs(p.x) > 1 || Math.abs(p.y) > 1) continue
      labels.push({
        id: label.id,
        text: label.text,
        figure: label.figure,
        x: ((p.x + 1) / 2) * width,
        y: ((1 - p.y) / 2) * height,
        priority: label.priority,
      })
    }
  const assets: ProjectedAsset[] = []
  for (const asset of legendAssets(layout)) {
    if (!layers[asset.layer]) continue
    // The extent of the asset's boxes that reach the image (null: none does).
    let union: PixelBox | null = null
    for (const b of asset.boxes) {
      const r = projectBox(pose, b, fovDeg, width, height)
      if (!r || r.x1 <= 0 || r.x0 >= width || r.y1 <= 0 || r.y0 >= height) continue
      union = union
        ? {
            x0: Math.min(union.x0, r.x0),
            y0: Math.min(union.y0, r.y0),
            x1: Math.max(union.x1, r.x1),
            y1: Math.max(union.y1, r.y1),
          }
        : r
    }
    assets.push({ id: asset.id, bounds: union })
  }
  return { labels, assets }
}
