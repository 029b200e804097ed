/**
 * Solar geometry and irradiance for the climate assets (pure functions; docs/CLIMATE.md,
 * "Irradiance").
 *
 * - Extraterrestrial irradiance on a horizontal plane, averaged over each hour of the asset's
 *   calendar (hour-ending local standard time), from the model's sun position (`sunSine`:
 *   Spencer 1971 declination and equation of time) at 12 sub-steps of the hour.
 * - The hourly clearness index k_t = GHI / extraterrestrial horizontal, its zenith-independent
 *   form k't of Perez et al. (1990), and the diffuse fraction of Erbs, Klein & Duffie (1982).
 * - A clear-sky bound on direct normal irradiance (Meinel & Meinel 1976 with Kasten & Young
 *   1989 air mass), so that low-sun hours carry no implausible beam.
 * - Splitting a global horizontal value into direct normal and diffuse horizontal so that
 *   GHI = DNI·cos θz + DHI holds hour by hour.
 * - Two syntheses for sites without a measured hourly year: the clearness index of a measured
 *   reference applied to the target's sun (northern Norway from Luleå), and average-day
 *   profiles with a reference's day-to-day anomaly (Abu Dhabi, as its temperatures).
 */
import { HOURS_PER_YEAR, MONTH_OF_HOUR } from '../../src/model/climate'
import { sunSine } from '../../src/model/supply'
import { DAYS_IN_MONTH, DAYS_PER_YEAR, dailyAnomaly, type DiurnalProfile } from './synthesise'

/** Solar constant, W/m² (Kopp & Lean 2011, "A new, lower value of total solar irradiance"). */
export const SOLAR_CONSTANT_WM2 = 1361
/** Sub-steps per hour for the hour-averaged sun. */
const SUBSTEPS = 12

export interface SunYear {
  /** Hour-average of max(0, sin elevation) = hour-average cos θz over the sunlit part. */
  readonly cosZenith: Float64Array
  /** Extraterrestrial irradiance at normal incidence (Earth–Sun distance corrected), W/m². */
  readonly normalWm2: Float64Array
  /** Extraterrestrial irradiance on a horizontal plane, hour average, W/m². */
  readonly horizontalWm2: Float64Array
  /** Highest sin elevation reached within each hour (negative: the sun stayed down). */
  readonly maxSine: Float64Array
}

/**
 * The sun over the asset's year at a place: index i is the hour from i:00 to i+1:00 local
 * standard time (`utcOffsetH`), as the climate arrays. Eccentricity after Duffie & Beckman,
 * "Solar Engineering of Thermal Processes", eq. 1.4.1b: 1 + 0.033 cos(2π n / 365).
 */
export function sunYear(latDeg: number, lonDeg: number, utcOffsetH: number): SunYear {
  const cosZenith = new Float64Array(HOURS_PER_YEAR)
  const normalWm2 = new Float64Array(HOURS_PER_YEAR)
  const horizontalWm2 = new Float64Array(HOURS_PER_YEAR)
  const maxSine = new Float64Array(HOURS_PER_YEAR)
  for (let i = 0; i < HOURS_PER_YEAR; i++) {
    // sunSine(x) gives the sun at x + 0.5 h; sub-step k is centred at i + (k + 0.5)/SUBSTEPS.
    let sum = 0
    let max = -1
    for (let k = 0; k < SUBSTEPS; k++) {
      const s = sunSine(i - 0.5 + (k + 0.5) / SUBSTEPS, latDeg, lonDeg, utcOffsetH)
      if (s > 0) sum += s
      if (s > max) max = s
    }
    const day = Math.floor(i / 24) + 1
    const normal = SOLAR_CONSTANT_WM2 * (1 + 0.033 * Math.cos((2 * Math.PI * day) / DAYS_PER_YEAR))
    cosZenith[i] = sum / SUBSTEPS
    normalWm2[i] = normal
    horizontalWm2[i] = (normal * sum) / SUBSTEPS
    maxSine[i] = max
  }
  return { cosZenith, normalWm2, horizontalWm2, maxSine }
}

