/**
 * Builds the app's compact hourly climate assets, assets/climate/<id>.json, from the source
 * files copied into data/climate-source/ (see docs/CLIMATE.md for the format and methods).
 *
 *   npx tsx scripts/build-climate.ts      (npm run build:climate)
 *
 * Measured sites are copied hour for hour, with the irradiance extracted from the same original
 * files (data/climate-source/irradiance/, scripts/climate/extract-source.ts). Narvik, Tromsø
 * and Bodø are morphed from Luleå's measured year to their monthly normals, their irradiance
 * from Luleå's clearness index under their own sun; Abu Dhabi is synthesised from its
 * average-day profiles plus Phoenix's day-to-day anomalies, irradiance included. The script
 * prints each asset's size, annual irradiation and the synthesised sites' checks.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import type { Irradiance, IrradianceProfiles } from './climate/irradiance'
import {
  annualKwhPerM2,
  irradianceFromProfiles,
  irradianceFromReference,
  monthlySums,
  sunYear,
} from './climate/irradiance'
import type { DiurnalProfile, HourlyYear } from './climate/synthesise'
import {
  HOURS_PER_YEAR,
  MONTH_OF_HOUR,
  deltaDecode,
  dailyAnomaly,
  deltaEncode,
  exceededFraction,
  fitMonthlyExtremes,
  mean,
  monthlyDailyExtremes,
  morphToMonthlyNormals,
  profileMonthlyMeans,
  satPressureWaterPa,
  monthlyMeans,
  solveScale,
  standardPressurePa,
  synthesiseFromDiurnal,
  turbineCapacityFactor,
  windFactorForCapacityFactor,
} from './climate/synthesise'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const SOURCE_DIR = join(ROOT, 'data', 'climate-source')
const OUT_DIR = join(ROOT, 'assets', 'climate')

export const FORMAT = 'campus-climate/1'
const SCALE = 10
/** Irradiance is stored in whole W/m². */
const IRRADIANCE_SCALE = 1

// --- Choices documented in docs/CLIMATE.md --------------------------------------------------

/** Reference measured year for the monthly-only (northern Norway) sites. */
const MORPH_REFERENCE = 'lulea'
const MORPH_REFERENCE_LABEL = 'Luleå-Kallax airport'
/** Reference measured year (hot-dry) for the day-to-day anomalies of Abu Dhabi. */
const DIURNAL_REFERENCE = 'phoenix'
const DIURNAL_REFERENCE_LABEL = 'Phoenix Sky Harbor'
/** Target annual capacity factor of the generic turbine for the synthesised Norwegian wind. */
const TARGET_WIND_CAPACITY_FACTOR = 0.35
/** Elevations where the source has none: town centres near the coast, metres. */
const ELEVATION_ESTIMATE_M: Readonly<Record<string, number>> = { narvik: 30, tromso: 10, bodo: 10 }
/** Local standard time offsets, hours, for sources without a station offset. */
const UTC_OFFSET_BY_COUNTRY: Readonly<Record<string, number>> = {
  NO: 1,
  SE: 1,
  DE: 1,
  SG: 8,
  AE: 4,
}
/** Abu Dhabi: bounds of the monthly shape factors and of the global factors. */
const SHAPE_RANGE: readonly [number, number] = [0.25, 2.5]
const WARM_SCALE_RANGE: readonly [number, number] = [0.5, 2]
const DEW_POINT_SCALE_RANGE: readonly [number, number] = [0, 1.5]
/** Scale on Phoenix's relative day-to-day wind anomaly for Abu Dhabi. */
const ABU_DHABI_WIND_ANOMALY_SCALE = 1
/**
 * Published annual global horizontal irradiation, kWh/m², to which a source whose modelled
 * irradiance is far off is scaled (all three components by one factor). Singapore's TMYx
 * (cloud-cover model, 1995–2011 months) gives 2,264 kWh/m², 43% above the Energy Market
 * Authority's "about 1,580 kWh/m²/year" (EMA, Solar photovoltaic systems); ground and
 * satellite data agree on about 1,550–1,650.
 */
