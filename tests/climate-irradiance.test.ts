/**
 * Irradiance in the climate assets (docs/CLIMATE.md, "Irradiance"): the readers of the original
 * files, the solar geometry and syntheses of scripts/climate/irradiance.ts, and every asset's
 * GHI/DNI/DHI held to physical order and to published annual totals.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_SCENARIO,
  HOURS_PER_YEAR,
  MONTH_OF_HOUR,
  SITES,
  SITE_IDS,
  decodeClimate,
  simulate,
  type Climate,
  type ClimateIrradiance,
  type SiteId,
} from '../src/model'
import {
  SOLAR_CONSTANT_WM2,
  airMass,
  annualKwhPerM2,
  clearSkyBeamTransmittance,
  clearnessZenithFactor,
  erbsDiffuseFraction,
  irradianceFromProfiles,
  irradianceFromReference,
  monthlySums,
  splitGlobal,
  sunYear,
  type SunYear,
} from '../scripts/climate/irradiance'
import { distanceKm, fillGaps, parseEpw, parseTmy3 } from '../scripts/climate/weather-files'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const readJson = (...path: string[]): unknown =>
  JSON.parse(readFileSync(join(ROOT, ...path), 'utf8'))
const assets = new Map<string, Climate & ClimateIrradiance>()
/** Decoded once per file run: several tests read the same asset. */
function loadAsset(id: string): Climate & ClimateIrradiance {
  let c = assets.get(id)
  if (!c) {
    c = decodeClimate(readJson('assets', 'climate', `${id}.json`))
    assets.set(id, c)
  }
  return c
}

const ASSET_IDS = readdirSync(join(ROOT, 'assets', 'climate'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''))
  .sort()

/** Sites added for programmes (issue 12). */
const NEW_SITE_IDS: readonly SiteId[] = ['milam', 'saline', 'port-washington', 'london']

/**
 * Published long-term annual global horizontal irradiation, kWh/m² per year, and the tolerance
 * the typical year is held to. A typical year is one sample of the climate (±5 %) and the
 * published sources differ among themselves by about ±5 %, hence ±12 % for source years.
 * US: NREL NSRDB / US solar resource maps (daily means × 365); Europe: PVGIS-SARAH and the
 * Global Solar Atlas; Abu Dhabi: Global Solar Atlas (≈ 2,100–2,200); Singapore: Energy Market
 * Authority (≈ 1,580; the asset is scaled to it, see docs/CLIMATE.md); Luleå 850–950.
 */
const PUBLISHED_GHI: Readonly<Record<string, { kwh: number; tolerance: number }>> = {
  abilene: { kwh: 1950, tolerance: 0.12 },
  milam: { kwh: 1750, tolerance: 0.12 },
  'las-cruces': { kwh: 2200, tolerance: 0.12 },
  phoenix: { kwh: 2150, tolerance: 0.12 },
  memphis: { kwh: 1650, tolerance: 0.12 },
  ashburn: { kwh: 1500, tolerance: 0.12 },
  columbus: { kwh: 1420, tolerance: 0.12 },
  youngstown: { kwh: 1350, tolerance: 0.12 },
  saline: { kwh: 1380, tolerance: 0.12 },
  'port-washington': { kwh: 1390, tolerance: 0.12 },
  frankfurt: { kwh: 1100, tolerance: 0.12 },
  london: { kwh: 1050, tolerance: 0.12 },
  lulea: { kwh: 900, tolerance: 0.12 },
  singapore: { kwh: 1580, tolerance: 0.02 },
  'abu-dhabi': { kwh: 2150, tolerance: 0.12 },
  // Coastal northern Norway: about 650–750. The synthesis takes Luleå's (sunnier) sky, so it is
  // held only to "not below the coast, at most 35 % above it" (docs/CLIMATE.md says so).
  narvik: { kwh: 700, tolerance: 0.35 },
  tromso: { kwh: 700, tolerance: 0.35 },
  bodo: { kwh: 700, tolerance: 0.35 },
}

/** Sources whose irradiance runs up to half an hour early (measured; docs/CLIMATE.md). */
const TMYX_ERA5 = new Set(['ashburn', 'frankfurt', 'lulea', 'london'])

const SIN_MINUS_1_DEG = Math.sin(-Math.PI / 180)