/**
 * Relative optical air mass at a cosine of the zenith angle (Kasten & Young 1989), capped at
 * 38 (the horizon).
 */
export function airMass(cosZenith: number): number {
  if (cosZenith <= 0) return 38
  const zenithDeg = (Math.acos(Math.min(1, cosZenith)) * 180) / Math.PI
  return Math.min(38, 1 / (cosZenith + 0.50572 * (96.07995 - zenithDeg) ** -1.6364))
}

/**
 * The zenith dependence of the clearness index: k't = k_t / clearnessZenithFactor(AM)
 * (Perez, Ineichen, Seals & Zelenka 1990, "Making full use of the clearness index for
 * parameterizing hourly insolation conditions", Solar Energy 45(2), eq. 1). 1.0 at AM 1.
 */
export function clearnessZenithFactor(am: number): number {
  return 1.031 * Math.exp(-1.4 / (0.9 + 9.4 / am)) + 0.1
}

/**
 * Clear-sky direct normal as a share of the extraterrestrial normal, 0.7^(AM^0.678) (Meinel &
 * Meinel 1976, "Applied Solar Energy"), used ×1.1 as an upper bound for synthesised hours.
 */
export function clearSkyBeamTransmittance(am: number): number {
  return 0.7 ** (am ** 0.678)
}

/** Diffuse fraction of global horizontal irradiance (Erbs, Klein & Duffie 1982, hourly). */
export function erbsDiffuseFraction(kt: number): number {
  if (kt <= 0.22) return 1 - 0.09 * Math.max(0, kt)
  if (kt <= 0.8) return 0.9511 - 0.1604 * kt + 4.388 * kt ** 2 - 16.638 * kt ** 3 + 12.336 * kt ** 4
  return 0.165
}

export interface Irradiance {
  readonly ghiWm2: number[]
  readonly dniWm2: number[]
  readonly dhiWm2: number[]
}

/** Highest hourly clearness index a synthesised hour may reach (clear, dry sky ≈ 0.8). */
export const MAX_CLEARNESS = 0.85
/** Margin on Meinel's clear-sky beam for the highest synthesised direct normal. */
const BEAM_BOUND_MARGIN = 1.1

/** Highest clearness index a synthesised hour may reach at an air mass. */
export function maxClearness(am: number): number {
  return MAX_CLEARNESS * clearnessZenithFactor(am)
}

/**
 * Direct normal and diffuse horizontal from global horizontal, hour by hour: the diffuse
 * fraction is Erbs's (of the hour's k_t) × the month's factor `diffuseScale[m]` (capped at 1),
 * and DNI = (GHI − DHI) / cos θz, capped at 1.1 × Meinel's clear-sky beam with the rest put
 * back into the diffuse, so that GHI = DNI·cos θz + DHI (before rounding to 1 W/m²).
 */
export function splitGlobal(
  ghiWm2: readonly number[],
  sun: SunYear,
  diffuseScale: readonly number[],
): { dniWm2: number[]; dhiWm2: number[] } {
  const dniWm2: number[] = []
  const dhiWm2: number[] = []
  for (let i = 0; i < HOURS_PER_YEAR; i++) {
    const g = ghiWm2[i]!
    const h0 = sun.horizontalWm2[i]!
    const cosZ = sun.cosZenith[i]!
    if (g <= 0 || h0 <= 0 || cosZ <= 0) {
      dniWm2.push(0)
      dhiWm2.push(Math.max(0, g))
      continue
    }
    const kd = Math.min(1, erbsDiffuseFraction(g / h0) * diffuseScale[MONTH_OF_HOUR[i]!]!)
    let dni = (g * (1 - kd)) / cosZ
    const bound = BEAM_BOUND_MARGIN * clearSkyBeamTransmittance(airMass(cosZ)) * sun.normalWm2[i]!
    dni = Math.min(dni, bound)
    dniWm2.push(dni)
    dhiWm2.push(g - dni * cosZ)
  }
  return { dniWm2, dhiWm2 }
}

