import * as THREE from 'three'
import { isSoftwareRenderer } from './renderQuality'

/**
 * Two ways to shade the same scene (docs/SCENE.md, "Light and materials"):
 *
 * - **pbr**: physically based materials (MeshStandardMaterial) lit by the sun and an
 *   environment map generated from the sky (PMREM), with shadow maps. On a GPU this is the
 *   interactive view; on a software rasteriser it is the still-frame refinement and exports.
 * - **fast**: on a software rasteriser while the view moves, every MeshStandardMaterial is
 *   drawn by a Lambert twin with the same colours and maps, lit by the sun and a hemisphere
 *   light (the sky's spherical harmonics seen from straight up and down) instead of the
 *   environment map. Measured on the default
 *   campus with SwiftShader: standard materials with an environment map made the frame 5.0×
 *   as long, without it 1.6–2.2× (docs/SCENE.md); the twin keeps today's cost.
 *
 * The swap is a traversal that sets `mesh.material` (a few hundred objects, well under a
 * millisecond); three keeps one compiled program per material and variant, so switching back
 * and forth compiles nothing after the first time.
 */
export type ShadingMode = 'fast' | 'pbr'

/** What the environment registers for the shading switch (one scene at a time). */
export const look = {
  /** The sun (or moon) light; it casts shadows in pbr mode. */
  light: null as THREE.DirectionalLight | null,
  /** Ambient light from the sky's spherical harmonics (pbr without an environment map). */
  probe: null as THREE.LightProbe | null,
  /** The same light as a hemisphere (up and down from the harmonics): fast mode's, far cheaper. */
  hemisphere: null as THREE.HemisphereLight | null,
  /** Cheap shadows on the pad (fast mode only). */
  groundShadows: null as THREE.Object3D | null,
  /** Builds (or returns) the environment map for the current sky; null when none can be made. */
  environment: null as ((gl: THREE.WebGLRenderer) => THREE.Texture | null) | null,
  /** The world box shadow maps cover (the campus and what stands round it). */
  shadowBox: new THREE.Box3(),
  /** Bumped whenever the sky, the layout or anything else a shadow map shows changes. */
  version: 0,
}

const TWIN_SAFE = 'lookTwinSafe'

/** Marks a material whose `onBeforeCompile` also works on a Lambert twin (only standard chunks). */
export function twinSafe<M extends THREE.Material>(material: M): M {
  material.userData[TWIN_SAFE] = true
  return material
}

const twins = new WeakMap<THREE.Material, THREE.Material>()
const originals = new WeakMap<THREE.Material, THREE.Material>()

/** Registers a hand-made fast twin for a material (water, for example). */
export function setFastTwin(material: THREE.Material, fast: THREE.Material): void {
  twins.set(material, fast)
  originals.set(fast, material)
}

function canTwin(m: THREE.Material): m is THREE.MeshStandardMaterial {
  if (!(m as THREE.MeshStandardMaterial).isMeshStandardMaterial) return false
  return (
    m.userData[TWIN_SAFE] === true || m.onBeforeCompile === THREE.Material.prototype.onBeforeCompile
  )
}

/** The Lambert twin of a standard material (made on first use, then kept in step). */
export function fastTwinOf(material: THREE.Material): THREE.Material {
  const made = twins.get(material)
  if (made) return made
  if (!canTwin(material)) return material
  const m = material
  const twin = new THREE.MeshLambertMaterial()
  twin.name = `${m.name}-fast`
  twin.onBeforeCompile = m.onBeforeCompile
  twin.customProgramCacheKey = m.customProgramCacheKey.bind(m)
  twin.defines = { ...(m.defines ?? {}) }
  delete (twin.defines as Record<string, unknown>).STANDARD
  syncTwin(m, twin)
  twin.userData = m.userData
  twins.set(m, twin)
  originals.set(twin, m)
  return twin
}

