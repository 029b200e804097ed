import { useFrame, useThree } from '@react-three/fiber'
import { interactiveMode, noteInteractiveFrame } from './presentation'
import { prepareShadowMap, setShading } from './shading'

/**
 * Draws the interactive frames (r3f hands rendering to a frame callback with a priority): each
 * frame in the interactive shading (shading.ts: fast on a software rasteriser, physically
 * based with shadow maps on a GPU), then tells the presentation refinement that the view
 * changed, so it waits for the next still moment (presentation.ts).
 */
export function LookRenderer() {
  const get = useThree((s) => s.get)
  useFrame((state) => {
    const { gl, scene, camera } = state
    const { mode, shadows } = interactiveMode()
    setShading(scene, gl, mode, shadows)
    if (shadows) prepareShadowMap(gl, 4096)
    gl.setRenderTarget(null)
    gl.render(scene, camera)
    noteInteractiveFrame(get)
  }, 1)
  return null
}
