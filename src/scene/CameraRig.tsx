import { CameraControls } from '@react-three/drei'
import { useFrame, useThree } from '@react-three/fiber'
import { useEffect, useRef } from 'react'
import * as THREE from 'three'
import type { CampusLayout } from '../layout'
import { setCamera, useCampus, type CameraState } from '../state'
import { namedView, type CameraPose } from './views'

/** Controls in use by the scene (read by the test hook for the current pose). */
export const rig: { controls: CameraControls | null } = { controls: null }

const scratch = new THREE.Vector3()
const now = new THREE.Vector3()
const end = new THREE.Vector3()

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

/**
 * Orbit, pan and zoom (camera-controls), named views with smooth transitions, and the store's
 * `camera` in both directions: the scene follows it (a view button, an opened link) and writes
 * `{ view: 'custom', position, target }` when the user's own movement comes to rest.
 */
export function CameraRig({ layout }: { layout: CampusLayout }) {
  const ref = useRef<CameraControls>(null)
  const camera = useCampus((s) => s.camera)
  const width = useThree((s) => s.size.width)
  const height = useThree((s) => s.size.height)
  const aspect = width / Math.max(1, height)
  const written = useRef<CameraState | null>(null)
  const placed = useRef(false)
  const userMoving = useRef(false)
  const extentM = layout.terrain.extentM
  // A named view is re-framed when the site changes, not on every edit of the campus.
  const applied = useRef<{ camera: CameraState; site: string; aspect: number } | null>(null)

  const get = useThree((s) => s.get)
  useEffect(() => {
    const controls = ref.current
    if (!controls) return
    rig.controls = controls
    const regress = (): void => get().performance.regress()
    // Busy while the user drags or a transition is under way (renderQuality.ts); not for the
    // last creeping steps, so the full-resolution frame after a move is not undone.
    const onUpdate = (): void => {
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
    controls.addEventListener('controlstart', onStart)
    controls.addEventListener('update', onUpdate)
    controls.addEventListener('rest', onRest)
    return () => {
      controls.removeEventListener('controlstart', onStart)
      controls.removeEventListener('update', onUpdate)
      controls.removeEventListener('rest', onRest)
      if (rig.controls === controls) rig.controls = null
    }
  }, [get])

  useEffect(() => {
    const controls = ref.current
    if (!controls || camera === written.current) return
    const last = applied.current
    if (last && last.camera === camera && last.site === layout.site && last.aspect === aspect)
      return
    applied.current = { camera, site: layout.site, aspect }
    let pose: CameraPose
    if (camera.view === 'custom') {
      if (!camera.position || !camera.target) return
      pose = { position: camera.position, target: camera.target }
    } else {
      pose = namedView(layout, camera.view, aspect)
    }
    const smooth = placed.current
    placed.current = true
    userMoving.current = false
    void controls.setLookAt(...pose.position, ...pose.target, smooth)
  }, [camera, aspect, layout])

  // Near and far planes follow the camera's distance to its target: close-ups get depth
  // precision, overviews of a 10 km campus still fit.
  useFrame(({ camera: cam }) => {
    const controls = ref.current
    if (!controls || !(cam instanceof THREE.PerspectiveCamera)) return
    const distance = controls.distance
    const near = THREE.MathUtils.clamp(distance / 400, 0.2, 8)
    const far = extentM * 5
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
      minDistance={3}
      maxDistance={extentM * 1.6}
      maxPolarAngle={Math.PI * 0.485}
      smoothTime={0.45}
      draggingSmoothTime={0.12}
    />
  )
}
