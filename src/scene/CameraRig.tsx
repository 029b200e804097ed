import { CameraControls, CameraControlsImpl } from '@react-three/drei'
import { useFrame, useThree } from '@react-three/fiber'
import { useEffect, useRef } from 'react'
import * as THREE from 'three'
import { terrainHeightM, type CampusLayout } from '../layout'
import { setCamera, setCutawayBuilding, useCampus, type CameraState } from '../state'
import {
  CAMERA_CLEARANCE_M,
  hallViewBuilding,
  namedView,
  type CameraPose,
  type FramedView,
} from './views'
import { pickPoint, rayThrough, zoomToward } from './zoom'

/**
 * Controls in use by the scene (read by the test hook for the current pose), and the named
 * view last framed (its subjects, for the test hook's `framing()`).
 */
export const rig: { controls: CameraControls | null; framed: FramedView | null } = {
  controls: null,
  framed: null,
}

const scratch = new THREE.Vector3()
const now = new THREE.Vector3()
const end = new THREE.Vector3()
const endTarget = new THREE.Vector3()

/**
 * Whether the camera is still on its way to where the controls are taking it, by more than a
 * thousandth of its distance (camera-controls creeps on for a while below that).
 */
export function cameraMoving(): boolean {
  const controls = rig.controls
  if (!controls) return false
  const tolerance = 1e-3 * Math.max(1, controls.distance)
  return (
    controls.getPosition(now, false).distanceTo(controls.getPosition(end, true)) > tolerance ||
    controls.getTarget(now, false).distanceTo(controls.getTarget(end, true)) > tolerance
  )
}

function round(v: THREE.Vector3): [number, number, number] {
  return [Math.round(v.x * 10) / 10, Math.round(v.y * 10) / 10, Math.round(v.z * 10) / 10]
}

function samePose(a: CameraPose | null, b: CameraPose): boolean {
  if (!a) return false
  for (let k = 0; k < 3; k++)
    if (
      Math.abs((a.position[k] ?? 0) - (b.position[k] ?? 0)) > 0.05 ||
      Math.abs((a.target[k] ?? 0) - (b.target[k] ?? 0)) > 0.05
    )
      return false
  return true
}

/** Farthest the camera may be from its target: a few times the site's size. */
export function maxDistanceFor(layout: CampusLayout): number {
  return Math.max(1500, 3 * Math.max(layout.bounds.w, layout.bounds.d))
}

/** Wheel steps (about 100 px of `deltaY` a notch) to a zoom scale: 15 % a notch. */
function wheelScale(event: WheelEvent): number {
  const px =
    event.deltaMode === 1
      ? event.deltaY * 33
      : event.deltaMode === 2
        ? event.deltaY * 400
        : event.deltaY
  return Math.exp(THREE.MathUtils.clamp(px, -400, 400) * 0.0015)
}

/**
 * Orbit, pan and zoom (camera-controls; the wheel zooms toward the cursor, zoom.ts), named
 * views fitted to their subjects (views.ts) with smooth transitions, and the store's `camera`
 * in both directions: the scene follows it (a view button, an opened link) and writes
 * `{ view: 'custom', position, target }` when the user's own movement comes to rest. A named
 * view is fitted again when the campus or the canvas changes while it is held. The camera
 * never goes under the ground.
 */
