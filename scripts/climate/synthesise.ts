/**
 * Pure functions that turn the climate sources into the app's hourly typical years.
 *
 * - Calendar helpers for the 8760-hour year (no Feb 29, index 0 = Jan 1 00:00–01:00).
 * - Psychrometrics: thermodynamic wet bulb per ASHRAE Handbook–Fundamentals 2017 ch. 1
 *   (eqs. 20, 33, 35) with Hyland–Wexler saturation pressure (eqs. 5 and 6), solved by bisection
 *   as PsychroLib does. Dew point is taken with respect to liquid water (the WMO and EPW
 *   convention); the wet-bulb surface is ice below 0 °C.
 * - Morphing (Belcher, Hacker & Powell 2005, shift-and-stretch) of a reference hourly year to
 *   monthly normals of mean daily maximum and minimum.
 * - Hourly synthesis from monthly average-day profiles plus a reference year's day-to-day anomaly.
 * - Wind calibration against a generic turbine's capacity factor.
 * - The asset's delta encoding.
 *
 * Nothing here reads files: scripts/build-climate.ts does the I/O. The calendar and the wind
 * power curve are the model's own (src/model), so the build calibrates against the curve the
 * model runs.
 */
import { DAYS_PER_MONTH, HOURS_PER_YEAR, MONTH_OF_HOUR } from '../../src/model/climate'
import { DEFAULT_ASSUMPTIONS, type Assumptions } from '../../src/model/constants'
import { windPowerFraction } from '../../src/model/supply'

// ---------------------------------------------------------------------------------------------
// Calendar: the model's (src/model/climate.ts), so the assets and the model share one year

export { HOURS_PER_YEAR, MONTH_OF_HOUR }
export const DAYS_PER_YEAR = 365
export const DAYS_IN_MONTH: readonly number[] = DAYS_PER_MONTH

/** First day of year (0-based) of each month, and 365 at the end. */
export const MONTH_START_DAY: readonly number[] = DAYS_IN_MONTH.reduce<number[]>(
  (starts, days, m) => {
    starts.push(starts[m]! + days)
    return starts
  },
  [0],
)

/** Month (0–11) of a day of the year (0–364), read from the model's calendar. */
export function monthOfDay(day: number): number {
  return MONTH_OF_HOUR[Math.min(DAYS_PER_YEAR - 1, Math.max(0, day)) * 24]!
}

function assertYear(values: readonly number[], what: string): void {
  if (values.length !== HOURS_PER_YEAR) {
    throw new Error(`${what}: expected ${HOURS_PER_YEAR} hourly values, got ${values.length}`)
  }
  for (const v of values) {
    if (!Number.isFinite(v)) throw new Error(`${what}: non-finite value`)
  }
}

/** Rounds to one decimal (the assets' 0.1 precision), never returning -0. */
export function round1(x: number): number {
  return Math.round(x * 10) / 10 + 0
}

/** Mean of each month's hours. */
export function monthlyMeans(values: readonly number[]): number[] {
  assertYear(values, 'monthlyMeans')
  const sum = new Array<number>(12).fill(0)
  const count = new Array<number>(12).fill(0)
  for (let i = 0; i < HOURS_PER_YEAR; i++) {
    const m = MONTH_OF_HOUR[i]!
    sum[m]! += values[i]!
    count[m]!++
  }
  return sum.map((s, m) => s / count[m]!)
}

/** Mean of each calendar day's 24 hours. */
export function dailyMeans(values: readonly number[]): number[] {
  assertYear(values, 'dailyMeans')
  const out: number[] = []
  for (let d = 0; d < DAYS_PER_YEAR; d++) {
    let s = 0
    for (let h = 0; h < 24; h++) s += values[d * 24 + h]!
    out.push(s / 24)
  }
  return out
}

export interface MonthlyExtremes {
  /** Mean over the month's days of the daily maximum. */
  readonly meanMaxC: readonly number[]
  /** Mean over the month's days of the daily minimum. */
  readonly meanMinC: readonly number[]
}

