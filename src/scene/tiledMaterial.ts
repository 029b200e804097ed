import * as THREE from 'three'
import { twinSafe } from './shading'

/**
 * A physically based material for instanced boxes whose texture repeats once per real unit (a
 * rack, a fan module, a container, 8 m of wall). The tile count comes from the instance's scale
 * over `tileM`, so one InstancedMesh draws a row of 35 racks or a bank of 40 coolers as one box
 * with the right number of units on it, and needs no extra attribute. The atlas holds four slots
 * side by side: [top and bottom | +z face | −z face | ±x faces]. Its shader changes use only
 * chunks the Lambert twin has too (shading.ts), so the fast view draws it with the same texture.
 */
export interface TiledOptions {
  readonly atlas: THREE.Texture
  /** Size of one tile in metres along x, y, z. */
  readonly tileM: readonly [number, number, number]
  readonly color?: THREE.ColorRepresentation
  /** Emission of the atlas's brightest pixels (rack LEDs); 0 for none. */
  readonly glow?: number
  readonly side?: THREE.Side
  readonly polygonOffset?: boolean
  readonly roughness?: number
  readonly metalness?: number
  /** Snow settles on the top face by `snowUniform` (materials.ts). */
  readonly snow?: { readonly value: number } | null
  /** The top face's tiles run along the box's longer side (road markings). */
  readonly alongLongAxis?: boolean
}

const VERTEX_PARS = /* glsl */ `
uniform vec3 uTileM;
varying vec2 vTileUv;
varying float vSlot;
`

const VERTEX_MAIN = /* glsl */ `
#include <uv_vertex>
{
  vec3 scaleM = vec3(1.0);
  #ifdef USE_INSTANCING
    scaleM = vec3(length(instanceMatrix[0].xyz), length(instanceMatrix[1].xyz), length(instanceMatrix[2].xyz));
  #endif
  vec3 tiles = (position + 0.5) * scaleM / uTileM;
  vec3 an = abs(normal);
  #ifdef TILE_LONG_AXIS
  if (an.y > 0.5) { vTileUv = scaleM.z > scaleM.x ? (position.zx + 0.5) * scaleM.zx / uTileM.xz : tiles.xz; vSlot = 0.0; }
  #else
  if (an.y > 0.5) { vTileUv = tiles.xz; vSlot = 0.0; }
  #endif
  else if (an.z > 0.5) { vTileUv = vec2(normal.z > 0.0 ? tiles.x : -tiles.x, tiles.y); vSlot = normal.z > 0.0 ? 1.0 : 2.0; }
  else { vTileUv = vec2(normal.x > 0.0 ? -tiles.z : tiles.z, tiles.y); vSlot = 3.0; }
}
`

const FRAGMENT_PARS = /* glsl */ `
uniform float uGlow;
uniform float uSnow;
varying vec2 vTileUv;
varying float vSlot;
`

const FRAGMENT_MAP = /* glsl */ `
vec2 tileF = fract(vTileUv);
vec2 atlasUv = vec2((tileF.x + floor(vSlot + 0.5)) * 0.25, tileF.y);
vec2 gradScale = vec2(0.25, 1.0);
vec4 tileTexel = textureGrad(map, atlasUv, dFdx(vTileUv) * gradScale, dFdy(vTileUv) * gradScale);
diffuseColor *= tileTexel;
#ifdef TILE_SNOW
if (vSlot < 0.5) diffuseColor.rgb = mix(diffuseColor.rgb, vec3(0.86, 0.88, 0.92), uSnow * 0.9);
#endif
`

const FRAGMENT_EMISSIVE = /* glsl */ `
#include <emissivemap_fragment>
totalEmissiveRadiance += tileTexel.rgb * uGlow * smoothstep(0.86, 0.98, max(tileTexel.r, max(tileTexel.g, tileTexel.b)));
`

export function tiledMaterial(options: TiledOptions): THREE.MeshStandardMaterial {
  const material = new THREE.MeshStandardMaterial({
    color: options.color ?? '#ffffff',
    map: options.atlas,
    side: options.side ?? THREE.FrontSide,
    roughness: options.roughness ?? 0.7,
    metalness: options.metalness ?? 0,
  })
  if (options.polygonOffset) {
    material.polygonOffset = true
    material.polygonOffsetFactor = -2
    material.polygonOffsetUnits = -2
  }
  const tile = new THREE.Vector3(...options.tileM)
  const glow = options.glow ?? 0
  const snow = options.snow ?? null
  const long = options.alongLongAxis === true
  material.defines = {
    ...(material.defines ?? {}),
    ...(snow ? { TILE_SNOW: '' } : {}),
    ...(long ? { TILE_LONG_AXIS: '' } : {}),
  }
  material.onBeforeCompile = (shader) => {
    shader.uniforms.uTileM = { value: tile }
    shader.uniforms.uGlow = { value: glow }
    shader.uniforms.uSnow = snow ?? { value: 0 }
    shader.vertexShader = shader.vertexShader
      .replace('#include <common>', `#include <common>\n${VERTEX_PARS}`)
      .replace('#include <uv_vertex>', VERTEX_MAIN)
    shader.fragmentShader = shader.fragmentShader
      .replace('#include <common>', `#include <common>\n${FRAGMENT_PARS}`)
      .replace('#include <map_fragment>', FRAGMENT_MAP)
      .replace('#include <emissivemap_fragment>', FRAGMENT_EMISSIVE)
  }
  material.customProgramCacheKey = () => `tiled-${glow > 0 ? 'glow' : 'plain'}`
  return twinSafe(material)
}

/** Paints a four-slot atlas (each slot `size` px square) with one painter per slot. */
export function paintAtlas(
  size: number,
  painters: readonly [Painter, Painter, Painter, Painter],
): THREE.CanvasTexture {
  const canvas = document.createElement('canvas')
  canvas.width = size * 4
  canvas.height = size
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new Error('2D canvas unavailable')
  painters.forEach((paint, slot) => {
    ctx.save()
    ctx.translate(slot * size, 0)
    ctx.beginPath()
    ctx.rect(0, 0, size, size)
    ctx.clip()
    paint(ctx, size)
    ctx.restore()
  })
  const texture = new THREE.CanvasTexture(canvas)
  texture.colorSpace = THREE.SRGBColorSpace
  texture.generateMipmaps = true
  texture.minFilter = THREE.LinearMipmapLinearFilter
  return texture
}

export type Painter = (ctx: CanvasRenderingContext2D, size: number) => void
