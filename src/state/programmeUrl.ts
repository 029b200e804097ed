import {
  FIELDS,
  FIELD_BY_KEY,
  MAX_UNKNOWN_NAMED,
  PHASE_FIELDS,
  campusById,
  closest,
  defaultPhaseName,
  getField,
  moreUnknownProblem,
  phaseValue,
  shortKey,
  unknownFieldMessage,
  withCampusScenario,
  withPhases,
  type Phase,
  type Problem,
  type Programme,
  type Scenario,
} from '../model'
import { DEFAULT_CAMERA, type CameraState } from './store'
import { CAMERA_KEY, MAX_QUERY_CHARS, PHASE_KEY, cameraToParam, readQuery } from './url'

/**
 * A programme in the address bar (docs/PROGRAMMES.md, "Links"): the preset it starts from and
 * what was changed, readable and hand-editable.
 *
 *   ?programme=stargate-us&campus=milam&milam.racksPerHall=220&saline.cooling=dlc-adiabatic
 *
 * `programme=` is the preset's id; `campus=` the campus open in the 3D view (absent: the map);
 * `<campus>.<key>` a campus's scenario field that differs from the preset's campus, under the
 * scenario link's own keys (`milam.hydroMw=250`); a campus whose phases differ has them all,
 * `<campus>.phases[0].online=2026-06…`, and `<campus>.phases=none` when it has none left. `cam=`
 * and `phase=` are the open campus's view and phase, as in a scenario link.
 */
export const PROGRAMME_KEY = 'programme'
export const CAMPUS_KEY = 'campus'
/** `<campus>.phases=none`: the campus has no phases (its preset had some). */
export const NO_PHASES = 'none'

/** What a programme link holds besides the programme. */
export interface ProgrammeView {
  /** The campus open in the 3D view; null for the map. */
  readonly campusId: string | null
  /** The open campus's camera and phase (ignored on the map). */
  readonly camera: CameraState
  readonly phaseIndex: number
}

const samePhases = (a: Scenario, b: Scenario): boolean =>
  JSON.stringify(a.phases ?? null) === JSON.stringify(b.phases ?? null)

function writePhase(params: URLSearchParams, prefix: string, phase: Phase, i: number): void {
  const at = `${prefix}phases[${i}]`
  if (phase.name !== defaultPhaseName(i)) params.set(`${at}.name`, phase.name)
  params.set(`${at}.online`, phase.online)
  for (const field of PHASE_FIELDS) {
    const value = phaseValue(phase, field.path)
    if (value !== undefined) params.set(`${at}.${field.path}`, String(value))
  }
}

/** The keys of one campus that differ from its preset (`milam.racksPerHall=220`). */
function writeCampus(
  params: URLSearchParams,
  id: string,
  scenario: Scenario,
  base: Scenario,
): void {
  const prefix = `${id}.`
  for (const field of FIELDS) {
    const value = getField(scenario, field.path)
    if (value !== getField(base, field.path)) params.set(`${prefix}${field.key}`, String(value))
  }
  if (samePhases(scenario, base)) return
  const phases = scenario.phases ?? []
  if (phases.length === 0) params.set(`${prefix}phases`, NO_PHASES)
  phases.forEach((phase, i) => writePhase(params, prefix, phase, i))
}

/**
 * The query string (without `?`) of a programme that started as preset `presetId` (`base`):
 * only what differs from the preset is written. Campuses the preset does not have cannot be
 * written (a link holds changes to a preset's campuses); they are left out.
 */
export function programmeToQuery(
  presetId: string,
  programme: Programme,
  base: Programme,
  view: ProgrammeView,
): string {
  const params = new URLSearchParams()
  params.set(PROGRAMME_KEY, presetId)
  const open = view.campusId === null ? undefined : campusById(programme, view.campusId)
  if (open !== undefined) params.set(CAMPUS_KEY, open.id)
  for (const campus of programme.campuses) {
    const preset = campusById(base, campus.id)
    if (preset !== undefined) writeCampus(params, campus.id, campus.scenario, preset.scenario)
  }
  if (open !== undefined) {
    if (open.scenario.phases !== undefined) {
      const last = open.scenario.phases.length - 1
      params.set(PHASE_KEY, String(Math.min(last, Math.max(0, Math.round(view.phaseIndex)))))
    }
    const cam = cameraToParam(view.camera)
    if (cam !== null) params.set(CAMERA_KEY, cam)
  }
  return params.toString().replace(/%2C/gi, ',').replace(/%5B/gi, '[').replace(/%5D/gi, ']')
}

/**
 * Whether `programme` is preset `base` with only its campuses' scenarios changed: the same name
 * and the same campuses (ids, names, places) in the same order. Only then can a link carry it as
 * the preset plus changes; otherwise it travels whole (`programmeInline.ts`).
 */
export function isPresetEdit(programme: Programme, base: Programme): boolean {
  if (programme.name !== base.name || programme.campuses.length !== base.campuses.length)
    return false
  return programme.campuses.every((c, i) => {
    const b = base.campuses[i]
    return (
      b !== undefined && c.id === b.id && c.name === b.name && c.lat === b.lat && c.lon === b.lon
    )
  })
}

/** The preset a query names (`programme=`), or null when it is not a programme link. */
export function programmePresetOf(search: string): string | null {
  const text = search.startsWith('?') ? search.slice(1) : search
  if (text.length > MAX_QUERY_CHARS) return null
  return new URLSearchParams(text).get(PROGRAMME_KEY)
}

