import * as THREE from 'three'

/**
 * The plant's materials: physically based (MeshStandardMaterial, so the environment lights
 * them) with vertex colours for each part's paint, and detail from a pattern atlas painted once
 * at start-up instead of triangles: coil fins, louvres, container ribs, panel seams, solar
 * cells, adiabatic pads, steel lattice (cut out), grating, concrete, windows, insulator sheds.
 * Each vertex names its pattern cell (`aCell`) and carries pattern coordinates in repeats
 * (`uv`); cells from FAN_CELL up are fans drawn in the fragment shader, turning with one
 * uniform (`uFanAngle`). Vertices with `aMotion` 1 turn about the part's local z axis by
 * `uTilt` (solar trackers); with `aMotion` 2 they spin about it by `uSpin` (wind rotors).
 * Nothing is allocated per frame: motion is three uniforms.
 */

export const CELL = {
  none: -1,
  fins: 0,
  louvres: 1,
  ribs: 2,
  seams: 3,
  solar: 4,
  pad: 5,
  lattice: 6,
  grating: 7,
  concrete: 8,
  windows: 9,
  sheds: 10,
  door: 11,
  water: 12,
  radiator: 13,
} as const

/** Fan cells: FAN_CELL + blade count; the pattern coordinates run −1…1 across the fan. */
export const FAN_CELL = 100

const GRID = 4
const CELL_PX = 128

type Paint = (ctx: CanvasRenderingContext2D, s: number) => void

const grey = (v: number) => `rgb(${v},${v},${v})`

