/**
 * The sky's light as numbers (linear RGB, before tone mapping): colours of the zenith, the
 * horizon haze and the ground, the sun's and moon's light, and the radiance in any direction.
 * One model feeds the sky dome, the fog the terrain fades into, the ambient light probe
 * (spherical harmonics) and the environment map of the physically based materials, so all of
 * them agree. Pure (no three, no DOM): tested in Node.
 *
 * It is an artist's model of a clear sky tuned against photographs, not a scattering
 * simulation: a blue zenith over a paler horizon, a warm glow round a low sun, deep blue
 * twilight, a dark night sky with moonlight and, near the ground, the site's haze.
 */
import type { Biome } from '../layout'

export type Rgb = [number, number, number]
export type Vec3 = readonly [number, number, number]

export interface SkyInput {
  /** Unit vector toward the sun (x east, y up, z south). */
  readonly sun: Vec3
  /** 0 night … 1 full day (`daylightOf`). */
  readonly daylight: number
  /** Unit vector toward the moon and its lit fraction 0…1. */
  readonly moon: Vec3
  readonly moonIllumination: number
  /** Haze near the ground 0 (clear, northern air) … 1 (dusty desert, humid tropics). */
  readonly haze: number
  /** Ground albedo (linear RGB): what lights the sky's lower half and the shade. */
  readonly groundAlbedo: Rgb
}

export interface SkyState {
  readonly input: SkyInput
  readonly zenith: Rgb
  readonly horizon: Rgb
  /** Warm colour round a low sun. */
  readonly glow: Rgb
  /** The colour distant land fades into (the mean horizon): fog and the dome's lowest band. */
  readonly fog: Rgb
  /** Radiance of the ground seen from above (for the environment's lower half). */
  readonly ground: Rgb
  /** The directional light: the sun by day, the moon at night. */
  readonly light: { readonly direction: Vec3; readonly color: Rgb; readonly intensity: number }
  /** Stars' brightness 0…1. */
  readonly stars: number
  /** Tone-mapping exposure: night is shown brighter than it is, as a photograph would. */
  readonly exposure: number
}

/** Haze by biome: clear northern air, dusty deserts, humid tropics. */
export const BIOME_HAZE: Readonly<Record<Biome, number>> = {
  fjord: 0.1,
  boreal: 0.15,
  farmland: 0.4,
  scrub: 0.5,
  desert: 0.6,
  'desert-coast': 0.75,
  'tropical-coast': 0.7,
}

function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t]
}

function scale(a: Rgb, k: number): Rgb {
  return [a[0] * k, a[1] * k, a[2] * k]
}

function smooth(e0: number, e1: number, x: number): number {
  const t = Math.min(1, Math.max(0, (x - e0) / (e1 - e0)))
  return t * t * (3 - 2 * t)
}

const DAY_ZENITH: Rgb = [0.16, 0.33, 0.72]
const DAY_HORIZON: Rgb = [0.62, 0.74, 0.86]
const HAZE_HORIZON: Rgb = [0.8, 0.8, 0.78]
const TWILIGHT_ZENITH: Rgb = [0.045, 0.06, 0.16]
const TWILIGHT_HORIZON: Rgb = [0.5, 0.36, 0.3]
const NIGHT_ZENITH: Rgb = [0.006, 0.009, 0.022]
const NIGHT_HORIZON: Rgb = [0.018, 0.024, 0.04]
const SUNSET_GLOW: Rgb = [1.3, 0.62, 0.28]
const SUN_HIGH: Rgb = [1.0, 0.96, 0.9]
const SUN_LOW: Rgb = [1.0, 0.62, 0.34]
const MOONLIGHT: Rgb = [0.62, 0.72, 1.0]