/** Copies what may change at run time (night emission, opacity, maps) onto the twin. */
function syncTwin(m: THREE.MeshStandardMaterial, twin: THREE.MeshLambertMaterial): void {
  twin.color.copy(m.color)
  twin.emissive.copy(m.emissive)
  twin.emissiveIntensity = m.emissiveIntensity
  twin.opacity = m.opacity
  twin.visible = m.visible
  twin.side = m.side
  twin.fog = m.fog
  twin.alphaTest = m.alphaTest
  twin.depthWrite = m.depthWrite
  twin.depthTest = m.depthTest
  twin.blending = m.blending
  twin.polygonOffset = m.polygonOffset
  twin.polygonOffsetFactor = m.polygonOffsetFactor
  twin.polygonOffsetUnits = m.polygonOffsetUnits
  twin.toneMapped = m.toneMapped
  if (
    twin.transparent !== m.transparent ||
    twin.vertexColors !== m.vertexColors ||
    twin.map !== m.map ||
    twin.emissiveMap !== m.emissiveMap ||
    twin.alphaMap !== m.alphaMap
  ) {
    twin.transparent = m.transparent
    twin.vertexColors = m.vertexColors
    twin.map = m.map
    twin.emissiveMap = m.emissiveMap
    twin.alphaMap = m.alphaMap
    twin.needsUpdate = true
  }
}

function swap(material: THREE.Material, mode: ShadingMode): THREE.Material {
  if (mode === 'pbr') return originals.get(material) ?? material
  const twin = fastTwinOf(material)
  if (twin !== material) {
    const original = originals.get(twin)
    if (
      original &&
      (original as THREE.MeshStandardMaterial).isMeshStandardMaterial &&
      (twin as THREE.MeshLambertMaterial).isMeshLambertMaterial
    )
      syncTwin(original as THREE.MeshStandardMaterial, twin as THREE.MeshLambertMaterial)
  }
  return twin
}

/** Names of objects that never cast a shadow (sky, stars, light pools, water). */
export const NO_SHADOW = 'look-no-shadow'

/**
 * Sets every mesh's material, the environment, the light probe and the shadow switches for a
 * shading mode. `shadows`: draw shadow maps (pbr only).
 */
export function setShading(
  scene: THREE.Scene,
  gl: THREE.WebGLRenderer,
  mode: ShadingMode,
  shadows: boolean,
): void {
  scene.traverse((object) => {
    const mesh = object as THREE.Mesh
    if (!mesh.isMesh) return
    const material = mesh.material
    if (Array.isArray(material)) return
    const next = swap(material, mode)
    if (next !== material) mesh.material = next
    const lit =
      (next as THREE.MeshStandardMaterial).isMeshStandardMaterial === true ||
      (next as THREE.MeshLambertMaterial).isMeshLambertMaterial === true
    mesh.castShadow = shadows && lit && !next.transparent && mesh.userData[NO_SHADOW] !== true
    mesh.receiveShadow = shadows && lit
  })
  const pbr = mode === 'pbr'
  scene.environment = pbr && !isSoftwareRenderer() ? (look.environment?.(gl) ?? null) : null
  if (look.probe) look.probe.visible = pbr && scene.environment === null
  if (look.hemisphere) look.hemisphere.visible = !pbr
  if (look.groundShadows) look.groundShadows.visible = !shadows
  const light = look.light
  const withShadows = shadows && light !== null && light.intensity > 0.05
  gl.shadowMap.enabled = withShadows
  if (light) light.castShadow = withShadows
}

/** Softness of the shadow maps' edges: three's PCF taps spread over this many texels. */
export const SHADOW_RADIUS = 3

