import { useLayoutEffect, useMemo } from 'react'
import * as THREE from 'three'
import { STOREYS, type BuildOut, type PlotBuild } from '../layout'
import { noteSceneBuildOut, useCampus, useDeferredBuildOut } from '../state'
import { BOX_STRIDE, Boxes, boxData, putBox } from './Boxes'
import { sceneStats } from './stats'

/**
 * The build-out at the date on the timeline (src/layout/buildOut.ts): plots under construction
 * as bare earth with a foundation slab, a steel frame rising storey by storey and tower cranes;
 * planned plots as outlines on the ground (building and yards). Every box is one instance of a
 * single InstancedMesh coloured per instance: one draw call, whatever the campus.
 */

/** Steel column and beam spacing, metres (a typical long-span AI hall grid is 12–18 m). */
const GRID_M = 15
const COLUMN_M = 0.6
const BEAM_M = 0.5
/** Width of an outline on the ground, metres: readable from the overview of a large campus. */
const OUTLINE_M = 2.5
const OUTLINE_H_M = 0.3
/** A tower crane: mast, jib and counter-jib lengths, metres. */
const CRANE = { mast: 2.2, jib: 55, counterJib: 16, above: 24 } as const

/** Colours as written in the design (sRGB), converted to the working (linear) space once. */
const COLOURS = {
  earth: '#9b7653',
  slab: '#c7c4bb',
  steel: '#8a5a44',
  deck: '#9aa3ab',
  crane: '#e8b10f',
  counterweight: '#5d6166',
  outline: '#f7f8fa',
  outlineYard: '#dfe4ea',
} as const
type ColourId = keyof typeof COLOURS
const LINEAR: Readonly<Record<ColourId, readonly [number, number, number]>> = (() => {
  const c = new THREE.Color()
  const out = {} as Record<ColourId, readonly [number, number, number]>
  for (const id of Object.keys(COLOURS) as ColourId[]) {
    c.set(COLOURS[id])
    out[id] = [c.r, c.g, c.b]
  }
  return out
})()

const material = new THREE.MeshStandardMaterial({ roughness: 0.85, metalness: 0.15 })

interface Writer {
  box(
    colour: ColourId,
    x: number,
    y: number,
    z: number,
    sx: number,
    sy: number,
    sz: number,
    yaw?: number,
  ): void
}

/** How many boxes one plot takes, at most (for sizing the buffers once). */
function boxesFor(plot: PlotBuild): number {
  if (plot.state === 'planned') return 12
  const nx = Math.ceil(plot.building.w / GRID_M) + 1
  const nz = Math.ceil(plot.building.d / GRID_M) + 1
  return 2 + nx * nz + (nx + nz) * (STOREYS + 1) + 1 + 5 * 2
}

function outline(out: Writer, colour: ColourId, r: PlotBuild['building']): void {
  const y = OUTLINE_H_M / 2
  const t = OUTLINE_M
  out.box(colour, r.x, y, r.z - r.d / 2 + t / 2, r.w, OUTLINE_H_M, t)
  out.box(colour, r.x, y, r.z + r.d / 2 - t / 2, r.w, OUTLINE_H_M, t)
  out.box(colour, r.x - r.w / 2 + t / 2, y, r.z, t, OUTLINE_H_M, r.d - 2 * t)
  out.box(colour, r.x + r.w / 2 - t / 2, y, r.z, t, OUTLINE_H_M, r.d - 2 * t)
}

/**
 * A plot under construction, by progress p (0 at ground-breaking, 1 when it comes online):
 * earth from the start; the slab from p 0.1; the frame rising from p 0.15 to 0.7, its beams
 * at every storey reached; the roof deck closing from p 0.7; tower cranes throughout.
 */