export interface ProgrammeQueryReading extends ProgrammeView {
  /** The preset with the link's changes; every change the link could not use is left out. */
  readonly programme: Programme
  readonly problems: readonly Problem[]
}

const MORE_UNKNOWN = /^has (\d+) more unknown field/

/**
 * Reads a programme link leniently onto its preset `base`: a bad key or value is named (with
 * "did you mean") and its campus keeps the preset's value, so a hand-edited link always opens.
 * Unknown keys are named up to MAX_UNKNOWN_NAMED over the whole link and counted beyond.
 */
export function readProgrammeQuery(search: string, base: Programme): ProgrammeQueryReading {
  const text = search.startsWith('?') ? search.slice(1) : search
  const problems: Problem[] = []
  const view = { campusId: null, camera: DEFAULT_CAMERA, phaseIndex: 0 } as const
  if (text.length > MAX_QUERY_CHARS) {
    problems.push({
      path: '(link)',
      message: `is too long (${text.length} characters); the preset is shown`,
    })
    return { programme: base, ...view, problems }
  }
  const ids = base.campuses.map((c) => c.id)
  const perCampus = new Map<string, URLSearchParams>()
  const viewParams = new URLSearchParams()
  let campusParam: string | null = null
  let unknown = 0
  const unknownKey = (key: string, message: string): void => {
    unknown++
    if (unknown <= MAX_UNKNOWN_NAMED) problems.push({ path: shortKey(key), message })
  }
  const seen = new Set<string>()
  for (const [key, raw] of new URLSearchParams(text)) {
    if (key === PROGRAMME_KEY) continue
    if (key === CAMPUS_KEY || key === CAMERA_KEY || key === PHASE_KEY) {
      if (seen.has(key)) {
        problems.push({ path: key, message: 'is given more than once; the first is used' })
        continue
      }
      seen.add(key)
      if (key === CAMPUS_KEY) campusParam = raw
      else viewParams.set(key, raw)
      continue
    }
    const dot = key.indexOf('.')
    const id = dot < 0 ? '' : key.slice(0, dot)
    const rest = dot < 0 ? key : key.slice(dot + 1)
    if (dot < 0) {
      const hint =
        FIELD_BY_KEY.has(key) && ids[0] !== undefined
          ? ` (a campus's field: did you mean "${campusParam ?? ids[0]}.${key}"?)`
          : ''
      unknownKey(
        key,
        hint === ''
          ? unknownFieldMessage(key, [PROGRAMME_KEY, CAMPUS_KEY, CAMERA_KEY, PHASE_KEY])
          : `unknown field${hint}`,
      )
      continue
    }
    if (!ids.includes(id)) {
      const hint = closest(id, ids)
      unknownKey(
        key,
        `no campus "${shortKey(id)}" in ${base.name}${hint ? ` (did you mean "${hint}"?)` : ''}`,
      )
      continue
    }
    if (rest === CAMERA_KEY || rest === PHASE_KEY || rest === CAMPUS_KEY) {
      problems.push({
        path: shortKey(key),
        message: `belongs to the link, not to a campus: write "${rest}=" (with campus=${id})`,
      })
      continue
    }
    let params = perCampus.get(id)
    if (params === undefined) perCampus.set(id, (params = new URLSearchParams()))
    params.append(rest, raw)
  }

  let campusId: string | null = null
  if (campusParam !== null) {
    if (ids.includes(campusParam)) campusId = campusParam
    else {
      const hint = closest(campusParam, ids)
      problems.push({
        path: CAMPUS_KEY,
        message: `no campus ${JSON.stringify(shortKey(campusParam))} in ${base.name}${hint ? ` (did you mean "${hint}"?)` : ''}; the map is shown`,
      })
    }
  } else {
    for (const key of viewParams.keys())
      problems.push({ path: key, message: `needs campus=: the map has no ${key}; ignored` })
  }

  let programme = base
  let camera: CameraState = DEFAULT_CAMERA
  let phaseIndex = 0
  for (const campus of base.campuses) {
    const params = perCampus.get(campus.id)
    const isOpen = campus.id === campusId
    if (params === undefined && !isOpen) continue
    const own = params ?? new URLSearchParams()
    let start = campus.scenario
    if (own.has('phases')) {
      const value = own.get('phases')
      own.delete('phases')
      if (value === NO_PHASES) start = withPhases(start, undefined)
      else
        problems.push({
          path: `${campus.id}.phases`,
          message: `must be "${NO_PHASES}" (the campus has no phases) or given as ${campus.id}.phases[0].online… (got ${JSON.stringify(shortKey(value ?? ''))})`,
        })
    }
    if (isOpen) for (const [key, raw] of viewParams) own.set(key, raw)
    const read = readQuery(own.toString(), start)
    for (const problem of read.problems) {
      const more = MORE_UNKNOWN.exec(problem.message)
      if (problem.path === '(link)' && more !== null) {
        const extra = Number(more[1])
        unknown += extra
        continue
      }
      const viewKey = problem.path === CAMERA_KEY || problem.path === PHASE_KEY
      const path = viewKey ? problem.path : `${campus.id}.${problem.path}`
      if (problem.message.startsWith('unknown field')) unknownKey(path, problem.message)
      else problems.push({ path, message: problem.message })
    }
    programme = withCampusScenario(programme, campus.id, read.scenario)
    if (isOpen) {
      camera = read.camera
      phaseIndex = read.phaseIndex
    }
  }
  const more = moreUnknownProblem('(link)', unknown)
  if (more !== null) problems.push(more)
  return { programme, campusId, camera, phaseIndex, problems }
}
