import {
  DEFAULT_SCENARIO,
  FIELDS,
  FIELD_BY_KEY,
  FIELD_BY_PATH,
  MAX_PHASES,
  MAX_UNKNOWN_NAMED,
  PHASE_FIELDS,
  checkValue,
  clampPhaseIndex,
  defaultPhaseName,
  getField,
  moreUnknownProblem,
  phaseCount,
  phaseValue,
  readPhaseList,
  shortKey,
  trySetField,
  unknownFieldMessage,
  withPhases,
  type Phase,
  type Problem,
  type Scenario,
} from '../model'
import { OPENING_SCENARIO, isAutomaticName, siteCampusName } from './presets'
import { CAMERA_VIEWS, DEFAULT_CAMERA, type CameraState, type CameraViewId } from './store'

/**
 * The address bar holds the scenario, the phase shown and the camera (docs/ARCHITECTURE.md):
 * query keys are the scenario's field keys (power flattened: `hydroMw=250`), only values that
 * differ from DEFAULT_SCENARIO are written. Phases are written under their file paths, which
 * are also the paths their problems name: `phases[0].name=…&phases[0].online=2026-06&
 * phases[0].buildings=1&phases[1].power.gridMw=300` (a phase's name only when it is not the
 * default `Phase <n>`). `phase=` is the 0-based index of the phase shown, written only when the
 * scenario has phases. `cam=` holds a named view or, for a custom view, six numbers (position
 * then target, metres, 0.1 m).
 */
export const CAMERA_KEY = 'cam'
export const PHASE_KEY = 'phase'
/** The scenario's name in a link (also what keeps a default-valued link off the opening preset). */
const NAME_KEY = 'name'

/** Longest query string read; anything longer is refused as a whole (a link is never that long). */
export const MAX_QUERY_CHARS = 8000

/** `phases[<i>].<rest>`: a phase's key; `i` is written without leading zeros. */
const PHASE_PARAM = /^phases\[(0|[1-9]\d{0,5})\]\.(.+)$/

/** The query string (without `?`) for a scenario, camera and (with phases) the phase shown. */
export function scenarioToQuery(scenario: Scenario, camera: CameraState, phaseIndex = 0): string {
  const params = new URLSearchParams()
  for (const field of FIELDS) {
    const value = getField(scenario, field.path)
    if (value !== getField(DEFAULT_SCENARIO, field.path)) params.set(field.key, String(value))
  }
  const phases = scenario.phases ?? []
  phases.forEach((phase, i) => writePhase(params, phase, i))
  // A link without scenario keys opens the opening preset: a campus at every schema default
  // that is not that preset says so with its name.
  if (params.size === 0 && !sameScenario(scenario, OPENING_SCENARIO))
    params.set(NAME_KEY, scenario.name)
  if (phases.length > 0) params.set(PHASE_KEY, String(clampPhaseIndex(scenario, phaseIndex)))
  const cam = cameraToParam(camera)
  if (cam !== null) params.set(CAMERA_KEY, cam)
  // Commas and brackets are legal in a query (browsers keep them) and keep the link readable.
  return params.toString().replace(/%2C/gi, ',').replace(/%5B/gi, '[').replace(/%5D/gi, ']')
}

function sameScenario(a: Scenario, b: Scenario): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b)
}

/** Whether a query holds any scenario key (anything but the camera and the phase shown). */
export function hasScenarioKeys(search: string): boolean {
  const text = search.startsWith('?') ? search.slice(1) : search
  for (const key of new URLSearchParams(text).keys())
    if (key !== CAMERA_KEY && key !== PHASE_KEY) return true
  return false
}

function writePhase(params: URLSearchParams, phase: Phase, i: number): void {
  if (phase.name !== defaultPhaseName(i)) params.set(`phases[${i}].name`, phase.name)
  params.set(`phases[${i}].online`, phase.online)
  for (const field of PHASE_FIELDS) {
    const value = phaseValue(phase, field.path)
    if (value !== undefined) params.set(`phases[${i}].${field.path}`, String(value))
  }
}

