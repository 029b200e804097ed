import type { SiteId } from './sites'
import {
  dewPointFromVapourC,
  relativeHumidityPct,
  saturationPressurePa,
  wetBulbC,
} from './psychrometrics'

/**
 * A site's typical weather year: 8760 hourly values, index 0 = Jan 1 00:00–01:00 local
 * standard time, no Feb 29. Built from the project's assets (docs/CLIMATE.md).
 */
export interface Climate {
  readonly id: SiteId
  readonly name: string
  readonly lat: number
  readonly lon: number
  readonly elevationM: number
  readonly pressurePa: number
  readonly utcOffsetH: number
  readonly synthesised: boolean
  readonly quality: string
  readonly method: string
  readonly source: string
  readonly sourceUrl: string
  readonly license: string
  readonly dryBulbC: Float32Array
  readonly dewPointC: Float32Array
  readonly wetBulbC: Float32Array
  /** Station wind at 10 m, m/s. */
  readonly windMs: Float32Array
  /**
   * Irradiance of the same hours (docs/CLIMATE.md, "Irradiance"). Every asset has it, so a
   * climate from `decodeClimate` always carries it (`ClimateIrradiance`); it is optional here
   * only so that climates built by hand (tests, synthetic years) stay valid.
   */
  readonly ghiWm2?: Float32Array
  readonly dniWm2?: Float32Array
  readonly dhiWm2?: Float32Array
  readonly irradianceQuality?: string
  readonly irradianceMethod?: string
}

/** The irradiance every decoded climate asset carries. */
export interface ClimateIrradiance {
  /**
   * Global horizontal irradiance, W/m²: the mean over the hour (index i = i:00–i+1:00 local
   * standard time, as the other series), whole W/m².
   */
  readonly ghiWm2: Float32Array
  /** Direct normal irradiance, W/m², mean over the hour. */
  readonly dniWm2: Float32Array
  /** Diffuse horizontal irradiance, W/m², mean over the hour. */
  readonly dhiWm2: Float32Array
  /**
   * How the irradiance was made: 'source typical year', 'source typical year, scaled to the
   * published annual', "synthesised from a reference's clearness index" or 'synthesised from
   * average-hour profiles'.
   */
  readonly irradianceQuality: string
  /** One or two sentences on the irradiance's method (for the methodology panel). */
  readonly irradianceMethod: string
}

export const HOURS_PER_YEAR = 8760
export const DAYS_PER_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const

/** Month (0…11) of every hour of the year. */
export const MONTH_OF_HOUR: Uint8Array = (() => {
  const months = new Uint8Array(HOURS_PER_YEAR)
  let hour = 0
  DAYS_PER_MONTH.forEach((days, month) => {
    months.fill(month, hour, hour + days * 24)
    hour += days * 24
  })
  return months
})()

const SERIES = ['dryBulbC', 'dewPointC', 'wetBulbC', 'windMs'] as const
const IRRADIANCE = ['ghiWm2', 'dniWm2', 'dhiWm2'] as const

/** Running sum of delta-encoded integers, divided by the scale (docs/CLIMATE.md, "Encoding"). */
function decodeSeries(asset: Record<string, unknown>, name: string, scale: number): Float32Array {
  const deltas = asset[name]
  if (!Array.isArray(deltas) || deltas.length !== HOURS_PER_YEAR) {
    throw new Error(`climate asset ${String(asset.id)}: ${name} must hold ${HOURS_PER_YEAR} values`)
  }
  const out = new Float32Array(HOURS_PER_YEAR)
  let value = 0
  for (let i = 0; i < HOURS_PER_YEAR; i++) {
    value += deltas[i] as number
    out[i] = value / scale
  }
  return out
}

/**
 * Decodes a climate asset (format `campus-climate/1`: series ×scale, irradiance ×irradianceScale,
 * delta-encoded integers). Throws with a message naming what is wrong when the asset is not of
 * that format.
 */