/** Sum of `values` over each month. */
export function monthlySums(values: readonly number[]): number[] {
  const out = new Array<number>(12).fill(0)
  for (let i = 0; i < HOURS_PER_YEAR; i++) out[MONTH_OF_HOUR[i]!]! += values[i]!
  return out
}

/**
 * Per-month factors on Erbs's diffuse fraction such that each month's diffuse share of the
 * global (ΣDHI / ΣGHI) equals `targetDiffuseShare[m]` (fixed-point iterations, as the cap at 1
 * and the DNI cap make the share slightly non-linear in the factor).
 */
export function fitDiffuseScale(
  ghiWm2: readonly number[],
  sun: SunYear,
  targetDiffuseShare: readonly number[],
): number[] {
  const scale = new Array<number>(12).fill(1)
  const ghi = monthlySums(ghiWm2)
  for (let pass = 0; pass < 30; pass++) {
    const dhi = monthlySums(splitGlobal(ghiWm2, sun, scale).dhiWm2)
    for (let m = 0; m < 12; m++) {
      const got = ghi[m]! > 0 ? dhi[m]! / ghi[m]! : 0
      const want = targetDiffuseShare[m]!
      if (got > 0 && want > 0) scale[m] = Math.min(10, Math.max(0.1, scale[m]! * (want / got)))
    }
  }
  return scale
}

/** Rounds irradiance to whole W/m², keeping GHI = round(DNI·cos θz + DHI) consistent ≥ 0. */
export function roundIrradiance(
  ghiWm2: readonly number[],
  dniWm2: readonly number[],
  dhiWm2: readonly number[],
): Irradiance {
  return {
    ghiWm2: ghiWm2.map((v) => Math.max(0, Math.round(v)) + 0),
    dniWm2: dniWm2.map((v) => Math.max(0, Math.round(v)) + 0),
    dhiWm2: dhiWm2.map((v) => Math.max(0, Math.round(v)) + 0),
  }
}

/**
 * Hourly zenith-independent clearness index k't (Perez et al. 1990) of a measured year: the
 * hour's k_t / clearnessZenithFactor(AM) where the sun is well up (extraterrestrial horizontal
 * ≥ `minHorizontalWm2`), else the day's energy-weighted k't over those hours (or over all its
 * sunlit hours when none qualifies), capped at `MAX_CLEARNESS`. Low-sun hours take the day's
 * value because there a small timing difference or a horizon makes the ratio unstable.
 */
export function modifiedClearnessIndex(
  ghiWm2: readonly number[],
  sun: SunYear,
  minHorizontalWm2 = 100,
): number[] {
  const factor = (i: number): number => clearnessZenithFactor(airMass(sun.cosZenith[i]!))
  const daily: number[] = []
  for (let d = 0; d < DAYS_PER_YEAR; d++) {
    let g = 0
    let h = 0
    let gAll = 0
    let hAll = 0
    for (let k = d * 24; k < d * 24 + 24; k++) {
      const h0 = sun.horizontalWm2[k]! * factor(k)
      if (sun.horizontalWm2[k]! >= minHorizontalWm2) {
        g += ghiWm2[k]!
        h += h0
      }
      gAll += ghiWm2[k]!
      hAll += h0
    }
    const kt = h > 0 ? g / h : hAll > 0 ? gAll / hAll : 0
    daily.push(Math.min(MAX_CLEARNESS, kt))
  }
  return Array.from({ length: HOURS_PER_YEAR }, (_, i) => {
    const h0 = sun.horizontalWm2[i]!
    const kt = h0 >= minHorizontalWm2 ? ghiWm2[i]! / (h0 * factor(i)) : daily[Math.floor(i / 24)]!
    return Math.min(MAX_CLEARNESS, Math.max(0, kt))
  })
}

