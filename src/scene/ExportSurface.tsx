import { useThree, type RootState } from '@react-three/fiber'
import { useEffect } from 'react'
import * as THREE from 'three'
import {
  registerRenderSurface,
  setCutawayBuilding,
  selectLayout,
  useCampus,
  type CameraPoseSpec,
  type FrameSession,
  type RenderRequest,
  type RenderSurface,
  type RenderedFrame,
} from '../state'
import { projectAnnotations } from './annotations'
import { animationTimeS, holdMotion, setAnimationTime } from './animationClock'
import { rig } from './CameraRig'
import { SKY_NAME } from './Environment'
import { sceneStats } from './stats'
import { hallViewBuilding, namedView, type CameraPose, type Vec3 } from './views'
import {
  preparePresentation,
  presentationMode,
  renderPresentationFrame,
  restoreInteractive,
} from './presentation'
import { setShading } from './shading'

/**
 * Draws one frame of `scene` seen by `camera` into the renderer's drawing buffer, which is
 * already `width` × `height` pixels. The one render step of every export (stills, the deck,
 * video frames): a presentation pass (ambient occlusion, antialiasing, soft shadows) replaces
 * it with `setFrameRenderer`. It must draw the frame completely before it returns, read no
 * clock (the session drives the animation clock before calling it) and leave the renderer's
 * size, pixel ratio and render target as it found them.
 */
export type FrameRenderer = (
  gl: THREE.WebGLRenderer,
  scene: THREE.Scene,
  camera: THREE.PerspectiveCamera,
  width: number,
  height: number,
) => void

/**
 * The plain render step: the physically based materials and shadow maps of the presentation
 * shading (not the stand-ins a software rasteriser uses while the view moves), one render, no
 * post-processing; the interactive shading is restored after.
 */
export const renderFrame: FrameRenderer = (gl, scene, camera) => {
  try {
    setShading(scene, gl, presentationMode(), true)
    gl.setRenderTarget(null)
    gl.render(scene, camera)
  } finally {
    restoreInteractive(scene, gl)
  }
}

/** The presentation render step (LOOK's passes when loaded; else the plain one with shadows). */
export const renderPresentation: FrameRenderer = (gl, scene, camera, width, height) => {
  renderPresentationFrame(gl, scene, camera, { width, height })
}

let frameRenderer: FrameRenderer = renderPresentation

/** Replaces the exports' presentation render step (null: back to `renderPresentation`). */
export function setFrameRenderer(next: FrameRenderer | null): void {
  frameRenderer = next ?? renderPresentation
}

/** The exports' render step now. */
export function currentFrameRenderer(): FrameRenderer {
  return frameRenderer
}

function currentPose(state: RootState): CameraPose {
  const controls = rig.controls
  const p = controls ? controls.getPosition(new THREE.Vector3()) : state.camera.position.clone()
  const t = controls ? controls.getTarget(new THREE.Vector3()) : new THREE.Vector3()
  return { position: [p.x, p.y, p.z], target: [t.x, t.y, t.z] }
}

function poseFor(
  state: RootState,
  request: RenderRequest,
): {
  pose: CameraPose
  view: RenderedFrame['camera']['view']
} {
  const layout = selectLayout(useCampus.getState())
  if (request.pose) return { pose: request.pose, view: 'custom' }
  if (request.view === 'current' || !layout)
    return { pose: currentPose(state), view: useCampus.getState().camera.view }
  const { selection } = useCampus.getState()
  return {
    pose: namedView(layout, request.view, request.width / request.height, selection),
    view: request.view,
  }
}

/**
 * Opens a run of frames at the request's size (docs/BROWSER.md, "resize method"): pause the
 * loop, set pixel ratio 1 and the drawing buffer size, aim the camera; each frame is drawn by
 * the frame renderer and copied to the session's 2D canvas in the same task; `close` restores
 * everything. No `preserveDrawingBuffer`.
 */
