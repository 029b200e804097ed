/**
 * Readers for the two hourly typical-year formats the climate sources come from:
 *
 * - NREL TMY3 (`.tmy3`/`.csv`): line 1 station (WMO, name, state, UTC offset, lat, lon,
 *   elevation), line 2 column names, then 8760 rows, hour-ending local standard time
 *   (NREL/TP-581-43156, "Users Manual for TMY3 Data Sets", 2008, table 1-1 and 1-2).
 * - EnergyPlus weather (`.epw`, climate.onebuilding.org TMYx, ASHRAE IWEC…): 8 header lines
 *   (LOCATION: city, state, country, source, WMO, lat, lon, UTC offset, elevation), then one
 *   row per hour, hour 1 = 00:00–01:00 (EnergyPlus Auxiliary Programs, "Weather Converter
 *   Program", EPW data dictionary: fields 7 dry bulb … 16 diffuse horizontal, 22 wind speed).
 *
 * Both give, per hour: dry bulb, dew point (°C), relative humidity (%), station pressure (Pa),
 * wind speed (m/s) and global horizontal, direct normal and diffuse horizontal irradiance
 * (W/m², energy over the hour ending at the time stamp). Pure functions on the file's text.
 */
import { HOURS_PER_YEAR } from '../../src/model/climate'

export interface WeatherFileStation {
  readonly name: string
  readonly region: string
  readonly country: string
  readonly wmo: string
  readonly lat: number
  readonly lon: number
  readonly utcOffsetH: number
  readonly elevationM: number
  /** Free-text lines of the file's header that say where the data come from. */
  readonly comments: readonly string[]
}

export interface WeatherFileYear {
  readonly format: 'tmy3' | 'epw'
  readonly station: WeatherFileStation
  readonly dryBulbC: number[]
  readonly dewPointC: number[]
  readonly relHumidityPct: number[]
  readonly pressurePa: number[]
  readonly windMs: number[]
  readonly ghiWm2: number[]
  readonly dniWm2: number[]
  readonly dhiWm2: number[]
  /** Hours of each field that held the format's "missing" code, before any filling. */
  readonly missing: Readonly<Record<string, number>>
}

type Field =
  | 'dryBulbC'
  | 'dewPointC'
  | 'relHumidityPct'
  | 'pressurePa'
  | 'windMs'
  | 'ghiWm2'
  | 'dniWm2'
  | 'dhiWm2'

const FIELDS: readonly Field[] = [
  'dryBulbC',
  'dewPointC',
  'relHumidityPct',
  'pressurePa',
  'windMs',
  'ghiWm2',
  'dniWm2',
  'dhiWm2',
]

function num(text: string | undefined, what: string): number {
  const v = Number(text)
  if (text === undefined || text.trim() === '' || !Number.isFinite(v)) {
    throw new Error(`${what}: not a number (${String(text)})`)
  }
  return v
}

function emptyColumns(): Record<Field, number[]> {
  return Object.fromEntries(FIELDS.map((f) => [f, [] as number[]])) as Record<Field, number[]>
}

/**
 * Replaces missing hours (NaN) by linear interpolation between the nearest valid hours (the
 * nearest valid value at the ends). Returns how many were filled.
 */
export function fillGaps(values: number[]): number {
  let filled = 0
  for (let i = 0; i < values.length; i++) {
    if (!Number.isNaN(values[i])) continue
    let j = i
    while (j < values.length && Number.isNaN(values[j])) j++
    const before = i > 0 ? values[i - 1]! : undefined
    const after = j < values.length ? values[j]! : undefined
    if (before === undefined && after === undefined) throw new Error('fillGaps: no valid value')
    for (let k = i; k < j; k++) {
      const f = (k - i + 1) / (j - i + 1)
      values[k] =
        before === undefined
          ? after!
          : after === undefined
            ? before
            : Math.round((before + (after - before) * f) * 10) / 10
      filled++
    }
    i = j - 1
  }
  return filled
}

function finish(
  format: 'tmy3' | 'epw',
  station: WeatherFileStation,
  columns: Record<Field, number[]>,
): WeatherFileYear {
  const missing: Record<string, number> = {}
  for (const f of FIELDS) {
    if (columns[f].length !== HOURS_PER_YEAR) {
      throw new Error(`${format}: ${f} has ${columns[f].length} hours, expected ${HOURS_PER_YEAR}`)
    }
    const n = columns[f].filter(Number.isNaN).length
    if (n > 0) missing[f] = n
  }
  return { format, station, ...columns, missing }
}

