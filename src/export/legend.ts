import type { LegendAssetId, PixelBox, ProjectedAsset } from '../state'
import { LEGEND, type LegendEntry } from './caption'

/** Whether a box on an image of `width` × `height` pixels shows any of itself there. */
export function intersectsImage(box: PixelBox, width: number, height: number): boolean {
  return box.x1 > 0 && box.x0 < width && box.y1 > 0 && box.y0 < height
}

/**
 * The legend entries for a frame: those whose assets' projected bounds reach the image, in
 * the legend's order (an asset out of the frame, behind the camera or on a hidden layer is
 * not listed).
 */
export function legendInFrame(
  assets: readonly ProjectedAsset[],
  width: number,
  height: number,
  legend: readonly LegendEntry[] = LEGEND,
): LegendEntry[] {
  const shown = new Set<LegendAssetId>()
  for (const asset of assets)
    if (asset.bounds && intersectsImage(asset.bounds, width, height)) shown.add(asset.id)
  return legend.filter((entry) => shown.has(entry.id))
}
