import { useMemo } from 'react'
import { STOREYS, STOREY_HEIGHT_M, type CampusLayout } from '../layout'
import { useCampus, type CameraState } from '../state'
import { hallViewBuilding } from './views'

/** A custom camera cuts a building away only this close to its target, metres. */
export const CUTAWAY_RANGE_M = 150

/**
 * The building whose roof and upper-storey walls are cut away, or null: the building the Hall
 * interior view looks into (`hallViewBuilding` in views.ts, without a selection), and it stays cut away while the user orbits or zooms near it — a custom camera
 * within `CUTAWAY_RANGE_M` of a target inside that building at hall level (between the upper
 * storey's floor and the roof). Any other view, or a target on the ground or on a roof, keeps
 * every roof on. Pure: the scene, views and exports can all ask it.
 */
export function cutawayBuildingOf(layout: CampusLayout, camera: CameraState): number | null {
  let target: readonly [number, number, number]
  if (camera.view === 'hall') return hallViewBuilding(layout, null)
  if (camera.view === 'custom' && camera.position && camera.target) {
    const [px, py, pz] = camera.position
    const [tx, ty, tz] = camera.target
    if (Math.hypot(px - tx, py - ty, pz - tz) > CUTAWAY_RANGE_M) return null
    target = camera.target
  } else return null
  const [x, y, z] = target
  const floorY = STOREY_HEIGHT_M * (STOREYS - 1)
  for (const b of layout.buildings) {
    const inside = Math.abs(x - b.rect.x) <= b.rect.w / 2 && Math.abs(z - b.rect.z) <= b.rect.d / 2
    if (inside && y >= floorY - 1 && y <= b.heightM - 1) return b.index
  }
  return null
}

/**
 * The cut-away building now: the one the Hall interior view looks into (store `cutawayBuilding`,
 * set by the camera rig for the selected hall and by an export for its own hall view), else a
 * custom camera's near its target (memoised on the layout and camera).
 */
export function useCutawayBuilding(layout: CampusLayout): number | null {
  const camera = useCampus((s) => s.camera)
  const hallView = useCampus((s) => s.cutawayBuilding)
  const custom = useMemo(
    () => (camera.view === 'custom' ? cutawayBuildingOf(layout, camera) : null),
    [layout, camera],
  )
  return hallView ?? custom
}
