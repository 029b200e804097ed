import {
  DEFAULT_SCENARIO,
  FIELDS,
  FIELD_BY_KEY,
  checkValue,
  getField,
  setField,
  type Problem,
  type Scenario,
} from '../model'
import { CAMERA_VIEWS, DEFAULT_CAMERA, type CameraState, type CameraViewId } from './store'

/**
 * The address bar holds the scenario and the camera (docs/ARCHITECTURE.md): query keys are the
 * scenario's field keys (power flattened: `hydroMw=250`), only values that differ from
 * DEFAULT_SCENARIO are written, and `cam=` holds a named view or, for a custom view, six numbers
 * (position then target, metres, 0.1 m).
 */
export const CAMERA_KEY = 'cam'

/** Longest query string read; anything longer is refused as a whole (a link is never that long). */
export const MAX_QUERY_CHARS = 8000

/** The query string (without `?`) for a scenario and camera. */
export function scenarioToQuery(scenario: Scenario, camera: CameraState): string {
  const params = new URLSearchParams()
  for (const field of FIELDS) {
    const value = getField(scenario, field.path)
    if (value !== getField(DEFAULT_SCENARIO, field.path)) params.set(field.key, String(value))
  }
  const cam = cameraToParam(camera)
  if (cam !== null) params.set(CAMERA_KEY, cam)
  // Commas are legal in a query and keep `cam=` readable.
  return params.toString().replace(/%2C/gi, ',')
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

export interface QueryReading {
  readonly scenario: Scenario
  readonly camera: CameraState
  /** Every key that was not understood, each replaced by its default. */
  readonly problems: readonly Problem[]
}

/**
 * Reads a query string leniently: a bad value (unknown key, wrong type, out of range) is
 * reported and its field keeps the default, so a hand-edited link always opens.
 */
export function readQuery(search: string): QueryReading {
  const problems: Problem[] = []
  let scenario = DEFAULT_SCENARIO
  let camera = DEFAULT_CAMERA
  const text = search.startsWith('?') ? search.slice(1) : search
  if (text.length > MAX_QUERY_CHARS) {
    problems.push({
      path: '(link)',
      message: `is too long (${text.length} characters); the default campus is shown`,
    })
    return { scenario, camera, problems }
  }
  const seen = new Set<string>()
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
    const field = FIELD_BY_KEY.get(key)
    if (!field) {
      problems.push({ path: shortKey(key), message: 'unknown field' })
      continue
    }
    const value: unknown =
      field.kind === 'number' && NUMBER_TEXT.test(raw.trim()) ? Number(raw.trim()) : raw
    const problem = checkValue(field, value)
    if (problem === null) scenario = setField(scenario, field.path, value as number | string)
    else problems.push({ path: field.key, message: problem })
  }
  return { scenario, camera, problems }
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

function shortKey(key: string): string {
  return key.length > 40 ? `${key.slice(0, 40)}…` : key
}

function quote(raw: string): string {
  return JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}…` : raw)
}