const PUBLISHED_ANNUAL_GHI_FOR_SCALING: Readonly<Record<string, { kwh: number; source: string }>> =
  {
    singapore: {
      kwh: 1580,
      source:
        'Energy Market Authority of Singapore, average annual solar irradiance ≈ 1,580 kWh/m²',
    },
  }

// --- Source files ----------------------------------------------------------------------------

interface SourceCommon {
  readonly id: string
  readonly name: string
  readonly country: string
  readonly type: 'hourly' | 'monthly+diurnal' | 'monthly'
  readonly lat: number
  readonly lon: number
  readonly elevation_m: number | null
  readonly site?: { readonly lat: number; readonly lon: number }
  readonly station?: { readonly tzOffsetH?: number }
  readonly source: { readonly url: string; readonly dataset: string; readonly license: string }
  readonly stats?: { readonly stationPressureMeanPa?: number }
}

interface HourlySource extends SourceCommon {
  readonly type: 'hourly'
  readonly dryBulbC: number[]
  readonly dewPointC: number[]
  readonly wetBulbC: number[]
  readonly windSpeedMs: number[]
}

interface DiurnalSource extends SourceCommon {
  readonly type: 'monthly+diurnal'
  readonly diurnal: {
    readonly dryBulbC: DiurnalProfile
    readonly dewPointC: DiurnalProfile
    readonly windSpeedMs: DiurnalProfile
  }
  readonly monthly: {
    readonly meanMaxC: number[]
    readonly meanMinC: number[]
    readonly absMaxC: number[]
    readonly absMinC: number[]
    readonly relHumidityPct: number[]
  }
  readonly stats: {
    readonly stationPressureMeanPa?: number
    readonly dryBulb0_4pctCoolingC: number
    readonly dryBulb99_6pctHeatingC: number
    readonly wetBulb0_4pctC: number
  }
}

interface MonthlySource extends SourceCommon {
  readonly type: 'monthly'
  readonly monthly: { readonly meanMaxC: number[]; readonly meanMinC: number[] }
}

type Source = HourlySource | DiurnalSource | MonthlySource

interface IrradianceSourceCommon {
  readonly id: string
  readonly source: { readonly url: string; readonly dataset: string; readonly license: string }
}

/** data/climate-source/irradiance/<id>.json of a measured site: the hours of its source. */
interface HourlyIrradianceSource extends IrradianceSourceCommon, Irradiance {
  readonly type: 'hourly-irradiance'
}

/** data/climate-source/irradiance/abu-dhabi.json: the IWEC statistics' average-hour profiles. */
interface DiurnalIrradianceSource extends IrradianceSourceCommon {
  readonly type: 'monthly+diurnal-irradiance'
  readonly diurnal: IrradianceProfiles & { readonly dniWm2: DiurnalProfile }
}

type IrradianceSource = HourlyIrradianceSource | DiurnalIrradianceSource

function readIrradianceSources(): Map<string, IrradianceSource> {
  const dir = join(SOURCE_DIR, 'irradiance')
  const sources = new Map<string, IrradianceSource>()
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith('.json')) continue
    const src = JSON.parse(readFileSync(join(dir, file), 'utf8')) as IrradianceSource
    if (`${src.id}.json` !== file)
      throw new Error(`irradiance/${file}: id ${src.id} does not match`)
    if (src.type === 'hourly-irradiance') {
      for (const key of ['ghiWm2', 'dniWm2', 'dhiWm2'] as const) {
        if (src[key].length !== HOURS_PER_YEAR) {
          throw new Error(`irradiance/${file}: ${key} is not 8760 h`)
        }
      }
    }
    sources.set(src.id, src)
  }
  return sources
}

function hourlyIrradiance(sources: Map<string, IrradianceSource>, id: string): Irradiance {
  const src = sources.get(id)
  if (src?.type !== 'hourly-irradiance') throw new Error(`${id}: no hourly irradiance source`)
  return src
}

function readSources(): Map<string, Source> {
  const sources = new Map<string, Source>()
  for (const file of readdirSync(SOURCE_DIR).sort()) {
    if (!file.endsWith('.json')) continue
    const src = JSON.parse(readFileSync(join(SOURCE_DIR, file), 'utf8')) as Source
    if (`${src.id}.json` !== file) throw new Error(`${file}: id ${src.id} does not match`)
    if (src.type === 'hourly') {
      for (const key of ['dryBulbC', 'dewPointC', 'wetBulbC', 'windSpeedMs'] as const) {
        if (src[key].length !== HOURS_PER_YEAR) throw new Error(`${file}: ${key} is not 8760 h`)
      }
    }
    sources.set(src.id, src)
  }
  return sources
}