const sunCache = new Map<Climate, { now: SunYear; earlier: SunYear; later: SunYear }>()
/** The site's sun, and the sun half an hour earlier and later (computed once per asset). */
function suns(c: Climate): { now: SunYear; earlier: SunYear; later: SunYear } {
  let s = sunCache.get(c)
  if (!s) {
    s = {
      now: sunYear(c.lat, c.lon, c.utcOffsetH),
      // A later UTC offset puts the sun's clock earlier: the sun of half an hour before.
      earlier: sunYear(c.lat, c.lon, c.utcOffsetH + 0.5),
      later: sunYear(c.lat, c.lon, c.utcOffsetH - 0.5),
    }
    sunCache.set(c, s)
  }
  return s
}

// Each test here stays under 1 s on an idle 2-core machine; the 10 s limit leaves room for load.
describe('weather file readers', { timeout: 10_000 }, () => {
  const rows = (fmt: (day: number, hour: number, i: number) => string, leap = false): string[] => {
    const out: string[] = []
    const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    let i = 0
    days.forEach((n, m) => {
      for (let d = 1; d <= n; d++) for (let h = 1; h <= 24; h++) out.push(fmt(m * 100 + d, h, i++))
    })
    return out
  }

  it('reads a TMY3 file by its column names, pressure in Pa', () => {
    const names =
      'Date (MM/DD/YYYY),Time (HH:MM),ETR (W/m^2),ETRN (W/m^2),GHI (W/m^2),GHI source,GHI uncert (%),DNI (W/m^2),DNI source,DNI uncert (%),DHI (W/m^2),DHI source,DHI uncert (%),Dry-bulb (C),Dew-point (C),RHum (%),Pressure (mbar),Wspd (m/s)'
    const lines = rows((_, h, i) => {
      const ghi = i === 10 ? -9900 : h * 10
      return `01/01/1990,${h}:00,0,0,${ghi},1,0,${h * 20},1,0,${h},1,0,${(i % 50) / 10},-1.5,80,1000,3.2`
    })
    const year = parseTmy3(
      [`722660,"ABILENE REGIONAL AP [UT]",TX,-6.0,32.470,-99.710,530`, names, ...lines].join('\n'),
    )
    expect(year.station).toMatchObject({
      wmo: '722660',
      utcOffsetH: -6,
      lat: 32.47,
      elevationM: 530,
    })
    expect(year.ghiWm2).toHaveLength(HOURS_PER_YEAR)
    expect(year.ghiWm2[2]).toBe(30)
    expect(year.dniWm2[2]).toBe(60)
    expect(year.dhiWm2[2]).toBe(3)
    expect(year.dryBulbC[7]).toBe(0.7)
    expect(year.pressurePa[0]).toBe(100000)
    expect(year.missing).toEqual({ ghiWm2: 1 })
    expect(Number.isNaN(year.ghiWm2[10])).toBe(true)
  })

  it('reads an EPW file by field position and drops a leap day', () => {
    const header = [
      'LOCATION,London.City.AP,ENG,GBR,SRC-TMYx,037683,51.50500,0.055,0.0,5.8',
      'DESIGN CONDITIONS,0',
      'TYPICAL/EXTREME PERIODS,0',
      'GROUND TEMPERATURES,0',
      'HOLIDAYS/DAYLIGHT SAVINGS,No,0,0,0',
      'COMMENTS 1,"NCEI ISD/ERA5 - Period of Record=2007-2021"',
      'COMMENTS 2,',
      'DATA PERIODS,1,1,Data,Sunday,1/ 1,12/31',
    ]
    const lines = rows((md, h, i) => {
      const month = Math.floor(md / 100) + 1
      const day = md % 100
      const f = new Array<string>(35).fill('0')
      f[0] = '2015'
      f[1] = String(month)
      f[2] = String(day)
      f[3] = String(h)
      f[6] = String(((i % 100) - 50) / 10)
      f[7] = '-2.0'
      f[8] = '80'
      f[9] = '101000'
      f[13] = String(h * 10)
      f[14] = month === 2 && day === 29 ? '9999' : String(h * 20)
      f[15] = String(h)
      f[21] = '4.5'
      return f.join(',')
    }, true)
    expect(lines).toHaveLength(8784)
    const year = parseEpw([...header, ...lines].join('\n'))
    expect(year.station).toMatchObject({ wmo: '037683', utcOffsetH: 0, lat: 51.505, lon: 0.055 })
    expect(year.station.comments).toEqual(['NCEI ISD/ERA5 - Period of Record=2007-2021', ''])
    expect(year.dryBulbC).toHaveLength(HOURS_PER_YEAR)
    // Feb 29 (and its missing DNI code) is gone; Mar 1 00:00–01:00 follows Feb 28.
    expect(year.missing).toEqual({})
    expect(year.dryBulbC[59 * 24]).toBe((((59 + 1) * 24) % 100) / 10 - 5)
    expect(year.ghiWm2[5]).toBe(60)
    expect(year.dniWm2[5]).toBe(120)
    expect(year.windMs[0]).toBe(4.5)
  })

  it('fills gaps linearly and measures great-circle distances', () => {
    const v = [1, NaN, NaN, 4, NaN]
    expect(fillGaps(v)).toBe(3)
    expect(v).toEqual([1, 2, 3, 4, 4])
    // Abilene Regional AP to Abilene city centre: 2.9 km in the source's own record.
    expect(distanceKm(32.45, -99.73, 32.47, -99.71)).toBeCloseTo(2.9, 1)
    // One degree of latitude is 111.2 km on the 6371 km sphere.
    expect(distanceKm(0, 0, 1, 0)).toBeCloseTo(111.19, 2)
  })
})

