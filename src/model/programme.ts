/**
 * The programme file, version 1 (docs/ARCHITECTURE.md, docs/PROGRAMMES.md): many campuses, each
 * a scenario at a place on the map, with one set of totals. Read by the same walk as scenarios
 * (`readScenarioInto`): every problem names its field (`campuses[3].scenario.racksPerHall`),
 * unknown keys get a "did you mean", and at most MAX_UNKNOWN_NAMED are named in the whole file.
 */
import type { Assumptions } from './constants'
import type { Climate } from './climate'
import {
  checkValue,
  closest,
  describeValue,
  finishReading,
  isRecord,
  newReading,
  noteUnknownKey,
  parseJsonText,
  phaseScenarios,
  readScenarioInto,
  unknownFieldMessage,
  type DocumentReading,
  type NumberSpec,
  type Problem,
  type Scenario,
  type TextSpec,
} from './scenario'
import { aggregateReadouts, type ProgrammeTotal } from './programmeTotals'
import { simulate, type Evaluation, type Readouts } from './simulate'
import { SITES, type SiteId } from './sites'
import { formatWarningValue, type Warning } from './warnings'

/** Most campuses a programme may hold. */
export const MAX_CAMPUSES = 50

/**
 * A campus id: 1 to 32 lowercase letters, digits and inner hyphens (`milam`, `port-washington`),
 * so it can stand in a link (`campus=milam`, `milam.racksPerHall=200`) and a file name as it is.
 */
export const CAMPUS_ID_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?$/

export interface Campus {
  /** Unique in its programme; see CAMPUS_ID_PATTERN. */
  readonly id: string
  readonly name: string
  /** Degrees north, −90 … 90 (WGS 84). */
  readonly lat: number
  /** Degrees east, −180 … 180. */
  readonly lon: number
  /** The campus itself; its `site` gives the climate and grid. */
  readonly scenario: Scenario
}

export interface Programme {
  readonly version: 1
  readonly kind: 'programme'
  readonly name: string
  readonly campuses: readonly Campus[]
}

const campusField = (path: string, label: string, help: string) => ({
  path,
  key: path,
  label,
  help,
  group: 'site' as const,
  phase: false as const,
})

/** The programme's and each campus's own fields (the scenario has its FIELDS). */
export const PROGRAMME_NAME_FIELD: TextSpec = {
  kind: 'text',
  ...campusField('name', 'Programme name', 'Shown on the map, its exports and the table.'),
  maxLength: 120,
  default: 'Programme',
}
export const CAMPUS_NAME_FIELD: TextSpec = {
  kind: 'text',
  ...campusField('name', 'Campus name', 'Shown on the map, the table and the breadcrumb.'),
  maxLength: 120,
  default: '',
}
export const CAMPUS_LAT_FIELD: NumberSpec = {
  kind: 'number',
  ...campusField('lat', 'Latitude', 'Degrees north of the equator (south negative).'),
  unit: 'degrees',
  min: -90,
  max: 90,
  step: 0.0001,
  integer: false,
  default: 0,
}
export const CAMPUS_LON_FIELD: NumberSpec = {
  kind: 'number',
  ...campusField('lon', 'Longitude', 'Degrees east of Greenwich (west negative).'),
  unit: 'degrees',
  min: -180,
  max: 180,
  step: 0.0001,
  integer: false,
  default: 0,
}

const PROGRAMME_KEYS = ['version', 'kind', 'name', 'campuses'] as const
const CAMPUS_KEYS = ['id', 'name', 'lat', 'lon', 'scenario'] as const

/** Checks a campus id; returns the problem or null. */
export function checkCampusId(value: unknown): string | null {
  if (typeof value !== 'string') return `must be text (got ${describeValue(value)})`
  if (!CAMPUS_ID_PATTERN.test(value))
    return `must be 1 to 32 lowercase letters, digits and inner hyphens, e.g. "port-washington" (got ${describeValue(value)})`
  return null
}

/** Whether a parsed JSON document is a programme rather than a scenario (it says `kind`). */
export function isProgrammeDocument(doc: unknown): boolean {
  return isRecord(doc) && ('kind' in doc || 'campuses' in doc)
}

export type ProgrammeParseResult =
  | { readonly ok: true; readonly programme: Programme }
  | { readonly ok: false; readonly problems: readonly Problem[] }