function hourlySource(sources: Map<string, Source>, id: string): HourlySource {
  const src = sources.get(id)
  if (src?.type !== 'hourly') throw new Error(`reference ${id} must be an hourly source`)
  return src
}

// --- Asset -------------------------------------------------------------------------------------

type Quality =
  | 'measured typical year'
  | 'synthesised from monthly normals'
  | 'synthesised from monthly statistics and average-day profiles'

interface AssetHeader {
  readonly format: string
  readonly id: string
  readonly name: string
  readonly country: string
  readonly lat: number
  readonly lon: number
  readonly elevationM: number
  readonly pressurePa: number
  readonly utcOffsetH: number
  readonly synthesised: boolean
  readonly quality: Quality
  readonly method: string
  readonly source: string
  readonly sourceUrl: string
  readonly license: string
  readonly scale: number
  readonly irradianceScale: number
  readonly irradianceQuality: IrradianceQuality
  readonly irradianceMethod: string
  readonly irradianceSource: string
}

type IrradianceQuality =
  | 'source typical year'
  | 'source typical year, scaled to the published annual'
  | "synthesised from a reference's clearness index"
  | 'synthesised from average-hour profiles'

function elevationOf(src: Source): number {
  if (src.elevation_m !== null) return src.elevation_m
  const estimate = ELEVATION_ESTIMATE_M[src.id]
  if (estimate === undefined) throw new Error(`${src.id}: no elevation and no estimate`)
  return estimate
}

function pressureOf(src: Source): number {
  return Math.round(src.stats?.stationPressureMeanPa ?? standardPressurePa(elevationOf(src)))
}

function utcOffsetOf(src: Source): number {
  const offset = src.station?.tzOffsetH ?? UTC_OFFSET_BY_COUNTRY[src.country]
  if (offset === undefined) throw new Error(`${src.id}: no UTC offset`)
  return offset
}

function header(
  src: Source,
  fields: Pick<
    AssetHeader,
    | 'synthesised'
    | 'quality'
    | 'method'
    | 'source'
    | 'license'
    | 'irradianceQuality'
    | 'irradianceMethod'
    | 'irradianceSource'
  >,
): AssetHeader {
  return {
    format: FORMAT,
    id: src.id,
    name: src.name,
    country: src.country,
    lat: src.site?.lat ?? src.lat,
    lon: src.site?.lon ?? src.lon,
    elevationM: elevationOf(src),
    pressurePa: pressureOf(src),
    utcOffsetH: utcOffsetOf(src),
    synthesised: fields.synthesised,
    quality: fields.quality,
    method: fields.method,
    source: fields.source,
    sourceUrl: src.source.url,
    license: fields.license,
    scale: SCALE,
    irradianceScale: IRRADIANCE_SCALE,
    irradianceQuality: fields.irradianceQuality,
    irradianceMethod: fields.irradianceMethod,
    irradianceSource: fields.irradianceSource,
  }
}

function siteSun(head: AssetHeader): ReturnType<typeof sunYear> {
  return sunYear(head.lat, head.lon, head.utcOffsetH)
}

