import { useMemo } from 'react'
import { SITES } from '../model'
import { useCampus } from '../state'

/**
 * The sun's direction for a latitude, day of year and local solar time (NOAA's simple solar
 * position: declination 23.44°·sin(2π(284 + N)/365), hour angle 15° per hour from noon).
 */
export interface SunPosition {
  readonly elevationRad: number
  /** Clockwise from north. */
  readonly azimuthRad: number
  /** Unit vector toward the sun in world axes (x east, y up, z south). */
  readonly direction: readonly [number, number, number]
}

export function sunPosition(latDeg: number, dayOfYear: number, solarHour: number): SunPosition {
  const rad = Math.PI / 180
  const phi = latDeg * rad
  const decl = 23.44 * rad * Math.sin((2 * Math.PI * (284 + dayOfYear)) / 365)
  const hourAngle = (solarHour - 12) * 15 * rad
  const sinEl =
    Math.sin(phi) * Math.sin(decl) + Math.cos(phi) * Math.cos(decl) * Math.cos(hourAngle)
  const elevationRad = Math.asin(Math.max(-1, Math.min(1, sinEl)))
  const azimuthRad =
    Math.atan2(
      Math.sin(hourAngle),
      Math.cos(hourAngle) * Math.sin(phi) - Math.tan(decl) * Math.cos(phi),
    ) + Math.PI
  const c = Math.cos(elevationRad)
  return {
    elevationRad,
    azimuthRad,
    direction: [c * Math.sin(azimuthRad), Math.sin(elevationRad), -c * Math.cos(azimuthRad)],
  }
}

/** Mean synodic month, days: new moon to new moon. */
export const SYNODIC_MONTH_D = 29.53

/**
 * An illustrative moon for night scenes (not an ephemeris): its age in the synodic month from a
 * fixed epoch (new moon on day 0), its hour angle lagging the sun's by the age (a full moon
 * is due south at midnight), its declination that of the sun as many days on as the age's
 * share of a year (a winter full moon rides high). Illumination: (1 − cos(2π·age)) / 2.
 */
export function moonPosition(
  latDeg: number,
  dayOfYear: number,
  solarHour: number,
): SunPosition & { readonly illumination: number } {
  const age = (((dayOfYear + solarHour / 24) % SYNODIC_MONTH_D) + SYNODIC_MONTH_D) % SYNODIC_MONTH_D
  const phase = age / SYNODIC_MONTH_D
  const p = sunPosition(latDeg, dayOfYear + phase * 365, solarHour - phase * 24)
  return { ...p, illumination: (1 - Math.cos(2 * Math.PI * phase)) / 2 }
}

/** The sun over the campus as the scene shows it, and how dark it is. */
export interface SceneSun {
  readonly position: SunPosition
  /** 0 at night … 1 with the sun well up (civil twilight blends). */
  readonly daylight: number
  /** 1 − daylight: what lit windows, site lights and aviation lights follow. */
  readonly night: number
  /** The moon at the same hour (`moonPosition`). */
  readonly moon: SunPosition & { readonly illumination: number }
}

/** Daylight from the sun's elevation: 0 below −6° (civil dusk), 1 above 20°, smooth between. */
export function daylightOf(elevationRad: number): number {
  const lo = (-6 * Math.PI) / 180
  const hi = (20 * Math.PI) / 180
  const t = Math.min(1, Math.max(0, (elevationRad - lo) / (hi - lo)))
  return t * t * (3 - 2 * t)
}

/** The sun for the site's latitude, the chosen date and local solar time (store), memoised. */
export function useSun(): SceneSun {
  const timeOfDayH = useCampus((s) => s.timeOfDayH)
  const dayOfYear = useCampus((s) => s.dayOfYear)
  const lat = useCampus((s) => SITES[s.scenario.site].lat)
  return useMemo(() => {
    const position = sunPosition(lat, dayOfYear, timeOfDayH)
    const daylight = daylightOf(position.elevationRad)
    const moon = moonPosition(lat, dayOfYear, timeOfDayH)
    return { position, daylight, night: 1 - daylight, moon }
  }, [lat, dayOfYear, timeOfDayH])
}
