import { useThree } from '@react-three/fiber'
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react'
import * as THREE from 'three'
import { snowCover, type Biome, type CampusLayout } from '../layout'
import { GroundShadows } from './GroundShadows'
import { snowUniform } from './materials'
import { NO_SHADOW, look } from './shading'
import { BIOME_HAZE, skyHarmonics, skyRadiance, skyState, type Rgb, type SkyState } from './sky'
import { useSnowTemperatureC } from './snow'
import { useSun } from './sun'

/** Name of the sky dome (the image export hides it for solid or transparent backgrounds). */
export const SKY_NAME = 'sky'

/** Elevation of the dome's rings, degrees: dense near the horizon, where the colour changes. */
const RINGS_DEG = [-90, -20, -6, -1, 0, 1, 2.5, 4.5, 7, 11, 16, 23, 32, 45, 60, 75, 90]
const SEGMENTS = 64
const UP = new THREE.Vector3(0, 1, 0)
const DOWN = new THREE.Vector3(0, -1, 0)
const SCRATCH = new THREE.Vector3()

function domeGeometry(): THREE.BufferGeometry {
  const cols = SEGMENTS + 1
  const positions = new Float32Array(RINGS_DEG.length * cols * 3)
  RINGS_DEG.forEach((deg, r) => {
    const e = (deg * Math.PI) / 180
    for (let i = 0; i < cols; i++) {
      const a = (i / SEGMENTS) * Math.PI * 2
      const k = (r * cols + i) * 3
      positions[k] = Math.cos(e) * Math.sin(a)
      positions[k + 1] = Math.sin(e)
      positions[k + 2] = -Math.cos(e) * Math.cos(a)
    }
  })
  const index: number[] = []
  for (let r = 0; r + 1 < RINGS_DEG.length; r++)
    for (let i = 0; i < SEGMENTS; i++) {
      const a = r * cols + i
      const b = a + cols
      index.push(a, b, a + 1, a + 1, b, b + 1)
    }
  const g = new THREE.BufferGeometry()
  g.setAttribute('position', new THREE.BufferAttribute(positions, 3))
  g.setAttribute('color', new THREE.BufferAttribute(new Float32Array(positions.length), 3))
  g.setIndex(index)
  g.computeBoundingSphere()
  return g
}

/** Writes the sky's radiance into the dome's vertex colours (environment: ground below). */
function paintDome(g: THREE.BufferGeometry, sky: SkyState, environment: boolean): void {
  const pos = g.getAttribute('position') as THREE.BufferAttribute
  const col = g.getAttribute('color') as THREE.BufferAttribute
  const c: Rgb = [0, 0, 0]
  for (let i = 0; i < pos.count; i++) {
    skyRadiance(sky, [pos.getX(i), pos.getY(i), pos.getZ(i)], c, environment)
    col.setXYZ(i, c[0], c[1], c[2])
  }
  col.needsUpdate = true
}

/** Ground round the fence that the shadow maps still cover (gate, parking, line's last span). */
const SHADOW_MARGIN_M = 80

// Drawn last with the depth test on, so only the pixels nothing else covers are shaded
// (a full-screen pass costs tens of milliseconds in software rendering).
const SKY_MATERIAL = new THREE.MeshBasicMaterial({
  vertexColors: true,
  side: THREE.BackSide,
  depthWrite: false,
  fog: false,
})

/** The environment map's scene: the same sky over the ground's colour, lit by nothing. */
const ENV = {
  scene: null as THREE.Scene | null,
  dome: null as THREE.BufferGeometry | null,
  sky: null as SkyState | null,
  renderedFor: null as SkyState | null,
  target: null as THREE.WebGLRenderTarget | null,
}

function environmentFor(gl: THREE.WebGLRenderer): THREE.Texture | null {
  const sky = ENV.sky
  if (!sky) return null
  if (ENV.renderedFor === sky && ENV.target) return ENV.target.texture
  if (!ENV.scene || !ENV.dome) {
    ENV.dome = domeGeometry()
    ENV.scene = new THREE.Scene()
    ENV.scene.add(new THREE.Mesh(ENV.dome, SKY_MATERIAL))
  }
  paintDome(ENV.dome, sky, true)
  const pmrem = new THREE.PMREMGenerator(gl)
  const target = pmrem.fromScene(ENV.scene, 0, 0.1, 10)
  pmrem.dispose()
  ENV.target?.dispose()
  ENV.target = target
  ENV.renderedFor = sky
  return target.texture
}