function readCampus(
  r: DocumentReading,
  item: unknown,
  i: number,
  seen: Map<string, number>,
): Campus | null {
  const at = `campuses[${i}]`
  if (!isRecord(item)) {
    r.problems.push({
      path: at,
      message: item === undefined ? 'is missing' : `must be an object (got ${describeValue(item)})`,
    })
    return null
  }
  for (const key of Object.keys(item)) {
    if ((CAMPUS_KEYS as readonly string[]).includes(key)) continue
    noteUnknownKey(r, `${at}.${key}`, () => unknownFieldMessage(key, CAMPUS_KEYS))
  }
  let ok = true
  const require = (key: (typeof CAMPUS_KEYS)[number], what: string): boolean => {
    if (item[key] !== undefined) return true
    r.problems.push({ path: `${at}.${key}`, message: `is required: ${what}` })
    ok = false
    return false
  }
  let id = ''
  if (require('id', 'a short unique name, e.g. "milam"')) {
    const problem = checkCampusId(item.id)
    if (problem !== null) {
      r.problems.push({ path: `${at}.id`, message: problem })
      ok = false
    } else {
      id = item.id as string
      const first = seen.get(id)
      if (first !== undefined) {
        r.problems.push({
          path: `${at}.id`,
          message: `duplicate of campuses[${first}].id ("${id}"): ids must be unique`,
        })
        ok = false
      } else seen.set(id, i)
    }
  }
  let name = id
  if (item.name !== undefined) {
    const problem = checkValue(CAMPUS_NAME_FIELD, item.name)
    if (problem === null) name = item.name as string
    else {
      r.problems.push({ path: `${at}.name`, message: problem })
      ok = false
    }
  }
  const coordinate = (field: NumberSpec, key: 'lat' | 'lon'): number => {
    if (!require(key, `${field.label.toLowerCase()} in degrees`)) return 0
    const problem = checkValue(field, item[key])
    if (problem === null) return item[key] as number
    r.problems.push({ path: `${at}.${key}`, message: problem })
    ok = false
    return 0
  }
  const lat = coordinate(CAMPUS_LAT_FIELD, 'lat')
  const lon = coordinate(CAMPUS_LON_FIELD, 'lon')
  let scenario: Scenario | null = null
  if (require('scenario', 'the campus as a scenario (version 1)')) {
    const before = r.problems.length
    scenario = readScenarioInto(r, item.scenario, `${at}.scenario.`)
    if (r.problems.length > before) ok = false
  }
  return ok && scenario !== null ? { id, name, lat, lon, scenario } : null
}

/**
 * Validates a parsed programme document strictly: every problem is reported with its field
 * path, and any problem refuses the document. At most MAX_CAMPUSES campuses are read.
 */
export function parseProgramme(input: unknown): ProgrammeParseResult {
  const r = newReading()
  if (!isRecord(input)) {
    return {
      ok: false,
      problems: [
        { path: '(file)', message: `must be a JSON object (got ${describeValue(input)})` },
      ],
    }
  }
  for (const key of Object.keys(input)) {
    if ((PROGRAMME_KEYS as readonly string[]).includes(key)) continue
    noteUnknownKey(r, key, () => unknownFieldMessage(key, PROGRAMME_KEYS))
  }
  if (!('version' in input))
    r.problems.push({ path: 'version', message: 'is required and must be 1' })
  else if (input.version !== 1)
    r.problems.push({ path: 'version', message: `must be 1 (got ${describeValue(input.version)})` })
  if (input.kind !== 'programme') {
    const hint =
      typeof input.kind === 'string' && closest(input.kind, ['programme']) !== null
        ? ' (did you mean "programme"?)'
        : ''
    r.problems.push({
      path: 'kind',
      message:
        input.kind === undefined
          ? 'is required and must be "programme"'
          : `must be "programme" (got ${describeValue(input.kind)})${hint}`,
    })
  }
  let name = PROGRAMME_NAME_FIELD.default
  if (input.name !== undefined) {
    const problem = checkValue(PROGRAMME_NAME_FIELD, input.name)
    if (problem === null) name = input.name as string
    else r.problems.push({ path: 'name', message: problem })
  }
  const campuses: Campus[] = []
  const raw = input.campuses
  if (raw === undefined) {
    r.problems.push({ path: 'campuses', message: `is required: 1 to ${MAX_CAMPUSES} campuses` })
  } else if (!Array.isArray(raw)) {
    r.problems.push({
      path: 'campuses',
      message: `must be a list of campuses (got ${describeValue(raw)})`,
    })
  } else if (raw.length === 0) {
    r.problems.push({
      path: 'campuses',
      message: `must hold 1 to ${MAX_CAMPUSES} campuses (got none)`,
    })
  } else {
    if (raw.length > MAX_CAMPUSES) {
      r.problems.push({
        path: 'campuses',
        message: `may hold at most ${MAX_CAMPUSES} campuses (got ${raw.length})`,
      })
    }
    const seen = new Map<string, number>()
    const count = Math.min(raw.length, MAX_CAMPUSES)
    for (let i = 0; i < count; i++) {
      const campus = readCampus(r, raw[i], i, seen)
      if (campus !== null) campuses.push(campus)
    }
  }
  const problems = finishReading(r, '(file)')
  return problems.length === 0
    ? { ok: true, programme: { version: 1, kind: 'programme', name, campuses } }
    : { ok: false, problems }
}

