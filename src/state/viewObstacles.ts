import type { PixelBox } from './labelPlacement'

/**
 * Parts of the page laid over the 3D view (the view's toolbars, the selection card) that the
 * scene's labels keep clear of. The planner registers each with a function that measures it
 * (client pixels) and the scene measures them when it places labels, so they stay right when
 * the page's layout moves them. Not in the zustand store: nothing re-renders for them.
 */
export interface ViewObstacle {
  /** Where it is now, client (viewport) pixels; null while it is not shown. */
  rect(): PixelBox | null
}

const obstacles = new Map<string, ViewObstacle>()
const listeners = new Set<() => void>()

/** Registers (or with null, removes) an obstacle under an id. */
export function setViewObstacle(id: string, obstacle: ViewObstacle | null): void {
  if (obstacle) obstacles.set(id, obstacle)
  else obstacles.delete(id)
  for (const listener of listeners) listener()
}

/** The obstacles registered now. */
export function viewObstacles(): IterableIterator<ViewObstacle> {
  return obstacles.values()
}

/** Calls `listener` when an obstacle is added, removed or changes size; returns the unsubscribe. */
export function onViewObstacles(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Tells the scene an obstacle moved or changed size (the planner calls it from a ResizeObserver). */
export function viewObstaclesChanged(): void {
  for (const listener of listeners) listener()
}
