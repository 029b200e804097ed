/** Image sizes the export dialog offers, and the limits a device's WebGL can render. */

export interface ExportSize {
  readonly id: string
  readonly label: string
  /** null: the current view's size. */
  readonly width: number | null
  readonly height: number | null
}

export const EXPORT_SIZES = [
  { id: 'view', label: 'Current view size', width: null, height: null },
  { id: 'fhd', label: '1920 × 1080 (Full HD)', width: 1920, height: 1080 },
  { id: 'qhd', label: '2560 × 1440 (QHD)', width: 2560, height: 1440 },
  { id: '4k', label: '3840 × 2160 (4K)', width: 3840, height: 2160 },
  { id: 'custom', label: 'Custom…', width: null, height: null },
] as const satisfies readonly ExportSize[]

/** Largest side the dialog accepts, px (8K). */
export const MAX_EXPORT_SIDE = 8192
export const MIN_EXPORT_SIDE = 16

export type SizeCheck =
  | { readonly ok: true; readonly width: number; readonly height: number }
  | { readonly ok: false; readonly reason: string }

/**
 * Checks a requested size against the dialog's range and what this device can render
 * (`maxSide`: the smaller of WebGL's MAX_RENDERBUFFER_SIZE and MAX_VIEWPORT_DIMS).
 */
export function checkExportSize(width: number, height: number, maxSide: number): SizeCheck {
  if (!Number.isInteger(width) || !Number.isInteger(height)) {
    return { ok: false, reason: 'Width and height must be whole numbers of pixels.' }
  }
  if (width < MIN_EXPORT_SIDE || height < MIN_EXPORT_SIDE) {
    return { ok: false, reason: `Width and height must be at least ${MIN_EXPORT_SIDE} px.` }
  }
  if (width > MAX_EXPORT_SIDE || height > MAX_EXPORT_SIDE) {
    return { ok: false, reason: `Width and height can be at most ${MAX_EXPORT_SIDE} px (8K).` }
  }
  if (width > maxSide || height > maxSide) {
    return {
      ok: false,
      reason: `This device's graphics can render at most ${maxSide} px on a side; choose ${maxSide} or less.`,
    }
  }
  return { ok: true, width, height }
}