/** `cam=` value for a camera; null for the default view (not written). */
export function cameraToParam(camera: CameraState): string | null {
  if (camera.view !== 'custom') return camera.view === DEFAULT_CAMERA.view ? null : camera.view
  if (!camera.position || !camera.target) return null
  return [...camera.position, ...camera.target].map(roundTenth).join(',')
}

function roundTenth(metres: number): string {
  const rounded = Math.round(metres * 10) / 10
  return String(Object.is(rounded, -0) ? 0 : rounded)
}

/** A decimal number as people and `String(number)` write it: no hex, no `Infinity`, no blanks. */
const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i

/** A query value as the field's type: numbers parsed when they look like one, text kept. */
function typedValue(path: string, raw: string): unknown {
  const field = FIELD_BY_PATH.get(path)
  return field?.kind === 'number' && NUMBER_TEXT.test(raw.trim()) ? Number(raw.trim()) : raw
}

export interface QueryReading {
  readonly scenario: Scenario
  readonly camera: CameraState
  /** The phase to show: `phase=` clamped; the last phase when the link has phases but no `phase=`. */
  readonly phaseIndex: number
  /** Every key that was not understood, each replaced by its default. */
  readonly problems: readonly Problem[]
}

/** Keys a link may hold besides `phases[i]…`, for "did you mean". */
const LINK_KEYS = [...FIELDS.map((f) => f.key), CAMERA_KEY, PHASE_KEY]

/**
 * Reads a query string leniently: a bad value (unknown key, wrong type, out of range, a bad
 * phase) is reported and its field keeps the default (a bad phase or override is left out),
 * so a hand-edited link always opens. Unknown keys are named up to MAX_UNKNOWN_NAMED. `base` is
 * the scenario the keys change (a programme's campus as its preset has it); by default the
 * schema's defaults.
 */
export function readQuery(search: string, base: Scenario = DEFAULT_SCENARIO): QueryReading {
  const problems: Problem[] = []
  let scenario = base
  let camera = DEFAULT_CAMERA
  const text = search.startsWith('?') ? search.slice(1) : search
  if (text.length > MAX_QUERY_CHARS) {
    problems.push({
      path: '(link)',
      message: `is too long (${text.length} characters); the default campus is shown`,
    })
    return { scenario, camera, phaseIndex: 0, problems }
  }
  const seen = new Set<string>()
  const phaseDocs: Record<string, unknown>[] = []
  let phaseParam: string | null = null
  let unknownCount = 0
  for (const [key, raw] of new URLSearchParams(text)) {
    if (seen.has(key)) {
      problems.push({ path: shortKey(key), message: 'is given more than once; the first is used' })
      continue
    }
    seen.add(key)
    if (key === CAMERA_KEY) {
      const parsed = cameraFromParam(raw)
      if (parsed) camera = parsed
      else
        problems.push({
          path: CAMERA_KEY,
          message: `must be a view (${CAMERA_VIEWS.join(', ')}) or six numbers (got ${quote(raw)})`,
        })
      continue
    }
    if (key === PHASE_KEY) {
      phaseParam = raw
      continue
    }
    const phaseMatch = PHASE_PARAM.exec(key)
    if (phaseMatch !== null) {
      const index = Number(phaseMatch[1])
      const rest = phaseMatch[2] ?? ''
      if (index >= MAX_PHASES) {
        problems.push({
          path: shortKey(key),
          message: `a scenario has at most ${MAX_PHASES} phases, phases[0] … phases[${MAX_PHASES - 1}]`,
        })
        continue
      }
      // Null-prototype records: a key such as `phases[0].__proto__.x` is data, never a prototype.
      const doc = (phaseDocs[index] ??= Object.create(null) as Record<string, unknown>)
      const dot = rest.indexOf('.')
      const value = typedValue(rest, raw)
      if (dot < 0) doc[rest] = value
      else {
        const head = rest.slice(0, dot)
        const group = doc[head]
        const sub =
          typeof group === 'object' && group !== null
            ? group
            : (doc[head] = Object.create(null) as Record<string, unknown>)
        ;(sub as Record<string, unknown>)[rest.slice(dot + 1)] = value
      }
      continue
    }
    const field = FIELD_BY_KEY.get(key)
    if (!field) {
      unknownCount++
      if (unknownCount <= MAX_UNKNOWN_NAMED)
        problems.push({ path: shortKey(key), message: unknownFieldMessage(key, LINK_KEYS) })
      continue
    }
    const value = typedValue(field.path, raw)
    // The link is read strictly per field (no clamping): a value out of range keeps its default.
    const problem = checkValue(field, value)
    if (problem === null) scenario = trySetField(scenario, field.path, value).scenario
    else problems.push({ path: field.key, message: problem })
  }
  const more = moreUnknownProblem('(link)', unknownCount)
  if (more !== null) problems.push(more)
  if (phaseDocs.length > 0) {
    // Holes (phases[2] without phases[1]) stay holes: the reader names them as missing.
    const list = Array.from({ length: phaseDocs.length }, (_, i) => phaseDocs[i])
    const read = readPhaseList(list, '(link)')
    problems.push(...read.problems)
    scenario = withPhases(scenario, read.phases)
  }
  // A link that moves the campus to another site without naming it takes the site's name,
  // as the Site control does (a name the user typed stays).
  if (!seen.has(NAME_KEY) && scenario.site !== base.site && isAutomaticName(scenario.name))
    scenario = { ...scenario, name: siteCampusName(scenario.site) }
  const phaseIndex = readPhaseIndex(scenario, phaseParam, problems)
  return { scenario, camera, phaseIndex, problems }
}