/** Monthly mean daily maximum and minimum of an hourly series (calendar days 00–24 h). */
export function monthlyDailyExtremes(values: readonly number[]): MonthlyExtremes {
  assertYear(values, 'monthlyDailyExtremes')
  const meanMaxC: number[] = []
  const meanMinC: number[] = []
  for (let m = 0; m < 12; m++) {
    let sumMax = 0
    let sumMin = 0
    for (let d = MONTH_START_DAY[m]!; d < MONTH_START_DAY[m + 1]!; d++) {
      let max = -Infinity
      let min = Infinity
      for (let h = 0; h < 24; h++) {
        const v = values[d * 24 + h]!
        if (v > max) max = v
        if (v < min) min = v
      }
      sumMax += max
      sumMin += min
    }
    meanMaxC.push(sumMax / DAYS_IN_MONTH[m]!)
    meanMinC.push(sumMin / DAYS_IN_MONTH[m]!)
  }
  return { meanMaxC, meanMinC }
}

/**
 * The value exceeded by `fraction` of the hours, linearly interpolated between ranks:
 * `exceededFraction(xs, 0.004)` is the ASHRAE-style "0.4 %" (99.6th percentile).
 */
export function exceededFraction(values: readonly number[], fraction: number): number {
  if (values.length === 0) throw new Error('exceededFraction: no values')
  const sorted = Float64Array.from(values).sort()
  const rank = (1 - fraction) * (sorted.length - 1)
  const lo = Math.floor(rank)
  const hi = Math.min(lo + 1, sorted.length - 1)
  return sorted[lo]! + (rank - lo) * (sorted[hi]! - sorted[lo]!)
}

export function mean(values: readonly number[]): number {
  let s = 0
  for (const v of values) s += v
  return s / values.length
}

// ---------------------------------------------------------------------------------------------
// Psychrometrics (ASHRAE Handbook–Fundamentals 2017, ch. 1; SI units)

const ZERO_C_K = 273.15
const TRIPLE_POINT_C = 0.01
/** Ratio of molecular masses of water vapour and dry air (ASHRAE 2017 eq. 20). */
const MASS_RATIO = 0.621945

/** Saturation vapour pressure over liquid water, Pa (Hyland–Wexler, ASHRAE 2017 eq. 6). */
export function satPressureWaterPa(tC: number): number {
  const t = tC + ZERO_C_K
  const lnP =
    -5.8002206e3 / t +
    1.3914993 -
    4.8640239e-2 * t +
    4.1764768e-5 * t * t -
    1.4452093e-8 * t * t * t +
    6.5459673 * Math.log(t)
  return Math.exp(lnP)
}

/** Saturation vapour pressure over ice, Pa (Hyland–Wexler, ASHRAE 2017 eq. 5). */
export function satPressureIcePa(tC: number): number {
  const t = tC + ZERO_C_K
  const lnP =
    -5.6745359e3 / t +
    6.3925247 -
    9.677843e-3 * t +
    6.2215701e-7 * t * t +
    2.0747825e-9 * t * t * t -
    9.484024e-13 * t * t * t * t +
    4.1635019 * Math.log(t)
  return Math.exp(lnP)
}

/** Saturation vapour pressure over the stable phase: ice at and below the triple point. */
export function satPressurePa(tC: number): number {
  return tC <= TRIPLE_POINT_C ? satPressureIcePa(tC) : satPressureWaterPa(tC)
}

/** Humidity ratio, kg water per kg dry air, from vapour pressure (ASHRAE 2017 eq. 20). */
export function humidityRatio(vapourPressurePa: number, pressurePa: number): number {
  return (MASS_RATIO * vapourPressurePa) / (pressurePa - vapourPressurePa)
}

/**
 * Humidity ratio implied by a wet-bulb temperature (ASHRAE 2017 eq. 33 above freezing, eq. 35
 * below, with the saturation humidity ratio at the wet bulb over water or ice respectively).
 */
function humidityRatioFromWetBulb(dryBulbC: number, wetBulbC: number, pressurePa: number): number {
  const ws = humidityRatio(satPressurePa(wetBulbC), pressurePa)
  if (wetBulbC >= 0) {
    return (
      ((2501 - 2.326 * wetBulbC) * ws - 1.006 * (dryBulbC - wetBulbC)) /
      (2501 + 1.86 * dryBulbC - 4.186 * wetBulbC)
    )
  }
  return (
    ((2830 - 0.24 * wetBulbC) * ws - 1.006 * (dryBulbC - wetBulbC)) /
    (2830 + 1.86 * dryBulbC - 2.1 * wetBulbC)
  )
}

