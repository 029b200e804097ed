import { Suspense, lazy } from 'react'
import type { CampusLayout, UnitKind } from '../layout'

export const COOLING_KINDS: ReadonlySet<UnitKind> = new Set([
  'dry-cooler',
  'adiabatic-cooler',
  'tower-cell',
  'chiller',
  'seawater-hx',
  'air-handler',
])

const PlantMeshes = lazy(() =>
  import('./plant/PlantMeshes').then((m) => ({ default: m.PlantMeshes })),
)

/**
 * Cooling and electrical plant (`plant/PlantMeshes.tsx`). Its models, materials and level of
 * detail load in their own chunk, after the rest of the scene, so they cost the page's first
 * script nothing; `__campusDebug.settled()` waits for them.
 */
export function Plant({ layout }: { layout: CampusLayout }) {
  return (
    <Suspense fallback={null}>
      <PlantMeshes layout={layout} />
    </Suspense>
  )
}
