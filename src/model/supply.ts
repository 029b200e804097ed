import type { Assumptions } from './constants'
import { HOURS_PER_YEAR, type Climate } from './climate'

/**
 * Output of a generic wind turbine as a share of its rating (0…1), from a wind speed at hub
 * height: P/Pr = (v³ − v_ci³)/(v_r³ − v_ci³) between cut-in and rated, 1 up to cut-out, 0 beyond
 * (model reference §3.3).
 */
export function windPowerFraction(hubSpeedMs: number, a: Assumptions): number {
  const vci = a.windCutInMs
  const vr = a.windRatedMs
  if (hubSpeedMs < vci || hubSpeedMs >= a.windCutOutMs) return 0
  if (hubSpeedMs >= vr) return 1
  return (hubSpeedMs ** 3 - vci ** 3) / (vr ** 3 - vci ** 3)
}

/** Hourly output per MW of wind: station wind scaled to hub height by the power law. */
export function windProfile(climate: Climate, a: Assumptions): Float64Array {
  const shear = Math.pow(a.hubHeightM / 10, a.windShearExponent)
  const out = new Float64Array(HOURS_PER_YEAR)
  for (let i = 0; i < HOURS_PER_YEAR; i++)
    out[i] = windPowerFraction((climate.windMs[i] ?? 0) * shear, a)
  return out
}

const DEG = Math.PI / 180

/** Sine of the sun's elevation at the middle of hour `hour` of the year (local standard time). */
export function sunSine(hour: number, latDeg: number, lonDeg: number, utcOffsetH: number): number {
  const day = Math.floor(hour / 24) + 1
  const gamma = ((2 * Math.PI) / 365) * (day - 1 + ((hour % 24) + 0.5 - 12) / 24)
  // Spencer (1971) declination and equation of time.
  const declination =
    0.006918 -
    0.399912 * Math.cos(gamma) +
    0.070257 * Math.sin(gamma) -
    0.006758 * Math.cos(2 * gamma) +
    0.000907 * Math.sin(2 * gamma) -
    0.002697 * Math.cos(3 * gamma) +
    0.00148 * Math.sin(3 * gamma)
  const eotMin =
    229.18 *
    (0.000075 +
      0.001868 * Math.cos(gamma) -
      0.032077 * Math.sin(gamma) -
      0.014615 * Math.cos(2 * gamma) -
      0.040849 * Math.sin(2 * gamma))
  const solarTimeH = (hour % 24) + 0.5 + (lonDeg - 15 * utcOffsetH) / 15 + eotMin / 60
  const hourAngle = (solarTimeH - 12) * 15 * DEG
  const lat = latDeg * DEG
  return (
    Math.sin(lat) * Math.sin(declination) +
    Math.cos(lat) * Math.cos(declination) * Math.cos(hourAngle)
  )
}

/**
 * Hourly PV output per MW (AC): the shape of the sun's path (sine of elevation, a clear-sky
 * proxy with no weather), scaled so the year's capacity factor equals the site's published
 * figure, and clipped at the inverter rating.
 */
export function solarProfile(
  climate: Climate,
  capacityFactor: number,
  lat: number,
  lon: number,
): Float64Array {
  const shape = new Float64Array(HOURS_PER_YEAR)
  let sum = 0
  for (let i = 0; i < HOURS_PER_YEAR; i++) {
    const s = Math.max(0, sunSine(i, lat, lon, climate.utcOffsetH))
    shape[i] = s
    sum += s
  }
  const out = new Float64Array(HOURS_PER_YEAR)
  if (sum === 0 || capacityFactor <= 0) return out
  // Clipping lowers the yield, so rescale a few times to meet the capacity factor.
  let scale = (capacityFactor * HOURS_PER_YEAR) / sum
  for (let iteration = 0; iteration < 8; iteration++) {
    let total = 0
    for (let i = 0; i < HOURS_PER_YEAR; i++) total += Math.min(1, (shape[i] ?? 0) * scale)
    const ratio = (capacityFactor * HOURS_PER_YEAR) / total
    if (Math.abs(ratio - 1) < 1e-6) break
    scale *= ratio
  }
  for (let i = 0; i < HOURS_PER_YEAR; i++) out[i] = Math.min(1, (shape[i] ?? 0) * scale)
  return out
}
