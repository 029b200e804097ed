import { HOURS_PER_YEAR, MONTH_OF_HOUR, type SiteId, type SiteSpec } from '../model'
import { growRect, unionRect } from './geometry'
import { PAD_MARGIN_M } from './dimensions'
import type { Biome, Rect, TerrainSpec } from './types'

/** The terrain before its extent is known (that needs everything placed). */
export type Landform = Omit<TerrainSpec, 'extentM'>

/**
 * The surroundings each site gets: its land cover, soil and trees (docs/SCENE.md, "Ground and
 * site"). Northern Norway: fjord and steep mountains, birch and pine below the tree line;
 * Luleå: boreal conifer forest; Abilene and Milam: West Texas scrub on red soil with mesquite;
 * Phoenix and Las Cruces: desert with distant ranges; Abu Dhabi: sand desert on the Gulf;
 * Singapore: a tropical coast with palms; the Midwest, Ohio, Virginia, Tennessee, Frankfurt
 * and London: green farmland with woodlots.
 */
export const SITE_BIOME: Readonly<Record<SiteId, Biome>> = {
  narvik: 'fjord',
  tromso: 'fjord',
  bodo: 'fjord',
  lulea: 'boreal',
  abilene: 'scrub',
  milam: 'scrub',
  'las-cruces': 'desert',
  phoenix: 'desert',
  'abu-dhabi': 'desert-coast',
  singapore: 'tropical-coast',
  memphis: 'farmland',
  ashburn: 'farmland',
  columbus: 'farmland',
  youngstown: 'farmland',
  frankfurt: 'farmland',
  saline: 'farmland',
  'port-washington': 'farmland',
  london: 'farmland',
}

/**
 * The site's landform around the campus: a flat pad over everything built on the ground
 * (`PAD_MARGIN_M` round it) blended over 150 m into the site's character (`SITE_BIOME`); the
 * sea 40 m beyond the pad's south edge on fjord and coastal sites; a mountain side rising 24°
 * from 20 m north of the pad to a plateau (420 m on fjords, 260 m elsewhere) on fjord sites and
 * wherever a hydro plant needs a head, with peaks rising behind it. No reservoir basin yet: the
 * hydro plant sets it (`planDam`).
 */
export function landformOf(
  site: Pick<SiteSpec, 'id' | 'terrain'>,
  built: readonly Rect[],
  hydro: boolean,
): Landform {
  const pad = growRect(unionRect(built), PAD_MARGIN_M)
  const seaSide = site.terrain === 'fjord' || site.terrain === 'coastal'
  const mountainSide = site.terrain === 'fjord' || hydro
  const plateauYM = site.terrain === 'fjord' ? 420 : 260
  const slopeM = plateauYM / Math.tan((24 * Math.PI) / 180)
  const footZ = pad.z - pad.d / 2 - 20
  return {
    kind: site.terrain,
    biome: SITE_BIOME[site.id],
    pad,
    padBlendM: 150,
    seaLevelYM: seaSide ? -2 : null,
    shoreZ: seaSide ? pad.z + pad.d / 2 + 40 : null,
    mountain: mountainSide ? { footZ, slopeM, plateauYM } : null,
    basin: null,
    seed: seedOf(site.id),
  }
}

/**
 * The terrain square's half-size: 3 km beyond everything placed (`bounds`), at least 6 km,
 * and on fjords 6 km beyond the shore so the far side of the fjord shows.
 */
export function terrainExtentM(land: Landform, bounds: Rect): number {
  const reach = Math.max(
    Math.abs(bounds.x - bounds.w / 2),
    Math.abs(bounds.x + bounds.w / 2),
    Math.abs(bounds.z - bounds.d / 2),
    Math.abs(bounds.z + bounds.d / 2),
  )
  const fjordReach = land.kind === 'fjord' ? (land.shoreZ ?? 0) + 6000 : 0
  return Math.max(reach + 3000, fjordReach, 6000)
}

/**
 * The land's height, metres, at (x, z): flat at 0 on the campus pad, shaped by the site's
 * character around it (fjord and mountains, coast, plain, desert, forest hills). Pure and
 * deterministic: the scene builds its terrain mesh from it and the layout puts penstocks and
 * turbines on it.
 */
export function terrainHeightM(t: TerrainSpec, x: number, z: number): number {
  const natural = naturalHeightM(t, x, z)
  const outside = padDistanceM(t, x, z)
  if (outside <= 0) return 0
  if (outside >= t.padBlendM) return natural
  return natural * smoothstep(outside / t.padBlendM)
}

/** Distance outside the pad rectangle, metres (≤ 0 inside). */
function padDistanceM(t: TerrainSpec, x: number, z: number): number {
  const dx = Math.abs(x - t.pad.x) - t.pad.w / 2
  const dz = Math.abs(z - t.pad.z) - t.pad.d / 2
  if (dx <= 0 && dz <= 0) return Math.max(dx, dz)
  return Math.hypot(Math.max(dx, 0), Math.max(dz, 0))
}