// Each test here stays under 1 s on an idle 2-core machine; the 10 s limit leaves room for load.
describe('solar geometry and irradiance models', { timeout: 10_000 }, () => {
  it('gives the daily extraterrestrial irradiation of the textbook at the equinox', () => {
    // Duffie & Beckman eq. 1.10.3 at φ = 0: H0 = (24/π)·Gsc·E0·cos δ (ω_s = 90°), Wh/m²/day.
    const sun = sunYear(0, 0, 0)
    const day = 79 // Mar 21
    let sum = 0
    for (let h = 0; h < 24; h++) sum += sun.horizontalWm2[day * 24 + h]!
    const e0 = 1 + 0.033 * Math.cos((2 * Math.PI * (day + 1)) / 365)
    const expected = (24 / Math.PI) * SOLAR_CONSTANT_WM2 * e0
    expect(Math.abs(sum / expected - 1)).toBeLessThan(0.01)
    // Local midnight is dark; the normal irradiance follows the Earth–Sun distance (±3.3 %).
    expect(sun.horizontalWm2[day * 24]).toBe(0)
    expect(Math.max(...sun.normalWm2) / Math.min(...sun.normalWm2)).toBeCloseTo(1.033 / 0.967, 3)
  })

  it('has polar night and midnight sun at Tromsø (69.65° N)', () => {
    const sun = sunYear(69.65, 18.96, 1)
    const dec21 = 354 * 24
    for (let h = 0; h < 24; h++) expect(sun.horizontalWm2[dec21 + h]).toBe(0)
    const jun21 = 171 * 24
    for (let h = 0; h < 24; h++) expect(sun.horizontalWm2[jun21 + h]!).toBeGreaterThan(0)
  })

  it('uses Erbs’s diffuse fraction, continuous at its breakpoints', () => {
    // Erbs, Klein & Duffie (1982): k_d(0.5) = 0.9511 − 0.1604·0.5 + 4.388·0.25 − 16.638·0.125 + 12.336·0.0625.
    expect(erbsDiffuseFraction(0.5)).toBeCloseTo(0.65915, 4)
    expect(erbsDiffuseFraction(0.1)).toBeCloseTo(0.991, 6)
    expect(erbsDiffuseFraction(0.9)).toBe(0.165)
    expect(Math.abs(erbsDiffuseFraction(0.2200001) - erbsDiffuseFraction(0.22))).toBeLessThan(0.01)
    expect(Math.abs(erbsDiffuseFraction(0.8000001) - erbsDiffuseFraction(0.8))).toBeLessThan(0.01)
  })

  it('bounds the beam by air mass (Kasten & Young, Meinel) and k′t’s zenith factor is 1 at AM 1', () => {
    expect(airMass(1)).toBeCloseTo(1, 3)
    expect(airMass(0.5)).toBeCloseTo(1.994, 2) // 60° zenith
    expect(airMass(0)).toBe(38)
    expect(clearnessZenithFactor(airMass(1))).toBeCloseTo(1, 2)
    expect(clearSkyBeamTransmittance(1)).toBeCloseTo(0.7, 6)
    expect(clearSkyBeamTransmittance(10)).toBeLessThan(0.2)
  })

  it('splits global into direct and diffuse that add back up hour by hour', () => {
    const sun = sunYear(40, -80, -5)
    const ghi = Array.from(
      { length: HOURS_PER_YEAR },
      (_, i) => sun.horizontalWm2[i]! * (0.2 + (0.6 * ((i * 7919) % 97)) / 97),
    )
    const { dniWm2, dhiWm2 } = splitGlobal(ghi, sun, new Array<number>(12).fill(1))
    let worst = 0
    let negative = 0
    for (let i = 0; i < HOURS_PER_YEAR; i++) {
      if (dniWm2[i]! < 0 || dhiWm2[i]! < 0) negative++
      worst = Math.max(worst, Math.abs(dniWm2[i]! * sun.cosZenith[i]! + dhiWm2[i]! - ghi[i]!))
    }
    expect(negative).toBe(0)
    expect(worst).toBeLessThan(1e-9)
  })

  it('gives back the reference’s irradiance under the reference’s own sun', () => {
    const lulea = loadAsset('lulea')
    const sun = sunYear(lulea.lat, lulea.lon, lulea.utcOffsetH)
    const ref = {
      ghiWm2: Array.from(lulea.ghiWm2),
      dniWm2: Array.from(lulea.dniWm2),
      dhiWm2: Array.from(lulea.dhiWm2),
    }
    const same = irradianceFromReference(ref, sun, sun)
    // Hours with the sun well up keep their clearness index (up to its 0.85 cap and rounding).
    let sumRef = 0
    let sumSame = 0
    for (let i = 0; i < HOURS_PER_YEAR; i++) {
      if (sun.horizontalWm2[i]! < 100) continue
      sumRef += ref.ghiWm2[i]!
      sumSame += same.ghiWm2[i]!
    }
    expect(Math.abs(sumSame / sumRef - 1)).toBeLessThan(0.02)
    // The monthly diffuse share is fitted to the reference's.
    const want = monthlySums(ref.dhiWm2).map((d, m) => d / monthlySums(ref.ghiWm2)[m]!)
    const got = monthlySums(same.dhiWm2).map((d, m) => d / monthlySums(same.ghiWm2)[m]!)
    for (let m = 0; m < 12; m++) expect(Math.abs(got[m]! - want[m]!)).toBeLessThan(0.02)
  })

  it('keeps each month’s total of average-hour profiles (Abu Dhabi, IWEC statistics)', () => {
    const src = readJson('data', 'climate-source', 'irradiance', 'abu-dhabi.json') as {
      diurnal: { ghiWm2: number[][]; dhiWm2: number[][] }
    }
    const phoenix = readJson('data', 'climate-source', 'irradiance', 'phoenix.json') as {
      ghiWm2: number[]
    }
    const sun = sunYear(24.45, 54.38, 4)
    const irr = irradianceFromProfiles(src.diurnal, phoenix.ghiWm2, sun)
    const got = monthlySums(irr.ghiWm2)
    const days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    for (let m = 0; m < 12; m++) {
      const want = days[m]! * src.diurnal.ghiWm2[m]!.reduce((a, b) => a + b, 0)
      expect(Math.abs(got[m]! / want - 1), `month ${m + 1}`).toBeLessThan(0.01)
    }
    // Day-to-day variation is there: daily totals in July are not all alike.
    const july = Array.from({ length: 31 }, (_, d) =>
      irr.ghiWm2.slice((181 + d) * 24, (182 + d) * 24).reduce((a, b) => a + b, 0),
    )
    expect(Math.max(...july) / Math.min(...july)).toBeGreaterThan(1.1)
  })
})

