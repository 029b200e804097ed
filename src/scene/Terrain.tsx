import { useEffect, useLayoutEffect, useMemo } from 'react'
import * as THREE from 'three'
import {
  STANDS,
  fbm,
  groveNoise,
  snowCover,
  terrainHeightM,
  type Biome,
  type CampusLayout,
  type TerrainSpec,
} from '../layout'
import type { Terrain as TerrainKind } from '../model'
import { materials } from './materials'
import { NO_SHADOW, setFastTwin } from './shading'
import { useSnowTemperatureC } from './snow'
import { Vegetation } from './Vegetation'

/**
 * Grid cells per side by terrain (mountains need more than a plain); the grid is denser near
 * the campus (cubic warp). Terrain triangles are the largest single cost of a software frame.
 */
const SEGMENTS: Readonly<Record<TerrainKind, number>> = {
  fjord: 88,
  forest: 80,
  coastal: 72,
  plain: 64,
  desert: 72,
}
const WARP_LINEAR = 0.22

interface Palette {
  /** The campus pad outside the built areas: mown grass, caliche, gravel or sand. */
  readonly pad: string
  readonly land: string
  /** A second land colour in patches (fields, grass on red soil, dunes). */
  readonly patch: string
  /** Under groves of trees. */
  readonly grove: string
  readonly shore: string
  readonly rock: string
  /** Open water's colour (it also reflects the sky). */
  readonly water: string
}

/** Ground colours by biome (sRGB), after site photographs. */
const PALETTES: Readonly<Record<Biome, Palette>> = {
  fjord: {
    pad: '#7d9460',
    land: '#5e7846',
    patch: '#6f7f4e',
    grove: '#3c5431',
    shore: '#77766c',
    rock: '#7a7a74',
    water: '#163542',
  },
  boreal: {
    pad: '#819366',
    land: '#5d7448',
    patch: '#7a8658',
    grove: '#31452a',
    shore: '#8a8774',
    rock: '#7d7c75',
    water: '#1f3d4a',
  },
  farmland: {
    pad: '#86a25a',
    land: '#7c984c',
    patch: '#b3a46c',
    grove: '#3d5a2c',
    shore: '#8d8a72',
    rock: '#8a877c',
    water: '#2a5262',
  },
  scrub: {
    pad: '#a98a6e',
    land: '#a3704c',
    patch: '#9d8c5c',
    grove: '#6d6a40',
    shore: '#a3704c',
    rock: '#8b6248',
    water: '#3b5a5e',
  },
  desert: {
    pad: '#c9b390',
    land: '#c8a67a',
    patch: '#bb9a6c',
    grove: '#a99264',
    shore: '#c8a67a',
    rock: '#8e6c54',
    water: '#2d5f6c',
  },
  'desert-coast': {
    pad: '#d6c5a0',
    land: '#dbc498',
    patch: '#cdb487',
    grove: '#a5a06a',
    shore: '#e6d8b4',
    rock: '#b49d78',
    water: '#1f7a86',
  },
  'tropical-coast': {
    pad: '#7da255',
    land: '#557f37',
    patch: '#6d9444',
    grove: '#2d4d22',
    shore: '#e0d0a4',
    rock: '#7b7866',
    water: '#1b6674',
  },
}
const SNOW = new THREE.Color('#eef2f6')
const SEABED = new THREE.Color('#3f5a55')

function warp(u: number): number {
  return WARP_LINEAR * u + (1 - WARP_LINEAR) * u * u * u
}

/** The terrain mesh for a spec: heights from the layout's terrain function. */
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
  g.setAttribute('color', new THREE.BufferAttribute(new Float32Array(n * n * 3), 3))
  g.setIndex(index)
  g.computeVertexNormals()
  g.computeBoundingSphere()
  return g
}

/**
 * The sea's surface (at y 0; the mesh stands at sea level): the terrain's cells that dip below
 * the sea, each row's runs of them merged into one rectangle (the grid's x depends on the column
 * only, its z on the row only). A cell whose four corners stand above the sea is dry throughout
 * (a triangle never dips below its lowest corner), so the surface shows exactly where a plane
 * over the whole terrain would; but a plane under dry land is still shaded on a software
 * rasteriser, and under Narvik's hills it cost more than the terrain itself (0.41 of 1.17 s of
 * a 4K frame's scene pass).
 */