function underConstruction(out: Writer, plot: PlotBuild): void {
  const { plot: area, building: b, heightM, progress: p } = plot
  out.box('earth', area.x, 0.06, area.z, area.w, 0.12, area.d)
  if (p >= 0.1) out.box('slab', b.x, 0.3, b.z, b.w, 0.6, b.d)
  const frameH = heightM * Math.min(1, Math.max(0, (p - 0.15) / 0.55))
  const nx = Math.ceil(b.w / GRID_M) + 1
  const nz = Math.ceil(b.d / GRID_M) + 1
  const x0 = b.x - b.w / 2
  const z0 = b.z - b.d / 2
  const dx = b.w / (nx - 1)
  const dz = b.d / (nz - 1)
  if (frameH > 0.5) {
    for (let i = 0; i < nx; i++)
      for (let j = 0; j < nz; j++)
        out.box('steel', x0 + i * dx, 0.6 + frameH / 2, z0 + j * dz, COLUMN_M, frameH, COLUMN_M)
    const storeyH = heightM / STOREYS
    for (let level = 1; level <= STOREYS; level++) {
      const y = 0.6 + level * storeyH
      if (y > 0.6 + frameH + 0.01) break
      for (let j = 0; j < nz; j++) out.box('steel', b.x, y, z0 + j * dz, b.w, BEAM_M, BEAM_M)
      for (let i = 0; i < nx; i++) out.box('steel', x0 + i * dx, y, b.z, BEAM_M, BEAM_M, b.d)
    }
  }
  const deck = Math.min(1, Math.max(0, (p - 0.7) / 0.3))
  if (deck > 0)
    out.box('deck', x0 + (b.w * deck) / 2, 0.6 + heightM + 0.3, b.z, b.w * deck, 0.4, b.d)
  // Tower cranes: one per 10,000 m² of footprint (one or two), west and east of centre.
  const cranes = b.w * b.d > 10_000 ? 2 : 1
  const top = heightM + CRANE.above
  for (let k = 0; k < cranes; k++) {
    const cx = cranes === 1 ? b.x : b.x + (k === 0 ? -1 : 1) * (b.w / 4)
    const cz = b.z + (k === 0 ? -1 : 1) * Math.min(b.d / 4, 12)
    // Each crane's jib points its own way (deterministic by plot and crane).
    const yaw = ((plot.index * 2.399 + k * 1.7) % (2 * Math.PI)) - Math.PI
    const c = Math.cos(yaw)
    const s = Math.sin(yaw)
    out.box('crane', cx, top / 2, cz, CRANE.mast, top, CRANE.mast)
    const along = (d: number): [number, number] => [cx + c * d, cz - s * d]
    const [jx, jz] = along(CRANE.jib / 2)
    out.box('crane', jx, top + 1, jz, CRANE.jib, 1.6, 1.6, yaw)
    const [kx, kz] = along(-CRANE.counterJib / 2)
    out.box('crane', kx, top + 1, kz, CRANE.counterJib, 1.4, 1.4, yaw)
    const [wx, wz] = along(-CRANE.counterJib + 2)
    out.box('counterweight', wx, top - 0.5, wz, 4, 3, 3, yaw)
    out.box('crane', cx, top + 5, cz, 1, 8, 1)
  }
}

/** Every box of the build-out, with its colour (linear RGB). */
export function constructionBoxes(buildOut: BuildOut | null): {
  data: Float32Array
  colors: Float32Array
} {
  const plots = buildOut?.plots ?? []
  const capacity = plots.reduce((n, p) => n + boxesFor(p), 0)
  const data = boxData(capacity)
  const colors = new Float32Array(capacity * 3)
  let n = 0
  const out: Writer = {
    box(colour, x, y, z, sx, sy, sz, yaw = 0) {
      if (n >= capacity) return
      putBox(data, n, x, y, z, sx, sy, sz, yaw)
      colors.set(LINEAR[colour], n * 3)
      n++
    },
  }
  for (const plot of plots) {
    if (plot.state === 'construction') underConstruction(out, plot)
    else {
      outline(out, 'outline', plot.building)
      outline(out, 'outlineYard', plot.cooling)
      if (plot.generators) outline(out, 'outlineYard', plot.generators)
    }
  }
  return { data: data.subarray(0, n * BOX_STRIDE), colors: colors.subarray(0, n * 3) }
}

/** Site works, steel frames, cranes and planned outlines of a phased campus (one draw call). */
export function Construction() {
  const buildOut = useDeferredBuildOut()
  const visible = useCampus((s) => s.layers.compute)
  const { data, colors } = useMemo(() => constructionBoxes(buildOut), [buildOut])
  // After the boxes are written (Boxes' own layout effect runs first), say what is drawn.
  useLayoutEffect(() => {
    sceneStats.constructionBoxes = data.length / BOX_STRIDE
    noteSceneBuildOut(buildOut)
  }, [buildOut, data])
  return (
    <Boxes data={data} colors={colors} material={material} visible={visible} name="construction" />
  )
}