/**
 * Thermodynamic wet bulb, °C, from dry bulb, humidity ratio and pressure: bisection between
 * the dew point and the dry bulb (as PsychroLib's GetTWetBulbFromHumRatio), to 1e-4 K.
 */
export function wetBulbFromHumidityRatio(
  dryBulbC: number,
  w: number,
  pressurePa: number,
  dewPointC: number,
): number {
  let lo = Math.min(dewPointC, dryBulbC)
  let hi = dryBulbC
  let twb = (lo + hi) / 2
  for (let iter = 0; iter < 60 && hi - lo > 1e-4; iter++) {
    twb = (lo + hi) / 2
    if (humidityRatioFromWetBulb(dryBulbC, twb, pressurePa) > w) hi = twb
    else lo = twb
  }
  return (lo + hi) / 2
}

/** Thermodynamic wet bulb, °C, from dry bulb and dew point (w.r.t. liquid water). */
export function wetBulbFromDewPoint(
  dryBulbC: number,
  dewPointC: number,
  pressurePa: number,
): number {
  const dp = Math.min(dewPointC, dryBulbC)
  const w = humidityRatio(satPressureWaterPa(dp), pressurePa)
  return wetBulbFromHumidityRatio(dryBulbC, w, pressurePa, dp)
}

/** Dew point, °C (w.r.t. liquid water), of a vapour pressure: Newton on Hyland–Wexler. */
export function dewPointFromVapourPressure(vapourPressurePa: number): number {
  // Magnus first guess, then Newton steps on ln(p_ws(T)) = ln(p_w).
  const target = Math.log(vapourPressurePa)
  const g = Math.log(vapourPressurePa / 610.94)
  let t = (243.04 * g) / (17.625 - g)
  for (let i = 0; i < 50; i++) {
    const f = Math.log(satPressureWaterPa(t)) - target
    const slope = (Math.log(satPressureWaterPa(t + 1e-3)) - Math.log(satPressureWaterPa(t))) / 1e-3
    const step = f / slope
    t -= step
    if (Math.abs(step) < 1e-7) break
  }
  return t
}

/**
 * Thermodynamic wet bulb, °C, from dry bulb and relative humidity (0–1), where relative humidity
 * is with respect to saturation over the stable phase (PsychroLib's convention).
 */
export function wetBulbFromRelHumidity(
  dryBulbC: number,
  relHumidity: number,
  pressurePa: number,
): number {
  const pw = relHumidity * satPressurePa(dryBulbC)
  const w = humidityRatio(pw, pressurePa)
  const dp = Math.min(dewPointFromVapourPressure(pw), dryBulbC)
  return wetBulbFromHumidityRatio(dryBulbC, w, pressurePa, dp)
}

/** Standard-atmosphere pressure at an elevation, Pa (ASHRAE 2017 ch. 1 eq. 3). */
export function standardPressurePa(elevationM: number): number {
  return 101325 * (1 - 2.25577e-5 * elevationM) ** 5.25588
}

export interface Psychrometrics {
  readonly dryBulbC: number[]
  readonly dewPointC: number[]
  readonly wetBulbC: number[]
}

/**
 * Clamps an hourly year into physical order (dew point ≤ wet bulb ≤ dry bulb) and rounds to the
 * assets' 0.1 K. Returns new arrays.
 */
export function clampPsychrometrics(
  dryBulbC: readonly number[],
  dewPointC: readonly number[],
  wetBulbC: readonly number[],
): Psychrometrics {
  const db = dryBulbC.map(round1)
  const dp = dewPointC.map((v, i) => Math.min(round1(v), db[i]!))
  const wb = wetBulbC.map((v, i) => Math.min(Math.max(round1(v), dp[i]!), db[i]!))
  return { dryBulbC: db, dewPointC: dp, wetBulbC: wb }
}

/**
 * Wet bulb for every hour from dry bulb and dew point at a constant pressure, then clamped and
 * rounded to 0.1 K.
 */
