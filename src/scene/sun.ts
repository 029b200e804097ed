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

/** Midsummer: the long northern day the product's Nordic sites are shown in. */
export const SCENE_DAY_OF_YEAR = 172

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
