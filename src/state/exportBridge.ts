import type { CameraViewId } from './store'

/**
 * Where the image export meets the 3D view and the planner, without either importing the
 * other: the scene registers a render surface, the export module registers the exporter, and
 * the planner's dialog calls `exportImages`.
 */

export type ExportBackground = 'sky' | 'solid' | 'transparent'

/** A frame rendered on purpose at a requested size. */
export interface RenderedFrame {
  /** A 2D canvas holding the frame (copied from WebGL in the task that rendered it). */
  readonly canvas: HTMLCanvasElement
  /** Ground metres per image pixel at the view's target: for the scale bar. */
  readonly metresPerPixel: number
  /** Angle of north on the image, radians clockwise from straight up. */
  readonly northRad: number
  /** The camera of the frame, for the file's metadata. */
  readonly camera: {
    readonly view: CameraViewId | 'custom'
    readonly position: readonly [number, number, number]
    readonly target: readonly [number, number, number]
  }
}

export interface RenderRequest {
  readonly width: number
  readonly height: number
  /** A named view, or 'current' for the camera as it is on screen. */
  readonly view: CameraViewId | 'current'
  readonly background: ExportBackground
  /** CSS colour of a solid background. */
  readonly solidColor: string
}

/** Registered by the scene while the 3D view is mounted. */
export interface RenderSurface {
  /** Largest side this device's WebGL can render, px. */
  readonly maxSide: number
  /** The canvas's size on screen, CSS px. */
  viewSize(): { width: number; height: number }
  /** Renders one frame at the request's size and restores the on-screen view. */
  render(request: RenderRequest): Promise<RenderedFrame>
}

export interface ExportRequest {
  /** null: the current view's size. */
  readonly width: number | null
  readonly height: number | null
  readonly background: ExportBackground
  readonly solidColor: string
  readonly caption: boolean
  readonly views: readonly (CameraViewId | 'current')[]
}

export interface ExportedImage {
  readonly fileName: string
  readonly blob: Blob
  readonly width: number
  readonly height: number
}

export interface ExportProgress {
  readonly done: number
  readonly total: number
  readonly step: string
}

export type Exporter = (
  request: ExportRequest,
  onProgress: (progress: ExportProgress) => void,
) => Promise<readonly ExportedImage[]>

let surface: RenderSurface | null = null
let exporter: Exporter | null = null

/** The scene calls this when its canvas is ready, and with null when it unmounts. */
export function registerRenderSurface(next: RenderSurface | null): void {
  surface = next
}

export function renderSurface(): RenderSurface | null {
  return surface
}

/** The export module calls this once at start-up. */
export function registerExporter(next: Exporter | null): void {
  exporter = next
}

/** Renders and encodes the requested images; rejects with a message a user can act on. */
export function exportImages(
  request: ExportRequest,
  onProgress: (progress: ExportProgress) => void = () => {},
): Promise<readonly ExportedImage[]> {
  if (!exporter) return Promise.reject(new Error('Image export is not available.'))
  return exporter(request, onProgress)
}