/** The sky for a sun, moon and site. */
export function skyState(input: SkyInput): SkyState {
  const sunY = input.sun[1]
  const day = input.daylight
  // 0 with the sun high … 1 at the horizon: how warm and low the light is.
  const low = 1 - smooth(0.02, 0.45, sunY)
  const twilight = smooth(-0.2, 0.02, sunY) * (1 - smooth(0.05, 0.3, sunY))
  let zenith = mix(NIGHT_ZENITH, TWILIGHT_ZENITH, smooth(-0.25, -0.02, sunY))
  zenith = mix(zenith, DAY_ZENITH, smooth(-0.02, 0.35, sunY))
  const dayHorizon = mix(DAY_HORIZON, HAZE_HORIZON, input.haze)
  let horizon = mix(NIGHT_HORIZON, TWILIGHT_HORIZON, smooth(-0.22, -0.03, sunY))
  horizon = mix(horizon, dayHorizon, smooth(0.0, 0.3, sunY))
  const glow = scale(SUNSET_GLOW, twilight + 0.35 * low * day)
  // Moonlight: a little light and colour in the night sky when the moon is up.
  const moonUp = smooth(-0.02, 0.2, input.moon[1]) * input.moonIllumination * (1 - day)
  zenith = mix(zenith, scale(MOONLIGHT, 0.03), moonUp * 0.5)
  horizon = mix(horizon, scale(MOONLIGHT, 0.045), moonUp * 0.5)
  const fog = mix(horizon, scale(glow, 0.6), 0.25 * twilight)

  const sunUp = smooth(-0.015, 0.05, sunY)
  const sunColor = mix(SUN_HIGH, SUN_LOW, low)
  // Clear-sky direct light falls off toward the horizon (more air to cross), and with haze.
  const sunIntensity = sunUp * (0.35 + 2.85 * smooth(0.0, 0.6, sunY)) * (1 - 0.25 * input.haze)
  const moonIntensity = moonUp * 0.32
  const light =
    sunIntensity >= moonIntensity
      ? { direction: input.sun, color: sunColor, intensity: sunIntensity }
      : { direction: input.moon, color: MOONLIGHT, intensity: moonIntensity }
  // Ground radiance: albedo × (direct + sky) irradiance / π, in the same units as the sky.
  const irradiance = light.intensity * Math.max(0, light.direction[1]) + 2.2 * lum(zenith)
  const ground = scale(input.groundAlbedo, irradiance / Math.PI)
  const stars = 1 - smooth(-0.2, -0.05, sunY)
  const exposure = 1 + 1.6 * (1 - day) * (1 - 0.5 * moonUp)
  return { input, zenith, horizon, glow, fog, ground, light, stars, exposure }
}

function lum(c: Rgb): number {
  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]
}

/**
 * Radiance toward the viewer from direction `dir` (unit). Below the horizon: the fog colour
 * (what the dome shows under distant land) or, for the environment, the ground.
 */
export function skyRadiance(sky: SkyState, dir: Vec3, out: Rgb, environment = false): Rgb {
  const y = dir[1]
  const [sx, sy, sz] = sky.input.sun
  const toward = Math.max(0, dir[0] * sx + dir[1] * sy + dir[2] * sz)
  if (y < 0) {
    const below = environment ? sky.ground : sky.fog
    const t = environment ? smooth(0, 0.08, -y) : 0
    out[0] = sky.fog[0] + (below[0] - sky.fog[0]) * t
    out[1] = sky.fog[1] + (below[1] - sky.fog[1]) * t
    out[2] = sky.fog[2] + (below[2] - sky.fog[2]) * t
    return out
  }
  // Gradient from the horizon haze to the zenith, a haze band that thickens with the site's haze.
  const h = Math.pow(y, 0.42 + 0.35 * sky.input.haze)
  let r = sky.horizon[0] + (sky.zenith[0] - sky.horizon[0]) * h
  let g = sky.horizon[1] + (sky.zenith[1] - sky.horizon[1]) * h
  let b = sky.horizon[2] + (sky.zenith[2] - sky.horizon[2]) * h
  // The lowest degrees are the fog colour, so distant land melts into the sky.
  const band = 1 - smooth(0, 0.06, y)
  r += (sky.fog[0] - r) * band
  g += (sky.fog[1] - g) * band
  b += (sky.fog[2] - b) * band
  // Forward scattering round the sun, wide and warm near the horizon.
  const lowness = Math.pow(1 - y, 3)
  const wide = Math.pow(toward, 6) * (0.35 + 0.65 * lowness)
  const tight = Math.pow(toward, 48)
  const day = sky.input.daylight
  const glowK = wide * 0.9 + tight * 0.8
  r += sky.glow[0] * glowK + tight * 0.9 * day
  g += sky.glow[1] * glowK + tight * 0.85 * day
  b += sky.glow[2] * glowK + tight * 0.75 * day
  out[0] = r
  out[1] = g
  out[2] = b
  return out
}

