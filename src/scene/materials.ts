import * as THREE from 'three'
import {
  RACK_D_M,
  RACK_H_M,
  RACK_W_M,
  ROAD_WIDTH_M,
  STOREY_HEIGHT_M,
  UNIT,
  type UnitKind,
} from '../layout'
import { atlas, type AtlasId } from './atlases'
import { setFastTwin } from './shading'
import { tiledMaterial } from './tiledMaterial'

/** Snow on roofs, unit tops and yards, 0…1 (set by the environment from the date and climate). */
export const snowUniform = { value: 0 }

/** The sky colour water mirrors at a grazing angle in the fast view (set by the environment). */
export const waterSky = { value: new THREE.Color('#b8c8d6') }

/** The scene's calm palette (sRGB hex). */
export const PALETTE = {
  asphalt: '#676d73',
  concrete: '#c9c7bf',
  gravel: '#b3b0a6',
  fence: '#59606a',
  steel: '#6d747b',
  penstock: '#6a5446',
  dam: '#bdbab1',
  turbine: '#f3f4f5',
  water: '#4d7d95',
  line: '#3b4046',
  tower: '#8f979e',
  trunk: '#5a4a3a',
  hover: '#ffffff',
  selected: '#f29e38',
} as const

/** Roughness and metalness of each unit kind's casing (painted steel, aluminium fins, solar glass). */
const UNIT_SURFACE: Readonly<Record<UnitKind, readonly [number, number]>> = {
  'dry-cooler': [0.5, 0.35],
  'adiabatic-cooler': [0.55, 0.3],
  'tower-cell': [0.7, 0.1],
  chiller: [0.5, 0.3],
  'seawater-hx': [0.45, 0.4],
  'air-handler': [0.55, 0.25],
  generator: [0.55, 0.3],
  battery: [0.5, 0.2],
  'gas-turbine': [0.5, 0.35],
  transformer: [0.6, 0.3],
  'solar-block': [0.25, 0.1],
}

/** Atlas and tile for each unit kind: one tile per unit along the row, full height, full depth. */
const UNIT_ATLAS: Readonly<Record<UnitKind, AtlasId>> = {
  'dry-cooler': 'dryCooler',
  'adiabatic-cooler': 'adiabatic',
  'tower-cell': 'tower',
  chiller: 'chiller',
  'seawater-hx': 'seawaterHx',
  'air-handler': 'airHandler',
  generator: 'generator',
  battery: 'battery',
  'gas-turbine': 'gasTurbine',
  transformer: 'transformer',
  'solar-block': 'solar',
}

const unitMaterials = new Map<UnitKind, THREE.Material>()

/** The tiled material of a unit kind (created on first use, shared after). */
export function unitMaterial(kind: UnitKind): THREE.Material {
  let material = unitMaterials.get(kind)
  if (!material) {
    const unit = UNIT[kind]
    const [roughness, metalness] = UNIT_SURFACE[kind]
    material = tiledMaterial({
      atlas: atlas(UNIT_ATLAS[kind]),
      tileM: [unit.pitchM, unit.h, unit.d],
      roughness,
      metalness,
      snow: kind === 'solar-block' ? null : snowUniform,
    })
    unitMaterials.set(kind, material)
  }
  return material
}

let shared: ReturnType<typeof createShared> | null = null

