/**
 * Extracts a site's hourly source data from an original typical-year file (NREL TMY3 or EPW)
 * into data/climate-source/ (docs/CLIMATE.md, "Sources"):
 *
 *   npx tsx scripts/climate/extract-source.ts <site id> <original .tmy3 or .epw file>
 *
 * - For a site that already has data/climate-source/<id>.json, it writes only
 *   data/climate-source/irradiance/<id>.json (global horizontal, direct normal and diffuse
 *   horizontal irradiance), after checking that the file's dry bulb, dew point and wind equal
 *   the existing source hour for hour: the irradiance belongs to exactly those hours.
 * - For a new site of `NEW_SITES`, it also writes data/climate-source/<id>.json in the same
 *   layout as the existing ones (wet bulb solved from hourly dry bulb, dew point and station
 *   pressure, as theirs).
 *
 * The original file is obtained from the repository and commit named in the source's
 * `source` block (for a new site: `NEW_SITES`); it is read, not copied.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { HOURS_PER_YEAR } from '../../src/model/climate'
import { exceededFraction, mean, monthlyMeans, round1, wetBulbFromDewPoint } from './synthesise'
import { annualKwhPerM2 } from './irradiance'
import { distanceKm, parseEpw, parseTmy3, type WeatherFileYear } from './weather-files'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const SOURCE_DIR = join(ROOT, 'data', 'climate-source')

const TMY3_LICENSE =
  'NREL TMY3 (NSRDB 1991–2005 update) data are US-Government produced and freely redistributable; ' +
  'the archive repo is BSD-3-Clause (GridLAB-D weather archive, renamed copies of NREL alltmy3a.zip).'
const GRIDLABD = {
  repo: 'arras-energy/gridlabd-weather',
  commit: 'd054ba5a4c9341a68e625a48626e967072d70181',
}

interface NewSite {
  readonly name: string
  readonly country: string
  readonly repo: string
  readonly commit: string
  readonly path: string
  readonly dataset: string
  readonly license: string
  readonly site: { readonly lat: number; readonly lon: number; readonly note: string }
  readonly why: string
}

/** Sites added from a public hourly typical year: the nearest good station to the campus. */
export const NEW_SITES: Readonly<Record<string, NewSite>> = {
  london: {
    name: 'London Docklands, England (southern England)',
    country: 'GB',
    repo: 'dtcc-platform/dtcc-solar',
    commit: '5e361808d3b6dee87d73b9ba220333266e47aedd',
    path: 'data/weather/GBR_ENG_London.City.AP.037683_TMYx.2007-2021.epw',
    dataset:
      'climate.onebuilding.org TMYx 2007-2021 (NCEI ISD, ERA5), station 037683 London City AP',
    license:
      'dtcc-solar is MIT-licensed; the file is an unmodified climate.onebuilding.org TMYx ' +
      '(derived from public-domain NOAA ISD and Copernicus ERA5) - cite climate.onebuilding.org.',
    site: { lat: 51.51, lon: -0.005, note: 'approximate: London Docklands data-centre cluster' },
    why:
      'The only southern-England hourly typical year found in a fetchable public repository; ' +
      'London City airport sits beside the Docklands data-centre cluster.',
  },
  milam: {
    name: 'Milam County (Rockdale), Texas (Stargate)',
    country: 'US',
    ...GRIDLABD,
    path: 'US/TX-College_Station_Easterwood_Fl.tmy3',
    dataset:
      'NREL TMY3 (NSRDB; months drawn from 1976-2005), station 722445 College Station Easterwood Field',
    license: TMY3_LICENSE,
    site: { lat: 30.65, lon: -97.0, note: 'approximate: Rockdale, Milam County' },
    why:
      'Nearest TMY3 station to Rockdale (Georgetown AWOS 65 km, Killeen 81 km, Austin Mueller 85 km, ' +
      'Waco 113 km are farther); same Post Oak Savannah side of the Balcones escarpment.',
  },
  saline: {
    name: 'Saline Township (Ann Arbor), Michigan (Stargate)',
    country: 'US',
    ...GRIDLABD,
    path: 'US/MI-Ann_Arbor_Municipal.tmy3',
    dataset: 'NREL TMY3 (NSRDB; months drawn from 1976-2005), station 725374 Ann Arbor Municipal',
    license: TMY3_LICENSE,
    site: { lat: 42.15, lon: -83.8, note: 'approximate: Saline Township, Washtenaw County' },
    why: 'Nearest TMY3 station (Detroit Willow Run 22 km and Detroit Metropolitan 38 km are farther).',
  },
  'port-washington': {
    name: 'Port Washington, Wisconsin (Stargate)',
    country: 'US',
    ...GRIDLABD,
    path: 'US/WI-Milwaukee_Mitchell_Intl_Ap.tmy3',
    dataset:
      'NREL TMY3 (NSRDB; months drawn from 1976-2005), station 726400 Milwaukee Mitchell Intl AP',
    license: TMY3_LICENSE,
    site: { lat: 43.39, lon: -87.88, note: 'approximate: Port Washington, Ozaukee County' },
    why:
      'Nearest TMY3 station on the same Lake Michigan shore (Manitowoc 84 km, Oshkosh 85 km are ' +
      'farther and Oshkosh is inland).',
  },
}