/** JSON with the header fields one per line and each hourly array on one line. */
function serialise(head: AssetHeader, year: HourlyYear, irradiance: Irradiance): string {
  const lines = Object.entries(head).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`)
  const arrays: [string, number[]][] = [
    ['dryBulbC', year.dryBulbC],
    ['dewPointC', year.dewPointC],
    ['wetBulbC', year.wetBulbC],
    ['windMs', year.windMs],
  ]
  for (const [k, values] of arrays) {
    const stored = deltaEncode(values, SCALE)
    const back = deltaDecode(stored, SCALE)
    if (back.some((v, i) => Math.abs(v - values[i]!) > 1e-9)) {
      throw new Error(`${head.id}: ${k} is not at 0.1 precision`)
    }
    lines.push(`  ${JSON.stringify(k)}: [${stored.join(',')}]`)
  }
  for (const k of ['ghiWm2', 'dniWm2', 'dhiWm2'] as const) {
    const values = irradiance[k]
    if (values.some((v) => !Number.isInteger(v) || v < 0)) {
      throw new Error(`${head.id}: ${k} must be whole W/m² ≥ 0`)
    }
    lines.push(`  ${JSON.stringify(k)}: [${deltaEncode(values, IRRADIANCE_SCALE).join(',')}]`)
  }
  return `{\n${lines.join(',\n')}\n}\n`
}

/** Irradiance checks printed by the build (the tests hold them to tolerances). */
function irradianceReport(head: AssetHeader, irr: Irradiance): string {
  const sun = siteSun(head)
  let night = 0
  let closureNum = 0
  let closureDen = 0
  for (let i = 0; i < HOURS_PER_YEAR; i++) {
    const g = irr.ghiWm2[i]!
    // "Night": the sun stays more than 1° below the horizon for the whole hour.
    if (sun.maxSine[i]! < Math.sin(-Math.PI / 180)) night += g
    if (sun.cosZenith[i]! > 0.1) {
      closureNum += irr.dniWm2[i]! * sun.cosZenith[i]! + irr.dhiWm2[i]!
      closureDen += g
    }
  }
  const ghi = annualKwhPerM2(irr.ghiWm2)
  return (
    `GHI ${ghi.toFixed(0)}, DNI ${annualKwhPerM2(irr.dniWm2).toFixed(0)}, ` +
    `DHI ${annualKwhPerM2(irr.dhiWm2).toFixed(0)} kWh/m²; night share ${((100 * night) / 1000 / ghi).toFixed(2)}%; ` +
    `(DNI·cos θz + DHI)/GHI ${(closureNum / closureDen).toFixed(3)}`
  )
}

function checkYear(id: string, year: HourlyYear): void {
  for (const [k, values] of Object.entries(year) as [string, number[]][]) {
    if (values.length !== HOURS_PER_YEAR) throw new Error(`${id}: ${k} is not 8760 h`)
    if (!values.every(Number.isFinite)) throw new Error(`${id}: ${k} has non-finite values`)
  }
  for (let i = 0; i < HOURS_PER_YEAR; i++) {
    const db = year.dryBulbC[i]!
    const dp = year.dewPointC[i]!
    const wb = year.wetBulbC[i]!
    if (dp > db || wb > db || wb < dp) throw new Error(`${id}: psychrometric order broken at ${i}`)
    if (year.windMs[i]! < 0) throw new Error(`${id}: negative wind at ${i}`)
  }
}

// --- Per-type builders -----------------------------------------------------------------------

const f1 = (x: number): string => (Math.round(x * 10) / 10 + 0).toFixed(1)
const f2 = (x: number): string => (Math.round(x * 100) / 100 + 0).toFixed(2)

function buildMeasured(
  src: HourlySource,
  irradianceSources: Map<string, IrradianceSource>,
): { head: AssetHeader; year: HourlyYear; irradiance: Irradiance; report: string[] } {
  const year: HourlyYear = {
    dryBulbC: src.dryBulbC,
    dewPointC: src.dewPointC,
    wetBulbC: src.wetBulbC,
    windMs: src.windSpeedMs,
  }
  const measured = hourlyIrradiance(irradianceSources, src.id)
  const published = PUBLISHED_ANNUAL_GHI_FOR_SCALING[src.id]
  const factor = published === undefined ? 1 : published.kwh / annualKwhPerM2(measured.ghiWm2)
  const scaled = (xs: readonly number[]): number[] => xs.map((x) => Math.round(x * factor) + 0)
  const irradiance: Irradiance =
    factor === 1
      ? measured
      : {
          ghiWm2: scaled(measured.ghiWm2),
          dniWm2: scaled(measured.dniWm2),
          dhiWm2: scaled(measured.dhiWm2),
        }
  const sourceIrradiance =
    'Global horizontal, direct normal and diffuse horizontal irradiance of the same file and hours'
  const head = header(src, {
    synthesised: false,
    quality: 'measured typical year',
    method:
      'Measured typical meteorological year, copied hour for hour (0.1 precision); wet bulb as ' +
      'computed in the source from hourly dry bulb, dew point and station pressure.',
    source: src.source.dataset,
    license: src.source.license,
    irradianceQuality:
      factor === 1 ? 'source typical year' : 'source typical year, scaled to the published annual',
    irradianceMethod:
      factor === 1
        ? `${sourceIrradiance}, copied hour for hour (whole W/m², mean over the hour).`
        : `${sourceIrradiance}, each × ${f2(factor)} so the year's global horizontal is ` +
          `${published!.kwh} kWh/m² (${published!.source}); the source's cloud-cover model gives ` +
          `${annualKwhPerM2(measured.ghiWm2).toFixed(0)} kWh/m².`,
    irradianceSource: src.source.dataset,
  })
  const report =
    factor === 1
      ? []
      : [
          `irradiance × ${f2(factor)}: source GHI ${annualKwhPerM2(measured.ghiWm2).toFixed(0)} kWh/m²`,
        ]
  return { head, year, irradiance, report }
}

