import type { RootState } from '@react-three/fiber'
import * as THREE from 'three'
import type * as Pipeline from './presentationPipeline'
import { COALESCE_MS } from '../state'
import { SKY_NAME } from './Environment'
import { isSoftwareRenderer, viewSettled } from './renderQuality'
import { prepareShadowMap, setShading, type ShadingMode } from './shading'

/**
 * Presentation refinement: once the view is still, the frame on screen is redrawn at
 * presentation quality — physically based materials under the sky's environment map on a GPU
 * (the fast twins on a software rasteriser: `presentationMode`), soft shadow maps, ambient
 * occlusion (three's GTAO pass, normals from depth), tone mapping and antialiasing (SMAA; FXAA
 * above 2560 × 1440) — in slices, each its own task, so the page answers input between them.
 * Any input (pointer, wheel, key, touch) or any new frame cancels it at once; the next still
 * moment starts again. The passes (three's own post-processing add-ons) load on first use, in
 * their own chunk (presentationPipeline.ts).
 *
 * Exports use the same quality through `renderPresentationFrame`.
 */

export interface PresentationStatus {
  state: 'idle' | 'waiting' | 'running' | 'done' | 'cancelled'
  /** Runs started, finished and cancelled since the page opened. */
  runs: number
  completed: number
  cancels: number
  /** Milliseconds from the start of the last finished run to its finished frame. */
  lastRunMs: number | null
  /** Duration of each slice of the last run (each includes waiting for the GPU), ms. */
  sliceMs: number[]
  /** Longest slice of the last finished run, ms. */
  longestSliceMs: number
}

export const presentationStatus: PresentationStatus = {
  state: 'idle',
  runs: 0,
  completed: 0,
  cancels: 0,
  lastRunMs: null,
  sliceMs: [],
  longestSliceMs: 0,
}

/** Horizontal bands the presentation frame is drawn in on a software rasteriser (a slice each). */
export const PRESENTATION_BANDS = 6

/**
 * Quiet time after the last frame before the refinement starts, ms: as long as one undo step's
 * window (`COALESCE_MS`), so a refinement slice (the first run's can hold a software rasteriser
 * for seconds) never lands between two key presses of one edit and splits it.
 */
export const STILL_MS = COALESCE_MS

let module: Promise<typeof Pipeline> | null = null
let loaded: typeof Pipeline | null = null

/** Loads the presentation passes (once); exports await this before rendering. */
export function preparePresentation(): Promise<void> {
  module ??= import('./presentationPipeline').then(async (m) => {
    await m.ready()
    loaded = m
    return m
  })
  return module.then(() => undefined)
}

let pipeline: Pipeline.PresentationPipeline | null = null

function pipelineFor(gl: THREE.WebGLRenderer): Pipeline.PresentationPipeline | null {
  if (!loaded) return null
  if (!pipeline || pipeline.gl !== gl) pipeline = new loaded.PresentationPipeline(gl)
  return pipeline
}

/**
 * Renders one presentation-quality frame of `scene` from `camera` into the canvas's drawing
 * buffer, which must already be `size` (the export path resizes it): environment-lit materials,
 * soft shadows, ambient occlusion and antialiasing (the two last only over the sky background:
 * a solid or transparent background is kept exact, so those get materials and shadows).
 * Synchronous, so the caller can copy the canvas in the same task. Leaves the scene in its
 * interactive shading. Call `preparePresentation()` first; without it the frame still gets
 * the materials and shadows.
 */