/**
 * Depth bias of the shadow maps, metres along the light. The filter's taps reach
 * `SHADOW_RADIUS` texels sideways, hardware filtering and the map's own steps about two more;
 * on ground lit at a slant the surface there lies lower by that reach times the tangent of the
 * sun's zenith angle. A smaller bias lets a surface shadow itself over some of its taps (acne:
 * three's per-pixel rotated taps draw it as a fine cross-hatch over every roof and yard). The
 * price is a gap of about the bias at the foot of each shadow, so the map's texel is kept small
 * (a box round the fence, 4,096 texels: 0.37 m at Narvik). Bounded for a sun near the horizon.
 */
export function shadowBiasM(texelM: number, sunUp: number): number {
  const cos = Math.min(1, Math.max(0.2, sunUp))
  const tan = Math.sqrt(1 - cos * cos) / cos
  return texelM * (SHADOW_RADIUS + 2) * Math.max(0.5, tan)
}

/**
 * Fits the light's orthographic shadow camera round `look.shadowBox` seen from the light, and
 * sets its map size and softness.
 */
export function fitShadowCamera(light: THREE.DirectionalLight, mapSize: number): void {
  const box = look.shadowBox
  if (box.isEmpty()) return
  const centre = box.getCenter(new THREE.Vector3())
  const radius = box.getSize(new THREE.Vector3()).length() / 2
  const dir = light.position.clone().sub(light.target.position).normalize()
  light.target.position.copy(centre)
  // Far enough toward the light that mountains beyond the box still cast onto it.
  light.position.copy(centre).addScaledVector(dir, radius + 3000)
  light.target.updateMatrixWorld()
  light.updateMatrixWorld()
  const shadow = light.shadow
  const cam = shadow.camera
  // The box's corners in the light's view: the tightest rectangle round them.
  cam.position.copy(light.position)
  cam.lookAt(centre)
  cam.updateMatrixWorld()
  const inverse = cam.matrixWorldInverse
  let x0 = Infinity
  let x1 = -Infinity
  let y0 = Infinity
  let y1 = -Infinity
  let z0 = Infinity
  const p = new THREE.Vector3()
  for (let i = 0; i < 8; i++) {
    p.set(
      i & 1 ? box.max.x : box.min.x,
      i & 2 ? box.max.y : box.min.y,
      i & 4 ? box.max.z : box.min.z,
    ).applyMatrix4(inverse)
    x0 = Math.min(x0, p.x)
    x1 = Math.max(x1, p.x)
    y0 = Math.min(y0, p.y)
    y1 = Math.max(y1, p.y)
    z0 = Math.min(z0, p.z)
  }
  cam.left = x0
  cam.right = x1
  cam.bottom = y0
  cam.top = y1
  cam.near = 0.5
  cam.far = -z0 + 10
  cam.updateProjectionMatrix()
  if (shadow.mapSize.x !== mapSize) {
    shadow.mapSize.set(mapSize, mapSize)
    shadow.map?.dispose()
    shadow.map = null
  }
  const texelM = (x1 - x0) / mapSize
  shadow.radius = SHADOW_RADIUS
  shadow.bias = -shadowBiasM(texelM, dir.y) / (cam.far - cam.near)
  shadow.normalBias = Math.max(0.05, texelM * 0.7)
  shadow.needsUpdate = true
}

let shadowVersion = -1
let shadowMapSize = 0

/**
 * Before a frame with shadow maps: fits the light's shadow camera to the campus and redraws the
 * map only when something it shows changed (`look.version`) or its size changes. Soft filtering:
 * three's PCF with a radius (Vogel-disc taps, hardware comparison).
 */
export function prepareShadowMap(gl: THREE.WebGLRenderer, mapSize: number): void {
  const light = look.light
  if (!light || !gl.shadowMap.enabled) return
  gl.shadowMap.type = THREE.PCFShadowMap
  gl.shadowMap.autoUpdate = false
  if (shadowVersion !== look.version || shadowMapSize !== mapSize || !light.shadow.map) {
    fitShadowCamera(light, mapSize)
    gl.shadowMap.needsUpdate = true
    shadowVersion = look.version
    shadowMapSize = mapSize
  }
}