export function decodeClimate(asset: unknown): Climate & ClimateIrradiance {
  if (typeof asset !== 'object' || asset === null) throw new Error('climate asset: not an object')
  const a = asset as Record<string, unknown>
  if (a.format !== 'campus-climate/1')
    throw new Error(`climate asset: unknown format ${String(a.format)}`)
  const scale = typeof a.scale === 'number' && a.scale > 0 ? a.scale : 10
  const irradianceScale =
    typeof a.irradianceScale === 'number' && a.irradianceScale > 0 ? a.irradianceScale : 1
  const series = {} as Record<(typeof SERIES)[number] | (typeof IRRADIANCE)[number], Float32Array>
  for (const name of SERIES) series[name] = decodeSeries(a, name, scale)
  for (const name of IRRADIANCE) series[name] = decodeSeries(a, name, irradianceScale)
  const text = (key: string): string => (typeof a[key] === 'string' ? (a[key] as string) : '')
  const number = (key: string, fallback: number): number =>
    typeof a[key] === 'number' ? (a[key] as number) : fallback
  return {
    id: text('id') as SiteId,
    name: text('name'),
    lat: number('lat', 0),
    lon: number('lon', 0),
    elevationM: number('elevationM', 0),
    pressurePa: number('pressurePa', 101325),
    utcOffsetH: number('utcOffsetH', 0),
    synthesised: a.synthesised === true,
    quality: text('quality'),
    method: text('method'),
    source: text('source'),
    sourceUrl: text('sourceUrl'),
    license: text('license'),
    irradianceQuality: text('irradianceQuality'),
    irradianceMethod: text('irradianceMethod'),
    ...series,
  }
}

/** Summary of a climate for the site picker. */
export interface ClimateSummary {
  readonly meanDryBulbC: number
  readonly maxDryBulbC: number
  readonly maxWetBulbC: number
  /** 99.6th percentile of hourly dry bulb (ASHRAE-style "0.4 % cooling"). */
  readonly dryBulb04C: number
  readonly wetBulb04C: number
  readonly hoursAbove25C: number
  readonly meanWindMs: number
}

export function summariseClimate(climate: Climate): ClimateSummary {
  const sortedDb = Float32Array.from(climate.dryBulbC).sort()
  const sortedWb = Float32Array.from(climate.wetBulbC).sort()
  const at = (sorted: Float32Array, q: number): number =>
    sorted[Math.floor(q * (sorted.length - 1))] ?? NaN
  let sum = 0
  let wind = 0
  let hot = 0
  for (let i = 0; i < HOURS_PER_YEAR; i++) {
    const t = climate.dryBulbC[i] ?? 0
    sum += t
    wind += climate.windMs[i] ?? 0
    if (t > 25) hot++
  }
  return {
    meanDryBulbC: sum / HOURS_PER_YEAR,
    maxDryBulbC: sortedDb[sortedDb.length - 1] ?? NaN,
    maxWetBulbC: sortedWb[sortedWb.length - 1] ?? NaN,
    dryBulb04C: at(sortedDb, 0.996),
    wetBulb04C: at(sortedWb, 0.996),
    hoursAbove25C: hot,
    meanWindMs: wind / HOURS_PER_YEAR,
  }
}

/**
 * Shifts the year by `offsetC`, holding each hour's relative humidity (the usual assumption for
 * warming: Clausius–Clapeyron keeps RH roughly constant). The wet bulb moves by the change the
 * enthalpy-equality solver gives, so an offset of 0 returns the stored values exactly.
 */
export function shiftClimate(
  climate: Climate,
  offsetC: number,
): { dryBulbC: Float32Array; wetBulbC: Float32Array; dewPointC: Float32Array } {
  if (offsetC === 0)
    return { dryBulbC: climate.dryBulbC, wetBulbC: climate.wetBulbC, dewPointC: climate.dewPointC }
  const dryBulb = new Float32Array(HOURS_PER_YEAR)
  const wetBulb = new Float32Array(HOURS_PER_YEAR)
  const dewPoint = new Float32Array(HOURS_PER_YEAR)
  // Hours with the same (dry bulb, dew point) pair share one solution: typical years repeat many.
  const cache = new Map<number, number>()
  const dewCache = new Map<number, number>()
  for (let i = 0; i < HOURS_PER_YEAR; i++) {
    const t = climate.dryBulbC[i] ?? 0
    const dew = climate.dewPointC[i] ?? t
    const key = Math.round(t * 10) * 10000 + Math.round(dew * 10)
    let shift = cache.get(key)
    let shiftedDew = dewCache.get(key)
    if (shift === undefined || shiftedDew === undefined) {
      const rh = relativeHumidityPct(t, dew)
      shift = wetBulbC(t + offsetC, rh, climate.pressurePa) - wetBulbC(t, rh, climate.pressurePa)
      // The same relative humidity at the shifted temperature: p_v' = p_sat(T') · p_v / p_sat(T).
      const vapour =
        (saturationPressurePa(t + offsetC) * saturationPressurePa(Math.min(dew, t))) /
        saturationPressurePa(t)
      shiftedDew = dewPointFromVapourC(vapour)
      cache.set(key, shift)
      dewCache.set(key, shiftedDew)
    }
    dryBulb[i] = t + offsetC
    wetBulb[i] = (climate.wetBulbC[i] ?? 0) + shift
    dewPoint[i] = shiftedDew
  }
  return { dryBulbC: dryBulb, wetBulbC: wetBulb, dewPointC: dewPoint }
}