/** `phase=`: a whole number within the phases present; without it, the last phase. */
function readPhaseIndex(scenario: Scenario, raw: string | null, problems: Problem[]): number {
  const last = phaseCount(scenario) - 1
  if (raw === null) return last
  if (scenario.phases === undefined) {
    problems.push({ path: PHASE_KEY, message: 'the scenario has no phases; ignored' })
    return 0
  }
  if (!/^\d{1,6}$/.test(raw.trim())) {
    problems.push({
      path: PHASE_KEY,
      message: `must be a phase number, 0 … ${last} (got ${quote(raw)}); the last phase is shown`,
    })
    return last
  }
  const index = Number(raw.trim())
  if (index > last) {
    problems.push({
      path: PHASE_KEY,
      message: `must be a phase number, 0 … ${last} (got ${index}); the last phase is shown`,
    })
  }
  return clampPhaseIndex(scenario, index)
}

/** Closest a custom camera may be to its target, metres (links round to 0.1 m). */
export const MIN_CAMERA_DISTANCE_M = 0.1

/** Parses `cam=`: a named view, or position and target as six finite numbers, apart. */
export function cameraFromParam(raw: string): CameraState | null {
  if ((CAMERA_VIEWS as readonly string[]).includes(raw)) return { view: raw as CameraViewId }
  const parts = raw.split(',')
  if (parts.length !== 6 || !parts.every((p) => NUMBER_TEXT.test(p.trim()))) return null
  const n = parts.map((p) => Number(p.trim()))
  if (!n.every((v) => Number.isFinite(v) && Math.abs(v) <= 1e6)) return null
  const [px = 0, py = 0, pz = 0, tx = 0, ty = 0, tz = 0] = n
  // A camera on its own target looks nowhere (a blank view): refused like any bad value.
  if (Math.hypot(px - tx, py - ty, pz - tz) < MIN_CAMERA_DISTANCE_M) return null
  return { view: 'custom', position: [px, py, pz], target: [tx, ty, tz] }
}

function quote(raw: string): string {
  return JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}…` : raw)
}
