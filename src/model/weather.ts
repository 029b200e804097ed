import type { Assumptions } from './constants'
import { HOURS_PER_YEAR, MONTH_OF_HOUR, shiftClimate, type Climate } from './climate'
import { INLAND_WATER_MIN_C, SITES } from './sites'
import { solarProfile, windProfile } from './supply'

/**
 * The site's year as the model uses it: the climate shifted by the offset, sea (or lake)
 * temperatures, district-heating demand, and wind and solar output per MW. Memoised on the
 * climate, the offset and the assumptions; wind and solar on the climate alone.
 */
export interface Weather {
  readonly climate: Climate
  readonly offsetC: number
  readonly dryBulbC: Float32Array
  readonly wetBulbC: Float32Array
  readonly dewPointC: Float32Array
  readonly seaC: Float32Array
  /**
   * District heating demand as a share of its peak, hour by hour: a hot-water base plus space
   * heating in proportion to the heating degree-hours below `heatingBaseC`, 1 at the year's
   * 0.4 % coldest hour (the ASHRAE 99.6 % heating design condition).
   */
  readonly heatDemand: Float64Array
  /** Lowest dry bulb of the shifted year, °C. */
  readonly minDryBulbC: number
  readonly windPerMw: Float64Array
  readonly solarPerMw: Float64Array
  /** Net wind capacity factor at this site (after calibration and losses). */
  readonly windCapacityFactor: number
  /** AC solar capacity factor at this site. */
  readonly solarCapacityFactor: number
}

interface Profiles {
  readonly a: Assumptions
  readonly windPerMw: Float64Array
  readonly solarPerMw: Float64Array
  readonly windCapacityFactor: number
  readonly solarCapacityFactor: number
}

/** Wind and solar output per MW depend on the site alone, not on the climate offset. */
const profileCache = new WeakMap<Climate, Profiles>()

function mean(values: Float64Array): number {
  let sum = 0
  for (let i = 0; i < values.length; i++) sum += values[i] ?? 0
  return sum / values.length
}

export function supplyProfiles(climate: Climate, a: Assumptions): Profiles {
  const cached = profileCache.get(climate)
  if (cached && cached.a === a) return cached
  const site = SITES[climate.id]
  const windPerMw = windProfile(climate, a, site.wind.capacityFactor)
  const solarPerMw = solarProfile(climate, site.lat, site.lon, site.irradianceShiftH, a)
  const profiles: Profiles = {
    a,
    windPerMw,
    solarPerMw,
    windCapacityFactor: mean(windPerMw),
    solarCapacityFactor: mean(solarPerMw),
  }
  profileCache.set(climate, profiles)
  return profiles
}

let lastWeather: Weather | null = null
let lastWeatherAssumptions: Assumptions | null = null

/**
 * Coldest hour of the year that 99.6 % of hours are warmer than, °C: the (k+1)-th smallest of
 * the year, k = ⌊0.004 × 8,759⌋ = 35, kept in a small sorted list (no sort of the year).
 */
function heatingDesignC(dryBulbC: Float32Array): number {
  const k = Math.floor(0.004 * (dryBulbC.length - 1))
  const coldest = new Float64Array(k + 1).fill(Infinity)
  for (let i = 0; i < dryBulbC.length; i++) {
    const t = dryBulbC[i] ?? 0
    if (t >= (coldest[k] ?? Infinity)) continue
    let j = k
    while (j > 0 && (coldest[j - 1] ?? Infinity) > t) {
      coldest[j] = coldest[j - 1] ?? Infinity
      j--
    }
    coldest[j] = t
  }
  return coldest[k] ?? 0
}

export function prepareWeather(climate: Climate, offsetC: number, a: Assumptions): Weather {
  if (
    lastWeather !== null &&
    lastWeather.climate === climate &&
    lastWeather.offsetC === offsetC &&
    lastWeatherAssumptions === a
  ) {
    return lastWeather
  }
  const site = SITES[climate.id]
  const { dryBulbC, wetBulbC, dewPointC } = shiftClimate(climate, offsetC)
  const monthlySea = new Float64Array(12)
  if (site.seaTempMonthlyC) {
    site.seaTempMonthlyC.forEach((t, m) => (monthlySea[m] = t + offsetC))
  } else {
    // Inland: a lake or river near the monthly mean air temperature, never below 4 °C.
    const sums = new Float64Array(12)
    const counts = new Float64Array(12)
    for (let i = 0; i < HOURS_PER_YEAR; i++) {
      const m = MONTH_OF_HOUR[i] ?? 0
      sums[m] = (sums[m] ?? 0) + (dryBulbC[i] ?? 0)
      counts[m] = (counts[m] ?? 0) + 1
    }
    for (let m = 0; m < 12; m++)
      monthlySea[m] = Math.max(INLAND_WATER_MIN_C, (sums[m] ?? 0) / (counts[m] || 1))
  }
  const seaC = new Float32Array(HOURS_PER_YEAR)
  let minDryBulbC = Infinity
  for (let i = 0; i < HOURS_PER_YEAR; i++) {
    seaC[i] = monthlySea[MONTH_OF_HOUR[i] ?? 0] ?? 0
    const t = dryBulbC[i] ?? 0
    if (t < minDryBulbC) minDryBulbC = t
  }
  // District heating: base + (1 − base) × degree-hours below the base temperature, scaled to
  // reach 1 at the heating design condition.
  const heatDemand = new Float64Array(HOURS_PER_YEAR)
  const designC = heatingDesignC(dryBulbC)
  const span = a.heatingBaseC - designC
  const base = a.heatingBaseLoadShare
  for (let i = 0; i < HOURS_PER_YEAR; i++) {
    const need = span > 0 ? (a.heatingBaseC - (dryBulbC[i] ?? 0)) / span : 0
    heatDemand[i] = base + (1 - base) * (need <= 0 ? 0 : need >= 1 ? 1 : need)
  }
  const profiles = supplyProfiles(climate, a)
  lastWeather = {
    climate,
    offsetC,
    dryBulbC,
    wetBulbC,
    dewPointC,
    seaC,
    heatDemand,
    minDryBulbC,
    windPerMw: profiles.windPerMw,
    solarPerMw: profiles.solarPerMw,
    windCapacityFactor: profiles.windCapacityFactor,
    solarCapacityFactor: profiles.solarCapacityFactor,
  }
  lastWeatherAssumptions = a
  return lastWeather
}