/** Parses programme JSON text strictly (size cap, byte-order mark, JSON errors as for scenarios). */
export function parseProgrammeJson(text: string): ProgrammeParseResult {
  const json = parseJsonText(text, 'a programme')
  return json.ok ? parseProgramme(json.doc) : json
}

/** The programme as a file: every campus with its whole scenario. */
export function programmeToJson(programme: Programme): string {
  return `${JSON.stringify(programme, null, 2)}\n`
}

// ---------------------------------------------------------------------------------------------
// Places

/** Mean Earth radius, km (IUGG). */
const EARTH_RADIUS_KM = 6371.0088

/** Great-circle distance between two points (haversine), km. */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180
  const dLat = (lat2 - lat1) * rad
  const dLon = (lon2 - lon1) * rad
  const a =
    Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)))
}

/** How far a campus is from the place its site's climate and grid describe, km. */
export function siteDistanceKm(campus: Campus): number {
  const site = SITES[campus.scenario.site]
  return distanceKm(campus.lat, campus.lon, site.lat, site.lon)
}

/** Beyond this, a campus's climate stands in from elsewhere and the programme says so. */
export const SITE_DISTANCE_WARN_KM = 100

/** A programme-level warning: about one campus, in plain words. */
export interface ProgrammeWarning extends Warning {
  /** The campus it is about. */
  readonly campus: string
}

/** Warnings about the programme itself (each campus's own come with its readouts). */
export function programmeWarnings(programme: Programme): ProgrammeWarning[] {
  const out: ProgrammeWarning[] = []
  for (const campus of programme.campuses) {
    const km = siteDistanceKm(campus)
    if (km > SITE_DISTANCE_WARN_KM) {
      const site = SITES[campus.scenario.site]
      const distance = { value: Math.round(km), unit: 'km', digits: 0 }
      const tail = ` from ${site.label}, whose typical year and grid stand in for its own.`
      // The name comes from a file: braces in it must not read as the template's placeholders.
      const name = campus.name.replace(/[{}]/g, (b) => (b === '{' ? '(' : ')'))
      out.push({
        code: 'SITE_FAR',
        severity: 'warning',
        field: 'site',
        campus: campus.id,
        message: `${campus.name} is ${formatWarningValue(distance)}${tail}`,
        template: `${name} is {0}${tail}`,
        values: [distance],
      })
    }
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// Evaluation

/** One campus evaluated: every phase, the last being the campus as built out. */
export interface CampusEvaluation {
  readonly campus: Campus
  /** One per phase (one without phases); the last is what the totals count. */
  readonly phases: readonly Evaluation[]
  /** The last phase's readouts. */
  readonly readouts: Readouts
  readonly siteDistanceKm: number
}

export interface ProgrammeEvaluation {
  readonly campuses: readonly CampusEvaluation[]
  readonly total: ProgrammeTotal
  readonly warnings: readonly ProgrammeWarning[]
}

/**
 * Evaluates every campus over its site's typical year and adds them up. `climateOf` gives each
 * site's climate (the command line reads it from disk, the browser loads it first).
 */
export function evaluateProgramme(
  programme: Programme,
  climateOf: (site: SiteId) => Climate,
  assumptions?: Assumptions,
): ProgrammeEvaluation {
  const campuses = programme.campuses.map((campus): CampusEvaluation => {
    const climate = climateOf(campus.scenario.site)
    // As `simulatePhases` does (index.ts), without importing the index.
    const phases = phaseScenarios(campus.scenario).map((s) => simulate(s, climate, assumptions))
    const last = phases[phases.length - 1]
    if (last === undefined) throw new Error(`campus ${campus.id} has no phase`)
    return { campus, phases, readouts: last.readouts, siteDistanceKm: siteDistanceKm(campus) }
  })
  return {
    campuses,
    total: aggregateReadouts(campuses.map((c) => c.readouts)),
    warnings: programmeWarnings(programme),
  }
}

// ---------------------------------------------------------------------------------------------
// Editing

/** The campus with this id; undefined when the programme has none. */
export function campusById(programme: Programme, id: string): Campus | undefined {
  return programme.campuses.find((c) => c.id === id)
}

/**
 * The programme with one campus's scenario replaced; the same object when the campus is missing
 * or its scenario is already this one. Other campuses keep their identities (their evaluations
 * stay memoised).
 */
export function withCampusScenario(
  programme: Programme,
  id: string,
  scenario: Scenario,
): Programme {
  const index = programme.campuses.findIndex((c) => c.id === id)
  const campus = programme.campuses[index]
  if (campus === undefined || campus.scenario === scenario) return programme
  const campuses = programme.campuses.slice()
  campuses[index] = { ...campus, scenario }
  return { ...programme, campuses }
}
