import type { Scenario } from '../../model'
import {
  ExportCancelled,
  checkExportSize,
  renderSurface,
  selectEvaluation,
  showScenarioForExport,
  useCampus,
  type CameraPoseSpec,
  type FrameSession,
} from '../../state'
import {
  VIDEO_KIND_LABELS,
  videoFrameCount,
  type ExportedVideo,
  type VideoProgress,
  type VideoRequest,
} from '../../state/videoBridge'
import { buildCaption, type Caption } from '../caption'
import { composeImage } from '../compose'
import { drawnLabels } from '../exportImages'
import { exportFileName } from '../fileName'
import { legendInFrame } from '../legend'
import { openClipEncoder } from './encoder'
import {
  clipPose,
  nearestView,
  stageAtFrame,
  timeLapseStages,
  viewsFor,
  type TimeLapseStage,
} from './paths'

/** Frames timed before the dialog shows a time left. */
const FRAMES_BEFORE_ESTIMATE = 3

/** Gives the browser a turn (progress, input) between frames. */
function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0))
}

/**
 * Renders a clip frame by frame and encodes it: for each frame the camera path gives the pose,
 * the scene's animation clock is set to the frame's time (frame i at i / fps seconds), the frame
 * is drawn at the clip's size (with the stills' presentation passes for presentation quality), labels and
 * caption are drawn in as in image export, and the encoder takes it. Nothing reads the wall
 * clock, so the same scenario and request give the same frames. The on-screen view and
 * scenario are restored at the end, also when the export fails or is cancelled.
 */
export async function exportVideoNow(
  request: VideoRequest,
  onProgress: (progress: VideoProgress) => void,
): Promise<ExportedVideo> {
  const surface = renderSurface()
  if (!surface) throw new Error('The 3D view is not ready yet.')
  const start = useCampus.getState()
  if (!selectEvaluation(start))
    throw new Error('The site’s climate is still loading; try again in a moment.')
  const { kind, width, height, fps } = request
  const size = checkExportSize(width, height, surface.maxSide)
  if (!size.ok) throw new Error(size.reason)
  // Presentation quality: the stills' passes on every frame (they antialias too).
  if (request.presentation) await surface.preparePresentation()
  const frames = videoFrameCount(request.durationS, fps)
  const check = (): void => {
    if (request.signal?.aborted) throw new ExportCancelled()
  }
  const stages: readonly TimeLapseStage[] =
    kind === 'timelapse'
      ? timeLapseStages(start.scenario)
      : [{ name: VIDEO_KIND_LABELS[kind], scenario: start.scenario }]
  const progress = (done: number, step: string, secondsLeft: number | null = null): void =>
    onProgress({ done, total: frames, step, secondsLeft })

  progress(0, 'Starting the encoder')
  const encoder = await openClipEncoder(width, height, fps, request.container)
  const out = document.createElement('canvas')
  out.width = width
  out.height = height
  const outCtx = out.getContext('2d')
  if (!outCtx) throw new Error('No 2D canvas to draw the frames into.')
  outCtx.imageSmoothingEnabled = true
  outCtx.imageSmoothingQuality = 'high'

  let session: FrameSession | null = null
  let finished = false
  // The hall view's building cut away while a fly-through is near it (as in image export).
  let cutaway = null as { view: string; restore: () => void } | null
  try {
    // The camera frames the whole campus: a time-lapse aims at its last stage.
    const last = stages[stages.length - 1]
    if (kind === 'timelapse' && last) await show(last.scenario)
    check()
    const poses = viewsFor(kind).map((view): CameraPoseSpec => {
      const pose = surface.namedPose(view, width / height)
      if (!pose) throw new Error('The 3D view is not ready yet.')
      return pose
    })

    let shown = -1
    let caption: Caption | null | undefined
    let started = 0
    for (let i = 0; i < frames; i++) {
      check()
      const s = stageAtFrame(i, frames, stages.length)
      const stage = stages[s]
      if (!stage) throw new Error(`No stage ${s} in the time-lapse.`)
      const pose = clipPose(kind, poses, i, frames)
      if (s !== shown) {
        session?.close()
        session = null
        if (kind === 'timelapse') await show(stage.scenario)
        check()
        session = surface.openSession({
          width,
          height,
          view: 'current',
          pose,
          background: 'sky',
          solidColor: '#ffffff',
          presentation: request.presentation,
        })
        shown = s
        caption = undefined
        if (i === 0) started = performance.now()
      }
      if (!session) throw new Error('The 3D view is not ready yet.')
      const near = nearestView(kind, i, frames) === 'hall' ? 'hall' : 'pose'
      if ((cutaway?.view ?? 'pose') !== near) {
        cutaway?.restore()
        cutaway =
          near === 'hall' ? { view: near, restore: await surface.prepareView('hall') } : null
      }
      session.setPose(pose)
      const frame = session.render(i / fps)
      const state = useCampus.getState()
      if (caption === undefined) {
        // One caption per stage (its legend from the stage's first frame), so it does not flicker.
        const evaluation = selectEvaluation(state)
        caption =
          request.caption === 'none' || !evaluation
            ? null
            : buildCaption(
                state.scenario,
                evaluation.readouts,
                state.units,
                request.date,
                stage.name,
                legendInFrame(frame.assets, frame.canvas.width, frame.canvas.height),
              )
      }
      const composed = composeImage(frame, {
        caption,
        placement: request.caption,
        labels: request.labels ? drawnLabels(frame, state.units) : [],
      })
      outCtx.clearRect(0, 0, width, height)
      outCtx.drawImage(composed, 0, 0, width, height)
      await encoder.add(out, i)
      const done = i + 1
      const elapsedS = (performance.now() - started) / 1000
      progress(
        done,
        kind === 'timelapse'
          ? `Frame ${done} of ${frames} · ${stage.name}`
          : `Frame ${done} of ${frames}`,
        done >= FRAMES_BEFORE_ESTIMATE ? (elapsedS / done) * (frames - done) : null,
      )
      await yieldToBrowser()
    }
    session?.close()
    session = null
    check()
    progress(frames, 'Finishing the file', 0)
    const blob = await encoder.finish()
    finished = true
    const fileName = exportFileName(
      start.scenario,
      VIDEO_KIND_LABELS[kind],
      width,
      height,
      request.date,
    ).replace(/\.png$/, `_${fps}fps.${encoder.container}`)
    return {
      fileName,
      blob,
      width,
      height,
      frames,
      fps,
      codec: encoder.codec,
      container: encoder.container,
    }
  } finally {
    cutaway?.restore()
    session?.close()
    if (!finished) await encoder.cancel().catch(() => undefined)
    if (useCampus.getState().scenario !== start.scenario) {
      showScenarioForExport(start.scenario)
      await surface.whenShowing().catch(() => undefined)
    }
  }

  async function show(scenario: Scenario): Promise<void> {
    showScenarioForExport(scenario)
    await surface?.whenShowing()
  }
}
