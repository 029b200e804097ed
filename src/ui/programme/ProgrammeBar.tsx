import { lazy, Suspense, useEffect, useState } from 'react'
import './bar.css'
import { READOUT_SPEC_BY_KEY, type TotalKey } from '../../model'
import {
  PROGRAMME_PRESETS,
  closeCampus,
  fetchProgrammePreset,
  formatQuantity,
  notify,
  openProgramme,
  openSavedProgramme,
  programmeQuery,
  useLiveProgramme,
  useCampus,
  useProgramme,
  useProgrammeResult,
  type ProgrammePresetId,
} from '../../state'

/** The programme page, with the map and its data, loaded on first use. */
const ProgrammeView = lazy(() => import('./ProgrammeView'))

/** The programme page in the stage; the 3D view stays mounted (hidden) underneath. */
export function ProgrammeStage() {
  return (
    <Suspense fallback={<p className="pad muted">Loading the programme map…</p>}>
      <ProgrammeView />
    </Suspense>
  )
}

/** Totals kept in view while a campus is open: they move as the campus is edited. */
const BAR_TOTALS: readonly TotalKey[] = [
  'facilityPeakMw',
  'pueAnnual',
  'co2TonnesPerYear',
  'renewableShare',
]

/**
 * While a campus of a programme is open: a breadcrumb back to the programme (its name, then the
 * campus) and the programme's live totals, as readouts (`data-readout="total.<key>"`).
 */
export function ProgrammeBar() {
  const campusId = useProgramme((s) => s.campusId)
  const result = useProgrammeResult()
  const units = useCampus((s) => s.units)
  if (result === null || campusId === null) return null
  const campus = result.programme.campuses.find((c) => c.id === campusId)
  return (
    <div className="programme-bar">
      <nav aria-label="Breadcrumb">
        <ol className="breadcrumb">
          <li>
            <button type="button" className="link-button" onClick={closeCampus}>
              {result.programme.name}
            </button>
          </li>
          <li aria-current="page">{campus?.name ?? campusId}</li>
        </ol>
      </nav>
      <dl className="programme-bar-totals" aria-label="Programme totals">
        {BAR_TOTALS.map((key) => {
          const spec = READOUT_SPEC_BY_KEY.get(key)
          const value = result.total?.[key] ?? null
          const shown =
            value === null || spec === undefined
              ? null
              : formatQuantity(value, spec.unit, spec.digits, units)
          return (
            <div key={key}>
              <dt>Programme {spec?.label.replace(/ \(.*\)$/, '') ?? key}</dt>
              <dd>
                <span
                  data-readout={`total.${key}`}
                  data-value={value === null ? '' : String(value)}
                >
                  {shown ? shown.text : '…'}
                </span>
                {shown && shown.unit !== '' && <span className="muted"> {shown.unit}</span>}
              </dd>
            </div>
          )
        })}
      </dl>
    </div>
  )
}

/** "Programme": a built-in programme or one saved in this browser. */
export function ProgrammeMenu() {
  const saved = useProgramme((s) => s.saved)
  const open = (value: string): void => {
    if (value.startsWith('saved:')) {
      openSavedProgramme(value.slice('saved:'.length))
      return
    }
    const preset = PROGRAMME_PRESETS.find((p) => p.id === value)
    if (preset === undefined) return
    fetchProgrammePreset(preset.id as ProgrammePresetId)
      .then((programme) => openProgramme(programme, preset.id))
      .catch((error: unknown) =>
        notify({
          tone: 'error',
          title: 'The programme could not be opened.',
          details: [error instanceof Error ? error.message : String(error)],
        }),
      )
  }
  return (
    <label className="inline-field">
      <span>Programme</span>
      <select className="select" value="" onChange={(e) => open(e.target.value)}>
        <option value="" disabled>
          Open…
        </option>
        <optgroup label="Built-in">
          {PROGRAMME_PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </optgroup>
        {saved.length > 0 && (
          <optgroup label="Saved in this browser">
            {saved.map((e) => (
              <option key={e.id} value={`saved:${e.id}`}>
                {e.programme.name}
              </option>
            ))}
          </optgroup>
        )}
      </select>
    </label>
  )
}

/**
 * The programme's link query while a programme is shown (kept current as it is edited); null
 * without a programme. Built asynchronously (a programme that is not a preset is deflated).
 */
export function useProgrammeQuery(): string | null {
  const programme = useLiveProgramme()
  const campusId = useProgramme((s) => s.campusId)
  const camera = useCampus((s) => s.camera)
  const phaseIndex = useCampus((s) => s.phaseIndex)
  const [query, setQuery] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    if (programme !== null) void programmeQuery().then((q) => live && setQuery(q))
    return () => {
      live = false
    }
  }, [programme, campusId, camera, phaseIndex])
  return programme === null ? null : query
}
