/**
 * Moist-air relations used by Lei & Masanet (2022), as extracted from their public code
 * (repo nuoaleon/Data-center-PUE-prediction-tool). Temperatures °C, pressures Pa.
 */

/** Saturation vapour pressure over water, Pa (Magnus–Buck form used by Lei & Masanet). */
export function saturationPressurePa(tC: number): number {
  return 611.21 * Math.exp(((18.678 - tC / 234.5) * tC) / (257.14 + tC))
}

/** Humidity ratio, kg water per kg dry air, from vapour pressure and total pressure. */
export function humidityRatio(vapourPa: number, pressurePa: number): number {
  return (0.62198 * vapourPa) / (pressurePa - vapourPa)
}

/** Moist-air enthalpy, kJ per kg dry air: h = 1.01·T + (2500 + 1.84·T)·d. */
export function enthalpyKjPerKg(tC: number, ratio: number): number {
  return 1.01 * tC + (2500 + 1.84 * tC) * ratio
}

/** Latent heat of vaporisation of water, kJ/kg: −0.0013·T² − 2.3097·T + 2500.5 (Lei & Masanet). */
export function latentHeatKjPerKg(tC: number): number {
  return -0.0013 * tC * tC - 2.3097 * tC + 2500.5
}

/** Station pressure from elevation, Pa (standard atmosphere). */
export function pressureAtElevationPa(elevationM: number): number {
  return 101325 * Math.pow(1 - 2.25577e-5 * elevationM, 5.25588)
}

/**
 * Wet-bulb temperature by enthalpy equality: the T_wb at which saturated air has the enthalpy of
 * the given air, h(T_wb, sat) = h(T_db, RH). Newton steps kept inside a shrinking bracket
 * (falling back to bisection), to 1e-6 K; typically 3–5 iterations.
 */
export function wetBulbC(dryBulbC: number, relHumidityPct: number, pressurePa = 101325): number {
  const vapour = (saturationPressurePa(dryBulbC) * Math.min(Math.max(relHumidityPct, 0), 100)) / 100
  const target = enthalpyKjPerKg(dryBulbC, humidityRatio(vapour, pressurePa))
  const excess = (t: number): number =>
    enthalpyKjPerKg(t, humidityRatio(saturationPressurePa(t), pressurePa)) - target
  let low = dryBulbC - 60
  let high = dryBulbC
  let t = dryBulbC - (100 - Math.min(Math.max(relHumidityPct, 0), 100)) / 8
  for (let i = 0; i < 60; i++) {
    const f = excess(t)
    if (f > 0) high = t
    else low = t
    const slope = (excess(t + 1e-3) - f) / 1e-3
    let next = t - f / slope
    if (!(next > low && next < high)) next = (low + high) / 2
    if (Math.abs(next - t) < 1e-6 || high - low < 1e-6) return next
    t = next
  }
  return t
}

/** Relative humidity, %, from dry bulb and dew point. */
export function relativeHumidityPct(dryBulbC: number, dewPointC: number): number {
  return (
    (100 * saturationPressurePa(Math.min(dewPointC, dryBulbC))) / saturationPressurePa(dryBulbC)
  )
}
