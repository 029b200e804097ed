import { Canvas, addAfterEffect, useThree } from '@react-three/fiber'
import { useEffect, useLayoutEffect, useRef } from 'react'
import * as THREE from 'three'
import { noteSceneLayout, select, useDeferredLayout } from '../state'
import { AdaptiveResolution } from './AdaptiveResolution'
import { AnimationClock } from './animationClock'
import { CameraRig } from './CameraRig'
import { Compute } from './Compute'
import { Construction } from './Construction'
import { installDebugHook, noteFrame } from './debug'
import { Environment } from './Environment'
import { ExportSurface } from './ExportSurface'
import { Feeds } from './Feeds'
import { LabelLayer, LabelPositioner } from './Labels'
import { LookRenderer } from './LookRenderer'
import { Picking } from './Picking'
import { Plant } from './Plant'
import { BUSY_RESOLUTION, SETTLE_MS, isSoftwareRenderer } from './renderQuality'
import { SiteLights } from './SiteLights'
import { SiteWorks } from './SiteWorks'
import { sceneStats } from './stats'
import { Terrain } from './Terrain'
import { CAMERA_FOV_DEG } from './views'

function CampusScene() {
  // The scene follows the layout at a lower priority than the readouts: a slider input
  // updates the numbers within the frame and the 3D campus right after.
  const layout = useDeferredLayout()
  const get = useThree((s) => s.get)
  const regress = useThree((s) => s.performance.regress)
  const mounted = layout !== null
  useEffect(() => addAfterEffect(() => noteFrame(get(), mounted)), [get, mounted])
  // A new campus (a slider step, an undo) is drawn at the busy resolution until the view is
  // still (renderQuality.ts); the first one is not, so the page opens at full resolution.
  const shown = useRef(layout)
  useLayoutEffect(() => {
    if (shown.current !== null && shown.current !== layout) regress()
    shown.current = layout
    sceneStats.layout = layout
    noteSceneLayout(layout)
  }, [layout, regress])
  if (!layout) return null
  return (
    <>
      <Environment layout={layout} />
      <Terrain layout={layout} />
      <Compute layout={layout} />
      <Construction />
      <Plant layout={layout} />
      <Feeds layout={layout} />
      <SiteWorks layout={layout} />
      <SiteLights layout={layout} />
      <Picking layout={layout} />
      <LabelPositioner layout={layout} />
      <CameraRig layout={layout} />
    </>
  )
}

/**
 * The 3D campus: one canvas rendered on demand (frames only when something changed, or while
 * rotors turn) and the asset labels over it. Its toolbar and selection card are the planner's
 * (src/ui): they read and write the same store.
 */
export function CampusView() {
  const software = isSoftwareRenderer()
  return (
    <div style={{ position: 'absolute', inset: 0, overflow: 'hidden' }}>
      <Canvas
        frameloop="demand"
        dpr={[1, 1.5]}
        gl={{ antialias: !software }}
        performance={{ min: software ? BUSY_RESOLUTION : 1, max: 1, debounce: SETTLE_MS }}
        camera={{ fov: CAMERA_FOV_DEG, near: 1, far: 50_000, position: [900, 700, 1400] }}
        onCreated={(state) => {
          // Tone mapping of the interactive frame; the presentation frame applies the same in
          // its output pass (presentation.ts). Exposure follows the sky (Environment.tsx).
          state.gl.toneMapping = THREE.ACESFilmicToneMapping
          installDebugHook(state)
        }}
        onPointerMissed={() => select(null)}
        style={{ background: '#c9d6e0' }}
      >
        <AdaptiveResolution />
        <AnimationClock />
        <LookRenderer />
        <CampusScene />
        <ExportSurface />
      </Canvas>
      <LabelLayer />
    </div>
  )
}
