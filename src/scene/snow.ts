import { useMemo } from 'react'
import { monthlyMeansC, snowTemperatureC } from '../layout'
import type { Climate } from '../model'
import { useCampus } from '../state'

const means = new WeakMap<Climate, number[]>()

function monthlyOf(climate: Climate): number[] {
  let m = means.get(climate)
  if (!m) {
    m = monthlyMeansC(climate.dryBulbC)
    means.set(climate, m)
  }
  return m
}

/**
 * The temperature that decides snow at sea level on the chosen date (`snowTemperatureC` from
 * the site's typical year, shifted by the scenario's climate offset), °C; null until the
 * site's climate has loaded.
 */
export function useSnowTemperatureC(): number | null {
  const climate = useCampus((s) => s.climates[s.scenario.site] ?? null)
  const offsetC = useCampus((s) => s.scenario.climateOffsetC)
  const dayOfYear = useCampus((s) => s.dayOfYear)
  return useMemo(
    () => (climate ? snowTemperatureC(monthlyOf(climate), dayOfYear) + offsetC : null),
    [climate, offsetC, dayOfYear],
  )
}
