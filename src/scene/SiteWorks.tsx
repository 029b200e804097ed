import { useMemo } from 'react'
import type { CampusLayout } from '../layout'
import { useCampus } from '../state'
import { Boxes, boxData, putBox } from './Boxes'
import { materials } from './materials'
import { rectBoxes } from './sceneData'

const FENCE_HEIGHT_M = 2.6

/** Roads, parking, the gatehouse and offices, and the fence line. */
export function SiteWorks({ layout }: { layout: CampusLayout }) {
  const visible = useCampus((s) => s.layers.site)
  const m = materials()
  const roads = useMemo(() => rectBoxes(layout.roads, 0.1, 0.2), [layout])
  const parking = useMemo(() => rectBoxes([layout.parking], 0.12, 0.24), [layout])
  const admin = useMemo(() => rectBoxes([layout.admin], 6, 12), [layout])
  const fence = useMemo(() => {
    const f = layout.fence
    const data = boxData(4)
    const y = FENCE_HEIGHT_M / 2
    putBox(data, 0, f.x, y, f.z - f.d / 2, f.w, FENCE_HEIGHT_M, 0.15)
    putBox(data, 1, f.x, y, f.z + f.d / 2, f.w, FENCE_HEIGHT_M, 0.15)
    putBox(data, 2, f.x - f.w / 2, y, f.z, 0.15, FENCE_HEIGHT_M, f.d)
    putBox(data, 3, f.x + f.w / 2, y, f.z, 0.15, FENCE_HEIGHT_M, f.d)
    return data
  }, [layout])
  return (
    <group visible={visible}>
      <Boxes data={roads} material={m.road} />
      <Boxes data={parking} material={m.parking} />
      <Boxes data={admin} material={m.building} />
      <Boxes data={fence} material={m.fence} />
    </group>
  )
}
