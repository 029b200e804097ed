import { describe, expect, it } from 'vitest'
import { snowCover, snowTemperatureC, temperatureOnDayC } from '../src/layout'
import { shIrradiance, skyHarmonics, skyRadiance, skyState, type Rgb } from '../src/scene/sky'
import { SYNODIC_MONTH_D, moonPosition, sunPosition } from '../src/scene/sun'

/**
 * The look's pure models: the sky's light (src/scene/sky.ts), the moon (sun.ts) and snow
 * (src/layout/terrain.ts).
 */

function skyFor(latDeg: number, day: number, hour: number, haze = 0.3) {
  const sun = sunPosition(latDeg, day, hour)
  const moon = moonPosition(latDeg, day, hour)
  const elevationDeg = (sun.elevationRad * 180) / Math.PI
  const daylight = Math.min(1, Math.max(0, (elevationDeg + 6) / 26))
  return skyState({
    sun: sun.direction,
    daylight,
    moon: moon.direction,
    moonIllumination: moon.illumination,
    haze,
    groundAlbedo: [0.2, 0.2, 0.2],
  })
}

/** Irradiance on a surface facing `n`, by direct numerical integration of the sky's radiance. */
function integratedIrradiance(sky: ReturnType<typeof skyState>, n: Rgb, N = 120): number {
  const c: Rgb = [0, 0, 0]
  let e = 0
  for (let i = 0; i < N; i++)
    for (let j = 0; j < 2 * N; j++) {
      const th = ((i + 0.5) / N) * Math.PI
      const ph = ((j + 0.5) / (2 * N)) * 2 * Math.PI
      const d: Rgb = [Math.sin(th) * Math.cos(ph), Math.cos(th), Math.sin(th) * Math.sin(ph)]
      const cos = d[0] * n[0] + d[1] * n[1] + d[2] * n[2]
      if (cos <= 0) continue
      skyRadiance(sky, d, c, true)
      e += c[1] * cos * Math.sin(th) * (Math.PI / N) * (Math.PI / N)
    }
  return e
}

describe('the sky', () => {
  it('is bright and blue by day, dark at night, and shows night brighter than it is', () => {
    const noon = skyFor(33.4, 172, 12)
    const night = skyFor(33.4, 172, 0)
    expect(noon.light.intensity).toBeGreaterThan(1)
    expect(night.light.intensity).toBeLessThan(0.4)
    expect(noon.zenith[2]).toBeGreaterThan(noon.zenith[0])
    const lum = (c: Rgb) => 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]
    expect(lum(noon.zenith)).toBeGreaterThan(20 * lum(night.zenith))
    expect(night.exposure).toBeGreaterThan(noon.exposure)
    expect(night.stars).toBeGreaterThan(0.9)
    expect(noon.stars).toBe(0)
  })

  it('brightens as the sun climbs through the morning', () => {
    let last = -Infinity
    for (let hour = 4; hour <= 12; hour += 1) {
      const sky = skyFor(52, 172, hour)
      const up =
        integratedIrradiance(sky, [0, 1, 0], 40) + sky.light.intensity * sky.light.direction[1]
      expect(up).toBeGreaterThanOrEqual(last)
      last = up
    }
  })

  // Order-2 spherical harmonics give the irradiance of any lighting to within about 9 % at
  // worst, 1–3 % on average, measured against the lighting's whole irradiance (Ramamoorthi &
  // Hanrahan 2001, "An efficient representation for irradiance environment maps"). Here: each
  // direction's error over the largest irradiance of the six, at most 5 %.
  it(
    'gives the ambient light probe the irradiance of the sky it was projected from',
    {
      timeout: 10_000,
    },
    () => {
      for (const [lat, day, hour] of [
        [33.4, 172, 12],
        [68.4, 60, 11],
        [1.3, 80, 17.5],
      ] as const) {
        const sky = skyFor(lat, day, hour)
        const sh = skyHarmonics(sky)
        const normals: Rgb[] = [
          [0, 1, 0],
          [0, -1, 0],
          [1, 0, 0],
          [-1, 0, 0],
          [0, 0, 1],
          [0, 0, -1],
        ]
        const exact = normals.map((n) => integratedIrradiance(sky, n, 60))
        const largest = Math.max(...exact)
        normals.forEach((n, i) => {
          const error = Math.abs(shIrradiance(sh, n)[1] - (exact[i] ?? 0)) / largest
          expect(error).toBeLessThan(0.05)
        })
      }
    },
  )
})

describe('the moon', () => {
  it('is new at day 0 and full half a synodic month later', () => {
    expect(moonPosition(50, 0, 0).illumination).toBeCloseTo(0, 6)
    const full = moonPosition(50, SYNODIC_MONTH_D / 2, 0)
    expect(full.illumination).toBeCloseTo(1, 6)
  })

  it('stands high at midnight when full, in winter at a northern site', () => {
    // Age 14.765 d at solar midnight (day 14.265 + 12 h … the age counts the hour too).
    const day = SYNODIC_MONTH_D / 2 - 0.5
    const moon = moonPosition(60, day + 340 - (340 % SYNODIC_MONTH_D), 0)
    expect(moon.illumination).toBeGreaterThan(0.95)
    expect(moon.elevationRad).toBeGreaterThan((20 * Math.PI) / 180)
  })
})

describe('snow', () => {
  it('covers the ground at −1.5 °C and below, none at +1.5 °C and above, less as it warms', () => {
    expect(snowCover(-1.5)).toBe(1)
    expect(snowCover(-10)).toBe(1)
    expect(snowCover(1.5)).toBe(0)
    let last = 1
    for (let t = -1.5; t <= 1.5; t += 0.25) {
      const c = snowCover(t)
      expect(c).toBeLessThanOrEqual(last)
      last = c
    }
  })

  it('lies higher up first: 6.5 °C colder per km', () => {
    expect(snowCover(3, 0)).toBe(0)
    expect(snowCover(3, 1000)).toBe(1)
    expect(snowCover(0.5, 400)).toBeGreaterThan(snowCover(0.5, 0))
  })

  it('follows the months, lingering after the thaw', () => {
    // A year from −8 °C in January to +14 °C in July (Narvik-like monthly means).
    const monthly = [-4, -4, -2, 2, 7, 11, 14, 13, 9, 4, 0, -3]
    expect(temperatureOnDayC(monthly, 16)).toBeCloseTo(-4, 6)
    expect(temperatureOnDayC(monthly, 197)).toBeCloseTo(14, 6)
    // The year wraps: 1 January lies between mid-December and mid-January.
    const jan1 = temperatureOnDayC(monthly, 1)
    expect(jan1).toBeGreaterThan(-4)
    expect(jan1).toBeLessThan(-3)
    // Mid-April is above freezing, but the snow temperature still remembers March.
    expect(temperatureOnDayC(monthly, 105)).toBeCloseTo(2, 6)
    expect(snowTemperatureC(monthly, 105)).toBeCloseTo(-2, 6)
    expect(snowCover(snowTemperatureC(monthly, 105))).toBeGreaterThan(0.5)
    expect(snowCover(snowTemperatureC(monthly, 197))).toBe(0)
  })
})
