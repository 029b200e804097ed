import type { Assumptions } from './constants'
import { HOURS_PER_YEAR, type Climate } from './climate'
import type { Scenario } from './scenario'

/**
 * Wind and solar output per MW from the site's hourly typical year, and the rule that decides
 * when the site's own grid supplies the campus. Docs: docs/MODEL.md, step 6.
 */

/**
 * True when the scenario gives no supply of its own (no grid, hydro, wind, solar or gas): the
 * site's grid then supplies the campus, unlimited, at its mix and carbon factor. A battery
 * alone or a clean-energy contract is not supply. The model, the layout (which draws the grid
 * line) and the planner share this one rule.
 */
export function usesSiteGrid(scenario: Scenario): boolean {
  const p = scenario.power
  return (
    p.gridMw === 0 && p.hydroMw === 0 && p.windTurbines === 0 && p.solarMw === 0 && p.gasMw === 0
  )
}

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
  const ci3 = vci * vci * vci
  return (hubSpeedMs * hubSpeedMs * hubSpeedMs - ci3) / (vr * vr * vr - ci3)
}

/** Net output of a wind farm per unit of gross turbine output: wake, availability, electrical. */
export function windLossFactor(a: Assumptions): number {
  return (1 - a.windWakeLoss) * a.windAvailability * (1 - a.windElectricalLoss)
}

/** Mean net output per MW of the station wind × `factor` at hub height (the power curve inlined). */
function windCapacityFactorAt(wind: Float32Array, factor: number, a: Assumptions): number {
  const vci = a.windCutInMs
  const vr = a.windRatedMs
  const vco = a.windCutOutMs
  const ci3 = vci * vci * vci
  const span = vr * vr * vr - ci3
  let sum = 0
  for (let i = 0; i < HOURS_PER_YEAR; i++) {
    const v = (wind[i] ?? 0) * factor
    if (v < vci || v >= vco) continue
    sum += v >= vr ? 1 : (v * v * v - ci3) / span
  }
  return (sum / HOURS_PER_YEAR) * windLossFactor(a)
}

/**
 * The factor on the station's hub-height wind that makes the farm's net capacity factor equal
 * `target` (bisection on [0.2, 4], to 1e-6 in capacity factor). Returns 1 when `target` is null
 * (no published figure: the station wind stands as it is).
 */
export function windCalibration(
  climate: Climate,
  target: number | null,
  a: Assumptions,
): { readonly scale: number; readonly capacityFactor: number } {
  const shear = Math.pow(a.hubHeightM / 10, a.windShearExponent)
  if (target === null) {
    return { scale: 1, capacityFactor: windCapacityFactorAt(climate.windMs, shear, a) }
  }
  let low = 0.2
  let high = 4
  let cf = 0
  let mid = 1
  for (let k = 0; k < 40; k++) {
    mid = (low + high) / 2
    cf = windCapacityFactorAt(climate.windMs, shear * mid, a)
    if (Math.abs(cf - target) < 1e-7 || high - low < 1e-9) break
    if (cf < target) low = mid
    else high = mid
  }
  return { scale: mid, capacityFactor: cf }
}

/**
 * Hourly net output per MW of wind: the station's 10 m wind scaled to hub height by the power
 * law, times the site's calibration factor, through the generic power curve, less wake,
 * availability and electrical losses.
 */
export function windProfile(climate: Climate, a: Assumptions, target: number | null): Float64Array {
  const { scale } = windCalibration(climate, target, a)
  const factor = Math.pow(a.hubHeightM / 10, a.windShearExponent) * scale
  const loss = windLossFactor(a)
  const out = new Float64Array(HOURS_PER_YEAR)
  for (let i = 0; i < HOURS_PER_YEAR; i++)
    out[i] = windPowerFraction((climate.windMs[i] ?? 0) * factor, a) * loss
  return out
}

const DEG = Math.PI / 180

/** The sun at a moment: cosine of the zenith angle and azimuth (radians from north, clockwise). */
export interface SunPosition {
  cosZenith: number
  azimuth: number
}

/**
 * The sun at `hour` + ½ h of the year (local standard time, hour 0 = Jan 1 00:00–01:00):
 * Spencer (1971) declination and equation of time, the hour angle from the longitude and the
 * time zone. Writes into `out` (no allocation).
 */
export function sunPosition(
  hour: number,
  latDeg: number,
  lonDeg: number,
  utcOffsetH: number,
  out: SunPosition,
): SunPosition {
  const day = Math.floor(hour / 24) + 1
  const gamma = ((2 * Math.PI) / 365) * (day - 1 + ((hour % 24) + 0.5 - 12) / 24)
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
  out.cosZenith =
    Math.sin(lat) * Math.sin(declination) +
    Math.cos(lat) * Math.cos(declination) * Math.cos(hourAngle)
  // Azimuth from south (east negative), then from north.
  const fromSouth = Math.atan2(
    Math.sin(hourAngle),
    Math.cos(hourAngle) * Math.sin(lat) - Math.tan(declination) * Math.cos(lat),
  )
  out.azimuth = fromSouth + Math.PI
  return out
}