/** Ground albedo by biome (linear), the ground's share of the ambient light; snow whitens it. */
const GROUND_ALBEDO: Readonly<Record<Biome, Rgb>> = {
  fjord: [0.1, 0.13, 0.08],
  boreal: [0.07, 0.1, 0.06],
  farmland: [0.12, 0.16, 0.07],
  scrub: [0.3, 0.19, 0.12],
  desert: [0.42, 0.33, 0.23],
  'desert-coast': [0.5, 0.42, 0.3],
  'tropical-coast': [0.1, 0.15, 0.07],
}
const SNOW_ALBEDO: Rgb = [0.78, 0.8, 0.84]

/** A soft round sprite for the sun and the moon: a bright core in a glow. */
function discTexture(): THREE.Texture {
  const size = 128
  const canvas = document.createElement('canvas')
  canvas.width = size
  canvas.height = size
  const ctx = canvas.getContext('2d')
  if (ctx) {
    const g = ctx.createRadialGradient(size / 2, size / 2, 0, size / 2, size / 2, size / 2)
    g.addColorStop(0, 'rgba(255,255,255,1)')
    g.addColorStop(0.11, 'rgba(255,255,255,1)')
    g.addColorStop(0.14, 'rgba(255,255,255,0.35)')
    g.addColorStop(0.35, 'rgba(255,255,255,0.08)')
    g.addColorStop(1, 'rgba(255,255,255,0)')
    ctx.fillStyle = g
    ctx.fillRect(0, 0, size, size)
  }
  const t = new THREE.CanvasTexture(canvas)
  t.colorSpace = THREE.SRGBColorSpace
  return t
}

let disc: THREE.Texture | null = null
let stars: THREE.BufferGeometry | null = null

/** Stars: fixed random directions above the horizon, brightness varying (a few thousand points). */
function starGeometry(): THREE.BufferGeometry {
  const n = 2200
  const pos = new Float32Array(n * 3)
  const col = new Float32Array(n * 3)
  let seed = 12345
  const rand = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0
    return seed / 4294967296
  }
  for (let i = 0; i < n; i++) {
    const y = 0.04 + 0.96 * Math.sqrt(rand())
    const a = rand() * Math.PI * 2
    const r = Math.sqrt(1 - y * y)
    pos.set([r * Math.cos(a), y, r * Math.sin(a)], i * 3)
    const b = 0.25 + 0.75 * Math.pow(rand(), 3)
    const warm = rand()
    col.set([b * (0.9 + 0.1 * warm), b * 0.95, b * (1.05 - 0.15 * warm)], i * 3)
  }
  const g = new THREE.BufferGeometry()
  g.setAttribute('position', new THREE.BufferAttribute(pos, 3))
  g.setAttribute('color', new THREE.BufferAttribute(col, 3))
  g.computeBoundingSphere()
  return g
}

const STAR_MATERIAL = new THREE.PointsMaterial({
  size: 1.6,
  sizeAttenuation: false,
  vertexColors: true,
  transparent: true,
  depthWrite: false,
  fog: false,
})

/**
 * Sky dome, sun and moon, stars, haze, sunlight or moonlight and the sky's ambient light for the
 * site's latitude, the chosen date and local solar time; the environment map the physically
 * based materials reflect; the snow the date and climate bring (docs/SCENE.md, "Light").
 */
