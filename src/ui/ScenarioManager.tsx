import { useEffect, useRef, useState, type FormEvent } from 'react'
import { SITES, rackCountOf, type Scenario } from '../model'
import {
  checkImportSize,
  deleteSaved,
  duplicateSaved,
  exportCollection,
  exportScenario,
  fileNameFor,
  importSummary,
  importText,
  openSaved,
  overwriteSaved,
  renameSaved,
  saveCurrent,
  useCampus,
  STORAGE_SESSION_ONLY,
  type SaveResult,
  type SavedScenario,
} from '../state'
import { formatNumber } from '../state'

/** Saved scenarios: save, open, rename, duplicate, delete; JSON export and import. */
export default function ScenarioManager({ onClose }: { onClose: () => void }) {
  const dialogRef = useRef<HTMLDialogElement>(null)
  const saved = useCampus((s) => s.saved)
  const currentName = useCampus((s) => s.scenario.name)
  const [name, setName] = useState(currentName)
  const [status, setStatus] = useState<{
    tone: 'ok' | 'warning' | 'error'
    lines: readonly string[]
  } | null>(null)

  useEffect(() => {
    const dialog = dialogRef.current
    if (dialog && !dialog.open) dialog.showModal()
  }, [])

  const save = (event: FormEvent): void => {
    event.preventDefault()
    const result = saveCurrent(name)
    const shown = name.trim() || 'Untitled scenario'
    if (!result.ok)
      setStatus({ tone: 'error', lines: [`“${shown}” was not saved.`, result.problem] })
    else if (!result.persisted)
      setStatus({
        tone: 'warning',
        lines: [`“${shown}” is kept for this session only.`, STORAGE_SESSION_ONLY],
      })
    else setStatus({ tone: 'ok', lines: [`Saved “${shown}”.`] })
  }

  /** The outcome of a change to a saved entry, said only when it did not simply work. */
  const report = (what: string, result: SaveResult): void => {
    if (!result.ok)
      setStatus({ tone: 'error', lines: [`${what} did not go through.`, result.problem] })
    else if (!result.persisted)
      setStatus({
        tone: 'warning',
        lines: [`${what}: kept for this session only.`, STORAGE_SESSION_ONLY],
      })
    else setStatus(null)
  }

  const onFile = (file: File): void => {
    const tooBig = checkImportSize(file.size)
    if (tooBig !== null) {
      setStatus({ tone: 'error', lines: [tooBig] })
      return
    }
    file
      .text()
      .then((text) => {
        const result = importText(text)
        setStatus(
          result.ok
            ? {
                tone: 'ok',
                lines: [importSummary(result)],
              }
            : {
                tone: 'error',
                lines: [
                  `“${file.name}” was not imported; nothing was changed.`,
                  ...result.problems.slice(0, 12),
                  ...(result.problems.length > 12
                    ? [`…and ${result.problems.length - 12} more problems`]
                    : []),
                ],
              },
        )
      })
      .catch(() => setStatus({ tone: 'error', lines: [`“${file.name}” could not be read.`] }))
  }

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby="manager-title"
      onClose={onClose}
      onCancel={onClose}
    >
      <header className="dialog-head">
        <h2 id="manager-title">Scenarios</h2>
        <button type="button" className="btn btn-quiet" onClick={() => dialogRef.current?.close()}>
          Close
        </button>
      </header>
      <form className="save-row" onSubmit={save}>
        <label className="stack-field grow">
          <span>Save the current scenario as</span>
          <input
            className="text-input"
            maxLength={120}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <button type="submit" className="btn btn-primary">
          Save
        </button>
      </form>
      <div className="btn-row file-row">
        <label className="btn file-button">
          Import JSON…
          <input
            type="file"
            accept="application/json,.json"
            className="visually-hidden"
            aria-label="Import scenarios from a JSON file"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0]
              e.currentTarget.value = ''
              if (file) onFile(file)
            }}
          />
        </label>
        <button
          type="button"
          className="btn"
          disabled={saved.length === 0}
          onClick={() =>
            download('campus-scenarios.json', exportCollection(saved.map((e) => e.scenario)))
          }
        >
          Export all
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => {
            const s = useCampus.getState().scenario
            download(fileNameFor(s.name), exportScenario(s))
          }}
        >
          Export current
        </button>
      </div>
      {status && (
        <div
          className={`status status-${status.tone}`}
          role={status.tone === 'ok' ? 'status' : 'alert'}
          data-import-status={status.tone}
        >
          {status.lines.map((line, i) => (
            <p key={i}>{line}</p>
          ))}
        </div>
      )}
      {saved.length === 0 ? (
        <p className="muted">No saved scenarios yet. They are kept in this browser only.</p>
      ) : (
        <ul className="saved-list" aria-label="Saved scenarios">
          {saved.map((entry) => (
            <SavedRow key={entry.id} entry={entry} report={report} />
          ))}
        </ul>
      )}
    </dialog>
  )
}

