import {
  CAMERA_VIEW_LABELS,
  SCENARIO_KEYWORD,
  registerExporter,
  renderSurface,
  selectCaptionScenario,
  selectEvaluation,
  useCampus,
  withPngText,
  type ExportProgress,
  type ExportRequest,
  type ExportedImage,
} from '../state'
import { buildCaption } from './caption'
import { composeImage } from './compose'
import { exportFileName } from './fileName'
import { checkExportSize } from '../state'

/** What an exported PNG carries in its metadata: enough to reopen the scenario and view. */
export const IMAGE_METADATA_FORMAT = 'campus-planner-image/1'

/** Lets the browser paint (progress) before the next long, blocking render. */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))
}

function toBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) =>
        blob
          ? resolve(blob)
          : reject(new Error('The browser could not encode the image (out of memory?).')),
      'image/png',
    ),
  )
}

/**
 * Renders each requested view at the requested size, burns in the caption, and encodes a PNG
 * that carries the scenario and camera. The on-screen view is restored after each frame.
 */
export async function exportImagesNow(
  request: ExportRequest,
  onProgress: (progress: ExportProgress) => void,
): Promise<readonly ExportedImage[]> {
  const surface = renderSurface()
  if (!surface) throw new Error('The 3D view is not ready yet.')
  const state = useCampus.getState()
  // With phases: the phase shown, named in the caption and the file name.
  const shown = selectCaptionScenario(state)
  const evaluation = selectEvaluation(state)
  if (!evaluation) throw new Error('The site’s climate is still loading; try again in a moment.')
  const screen = surface.viewSize()
  const width = request.width ?? Math.round(screen.width)
  const height = request.height ?? Math.round(screen.height)
  const size = checkExportSize(width, height, surface.maxSide)
  if (!size.ok) throw new Error(size.reason)

  const total = request.views.length
  const images: ExportedImage[] = []
  const date = new Date()
  for (const [i, view] of request.views.entries()) {
    const label = CAMERA_VIEW_LABELS[view]
    onProgress({ done: i, total, step: `Rendering ${label} at ${width} × ${height}` })
    await nextFrame()
    const frame = await surface.render({
      width,
      height,
      view,
      background: request.background,
      solidColor: request.solidColor,
    })
    onProgress({ done: i, total, step: `Encoding ${label}` })
    await nextFrame()
    const caption = request.caption
      ? buildCaption(shown, evaluation.readouts, state.units, date, label)
      : null
    const canvas = composeImage(frame, caption)
    const png = new Uint8Array(await (await toBlob(canvas)).arrayBuffer())
    const metadata = JSON.stringify({
      format: IMAGE_METADATA_FORMAT,
      scenario: state.scenario,
      camera: frame.camera,
    })
    const tagged = withPngText(png, SCENARIO_KEYWORD, metadata)
    images.push({
      fileName: exportFileName(shown, label, width, height, date),
      blob: new Blob([tagged], { type: 'image/png' }),
      width,
      height,
    })
  }
  onProgress({ done: total, total, step: 'Done' })
  return images
}

/** Makes image export available to the planner (called once at start-up). */
export function installImageExport(): void {
  registerExporter(exportImagesNow)
}