/** Ripples on water: a tiling normal map painted from a few travelling waves (no download). */
function rippleNormalMap(): THREE.Texture {
  const size = 128
  const data = new Uint8Array(size * size * 4)
  const waves = [
    [3, 1, 0.6, 0.3],
    [-2, 5, 0.35, 1.7],
    [7, -3, 0.2, 0.4],
    [5, 8, 0.15, 2.9],
    [-9, 4, 0.1, 5.1],
  ] as const
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      let dx = 0
      let dy = 0
      for (const [kx, ky, a, p] of waves) {
        const phase = ((kx * x + ky * y) / size) * Math.PI * 2 + p
        const slope = a * Math.cos(phase)
        dx += slope * kx * 0.12
        dy += slope * ky * 0.12
      }
      const n = new THREE.Vector3(-dx, -dy, 1).normalize()
      const k = (y * size + x) * 4
      data[k] = Math.round((n.x * 0.5 + 0.5) * 255)
      data[k + 1] = Math.round((n.y * 0.5 + 0.5) * 255)
      data[k + 2] = Math.round((n.z * 0.5 + 0.5) * 255)
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

/** Ripple tile on the water, metres. */
const RIPPLE_M = 48

/**
 * Water: glossy, its ripples in world metres, reflecting the sky's environment with the Fresnel
 * term of the physically based material. The fast view's twin adds the same Fresnel sky
 * reflection from one colour (`waterSky`) instead of the environment map.
 */
function waterMaterials(): THREE.MeshStandardMaterial {
  const water = new THREE.MeshStandardMaterial({
    color: PALETTE.water,
    roughness: 0.07,
    metalness: 0,
    normalMap: rippleNormalMap(),
    normalScale: new THREE.Vector2(0.35, 0.35),
  })
  water.onBeforeCompile = (shader) => {
    shader.vertexShader = shader.vertexShader.replace(
      '#include <uv_vertex>',
      `#include <uv_vertex>
      #ifdef USE_NORMALMAP
        vNormalMapUv = (modelMatrix * vec4(position, 1.0)).xz / ${RIPPLE_M.toFixed(1)};
      #endif`,
    )
  }
  water.customProgramCacheKey = () => 'water'
  const fast = new THREE.MeshLambertMaterial({ color: PALETTE.water })
  fast.onBeforeCompile = (shader) => {
    shader.uniforms.uWaterSky = waterSky
    shader.fragmentShader = shader.fragmentShader
      .replace('#include <common>', '#include <common>\nuniform vec3 uWaterSky;')
      .replace(
        '#include <opaque_fragment>',
        `float cosView = clamp(dot(normalize(normal), normalize(vViewPosition)), 0.0, 1.0);
        float fresnel = 0.02 + 0.98 * pow(1.0 - cosView, 5.0);
        outgoingLight = mix(outgoingLight, uWaterSky, fresnel);
        #include <opaque_fragment>`,
      )
  }
  fast.customProgramCacheKey = () => 'water-fast'
  setFastTwin(water, fast)
  return water
}

function createShared() {
  const standard = (color: string, roughness: number, metalness = 0, extra = {}) =>
    new THREE.MeshStandardMaterial({ color, roughness, metalness, ...extra })
  return {
    rack: tiledMaterial({
      atlas: atlas('rack'),
      tileM: [RACK_W_M, RACK_H_M, RACK_D_M],
      glow: 1.4,
      roughness: 0.45,
      metalness: 0.4,
    }),
    building: tiledMaterial({
      atlas: atlas('building'),
      tileM: [8, 2 * STOREY_HEIGHT_M, 8],
      roughness: 0.55,
      metalness: 0.15,
      snow: snowUniform,
    }),
    hall: tiledMaterial({
      atlas: atlas('hall'),
      tileM: [2.4, STOREY_HEIGHT_M, 2.4],
      side: THREE.DoubleSide,
      roughness: 0.6,
    }),
    parking: tiledMaterial({
      atlas: atlas('parking'),
      tileM: [2.6, 1, 5.5],
      polygonOffset: true,
      roughness: 0.9,
    }),
    gantry: tiledMaterial({ atlas: atlas('plain'), tileM: [6, 6, 6], roughness: 0.5 }),
    road: tiledMaterial({
      atlas: atlas('road'),
      tileM: [12, 1, ROAD_WIDTH_M],
      polygonOffset: true,
      roughness: 0.88,
      alongLongAxis: true,
    }),
    slab: tiledMaterial({
      atlas: atlas('concrete'),
      tileM: [6, 1, 6],
      polygonOffset: true,
      roughness: 0.82,
      snow: snowUniform,
    }),
    gravel: tiledMaterial({
      atlas: atlas('gravel'),
      tileM: [4, 1, 4],
      polygonOffset: true,
      roughness: 0.95,
      snow: snowUniform,
    }),
    fence: standard(PALETTE.fence, 0.5, 0.6, {
      transparent: true,
      opacity: 0.55,
      depthWrite: false,
    }),
    steel: standard(PALETTE.steel, 0.45, 0.75),
    penstock: standard(PALETTE.penstock, 0.55, 0.6),
    dam: standard(PALETTE.dam, 0.85),
    turbine: standard(PALETTE.turbine, 0.4, 0.05),
    tower: standard(PALETTE.tower, 0.5, 0.7),
    foliage: standard('#ffffff', 0.85),
    line: new THREE.LineBasicMaterial({ color: PALETTE.line }),
    water: waterMaterials(),
    terrain: standard('#ffffff', 0.95, 0, { vertexColors: true }),
    hoverEdges: new THREE.LineBasicMaterial({
      color: PALETTE.hover,
      depthTest: false,
      transparent: true,
    }),
    selectedEdges: new THREE.LineBasicMaterial({
      color: PALETTE.selected,
      depthTest: false,
      transparent: true,
    }),
    selectedFill: new THREE.MeshBasicMaterial({
      color: PALETTE.selected,
      transparent: true,
      opacity: 0.16,
      depthWrite: false,
    }),
    pick: new THREE.MeshBasicMaterial({ visible: false }),
  }
}

/** Materials shared by the whole scene, created once on first use. */
export function materials(): ReturnType<typeof createShared> {
  shared ??= createShared()
  return shared
}