export function buildSea(terrain: THREE.BufferGeometry, seaLevelYM: number): THREE.BufferGeometry {
  const positions = terrain.getAttribute('position') as THREE.BufferAttribute
  const n = Math.round(Math.sqrt(positions.count))
  const y = (i: number, j: number) => positions.getY(j * n + i)
  const out: number[] = []
  const quad = (x0: number, x1: number, z0: number, z1: number) =>
    out.push(x0, 0, z0, x0, 0, z1, x1, 0, z0, x1, 0, z0, x0, 0, z1, x1, 0, z1)
  for (let j = 0; j < n - 1; j++) {
    const z0 = positions.getZ(j * n)
    const z1 = positions.getZ((j + 1) * n)
    let start = -1
    for (let i = 0; i <= n - 1; i++) {
      const wet =
        i < n - 1 && Math.min(y(i, j), y(i + 1, j), y(i, j + 1), y(i + 1, j + 1)) < seaLevelYM
      if (wet && start < 0) start = i
      if (!wet && start >= 0) {
        quad(positions.getX(start), positions.getX(i), z0, z1)
        start = -1
      }
    }
  }
  const g = new THREE.BufferGeometry()
  g.setAttribute('position', new THREE.Float32BufferAttribute(out, 3))
  const normals = new Float32Array(out.length)
  for (let k = 1; k < normals.length; k += 3) normals[k] = 1
  g.setAttribute('normal', new THREE.BufferAttribute(normals, 3))
  g.computeBoundingSphere()
  return g
}

/**
 * Colours the terrain by biome, height, slope, groves and snow (`snowC`: the temperature that
 * decides snow at sea level, or null for none).
 */
export function paintTerrain(g: THREE.BufferGeometry, t: TerrainSpec, snowC: number | null): void {
  const positions = g.getAttribute('position') as THREE.BufferAttribute
  const normals = g.getAttribute('normal') as THREE.BufferAttribute
  const colors = g.getAttribute('color') as THREE.BufferAttribute
  const p = PALETTES[t.biome]
  const pad = new THREE.Color(p.pad)
  const land = new THREE.Color(p.land)
  const patch = new THREE.Color(p.patch)
  const grove = new THREE.Color(p.grove)
  const shore = new THREE.Color(p.shore)
  const rock = new THREE.Color(p.rock)
  const c = new THREE.Color()
  const sea = t.seaLevelYM ?? -Infinity
  const padX = t.pad.w / 2
  const padZ = t.pad.d / 2
  const treeLine = STANDS[t.biome].treeLineM
  const fields = t.biome === 'farmland'
  for (let v = 0; v < positions.count; v++) {
    const x = positions.getX(v)
    const y = positions.getY(v)
    const z = positions.getZ(v)
    const up = normals.getY(v)
    const steep = THREE.MathUtils.smoothstep(1 - up, 0.16, 0.4)
    const onPad = Math.abs(x - t.pad.x) <= padX && Math.abs(z - t.pad.z) <= padZ
    if (onPad) c.copy(pad)
    else if (y < sea - 0.5) c.copy(SEABED)
    else if (y < sea + 4) c.copy(shore)
    else {
      c.copy(land)
      const patches = fields
        ? fieldShade(t.seed, x, z)
        : THREE.MathUtils.smoothstep(fbm(t.seed + 31, x / 420, z / 420), -0.1, 0.35)
      c.lerp(patch, patches * 0.8)
      if (y < treeLine)
        c.lerp(grove, THREE.MathUtils.smoothstep(groveNoise(t, x, z), -0.05, 0.3) * 0.75)
      c.lerp(rock, Math.max(steep, THREE.MathUtils.smoothstep(y, treeLine + 150, treeLine + 450)))
    }
    if (snowC !== null && y > sea - 0.5) {
      // Snow lies thinner on the pad (cleared) and slides off steep rock.
      const cover = snowCover(snowC, y) * (onPad ? 0.85 : 1) * (1 - 0.6 * steep)
      c.lerp(SNOW, cover)
    }
    const tint = 1 + 0.07 * fbm(t.seed + 5, x / 180, z / 180)
    colors.setXYZ(v, c.r * tint, c.g * tint, c.b * tint)
  }
  colors.needsUpdate = true
}

/** Farmland: fields of about 300 × 220 m, each a crop colour (0 green … 1 ripe or ploughed). */
function fieldShade(seed: number, x: number, z: number): number {
  const fx = Math.floor((x + 97) / 300)
  const fz = Math.floor((z + 41) / 220)
  const h = fbm(seed + 37, fx * 7.31, fz * 5.17)
  return h > 0.15 ? 1 : h > -0.2 ? 0.45 : 0
}

/**
 * Detail on the ground in the still frame: a tiling grain (metres-scale) and blotches
 * (tens of metres), multiplied into the vertex colours. Painted once, 256 px square.
 */
