import { useEffect, useRef, useState, type FormEvent } from 'react'
import { ExportCancelled, renderSurface, type CaptionPlacement } from '../state'
import {
  VIDEO_FRAME_RATES,
  VIDEO_KINDS,
  VIDEO_KIND_LABELS,
  VIDEO_SIZES,
  checkVideoDuration,
  exportVideo,
  videoFrameCount,
  type VideoFrameRate,
  type VideoKind,
  type VideoProgress,
  type VideoSizeId,
} from '../state/videoBridge'

const KIND_HINTS: Readonly<Record<VideoKind, string>> = {
  turntable: 'One orbit around the campus from the overview; the clip loops.',
  flythrough: 'From the overview to the power feed, the cooling yard and the halls, and back out.',
  timelapse: 'The campus growing phase by phase (building by building without phases).',
}

const CAPTIONS: readonly (readonly [CaptionPlacement, string])[] = [
  ['corner', 'Card in the corner'],
  ['band', 'Band along the bottom'],
  ['none', 'None'],
]

/** "about 1 min 20 s left" */
function timeLeft(seconds: number): string {
  const s = Math.max(1, Math.round(seconds))
  if (s < 60) return `about ${s} s left`
  const m = Math.floor(s / 60)
  return `about ${m} min ${String(s % 60).padStart(2, '0')} s left`
}

/**
 * The export dialog's "Video" choice: kind, size, frame rate, duration, presentation quality,
 * labels and caption, then "Export video" renders the clip frame by frame and downloads it,
 * with progress, the time left and a Cancel button that works at any point.
 */
export default function VideoExport({ onBusyChange }: { onBusyChange: (busy: boolean) => void }) {
  const [kind, setKind] = useState<VideoKind>('turntable')
  const [sizeId, setSizeId] = useState<VideoSizeId>('1080p')
  const [fps, setFps] = useState<VideoFrameRate>(30)
  const [duration, setDuration] = useState('10')
  const [presentation, setPresentation] = useState(false)
  const [labels, setLabels] = useState(true)
  const [caption, setCaption] = useState<CaptionPlacement>('corner')
  const [progress, setProgress] = useState<VideoProgress | null>(null)
  const [status, setStatus] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null)
  const abort = useRef<AbortController | null>(null)
  const busy = progress !== null
  const maxSide = renderSurface()?.maxSide ?? Infinity
  const checked = checkVideoDuration(duration)

  useEffect(() => onBusyChange(busy), [busy, onBusyChange])
  useEffect(() => () => abort.current?.abort(), [])

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    const size = VIDEO_SIZES.find((s) => s.id === sizeId) ?? VIDEO_SIZES[0]
    if (!checked.ok) {
      setStatus({ tone: 'error', text: checked.reason })
      return
    }
    const controller = new AbortController()
    abort.current = controller
    setStatus(null)
    setProgress({
      done: 0,
      total: videoFrameCount(checked.seconds, fps),
      step: 'Preparing',
      secondsLeft: null,
    })
    try {
      const video = await exportVideo(
        {
          kind,
          width: size.width,
          height: size.height,
          fps,
          durationS: checked.seconds,
          presentation,
          caption,
          labels,
          date: new Date(),
          signal: controller.signal,
        },
        setProgress,
      )
      download(video.blob, video.fileName)
      setStatus({
        tone: 'ok',
        text: `Saved ${video.fileName}: ${video.frames} frames, ${video.container === 'mp4' ? 'MP4 (H.264)' : `WebM (${video.codec.toUpperCase()})`}, ${(video.blob.size / 1e6).toFixed(1)} MB.`,
      })
    } catch (error) {
      setStatus(
        error instanceof ExportCancelled
          ? { tone: 'ok', text: `${error.message} The view on screen is unchanged.` }
          : {
              tone: 'error',
              text: `The video could not be made: ${error instanceof Error ? error.message : String(error)} The view on screen is unchanged.`,
            },
      )
    } finally {
      abort.current = null
      setProgress(null)
    }
  }

  return (
    <form className="export-form" aria-label="Export video" onSubmit={(e) => void submit(e)}>
      <fieldset disabled={busy}>
        <legend>Clip</legend>
        <label className="stack-field">
          <span>Kind</span>
          <select
            className="select"
            value={kind}
            aria-describedby="video-kind-hint"
            onChange={(e) => setKind(e.target.value as VideoKind)}
          >
            {VIDEO_KINDS.map((k) => (
              <option key={k} value={k}>
                {VIDEO_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        <p id="video-kind-hint" className="muted export-hint">
          {KIND_HINTS[kind]}
        </p>
        <label className="stack-field">
          <span>Size</span>
          <select
            className="select"
            value={sizeId}
            onChange={(e) => setSizeId(e.target.value as VideoSizeId)}
          >
            {VIDEO_SIZES.map((s) => (
              <option key={s.id} value={s.id} disabled={Math.max(s.width, s.height) > maxSide}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <label className="stack-field">
          <span>Frame rate</span>
          <select
            className="select"
            value={fps}
            onChange={(e) => setFps(Number(e.target.value) as VideoFrameRate)}
          >
            {VIDEO_FRAME_RATES.map((r) => (
              <option key={r} value={r}>
                {`${r} fps`}
              </option>
            ))}
          </select>
        </label>
        <label className="stack-field">
          <span>Duration (s)</span>
          <input
            className="text-input"
            inputMode="decimal"
            value={duration}
            aria-invalid={!checked.ok}
            aria-describedby="video-duration-hint"
            onChange={(e) => setDuration(e.target.value)}
          />
        </label>
        <p id="video-duration-hint" className="muted export-hint">
          {checked.ok ? `${videoFrameCount(checked.seconds, fps)} frames.` : checked.reason}
        </p>
      </fieldset>
      <fieldset disabled={busy}>
        <legend>Content</legend>
        <label className="choice">
          <input
            type="checkbox"
            checked={presentation}
            aria-describedby="video-presentation-hint"
            onChange={(e) => setPresentation(e.target.checked)}
          />
          Presentation quality
        </label>
        <p id="video-presentation-hint" className="muted export-hint">
          Every frame with the still images&apos; passes (soft shadows, ambient occlusion,
          antialiasing): several times the time.
        </p>
        <label className="choice">
          <input type="checkbox" checked={labels} onChange={(e) => setLabels(e.target.checked)} />
          Labels
        </label>
        <label className="stack-field">
          <span>Caption</span>
          <select
            className="select"
            value={caption}
            onChange={(e) => setCaption(e.target.value as CaptionPlacement)}
          >
            {CAPTIONS.map(([id, text]) => (
              <option key={id} value={id}>
                {text}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      {progress && (
        <div className="export-progress" role="status" aria-live="polite">
          <progress max={progress.total} value={progress.done} aria-label="Video progress" />
          <span data-video-progress={progress.done}>
            {progress.step}
            {progress.secondsLeft !== null ? ` · ${timeLeft(progress.secondsLeft)}` : ''}
          </span>
        </div>
      )}
      {status && (
        <div
          className={`status status-${status.tone}`}
          role={status.tone === 'error' ? 'alert' : 'status'}
          data-export-status={status.tone}
        >
          <p>{status.text}</p>
        </div>
      )}
      <div className="btn-row export-actions">
        {busy && (
          <button type="button" className="btn" onClick={() => abort.current?.abort()}>
            Cancel
          </button>
        )}
        <button type="submit" className="btn btn-primary" disabled={busy || !checked.ok}>
          {busy ? 'Exporting…' : 'Export video'}
        </button>
      </div>
    </form>
  )
}

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