function buildMorphed(
  src: MonthlySource,
  ref: HourlySource,
  refIrradiance: Irradiance,
): { head: AssetHeader; year: HourlyYear; irradiance: Irradiance; report: string[] } {
  const pressurePa = pressureOf(src)
  const windFactor = windFactorForCapacityFactor(ref.windSpeedMs, TARGET_WIND_CAPACITY_FACTOR)
  const year = morphToMonthlyNormals(
    { dryBulbC: ref.dryBulbC, dewPointC: ref.dewPointC, windMs: ref.windSpeedMs },
    src.monthly,
    pressurePa,
    windFactor,
  )
  const got = monthlyDailyExtremes(year.dryBulbC)
  let worstMean = 0
  let worstRange = 0
  const rows: string[] = []
  for (let m = 0; m < 12; m++) {
    const tMax = src.monthly.meanMaxC[m]!
    const tMin = src.monthly.meanMinC[m]!
    const gMax = got.meanMaxC[m]!
    const gMin = got.meanMinC[m]!
    worstMean = Math.max(worstMean, Math.abs((gMax + gMin) / 2 - (tMax + tMin) / 2))
    worstRange = Math.max(worstRange, Math.abs(gMax - gMin - (tMax - tMin)))
    rows.push(`${m + 1}: ${f1(gMin)}..${f1(gMax)} (target ${f1(tMin)}..${f1(tMax)})`)
  }
  const cf = turbineCapacityFactor(year.windMs)
  const report = [
    `monthly mean daily min..max ${rows.join(', ')}`,
    `worst monthly (max+min)/2 error ${f2(worstMean)} K, worst mean daily range error ${f2(worstRange)} K`,
    `wind factor ${windFactor.toFixed(3)} × ${ref.id} → mean 10 m wind ${f1(mean(year.windMs))} m/s, ` +
      `turbine capacity factor ${f2(cf)}`,
    `annual mean ${f1(mean(year.dryBulbC))} °C, 0.4% dry bulb ${f1(exceededFraction(year.dryBulbC, 0.004))} °C, ` +
      `0.4% wet bulb ${f1(exceededFraction(year.wetBulbC, 0.004))} °C, min ${f1(Math.min(...year.dryBulbC))} °C, ` +
      `max ${f1(Math.max(...year.dryBulbC))} °C`,
  ]
  const head = header(src, {
    synthesised: true,
    quality: 'synthesised from monthly normals',
    method:
      `Morphed (Belcher, Hacker & Powell 2005, shift-and-stretch) from the measured hourly year of ` +
      `${MORPH_REFERENCE_LABEL} (TMYx 2009–2023) to this site's monthly mean daily max/min; ` +
      `dew point keeps the reference's hourly dew-point depression, wet bulb is recomputed (ASHRAE 2017, Hyland–Wexler) at the ` +
      `site's pressure, and wind is the reference's × ${windFactor.toFixed(3)} so that a generic ` +
      `turbine (the model's power curve, 100 m hub) has a capacity factor of ${TARGET_WIND_CAPACITY_FACTOR}.`,
    source: `${src.source.dataset}; hourly pattern from ${ref.source.dataset}`,
    license: `${src.source.license} Hourly pattern: ${ref.source.license}`,
    irradianceQuality: "synthesised from a reference's clearness index",
    irradianceMethod:
      `Each hour's clearness index (global horizontal / extraterrestrial horizontal) of ` +
      `${MORPH_REFERENCE_LABEL}'s measured year (the day's index where the sun is low), capped ` +
      `at 0.85, times this site's extraterrestrial horizontal irradiance: Luleå's sky under ` +
      `this site's sun (polar night and midnight sun included). Direct and diffuse split by ` +
      `Erbs et al. (1982), scaled per month to Luleå's diffuse share. Luleå is sunnier than ` +
      `the Norwegian coast, so this likely overstates the irradiation.`,
    irradianceSource: `${ref.source.dataset} (irradiance), solar geometry of this site`,
  })
  const refHead = { lat: ref.site?.lat ?? ref.lat, lon: ref.site?.lon ?? ref.lon }
  const irradiance = irradianceFromReference(
    refIrradiance,
    sunYear(refHead.lat, refHead.lon, utcOffsetOf(ref)),
    siteSun(head),
  )
  report.push(
    `irradiance from ${ref.id}'s clearness index: GHI ${annualKwhPerM2(irradiance.ghiWm2).toFixed(0)} kWh/m² ` +
      `(${ref.id} ${annualKwhPerM2(refIrradiance.ghiWm2).toFixed(0)}); dark hours (no GHI) ` +
      `${irradiance.ghiWm2.filter((g) => g === 0).length}`,
  )
  return { head, year, irradiance, report }
}