export function renderPresentationFrame(
  gl: THREE.WebGLRenderer,
  scene: THREE.Scene,
  camera: THREE.Camera,
  size: { readonly width: number; readonly height: number },
): void {
  cancelRefinement()
  const p = pipelineFor(gl)
  // The passes need the sky behind everything: a solid or transparent export hides the dome.
  const plainBackground = scene.getObjectByName(SKY_NAME)?.visible !== true
  try {
    if (p && !plainBackground) {
      for (const step of p.steps(scene, camera, size, {
        bands: 1,
        shadowSlice: false,
      }))
        step()
      // A large export's targets are not kept: the next still frame makes its own.
      if (size.width * size.height > 4_000_000) {
        p.dispose()
        pipeline = null
      }
    } else {
      setShading(scene, gl, presentationMode(), true)
      prepareShadowMap(gl, PRESENTATION_SHADOW_MAP)
      gl.setRenderTarget(null)
      gl.render(scene, camera)
    }
  } finally {
    restoreInteractive(scene, gl)
  }
}

/**
 * Shadow-map size of presentation frames and exports, texels square (as the interactive view
 * on a GPU): at 2,048 the depth bias that keeps roofs free of acne left most low shadows off
 * (shading.ts, `shadowBiasM`).
 */
export const PRESENTATION_SHADOW_MAP = 4096

/**
 * The scene's shading in presentation frames and exports: physically based on a GPU; on a
 * software rasteriser the fast twins with the same shadow maps (the scene pass of a 4K frame
 * of the default campus: 3.4 s physically based, 2.0 s fast; docs/SCENE.md, "Frame time on
 * software rendering").
 */
export function presentationMode(): ShadingMode {
  return isSoftwareRenderer() ? 'fast' : 'pbr'
}

/** The scene's shading while the view moves: fast on a software rasteriser, pbr on a GPU. */
export function interactiveMode(): { mode: 'fast' | 'pbr'; shadows: boolean } {
  return isSoftwareRenderer() ? { mode: 'fast', shadows: false } : { mode: 'pbr', shadows: true }
}

export function restoreInteractive(scene: THREE.Scene, gl: THREE.WebGLRenderer): void {
  const { mode, shadows } = interactiveMode()
  setShading(scene, gl, mode, shadows)
  gl.setRenderTarget(null)
}

let token = 0
let timer: ReturnType<typeof setTimeout> | null = null

/** Stops a running refinement (the frame on screen stays as it is). */
export function cancelRefinement(): void {
  if (timer !== null) {
    clearTimeout(timer)
    timer = null
  }
  if (presentationStatus.state === 'running' || presentationStatus.state === 'waiting') {
    token++
    presentationStatus.cancels += presentationStatus.state === 'running' ? 1 : 0
    presentationStatus.state = presentationStatus.state === 'running' ? 'cancelled' : 'idle'
  }
}

let listening = false
let lastGet: (() => RootState) | null = null

/**
 * Input stops a refinement under way or about to start, and starts the quiet time again: most
 * input draws a frame (which does the same), but some does not (a click on a control that
 * changes nothing in the scene, a key in a text field), and the view must still be refined.
 */
function onInput(): void {
  const pending = presentationStatus.state === 'running' || presentationStatus.state === 'waiting'
  cancelRefinement()
  if (!pending || lastGet === null) return
  waitForStill(lastGet)
}

function listenForInput(): void {
  if (listening || typeof window === 'undefined') return
  listening = true
  const options = { capture: true, passive: true }
  for (const type of ['pointerdown', 'wheel', 'keydown', 'touchstart'] as const)
    window.addEventListener(type, onInput, options)
}

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0))

/**
 * After every interactive frame: cancel a refinement under way and start one once the view has
 * been still for `STILL_MS` (and is settled: full resolution, camera at rest, layout current).
 */
export function noteInteractiveFrame(get: () => RootState): void {
  listenForInput()
  lastGet = get
  cancelRefinement()
  waitForStill(get)
}

/** Starts the quiet time: a refinement starts `STILL_MS` from now if nothing stops it. */
function waitForStill(get: () => RootState): void {
  presentationStatus.state = 'waiting'
  timer = setTimeout(() => tryStart(get), STILL_MS)
}

function tryStart(get: () => RootState): void {
  timer = null
  if (presentationStatus.state !== 'waiting') return
  if (!viewSettled(get())) {
    timer = setTimeout(() => tryStart(get), STILL_MS)
    return
  }
  void run(get)
}