/** Sine of the sun's elevation at the middle of hour `hour` of the year (local standard time). */
export function sunSine(hour: number, latDeg: number, lonDeg: number, utcOffsetH: number): number {
  return sunPosition(hour, latDeg, lonDeg, utcOffsetH, { cosZenith: 0, azimuth: 0 }).cosZenith
}

/**
 * Rotation of a horizontal north–south single-axis tracker, radians (positive: facing west),
 * with backtracking (no row shades the next at ground coverage ratio `gcr`), within ±`maxRad`
 * (pvlib `tracking.singleaxis`, Anderson & Mikofski 2020).
 */
export function trackerRotation(
  cosZenith: number,
  azimuth: number,
  gcr: number,
  maxRad: number,
): number {
  const sinZenith = Math.sqrt(Math.max(0, 1 - cosZenith * cosZenith))
  // Sun in the tracker's frame: x across the axis (towards west), z up.
  const x = sinZenith * Math.sin(azimuth - Math.PI)
  const ideal = Math.atan2(x, cosZenith)
  const c = Math.min(1, Math.abs(Math.cos(ideal)) / gcr)
  const rotation = ideal - Math.sign(ideal) * Math.acos(c)
  return Math.max(-maxRad, Math.min(maxRad, rotation))
}

/**
 * Irradiance on the tracker plane, W/m² effective: beam × incidence-angle modifier (ASHRAE),
 * sky diffuse by Hay & Davies (1980), ground reflection; the sun's position and the hour's
 * global, direct and diffuse irradiance.
 */
export function planeOfArrayWm2(
  sun: SunPosition,
  ghi: number,
  dni: number,
  dhi: number,
  dayOfYear: number,
  a: Assumptions,
): number {
  if (sun.cosZenith <= 0) return dhi
  const rotation = trackerRotation(
    sun.cosZenith,
    sun.azimuth,
    a.pvGroundCoverageRatio,
    a.pvTrackerMaxAngleDeg * DEG,
  )
  const sinZenith = Math.sqrt(1 - sun.cosZenith * sun.cosZenith)
  // Surface normal (east, north, up) = (−sin θ, 0, cos θ); sun = (sin Z sin az, sin Z cos az, cos Z).
  const cosIncidence =
    -Math.sin(rotation) * sinZenith * Math.sin(sun.azimuth) + Math.cos(rotation) * sun.cosZenith
  const cosTilt = Math.cos(rotation)
  const extraterrestrial = 1361 * (1 + 0.033 * Math.cos((2 * Math.PI * dayOfYear) / 365))
  const anisotropy = Math.min(1, Math.max(0, dni / extraterrestrial))
  const beamRatio = Math.max(0, cosIncidence) / Math.max(sun.cosZenith, 0.0872)
  const beam =
    cosIncidence > 0 ? dni * cosIncidence * Math.max(0, 1 - a.pvIamB0 * (1 / cosIncidence - 1)) : 0
  const sky = dhi * ((1 - anisotropy) * ((1 + cosTilt) / 2) + anisotropy * beamRatio)
  const ground = ghi * a.pvAlbedo * ((1 - cosTilt) / 2)
  return beam + sky + ground
}

/**
 * Hourly PV output per MW (AC) from the site's measured (or synthesised) irradiance: single-axis
 * trackers with backtracking; cell temperature by the Sandia model from the air temperature and
 * wind; DC power with the temperature coefficient and PVWatts system losses; inverter efficiency
 * and clipping at the AC rating (DC/AC ratio `pvDcAcRatio`). A climate without irradiance gives
 * no output.
 */
export function solarProfile(
  climate: Climate,
  lat: number,
  lon: number,
  shiftH: number,
  a: Assumptions,
): Float64Array {
  const out = new Float64Array(HOURS_PER_YEAR)
  const ghi = climate.ghiWm2
  const dni = climate.dniWm2
  const dhi = climate.dhiWm2
  if (ghi === undefined || dni === undefined || dhi === undefined) return out
  const sun: SunPosition = { cosZenith: 0, azimuth: 0 }
  const dcPerPoa = (1 - a.pvSystemLoss) * a.pvDcAcRatio * a.pvInverterEfficiency
  for (let i = 0; i < HOURS_PER_YEAR; i++) {
    const g = ghi[i] ?? 0
    if (g <= 0) continue
    sunPosition(i + shiftH, lat, lon, climate.utcOffsetH, sun)
    const poa = planeOfArrayWm2(sun, g, dni[i] ?? 0, dhi[i] ?? 0, Math.floor(i / 24) + 1, a)
    const moduleC =
      poa * Math.exp(a.pvSapmA + a.pvSapmB * (climate.windMs[i] ?? 0)) + (climate.dryBulbC[i] ?? 0)
    const cellC = moduleC + (poa / 1000) * a.pvSapmDeltaK
    const ac = (poa / 1000) * (1 + a.pvTempCoeffPerK * (cellC - 25)) * dcPerPoa
    out[i] = ac <= 0 ? 0 : ac >= 1 ? 1 : ac
  }
  return out
}
