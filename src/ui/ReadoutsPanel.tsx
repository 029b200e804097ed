import { memo, useEffect, useRef } from 'react'
import {
  FIELD_BY_PATH,
  READOUT_GROUPS,
  READOUT_SPECS,
  type Readouts,
  type ReadoutKey,
  type Warning,
} from '../model'
import {
  formatQuantity,
  formatWarning,
  openDrawer,
  selectEvaluation,
  selectShownEvaluation,
  useCampus,
  type Units,
} from '../state'
import { focusField } from './fieldDom'

/** The key figures, in their order (`keyFigure` in READOUT_SPECS). */
const KEY_FIGURES = READOUT_SPECS.filter((s) => s.keyFigure !== undefined).sort(
  (a, b) => (a.keyFigure ?? 0) - (b.keyFigure ?? 0),
)

/** Key figures, warnings, then every readout of READOUT_SPECS in its group. */
export function ReadoutsPanel() {
  const shown = useCampus(selectShownEvaluation)
  const pending = useCampus((s) => selectEvaluation(s) === null)
  const units = useCampus((s) => s.units)
  const readouts = shown?.readouts ?? null
  return (
    <aside
      className={`panel readouts ${pending && readouts !== null ? 'is-stale' : ''}`}
      aria-labelledby="readouts-heading"
      aria-busy={pending}
      data-pending={pending}
    >
      <h2 id="readouts-heading" className="panel-title">
        Readouts
      </h2>
      <KeyFigures readouts={readouts} units={units} />
      <WarningsList warnings={readouts?.warnings ?? null} units={units} />
      {READOUT_GROUPS.map((group) => (
        <section key={group.id} className="group" aria-labelledby={`readouts-${group.id}`}>
          <h3 id={`readouts-${group.id}`} className="group-title">
            {group.label}
          </h3>
          <dl className="readout-list">
            {READOUT_SPECS.filter((s) => s.group === group.id).map((spec) => (
              <ReadoutRow
                key={spec.key}
                readoutKey={spec.key}
                label={spec.label}
                unit={spec.unit}
                digits={spec.digits}
                value={readouts ? readouts[spec.key] : null}
                units={units}
              />
            ))}
          </dl>
        </section>
      ))}
    </aside>
  )
}

/** The figures most people ask first, large; the full list below carries the data hooks. */
function KeyFigures({ readouts, units }: { readouts: Readouts | null; units: Units }) {
  return (
    <dl className="kpis" aria-label="Key figures">
      {KEY_FIGURES.map((spec) => {
        const shown = readouts
          ? formatQuantity(readouts[spec.key], spec.unit, spec.digits, units)
          : null
        return (
          <div key={spec.key} className="kpi" data-kpi={spec.key}>
            <dt>{spec.label}</dt>
            <dd>
              {shown ? shown.text : '…'}
              {shown && shown.unit !== '' && <span className="kpi-unit">{shown.unit}</span>}
            </dd>
          </div>
        )
      })}
    </dl>
  )
}

/** One query object for every row: `matchMedia` is costly to call per readout per change. */
const reducedMotion =
  typeof window === 'undefined' ? null : window.matchMedia('(prefers-reduced-motion: reduce)')
const prefersReducedMotion = (): boolean => reducedMotion?.matches ?? false

const ReadoutRow = memo(function ReadoutRow({
  readoutKey,
  label,
  unit,
  digits,
  value,
  units,
}: {
  readoutKey: ReadoutKey
  label: string
  unit: string
  digits: number
  value: number | null
  units: Units
}) {
  const ref = useRef<HTMLElement>(null)
  const previous = useRef<number | null>(value)
  useEffect(() => {
    const was = previous.current
    previous.current = value
    if (was === null || value === null || was === value || !ref.current) return
    // No flash while a slider is held: the values change every frame, and each flash is
    // main-thread paint work a big campus's drag cannot spare.
    if (prefersReducedMotion() || useCampus.getState().dragging) return
    // A subtle flash so the eye catches what moved: blue when it rose, amber when it fell.
    const color = value > was ? 'rgba(47, 111, 237, 0.18)' : 'rgba(214, 137, 16, 0.2)'
    ref.current.animate([{ backgroundColor: color }, { backgroundColor: 'rgba(0,0,0,0)' }], {
      duration: 900,
      easing: 'ease-out',
    })
  }, [value])
  const shown = value === null ? null : formatQuantity(value, unit, digits, units)
  return (
    <div className="readout">
      <dt>
        <button
          type="button"
          className="readout-label link-button"
          title={`How “${label}” is computed`}
          onClick={() => openDrawer('method', readoutKey)}
        >
          {label}
        </button>
      </dt>
      <dd>
        <span
          ref={ref}
          className="readout-value"
          data-readout={readoutKey}
          data-value={value === null ? '' : String(value)}
        >
          {shown ? shown.text : '…'}
        </span>
        {shown && shown.unit !== '' && <span className="readout-unit">{shown.unit}</span>}
      </dd>
    </div>
  )
})

const SEVERITY_LABEL: Record<Warning['severity'], string> = {
  critical: 'Critical',
  warning: 'Warning',
  info: 'Note',
}

/**
 * The model's warnings in plain words and the user's units, each in full (the remedy is often
 * at the end) and linked to the control that resolves it.
 */
function WarningsList({ warnings, units }: { warnings: readonly Warning[] | null; units: Units }) {
  const count = warnings?.length ?? 0
  return (
    <section className="warnings" aria-labelledby="warnings-heading">
      <h3 id="warnings-heading" className="group-title">
        Warnings{' '}
        <span className={`count ${count > 0 ? 'count-on' : ''}`}>{warnings ? count : '…'}</span>
      </h3>
      <ul data-readout="warnings" data-value={String(count)} className="warning-list">
        {warnings?.map((w) => {
          const field = FIELD_BY_PATH.get(w.field)
          return (
            <li
              key={`${w.code}-${w.field}`}
              className={`warning warning-${w.severity}`}
              data-code={w.code}
            >
              <span className="warning-severity">{SEVERITY_LABEL[w.severity]}</span>
              <span className="warning-message">{formatWarning(w, units)}</span>
              {field && (
                <button type="button" className="link-button" onClick={() => focusField(w.field)}>
                  Adjust {field.label.toLowerCase()}
                </button>
              )}
            </li>
          )
        })}
      </ul>
      {warnings && count === 0 && <p className="warning-none">No binding limits.</p>}
    </section>
  )
}
