import { useEffect, useRef, useState, type FormEvent } from 'react'
import {
  CAMERA_VIEWS,
  EXPORT_SIZES,
  ExportCancelled,
  MAX_EXPORT_SIDE,
  checkExportSize,
  CAMERA_VIEW_LABELS,
  exportImages,
  renderSurface,
  useCampus,
  type CameraViewId,
  type CaptionPlacement,
  type ExportBackground,
  type ExportProgress,
  type ExportedImage,
} from '../state'
import { exportEveryPhase } from '../state/phaseExport'
import VideoExport from './VideoExport'

type SizeId = (typeof EXPORT_SIZES)[number]['id']

type ViewChoice = CameraViewId | 'current' | 'all' | 'deck'

const CAPTIONS: readonly (readonly [CaptionPlacement, string])[] = [
  ['corner', 'Card in the corner'],
  ['band', 'Band along the bottom'],
  ['none', 'None'],
]

/**
 * The export dialog: size, background, labels, caption and view, then one PNG per view (or a
 * copy to the clipboard), with progress while large images render and a Cancel button. The
 * deck is every named view and every saved scenario (from the camera on screen), one file each.
 */
export default function ExportDialog({ onClose }: { onClose: () => void }) {
  const dialogRef = useRef<HTMLDialogElement>(null)
  const [sizeId, setSizeId] = useState<SizeId>('4k')
  const [custom, setCustom] = useState({ width: '3840', height: '2160' })
  const [background, setBackground] = useState<ExportBackground>('sky')
  const [solidColor, setSolidColor] = useState('#ffffff')
  const [caption, setCaption] = useState<CaptionPlacement>('corner')
  const [labels, setLabels] = useState(true)
  const [view, setView] = useState<ViewChoice>('current')
  const [mode, setMode] = useState<'image' | 'video'>('image')
  const [videoBusy, setVideoBusy] = useState(false)
  const saved = useCampus((s) => s.saved)
  const abort = useRef<AbortController | null>(null)
  // Build-out: this phase, or every phase as a numbered series with the same camera.
  const phaseCount = useCampus((s) => s.scenario.phases?.length ?? 0)
  const [phases, setPhases] = useState<'this' | 'every'>('this')
  const everyPhase = phases === 'every' && phaseCount > 1
  const [progress, setProgress] = useState<ExportProgress | null>(null)
  const [status, setStatus] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null)
  const busy = progress !== null
  const surface = renderSurface()
  const maxSide = Math.min(MAX_EXPORT_SIDE, surface?.maxSide ?? MAX_EXPORT_SIDE)
  const screen = surface?.viewSize()
  const canCopy = typeof ClipboardItem !== 'undefined' && Boolean(navigator.clipboard?.write)

  useEffect(() => {
    const dialog = dialogRef.current
    if (dialog && !dialog.open) dialog.showModal()
  }, [])

  const size = (): { width: number | null; height: number | null } | string => {
    if (sizeId !== 'custom') {
      const preset = EXPORT_SIZES.find((s) => s.id === sizeId)
      return { width: preset?.width ?? null, height: preset?.height ?? null }
    }
    const check = checkExportSize(Number(custom.width), Number(custom.height), maxSide)
    return check.ok ? { width: check.width, height: check.height } : check.reason
  }

  const run = async (target: 'download' | 'clipboard'): Promise<void> => {
    const chosen = size()
    if (typeof chosen === 'string') {
      setStatus({ tone: 'error', text: chosen })
      return
    }
    const views = view === 'all' || view === 'deck' ? [...CAMERA_VIEWS] : [view]
    const scenarios = view === 'deck' ? saved : []
    setStatus(null)
    setProgress({ done: 0, total: views.length + scenarios.length, step: 'Preparing' })
    const controller = new AbortController()
    abort.current = controller
    try {
      const request = {
        ...chosen,
        background,
        solidColor,
        caption,
        labels,
        views,
        scenarios: everyPhase ? [] : scenarios,
        signal: controller.signal,
      }
      const images = await (everyPhase ? exportEveryPhase : exportImages)(request, setProgress)
      if (target === 'clipboard') {
        const first = images[0]
        if (!first) throw new Error('Nothing was rendered.')
        await navigator.clipboard.write([new ClipboardItem({ 'image/png': first.blob })])
        setStatus({
          tone: 'ok',
          text: `Copied ${first.width} × ${first.height} image to the clipboard.`,
        })
      } else {
        images.forEach(download)
        setStatus({
          tone: 'ok',
          text:
            images.length === 1
              ? `Saved ${images[0]?.fileName ?? 'the image'}.`
              : `Saved ${images.length} images (one per ${everyPhase ? 'phase and view' : view === 'deck' ? 'view and saved scenario' : 'view'}).`,
        })
      }
    } catch (error) {
      setStatus(
        error instanceof ExportCancelled
          ? { tone: 'ok', text: `${error.message} The view on screen is unchanged.` }
          : {
              tone: 'error',
              text: `The image could not be made: ${error instanceof Error ? error.message : String(error)} The view on screen is unchanged.`,
            },
      )
    } finally {
      abort.current = null
      setProgress(null)
    }
  }

  const submit = (event: FormEvent): void => {
    event.preventDefault()
    void run('download')
  }

  return (
    <dialog
      ref={dialogRef}
      className="dialog export-dialog"
      aria-labelledby="export-title"
      onClose={onClose}
      onCancel={(event) => {
        if (busy || videoBusy) event.preventDefault()
      }}
    >
      <header className="dialog-head">
        <h2 id="export-title">Export image</h2>
        <button
          type="button"
          className="btn btn-quiet"
          disabled={busy || videoBusy}
          onClick={() => dialogRef.current?.close()}
        >
          Close
        </button>
      </header>
      <div className="export-mode" role="radiogroup" aria-label="Export">
        {(['image', 'video'] as const).map((m) => (
          <label key={m} className="choice">
            <input
              type="radio"
              name="export-mode"
              checked={mode === m}
              disabled={busy || videoBusy}
              onChange={() => setMode(m)}
            />
            {m === 'image' ? 'Image' : 'Video'}
          </label>
        ))}
      </div>
      {mode === 'video' && <VideoExport onBusyChange={setVideoBusy} />}
      <form className="export-form" hidden={mode === 'video'} onSubmit={submit}>
        <fieldset disabled={busy}>
          <legend>Size</legend>
          {EXPORT_SIZES.map((s) => (
            <label key={s.id} className="choice">
              <input
                type="radio"
                name="export-size"
                value={s.id}
                checked={sizeId === s.id}
                onChange={() => setSizeId(s.id)}
              />
              {s.id === 'view' && screen
                ? `${s.label} (${Math.round(screen.width)} × ${Math.round(screen.height)})`
                : s.label}
            </label>
          ))}
          {sizeId === 'custom' && (
            <div className="export-custom">
              <label>
                Width (px)
                <input
                  className="text-input"
                  inputMode="numeric"
                  value={custom.width}
                  onChange={(e) => setCustom({ ...custom, width: e.target.value })}
                />
              </label>
              <label>
                Height (px)
                <input
                  className="text-input"
                  inputMode="numeric"
                  value={custom.height}
                  onChange={(e) => setCustom({ ...custom, height: e.target.value })}
                />
              </label>
              <span className="muted">Up to {maxSide} px on a side on this device.</span>
            </div>
          )}
        </fieldset>
        <fieldset disabled={busy}>
          <legend>Background</legend>
          {(
            [
              ['sky', 'Sky'],
              ['solid', 'Solid colour'],
              ['transparent', 'Transparent'],
            ] as const
          ).map(([id, label]) => (
            <label key={id} className="choice">
              <input
                type="radio"
                name="export-background"
                value={id}
                checked={background === id}
                onChange={() => setBackground(id)}
              />
              {label}
            </label>
          ))}
          {background === 'solid' && (
            <label className="choice">
              <input
                type="color"
                value={solidColor}
                onChange={(e) => setSolidColor(e.target.value)}
              />
              Background colour
            </label>
          )}
        </fieldset>
        <fieldset disabled={busy}>
          <legend>Content</legend>
          <label className="stack-field">
            <span>View</span>
            <select
              className="select"
              value={view}
              onChange={(e) => setView(e.target.value as ViewChoice)}
            >
              <option value="current">Current view</option>
              {CAMERA_VIEWS.map((v) => (
                <option key={v} value={v}>
                  {CAMERA_VIEW_LABELS[v]}
                </option>
              ))}
              <option value="all">All named views (one file each)</option>
              <option value="deck">
                {`Deck: ${CAMERA_VIEWS.length} named views and ${saved.length} saved scenario${saved.length === 1 ? '' : 's'} (one file each)`}
              </option>
            </select>
          </label>
          {phaseCount > 1 && (
            <label className="stack-field">
              <span>Phases</span>
              <select
                className="select"
                value={phases}
                onChange={(e) => setPhases(e.target.value === 'every' ? 'every' : 'this')}
              >
                <option value="this">This phase</option>
                <option value="every">Every phase (numbered series, same camera)</option>
              </select>
            </label>
          )}
          <label className="choice">
            <input
              type="checkbox"
              checked={labels}
              aria-describedby="export-labels-hint"
              onChange={(e) => setLabels(e.target.checked)}
            />
            Labels
          </label>
          <p id="export-labels-hint" className="muted export-hint">
            Asset names and key figures drawn into the image, with leader lines.
          </p>
          <label className="stack-field">
            <span>Caption</span>
            <select
              className="select"
              value={caption}
              aria-describedby="export-caption-hint"
              onChange={(e) => setCaption(e.target.value as CaptionPlacement)}
            >
              {CAPTIONS.map(([id, text]) => (
                <option key={id} value={id}>
                  {text}
                </option>
              ))}
            </select>
          </label>
          <p id="export-caption-hint" className="muted export-hint">
            Name, site, date, key figures and a legend of what is in the frame, with a scale bar and
            north arrow.
          </p>
        </fieldset>
        {progress && (
          <div className="export-progress" role="status" aria-live="polite">
            <progress
              max={progress.total * 2}
              value={progress.done * 2 + (progress.step.startsWith('Encoding') ? 1 : 0)}
              aria-label="Export progress"
            />
            <span>
              {progress.step} ({Math.min(progress.done + 1, progress.total)} of {progress.total})
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
          <button
            type="button"
            className="btn"
            disabled={busy || !canCopy || view === 'all' || view === 'deck' || everyPhase}
            title={canCopy ? 'Copy one image to the clipboard' : 'This browser cannot copy images'}
            onClick={() => void run('clipboard')}
          >
            Copy to clipboard
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Exporting…' : 'Export PNG'}
          </button>
        </div>
      </form>
    </dialog>
  )
}

function download(image: ExportedImage): void {
  const url = URL.createObjectURL(image.blob)
  const a = document.createElement('a')
  a.href = url
  a.download = image.fileName
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