export function psychrometricYear(
  dryBulbC: readonly number[],
  dewPointC: readonly number[],
  pressurePa: number,
): Psychrometrics {
  const db = dryBulbC.map(round1)
  const dp = dewPointC.map((v, i) => Math.min(round1(v), db[i]!))
  const wb = db.map((t, i) => wetBulbFromDewPoint(t, dp[i]!, pressurePa))
  return clampPsychrometrics(db, dp, wb)
}

// ---------------------------------------------------------------------------------------------
// Wind: the model's generic turbine (src/model/supply.ts `windPowerFraction`, constants
// hubHeightM, windShearExponent, windCutInMs, windRatedMs, windCutOutMs), for calibrating
// synthesised 10 m wind

/** Height of the station anemometer the assets' wind refers to, m. */
export const ANEMOMETER_HEIGHT_M = 10

/**
 * Power as a fraction of rated: the model's curve (cubic between cut-in and rated, 1 up to
 * cut-out, 0 at and beyond cut-out).
 */
export function turbinePowerFraction(
  hubSpeedMs: number,
  assumptions: Assumptions = DEFAULT_ASSUMPTIONS,
): number {
  return windPowerFraction(hubSpeedMs, assumptions)
}

/** Annual capacity factor of the turbine fed with `factor` × the 10 m wind, sheared to hub. */
export function turbineCapacityFactor(
  wind10mMs: readonly number[],
  factor = 1,
  assumptions: Assumptions = DEFAULT_ASSUMPTIONS,
): number {
  const shear = (assumptions.hubHeightM / ANEMOMETER_HEIGHT_M) ** assumptions.windShearExponent
  let sum = 0
  for (const v of wind10mMs) sum += windPowerFraction(v * factor * shear, assumptions)
  return sum / wind10mMs.length
}

/**
 * The single factor on a reference 10 m wind series that gives the turbine a target annual
 * capacity factor (bisection; the capacity factor rises with the factor over the range searched).
 */
export function windFactorForCapacityFactor(
  wind10mMs: readonly number[],
  targetCapacityFactor: number,
  assumptions: Assumptions = DEFAULT_ASSUMPTIONS,
): number {
  let lo = 0.2
  let hi = 5
  if (turbineCapacityFactor(wind10mMs, hi, assumptions) < targetCapacityFactor) {
    throw new Error('windFactorForCapacityFactor: target not reachable')
  }
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2
    if (turbineCapacityFactor(wind10mMs, mid, assumptions) < targetCapacityFactor) lo = mid
    else hi = mid
  }
  return (lo + hi) / 2
}

// ---------------------------------------------------------------------------------------------
// Morphing to monthly normals (Belcher, Hacker & Powell 2005)

export interface HourlyYear {
  readonly dryBulbC: number[]
  readonly dewPointC: number[]
  readonly wetBulbC: number[]
  readonly windMs: number[]
}

export interface ReferenceYear {
  readonly dryBulbC: readonly number[]
  readonly dewPointC: readonly number[]
  readonly windMs: readonly number[]
}

/**
 * Shift-and-stretch of an hourly dry bulb to monthly mean daily max/min. For month m, with
 * mean = (mean daily max + mean daily min)/2 and range = mean daily max − mean daily min, both
 * computed the same way for the reference (from its calendar days) and given for the target:
 *
 *   x' = mean_target + (x − mean_ref) × range_target / range_ref
 *
 * The map is increasing, so each day's max and min map to the morphed day's max and min, and
 * the morphed month reproduces the target's mean daily max and min exactly (before rounding).
 */
export function morphDryBulb(
  referenceDryBulbC: readonly number[],
  target: MonthlyExtremes,
): number[] {
  const ref = monthlyDailyExtremes(referenceDryBulbC)
  const shift: number[] = []
  const stretch: number[] = []
  for (let m = 0; m < 12; m++) {
    const tMax = target.meanMaxC[m]
    const tMin = target.meanMinC[m]
    if (tMax === undefined || tMin === undefined || !(tMax > tMin)) {
      throw new Error(`morphDryBulb: month ${m + 1} needs mean max > mean min`)
    }
    const rMax = ref.meanMaxC[m]!
    const rMin = ref.meanMinC[m]!
    shift.push((rMax + rMin) / 2)
    stretch.push((tMax - tMin) / (rMax - rMin))
  }
  return referenceDryBulbC.map((x, i) => {
    const m = MONTH_OF_HOUR[i]!
    const tMean = (target.meanMaxC[m]! + target.meanMinC[m]!) / 2
    return tMean + (x - shift[m]!) * stretch[m]!
  })
}