/**
 * A target's irradiance from a reference's measured year: each hour's zenith-independent
 * clearness index of the reference (same hour of the year, `modifiedClearnessIndex`) times the
 * target's zenith factor and extraterrestrial horizontal irradiance, so the sky is the
 * reference's and the sun (its height and air mass included) is the target's; then split
 * into DNI and DHI with Erbs's diffuse fraction scaled per month to the reference's own
 * monthly diffuse share.
 */
export function irradianceFromReference(
  reference: Irradiance,
  referenceSun: SunYear,
  targetSun: SunYear,
): Irradiance {
  const kt = modifiedClearnessIndex(reference.ghiWm2, referenceSun)
  const ghi = kt.map(
    (k, i) =>
      k * clearnessZenithFactor(airMass(targetSun.cosZenith[i]!)) * targetSun.horizontalWm2[i]!,
  )
  const refGhi = monthlySums(reference.ghiWm2)
  const refDhi = monthlySums(reference.dhiWm2)
  const share = refGhi.map((g, m) => (g > 0 ? refDhi[m]! / g : 1))
  const split = splitGlobal(ghi, targetSun, fitDiffuseScale(ghi, targetSun, share))
  return roundIrradiance(ghi, split.dniWm2, split.dhiWm2)
}

export interface IrradianceProfiles {
  /** [month][hour] average global horizontal, Wh/m² per hour (hour h = h:00–h+1:00). */
  readonly ghiWm2: DiurnalProfile
  /** [month][hour] average diffuse horizontal, Wh/m² per hour. */
  readonly dhiWm2: DiurnalProfile
}

/**
 * Hourly irradiance from 12×24 average-hour profiles, as the temperatures of a profile site
 * are made: GHI = profile[m][h] × (1 + the reference's relative day-to-day anomaly of daily
 * GHI on the same day of year, `dailyAnomaly(…, true)`), capped at `maxClearness(AM)` × the
 * extraterrestrial horizontal and rescaled per month (a few passes) so each month's total
 * equals the profile's. DNI and DHI from Erbs's diffuse fraction scaled per month to the
 * profiles' monthly diffuse share (`splitGlobal`).
 */
export function irradianceFromProfiles(
  profiles: IrradianceProfiles,
  referenceGhiWm2: readonly number[],
  sun: SunYear,
): Irradiance {
  const anomaly = dailyAnomaly(referenceGhiWm2, true)
  const profileMonth = (p: DiurnalProfile, m: number): number => {
    const row = p[m]
    if (row?.length !== 24) throw new Error(`irradiance profile: month ${m + 1} needs 24 hours`)
    return row.reduce((a, b) => a + b, 0)
  }
  const targetGhi = DAYS_IN_MONTH.map((n, m) => n * profileMonth(profiles.ghiWm2, m))
  const targetDhi = DAYS_IN_MONTH.map((n, m) => n * profileMonth(profiles.dhiWm2, m))
  const cap = Array.from(
    { length: HOURS_PER_YEAR },
    (_, i) => maxClearness(airMass(sun.cosZenith[i]!)) * sun.horizontalWm2[i]!,
  )
  let ghi = Array.from({ length: HOURS_PER_YEAR }, (_, i) => {
    const value = profiles.ghiWm2[MONTH_OF_HOUR[i]!]![i % 24]! * Math.max(0, 1 + anomaly[i]!)
    return Math.min(value, cap[i]!)
  })
  for (let pass = 0; pass < 8; pass++) {
    const got = monthlySums(ghi)
    ghi = ghi.map((g, i) => {
      const m = MONTH_OF_HOUR[i]!
      const f = got[m]! > 0 ? targetGhi[m]! / got[m]! : 0
      return Math.min(g * f, cap[i]!)
    })
  }
  const share = targetGhi.map((g, m) => (g > 0 ? targetDhi[m]! / g : 1))
  const split = splitGlobal(ghi, sun, fitDiffuseScale(ghi, sun, share))
  return roundIrradiance(ghi, split.dniWm2, split.dhiWm2)
}

/** Annual sum of an hourly W/m² series, kWh/m². */
export function annualKwhPerM2(values: readonly number[]): number {
  let s = 0
  for (const v of values) s += v
  return s / 1000
}