// Each test here stays under 1 s on an idle 2-core machine; the 10 s limit leaves room for load.
describe('irradiance of every asset', { timeout: 10_000 }, () => {
  it('has the three series and their method on every site', () => {
    expect(ASSET_IDS.sort()).toEqual([...SITE_IDS].sort())
    for (const id of ASSET_IDS) {
      const c = loadAsset(id)
      for (const k of ['ghiWm2', 'dniWm2', 'dhiWm2'] as const) {
        expect(c[k], `${id} ${k}`).toHaveLength(HOURS_PER_YEAR)
        expect(
          c[k].every((v) => v >= 0 && Number.isInteger(v)),
          `${id} ${k}`,
        ).toBe(true)
      }
      expect(c.irradianceQuality.length, id).toBeGreaterThan(0)
      expect(c.irradianceMethod.length, id).toBeGreaterThan(40)
    }
  })

  it.each(ASSET_IDS)('%s: dark at night by solar geometry', (id) => {
    const c = loadAsset(id)
    const { now } = suns(c)
    let nightEnergy = 0
    let nightMax = 0
    let total = 0
    for (let i = 0; i < HOURS_PER_YEAR; i++) {
      total += c.ghiWm2[i]!
      // The sun stays at least 1° below the horizon through the whole hour.
      if (now.maxSine[i]! < SIN_MINUS_1_DEG) {
        nightEnergy += c.ghiWm2[i]!
        nightMax = Math.max(nightMax, c.ghiWm2[i]!)
      }
    }
    if (TMYX_ERA5.has(id)) {
      // TMYx 2007–2021 / 2009–2023 runs up to half an hour early and carries twilight: at most
      // 35 W/m² in such an hour and 0.2 % of the year's energy (measured: ≤ 31 W/m², ≤ 0.14 %).
      expect(nightMax).toBeLessThanOrEqual(35)
      expect(nightEnergy / total).toBeLessThan(0.002)
    } else {
      expect(nightEnergy).toBe(0)
    }
  })

  it.each(ASSET_IDS)('%s: global ≤ 1.1 × extraterrestrial (±½ h of timing)', (id) => {
    const c = loadAsset(id)
    const { now, earlier, later } = suns(c)
    let over = 0
    let sunlit = 0
    let worst = 0
    for (let i = 0; i < HOURS_PER_YEAR; i++) {
      const top = Math.max(
        now.horizontalWm2[i]!,
        earlier.horizontalWm2[i]!,
        later.horizontalWm2[i]!,
      )
      if (top > 0) sunlit++
      const bound = 1.1 * top + 10
      if (c.ghiWm2[i]! > bound) over++
      worst = Math.max(worst, c.ghiWm2[i]! / bound)
    }
    // Four hours of Ashburn's year (cloud enhancement or data) exceed it, by under 30 %.
    expect(over / sunlit).toBeLessThanOrEqual(0.001)
    expect(worst).toBeLessThan(1.3)
  })

  it.each(ASSET_IDS)('%s: global ≈ direct·cos θz + diffuse within 2 % (sun > 6°)', (id) => {
    const c = loadAsset(id)
    const { now } = suns(c)
    let parts = 0
    let global = 0
    for (let i = 0; i < HOURS_PER_YEAR; i++) {
      if (now.cosZenith[i]! <= 0.1) continue
      parts += c.dniWm2[i]! * now.cosZenith[i]! + c.dhiWm2[i]!
      global += c.ghiWm2[i]!
    }
    expect(Math.abs(parts / global - 1)).toBeLessThan(0.02)
  })

  it.each(ASSET_IDS)('%s: annual global irradiation near the published value', (id) => {
    const published = PUBLISHED_GHI[id]
    expect(published, `${id} needs a published value`).toBeDefined()
    const kwh = annualKwhPerM2(Array.from(loadAsset(id).ghiWm2))
    expect(Math.abs(kwh / published!.kwh - 1)).toBeLessThanOrEqual(published!.tolerance)
  })

  it('copies a measured site’s source irradiance hour for hour', () => {
    for (const id of ['abilene', 'lulea', 'london']) {
      const src = readJson('data', 'climate-source', 'irradiance', `${id}.json`) as {
        ghiWm2: number[]
        dniWm2: number[]
      }
      const c = loadAsset(id)
      expect(Array.from(c.ghiWm2)).toEqual(src.ghiWm2)
      expect(Array.from(c.dniWm2)).toEqual(src.dniWm2)
      expect(c.irradianceQuality).toBe('source typical year')
    }
  })

  it('scales Singapore’s cloud-model irradiance to the published annual, all parts alike', () => {
    const src = readJson('data', 'climate-source', 'irradiance', 'singapore.json') as {
      ghiWm2: number[]
      dhiWm2: number[]
    }
    const c = loadAsset('singapore')
    const factor = 1580 / annualKwhPerM2(src.ghiWm2)
    expect(factor).toBeLessThan(0.75)
    const noon = 12 + 24 * 100
    expect(c.ghiWm2[noon]).toBe(Math.round(src.ghiWm2[noon]! * factor))
    expect(c.dhiWm2[noon]).toBe(Math.round(src.dhiWm2[noon]! * factor))
    expect(c.irradianceQuality).toBe('source typical year, scaled to the published annual')
  })

  it('gives northern Norway Luleå’s sky under its own sun: polar night, midnight sun', () => {
    const lulea = annualKwhPerM2(Array.from(loadAsset('lulea').ghiWm2))
    for (const id of ['narvik', 'tromso', 'bodo']) {
      const c = loadAsset(id)
      const kwh = annualKwhPerM2(Array.from(c.ghiWm2))
      // Same sky, lower sun: less than Luleå, by no more than 15 %.
      expect(kwh, id).toBeLessThan(lulea)
      expect(kwh, id).toBeGreaterThan(0.85 * lulea)
      expect(c.irradianceQuality).toBe("synthesised from a reference's clearness index")
    }
    const tromso = loadAsset('tromso')
    const dec21 = tromso.ghiWm2.slice(354 * 24, 355 * 24)
    expect(Math.max(...dec21)).toBe(0)
    // Jun 21: some light in every hour of the day over the month's clear and cloudy days.
    const june = Array.from({ length: 24 }, (_, h) => {
      let s = 0
      for (let d = 151; d < 181; d++) s += tromso.ghiWm2[d * 24 + h]!
      return s
    })
    expect(Math.min(...june)).toBeGreaterThan(0)
    expect(MONTH_OF_HOUR[171 * 24]).toBe(5)
  })
})