function describe(scenario: Scenario): string {
  return `${SITES[scenario.site].label} · ${formatNumber(rackCountOf(scenario), 0)} racks`
}

function SavedRow({
  entry,
  report,
}: {
  entry: SavedScenario
  report: (what: string, result: SaveResult) => void
}) {
  const [renaming, setRenaming] = useState(false)
  const [draft, setDraft] = useState(entry.scenario.name)
  const [confirmDelete, setConfirmDelete] = useState(false)
  const name = entry.scenario.name
  return (
    <li className="saved-row" data-saved-id={entry.id}>
      {renaming ? (
        <form
          className="rename-form"
          onSubmit={(e) => {
            e.preventDefault()
            report(`Renaming “${name}”`, renameSaved(entry.id, draft))
            setRenaming(false)
          }}
        >
          <input
            className="text-input"
            aria-label={`New name for ${name}`}
            maxLength={120}
            value={draft}
            autoFocus
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.preventDefault()
                e.stopPropagation()
                setRenaming(false)
              }
            }}
          />
          <button type="submit" className="btn">
            Done
          </button>
        </form>
      ) : (
        <div className="saved-info">
          <span className="saved-name">{name}</span>
          <span className="muted small">
            {describe(entry.scenario)} · saved {new Date(entry.savedAtMs).toLocaleString()}
          </span>
        </div>
      )}
      <div className="btn-row saved-actions" role="group" aria-label={`Actions for ${name}`}>
        {confirmDelete ? (
          <>
            <span className="small">Delete?</span>
            <button
              type="button"
              className="btn btn-danger"
              onClick={() => report(`Deleting “${name}”`, deleteSaved(entry.id))}
            >
              Delete
            </button>
            <button type="button" className="btn" onClick={() => setConfirmDelete(false)}>
              Keep
            </button>
          </>
        ) : (
          <>
            <button type="button" className="btn" onClick={() => openSaved(entry.id)}>
              Open
            </button>
            <button
              type="button"
              className="btn"
              onClick={() => report(`Updating “${name}”`, overwriteSaved(entry.id))}
              title="Replace with the current scenario"
            >
              Update
            </button>
            <button
              type="button"
              className="btn"
              onClick={() => {
                setDraft(name)
                setRenaming(true)
              }}
            >
              Rename
            </button>
            <button
              type="button"
              className="btn"
              onClick={() => report(`Duplicating “${name}”`, duplicateSaved(entry.id))}
            >
              Duplicate
            </button>
            <button
              type="button"
              className="btn"
              onClick={() => download(fileNameFor(name), exportScenario(entry.scenario))}
            >
              Export
            </button>
            <button type="button" className="btn btn-quiet" onClick={() => setConfirmDelete(true)}>
              Delete
            </button>
          </>
        )}
      </div>
    </li>
  )
}

function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
