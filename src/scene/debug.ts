import type { RootState } from '@react-three/fiber'
import * as THREE from 'three'
import { parseScenario, formatProblem } from '../model'
import { lastLayoutMs, selectLayout, setScenario, useCampus } from '../state'
import { rig } from './CameraRig'
import { lookStats } from './lookStats'
import { presentationStatus, type PresentationStatus } from './presentation'
import { viewSettled } from './renderQuality'
import { pickTargets } from './sceneData'
import { sceneStats } from './stats'

/**
 * A small read-only hook for browser tests and the render bench (`window.__campusDebug`).
 * It measures and reports; the one writer, `setScenario`, goes through the store's action
 * like any control would.
 */
export interface CampusDebug {
  /** Draw calls and triangles of the last rendered frame. */
  renderInfo(): { calls: number; triangles: number; geometries: number; programs: number }
  /** Renders one frame synchronously and waits for the GPU (1-pixel read-back); milliseconds. */
  renderOnce(): number
  /** Milliseconds the latest layout took. */
  layoutMs(): number
  /** performance.now() when the first frame with the campus on it was finished; null before. */
  firstFrameAt(): number | null
  /** How racks are drawn at the current level of detail. */
  counts(): {
    rackCount: number
    detailedRacks: number
    rowsDrawn: number
    racksInRows: number
    halls: number
  }
  /** The camera's position and target, metres. */
  pose(): { position: [number, number, number]; target: [number, number, number] } | null
  /** Where a selectable asset's top centre is on the page (CSS pixels), or null off screen. */
  screenOf(kind: string, index: number): { x: number; y: number } | null
  /** Frames rendered since the page opened. */
  frames(): number
  /**
   * True when the view is still: it shows the current scenario's layout (none pending at
   * deferred priority or waiting for a climate), no camera move or transition is under way,
   * and it draws at full resolution (renderQuality.ts).
   */
  settled(): boolean
  /**
   * The presentation refinement of the still frame (presentation.ts): its state, how many runs
   * started, finished and were cancelled, and the time of each slice of the last run.
   */
  presentation(): PresentationStatus
  /** What the look shows (lookStats.ts): site lights and their lamp level, trees placed. */
  look(): { siteLights: number; lampLevel: number; lampsDrawn: boolean; trees: number }
  /** Loads a scenario document through the store (problems as text; empty when loaded). */
  setScenario(doc: unknown): string[]
}

declare global {
  interface Window {
    __campusDebug?: CampusDebug
  }
}

export function installDebugHook(state: RootState): void {
  const { gl } = state
  const pixel = new Uint8Array(4)
  const read = () => {
    const ctx = gl.getContext()
    ctx.readPixels(0, 0, 1, 1, ctx.RGBA, ctx.UNSIGNED_BYTE, pixel)
  }
  const scratch = new THREE.Vector3()
  window.__campusDebug = {
    renderInfo: () => ({
      calls: gl.info.render.calls,
      triangles: gl.info.render.triangles,
      geometries: gl.info.memory.geometries,
      programs: gl.info.programs?.length ?? 0,
    }),
    renderOnce: () => {
      const { scene, camera } = state.get()
      const t0 = performance.now()
      gl.render(scene, camera)
      read()
      return performance.now() - t0
    },
    layoutMs: lastLayoutMs,
    frames: () => sceneStats.frames,
    settled: () => viewSettled(state.get()),
    presentation: () => ({ ...presentationStatus, sliceMs: [...presentationStatus.sliceMs] }),
    look: () => ({ ...lookStats }),
    firstFrameAt: () => sceneStats.firstFrameAt,
    counts: () => {
      const layout = selectLayout(useCampus.getState())
      return {
        rackCount: layout?.racks.count ?? 0,
        detailedRacks: sceneStats.detailedRacks,
        rowsDrawn: sceneStats.rowsDrawn,
        racksInRows: sceneStats.racksInRows,
        halls: layout?.halls.length ?? 0,
      }
    },
    pose: () => {
      const controls = rig.controls
      if (!controls) return null
      const p = controls.getPosition(scratch)
      const position: [number, number, number] = [p.x, p.y, p.z]
      const t = controls.getTarget(scratch)
      return { position, target: [t.x, t.y, t.z] }
    },
    screenOf: (kind, index) => {
      const layout = selectLayout(useCampus.getState())
      const target = layout
        ? pickTargets(layout).find((t) => t.kind === kind && t.index === index)
        : undefined
      if (!target) return null
      const { camera, size } = state.get()
      const [x, y, z, , h] = target.box
      scratch.set(x, y + h / 2 - 0.5, z).project(camera)
      if (Math.abs(scratch.x) > 1 || Math.abs(scratch.y) > 1 || scratch.z > 1) return null
      const rect = gl.domElement.getBoundingClientRect()
      return {
        x: rect.left + ((scratch.x + 1) / 2) * size.width,
        y: rect.top + ((1 - scratch.y) / 2) * size.height,
      }
    },
    setScenario: (doc) => {
      const result = parseScenario(doc)
      if (!result.ok) return result.problems.map(formatProblem)
      setScenario(result.scenario)
      return []
    },
  }
}

/** After each frame: the time of the first one that shows the campus (with a 1-pixel read-back). */
export function noteFrame(state: RootState, campusMounted: boolean): void {
  sceneStats.frames++
  if (sceneStats.firstFrameAt !== null || !campusMounted) return
  if (state.gl.info.render.calls === 0) return
  const ctx = state.gl.getContext()
  const pixel = new Uint8Array(4)
  ctx.readPixels(0, 0, 1, 1, ctx.RGBA, ctx.UNSIGNED_BYTE, pixel)
  sceneStats.firstFrameAt = performance.now()
}
