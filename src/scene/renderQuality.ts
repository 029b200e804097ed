/**
 * How much the 3D view may ask of the machine. On a software rasteriser (SwiftShader, llvmpipe:
 * no GPU, or one the browser will not use) every pixel is drawn by the CPU, and in Chromium the
 * page's main thread waits for the whole WebGL frame when it composites the canvas: at 4.5 GW a
 * full-resolution frame with 4× multisampling took 350–500 ms of the main thread on the 2-core
 * development machine, half of it for the multisampling (docs/SCENE.md, "Speed").
 *
 * There, the view drops multisampling, and renders at half resolution while it is busy (the
 * campus changing under a slider, a camera move or transition), returning to full resolution
 * once it has been still for `SETTLE_MS`. On a GPU nothing changes.
 */

import type { RootState } from '@react-three/fiber'
import { selectLayout, useCampus } from '../state'
import { cameraMoving } from './CameraRig'
import { sceneStats } from './stats'

/** Resolution scale while the view is busy on a software rasteriser. */
export const BUSY_RESOLUTION = 0.5

/** Quiet time after the last change before the full-resolution frame, ms. */
export const SETTLE_MS = 400

const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software rasterizer|basic render/i

let software: boolean | null = null

/** Whether WebGL here is rasterised on the CPU (probed once on a throwaway canvas). */
export function isSoftwareRenderer(): boolean {
  if (software !== null) return software
  software = false
  if (typeof document === 'undefined') return software
  const canvas = document.createElement('canvas')
  const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl')
  if (!gl) return software
  const info = gl.getExtension('WEBGL_debug_renderer_info')
  const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '')
  software = SOFTWARE_RENDERER.test(renderer)
  gl.getExtension('WEBGL_lose_context')?.loseContext()
  return software
}

/**
 * Whether the view is still: it shows the current scenario's layout (none pending at deferred
 * priority or waiting for a climate), no slider is held, no camera move or transition is under
 * way, and it draws at full resolution. The presentation refinement starts from here, and the
 * test hook's `settled()` reports it.
 */
export function viewSettled(state: RootState): boolean {
  const current = selectLayout(useCampus.getState())
  return (
    current !== null &&
    sceneStats.layout === current &&
    state.performance.current === state.performance.max &&
    !useCampus.getState().dragging &&
    !cameraMoving()
  )
}
