import { MAX_SCENARIO_BYTES, formatProblem, parseScenario, type Scenario } from '../model'
import { notify, setCamera, setScenario } from './actions'
import { findPngText, SCENARIO_KEYWORD } from './pngText'
import type { CameraState } from './store'
import { cameraFromParam, cameraToParam } from './url'

/** Largest image the app reads back for its metadata, bytes (an 8K PNG is well under this). */
export const MAX_IMAGE_BYTES = 200_000_000

export type ImageReading =
  | { readonly ok: true; readonly scenario: Scenario; readonly camera: CameraState | null }
  | { readonly ok: false; readonly reason: string }

/**
 * Reads the scenario and camera an exported PNG carries (see the export module). Validates
 * them with the same schema as a scenario file; says plainly why an image cannot be used.
 */
export function readImageMetadata(bytes: Uint8Array): ImageReading {
  try {
    return readMetadata(bytes)
  } catch {
    return { ok: false, reason: 'This image is damaged: its metadata could not be read.' }
  }
}

function readMetadata(bytes: Uint8Array): ImageReading {
  const found = findPngText(bytes, SCENARIO_KEYWORD, MAX_SCENARIO_BYTES)
  if (!found.found) {
    switch (found.reason) {
      case 'not-png':
        return { ok: false, reason: 'This file is not a PNG image.' }
      case 'too-large':
        return {
          ok: false,
          reason: `The scenario in this image is ${((found.bytes ?? 0) / 1_000_000).toFixed(1)} MB; scenarios are under 1 MB, so it was not read.`,
        }
      case 'unreadable':
        return { ok: false, reason: 'The scenario in this image is damaged (not readable text).' }
      case 'absent':
        return {
          ok: false,
          reason: 'This image carries no campus scenario (only images exported by this app do).',
        }
    }
  }
  const text = found.text
  let payload: unknown
  try {
    payload = JSON.parse(text)
  } catch {
    return { ok: false, reason: 'The scenario in this image is damaged (not valid JSON).' }
  }
  const record =
    typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>) : {}
  const parsed = parseScenario(record.scenario)
  if (!parsed.ok) {
    return {
      ok: false,
      reason: `The scenario in this image is not valid: ${parsed.problems.map(formatProblem).join('; ')}`,
    }
  }
  return { ok: true, scenario: parsed.scenario, camera: readCamera(record.camera) }
}

function readCamera(raw: unknown): CameraState | null {
  if (typeof raw !== 'object' || raw === null) return null
  const c = raw as { view?: unknown; position?: unknown; target?: unknown }
  if (c.view !== 'custom' && typeof c.view === 'string') return cameraFromParam(c.view)
  if (Array.isArray(c.position) && Array.isArray(c.target)) {
    return cameraFromParam([...c.position, ...c.target].map(String).join(','))
  }
  return null
}

/** Opens the scenario and view of an exported image (one undo step); false when it cannot. */
export function openImage(bytes: Uint8Array, fileName: string): boolean {
  const reading = readImageMetadata(bytes)
  if (!reading.ok) {
    notify({
      tone: 'error',
      title: `“${fileName}” was not opened; nothing was changed.`,
      details: [reading.reason],
    })
    return false
  }
  setScenario(reading.scenario)
  if (reading.camera && cameraToParam(reading.camera) !== null) setCamera(reading.camera)
  notify({
    tone: 'info',
    title: `Opened “${reading.scenario.name}” from ${fileName}.`,
    details: [],
  })
  return true
}