const PAINTERS: Partial<Record<number, Paint>> = {
  [CELL.fins]: (ctx, s) => {
    ctx.fillStyle = grey(200)
    ctx.fillRect(0, 0, s, s)
    ctx.fillStyle = grey(120)
    for (let x = 0; x < s; x += 4) ctx.fillRect(x, 0, 1.5, s)
  },
  [CELL.louvres]: (ctx, s) => {
    ctx.fillStyle = grey(150)
    ctx.fillRect(0, 0, s, s)
    for (let y = 0; y < s; y += 16) {
      const g = ctx.createLinearGradient(0, y, 0, y + 16)
      g.addColorStop(0, grey(250))
      g.addColorStop(0.55, grey(200))
      g.addColorStop(1, grey(95))
      ctx.fillStyle = g
      ctx.fillRect(0, y, s, 14)
    }
  },
  [CELL.ribs]: (ctx, s) => {
    for (let x = 0; x < s; x += 16) {
      const g = ctx.createLinearGradient(x, 0, x + 16, 0)
      g.addColorStop(0, grey(175))
      g.addColorStop(0.5, grey(250))
      g.addColorStop(1, grey(190))
      ctx.fillStyle = g
      ctx.fillRect(x, 0, 16, s)
    }
  },
  [CELL.seams]: (ctx, s) => {
    ctx.fillStyle = grey(238)
    ctx.fillRect(0, 0, s, s)
    ctx.fillStyle = grey(170)
    ctx.fillRect(0, 0, s, 3)
    ctx.fillRect(0, 0, 3, s)
  },
  [CELL.solar]: (ctx, s) => {
    // One module: a 6 × 12 grid of cells in a silver frame.
    ctx.fillStyle = '#c9ced3'
    ctx.fillRect(0, 0, s, s)
    ctx.fillStyle = '#1d3153'
    ctx.fillRect(3, 3, s - 6, s - 6)
    ctx.strokeStyle = '#4a6288'
    ctx.lineWidth = 1
    for (let i = 1; i < 6; i++) {
      ctx.beginPath()
      ctx.moveTo(3 + ((s - 6) * i) / 6, 3)
      ctx.lineTo(3 + ((s - 6) * i) / 6, s - 3)
      ctx.stroke()
    }
    for (let j = 1; j < 12; j++) {
      ctx.beginPath()
      ctx.moveTo(3, 3 + ((s - 6) * j) / 12)
      ctx.lineTo(s - 3, 3 + ((s - 6) * j) / 12)
      ctx.stroke()
    }
  },
  [CELL.pad]: (ctx, s) => {
    ctx.fillStyle = grey(215)
    ctx.fillRect(0, 0, s, s)
    ctx.strokeStyle = grey(150)
    ctx.lineWidth = 2
    for (let k = -s; k < s; k += 10) {
      ctx.beginPath()
      ctx.moveTo(k, 0)
      ctx.lineTo(k + s, s)
      ctx.moveTo(k + s, 0)
      ctx.lineTo(k, s)
      ctx.stroke()
    }
  },
  [CELL.lattice]: (ctx, s) => {
    // Steel angles: a frame, a cross brace and a strut; everything else cut out.
    ctx.clearRect(0, 0, s, s)
    ctx.strokeStyle = grey(255)
    ctx.lineCap = 'square'
    ctx.lineWidth = 16
    ctx.strokeRect(0, 0, s, s)
    ctx.lineWidth = 11
    ctx.beginPath()
    ctx.moveTo(0, 0)
    ctx.lineTo(s, s)
    ctx.moveTo(s, 0)
    ctx.lineTo(0, s)
    ctx.stroke()
  },
  [CELL.grating]: (ctx, s) => {
    ctx.fillStyle = grey(110)
    ctx.fillRect(0, 0, s, s)
    ctx.fillStyle = grey(225)
    for (let x = 0; x < s; x += 8) ctx.fillRect(x, 0, 2, s)
    for (let y = 0; y < s; y += 32) ctx.fillRect(0, y, s, 2)
  },
  [CELL.concrete]: (ctx, s) => {
    ctx.fillStyle = grey(228)
    ctx.fillRect(0, 0, s, s)
    let seed = 7
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647
    for (let i = 0; i < 900; i++) {
      ctx.fillStyle = grey(200 + Math.floor(rand() * 50))
      ctx.fillRect(rand() * s, rand() * s, 2, 2)
    }
    ctx.fillStyle = grey(175)
    ctx.fillRect(0, 0, s, 2)
    ctx.fillRect(0, 0, 2, s)
    ctx.fillStyle = grey(150)
    for (const [x, y] of [
      [0.25, 0.25],
      [0.75, 0.25],
      [0.25, 0.75],
      [0.75, 0.75],
    ] as const)
      ctx.fillRect(x * s - 1.5, y * s - 1.5, 3, 3)
  },
  [CELL.windows]: (ctx, s) => {
    ctx.fillStyle = grey(236)
    ctx.fillRect(0, 0, s, s)
    ctx.fillStyle = '#55697d'
    ctx.fillRect(s * 0.12, s * 0.2, s * 0.76, s * 0.5)
    ctx.fillStyle = '#8da3b8'
    ctx.fillRect(s * 0.12, s * 0.2, s * 0.76, s * 0.08)
    ctx.fillStyle = grey(200)
    ctx.fillRect(s * 0.49, s * 0.2, s * 0.02, s * 0.5)
  },
  [CELL.sheds]: (ctx, s) => {
    for (let y = 0; y < s; y += 16) {
      ctx.fillStyle = grey(245)
      ctx.fillRect(0, y, s, 10)
      ctx.fillStyle = grey(130)
      ctx.fillRect(0, y + 10, s, 6)
    }
  },
  [CELL.door]: (ctx, s) => {
    ctx.fillStyle = grey(235)
    ctx.fillRect(0, 0, s, s)
    ctx.fillStyle = grey(160)
    ctx.fillRect(s * 0.1, s * 0.05, s * 0.8, s * 0.95)
    ctx.fillStyle = grey(205)
    ctx.fillRect(s * 0.14, s * 0.09, s * 0.34, s * 0.91)
    ctx.fillRect(s * 0.52, s * 0.09, s * 0.34, s * 0.91)
    ctx.fillStyle = grey(90)
    ctx.fillRect(s * 0.45, s * 0.5, s * 0.03, s * 0.1)
  },
  [CELL.water]: (ctx, s) => {
    ctx.fillStyle = grey(225)
    ctx.fillRect(0, 0, s, s)
    let seed = 11
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647
    for (let i = 0; i < 140; i++) {
      ctx.fillStyle = grey(rand() > 0.5 ? 255 : 190)
      ctx.fillRect(rand() * s, rand() * s, 1.5, 10 + rand() * 30)
    }
  },
  [CELL.radiator]: (ctx, s) => {
    ctx.fillStyle = grey(120)
    ctx.fillRect(0, 0, s, s)
    ctx.fillStyle = grey(215)
    for (let x = 0; x < s; x += 8) ctx.fillRect(x, 4, 5, s - 8)
  },
}

