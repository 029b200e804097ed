import { useFrame, useThree } from '@react-three/fiber'
import { useEffect, useLayoutEffect, useMemo } from 'react'
import type * as THREE from 'three'
import { FANS, type CampusLayout, type UnitKind } from '../../layout'
import { useCampus } from '../../state'
import { Boxes } from '../Boxes'
import { materials, unitMaterial } from '../materials'
import { DetailField, PIECE_STRIDE } from './DetailField'
import { NearMesh } from './NearMesh'
import { motionHeld, onAnimationTime } from '../animationClock'
import { inverterModel, trackerModel, unitModel } from './models'
import { inverterSet, rowsOf, trackerSet, unitRowSet } from './plantData'
import { plantMaterials, plantUniforms } from './plantMaterial'
import { plantShown, plantStats } from './plantStats'
import { coolingSolids, switchyardSolids } from './staticGeometry'
import { SLAB_M, rectBoxes } from '../sceneData'
import { useSun } from '../sun'
import { COOLING_KINDS } from '../Plant'

const POWER_KINDS: ReadonlySet<UnitKind> = new Set([
  'generator',
  'battery',
  'gas-turbine',
  'transformer',
])

/**
 * How near the camera (m) each kind is drawn as full models, and how many pieces at most:
 * small units closer and fewer, big ones from further away. Far away every row is one tiled
 * box (12 triangles).
 */
const DETAIL: Readonly<Record<UnitKind | 'inverter' | 'tracker', { m: number; budget: number }>> = {
  'dry-cooler': { m: 220, budget: 512 },
  'adiabatic-cooler': { m: 220, budget: 512 },
  chiller: { m: 200, budget: 512 },
  'tower-cell': { m: 450, budget: 256 },
  'seawater-hx': { m: 200, budget: 256 },
  'air-handler': { m: 220, budget: 256 },
  generator: { m: 220, budget: 512 },
  battery: { m: 200, budget: 1024 },
  'gas-turbine': { m: 600, budget: 128 },
  transformer: { m: 600, budget: 128 },
  'solar-block': { m: 0, budget: 0 },
  inverter: { m: 180, budget: 512 },
  tracker: { m: 450, budget: 1024 },
}

/** Switchyard apparatus and pipe racks are drawn within this distance of the camera, m. */
const NEAR_M = 450

/** Fans turn at this rate while motion is on, rad/s (slow enough to read at a few frames a second). */
const FAN_RAD_PER_S = 2.4

function KindField({
  kind,
  rows,
  visible,
}: {
  kind: UnitKind
  rows: CampusLayout['unitRows']
  visible: boolean
}) {
  const set = useMemo(() => unitRowSet(rows), [rows])
  const model = unitModel(kind)
  if (!model)
    return <Boxes data={set.far ?? new Float32Array(0)} material={unitMaterial(kind)} name={kind} />
  const d = DETAIL[kind]
  return (
    <DetailField
      name={kind}
      set={set}
      model={model}
      farMaterial={unitMaterial(kind)}
      distanceM={d.m}
      budget={d.budget}
      visible={visible}
    />
  )
}

/** Disposes a geometry built from the layout when it is replaced. */
export function useDisposed(geometry: THREE.BufferGeometry | null): void {
  useEffect(() => () => geometry?.dispose(), [geometry])
}

/**
 * Cooling and electrical plant: every unit kind (tiled rows far away, full models near the
 * camera), yard slabs, inverter skids, solar trackers, the switchyard (apparatus, insulators)
 * and gas-turbine stacks, pipe racks and the seawater works. Fans turn and trackers follow the
 * sun with one uniform each.
 */