function naturalHeightM(t: TerrainSpec, x: number, z: number): number {
  const n = fbm(t.seed, x / 900, z / 900)
  let h: number
  switch (t.biome) {
    case 'farmland':
      h = 6 * n
      break
    case 'scrub':
      // Rolling rangeland, low hills (the Callahan Divide kind) a few kilometres out.
      h = 5 * n + distantRange(t, x, z, 3200, 70)
      break
    case 'desert':
      h = 6 * n + mesas(t, x, z) + distantRange(t, x, z, 3800, 520)
      break
    case 'desert-coast':
      // Low dunes.
      h = 3 * n + 2.5 * Math.abs(fbm(t.seed + 13, x / 140, z / 260))
      break
    case 'boreal':
      h = 18 * n
      break
    case 'tropical-coast':
      h = 8 * n + distantRange(t, x, z, 3500, 90)
      break
    case 'fjord':
      h = 10 * n
      break
  }
  // Land behind the shore stays above the sea (the sea surface is one plane).
  if (t.seaLevelYM !== null && (t.shoreZ === null || z <= t.shoreZ))
    h = Math.max(h, t.seaLevelYM + 1 + Math.abs(h) * 0.5)
  if (t.shoreZ !== null && z > t.shoreZ) {
    // Under the sea: the shore shelves down to the sea bed.
    const seabed = t.kind === 'fjord' ? -60 : -18
    h = Math.max(seabed, h - (z - t.shoreZ) * 0.25)
    if (t.kind === 'fjord') {
      // Steep mountains on the far side of the fjord, with ridges and summits near 1,000 m.
      const across = z - t.shoreZ - 2600
      if (across > 0) {
        const ridge = ridged(t.seed + 7, x / 1500, z / 1100)
        const rise = Math.min(across * 0.75, 650 + 450 * ridge)
        h = Math.max(h, -60 + rise + 160 * fbm(t.seed + 8, x / 600, z / 600))
      }
    }
  }
  if (t.mountain !== null) h = Math.max(h, mountainHeightM(t, x, z))
  return h
}

function mountainHeightM(t: TerrainSpec, x: number, z: number): number {
  const m = t.mountain
  if (m === null) return 0
  const up = m.footZ - z
  if (up <= 0) return -Infinity
  const rough = fbm(t.seed + 3, x / 500, z / 500)
  if (up < m.slopeM) {
    const s = smoothstep(up / m.slopeM)
    return m.plateauYM * s + 25 * rough * s
  }
  // On the plateau: rolling ground that rises to ridged peaks further north (up to about
  // 1,300 m on fjord sites, Narvik's mountains).
  const beyond = up - m.slopeM
  const rim = smoothstep(beyond / 250) * (25 + 15 * rough)
  const peaks = t.kind === 'fjord' ? 380 * ridged(t.seed + 4, x / 1300, z / 1300) : 0
  let h =
    m.plateauYM +
    25 * rough +
    rim +
    Math.min(beyond * 0.22, 520) * (0.6 + 0.4 * rough) +
    peaks * smoothstep((beyond - 300) / 1500)
  if (t.basin !== null) h = carveBasin(t.basin, h, m.plateauYM, x, z)
  return h
}

/** The reservoir basin: the northern half of an ellipse whose long axis is the dam. */
function carveBasin(
  basin: { x: number; z: number; w: number; d: number },
  h: number,
  plateau: number,
  x: number,
  z: number,
): number {
  const damZ = basin.z + basin.d / 2
  const ex = (x - basin.x) / (basin.w / 2)
  const ez = Math.max(0, damZ - z) / basin.d
  const r = Math.hypot(ex, ez)
  const floor = plateau - 25
  if (r >= 1.25) return h
  if (r <= 1) return floor
  return floor + (h - floor) * smoothstep((r - 1) / 0.25)
}

/**
 * Ridged mountains beyond `startM` from the pad, up to `peakM` high: a range on the horizon
 * (Phoenix's and Las Cruces's desert ranges, Texas hills, Singapore's low hills).
 */
function distantRange(t: TerrainSpec, x: number, z: number, startM: number, peakM: number): number {
  const far = Math.hypot(x - t.pad.x, z - t.pad.z) - Math.max(t.pad.w, t.pad.d) / 2
  if (far < startM) return 0
  const r = ridged(t.seed + 17, x / 1800, z / 1800)
  const mask = smoothstep((fbm(t.seed + 19, x / 3000, z / 3000) + 0.15) / 0.5)
  return peakM * smoothstep((far - startM) / 1500) * r * r * mask
}

function mesas(t: TerrainSpec, x: number, z: number): number {
  const far = Math.hypot(x - t.pad.x, z - t.pad.z) - Math.max(t.pad.w, t.pad.d)
  if (far < 1500) return 0
  const m = fbm(t.seed + 11, x / 1400, z / 1400)
  return m > 0.25 ? Math.min(90, (m - 0.25) * 600) : 0
}