/**
 * A full hourly year morphed from a reference: dry bulb by shift-and-stretch, dew point by
 * carrying the reference's hourly dew-point depression (capped at the dry bulb), wet bulb
 * recomputed at the site's pressure, wind = reference wind × `windFactor`. Rounded to 0.1.
 */
export function morphToMonthlyNormals(
  reference: ReferenceYear,
  target: MonthlyExtremes,
  pressurePa: number,
  windFactor: number,
): HourlyYear {
  assertYear(reference.dryBulbC, 'reference dry bulb')
  assertYear(reference.dewPointC, 'reference dew point')
  assertYear(reference.windMs, 'reference wind')
  const dryBulb = morphDryBulb(reference.dryBulbC, target).map(round1)
  const dewPoint = dryBulb.map((x, i) => {
    const depression = Math.max(0, reference.dryBulbC[i]! - reference.dewPointC[i]!)
    return x - depression
  })
  const psy = psychrometricYear(dryBulb, dewPoint, pressurePa)
  const windMs = reference.windMs.map((v) => Math.max(0, round1(v * windFactor)))
  return { ...psy, windMs }
}

// ---------------------------------------------------------------------------------------------
// Synthesis from monthly average-day profiles plus a reference's day-to-day anomaly

/** [month 0–11][hour 0–23] average-hour values. */
export type DiurnalProfile = readonly (readonly number[])[]

export interface DiurnalProfiles {
  readonly dryBulbC: DiurnalProfile
  readonly dewPointC: DiurnalProfile
  readonly windMs: DiurnalProfile
}

function profileValue(profile: DiurnalProfile, m: number, h: number, what: string): number {
  const v = profile[m]?.[h]
  if (v === undefined || !Number.isFinite(v)) throw new Error(`${what}: missing [${m}][${h}]`)
  return v
}

/** Each month's mean of a 12×24 average-day profile. */
export function profileMonthlyMeans(profile: DiurnalProfile): number[] {
  return Array.from({ length: 12 }, (_, m) => {
    let s = 0
    for (let h = 0; h < 24; h++) s += profileValue(profile, m, h, 'profile')
    return s / 24
  })
}

/**
 * Hourly day-to-day anomaly of a reference year: each day's mean minus its month's mean, placed
 * at the day's centre (hour 11.5), linearly interpolated between day centres so that no step
 * appears at midnight, then re-centred so that every month's hourly anomaly averages exactly 0.
 * With `relative`, the anomaly is the day's mean divided by the month's mean, minus 1 (for wind).
 */
export function dailyAnomaly(reference: readonly number[], relative = false): number[] {
  const daily = dailyMeans(reference)
  const monthly = monthlyMeans(reference)
  const atCentre = daily.map((d, day) => {
    const m = monthOfDay(day)
    const mm = monthly[m]!
    return relative ? (mm > 0 ? d / mm - 1 : 0) : d - mm
  })
  const hourly = new Array<number>(HOURS_PER_YEAR)
  for (let i = 0; i < HOURS_PER_YEAR; i++) {
    const pos = (i - 11.5) / 24
    const d0 = Math.max(0, Math.min(DAYS_PER_YEAR - 1, Math.floor(pos)))
    const d1 = Math.min(DAYS_PER_YEAR - 1, d0 + 1)
    const f = Math.max(0, Math.min(1, pos - d0))
    hourly[i] = atCentre[d0]! * (1 - f) + atCentre[d1]! * f
  }
  const residual = monthlyMeans(hourly)
  return hourly.map((a, i) => a - residual[MONTH_OF_HOUR[i]!]!)
}

export interface AnomalyScales {
  /**
   * Factor on the reference's dry-bulb anomaly where it is positive (warmer than the month):
   * one for the year, or one per month.
   */
  readonly dryBulbWarm: number | readonly number[]
  /** Factor where the dry-bulb anomaly is negative (colder than the month); as `dryBulbWarm`. */
  readonly dryBulbCold: number | readonly number[]
  /** Factor on the reference's dew-point anomaly. */
  readonly dewPoint: number
  /** Factor on the reference's relative wind anomaly. */
  readonly wind: number
}

