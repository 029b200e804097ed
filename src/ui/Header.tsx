import { SITES } from '../model'
import { lazy, Suspense, useRef, useState, type ReactNode, type RefObject } from 'react'
import {
  PRESETS,
  chooseUnits,
  fetchPreset,
  notify,
  redo,
  scenarioToQuery,
  setScenario,
  shareLink,
  undo,
  useCampus,
  useProgramme,
  type PresetId,
} from '../state'

import { ProgrammeMenu, useProgrammeQuery } from './programme/ProgrammeBar'

const ScenarioManager = lazy(() => import('./ScenarioManager'))

/** Title, scenario name, presets, saved scenarios, undo/redo, units and sharing. */
export function Header({ actions }: { actions?: ReactNode }) {
  const scenarioName = useCampus((s) => s.scenario.name)
  const site = useCampus((s) => s.scenario.site)
  // On a programme's map the title is the programme's; with a campus open, the campus's.
  const programmeName = useProgramme((s) =>
    s.programme !== null && s.campusId === null ? s.programme.name : null,
  )
  const name = programmeName ?? scenarioName
  const [managerOpen, setManagerOpen] = useState(false)
  return (
    <header className="topbar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <span className="brand-name">Campus Planner</span>
      </div>
      <h1 className="scenario-title" title={programmeName ?? `${name} — ${SITES[site].label}`}>
        {name}
        {programmeName === null && <span className="scenario-site"> · {SITES[site].label}</span>}
      </h1>
      <div className="topbar-actions">
        <PresetMenu />
        <ProgrammeMenu />
        <button type="button" className="btn" onClick={() => setManagerOpen(true)}>
          Scenarios
        </button>
        <UndoRedo />
        <UnitsToggle />
        <ShareButton />
        {actions}
      </div>
      {managerOpen && (
        <Suspense fallback={null}>
          <ScenarioManager onClose={() => setManagerOpen(false)} />
        </Suspense>
      )}
    </header>
  )
}

function PresetMenu() {
  const [busy, setBusy] = useState(false)
  const load = (id: PresetId): void => {
    setBusy(true)
    fetchPreset(id)
      .then(setScenario)
      .catch((error: unknown) =>
        notify({
          tone: 'error',
          title: 'The preset could not be opened.',
          details: [error instanceof Error ? error.message : String(error)],
        }),
      )
      .finally(() => setBusy(false))
  }
  return (
    <label className="inline-field">
      <span>Preset</span>
      <select
        className="select"
        value=""
        disabled={busy}
        onChange={(e) => {
          const id = PRESETS.find((p) => p.id === e.target.value)?.id
          if (id) load(id)
        }}
      >
        <option value="" disabled>
          Open a preset…
        </option>
        {PRESETS.map((p) => (
          <option key={p.id} value={p.id}>
            {p.label}
          </option>
        ))}
      </select>
    </label>
  )
}

function UndoRedo() {
  const canUndo = useCampus((s) => s.past.length > 0)
  const canRedo = useCampus((s) => s.future.length > 0)
  return (
    <div className="btn-group" role="group" aria-label="History">
      <button
        type="button"
        className="btn"
        onClick={undo}
        disabled={!canUndo}
        title="Undo (Ctrl+Z)"
        aria-keyshortcuts="Control+Z"
      >
        Undo
      </button>
      <button
        type="button"
        className="btn"
        onClick={redo}
        disabled={!canRedo}
        title="Redo (Ctrl+Shift+Z)"
        aria-keyshortcuts="Control+Shift+Z"
      >
        Redo
      </button>
    </div>
  )
}

function UnitsToggle() {
  const units = useCampus((s) => s.units)
  return (
    <div className="segmented" role="radiogroup" aria-label="Units">
      {(
        [
          ['si', 'SI'],
          ['imperial', 'US'],
        ] as const
      ).map(([id, label]) => (
        <button
          key={id}
          type="button"
          role="radio"
          aria-checked={units === id}
          title={id === 'si' ? 'SI units (°C, m³, m²)' : 'US customary units (°F, gallons, ft²)'}
          onClick={() => chooseUnits(id)}
        >
          {label}
        </button>
      ))}
    </div>
  )
}

function ShareButton() {
  const inProgramme = useProgramme((s) => s.programme !== null)
  const [open, setOpen] = useState(false)
  const [copied, setCopied] = useState(false)
  const inputRef = useRef<HTMLInputElement>(null)
  const show = (): void => {
    setOpen(true)
    setCopied(false)
    void shareLink()
      .then((url) => navigator.clipboard?.writeText(url))
      .then(() => setCopied(true))
      .catch(() => setCopied(false))
    requestAnimationFrame(() => inputRef.current?.select())
  }
  return (
    <div className="popover-anchor">
      <button
        type="button"
        className="btn btn-primary"
        aria-expanded={open}
        onClick={() => (open ? setOpen(false) : show())}
      >
        Share
      </button>
      {open && (
        <div
          className="popover"
          role="dialog"
          aria-label="Share link"
          onKeyDown={(e) => {
            if (e.key === 'Escape') setOpen(false)
          }}
        >
          <label className="stack-field">
            <span>
              {inProgramme ? 'Link to this programme and view' : 'Link to this scenario and view'}
            </span>
            <LiveShareLink inputRef={inputRef} />
          </label>
          <p className="muted small" role="status">
            {copied ? 'Copied to the clipboard.' : 'Select the link and copy it.'}
          </p>
          <button type="button" className="btn" onClick={() => setOpen(false)}>
            Close
          </button>
        </div>
      )}
    </div>
  )
}

/** The link, kept current while the popover is open (the scenario may change under it). */
function LiveShareLink({ inputRef }: { inputRef: RefObject<HTMLInputElement | null> }) {
  const scenarioQuery = useCampus((s) => scenarioToQuery(s.scenario, s.camera, s.phaseIndex))
  // While a programme is shown, the link is the programme's (with the campus open in it).
  const programmeQuery = useProgrammeQuery()
  const query = programmeQuery ?? scenarioQuery
  const url = new URL(window.location.href)
  url.search = query
  url.hash = ''
  return (
    <input
      ref={inputRef}
      className="text-input"
      readOnly
      value={url.toString()}
      onFocus={(e) => e.currentTarget.select()}
    />
  )
}
