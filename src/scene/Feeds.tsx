import { Suspense, lazy } from 'react'
import type { CampusLayout } from '../layout'

const FeedMeshes = lazy(() => import('./plant/FeedMeshes').then((m) => ({ default: m.FeedMeshes })))

/**
 * Power feeds (`plant/FeedMeshes.tsx`): lines and gantries, hydro plant, wind farm, aviation
 * lights. Loaded in their own chunk like the plant (`Plant.tsx`).
 */
export function Feeds({ layout }: { layout: CampusLayout }) {
  return (
    <Suspense fallback={null}>
      <FeedMeshes layout={layout} />
    </Suspense>
  )
}
