import {
  CAMERA_VIEW_LABELS,
  ExportCancelled,
  SCENARIO_KEYWORD,
  checkExportSize,
  renderSurface,
  selectCaptionScenario,
  selectEvaluation,
  showScenarioForExport,
  useCampus,
  withPngText,
  type CameraPoseSpec,
  type CameraViewId,
  type ExportProgress,
  type ExportRequest,
  type ExportedImage,
  type RenderSurface,
  type RenderedFrame,
  type Units,
} from '../state'
import type { Scenario } from '../model'
import { buildCaption, formatLabelFigure } from './caption'
import { composeImage, type DrawnLabel } from './compose'
import { exportFileName } from './fileName'
import { legendInFrame } from './legend'

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

/** The frame's labels as they are drawn: name, callout figure in the user's units, anchor. */
export function drawnLabels(frame: RenderedFrame, units: Units): DrawnLabel[] {
  return [...frame.labels]
    .sort((a, b) => a.priority - b.priority)
    .map((label) => ({
      id: label.id,
      text: label.text,
      detail: label.figure ? formatLabelFigure(label.figure, units) : null,
      x: label.x,
      y: label.y,
    }))
}

/** One image of a run: a named view (or the current one) of the scenario on screen, or a saved scenario from a fixed camera. */
type Job =
  | { readonly kind: 'view'; readonly view: CameraViewId | 'current' }
  | {
      readonly kind: 'scenario'
      readonly scenario: Scenario
      readonly pose: CameraPoseSpec
      readonly view: CameraViewId | 'custom'
    }

/**
 * Renders each requested view at the requested size (then each saved scenario, from the
 * camera on screen when the export started), draws in the labels and the caption, and
 * encodes PNGs that carry the scenario and camera. The on-screen view and scenario are
 * restored after each frame and at the end, also when the export fails or is cancelled.
 */
export async function exportImagesNow(
  request: ExportRequest,
  onProgress: (progress: ExportProgress) => void,
): Promise<readonly ExportedImage[]> {
  const surface = renderSurface()
  if (!surface) throw new Error('The 3D view is not ready yet.')
  const start = useCampus.getState()
  if (!selectEvaluation(start))
    throw new Error('The site’s climate is still loading; try again in a moment.')
  const screen = surface.viewSize()
  const width = request.width ?? Math.round(screen.width)
  const height = request.height ?? Math.round(screen.height)
  const size = checkExportSize(width, height, surface.maxSide)
  if (!size.ok) throw new Error(size.reason)

  const pose = surface.currentPose()
  const jobs: Job[] = [
    ...request.views.map((view): Job => ({ kind: 'view', view })),
    ...(request.scenarios ?? []).map((saved): Job => ({
      kind: 'scenario',
      scenario: saved.scenario,
      pose,
      view: start.camera.view,
    })),
  ]
  const deck = jobs.length > 1
  const total = jobs.length
  const images: ExportedImage[] = []
  const date = new Date()
  const check = (): void => {
    if (request.signal?.aborted) throw new ExportCancelled()
  }
  const releaseMotion = surface.holdMotion()
  try {
    for (const [i, job] of jobs.entries()) {
      check()
      const image = await exportOne(surface, request, job, width, height, date, (step) =>
        onProgress({ done: i, total, step }),
      )
      images.push(
        deck
          ? { ...image, fileName: `${String(i + 1).padStart(2, '0')}-${image.fileName}` }
          : image,
      )
    }
    check()
  } finally {
    if (useCampus.getState().scenario !== start.scenario) {
      showScenarioForExport(start.scenario)
      await surface.whenShowing().catch(() => undefined)
    }
    releaseMotion()
  }
  onProgress({ done: total, total, step: 'Done' })
  return images
}

async function exportOne(
  surface: RenderSurface,
  request: ExportRequest,
  job: Job,
  width: number,
  height: number,
  date: Date,
  progress: (step: string) => void,
): Promise<ExportedImage> {
  const label = CAMERA_VIEW_LABELS[job.view]
  if (job.kind === 'scenario') {
    progress(`Opening “${job.scenario.name}”`)
    showScenarioForExport(job.scenario)
    await surface.whenShowing()
    if (request.signal?.aborted) throw new ExportCancelled()
  }
  const state = useCampus.getState()
  const evaluation = selectEvaluation(state)
  if (!evaluation) throw new Error('The site’s climate is still loading; try again in a moment.')
  progress(`Rendering ${label} at ${width} × ${height}`)
  await nextFrame()
  const restore = await surface.prepareView(job.kind === 'view' ? job.view : 'pose')
  let frame: RenderedFrame
  try {
    frame = await surface.render({
      width,
      height,
      view: job.kind === 'view' ? job.view : 'current',
      ...(job.kind === 'scenario' ? { pose: job.pose } : {}),
      background: request.background,
      solidColor: request.solidColor,
    })
  } finally {
    restore()
  }
  // No frame awaited here: the encoding does not block (the PNG is made while the view on
  // screen is drawn again), and the progress is painted meanwhile.
  progress(`Encoding ${label}`)
  // With phases: the phase shown, named in the caption and the file name.
  const shown = selectCaptionScenario(state)
  const caption =
    request.caption === 'none'
      ? null
      : buildCaption(
          shown,
          evaluation.readouts,
          state.units,
          date,
          label,
          legendInFrame(frame.assets, width, height),
        )
  const canvas = composeImage(frame, {
    caption,
    placement: request.caption,
    labels: request.labels ? drawnLabels(frame, state.units) : [],
  })
  const png = new Uint8Array(await (await toBlob(canvas)).arrayBuffer())
  const metadata = JSON.stringify({
    format: IMAGE_METADATA_FORMAT,
    scenario: state.scenario,
    camera: frame.camera,
  })
  const tagged = withPngText(png, SCENARIO_KEYWORD, metadata)
  return {
    fileName: exportFileName(shown, label, width, height, date),
    blob: new Blob([tagged], { type: 'image/png' }),
    width,
    height,
  }
}
