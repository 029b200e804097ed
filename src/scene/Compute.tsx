import { lazy, Suspense, useMemo } from 'react'
import type { CampusLayout } from '../layout'
import { useCampus } from '../state'
import { BOX_STRIDE, Boxes, UNIT_BOX } from './Boxes'
import { Buildings } from './Buildings'
import type { BuildingMode } from './buildingData'
import { useCutawayBuilding } from './cutaway'
import { materials } from './materials'
import { hallPits } from './sceneData'

/** The halls' inside (racks, fit-out, people): its own chunk, loaded right after the script. */
const HallInterior = lazy(() => import('./HallInterior').then((m) => ({ default: m.HallInterior })))

/** A hall box open at the top: the unit box without its +y face. */
const OPEN_BOX = (() => {
  const g = UNIT_BOX.clone()
  const index = g.getIndex()
  if (!index) return g
  const kept: number[] = []
  // BoxGeometry's faces come in the order +x, −x, +y, −y, +z, −z, six indices each.
  for (let i = 0; i < index.count; i++) if (i < 12 || i >= 18) kept.push(index.getX(i))
  g.setIndex(kept)
  g.clearGroups()
  return g
})()

/**
 * The compute layer: the GPU buildings (solid roofs with rooftop plant by default, X-ray as a
 * choice, the Hall interior view's building cut away) and inside the halls whose inside shows,
 * open-topped hall boxes with the racks and their fit-out.
 */
export function Compute({ layout }: { layout: CampusLayout }) {
  const xray = useCampus((s) => s.xray)
  const visible = useCampus((s) => s.layers.compute)
  const cutaway = useCutawayBuilding(layout)
  const mode = useMemo<BuildingMode>(() => ({ xray, cutaway }), [xray, cutaway])
  const m = materials()
  const pits = useMemo(() => {
    const all = hallPits(layout)
    if (xray) return all
    // Only the cut-away building's halls (none when every roof is on).
    const b = cutaway === null ? null : layout.buildings[cutaway]
    return b
      ? all.slice(b.firstHall * BOX_STRIDE, (b.firstHall + b.hallCount) * BOX_STRIDE)
      : all.slice(0, 0)
  }, [layout, xray, cutaway])
  return (
    <group visible={visible}>
      <Buildings layout={layout} mode={mode} />
      <Boxes data={pits} geometry={OPEN_BOX} material={m.hall} />
      <Suspense fallback={null}>
        <HallInterior layout={layout} mode={mode} visible={visible} />
      </Suspense>
    </group>
  )
}