let atlasTexture: THREE.CanvasTexture | null = null

/** The pattern atlas: GRID × GRID cells of CELL_PX, painted on first use. */
export function patternAtlas(): THREE.CanvasTexture {
  if (atlasTexture) return atlasTexture
  const canvas = document.createElement('canvas')
  canvas.width = GRID * CELL_PX
  canvas.height = GRID * CELL_PX
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new Error('2D canvas unavailable')
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, canvas.width, canvas.height)
  for (const [key, paint] of Object.entries(PAINTERS)) {
    const cell = Number(key)
    if (!paint) continue
    ctx.save()
    ctx.translate((cell % GRID) * CELL_PX, Math.floor(cell / GRID) * CELL_PX)
    ctx.beginPath()
    ctx.rect(0, 0, CELL_PX, CELL_PX)
    ctx.clip()
    ctx.clearRect(0, 0, CELL_PX, CELL_PX)
    paint(ctx, CELL_PX)
    ctx.restore()
  }
  const texture = new THREE.CanvasTexture(canvas)
  texture.colorSpace = THREE.SRGBColorSpace
  texture.flipY = false
  texture.generateMipmaps = true
  texture.minFilter = THREE.LinearMipmapLinearFilter
  texture.magFilter = THREE.LinearFilter
  atlasTexture = texture
  return texture
}

/** Shared uniforms: fan angle (radians, grows while motion is on) and tracker tilt. */
export const plantUniforms = {
  uFanAngle: { value: 0 },
  uTilt: { value: 0 },
  uSpin: { value: 0 },
}

const VERTEX_PARS = /* glsl */ `
attribute float aCell;
attribute float aMotion;
uniform float uTilt;
uniform float uSpin;
varying vec2 vPatUv;
varying float vCell;
varying float vPhase;
`

const FRAGMENT_PARS = /* glsl */ `
uniform float uFanAngle;
varying vec2 vPatUv;
varying float vCell;
varying float vPhase;
`

const FRAGMENT_MAP = /* glsl */ `
float plantAlpha = 1.0;
if (vCell >= ${FAN_CELL}.0 - 0.5) {
  // A fan seen from above: dark throat, turning blades, hub and a guard of rings.
  float blades = floor(vCell - ${FAN_CELL}.0 + 0.5);
  float r = length(vPatUv);
  float a = atan(vPatUv.y, vPatUv.x) + uFanAngle + vPhase * 6.2832;
  float fw = fwidth(r) + 0.02;
  float blade = smoothstep(0.30 + fw, 0.30 - fw, fract(a * blades / 6.2832)) * smoothstep(0.16, 0.22, r);
  float shade = mix(0.12, 0.62, blade);
  shade = mix(shade, 0.55, smoothstep(0.18, 0.14, r));
  float ring = max(smoothstep(fw, 0.0, abs(r - 0.48)), smoothstep(fw, 0.0, abs(r - 0.78)));
  shade = mix(shade, 0.42, ring * 0.8);
  shade = mix(shade, 0.75, smoothstep(0.95 - fw, 0.95 + fw, r));
  diffuseColor.rgb *= vec3(shade);
} else if (vCell > -0.5) {
  float cell = floor(vCell + 0.5);
  vec2 corner = vec2(mod(cell, ${GRID}.0), floor(cell / ${GRID}.0));
  vec2 inCell = 0.02 + 0.96 * fract(vPatUv);
  vec2 atlasUv = (corner + inCell) / ${GRID}.0;
  vec2 scale = vec2(0.96 / ${GRID}.0);
  vec2 gx = dFdx(vPatUv) * scale;
  vec2 gy = dFdy(vPatUv) * scale;
  vec4 texel = textureGrad(map, atlasUv, gx, gy);
  diffuseColor.rgb *= texel.rgb;
  // Cut-outs keep their bars from afar: alpha is sharpened as the mip level rises.
  float lod = max(0.0, log2(max(length(gx), length(gy)) * ${GRID * CELL_PX}.0));
  plantAlpha = texel.a * (1.0 + 0.45 * lod);
}
#ifdef PLANT_CUTOUT
  if (plantAlpha < 0.5) discard;
#endif
`

