import * as THREE from 'three'
import { ATLAS_COLS, ATLAS_ROWS, CELL_PAD_PX, CELL_PX, cellTiles } from './kitCells'

/**
 * A physically based material (MeshStandardMaterial, so the scene's environment lights it) for
 * instanced boxes and quads that take their look from the buildings' atlas (`kitCells.ts`).
 * Each instance names three cells — for its top and bottom, its ±z faces and its ±x faces —
 * and the share of its windows lit at night, in the instanced attribute `aCells`. A cell repeats
 * once per real tile (8 m of roof, 1 m of cladding, a 1.5 × 4 m curtain-wall bay), so one box
 * shows a whole façade at true scale; its normal, roughness and light come from the atlas's
 * data texture. Light at night follows one shared uniform (`setKitNight`).
 */

/** A 1 × 1 texture of one RGBA value. */
function plain(rgba: readonly [number, number, number, number], srgb: boolean): THREE.Texture {
  const t = new THREE.DataTexture(new Uint8Array(rgba), 1, 1)
  t.colorSpace = srgb ? THREE.SRGBColorSpace : THREE.NoColorSpace
  t.needsUpdate = true
  return t
}

/**
 * Shared by every kit material: the atlas (plain light grey, flat and rough until it is
 * painted), how dark it is (0 day … 1 night) and the windows' light.
 */
const shared = {
  uKitColor: { value: plain([214, 218, 221, 255], true) },
  uKitData: { value: plain([128, 128, 217, 0], false) },
  uNight: { value: 0 },
  uWindowLight: { value: new THREE.Color('#ffc880').multiplyScalar(1.1) },
  uLuminaire: { value: new THREE.Color('#f4f8ff').multiplyScalar(1.6) },
  uCellTile: { value: cellTiles() },
}

/** Sets how dark it is for every kit material (windows light up with it). */
export function setKitNight(night: number): void {
  shared.uNight.value = night
}

let painted = false
let painting: Promise<void> | null = null

/**
 * Paints the atlas (`kitPaint.ts`, a dynamic import: its painters stay out of the initial
 * script) once and puts it in every kit material; resolves when it is in.
 */
export function paintKitAtlas(): Promise<void> {
  painting ??= import('./kitPaint').then(({ paintKit }) => {
    const { color, data } = paintKit()
    shared.uKitColor.value = color
    shared.uKitData.value = data
    painted = true
  })
  return painting
}

/** Whether the atlas is painted and in the kit materials. */
export function kitAtlasPainted(): boolean {
  return painted
}

const CELLS = ATLAS_COLS * ATLAS_ROWS

const VERTEX_PARS = /* glsl */ `
attribute vec4 aCells;
uniform vec4 uCellTile[${CELLS}];
varying vec2 vKitUv;
varying float vKitCell;
varying float vKitLit;
varying float vKitAlways;
varying float vKitSeed;
varying vec3 vKitT;
varying vec3 vKitB;
`

const VERTEX_MAIN = /* glsl */ `
#include <uv_vertex>
{
  vec3 kitScale = vec3(1.0);
  mat3 kitBasis = mat3(1.0);
  #ifdef USE_INSTANCING
    kitScale = vec3(length(instanceMatrix[0].xyz), length(instanceMatrix[1].xyz), length(instanceMatrix[2].xyz));
    kitBasis = mat3(instanceMatrix);
  #endif
  vec3 m = (position + 0.5) * kitScale;
  vec3 an = abs(normal);
  vec2 metres;
  vec2 face;
  vec3 t;
  vec3 b;
  float cell;
  if (an.y > 0.5) {
    metres = vec2(m.x, kitScale.z - m.z); face = kitScale.xz; t = vec3(1.0, 0.0, 0.0); b = vec3(0.0, 0.0, -1.0); cell = aCells.x;
  } else if (an.z > 0.5) {
    bool south = normal.z > 0.0;
    metres = vec2(south ? m.x : kitScale.x - m.x, m.y); face = kitScale.xy;
    t = vec3(south ? 1.0 : -1.0, 0.0, 0.0); b = vec3(0.0, 1.0, 0.0); cell = aCells.y;
  } else {
    bool east = normal.x > 0.0;
    metres = vec2(east ? kitScale.z - m.z : m.z, m.y); face = kitScale.zy;
    t = vec3(0.0, 0.0, east ? -1.0 : 1.0); b = vec3(0.0, 1.0, 0.0); cell = aCells.z;
  }
  vec4 tile = uCellTile[int(cell + 0.5)];
  vKitUv = metres / vec2(tile.x > 0.0 ? tile.x : face.x, tile.y > 0.0 ? tile.y : face.y);
  vKitCell = cell;
  vKitLit = aCells.w;
  vKitAlways = tile.z;
  vKitSeed = float(gl_InstanceID) * 7.31;
  mat3 toView = mat3(modelViewMatrix) * kitBasis;
  vKitT = toView * t;
  vKitB = toView * b;
}
`