export function CameraRig({ layout }: { layout: CampusLayout }) {
  const ref = useRef<CameraControls>(null)
  const camera = useCampus((s) => s.camera)
  const selection = useCampus((s) => s.selection)
  const width = useThree((s) => s.size.width)
  const height = useThree((s) => s.size.height)
  const aspect = width / Math.max(1, height)
  const written = useRef<CameraState | null>(null)
  const placed = useRef(false)
  const userMoving = useRef(false)
  const layoutRef = useRef(layout)
  useEffect(() => {
    layoutRef.current = layout
  }, [layout])
  const extentM = layout.terrain.extentM
  const maxDistance = maxDistanceFor(layout)
  const applied = useRef<{ camera: CameraState; pose: CameraPose } | null>(null)

  const get = useThree((s) => s.get)
  useEffect(() => {
    const controls = ref.current
    if (!controls) return
    rig.controls = controls
    // The wheel is ours (zoom toward the cursor); pinch and drags stay camera-controls'.
    controls.mouseButtons.wheel = CameraControlsImpl.ACTION.NONE
    const regress = (): void => get().performance.regress()
    const keepAboveGround = (): void => {
      const p = controls.camera.position
      const ground = terrainHeightM(layoutRef.current.terrain, p.x, p.z) + CAMERA_CLEARANCE_M
      if (p.y < ground) void controls.setPosition(p.x, ground, p.z, false)
    }
    // Busy while the user drags or a transition is under way (renderQuality.ts); not for the
    // last creeping steps, so the full-resolution frame after a move is not undone.
    const onUpdate = (): void => {
      if (userMoving.current) keepAboveGround()
      if (userMoving.current || cameraMoving()) regress()
    }
    const onStart = () => {
      userMoving.current = true
      regress()
    }
    const onRest = () => {
      if (!userMoving.current) return
      userMoving.current = false
      const position = round(controls.getPosition(scratch))
      const target = round(controls.getTarget(scratch))
      const next: CameraState = { view: 'custom', position, target }
      written.current = next
      setCamera(next)
    }
    const dom = get().gl.domElement
    const onWheel = (event: WheelEvent): void => {
      event.preventDefault()
      const state = get()
      const cam = state.camera
      if (!(cam instanceof THREE.PerspectiveCamera)) return
      const rect = dom.getBoundingClientRect()
      const ndcX = ((event.clientX - rect.left) / Math.max(1, rect.width)) * 2 - 1
      const ndcY = 1 - ((event.clientY - rect.top) / Math.max(1, rect.height)) * 2
      // From where the camera is heading, so quick notches add up.
      controls.getPosition(end, true)
      controls.getTarget(endTarget, true)
      const pose: CameraPose = {
        position: [end.x, end.y, end.z],
        target: [endTarget.x, endTarget.y, endTarget.z],
      }
      const here = layoutRef.current
      const ray = rayThrough(pose, ndcX, ndcY, cam.fov, rect.width / Math.max(1, rect.height))
      const point = pickPoint(
        here,
        ray,
        end.distanceTo(endTarget),
        useCampus.getState().cutawayBuilding,
      )
      const next = zoomToward(here, pose, point, wheelScale(event), {
        maxDistanceM: maxDistanceFor(here),
      })
      if (!next) return
      userMoving.current = true
      regress()
      void controls.setLookAt(...next.position, ...next.target, true)
    }
    dom.addEventListener('wheel', onWheel, { passive: false })
    controls.addEventListener('controlstart', onStart)
    controls.addEventListener('update', onUpdate)
    controls.addEventListener('rest', onRest)
    return () => {
      dom.removeEventListener('wheel', onWheel)
      controls.removeEventListener('controlstart', onStart)
      controls.removeEventListener('update', onUpdate)
      controls.removeEventListener('rest', onRest)
      if (rig.controls === controls) rig.controls = null
    }
  }, [get])

  useEffect(() => {
    const controls = ref.current
    if (!controls || camera === written.current) return
    let pose: CameraPose
    if (camera.view === 'custom') {
      if (!camera.position || !camera.target) return
      // A custom view is placed once; editing the campus leaves it where it is.
      if (applied.current?.camera === camera) return
      pose = { position: camera.position, target: camera.target }
      rig.framed = null
    } else {
      const framed = namedView(layout, camera.view, aspect, selection)
      rig.framed = framed
      pose = framed
      setCutawayBuilding(camera.view === 'hall' ? hallViewBuilding(layout, selection) : null)
      // Held: fitted again when the campus or the canvas changes, if that moves it.
      if (applied.current?.camera === camera && samePose(applied.current.pose, pose)) return
    }
    applied.current = { camera, pose }
    const smooth = placed.current
    placed.current = true
    userMoving.current = false
    void controls.setLookAt(...pose.position, ...pose.target, smooth)
  }, [camera, aspect, layout, selection])

  // Near and far planes follow the camera's distance to its target: close-ups get depth
  // precision, overviews of a 10 km campus still fit.
  useFrame(({ camera: cam }) => {
    const controls = ref.current
    if (!controls || !(cam instanceof THREE.PerspectiveCamera)) return
    const distance = controls.distance
    const near = THREE.MathUtils.clamp(distance / 400, 0.2, 8)
    const far = Math.max(extentM * 5, distance * 2 + extentM * 2)
    if (Math.abs(cam.near - near) / near > 0.2 || cam.far !== far) {
      cam.near = near
      cam.far = far
      cam.updateProjectionMatrix()
    }
  })

  return (
    <CameraControls
      ref={ref}
      makeDefault
      minDistance={2}
      maxDistance={maxDistance}
      maxPolarAngle={Math.PI * 0.485}
      smoothTime={0.45}
      draggingSmoothTime={0.12}
    />
  )
}
