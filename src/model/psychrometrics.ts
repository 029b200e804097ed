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
  const rh = Math.min(Math.max(relHumidityPct, 0), 100)
  const vapour = (saturationPressurePa(dryBulbC) * rh) / 100
  const target = enthalpyKjPerKg(dryBulbC, humidityRatio(vapour, pressurePa))
  let low = dryBulbC - 60
  let high = dryBulbC
  let t = dryBulbC - (100 - rh) / 8
  for (let i = 0; i < 60; i++) {
    const f = saturatedEnthalpyKjPerKg(t, pressurePa) - target
    if (f > 0) high = t
    else low = t
    const slope = (saturatedEnthalpyKjPerKg(t + 1e-3, pressurePa) - target - f) / 1e-3
    let next = t - f / slope
    if (!(next > low && next < high)) next = (low + high) / 2
    if (Math.abs(next - t) < 1e-6 || high - low < 1e-6) return next
    t = next
  }
  return t
}

/** Enthalpy of saturated air at `tC`, kJ per kg dry air. */
export function saturatedEnthalpyKjPerKg(tC: number, pressurePa: number): number {
  return enthalpyKjPerKg(tC, humidityRatio(saturationPressurePa(tC), pressurePa))
}

/** Relative humidity, %, from dry bulb and dew point. */
export function relativeHumidityPct(dryBulbC: number, dewPointC: number): number {
  return (
    (100 * saturationPressurePa(Math.min(dewPointC, dryBulbC))) / saturationPressurePa(dryBulbC)
  )
}

/** Dew point, °C, of air with this vapour pressure (inverse of `saturationPressurePa`). */
export function dewPointFromVapourC(vapourPa: number): number {
  if (vapourPa <= 0) return -100
  // ln(p/611.21) = (18.678 − T/234.5)·T/(257.14 + T): a quadratic in T.
  const g = Math.log(vapourPa / 611.21)
  // T²/234.5 + (g − 18.678)·T + 257.14·g = 0, the root near the dew point.
  const b = g - 18.678
  const c = 257.14 * g
  const a = 1 / 234.5
  return (-b - Math.sqrt(b * b - 4 * a * c)) / (2 * a)
}

/** Humidity ratio of air at a dew point, kg/kg. */
export function humidityRatioAtDewPoint(dewPointC: number, pressurePa: number): number {
  return humidityRatio(saturationPressurePa(dewPointC), pressurePa)
}

/** Dew point, °C, of air with humidity ratio `ratio` at pressure `pressurePa`. */
export function dewPointFromRatioC(ratio: number, pressurePa: number): number {
  return dewPointFromVapourC((ratio * pressurePa) / (0.62198 + ratio))
}

/**
 * Humidity ratio after adiabatic (evaporative) cooling to `tC` along the line of constant wet
 * bulb `wetBulbC` (ASHRAE Fundamentals 2017 ch. 1 eq. 33, SI):
 * W = ((2501 − 2.326·T_wb)·W_s(T_wb) − 1.006·(T − T_wb)) / (2501 + 1.86·T − 4.186·T_wb).
 */
export function ratioOnWetBulbLine(tC: number, wetBulbC: number, pressurePa: number): number {
  const ws = humidityRatio(saturationPressurePa(wetBulbC), pressurePa)
  return (
    ((2501 - 2.326 * wetBulbC) * ws - 1.006 * (tC - wetBulbC)) /
    (2501 + 1.86 * tC - 4.186 * wetBulbC)
  )
}

/**
 * Temperature of saturated air with enthalpy `h` kJ/kg (inverse of the saturated enthalpy
 * `enthalpyKjPerKg(T, W_s(T))`): Newton steps inside a bisection bracket of −60…80 °C, to 1e-6 K
 * (typically 3–4 steps; the saturated enthalpy rises monotonically with T).
 */
export function saturatedTemperatureForEnthalpyC(h: number, pressurePa: number): number {
  let low = -60
  let high = 80
  // Start from the linear fit h ≈ 10 + 2.4·T near 0–30 °C.
  let t = Math.min(high, Math.max(low, (h - 10) / 2.4))
  for (let i = 0; i < 60; i++) {
    const f = saturatedEnthalpyKjPerKg(t, pressurePa) - h
    if (f > 0) high = t
    else low = t
    const slope = (saturatedEnthalpyKjPerKg(t + 1e-4, pressurePa) - h - f) / 1e-4
    let next = t - f / slope
    if (!(next > low && next < high)) next = (low + high) / 2
    if (Math.abs(next - t) < 1e-6 || high - low < 1e-6) return next
    t = next
  }
  return t
}