export interface DiurnalReference {
  readonly dryBulbC: readonly number[]
  readonly dewPointC: readonly number[]
  readonly windMs: readonly number[]
}

/** Subtracts each month's mean, so that every month of the result averages exactly 0. */
export function centreMonthly(values: readonly number[]): number[] {
  const means = monthlyMeans(values)
  return values.map((v, i) => v - means[MONTH_OF_HOUR[i]!]!)
}

function perMonth(scale: number | readonly number[], m: number): number {
  if (typeof scale === 'number') return scale
  const s = scale[m]
  if (s === undefined) throw new Error(`scale: month ${m + 1} missing`)
  return s
}

/**
 * An anomaly scaled by `warm` where positive and `cold` where negative (per month or for the
 * year), then re-centred so that each month averages exactly 0.
 */
export function scaleAnomaly(
  anomaly: readonly number[],
  warm: number | readonly number[],
  cold: number | readonly number[],
): number[] {
  return centreMonthly(
    anomaly.map((a, i) => {
      const m = MONTH_OF_HOUR[i]!
      return a * (a > 0 ? perMonth(warm, m) : perMonth(cold, m))
    }),
  )
}

export interface MonthlyScales {
  readonly warm: number[]
  readonly cold: number[]
}

/**
 * Per-month warm and cold factors on an anomaly such that, for each month, the hottest hour of
 * profile + scaled anomaly equals `absMaxC[m]` and the coldest `absMinC[m]` (factors searched in
 * [`minScale`, `maxScale`]; alternating bisections, as each factor moves the other extreme a little
 * through the re-centring).
 */
export function fitMonthlyExtremes(
  profile: DiurnalProfile,
  anomaly: readonly number[],
  absMaxC: readonly number[],
  absMinC: readonly number[],
  minScale = 0,
  maxScale = 4,
): MonthlyScales {
  assertYear(anomaly, 'fitMonthlyExtremes anomaly')
  const warm: number[] = []
  const cold: number[] = []
  for (let m = 0; m < 12; m++) {
    const targetMax = absMaxC[m]
    const targetMin = absMinC[m]
    if (targetMax === undefined || targetMin === undefined) {
      throw new Error(`fitMonthlyExtremes: month ${m + 1} missing`)
    }
    const first = MONTH_START_DAY[m]! * 24
    const last = MONTH_START_DAY[m + 1]! * 24
    const extremes = (w: number, c: number): [number, number] => {
      let sum = 0
      for (let i = first; i < last; i++) {
        const a = anomaly[i]!
        sum += a * (a > 0 ? w : c)
      }
      const shift = sum / (last - first)
      let max = -Infinity
      let min = Infinity
      for (let i = first; i < last; i++) {
        const a = anomaly[i]!
        const v = profileValue(profile, m, i % 24, 'profile') + a * (a > 0 ? w : c) - shift
        if (v > max) max = v
        if (v < min) min = v
      }
      return [max, min]
    }
    let w = 1
    let c = 1
    for (let pass = 0; pass < 4; pass++) {
      w = solveScale((x) => extremes(x, c)[0], targetMax, minScale, maxScale)
      c = solveScale((x) => -extremes(w, x)[1], -targetMin, minScale, maxScale)
    }
    warm.push(w)
    cold.push(c)
  }
  return { warm, cold }
}

/**
 * Adds one offset per month to `values`, then caps them at `cap`, choosing each month's offset
 * (bisection) so that the capped month's mean equals `targetMonthlyMeans[m]`: capping a
 * variable at an upper bound lowers its mean, and this puts the mean back.
 */
export function recentreCapped(
  values: readonly number[],
  cap: readonly number[],
  targetMonthlyMeans: readonly number[],
): number[] {
  assertYear(values, 'recentreCapped values')
  assertYear(cap, 'recentreCapped cap')
  const out = values.slice()
  for (let m = 0; m < 12; m++) {
    const target = targetMonthlyMeans[m]
    if (target === undefined) throw new Error(`recentreCapped: month ${m + 1} missing`)
    const first = MONTH_START_DAY[m]! * 24
    const last = MONTH_START_DAY[m + 1]! * 24
    const meanWith = (c: number): number => {
      let s = 0
      for (let i = first; i < last; i++) s += Math.min(values[i]! + c, cap[i]!)
      return s / (last - first)
    }
    let lo = -20
    let hi = 20
    for (let iter = 0; iter < 50; iter++) {
      const mid = (lo + hi) / 2
      if (meanWith(mid) < target) lo = mid
      else hi = mid
    }
    const c = (lo + hi) / 2
    for (let i = first; i < last; i++) out[i] = Math.min(values[i]! + c, cap[i]!)
  }
  return out
}