// Each test here stays under 1 s on an idle 2-core machine; the 10 s limit leaves room for load.
describe('sites added for programmes', { timeout: 10_000 }, () => {
  it.each(NEW_SITE_IDS)(
    '%s: decodes, names its station and distance, and runs a year without critical warnings',
    (id) => {
      const c = loadAsset(id)
      expect(c.id).toBe(id)
      expect(c.synthesised).toBe(false)
      expect(c.quality).toBe('measured typical year')
      expect(SITES[id].climateQuality).toBe('measured')
      const src = readJson('data', 'climate-source', `${id}.json`) as {
        station: { name: string; wmo: string }
        site: { lat: number; lon: number; distanceToStationKm: number }
        source: { url: string; license: string }
      }
      expect(src.station.wmo).toMatch(/^\d{6}$/)
      expect(src.site.distanceToStationKm).toBeLessThan(80)
      expect(src.site.lat).toBe(SITES[id].lat)
      expect(src.site.lon).toBe(SITES[id].lon)
      expect(src.source.url).toMatch(/^https:\/\/github\.com\/.+\/blob\/[0-9a-f]{40}\//)
      // A plausible campus: the default one with cooling towers. (With the default dry coolers
      // the default supply is short at the design hour at every hot site, Abilene included.)
      const { readouts } = simulate({ ...DEFAULT_SCENARIO, site: id, cooling: 'dlc-tower' }, c)
      expect(readouts.warnings.filter((w) => w.severity === 'critical')).toEqual([])
      expect(readouts.pueAnnual).toBeGreaterThan(1)
      expect(readouts.pueAnnual).toBeLessThan(1.3)
    },
  )

  it('keeps today’s site ids and appends the new ones', () => {
    expect(SITE_IDS.slice(0, 14)).toEqual([
      'narvik',
      'tromso',
      'bodo',
      'lulea',
      'abilene',
      'las-cruces',
      'phoenix',
      'memphis',
      'ashburn',
      'columbus',
      'youngstown',
      'frankfurt',
      'singapore',
      'abu-dhabi',
    ])
    expect(SITE_IDS.slice(14)).toEqual(NEW_SITE_IDS)
  })
})