export function PlantMeshes({ layout }: { layout: CampusLayout }) {
  const coolingOn = useCampus((s) => s.layers.cooling)
  const powerOn = useCampus((s) => s.layers.power)
  const m = materials()
  const solid = plantMaterials().solid
  const cooling = useMemo(() => rowsOf(layout, COOLING_KINDS), [layout])
  const power = useMemo(() => rowsOf(layout, POWER_KINDS), [layout])
  const slabs = useMemo(() => {
    const coolingRects = layout.yards.filter((y) => y.kind === 'cooling').map((y) => y.rect)
    const powerRects = layout.yards
      .filter((y) => y.kind !== 'cooling' && y.kind !== 'solar')
      .map((y) => y.rect)
    return {
      cooling: rectBoxes(coolingRects, SLAB_M / 2, SLAB_M),
      power: rectBoxes(powerRects, SLAB_M / 2, SLAB_M),
    }
  }, [layout])
  const inverters = useMemo(() => inverterSet(layout), [layout])
  const trackers = useMemo(() => trackerSet(layout), [layout])
  const switchyard = useMemo(() => switchyardSolids(layout), [layout])
  const coolingParts = useMemo(() => coolingSolids(layout), [layout])
  useDisposed(switchyard.near)
  useDisposed(switchyard.far)
  useDisposed(coolingParts.near)
  useDisposed(coolingParts.far)
  useLayoutEffect(() => {
    plantShown.plant = layout
  }, [layout])

  useEffect(() => {
    plantStats.stacks = layout.plant.stacks.length
    plantStats.trackerRows = trackers ? trackers.pieces.length / PIECE_STRIDE : 0
  }, [layout, trackers])

  return (
    <group>
      <group visible={coolingOn}>
        <Boxes data={slabs.cooling} material={m.slab} />
        {[...cooling].map(([kind, rows]) => (
          <KindField key={kind} kind={kind} rows={rows} visible={coolingOn} />
        ))}
        {coolingParts.far && <mesh geometry={coolingParts.far} material={solid} />}
        {coolingParts.near && (
          <NearMesh
            name="pipe-racks"
            geometry={coolingParts.near}
            material={solid}
            distanceM={NEAR_M}
          />
        )}
      </group>
      <group visible={powerOn}>
        <Boxes data={slabs.power} material={m.gravel} />
        {[...power].map(([kind, rows]) => (
          <KindField key={kind} kind={kind} rows={rows} visible={powerOn} />
        ))}
        {inverters.pieces.length > 0 && (
          <DetailField
            name="inverter"
            set={inverters}
            model={inverterModel()}
            farMaterial={null}
            distanceM={DETAIL.inverter.m}
            budget={DETAIL.inverter.budget}
            visible={powerOn}
          />
        )}
        {trackers && layout.plant.trackers && (
          <DetailField
            name="tracker"
            set={trackers}
            model={trackerModel(layout.plant.trackers)}
            farMaterial={unitMaterial('solar-block')}
            distanceM={DETAIL.tracker.m}
            budget={DETAIL.tracker.budget}
            visible={powerOn}
          />
        )}
        {switchyard.far && <mesh geometry={switchyard.far} material={solid} />}
        {switchyard.near && (
          <NearMesh
            name="switchyard"
            geometry={switchyard.near}
            material={solid}
            distanceM={NEAR_M}
          />
        )}
      </group>
      <PlantMotion layout={layout} coolingOn={coolingOn} />
    </group>
  )
}

const FAN_KINDS = Object.keys(FANS)

/**
 * Fans turn while motion is on and some are drawn near the camera (frames are requested only
 * then); trackers tilt toward the sun (flat at night), from `useSun()`.
 */
function PlantMotion({ layout, coolingOn }: { layout: CampusLayout; coolingOn: boolean }) {
  const motion = useCampus((s) => s.motion)
  const invalidate = useThree((s) => s.invalidate)
  const sun = useSun()
  const trackers = layout.plant.trackers
  useEffect(() => {
    if (!trackers) return
    const [dx, dy] = sun.position.direction
    const max = (trackers.maxTiltDeg * Math.PI) / 180
    const tilt = dy > 0.02 ? Math.max(-max, Math.min(max, Math.atan2(-dx, dy))) : 0
    plantUniforms.uTilt.value = tilt
    plantStats.trackerTiltDeg = (tilt * 180) / Math.PI
    invalidate()
  }, [sun, trackers, invalidate])
  // Fan angles follow the scene's animation clock (a video drives it frame by frame).
  useEffect(
    () =>
      onAnimationTime((t) => {
        plantUniforms.uFanAngle.value = (t * FAN_RAD_PER_S) % (Math.PI * 2)
      }),
    [],
  )
  useFrame(() => {
    let fans = false
    for (const kind of FAN_KINDS) if ((plantStats.detailed[kind] ?? 0) > 0) fans = true
    const turning = motion && coolingOn && fans && !motionHeld()
    plantStats.fansTurning = turning
    if (turning) invalidate()
  })
  return null
}