export function smoothstep(u: number): number {
  const v = Math.min(1, Math.max(0, u))
  return v * v * (3 - 2 * v)
}

/** Ridged noise in 0…1: sharp crests where the noise crosses zero. */
export function ridged(seed: number, x: number, z: number): number {
  const a = 1 - Math.abs(valueNoise(seed, x, z))
  const b = 1 - Math.abs(valueNoise(seed + 1, x * 2.2, z * 2.2))
  return 0.65 * a * a + 0.35 * b * b
}

/** Fractal value noise in about −1…1. */
export function fbm(seed: number, x: number, z: number): number {
  return (
    0.55 * valueNoise(seed, x, z) +
    0.3 * valueNoise(seed + 1, x * 2.1, z * 2.1) +
    0.15 * valueNoise(seed + 2, x * 4.3, z * 4.3)
  )
}

function valueNoise(seed: number, x: number, z: number): number {
  const ix = Math.floor(x)
  const iz = Math.floor(z)
  const fx = x - ix
  const fz = z - iz
  const u = fx * fx * (3 - 2 * fx)
  const v = fz * fz * (3 - 2 * fz)
  const a = hash2(seed, ix, iz)
  const b = hash2(seed, ix + 1, iz)
  const c = hash2(seed, ix, iz + 1)
  const d = hash2(seed, ix + 1, iz + 1)
  return a + (b - a) * u + (c - a) * v + (a - b - c + d) * u * v
}

/** Integer hash to −1…1. */
function hash2(seed: number, x: number, z: number): number {
  let h = (Math.imul(seed, 374761393) + Math.imul(x, 668265263) + Math.imul(z, 1597334677)) | 0
  h = Math.imul(h ^ (h >>> 13), 1274126177)
  h ^= h >>> 16
  return ((h >>> 0) / 4294967295) * 2 - 1
}

/** A small deterministic number from a string (site id → terrain seed). */
export function seedOf(text: string): number {
  let h = 2166136261
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619)
  return (h >>> 0) % 10007
}

/** Mean dry-bulb temperature of each month, °C, from a typical year's hourly values. */
export function monthlyMeansC(dryBulbC: ArrayLike<number>): number[] {
  const sum = new Array<number>(12).fill(0)
  const hours = new Array<number>(12).fill(0)
  for (let i = 0; i < HOURS_PER_YEAR && i < dryBulbC.length; i++) {
    const m = MONTH_OF_HOUR[i] ?? 0
    sum[m] = (sum[m] ?? 0) + (dryBulbC[i] ?? 0)
    hours[m] = (hours[m] ?? 0) + 1
  }
  return sum.map((s, m) => s / Math.max(1, hours[m] ?? 0))
}

/** Day of the year (1…365) at the middle of each month. */
const MID_MONTH_DAY = [16, 45, 75, 105, 136, 166, 197, 228, 258, 289, 319, 350] as const

/** A monthly mean temperature interpolated to a day of the year (the year wraps), °C. */
export function temperatureOnDayC(monthlyC: readonly number[], dayOfYear: number): number {
  const day = ((((dayOfYear - 1) % 365) + 365) % 365) + 1
  for (let m = 0; m < 12; m++) {
    const a = MID_MONTH_DAY[m] ?? 0
    const b = m === 11 ? (MID_MONTH_DAY[0] ?? 0) + 365 : (MID_MONTH_DAY[m + 1] ?? 0)
    const d = day < (MID_MONTH_DAY[0] ?? 0) ? day + 365 : day
    if (d >= a && d <= b) {
      const ta = monthlyC[m] ?? 0
      const tb = monthlyC[(m + 1) % 12] ?? 0
      return ta + ((tb - ta) * (d - a)) / (b - a)
    }
  }
  return monthlyC[0] ?? 0
}

/**
 * Snow: the ground is white where the air has been below about 0 °C. The temperature that
 * decides is the lower of today's and that of `SNOW_LAG_DAYS` ago (snow lies on for weeks after
 * the thaw begins, and falls as soon as the cold comes), lowered by the standard lapse rate
 * (6.5 °C per km) with height. Cover is 1 at or below −1.5 °C and 0 at or above +1.5 °C.
 */
export const SNOW_LAG_DAYS = 30
export const LAPSE_C_PER_M = 0.0065

/** The temperature that decides snow at sea level on a day, °C (see `snowCover`). */
export function snowTemperatureC(monthlyC: readonly number[], dayOfYear: number): number {
  return Math.min(
    temperatureOnDayC(monthlyC, dayOfYear),
    temperatureOnDayC(monthlyC, dayOfYear - SNOW_LAG_DAYS),
  )
}

/** Snow cover 0…1 at a height, for the snow temperature at sea level (`snowTemperatureC`). */
export function snowCover(seaLevelSnowC: number, heightM = 0): number {
  const t = seaLevelSnowC - LAPSE_C_PER_M * Math.max(0, heightM)
  return smoothstep((1.5 - t) / 3)
}