/**
 * Hourly year from average-day profiles: for hour h of a day in month m,
 *
 *   dry bulb  = profile[m][h] + A_db(hour)
 *   dew point = min(profile[m][h] + s_dp × anomaly_dp(hour) + c_m, dry bulb)
 *   wind      = max(0, profile[m][h] × (1 + s_w × relative anomaly_w(hour)))
 *
 * with the anomalies of `dailyAnomaly` taken from the reference's same day of year. A_db is the
 * dry-bulb anomaly scaled by `dryBulbWarm` where positive and `dryBulbCold` where negative, then
 * re-centred (`scaleAnomaly`) so that it averages 0 over each month: each month's mean dry bulb equals its
 * profile's mean. c_m is the offset (`recentreCapped`) that keeps each month's mean dew point
 * at its profile's mean despite the cap at the dry bulb. Wet bulb is recomputed at
 * `pressurePa`; everything is rounded to 0.1 and clamped.
 */
export function synthesiseFromDiurnal(
  profiles: DiurnalProfiles,
  reference: DiurnalReference,
  scales: AnomalyScales,
  pressurePa: number,
): HourlyYear {
  const aDb = scaleAnomaly(dailyAnomaly(reference.dryBulbC), scales.dryBulbWarm, scales.dryBulbCold)
  const aDp = dailyAnomaly(reference.dewPointC)
  const aW = dailyAnomaly(reference.windMs, true)
  const dryBulb: number[] = []
  const dewPoint: number[] = []
  const windMs: number[] = []
  for (let i = 0; i < HOURS_PER_YEAR; i++) {
    const m = MONTH_OF_HOUR[i]!
    const h = i % 24
    const db = round1(profileValue(profiles.dryBulbC, m, h, 'dry bulb') + aDb[i]!)
    const dp = profileValue(profiles.dewPointC, m, h, 'dew point') + scales.dewPoint * aDp[i]!
    const w = profileValue(profiles.windMs, m, h, 'wind') * (1 + scales.wind * aW[i]!)
    dryBulb.push(db)
    dewPoint.push(dp)
    windMs.push(Math.max(0, round1(w)))
  }
  const dewPointCapped = recentreCapped(dewPoint, dryBulb, profileMonthlyMeans(profiles.dewPointC))
  return { ...psychrometricYear(dryBulb, dewPointCapped, pressurePa), windMs }
}

/**
 * Bisection for the scale `s` in [lo, hi] at which `metric(s)` (assumed non-decreasing) meets
 * `target`. Returns the bound when the target lies outside the range.
 */
export function solveScale(
  metric: (s: number) => number,
  target: number,
  lo: number,
  hi: number,
  iterations = 30,
): number {
  if (metric(lo) >= target) return lo
  if (metric(hi) <= target) return hi
  let a = lo
  let b = hi
  for (let i = 0; i < iterations; i++) {
    const mid = (a + b) / 2
    if (metric(mid) < target) a = mid
    else b = mid
  }
  return (a + b) / 2
}

// ---------------------------------------------------------------------------------------------
// Asset encoding

/**
 * Delta encoding of the asset arrays: v[i] = round(x[i] × scale); stored[0] = v[0];
 * stored[i] = v[i] − v[i−1].
 */
export function deltaEncode(values: readonly number[], scale = 10): number[] {
  const out: number[] = []
  let prev = 0
  for (const x of values) {
    const v = Math.round(x * scale) + 0
    out.push(v - prev + 0)
    prev = v
  }
  return out
}

/** Inverse of `deltaEncode`: running sum of the stored integers, divided by the scale. */
export function deltaDecode(stored: readonly number[], scale = 10): number[] {
  const out: number[] = []
  let v = 0
  for (const d of stored) {
    v += d
    out.push(v / scale + 0)
  }
  return out
}
