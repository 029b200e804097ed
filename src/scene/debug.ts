import type { RootState } from '@react-three/fiber'
import * as THREE from 'three'
import { parseScenario, formatProblem } from '../model'
import { kitAtlasPainted } from './kitMaterial'
import {
  lastLayoutMs,
  sceneShowsStore,
  selectBuildOut,
  selectLayout,
  selectPhaseIndex,
  setScenario,
  useCampus,
} from '../state'
import { cameraMoving, rig } from './CameraRig'
import { BUILT_OWNER } from './Instances'
import { labelState } from './Labels'
import { lookStats } from './lookStats'
import { presentationStatus, type PresentationStatus } from './presentation'
import { viewSettled } from './renderQuality'
import { pickTargets } from './sceneData'
import { plantShown, plantStats, type PlantStats } from './plant/plantStats'
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
  /**
   * How racks are drawn at the current level of detail: one by one (halls near the camera
   * whose inside shows) or as row boxes. Whether a hall's inside shows at all (X-ray, the
   * cut-away building) is `built()`'s.
   */
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
   * deferred priority or waiting for a climate; the plant and feeds, which load in their own
   * chunk, show it too), no camera move or transition is under way, and it draws at full
   * resolution (renderQuality.ts).
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
  /**
   * The named view on screen and where each of its subjects (views.ts: the campus, the hall,
   * the wind farm, the line…) is on the canvas now: the extent of its points, CSS pixels from
   * the canvas's top left. Subjects are empty for a custom view.
   */
  framing(): {
    view: string
    width: number
    height: number
    subjects: { id: string; x0: number; y0: number; x1: number; y1: number; behind: boolean }[]
  }
  /** The labels as last placed (canvas CSS pixels), the safe area and the obstacles they keep clear of. */
  labels(): {
    placed: {
      id: string
      x0: number
      y0: number
      x1: number
      y1: number
      leader: boolean
      anchorX: number
      anchorY: number
    }[]
    safe: { x0: number; y0: number; x1: number; y1: number }
    obstacles: { x0: number; y0: number; x1: number; y1: number }[]
  }
  /** The building the Hall interior view cuts away (store `cutawayBuilding`). */
  cutawayBuilding(): number | null
  /**
   * The build-out the view shows: the phase (0-based) and month on the timeline, plots built,
   * under construction and planned, the construction boxes drawn, and whether the view has
   * committed the store's phase and date (`shown`). Month null without phases.
   */
  buildOut(): {
    phase: number
    month: string | null
    built: number
    construction: number
    planned: number
    boxes: number
    shown: boolean
  }
  /**
   * The buildings' and site's detail as drawn: X-ray, the cut-away building (Hall interior)
   * and the buildings with their roof on, instances drawn by kind (roof units, walkways,
   * exhaust fans, openings, containment pieces, CDUs, people, cars, trucks, …), and how many
   * draw calls their meshes can take at most (visible meshes with instances).
   */
  built(): {
    xray: boolean
    cutaway: number | null
    /** How dark it is for the lit windows (0 day … 1 night, `useSun().night`). */
    night: number
    solidRoofs: number
    buildings: number
    instances: Record<string, number>
    drawCalls: number
  }
  /**
   * What the plant and feeds draw: pieces drawn as full models per kind, small parts shown
   * near the camera (switchyard apparatus, pipe racks), wind turbines and
   * blades per rotor, obstruction lights (placed, shown at night, flashing), switchyard
   * gantries, breakers and disconnectors, line towers, gas stacks, tracker rows and their tilt.
   */
  plant(): PlantStats
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
    settled: () => {
      const current = selectLayout(useCampus.getState())
      return (
        current !== null &&
        sceneStats.interiorLayout === current &&
        kitAtlasPainted() &&
        plantShown.plant === current &&
        plantShown.feeds === current &&
        !cameraMoving() &&
        viewSettled(state.get())
      )
    },
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
    framing: () => {
      const { camera, size } = state.get()
      const view = useCampus.getState().camera.view
      const framed = view === 'custom' ? null : rig.framed
      const subjects = (framed?.subjects ?? []).map((subject) => {
        let x0 = Infinity
        let y0 = Infinity
        let x1 = -Infinity
        let y1 = -Infinity
        let behind = false
        for (const p of subject.points) {
          scratch.set(p[0], p[1], p[2]).project(camera)
          if (scratch.z > 1) behind = true
          const x = ((scratch.x + 1) / 2) * size.width
          const y = ((1 - scratch.y) / 2) * size.height
          x0 = Math.min(x0, x)
          y0 = Math.min(y0, y)
          x1 = Math.max(x1, x)
          y1 = Math.max(y1, y)
        }
        return { id: subject.id, x0, y0, x1, y1, behind }
      })
      return { view, width: size.width, height: size.height, subjects }
    },
    labels: () => ({
      placed: labelState.placed.map((p) => ({
        id: p.id,
        ...p.box,
        leader: p.leader,
        anchorX: p.anchorX,
        anchorY: p.anchorY,
      })),
      safe: { ...labelState.safe },
      obstacles: labelState.obstacles.map((o) => ({ ...o })),
    }),
    cutawayBuilding: () => useCampus.getState().cutawayBuilding,
    buildOut: () => {
      const state = useCampus.getState()
      const b = selectBuildOut(state)
      return {
        phase: selectPhaseIndex(state),
        month: b?.month ?? null,
        built: b?.built ?? state.scenario.buildings,
        construction: b?.construction ?? 0,
        planned: b?.planned ?? 0,
        boxes: sceneStats.constructionBoxes,
        shown: sceneShowsStore(),
      }
    },
    built: () => {
      const { scene } = state.get()
      let drawCalls = 0
      scene.traverseVisible((o) => {
        if (o.userData.owner !== BUILT_OWNER) return
        if (o instanceof THREE.InstancedMesh ? o.count > 0 : o instanceof THREE.Mesh) drawCalls++
      })
      return {
        xray: useCampus.getState().xray,
        cutaway: sceneStats.cutaway,
        night: sceneStats.night,
        solidRoofs: sceneStats.solidRoofs,
        buildings: sceneStats.layout?.buildings.length ?? 0,
        instances: { ...sceneStats.built },
        drawCalls,
      }
    },
    plant: () => ({
      ...plantStats,
      detailed: { ...plantStats.detailed },
      near: { ...plantStats.near },
    }),
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
