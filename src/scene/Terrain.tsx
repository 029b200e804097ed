import { useEffect, useMemo } from 'react'
import * as THREE from 'three'
import { fbm, terrainHeightM, type CampusLayout, type TerrainSpec } from '../layout'
import type { Terrain as TerrainKind } from '../model'
import { Boxes } from './Boxes'
import { materials } from './materials'

/**
 * Grid cells per side by terrain (mountains need more than a plain); the grid is denser near
 * the campus (cubic warp). Terrain triangles are the largest single cost of a software frame.
 */
const SEGMENTS: Readonly<Record<TerrainKind, number>> = {
  fjord: 88,
  forest: 90,
  coastal: 80,
  plain: 64,
  desert: 72,
}
const WARP_LINEAR = 0.22

const GROUND: Readonly<Record<TerrainKind, { pad: string; land: string; shore: string }>> = {
  fjord: { pad: '#a5b183', land: '#7f995c', shore: '#8e8b7e' },
  forest: { pad: '#a3ae86', land: '#5f7a45', shore: '#9a9780' },
  plain: { pad: '#c4b993', land: '#b9ab78', shore: '#b9ab78' },
  desert: { pad: '#cdbf9d', land: '#d3b88c', shore: '#d3b88c' },
  coastal: { pad: '#aab88a', land: '#8ba661', shore: '#dccb9e' },
}
const ROCK = new THREE.Color('#8b8c85')
const SNOW = new THREE.Color('#f0f3f5')
const SEABED = new THREE.Color('#55705f')

/** Groves: where trees stand (and the ground is darker), about −1…1. */
function groveOf(t: TerrainSpec, x: number, z: number): number {
  return fbm(t.seed + 23, x / 320, z / 320)
}

const FOREST_FLOOR = new THREE.Color('#4e6a3a')

function warp(u: number): number {
  return WARP_LINEAR * u + (1 - WARP_LINEAR) * u * u * u
}

/** The terrain mesh for a spec: heights from the layout's terrain function, colours by kind, slope and height. */
export function buildTerrain(t: TerrainSpec): THREE.BufferGeometry {
  const segments = SEGMENTS[t.kind]
  const n = segments + 1
  const positions = new Float32Array(n * n * 3)
  for (let j = 0; j < n; j++)
    for (let i = 0; i < n; i++) {
      const x = warp((i / segments) * 2 - 1) * t.extentM
      const z = warp((j / segments) * 2 - 1) * t.extentM
      const k = (j * n + i) * 3
      positions[k] = x
      positions[k + 1] = terrainHeightM(t, x, z)
      positions[k + 2] = z
    }
  const index: number[] = []
  for (let j = 0; j < segments; j++)
    for (let i = 0; i < segments; i++) {
      const a = j * n + i
      index.push(a, a + n, a + 1, a + 1, a + n, a + n + 1)
    }
  const g = new THREE.BufferGeometry()
  g.setAttribute('position', new THREE.BufferAttribute(positions, 3))
  g.setIndex(index)
  g.computeVertexNormals()
  const normals = g.getAttribute('normal')
  const colors = new Float32Array(n * n * 3)
  const palette = GROUND[t.kind]
  const pad = new THREE.Color(palette.pad)
  const land = new THREE.Color(palette.land)
  const shore = new THREE.Color(palette.shore)
  const c = new THREE.Color()
  const sea = t.seaLevelYM ?? -Infinity
  const padX = t.pad.w / 2
  const padZ = t.pad.d / 2
  for (let v = 0; v < n * n; v++) {
    const x = positions[v * 3] ?? 0
    const y = positions[v * 3 + 1] ?? 0
    const z = positions[v * 3 + 2] ?? 0
    const up = normals.getY(v)
    const onPad = Math.abs(x - t.pad.x) <= padX && Math.abs(z - t.pad.z) <= padZ
    if (onPad) c.copy(pad)
    else if (y < sea - 0.5) c.copy(SEABED)
    else if (y < sea + 4) c.copy(shore)
    else {
      c.copy(land)
      if (TREE_COUNT[t.kind] > 0 && y < 380)
        c.lerp(FOREST_FLOOR, THREE.MathUtils.smoothstep(groveOf(t, x, z), 0.05, 0.3) * 0.8)
      const steep = THREE.MathUtils.smoothstep(1 - up, 0.18, 0.42)
      c.lerp(ROCK, steep)
      if (t.kind === 'fjord') c.lerp(SNOW, THREE.MathUtils.smoothstep(y, 620, 760))
    }
    const tint = 1 + 0.07 * fbm(t.seed + 5, x / 180, z / 180)
    colors[v * 3] = c.r * tint
    colors[v * 3 + 1] = c.g * tint
    colors[v * 3 + 2] = c.b * tint
  }
  g.setAttribute('color', new THREE.BufferAttribute(colors, 3))
  g.computeBoundingSphere()
  return g
}

