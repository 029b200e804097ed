import { Canvas, addAfterEffect, useThree } from '@react-three/fiber'
import { useDeferredValue, useEffect } from 'react'
import * as THREE from 'three'
import { select, useLayout } from '../state'
import { CameraRig } from './CameraRig'
import { Compute } from './Compute'
import { installDebugHook, noteFrame } from './debug'
import { Environment } from './Environment'
import { ExportSurface } from './ExportSurface'
import { Feeds } from './Feeds'
import { LabelLayer, LabelPositioner } from './Labels'
import { InfoCard, Toolbar } from './Overlay'
import { Picking } from './Picking'
import { Plant } from './Plant'
import { SiteWorks } from './SiteWorks'
import { Terrain } from './Terrain'
import { CAMERA_FOV_DEG } from './views'

function CampusScene() {
  // The scene follows the layout at a lower priority than the readouts: a slider input
  // updates the numbers within the frame and the 3D campus right after.
  const layout = useDeferredValue(useLayout())
  const get = useThree((s) => s.get)
  const mounted = layout !== null
  useEffect(() => addAfterEffect(() => noteFrame(get(), mounted)), [get, mounted])
  if (!layout) return null
  return (
    <>
      <Environment layout={layout} />
      <Terrain layout={layout} />
      <Compute layout={layout} />
      <Plant layout={layout} />
      <Feeds layout={layout} />
      <SiteWorks layout={layout} />
      <Picking layout={layout} />
      <LabelPositioner layout={layout} />
      <CameraRig layout={layout} />
    </>
  )
}

/**
 * The 3D campus: one canvas rendered on demand (frames only when something changed, or while
 * rotors turn), the toolbar and the selection card as DOM over it.
 */
export function CampusView() {
  return (
    <div style={{ position: 'absolute', inset: 0, overflow: 'hidden' }}>
      <Canvas
        frameloop="demand"
        dpr={[1, 1.5]}
        gl={{ antialias: true }}
        camera={{ fov: CAMERA_FOV_DEG, near: 1, far: 50_000, position: [900, 700, 1400] }}
        onCreated={(state) => {
          state.gl.toneMapping = THREE.ACESFilmicToneMapping
          installDebugHook(state)
        }}
        onPointerMissed={() => select(null)}
        style={{ background: '#dfe9f2' }}
      >
        <CampusScene />
        <ExportSurface />
      </Canvas>
      <LabelLayer />
      <Toolbar />
      <InfoCard />
    </div>
  )
}