function buildDiurnal(
  src: DiurnalSource,
  ref: HourlySource,
  irradianceProfiles: DiurnalIrradianceSource,
  refIrradiance: Irradiance,
): { head: AssetHeader; year: HourlyYear; irradiance: Irradiance; report: string[] } {
  const pressurePa = pressureOf(src)
  const profiles = {
    dryBulbC: src.diurnal.dryBulbC,
    dewPointC: src.diurnal.dewPointC,
    windMs: src.diurnal.windSpeedMs,
  }
  const reference = { dryBulbC: ref.dryBulbC, dewPointC: ref.dewPointC, windMs: ref.windSpeedMs }
  const wind = ABU_DHABI_WIND_ANOMALY_SCALE
  const targetDb = src.stats.dryBulb0_4pctCoolingC
  const targetCold = src.stats.dryBulb99_6pctHeatingC
  const targetWb = src.stats.wetBulb0_4pctC
  // Month shapes: warm and cold factors that put each month's hottest and coldest hours on
  // the source's monthly absolute max and min (within SHAPE_RANGE: one typical year's extremes
  // are noisy). Then one factor on all warm parts, fitted to the ASHRAE 0.4% (cooling) dry bulb.
  // The dew point does not move the dry bulb, so its factor (to the 0.4% wet bulb) comes last.
  const shape = fitMonthlyExtremes(
    src.diurnal.dryBulbC,
    dailyAnomaly(ref.dryBulbC),
    src.monthly.absMaxC,
    src.monthly.absMinC,
    ...SHAPE_RANGE,
  )
  const synth = (warm: number, dp: number): HourlyYear =>
    synthesiseFromDiurnal(
      profiles,
      reference,
      { dryBulbWarm: shape.warm.map((w) => w * warm), dryBulbCold: shape.cold, dewPoint: dp, wind },
      pressurePa,
    )
  const warm = solveScale(
    (s) => exceededFraction(synth(s, 0).dryBulbC, 0.004),
    targetDb,
    ...WARM_SCALE_RANGE,
  )
  const dewPoint = solveScale(
    (s) => exceededFraction(synth(warm, s).wetBulbC, 0.004),
    targetWb,
    ...DEW_POINT_SCALE_RANGE,
  )
  const year = synth(warm, dewPoint)
  const db04 = exceededFraction(year.dryBulbC, 0.004)
  const db996 = exceededFraction(year.dryBulbC, 0.996)
  const wb04 = exceededFraction(year.wetBulbC, 0.004)
  const worstVsProfile = (values: number[], profile: DiurnalProfile): number => {
    const want = profileMonthlyMeans(profile)
    return Math.max(...monthlyMeans(values).map((g, m) => Math.abs(g - want[m]!)))
  }
  const absMax: number[] = []
  const absMin: number[] = []
  for (let m = 0; m < 12; m++) {
    const month = year.dryBulbC.filter((_, i) => MONTH_OF_HOUR[i] === m)
    absMax.push(Math.max(...month))
    absMin.push(Math.min(...month))
  }
  const worstAbsMax = Math.max(...absMax.map((x, m) => Math.abs(x - src.monthly.absMaxC[m]!)))
  const worstAbsMin = Math.max(...absMin.map((x, m) => Math.abs(x - src.monthly.absMinC[m]!)))
  const saturated = year.dewPointC.filter((dp, i) => dp >= year.dryBulbC[i]!).length
  const rh = monthlyMeans(
    year.dryBulbC.map(
      (t, i) => (100 * satPressureWaterPa(year.dewPointC[i]!)) / satPressureWaterPa(t),
    ),
  )
  const dbOk = Math.abs(db04 - targetDb) <= 1.5 ? 'ok' : 'OUT OF ±1.5 K'
  const report = [
    `monthly shape factors on ${ref.id}'s dry-bulb anomaly: warm ${shape.warm.map(f2).join(' ')}; ` +
      `cold ${shape.cold.map(f2).join(' ')}`,
    `global factors: dry bulb warm ${f2(warm)}, ` + `dew point ${f2(dewPoint)}, wind ${f2(wind)}`,
    `99.6% dry bulb ${f1(db996)} °C (ASHRAE ${f1(targetCold)} °C); ` +
      `0.4% dry bulb ${f1(db04)} °C (ASHRAE ${f1(targetDb)} °C, ${dbOk}); ` +
      `0.4% wet bulb ${f1(wb04)} °C (ASHRAE ${f1(targetWb)} °C)`,
    `worst monthly mean vs average-day profile: dry bulb ${f2(worstVsProfile(year.dryBulbC, src.diurnal.dryBulbC))} K, ` +
      `dew point ${f2(worstVsProfile(year.dewPointC, src.diurnal.dewPointC))} K, ` +
      `wind ${f2(worstVsProfile(year.windMs, src.diurnal.windSpeedMs))} m/s`,
    `monthly mean RH ${rh.map((x) => x.toFixed(0)).join(' ')} % ` +
      `(source ${src.monthly.relHumidityPct.join(' ')})`,
    `monthly max ${absMax.map(f1).join(' ')} (source ${src.monthly.absMaxC.map(f1).join(' ')}), worst ${f1(worstAbsMax)} K`,
    `monthly min ${absMin.map(f1).join(' ')} (source ${src.monthly.absMinC.map(f1).join(' ')}), worst ${f1(worstAbsMin)} K`,
    `annual mean ${f1(mean(year.dryBulbC))} °C, max ${f1(Math.max(...year.dryBulbC))} °C, ` +
      `min ${f1(Math.min(...year.dryBulbC))} °C, max wet bulb ${f1(Math.max(...year.wetBulbC))} °C, ` +
      `saturated hours ${saturated}, mean wind ${f1(mean(year.windMs))} m/s`,
  ]
  const head = header(src, {
    synthesised: true,
    quality: 'synthesised from monthly statistics and average-day profiles',
    method:
      `Each hour is the month's average-day profile value plus ${DIURNAL_REFERENCE_LABEL}'s ` +
      `day-to-day anomaly on the same day of year (daily mean minus monthly mean), its warm and ` +
      `cold parts scaled per month to the source's monthly extremes and the warm parts ` +
      `×${f2(warm)} so the 0.4% dry bulb is ${f1(db04)} °C (ASHRAE ${f1(targetDb)} °C). Dew ` +
      `point likewise (×${f2(dewPoint)}: 0.4% wet bulb ${f1(wb04)} °C vs ${f1(targetWb)} °C), ` +
      `capped at the dry bulb with monthly means kept; wind is the profile × the reference's ` +
      `relative daily anomaly; wet bulb recomputed (ASHRAE 2017, Hyland–Wexler).`,
    source: `${src.source.dataset}; day-to-day variation from ${ref.source.dataset}`,
    license: `${src.source.license} Day-to-day variation: ${ref.source.license}`,
    irradianceQuality: 'synthesised from average-hour profiles',
    irradianceMethod:
      `Global horizontal = the month's average-hour profile (IWEC statistics) × (1 + ` +
      `${DIURNAL_REFERENCE_LABEL}'s relative day-to-day anomaly of daily global irradiation), ` +
      `capped at 0.85 × extraterrestrial and rescaled so every month's total is the ` +
      `profile's; direct and diffuse split by Erbs et al. (1982), scaled per month to the ` +
      `profiles' diffuse share. IWEC irradiance is modelled from cloud observations.`,
    irradianceSource: irradianceProfiles.source.dataset,
  })
  const irradiance = irradianceFromProfiles(
    irradianceProfiles.diurnal,
    refIrradiance.ghiWm2,
    siteSun(head),
  )
  const dniWant = monthlySums(
    Array.from(
      { length: HOURS_PER_YEAR },
      (_, i) => irradianceProfiles.diurnal.dniWm2[MONTH_OF_HOUR[i]!]![i % 24]!,
    ),
  )
  const dniGot = monthlySums(irradiance.dniWm2)
  report.push(
    `irradiance: GHI ${annualKwhPerM2(irradiance.ghiWm2).toFixed(0)} kWh/m²; monthly DNI vs IWEC ` +
      dniGot.map((g, m) => `${((100 * g) / dniWant[m]! - 100).toFixed(0)}%`).join(' '),
  )
  return { head, year, irradiance, report }
}