export function openFrameSession(get: () => RootState, request: RenderRequest): FrameSession {
  const state = get()
  const { gl, scene, setFrameloop, invalidate } = state
  const viewCamera = state.camera
  if (!(viewCamera instanceof THREE.PerspectiveCamera)) throw new Error('The 3D view is not ready.')
  const camera: THREE.PerspectiveCamera = viewCamera
  const { width, height } = request
  const chosen = poseFor(state, request)
  let pose: CameraPose = chosen.pose
  const previous = {
    size: gl.getSize(new THREE.Vector2()),
    pixelRatio: gl.getPixelRatio(),
    aspect: camera.aspect,
    position: camera.position.clone(),
    quaternion: camera.quaternion.clone(),
    near: camera.near,
    far: camera.far,
    background: scene.background,
    clearColor: gl.getClearColor(new THREE.Color()),
    clearAlpha: gl.getClearAlpha(),
    timeS: animationTimeS(),
  }
  const sky = scene.getObjectByName(SKY_NAME)
  const skyVisible = sky?.visible ?? false
  const canvas = document.createElement('canvas')
  canvas.width = width
  canvas.height = height
  const out = canvas.getContext('2d')
  if (!out) throw new Error('No 2D canvas to copy the frame into.')
  let open = true

  const aim = (): void => {
    camera.aspect = width / height
    camera.position.set(...pose.position)
    camera.up.set(0, 1, 0)
    camera.lookAt(...pose.target)
    const distance = camera.position.distanceTo(new THREE.Vector3(...pose.target))
    camera.near = THREE.MathUtils.clamp(distance / 400, 0.2, 8)
    camera.far = Math.max(previous.far, distance * 4)
    camera.updateProjectionMatrix()
    camera.updateMatrixWorld()
  }

  setFrameloop('never')
  try {
    gl.setPixelRatio(1)
    gl.setSize(width, height, false)
    if (request.background !== 'sky' && sky) sky.visible = false
    if (request.background === 'solid') scene.background = new THREE.Color(request.solidColor)
    if (request.background === 'transparent') {
      scene.background = null
      gl.setClearColor(0x000000, 0)
    }
    aim()
  } catch (error) {
    close()
    throw error
  }

  function close(): void {
    if (!open) return
    open = false
    if (sky) sky.visible = skyVisible
    scene.background = previous.background
    gl.setClearColor(previous.clearColor, previous.clearAlpha)
    gl.setPixelRatio(previous.pixelRatio)
    gl.setSize(previous.size.x, previous.size.y, false)
    camera.aspect = previous.aspect
    camera.position.copy(previous.position)
    camera.quaternion.copy(previous.quaternion)
    camera.near = previous.near
    camera.far = previous.far
    camera.updateProjectionMatrix()
    camera.updateMatrixWorld()
    setAnimationTime(previous.timeS)
    setFrameloop('demand')
    invalidate()
  }

  return {
    render: (timeS) => {
      if (!open) throw new Error('The export session is closed.')
      if (timeS !== undefined) setAnimationTime(timeS)
      ;(request.presentation === true ? frameRenderer : renderFrame)(
        gl,
        scene,
        camera,
        width,
        height,
      )
      if (gl.domElement.width !== width || gl.domElement.height !== height)
        throw new Error(
          `This browser could only render ${gl.domElement.width} × ${gl.domElement.height} px.`,
        )
      out.clearRect(0, 0, width, height)
      out.drawImage(gl.domElement, 0, 0)
      return describeFrame(canvas, pose, camera.fov, width, height, chosen.view)
    },
    setPose: (next: CameraPoseSpec) => {
      pose = next
      aim()
    },
    close,
  }
}

/** Scale, north, camera, labels and legend assets of a frame seen from `pose`. */
function describeFrame(
  canvas: HTMLCanvasElement,
  pose: CameraPose,
  fovDeg: number,
  width: number,
  height: number,
  view: RenderedFrame['camera']['view'],
): RenderedFrame {
  const { position, target } = pose
  const distance = Math.hypot(
    position[0] - target[0],
    position[1] - target[1],
    position[2] - target[2],
  )
  const metresPerPixel = (2 * distance * Math.tan(THREE.MathUtils.degToRad(fovDeg) / 2)) / height
  // North (−z) seen from the camera's horizontal heading, clockwise from straight up.
  const fx = target[0] - position[0]
  const fz = target[2] - position[2]
  const northRad = Math.hypot(fx, fz) < 1e-6 ? 0 : Math.atan2(-fx, -fz)
  const state = useCampus.getState()
  const layout = selectLayout(state)
  const annotations = layout
    ? projectAnnotations(layout, pose, fovDeg, width, height, state.layers)
    : { labels: [], assets: [] }
  return {
    canvas,
    metresPerPixel,
    northRad,
    camera: { view, position: [...position] as Vec3, target: [...target] as Vec3 },
    labels: annotations.labels,
    assets: annotations.assets,
  }
}

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
    // Stills at presentation quality: the passes load first (once), then the frame is drawn
    // and copied in one task.
    render: (request) =>
      preparePresentation().then(() => {
        const session = openFrameSession(get, { ...request, presentation: true })
        try {
          return session.render()
        } finally {
          session.close()
        }
      }),
    openSession: (request) => openFrameSession(get, request),
    preparePresentation,
    whenShowing: (timeoutMs = 60_000) =>
      new Promise((resolve, reject) => {
        const started = performance.now()
        const check = (): void => {
          const layout = selectLayout(useCampus.getState())
          if (layout !== null && sceneStats.layout === layout) {
            resolve()
            return
          }
          if (performance.now() - started > timeoutMs) {
            reject(new Error('The 3D view did not show the scenario in time.'))
            return
          }
          get().invalidate()
          requestAnimationFrame(check)
        }
        check()
      }),
    currentPose: () => currentPose(get()),
    namedPose: (view, aspect) => {
      const state = useCampus.getState()
      const layout = selectLayout(state)
      return layout ? namedView(layout, view, aspect, state.selection) : null
    },
    holdMotion: () => {
      const release = holdMotion()
      return () => {
        release()
        // The moving parts ask for frames again from the next one drawn, once the page is idle:
        // a frame of them drawn at once held up the download of the finished image (80 ms of a
        // 4K export on a software rasteriser).
        whenIdle(() => get().invalidate())
      }
    },
    prepareView: async (view) => {
      const { cutawayBuilding: before, selection } = useCampus.getState()
      const layout = selectLayout(useCampus.getState())
      const wanted =
        view === 'current' || view === 'pose'
          ? before
          : view === 'hall' && layout
            ? hallViewBuilding(layout, selection)
            : null
      if (wanted === before) return () => {}
      setCutawayBuilding(wanted)
      await afterFrames(get, 2)
      return () => setCutawayBuilding(before)
    },
  }
}

/** Runs `task` when the page is next idle (soon after, where the browser cannot tell). */
function whenIdle(task: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: 500 })
  else setTimeout(task, 50)
}

/** Resolves after `n` frames were drawn (React has committed what the store asked for). */
function afterFrames(get: () => RootState, n: number): Promise<void> {
  return new Promise((resolve) => {
    let left = n
    const step = (): void => {
      get().invalidate()
      if (left-- <= 0) resolve()
      else requestAnimationFrame(step)
    }
    step()
  })
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