function detailTexture(): THREE.DataTexture {
  const size = 256
  const data = new Uint8Array(size * size * 4)
  const noise = (x: number, y: number, period: number, seed: number): number => {
    const ix = Math.floor(x)
    const iy = Math.floor(y)
    const fx = x - ix
    const fy = y - iy
    const h = (a: number, b: number) => {
      let v =
        Math.imul(((a % period) + period) % period, 374761393) ^
        Math.imul(((b % period) + period) % period, 668265263) ^
        Math.imul(seed, 1597334677)
      v = Math.imul(v ^ (v >>> 13), 1274126177)
      return ((v ^ (v >>> 16)) >>> 0) / 4294967296
    }
    const u = fx * fx * (3 - 2 * fx)
    const w = fy * fy * (3 - 2 * fy)
    const a = h(ix, iy)
    const b = h(ix + 1, iy)
    const c = h(ix, iy + 1)
    const d = h(ix + 1, iy + 1)
    return a + (b - a) * u + (c - a) * w + (a - b - c + d) * u * w
  }
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const fine =
        0.5 * noise(x / 2, y / 2, 128, 1) +
        0.3 * noise(x / 5, y / 5, 51.2, 2) +
        0.2 * noise(x / 11, y / 11, 256 / 11, 3)
      const blotch = 0.6 * noise(x / 32, y / 32, 8, 4) + 0.4 * noise(x / 16, y / 16, 16, 5)
      const k = (y * size + x) * 4
      data[k] = Math.round(fine * 255)
      data[k + 1] = Math.round(blotch * 255)
      data[k + 2] = 0
      data[k + 3] = 255
    }
  const t = new THREE.DataTexture(data, size, size, THREE.RGBAFormat)
  t.wrapS = THREE.RepeatWrapping
  t.wrapT = THREE.RepeatWrapping
  t.generateMipmaps = true
  t.minFilter = THREE.LinearMipmapLinearFilter
  t.magFilter = THREE.LinearFilter
  t.needsUpdate = true
  return t
}

let terrainReady = false

/** The terrain material gets ground detail (pbr) and a plain vertex-coloured twin (fast). */
function prepareTerrainMaterial(): void {
  if (terrainReady) return
  terrainReady = true
  const m = materials().terrain
  const detail = { value: detailTexture() }
  m.onBeforeCompile = (shader) => {
    shader.uniforms.uDetail = detail
    shader.vertexShader = shader.vertexShader
      .replace('#include <common>', '#include <common>\nvarying vec2 vGroundXZ;')
      .replace('#include <begin_vertex>', '#include <begin_vertex>\nvGroundXZ = position.xz;')
    shader.fragmentShader = shader.fragmentShader
      .replace(
        '#include <common>',
        '#include <common>\nvarying vec2 vGroundXZ;\nuniform sampler2D uDetail;',
      )
      .replace(
        '#include <color_fragment>',
        `#include <color_fragment>
        float grain = texture2D(uDetail, vGroundXZ / 6.0).r;
        float blotch = texture2D(uDetail, vGroundXZ / 160.0).g;
        diffuseColor.rgb *= (0.8 + 0.4 * grain) * (0.85 + 0.3 * blotch);`,
      )
  }
  m.customProgramCacheKey = () => 'terrain-detail'
  const fast = new THREE.MeshLambertMaterial({ vertexColors: true })
  setFastTwin(m, fast)
}

export function Terrain({ layout }: { layout: CampusLayout }) {
  const t = layout.terrain
  const key = JSON.stringify(t)
  const snowC = useSnowTemperatureC()
  // Rebuilt only when the terrain itself changes (the key), not on every layout.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const geometry = useMemo(() => buildTerrain(t), [key])
  useEffect(() => () => geometry.dispose(), [geometry])
  // Snow changes the colours only (the date, the climate): 0.1 °C steps.
  const snowKey = snowC === null ? null : Math.round(snowC * 10) / 10
  useLayoutEffect(() => {
    paintTerrain(geometry, t, snowKey)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [geometry, snowKey])
  prepareTerrainMaterial()
  const m = materials()
  useLayoutEffect(() => {
    m.water.color.set(PALETTES[t.biome].water)
  }, [m, t.biome])
  const sea = t.seaLevelYM
  const seaGeometry = useMemo(
    () => (sea === null ? null : buildSea(geometry, sea)),
    [geometry, sea],
  )
  useEffect(() => () => seaGeometry?.dispose(), [seaGeometry])
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
  useEffect(() => () => reservoir?.geometry.dispose(), [reservoir])
  return (
    <group>
      <mesh geometry={geometry} material={m.terrain} />
      {sea !== null && seaGeometry && (
        <mesh
          geometry={seaGeometry}
          material={m.water}
          renderOrder={1}
          position={[0, sea, 0]}
          userData={{ [NO_SHADOW]: true }}
        />
      )}
      {reservoir && (
        <mesh
          geometry={reservoir.geometry}
          material={m.water}
          position={[reservoir.x, reservoir.y, reservoir.z]}
          userData={{ [NO_SHADOW]: true }}
        />
      )}
      <Vegetation layout={layout} snowC={snowKey} />
    </group>
  )
}