/**
 * The sky (and ground below it) projected onto the nine real spherical-harmonic basis functions
 * (order 2), 27 numbers: RGB per coefficient, as three's LightProbe expects (radiance; the
 * shader applies the cosine lobe). Numerical integration over a latitude–longitude grid.
 */
export function skyHarmonics(sky: SkyState, out = new Float32Array(27)): Float32Array {
  out.fill(0)
  const rows = 24
  const cols = 48
  const c: Rgb = [0, 0, 0]
  const basis = new Float64Array(9)
  for (let i = 0; i < rows; i++) {
    const theta = ((i + 0.5) / rows) * Math.PI
    const st = Math.sin(theta)
    const y = Math.cos(theta)
    const dOmega = ((Math.PI / rows) * (2 * Math.PI)) / cols
    for (let j = 0; j < cols; j++) {
      const phi = ((j + 0.5) / cols) * 2 * Math.PI
      const x = st * Math.cos(phi)
      const z = st * Math.sin(phi)
      skyRadiance(sky, [x, y, z], c, true)
      shBasis(x, y, z, basis)
      const w = dOmega * st
      for (let k = 0; k < 9; k++) {
        const bw = (basis[k] ?? 0) * w
        out[k * 3] = (out[k * 3] ?? 0) + c[0] * bw
        out[k * 3 + 1] = (out[k * 3 + 1] ?? 0) + c[1] * bw
        out[k * 3 + 2] = (out[k * 3 + 2] ?? 0) + c[2] * bw
      }
    }
  }
  return out
}

/** Real SH basis, band 0–2, in three's order and normalisation (SphericalHarmonics3.getBasisAt). */
export function shBasis(x: number, y: number, z: number, out: Float64Array): Float64Array {
  out[0] = 0.282095
  out[1] = 0.488603 * y
  out[2] = 0.488603 * z
  out[3] = 0.488603 * x
  out[4] = 1.092548 * x * y
  out[5] = 1.092548 * y * z
  out[6] = 0.315392 * (3 * z * z - 1)
  out[7] = 1.092548 * x * z
  out[8] = 0.546274 * (x * x - y * y)
  return out
}

/**
 * Irradiance at a surface with normal n (radiance × cosine over the hemisphere, not divided by
 * π) from SH radiance, as three's shGetIrradianceAt; a Lambert surface sends back albedo × E / π.
 */
export function shIrradiance(sh: Float32Array, n: Vec3): Rgb {
  const [x, y, z] = n
  const k = [
    0.886227,
    2.0 * 0.511664 * y,
    2.0 * 0.511664 * z,
    2.0 * 0.511664 * x,
    2.0 * 0.429043 * x * y,
    2.0 * 0.429043 * y * z,
    0.743125 * z * z - 0.247708,
    2.0 * 0.429043 * x * z,
    0.429043 * (x * x - y * y),
  ]
  const out: Rgb = [0, 0, 0]
  k.forEach((w, i) => {
    out[0] += (sh[i * 3] ?? 0) * w
    out[1] += (sh[i * 3 + 1] ?? 0) * w
    out[2] += (sh[i * 3 + 2] ?? 0) * w
  })
  return out
}
