import type { Scenario } from '../model'
import { ensureClimate } from './climate'
import type { PixelBox } from './labelPlacement'
import { useCampus, type CameraViewId, type SavedScenario } from './store'

/**
 * Where the image export meets the 3D view and the planner, without either importing the
 * other: the scene registers a render surface, the export module registers the exporter, and
 * the planner's dialog calls `exportImages`.
 */

export type ExportBackground = 'sky' | 'solid' | 'transparent'

/** Where the caption goes on an exported image: a card in the bottom-left corner, a band along the bottom, or none. */
export type CaptionPlacement = 'corner' | 'band' | 'none'

/** A label's key figure, in SI (formatted by the export in the user's units). */
export interface LabelFigure {
  readonly value: number
  readonly unit: string
  readonly digits: number
  /** Words after the number ("IT", "head"); '' for none. */
  readonly suffix: string
}

/** An asset label projected onto a rendered frame (pixels of that frame). */
export interface ProjectedLabel {
  readonly id: string
  readonly text: string
  readonly figure: LabelFigure | null
  /** The anchor, pixels from the frame's top left. */
  readonly x: number
  readonly y: number
  /** Lower is more important (placed first). */
  readonly priority: number
}

/** What each legend entry of a caption stands for. */
export type LegendAssetId =
  'buildings' | 'cooling' | 'plant' | 'roads' | 'water' | 'wind' | 'solar' | 'hydro' | 'lines'

/** A legend asset on a rendered frame: the extent of its parts that reach the frame, or null. */
export interface ProjectedAsset {
  readonly id: LegendAssetId
  readonly bounds: PixelBox | null
}

export interface CameraPoseSpec {
  readonly position: readonly [number, number, number]
  readonly target: readonly [number, number, number]
}

/** A frame rendered on purpose at a requested size. */
export interface RenderedFrame {
  /**
   * A 2D canvas holding the frame (copied from WebGL in the task that rendered it). From a
   * session (`openSession`), the session's one canvas: valid until its next frame.
   */
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
  /** Asset labels seen from this camera (anchors on the frame, layers shown). */
  readonly labels: readonly ProjectedLabel[]
  /** Legend assets seen from this camera. */
  readonly assets: readonly ProjectedAsset[]
}

export interface RenderRequest {
  readonly width: number
  readonly height: number
  /** A named view, or 'current' for the camera as it is on screen. */
  readonly view: CameraViewId | 'current'
  /** An exact camera instead of `view` (the deck's scenarios, video paths). */
  readonly pose?: CameraPoseSpec
  readonly background: ExportBackground
  /** CSS colour of a solid background. */
  readonly solidColor: string
  /**
   * Presentation quality (soft shadows, ambient occlusion, antialiasing: scene/presentation.ts)
   * for every frame; otherwise the physically based frame without post-processing. Stills ask
   * for it always; a video when its "Presentation quality" box is ticked.
   */
  readonly presentation?: boolean
}

/**
 * Frames of one size and camera rendered one after another (a video, a still): the drawing
 * buffer is sized once, each `render(timeS)` drives the scene's animation clock to `timeS`
 * seconds and draws; `close` restores the on-screen view. Nothing a frame draws reads the
 * wall clock, so frame N is the same whenever it is rendered.
 */
export interface FrameSession {
  /** The frame at animation time `timeS` (seconds; the on-screen clock's time when omitted). */
  render(timeS?: number): RenderedFrame
  /** Moves the camera for the next frames (a camera path). */
  setPose(pose: CameraPoseSpec): void
  close(): void
}

/** Registered by the scene while the 3D view is mounted. */
export interface RenderSurface {
  /** Largest side this device's WebGL can render, px. */
  readonly maxSide: number
  /** The canvas's size on screen, CSS px. */
  viewSize(): { width: number; height: number }
  /** Renders one frame at the request's size and restores the on-screen view. */
  render(request: RenderRequest): Promise<RenderedFrame>
  /** Opens a session for many frames of the request's size and camera (close it!). */
  openSession(request: RenderRequest): FrameSession
  /** Loads what presentation-quality frames need (once); a session opened after uses it. */
  preparePresentation(): Promise<void>
  /**
   * Resolves when the scene shows the store's current scenario (its layout built and drawn),
   * rejects after `timeoutMs`.
   */
  whenShowing(timeoutMs?: number): Promise<void>
  /** The camera of the view on screen now. */
  currentPose(): CameraPoseSpec
  /** The camera of a named view of the scenario shown, for a frame of `aspect` (null: none yet). */
  namedPose(view: CameraViewId, aspect: number): CameraPoseSpec | null
  /**
   * Readies the scene for a view's image (the hall view cuts its building away, other named
   * views show every roof) and resolves once that is drawn, with the function that puts the
   * screen's state back.
   */
  prepareView(view: CameraViewId | 'current' | 'pose'): Promise<() => void>
  /**
   * Stops the moving parts (fans, rotors, aviation lights) from asking for frames until the
   * returned function is called: an export's waits are not spent drawing them.
   */
  holdMotion(): () => void
}

export interface ExportRequest {
  /** null: the current view's size. */
  readonly width: number | null
  readonly height: number | null
  readonly background: ExportBackground
  readonly solidColor: string
  readonly caption: CaptionPlacement
  /** Asset labels and callouts drawn into the image. */
  readonly labels: boolean
  readonly views: readonly (CameraViewId | 'current')[]
  /** Saved scenarios to render too, each from the camera on screen when the export starts. */
  readonly scenarios?: readonly SavedScenario[]
  /** Stops the export between images (nothing is saved). */
  readonly signal?: AbortSignal
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

/** The error an export rejects with when its signal stops it. */
export class ExportCancelled extends Error {
  constructor() {
    super('The export was cancelled; nothing was saved.')
    this.name = 'ExportCancelled'
  }
}

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

/**
 * Shows another scenario in the 3D view for a deck's image, leaving the undo history, the
 * comparison and the saved list alone; the export puts the user's scenario back the same way.
 */
export function showScenarioForExport(scenario: Scenario): void {
  if (useCampus.getState().scenario === scenario) return
  useCampus.setState({ scenario })
  void ensureClimate(scenario.site)
}