const FRAGMENT_PARS = /* glsl */ `
uniform sampler2D uKitColor;
uniform sampler2D uKitData;
uniform float uNight;
uniform vec3 uWindowLight;
uniform vec3 uLuminaire;
varying vec2 vKitUv;
varying float vKitCell;
varying float vKitLit;
varying float vKitAlways;
varying float vKitSeed;
varying vec3 vKitT;
varying vec3 vKitB;
vec4 kitData;
float kitHash(vec2 p) { return fract(sin(dot(p, vec2(12.9898, 78.233))) * 43758.5453); }
`

const CELL_INNER = (CELL_PX - 2 * CELL_PAD_PX) / CELL_PX
const PAD = CELL_PAD_PX / CELL_PX

const FRAGMENT_MAP = /* glsl */ `
float kitCell = floor(vKitCell + 0.5);
vec2 kitOrigin = vec2(mod(kitCell, ${ATLAS_COLS}.0), floor(kitCell / ${ATLAS_COLS}.0));
vec2 kitF = fract(vKitUv);
vec2 kitIn = vec2(kitF.x, 1.0 - kitF.y) * ${CELL_INNER.toFixed(6)} + ${PAD.toFixed(6)};
vec2 kitAtlasUv = (kitOrigin + kitIn) / vec2(${ATLAS_COLS}.0, ${ATLAS_ROWS}.0);
vec2 kitGrad = vec2(${(CELL_INNER / ATLAS_COLS).toFixed(6)}, ${(CELL_INNER / ATLAS_ROWS).toFixed(6)});
vec2 kitDx = dFdx(vKitUv) * kitGrad;
vec2 kitDy = dFdy(vKitUv) * kitGrad;
vec4 kitTexel = textureGrad(uKitColor, kitAtlasUv, kitDx, kitDy);
kitData = textureGrad(uKitData, kitAtlasUv, kitDx, kitDy);
diffuseColor *= kitTexel;
`

const FRAGMENT_ROUGHNESS = /* glsl */ `
float roughnessFactor = max(0.04, kitData.b);
`

const FRAGMENT_NORMAL = /* glsl */ `
{
  vec2 kitNxy = kitData.rg * 2.0 - 1.0;
  float kitNz = sqrt(max(0.0, 1.0 - dot(kitNxy, kitNxy)));
  normal = normalize(normalize(vKitT) * kitNxy.x + normalize(vKitB) * kitNxy.y + normal * kitNz);
}
`

const FRAGMENT_EMISSIVE = /* glsl */ `
#include <emissivemap_fragment>
{
  float kitLit = vKitAlways > 0.5
    ? 1.0
    : uNight * step(kitHash(floor(vKitUv) + vec2(vKitSeed, kitCell)), vKitLit);
  totalEmissiveRadiance += (vKitAlways > 0.5 ? uLuminaire : uWindowLight) * kitData.a * kitLit;
}
`

export interface KitMaterialOptions {
  readonly polygonOffset?: boolean
  readonly metalness?: number
}

/** A kit material; each call makes its own (for polygon offset), sharing textures and uniforms. */
export function kitMaterial(options: KitMaterialOptions = {}): THREE.MeshStandardMaterial {
  const material = new THREE.MeshStandardMaterial({
    color: '#ffffff',
    roughness: 1,
    metalness: options.metalness ?? 0.1,
  })
  if (options.polygonOffset) {
    material.polygonOffset = true
    material.polygonOffsetFactor = -2
    material.polygonOffsetUnits = -2
  }
  material.onBeforeCompile = (shader) => {
    shader.uniforms.uKitColor = shared.uKitColor
    shader.uniforms.uKitData = shared.uKitData
    shader.uniforms.uNight = shared.uNight
    shader.uniforms.uWindowLight = shared.uWindowLight
    shader.uniforms.uLuminaire = shared.uLuminaire
    shader.uniforms.uCellTile = shared.uCellTile
    shader.vertexShader = shader.vertexShader
      .replace('#include <common>', `#include <common>\n${VERTEX_PARS}`)
      .replace('#include <uv_vertex>', VERTEX_MAIN)
    shader.fragmentShader = shader.fragmentShader
      .replace('#include <common>', `#include <common>\n${FRAGMENT_PARS}`)
      .replace('#include <map_fragment>', FRAGMENT_MAP)
      .replace('#include <roughnessmap_fragment>', FRAGMENT_ROUGHNESS)
      .replace('#include <normal_fragment_maps>', FRAGMENT_NORMAL)
      .replace('#include <emissivemap_fragment>', FRAGMENT_EMISSIVE)
  }
  material.customProgramCacheKey = () => 'kit'
  return material
}