/** A slice of work: synchronous, or the synchronous part of something to wait for. */
type Step = () => void | Promise<unknown>

/**
 * Slices that get the presentation shading ready: the environment map, then the presentation
 * programs of every material. Where the browser compiles shaders in parallel
 * (KHR_parallel_shader_compile) they are started in one slice and waited for without blocking
 * (three's `compileAsync`); elsewhere one material a slice (a software rasteriser compiles a
 * physically based program with shadows in the order of a second). After the first run they
 * are cached and these slices take a millisecond.
 */
function preparationSteps(
  gl: THREE.WebGLRenderer,
  scene: THREE.Scene,
  camera: THREE.Camera,
  target: THREE.WebGLRenderTarget,
): Step[] {
  const steps: Step[] = [() => setShading(scene, gl, presentationMode(), true)]
  if (gl.extensions.has('KHR_parallel_shader_compile')) {
    steps.push(() => {
      gl.setRenderTarget(target)
      return gl.compileAsync(scene, camera, scene)
    })
    return steps
  }
  setShading(scene, gl, presentationMode(), true)
  const byMaterial = new Map<THREE.Material, THREE.Object3D>()
  scene.traverse((object) => {
    const mesh = object as THREE.Mesh
    if (!mesh.isMesh || !mesh.visible || Array.isArray(mesh.material)) return
    if (!byMaterial.has(mesh.material)) byMaterial.set(mesh.material, mesh)
  })
  restoreInteractive(scene, gl)
  for (const [material, object] of byMaterial)
    steps.push(() => {
      setShading(scene, gl, presentationMode(), true)
      // Programs for the scene target (render-target output differs from the canvas's).
      gl.setRenderTarget(target)
      gl.compile(object, camera, scene)
      // The program's first use waits for it to link: do it here, in this slice.
      const props = gl.properties.get(material) as { currentProgram?: { getUniforms(): unknown } }
      props.currentProgram?.getUniforms()
    })
  return steps
}

async function run(get: () => RootState): Promise<void> {
  const my = ++token
  presentationStatus.state = 'running'
  presentationStatus.runs++
  const started = performance.now()
  const slices: number[] = []
  presentationStatus.sliceMs = slices
  await preparePresentation()
  if (my !== token) return
  const { gl, scene, camera } = get()
  const p = pipelineFor(gl)
  if (!p) return
  const buffer = gl.getDrawingBufferSize(new THREE.Vector2())
  const width = buffer.x
  const height = buffer.y
  const software = isSoftwareRenderer()
  const [shadowMap, ...frame] = p.steps(
    scene,
    camera,
    { width, height },
    {
      bands: software ? PRESENTATION_BANDS : 1,
      shadowSlice: true,
    },
  )
  // The shadow map first: programs compiled before it exists do not draw with it (WebGL
  // reports a sampler mismatch and drops the draw) on the first run.
  const steps: Step[] = [
    ...(shadowMap ? [shadowMap] : []),
    ...preparationSteps(gl, scene, camera, p.target),
    ...frame,
  ]
  const pixel = new Uint8Array(4)
  for (const step of steps) {
    await nextTask()
    if (my !== token) return
    const t0 = performance.now()
    let pending: void | Promise<unknown>
    try {
      pending = step()
      // Wait for the GPU here, so the slice's work is done within its own task (not for work
      // that finishes on its own: parallel shader compiles).
      if (!pending) {
        gl.setRenderTarget(null)
        const ctx = gl.getContext()
        ctx.readPixels(0, 0, 1, 1, ctx.RGBA, ctx.UNSIGNED_BYTE, pixel)
      }
    } finally {
      restoreInteractive(scene, gl)
    }
    slices.push(performance.now() - t0)
    if (pending) await pending
  }
  presentationStatus.state = 'done'
  presentationStatus.completed++
  presentationStatus.lastRunMs = performance.now() - started
  presentationStatus.longestSliceMs = Math.max(0, ...slices)
}