export function Environment({ layout }: { layout: CampusLayout }) {
  const sun = useSun()
  const snowC = useSnowTemperatureC()
  const biome = layout.terrain.biome
  const snow = snowC === null ? 0 : snowCover(snowC, 0)
  const sky = useMemo(() => {
    const albedo = GROUND_ALBEDO[biome]
    return skyState({
      sun: sun.position.direction,
      daylight: sun.daylight,
      moon: sun.moon.direction,
      moonIllumination: sun.moon.illumination,
      haze: BIOME_HAZE[biome],
      groundAlbedo: [
        albedo[0] + (SNOW_ALBEDO[0] - albedo[0]) * snow * 0.7,
        albedo[1] + (SNOW_ALBEDO[1] - albedo[1]) * snow * 0.7,
        albedo[2] + (SNOW_ALBEDO[2] - albedo[2]) * snow * 0.7,
      ],
    })
  }, [sun, biome, snow])

  const invalidate = useThree((s) => s.invalidate)
  const get = useThree((s) => s.get)
  const dome = useMemo(() => domeGeometry(), [])
  useEffect(() => () => dome.dispose(), [dome])
  const harmonics = useMemo(() => skyHarmonics(sky), [sky])
  const probeRef = useRef<THREE.LightProbe>(null)
  const hemisphereRef = useRef<THREE.HemisphereLight>(null)
  const lightRef = useRef<THREE.DirectionalLight>(null)
  const fogColor = useMemo(() => new THREE.Color(...sky.fog), [sky])

  useLayoutEffect(() => {
    paintDome(dome, sky, false)
    ENV.sky = sky
    look.environment = environmentFor
    look.version++
    snowUniform.value = snow
    STAR_MATERIAL.opacity = sky.stars
    get().gl.toneMappingExposure = sky.exposure
    const probe = probeRef.current
    if (probe) {
      probe.sh.fromArray(Array.from(harmonics))
      look.probe = probe
      // The fast shading's sky light: the probe's light from straight up and straight down,
      // blended by the normal (a hemisphere light costs a software rasteriser far less per
      // pixel than nine spherical-harmonic terms).
      const hemisphere = hemisphereRef.current
      if (hemisphere) {
        const { x: r, y: g, z: b } = probe.sh.getAt(UP, SCRATCH)
        hemisphere.color.setRGB(r, g, b)
        const down = probe.sh.getAt(DOWN, SCRATCH)
        hemisphere.groundColor.setRGB(down.x, down.y, down.z)
        look.hemisphere = hemisphere
      }
    }
    const light = lightRef.current
    if (light) {
      const [dx, dy, dz] = sky.light.direction
      light.position.set(dx * 1000, Math.max(dy, 0.03) * 1000, dz * 1000)
      light.target.position.set(0, 0, 0)
      light.target.updateMatrixWorld()
      light.color.setRGB(...sky.light.color)
      light.intensity = sky.light.intensity
      look.light = light
    }
    invalidate()
  }, [dome, sky, snow, harmonics, get, invalidate])

  useLayoutEffect(() => {
    // The shadow maps cover the campus (its fence and what stands just outside it), not the
    // feeds kilometres away: Narvik's bounds with its hydro line are 3.8 km long, its fence
    // 1.2 km, and a map's texel — with it the depth bias and the gap at the foot of every
    // shadow — grows with the box (shadowBiasM, shading.ts).
    const b = layout.fence
    const m = SHADOW_MARGIN_M
    look.shadowBox.set(
      new THREE.Vector3(b.x - b.w / 2 - m, -5, b.z - b.d / 2 - m),
      new THREE.Vector3(b.x + b.w / 2 + m, 60, b.z + b.d / 2 + m),
    )
    look.version++
  }, [layout])

  useEffect(
    () => () => {
      look.light = null
      look.probe = null
      look.hemisphere = null
      look.environment = null
    },
    [],
  )

  const extentM = layout.terrain.extentM
  // Haze: exponential fog, nearly opaque at the terrain's edge so the land melts into the sky.
  const density = (1.25 + 0.9 * BIOME_HAZE[biome]) / extentM
  const radius = extentM * 2.8
  const [sx, sy, sz] = sun.position.direction
  const [mx, my, mz] = sun.moon.direction
  disc ??= discTexture()
  stars ??= starGeometry()
  const sunVisible = sy > -0.02
  const moonVisible = my > -0.02 && sun.daylight < 0.6
  return (
    <>
      <fogExp2 attach="fog" args={[fogColor, density]} />
      <mesh
        name={SKY_NAME}
        geometry={dome}
        material={SKY_MATERIAL}
        scale={extentM * 3}
        renderOrder={2}
        frustumCulled={false}
        userData={{ [NO_SHADOW]: true }}
      />
      <points
        geometry={stars}
        material={STAR_MATERIAL}
        scale={extentM * 2.95}
        renderOrder={3}
        frustumCulled={false}
        visible={sky.stars > 0.02}
      />
      {sunVisible && (
        <sprite
          position={[sx * radius, sy * radius, sz * radius]}
          scale={radius * 0.09}
          renderOrder={3}
        >
          <spriteMaterial
            map={disc}
            color={new THREE.Color(...sky.light.color).multiplyScalar(6)}
            blending={THREE.AdditiveBlending}
            depthWrite={false}
            fog={false}
          />
        </sprite>
      )}
      {moonVisible && (
        <sprite
          position={[mx * radius, my * radius, mz * radius]}
          scale={radius * 0.05}
          renderOrder={3}
        >
          <spriteMaterial
            map={disc}
            color={new THREE.Color(0.9, 0.92, 1).multiplyScalar(0.4 + 1.2 * sun.moon.illumination)}
            blending={THREE.AdditiveBlending}
            depthWrite={false}
            fog={false}
          />
        </sprite>
      )}
      <lightProbe ref={probeRef} intensity={1} />
      <hemisphereLight ref={hemisphereRef} intensity={1} />
      <directionalLight ref={lightRef} />
      <GroundShadows layout={layout} sun={sun.position.direction} strength={sun.daylight} />
    </>
  )
}
