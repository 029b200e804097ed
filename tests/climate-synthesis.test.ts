import { readFileSync, readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { DEFAULT_ASSUMPTIONS, MONTH_OF_HOUR as MODEL_MONTH_OF_HOUR } from '../src/model'
import { windPowerFraction } from '../src/model/supply'
import type { DiurnalProfile, HourlyYear } from '../scripts/climate/synthesise'
import {
  HOURS_PER_YEAR,
  MONTH_OF_HOUR,
  MONTH_START_DAY,
  dailyAnomaly,
  deltaDecode,
  deltaEncode,
  exceededFraction,
  fitMonthlyExtremes,
  monthlyDailyExtremes,
  monthlyMeans,
  morphToMonthlyNormals,
  profileMonthlyMeans,
  recentreCapped,
  scaleAnomaly,
  standardPressurePa,
  synthesiseFromDiurnal,
  turbineCapacityFactor,
  turbinePowerFraction,
  wetBulbFromDewPoint,
  wetBulbFromRelHumidity,
  windFactorForCapacityFactor,
} from '../scripts/climate/synthesise'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')

/** Small deterministic generator (LCG) for synthetic reference years. */
function lcg(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

/** A synthetic sub-arctic hourly year: seasons, a day cycle, day-to-day weather and noise. */
function syntheticReference(): { dryBulbC: number[]; dewPointC: number[]; windMs: number[] } {
  const rand = lcg(42)
  const dryBulbC: number[] = []
  const dewPointC: number[] = []
  const windMs: number[] = []
  let weather = 0
  for (let d = 0; d < 365; d++) {
    weather = 0.7 * weather + 4 * (rand() - 0.5)
    const season = 3 - 13 * Math.cos((2 * Math.PI * (d - 15)) / 365)
    const amplitude = 2 + 3 * Math.sin((Math.PI * d) / 365)
    for (let h = 0; h < 24; h++) {
      const t = season + weather + amplitude * Math.sin((2 * Math.PI * (h - 9)) / 24)
      const x = Math.round((t + 0.6 * (rand() - 0.5)) * 10) / 10
      dryBulbC.push(x)
      dewPointC.push(Math.round((x - 1 - 4 * rand()) * 10) / 10)
      windMs.push(Math.round(8 * rand() * rand() * 10) / 10 + 1)
    }
  }
  return { dryBulbC, dewPointC, windMs }
}

/** Narvik's monthly mean daily max/min (climatestotravel.com, as in data/climate-source). */
const NARVIK = {
  meanMaxC: [-2.2, 1.1, 2.8, 6.1, 12.2, 15.0, 17.8, 17.8, 13.9, 7.2, 2.8, 2.2],
  meanMinC: [-6.1, -3.9, -2.8, 0.0, 3.9, 7.8, 11.1, 10.0, 7.2, 2.2, 0.0, -2.8],
}

function expectPhysicalOrder(year: HourlyYear): void {
  for (const k of ['dryBulbC', 'dewPointC', 'wetBulbC', 'windMs'] as const) {
    expect(year[k]).toHaveLength(HOURS_PER_YEAR)
  }
  let broken = 0
  for (let i = 0; i < HOURS_PER_YEAR; i++) {
    const db = year.dryBulbC[i]!
    const dp = year.dewPointC[i]!
    const wb = year.wetBulbC[i]!
    if (!(dp <= db && dp <= wb && wb <= db && year.windMs[i]! >= 0)) broken++
  }
  expect(broken).toBe(0)
}

function readJson(...path: string[]): unknown {
  return JSON.parse(readFileSync(join(ROOT, ...path), 'utf8'))
}

describe('calendar', () => {
  it('has 8760 hours in 12 months with no Feb 29', () => {
    expect(MONTH_START_DAY).toEqual([0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365])
    expect(MONTH_OF_HOUR).toHaveLength(8760)
    expect(MONTH_OF_HOUR[0]).toBe(0)
    expect(MONTH_OF_HOUR[59 * 24 - 1]).toBe(1)
    expect(MONTH_OF_HOUR[59 * 24]).toBe(2)
    expect(MONTH_OF_HOUR[8759]).toBe(11)
  })

  it('is the model’s calendar', () => {
    expect(MONTH_OF_HOUR).toBe(MODEL_MONTH_OF_HOUR)
  })
})

describe('wet-bulb solver (ASHRAE 2017 ch. 1, Hyland–Wexler)', () => {
  it('matches the hand reference values', () => {
    expect(Math.abs(wetBulbFromRelHumidity(20, 0.4, 101325) - 12.3)).toBeLessThanOrEqual(0.1)
    // Hand value 21.40; the thermodynamic wet bulb is 21.52 (PsychroLib agrees, below), so this
    // one is held to 0.15 K rather than 0.1 K.
    expect(Math.abs(wetBulbFromRelHumidity(35, 0.3, 101325) - 21.4)).toBeLessThanOrEqual(0.15)
  })

  it('agrees with PsychroLib 1.1.1 (GetTWetBulbFromRelHum, GetTWetBulbFromTDewPoint)', () => {
    expect(Math.abs(wetBulbFromRelHumidity(20, 0.4, 101325) - 12.35505)).toBeLessThan(0.005)
    expect(Math.abs(wetBulbFromRelHumidity(35, 0.3, 101325) - 21.52355)).toBeLessThan(0.005)
    expect(Math.abs(wetBulbFromDewPoint(30, 25, 100000) - 26.23993)).toBeLessThan(0.005)
  })

  it('lies between dew point and dry bulb, including below freezing', () => {
    for (const [db, dp] of [
      [40, 5],
      [25, 25],
      [0, -3],
      [-10, -12],
      [-25, -26],
    ] as const) {
      const wb = wetBulbFromDewPoint(db, dp, 100000)
      expect(wb).toBeGreaterThanOrEqual(dp - 1e-3)
      expect(wb).toBeLessThanOrEqual(db + 1e-3)
    }
    expect(wetBulbFromDewPoint(25, 25, 101325)).toBeCloseTo(25, 2)
  })

  it('gives the standard-atmosphere pressure', () => {
    expect(standardPressurePa(0)).toBeCloseTo(101325, 6)
    expect(Math.round(standardPressurePa(30))).toBe(100965)
  })
})

describe('morphing to monthly normals (Belcher et al. 2005)', () => {
  const reference = syntheticReference()
  const year = morphToMonthlyNormals(reference, NARVIK, 100965, 1.5)

  it('reproduces each month’s (max+min)/2 and mean daily range within 0.1 K', () => {
    const got = monthlyDailyExtremes(year.dryBulbC)
    for (let m = 0; m < 12; m++) {
      const tMax = NARVIK.meanMaxC[m]!
      const tMin = NARVIK.meanMinC[m]!
      const gMax = got.meanMaxC[m]!
      const gMin = got.meanMinC[m]!
      expect(Math.abs((gMax + gMin) / 2 - (tMax + tMin) / 2)).toBeLessThanOrEqual(0.1)
      expect(Math.abs(gMax - gMin - (tMax - tMin))).toBeLessThanOrEqual(0.1)
    }
  })

  it('keeps dew point ≤ wet bulb ≤ dry bulb in every hour and carries the depression', () => {
    expectPhysicalOrder(year)
    const i = 4000
    const depression = reference.dryBulbC[i]! - reference.dewPointC[i]!
    expect(year.dryBulbC[i]! - year.dewPointC[i]!).toBeCloseTo(depression, 5)
  })

  it('scales the wind by the factor', () => {
    expect(year.windMs[100]).toBeCloseTo(Math.round(reference.windMs[100]! * 15) / 10, 5)
  })
})

describe('wind calibration', () => {
  it('follows the model’s generic power curve', () => {
    expect(turbinePowerFraction(2.9)).toBe(0)
    expect(turbinePowerFraction(3)).toBe(0)
    expect(turbinePowerFraction(7.5)).toBeCloseTo((7.5 ** 3 - 27) / (1728 - 27), 12)
    expect(turbinePowerFraction(12)).toBe(1)
    expect(turbinePowerFraction(24.9)).toBe(1)
    // The model's boundary (src/model/supply.ts): at and beyond cut-out the turbine is stopped.
    expect(turbinePowerFraction(25)).toBe(0)
    expect(turbinePowerFraction(25)).toBe(windPowerFraction(25, DEFAULT_ASSUMPTIONS))
  })

  it('finds the factor that gives the target capacity factor', () => {
    const { windMs } = syntheticReference()
    const k = windFactorForCapacityFactor(windMs, 0.35)
    expect(turbineCapacityFactor(windMs, k)).toBeCloseTo(0.35, 4)
  })
})

describe('delta encoding', () => {
  it('round-trips 0.1-precision values exactly', () => {
    const rand = lcg(7)
    const values = Array.from(
      { length: HOURS_PER_YEAR },
      // + 0: no -0, which the decoder (rightly) never returns
      () => Math.round((rand() - 0.5) * 900) / 10 + 0,
    )
    values[3] = 0
    values[4] = -0.1
    values[5] = 0.1
    const stored = deltaEncode(values)
    expect(stored.every(Number.isInteger)).toBe(true)
    expect(deltaDecode(stored)).toEqual(values)
    expect(deltaEncode(deltaDecode(stored))).toEqual(stored)
  })

  it('stores the first value and then differences of tenths', () => {
    expect(deltaEncode([1.1, 0.6, 0.6, -2.2])).toEqual([11, -5, 0, -28])
    expect(deltaDecode([11, -5, 0, -28])).toEqual([1.1, 0.6, 0.6, -2.2])
    expect(Object.is(deltaEncode([-0.04])[0], 0)).toBe(true)
  })
})

describe('synthesis from average-day profiles (Abu Dhabi)', () => {
  interface DiurnalSourceFile {
    diurnal: { dryBulbC: DiurnalProfile; dewPointC: DiurnalProfile; windSpeedMs: DiurnalProfile }
    monthly: { absMaxC: number[]; absMinC: number[] }
  }
  interface HourlySourceFile {
    dryBulbC: number[]
    dewPointC: number[]
    windSpeedMs: number[]
  }
  const abuDhabi = readJson('data', 'climate-source', 'abu-dhabi.json') as DiurnalSourceFile
  const phoenix = readJson('data', 'climate-source', 'phoenix.json') as HourlySourceFile
  const profiles = {
    dryBulbC: abuDhabi.diurnal.dryBulbC,
    dewPointC: abuDhabi.diurnal.dewPointC,
    windMs: abuDhabi.diurnal.windSpeedMs,
  }
  const reference = {
    dryBulbC: phoenix.dryBulbC,
    dewPointC: phoenix.dewPointC,
    windMs: phoenix.windSpeedMs,
  }
  const year = synthesiseFromDiurnal(
    profiles,
    reference,
    { dryBulbWarm: 1.6, dryBulbCold: 0.8, dewPoint: 1, wind: 1 },
    101001,
  )

  it('reproduces each month’s mean of the average-day profile within 0.3 K', () => {
    const want = profileMonthlyMeans(profiles.dryBulbC)
    const got = monthlyMeans(year.dryBulbC)
    for (let m = 0; m < 12; m++) expect(Math.abs(got[m]! - want[m]!)).toBeLessThanOrEqual(0.3)
    const wantDp = profileMonthlyMeans(profiles.dewPointC)
    const gotDp = monthlyMeans(year.dewPointC)
    for (let m = 0; m < 12; m++) expect(Math.abs(gotDp[m]! - wantDp[m]!)).toBeLessThanOrEqual(0.3)
    const wantW = profileMonthlyMeans(profiles.windMs)
    const gotW = monthlyMeans(year.windMs)
    for (let m = 0; m < 12; m++) expect(Math.abs(gotW[m]! - wantW[m]!)).toBeLessThanOrEqual(0.3)
  })

  it('keeps dew point ≤ wet bulb ≤ dry bulb and wind ≥ 0 in every hour', () => {
    expectPhysicalOrder(year)
  })

  it('makes anomalies that average 0 over each month', () => {
    const a = dailyAnomaly(reference.dryBulbC)
    for (const m of monthlyMeans(a)) expect(Math.abs(m)).toBeLessThan(1e-9)
    for (const m of monthlyMeans(scaleAnomaly(a, 2, 0.5))) expect(Math.abs(m)).toBeLessThan(1e-9)
  })

  it('fits monthly warm/cold factors to the monthly extremes', () => {
    const a = dailyAnomaly(reference.dryBulbC)
    const shape = fitMonthlyExtremes(
      profiles.dryBulbC,
      a,
      abuDhabi.monthly.absMaxC,
      abuDhabi.monthly.absMinC,
      0,
      10,
    )
    const scaled = scaleAnomaly(a, shape.warm, shape.cold)
    const june = 5
    const hours = Array.from({ length: 30 * 24 }, (_, k) => MONTH_START_DAY[june]! * 24 + k)
    const values = hours.map((i) => profiles.dryBulbC[june]![i % 24]! + scaled[i]!)
    expect(Math.max(...values)).toBeCloseTo(abuDhabi.monthly.absMaxC[june]!, 1)
    expect(Math.min(...values)).toBeCloseTo(abuDhabi.monthly.absMinC[june]!, 1)
  })

  it('keeps capped monthly means with recentreCapped', () => {
    const values = Array.from({ length: HOURS_PER_YEAR }, (_, i) => (i % 24) - 5)
    const cap = Array.from({ length: HOURS_PER_YEAR }, () => 10)
    const out = recentreCapped(values, cap, new Array<number>(12).fill(8))
    expect(out.every((v) => v <= 10)).toBe(true)
    for (const m of monthlyMeans(out)) expect(m).toBeCloseTo(8, 6)
  })
})

describe('generated assets (assets/climate)', () => {
  const dir = join(ROOT, 'assets', 'climate')
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'))

  interface Asset {
    format: string
    id: string
    synthesised: boolean
    scale: number
    utcOffsetH: number
    pressurePa: number
    dryBulbC: number[]
    dewPointC: number[]
    wetBulbC: number[]
    windMs: number[]
  }

  const decode = (a: Asset): HourlyYear => ({
    dryBulbC: deltaDecode(a.dryBulbC, a.scale),
    dewPointC: deltaDecode(a.dewPointC, a.scale),
    wetBulbC: deltaDecode(a.wetBulbC, a.scale),
    windMs: deltaDecode(a.windMs, a.scale),
  })

  it('has one valid asset per source site', () => {
    const sources = readdirSync(join(ROOT, 'data', 'climate-source')).filter((f) =>
      f.endsWith('.json'),
    )
    expect(files.sort()).toEqual(sources.sort())
    for (const f of files) {
      const asset = readJson('assets', 'climate', f) as Asset
      expect(asset.format).toBe('campus-climate/1')
      expect(`${asset.id}.json`).toBe(f)
      expect(asset.synthesised).toBe(['abu-dhabi', 'narvik', 'tromso', 'bodo'].includes(asset.id))
      expect(Number.isFinite(asset.utcOffsetH) && asset.pressurePa > 80000).toBe(true)
      expectPhysicalOrder(decode(asset))
    }
  })

  it('copies measured sites hour for hour', () => {
    const asset = readJson('assets', 'climate', 'lulea.json') as Asset
    const src = readJson('data', 'climate-source', 'lulea.json') as {
      dryBulbC: number[]
      windSpeedMs: number[]
    }
    const year = decode(asset)
    expect(year.dryBulbC).toEqual(src.dryBulbC)
    expect(year.windMs).toEqual(src.windSpeedMs)
  })

  it('puts Abu Dhabi’s 0.4% dry and wet bulb near the ASHRAE design values', () => {
    const year = decode(readJson('assets', 'climate', 'abu-dhabi.json') as Asset)
    expect(Math.abs(exceededFraction(year.dryBulbC, 0.004) - 44.9)).toBeLessThanOrEqual(1.5)
    expect(Math.abs(exceededFraction(year.wetBulbC, 0.004) - 30.6)).toBeLessThanOrEqual(1.5)
  })
})