/** Parses an NREL TMY3 file (all 8760 rows; missing values are NaN, see `fillGaps`). */
export function parseTmy3(text: string): WeatherFileYear {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '')
  const head = lines[0]?.split(',') ?? []
  if (head.length < 7) throw new Error('tmy3: first line is not a station header')
  const station: WeatherFileStation = {
    wmo: head[0]!.trim(),
    name: head[1]!.replace(/"/g, '').trim(),
    region: head[2]!.trim(),
    country: 'US',
    utcOffsetH: num(head[3], 'tmy3 UTC offset'),
    lat: num(head[4], 'tmy3 latitude'),
    lon: num(head[5], 'tmy3 longitude'),
    elevationM: num(head[6], 'tmy3 elevation'),
    comments: [],
  }
  const names = lines[1]?.split(',') ?? []
  const col = (name: string): number => {
    const i = names.indexOf(name)
    if (i < 0) throw new Error(`tmy3: no column "${name}"`)
    return i
  }
  const index = {
    ghiWm2: col('GHI (W/m^2)'),
    dniWm2: col('DNI (W/m^2)'),
    dhiWm2: col('DHI (W/m^2)'),
    dryBulbC: col('Dry-bulb (C)'),
    dewPointC: col('Dew-point (C)'),
    relHumidityPct: col('RHum (%)'),
    pressurePa: col('Pressure (mbar)'),
    windMs: col('Wspd (m/s)'),
  }
  const columns = emptyColumns()
  for (let r = 2; r < lines.length; r++) {
    const cells = lines[r]!.split(',')
    for (const f of FIELDS) {
      const v = num(cells[index[f]], `tmy3 row ${r + 1} ${f}`)
      // TMY3 marks missing data with -9900 (manual §1.3); pressure is in mbar.
      columns[f].push(v <= -9900 ? NaN : f === 'pressurePa' ? v * 100 : v)
    }
  }
  return finish('tmy3', station, columns)
}

/** EPW "missing" codes (EnergyPlus data dictionary), per field. */
const EPW_MISSING: Readonly<Record<Field, number>> = {
  dryBulbC: 99.9,
  dewPointC: 99.9,
  relHumidityPct: 999,
  pressurePa: 999999,
  windMs: 999,
  ghiWm2: 9999,
  dniWm2: 9999,
  dhiWm2: 9999,
}

/** 0-based EPW columns of each field. */
const EPW_COLUMN: Readonly<Record<Field, number>> = {
  dryBulbC: 6,
  dewPointC: 7,
  relHumidityPct: 8,
  pressurePa: 9,
  ghiWm2: 13,
  dniWm2: 14,
  dhiWm2: 15,
  windMs: 21,
}

/** Parses an EPW file. A leap year's Feb 29 is dropped so the year has 8760 hours. */
export function parseEpw(text: string): WeatherFileYear {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '')
  const loc = lines[0]?.split(',') ?? []
  if (loc[0] !== 'LOCATION' || loc.length < 10) throw new Error('epw: no LOCATION line')
  const comments = lines
    .slice(1, 8)
    .filter((l) => l.startsWith('COMMENTS'))
    .map((l) =>
      l
        .replace(/^COMMENTS \d,/, '')
        .replace(/^"|"$/g, '')
        .trim(),
    )
  const station: WeatherFileStation = {
    name: loc[1]!.trim(),
    region: loc[2]!.trim(),
    country: loc[3]!.trim(),
    wmo: loc[5]!.trim(),
    lat: num(loc[6], 'epw latitude'),
    lon: num(loc[7], 'epw longitude'),
    utcOffsetH: num(loc[8], 'epw UTC offset'),
    elevationM: num(loc[9], 'epw elevation'),
    comments,
  }
  const columns = emptyColumns()
  for (let r = 8; r < lines.length; r++) {
    const cells = lines[r]!.split(',')
    if (num(cells[1], 'epw month') === 2 && num(cells[2], 'epw day') === 29) continue
    for (const f of FIELDS) {
      const v = num(cells[EPW_COLUMN[f]], `epw row ${r + 1} ${f}`)
      columns[f].push(v >= EPW_MISSING[f] ? NaN : v)
    }
  }
  return finish('epw', station, columns)
}

/** Great-circle distance, km (haversine, mean Earth radius 6371 km). */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180
  const dLat = (lat2 - lat1) * rad
  const dLon = (lon2 - lon1) * rad
  const a =
    Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2
  return 2 * 6371 * Math.asin(Math.sqrt(a))
}