// --- Main ------------------------------------------------------------------------------------

function diurnalProfiles(
  sources: Map<string, IrradianceSource>,
  id: string,
): DiurnalIrradianceSource {
  const src = sources.get(id)
  if (src?.type !== 'monthly+diurnal-irradiance') throw new Error(`${id}: no irradiance profiles`)
  return src
}

function main(): void {
  const sources = readSources()
  const irradianceSources = readIrradianceSources()
  mkdirSync(OUT_DIR, { recursive: true })
  const morphRef = hourlySource(sources, MORPH_REFERENCE)
  const diurnalRef = hourlySource(sources, DIURNAL_REFERENCE)
  const morphRefIrradiance = hourlyIrradiance(irradianceSources, MORPH_REFERENCE)
  const diurnalRefIrradiance = hourlyIrradiance(irradianceSources, DIURNAL_REFERENCE)
  const reports: string[] = []
  const sizes: string[] = []
  const irradiance: string[] = []
  for (const src of sources.values()) {
    const built =
      src.type === 'hourly'
        ? buildMeasured(src, irradianceSources)
        : src.type === 'monthly'
          ? buildMorphed(src, morphRef, morphRefIrradiance)
          : buildDiurnal(
              src,
              diurnalRef,
              diurnalProfiles(irradianceSources, src.id),
              diurnalRefIrradiance,
            )
    checkYear(src.id, built.year)
    const text = serialise(built.head, built.year, built.irradiance)
    writeFileSync(join(OUT_DIR, `${src.id}.json`), text)
    const raw = Buffer.byteLength(text)
    const gz = gzipSync(text, { level: 9 }).length
    if (gz > 100 * 1024) throw new Error(`${src.id}: ${gz} bytes gzipped is over 100 KB`)
    sizes.push(
      `${src.id.padEnd(16)} ${built.head.quality.padEnd(62)} ${(raw / 1024).toFixed(1).padStart(6)} KB raw ` +
        `${(gz / 1024).toFixed(1).padStart(5)} KB gzip`,
    )
    irradiance.push(`${src.id.padEnd(16)} ${irradianceReport(built.head, built.irradiance)}`)
    if (built.report.length > 0) reports.push(`${src.id}:`, ...built.report.map((r) => `  ${r}`))
  }
  console.log(`wrote ${sizes.length} assets to assets/climate/`)
  for (const line of sizes) console.log(`  ${line}`)
  console.log('irradiance (annual, kWh/m²)')
  for (const line of irradiance) console.log(`  ${line}`)
  console.log('synthesis checks')
  for (const line of reports) console.log(`  ${line}`)
}

main()
