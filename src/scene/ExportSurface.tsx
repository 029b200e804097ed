import { useThree, type RootState } from '@react-three/fiber'
import { useEffect } from 'react'
import * as THREE from 'three'
import {
  registerRenderSurface,
  selectLayout,
  useCampus,
  type RenderRequest,
  type RenderSurface,
  type RenderedFrame,
} from '../state'
import { rig } from './CameraRig'
import { SKY_NAME } from './Environment'
import { preparePresentation, renderPresentationFrame } from './presentation'
import { namedView, type Vec3 } from './views'

/**
 * Renders one frame on purpose at a requested size for the image export (docs/BROWSER.md,
 * "resize method"): pause the loop, set pixel ratio 1 and the drawing buffer size, aim the
 * camera, render, copy to a 2D canvas in the same task, then restore everything. No
 * `preserveDrawingBuffer`, no render target (which would skip tone mapping).
 */
export function createRenderSurface(get: () => RootState): RenderSurface {
  const ctx = get().gl.getContext()
  const maxViewport = ctx.getParameter(ctx.MAX_VIEWPORT_DIMS) as Int32Array
  const maxSide = Math.min(
    ctx.getParameter(ctx.MAX_RENDERBUFFER_SIZE) as number,
    maxViewport[0] ?? 4096,
    maxViewport[1] ?? 4096,
  )
  return {
    maxSide,
    viewSize: () => ({ width: get().size.width, height: get().size.height }),
    // The presentation passes load first (once); the frame itself is drawn and copied in one task.
    render: (request) => preparePresentation().then(() => renderFrame(get(), request)),
  }
}

function renderFrame(state: RootState, request: RenderRequest): RenderedFrame {
  const { gl, scene, camera, setFrameloop, invalidate } = state
  if (!(camera instanceof THREE.PerspectiveCamera)) throw new Error('The 3D view is not ready.')
  const { width, height } = request
  const layout = selectLayout(useCampus.getState())
  const controls = rig.controls
  let position: Vec3
  let target: Vec3
  if (request.view === 'current' || !layout) {
    const p = controls ? controls.getPosition(new THREE.Vector3()) : camera.position.clone()
    const t = controls ? controls.getTarget(new THREE.Vector3()) : new THREE.Vector3()
    position = [p.x, p.y, p.z]
    target = [t.x, t.y, t.z]
  } else {
    const pose = namedView(layout, request.view, width / height)
    position = pose.position
    target = pose.target
  }

  const previous = {
    size: gl.getSize(new THREE.Vector2()),
    pixelRatio: gl.getPixelRatio(),
    aspect: camera.aspect,
    position: camera.position.clone(),
    quaternion: camera.quaternion.clone(),
    background: scene.background,
    clearColor: gl.getClearColor(new THREE.Color()),
    clearAlpha: gl.getClearAlpha(),
  }
  const sky = scene.getObjectByName(SKY_NAME)
  const skyVisible = sky?.visible ?? false
  setFrameloop('never')
  try {
    gl.setPixelRatio(1)
    gl.setSize(width, height, false)
    camera.aspect = width / height
    camera.position.set(...position)
    camera.lookAt(...target)
    camera.updateProjectionMatrix()
    camera.updateMatrixWorld()
    if (request.background !== 'sky' && sky) sky.visible = false
    if (request.background === 'solid') scene.background = new THREE.Color(request.solidColor)
    if (request.background === 'transparent') {
      scene.background = null
      gl.setClearColor(0x000000, 0)
    }
    renderPresentationFrame(gl, scene, camera, { width, height })
    if (gl.domElement.width !== width || gl.domElement.height !== height)
      throw new Error(
        `This browser could only render ${gl.domElement.width} × ${gl.domElement.height} px.`,
      )
    const canvas = document.createElement('canvas')
    canvas.width = width
    canvas.height = height
    const out = canvas.getContext('2d')
    if (!out) throw new Error('No 2D canvas to copy the frame into.')
    out.drawImage(gl.domElement, 0, 0)

    const distance = Math.hypot(
      position[0] - target[0],
      position[1] - target[1],
      position[2] - target[2],
    )
    const metresPerPixel =
      (2 * distance * Math.tan(THREE.MathUtils.degToRad(camera.fov) / 2)) / height
    // North (−z) seen from the camera's horizontal heading, clockwise from straight up.
    const fx = target[0] - position[0]
    const fz = target[2] - position[2]
    const northRad = Math.hypot(fx, fz) < 1e-6 ? 0 : Math.atan2(-fx, -fz)
    return {
      canvas,
      metresPerPixel,
      northRad,
      camera: {
        view: request.view === 'current' ? useCampus.getState().camera.view : request.view,
        position,
        target,
      },
    }
  } finally {
    if (sky) sky.visible = skyVisible
    scene.background = previous.background
    gl.setClearColor(previous.clearColor, previous.clearAlpha)
    gl.setPixelRatio(previous.pixelRatio)
    gl.setSize(previous.size.x, previous.size.y, false)
    camera.aspect = previous.aspect
    camera.position.copy(previous.position)
    camera.quaternion.copy(previous.quaternion)
    camera.updateProjectionMatrix()
    camera.updateMatrixWorld()
    setFrameloop('demand')
    invalidate()
  }
}

/** Registers the render surface while the 3D view is mounted. */
export function ExportSurface() {
  const get = useThree((s) => s.get)
  useEffect(() => {
    registerRenderSurface(createRenderSurface(get))
    return () => registerRenderSurface(null)
  }, [get])
  return null
}