/** Cones for trees, scattered deterministically off the pad (forest and fjord lowlands). */
const TREE_CONE = new THREE.ConeGeometry(0.5, 1, 6, 1, true)

const TREE_COUNT: Readonly<Record<TerrainKind, number>> = {
  forest: 2400,
  fjord: 1000,
  coastal: 300,
  plain: 150,
  desert: 0,
}

function treeBoxes(layout: CampusLayout): { data: Float32Array; colors: Float32Array } {
  const t = layout.terrain
  const wanted = TREE_COUNT[t.kind]
  const out: number[] = []
  const tints: number[] = []
  const radius = Math.max(t.pad.w, t.pad.d) / 2 + 2400
  // Groves cover roughly a third of the land; the cell size aims at `wanted` trees in all.
  const cell = Math.sqrt((Math.PI * radius * radius * 0.3) / Math.max(1, wanted))
  const cap = wanted * 1.5
  const avoid = [...(layout.wind?.turbines ?? []), ...layout.lines.flatMap((l) => l.towers)]
  const hydro = layout.hydro
  const green = new THREE.Color()
  for (let gz = -radius; gz < radius && out.length / 7 < cap; gz += cell)
    for (let gx = -radius; gx < radius && out.length / 7 < cap; gx += cell) {
      const jx = fbm(t.seed + 21, gx / 37, gz / 41)
      const jz = fbm(t.seed + 22, gx / 43, gz / 29)
      const x = t.pad.x + gx + jx * cell
      const z = t.pad.z + gz + jz * cell
      const dx = Math.abs(x - t.pad.x) - t.pad.w / 2
      const dz = Math.abs(z - t.pad.z) - t.pad.d / 2
      if (dx < 40 && dz < 40) continue
      if (gx * gx + gz * gz > radius * radius) continue
      if (groveOf(t, x, z) < 0.15) continue
      const y = terrainHeightM(t, x, z)
      if (t.seaLevelYM !== null && y < t.seaLevelYM + 3) continue
      if (y > 380) continue
      const slope =
        Math.abs(terrainHeightM(t, x + 12, z) - y) + Math.abs(terrainHeightM(t, x, z + 12) - y)
      if (slope > 9) continue
      if (avoid.some((p) => Math.abs(p.x - x) < 40 && Math.abs(p.z - z) < 40)) continue
      if (hydro && Math.abs(x - hydro.dam.x) < 40 && z > hydro.dam.z && z < hydro.powerhouse.z)
        continue
      const size = 0.8 + 0.5 * (fbm(t.seed + 24, x / 11, z / 13) + 1) * 0.5
      const h = (t.kind === 'forest' ? 24 : 18) * size
      const r = (t.kind === 'forest' ? 6 : 6.5) * size
      out.push(x, y + h / 2 - 0.5, z, 2 * r, h, 2 * r, 0)
      green.setHSL(0.25 + 0.04 * jx, 0.34, 0.24 + 0.05 * jz).convertSRGBToLinear()
      tints.push(green.r, green.g, green.b)
    }
  return { data: Float32Array.from(out), colors: Float32Array.from(tints) }
}

export function Terrain({ layout }: { layout: CampusLayout }) {
  const t = layout.terrain
  const key = JSON.stringify(t)
  // Rebuilt only when the terrain itself changes (the key), not on every layout.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const geometry = useMemo(() => buildTerrain(t), [key])
  useEffect(() => () => geometry.dispose(), [geometry])
  const trees = useMemo(() => treeBoxes(layout), [layout])
  const m = materials()
  const sea = t.seaLevelYM
  const hydro = layout.hydro
  const reservoir = useMemo(() => {
    if (!hydro) return null
    const r = hydro.reservoir
    const shape = new THREE.Shape()
    shape.absellipse(0, 0, r.w / 2, r.d, 0, Math.PI, false, 0)
    const g = new THREE.ShapeGeometry(shape, 24)
    g.rotateX(-Math.PI / 2)
    return { geometry: g, x: r.x, z: r.z + r.d / 2, y: hydro.reservoirLevelYM }
  }, [hydro])
  return (
    <group>
      <mesh geometry={geometry} material={m.terrain} />
      {sea !== null && (
        <mesh
          material={m.water}
          renderOrder={1}
          position={[0, sea, 0]}
          rotation={[-Math.PI / 2, 0, 0]}
          scale={[t.extentM * 2, t.extentM * 2, 1]}
        >
          <planeGeometry args={[1, 1]} />
        </mesh>
      )}
      {reservoir && (
        <mesh
          geometry={reservoir.geometry}
          material={m.water}
          position={[reservoir.x, reservoir.y, reservoir.z]}
        />
      )}
      <Boxes data={trees.data} colors={trees.colors} geometry={TREE_CONE} material={m.foliage} />
    </group>
  )
}