const round = (x: number, digits: number): number => {
  const f = 10 ** digits
  return Math.round(x * f) / f + 0
}

function readOriginal(file: string): WeatherFileYear {
  const text = readFileSync(file, 'utf8')
  const year = file.toLowerCase().endsWith('.epw') ? parseEpw(text) : parseTmy3(text)
  if (Object.keys(year.missing).length > 0) {
    throw new Error(`${file}: missing values ${JSON.stringify(year.missing)}; fill them first`)
  }
  return year
}

function sameHours(a: readonly number[], b: readonly number[]): number {
  let diff = 0
  for (let i = 0; i < HOURS_PER_YEAR; i++) if (a[i] !== b[i]) diff++
  return diff
}

interface SourceBlock {
  readonly repo: string
  readonly commit: string
  readonly path: string
  readonly url: string
  readonly dataset: string
  readonly license: string
}

function irradianceFile(id: string, year: WeatherFileYear, source: SourceBlock): object {
  return {
    id,
    type: 'hourly-irradiance',
    source,
    station: {
      name: year.station.name,
      wmo: year.station.wmo,
      lat: year.station.lat,
      lon: year.station.lon,
    },
    timeBasis:
      "8760 hourly values on the same hours as this site's climate source: index 0 = Jan 1 " +
      '00:00-01:00 local standard time, hour-ending, no Feb 29; each value is the mean ' +
      'irradiance over the hour (Wh/m² per hour = W/m²), as in the original file.',
    units: {
      ghiWm2: 'global horizontal irradiance, W/m², integer (TMY3 GHI / EPW field 14)',
      dniWm2: 'direct normal irradiance, W/m², integer (TMY3 DNI / EPW field 15)',
      dhiWm2: 'diffuse horizontal irradiance, W/m², integer (TMY3 DHI / EPW field 16)',
    },
    checks: {
      hours: HOURS_PER_YEAR,
      dryBulbEqualsSourceHours: HOURS_PER_YEAR,
      annualGhiKwhPerM2: round(annualKwhPerM2(year.ghiWm2), 0),
      annualDniKwhPerM2: round(annualKwhPerM2(year.dniWm2), 0),
      annualDhiKwhPerM2: round(annualKwhPerM2(year.dhiWm2), 0),
    },
    ghiWm2: year.ghiWm2,
    dniWm2: year.dniWm2,
    dhiWm2: year.dhiWm2,
  }
}

function climateSourceFile(id: string, spec: NewSite, year: WeatherFileYear): object {
  const st = year.station
  const pressureMean = mean(year.pressurePa)
  const dryBulbC = year.dryBulbC.map(round1)
  const dewPointC = year.dewPointC.map((d, i) => Math.min(round1(d), dryBulbC[i]!))
  const wetBulbC = dryBulbC.map((t, i) => {
    const wb = round1(wetBulbFromDewPoint(t, dewPointC[i]!, year.pressurePa[i]!))
    return Math.min(Math.max(wb, dewPointC[i]!), t)
  })
  const url = `https://github.com/${spec.repo}/blob/${spec.commit}/${spec.path}`
  const hoursAbove = (xs: readonly number[], t: number): number => xs.filter((x) => x > t).length
  return {
    id,
    name: spec.name,
    country: spec.country,
    type: 'hourly',
    lat: st.lat,
    lon: st.lon,
    elevation_m: st.elevationM,
    latLonRefersTo: "weather station (see 'site' for the approximate target location)",
    station: {
      name: st.name,
      wmo: st.wmo,
      region: st.region,
      tzOffsetH: st.utcOffsetH,
      dataSourceField: year.format === 'tmy3' ? 'NREL TMY3' : 'EPW',
      fileComments: st.comments,
    },
    site: {
      lat: spec.site.lat,
      lon: spec.site.lon,
      note: spec.site.note,
      distanceToStationKm: round(distanceKm(spec.site.lat, spec.site.lon, st.lat, st.lon), 1),
    },
    why: spec.why,
    source: {
      repo: spec.repo,
      commit: spec.commit,
      path: spec.path,
      zipMember: null,
      url,
      dataset: spec.dataset,
      license: spec.license,
    },
    timeBasis:
      `8760 hourly values, local standard time (UTC${st.utcOffsetH >= 0 ? '+' : ''}${st.utcOffsetH} h, no DST), ` +
      'hour-ending: index 0 = Jan 1 00:00-01:00, index 8759 = Dec 31 23:00-24:00; no Feb 29. ' +
      'Typical year: each month is taken from a different calendar year.',
    units: {
      dryBulbC: 'degC, 0.1',
      dewPointC: 'degC, 0.1',
      relHumidityPct: '%, integer (w.r.t. water, as in file)',
      windSpeedMs: 'm/s at station anemometer height (nominally 10 m), 0.1',
      wetBulbC: 'degC, 0.1 (computed)',
    },
    wetBulbMethod:
      'Thermodynamic wet bulb solved by bisection from hourly dry bulb, dew point and hourly ' +
      'station pressure, ASHRAE Handbook-Fundamentals 2017 ch. 1 eqs. 20, 33 and 35 with ' +
      'Hyland-Wexler saturation pressure (scripts/climate/synthesise.ts wetBulbFromDewPoint).',
    stats: {
      annualMeanDryBulbC: round(mean(dryBulbC), 1),
      minDryBulbC: Math.min(...dryBulbC),
      maxDryBulbC: Math.max(...dryBulbC),
      hoursDryBulbAbove25C: hoursAbove(dryBulbC, 25),
      hoursWetBulbAbove20C: hoursAbove(wetBulbC, 20),
      dryBulb99_6pctHeatingC: round(exceededFraction(dryBulbC, 0.996), 1),
      dryBulb0_4pctCoolingC: round(exceededFraction(dryBulbC, 0.004), 1),
      wetBulb0_4pctC: round(exceededFraction(wetBulbC, 0.004), 1),
      maxWetBulbC: Math.max(...wetBulbC),
      annualMeanWindMs: round(mean(year.windMs), 1),
      stationPressureMeanPa: Math.round(pressureMean),
      monthly: { meanC: monthlyMeans(dryBulbC).map((x) => round(x, 1)) },
    },
    dryBulbC,
    dewPointC,
    relHumidityPct: year.relHumidityPct,
    windSpeedMs: year.windMs,
    wetBulbC,
  }
}