function compile(material: THREE.MeshStandardMaterial, key: string): void {
  material.onBeforeCompile = (shader) => {
    shader.uniforms.uFanAngle = plantUniforms.uFanAngle
    shader.uniforms.uTilt = plantUniforms.uTilt
    shader.uniforms.uSpin = plantUniforms.uSpin
    shader.vertexShader = shader.vertexShader
      .replace('#include <common>', `#include <common>\n${VERTEX_PARS}`)
      .replace(
        '#include <uv_vertex>',
        `#include <uv_vertex>
        vPatUv = uv;
        vCell = aCell;
        vPhase = 0.0;
        #ifdef USE_INSTANCING
          vPhase = fract(float(gl_InstanceID) * 0.618034);
        #endif`,
      )
      .replace(
        '#include <beginnormal_vertex>',
        `#include <beginnormal_vertex>
        // aMotion 1: tilt by uTilt (trackers); 2: spin by uSpin, each instance its own phase.
        float instancePhase = 0.0;
        #ifdef USE_INSTANCING
          instancePhase = float(gl_InstanceID) * 1.37;
        #endif
        float tiltA = aMotion < 0.5 ? 0.0 : aMotion < 1.5 ? uTilt : uSpin + instancePhase;
        mat2 tiltR = mat2(cos(tiltA), sin(tiltA), -sin(tiltA), cos(tiltA));
        objectNormal.xy = tiltR * objectNormal.xy;`,
      )
      .replace(
        '#include <begin_vertex>',
        `#include <begin_vertex>
        transformed.xy = tiltR * transformed.xy;`,
      )
    shader.fragmentShader = shader.fragmentShader
      .replace('#include <common>', `#include <common>\n${FRAGMENT_PARS}`)
      .replace('#include <map_fragment>', FRAGMENT_MAP)
  }
  material.customProgramCacheKey = () => key
}

let shared: { solid: THREE.MeshStandardMaterial; lattice: THREE.MeshStandardMaterial } | null = null

/**
 * The plant's two materials, created on first use: `solid` for every part, `lattice` (both
 * sides, cut out where the lattice pattern is empty) for towers and gantries.
 */
export function plantMaterials() {
  if (shared) return shared
  const map = patternAtlas()
  const solid = new THREE.MeshStandardMaterial({
    color: '#ffffff',
    map,
    vertexColors: true,
    roughness: 0.7,
    metalness: 0.05,
  })
  compile(solid, 'plant-solid')
  const lattice = new THREE.MeshStandardMaterial({
    color: '#ffffff',
    map,
    vertexColors: true,
    roughness: 0.6,
    metalness: 0.35,
    side: THREE.DoubleSide,
  })
  lattice.defines = { PLANT_CUTOUT: '' }
  compile(lattice, 'plant-lattice')
  shared = { solid, lattice }
  return shared
}