/** JSON with header fields indented and each hourly array on one line. */
function stringify(value: object): string {
  const lines = Object.entries(value).map(([k, v]) => {
    const text =
      Array.isArray(v) && v.length === HOURS_PER_YEAR
        ? `[${v.join(',')}]`
        : JSON.stringify(v, null, 2).replace(/\n/g, '\n  ')
    return `  ${JSON.stringify(k)}: ${text}`
  })
  return `{\n${lines.join(',\n')}\n}\n`
}

function main(): void {
  const [id, file] = process.argv.slice(2)
  if (id === undefined || file === undefined) {
    throw new Error('usage: extract-source.ts <site id> <original .tmy3 or .epw file>')
  }
  const year = readOriginal(file)
  const sourcePath = join(SOURCE_DIR, `${id}.json`)
  const spec = NEW_SITES[id]
  let source: SourceBlock
  if (spec !== undefined) {
    const written = climateSourceFile(id, spec, year)
    writeFileSync(sourcePath, stringify(written))
    source = (written as { source: SourceBlock }).source
    console.log(`wrote data/climate-source/${id}.json`)
  } else {
    if (!existsSync(sourcePath)) throw new Error(`${id}: no source file and not a new site`)
    const existing = JSON.parse(readFileSync(sourcePath, 'utf8')) as {
      dryBulbC: number[]
      dewPointC: number[]
      windSpeedMs: number[]
      source: SourceBlock
    }
    source = existing.source
  }
  const existing = JSON.parse(readFileSync(sourcePath, 'utf8')) as {
    dryBulbC: number[]
    dewPointC: number[]
    windSpeedMs: number[]
  }
  const diffs = {
    dryBulb: sameHours(year.dryBulbC, existing.dryBulbC),
    // A new site's dew point is capped at its dry bulb when written; compare the others'.
    dewPoint: spec === undefined ? sameHours(year.dewPointC, existing.dewPointC) : 0,
    wind: sameHours(year.windMs, existing.windSpeedMs),
  }
  if (diffs.dryBulb + diffs.dewPoint + diffs.wind > 0) {
    throw new Error(
      `${id}: ${file} is not the source's year (hours differing: ${JSON.stringify(diffs)})`,
    )
  }
  const { repo, commit, path, url, dataset, license } = source
  mkdirSync(join(SOURCE_DIR, 'irradiance'), { recursive: true })
  const out = irradianceFile(id, year, { repo, commit, path, url, dataset, license })
  writeFileSync(join(SOURCE_DIR, 'irradiance', `${id}.json`), stringify(out))
  console.log(
    `wrote data/climate-source/irradiance/${id}.json: dry bulb, dew point and wind equal the source ` +
      `in all ${HOURS_PER_YEAR} hours; annual GHI ${annualKwhPerM2(year.ghiWm2).toFixed(0)} kWh/m²`,
  )
}

main()
