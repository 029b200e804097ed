import { memo, useEffect, useRef } from 'react'
import {
  FIELD_BY_PATH,
  READOUT_GROUPS,
  READOUT_SPECS,
  READOUT_SPEC_BY_KEY,
  type Readouts,
  type ReadoutGroup,
  type ReadoutKey,
  type Warning,
} from '../model'
import { openDrawer, selectEvaluation, useCampus, type CampusState, type Units } from '../state'
import type { Evaluation } from '../model'
import { focusField } from './fieldDom'
import { formatQuantity } from '../state'

/** Readouts the model computes that have no methodology entry but help to read the others. */
const EXTRAS: readonly {
  readonly key: ReadoutKey
  readonly label: string
  readonly unit: string
  readonly digits: number
  readonly group: ReadoutGroup
}[] = [
  { key: 'designDryBulbC', label: 'Design-hour dry bulb', unit: '°C', digits: 1, group: 'cooling' },
  { key: 'designWetBulbC', label: 'Design-hour wet bulb', unit: '°C', digits: 1, group: 'cooling' },
  { key: 'peakDayWaterM3', label: 'Peak-day water', unit: 'm³', digits: 0, group: 'water-carbon' },
]

let lastShown: Evaluation | null = null

/**
 * The current evaluation or, while a new site's climate loads, the last one: the readouts stay
 * on screen (dimmed) instead of blanking out for a moment.
 */
function selectShownEvaluation(state: CampusState): Evaluation | null {
  const evaluation = selectEvaluation(state)
  if (evaluation !== null) lastShown = evaluation
  return lastShown
}

/** Warnings first, then every readout of the contract (and a few extras) in its group. */
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
      <WarningsList warnings={readouts?.warnings ?? null} />
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
                explained
              />
            ))}
            {EXTRAS.filter((e) => e.group === group.id).map((extra) => (
              <ReadoutRow
                key={extra.key}
                readoutKey={extra.key}
                label={extra.label}
                unit={extra.unit}
                digits={extra.digits}
                value={readouts ? readouts[extra.key] : null}
                units={units}
                explained={false}
              />
            ))}
          </dl>
        </section>
      ))}
    </aside>
  )
}

/** The four numbers most people ask first, large; the full list below carries the data hooks. */
const KEY_FIGURES: readonly ReadoutKey[] = ['facilityPeakMw', 'pueAnnual', 'itDesignMw', 'gpuCount']

function KeyFigures({ readouts, units }: { readouts: Readouts | null; units: Units }) {
  return (
    <dl className="kpis" aria-label="Key figures">
      {KEY_FIGURES.map((key) => {
        const spec = READOUT_SPEC_BY_KEY.get(key)
        if (!spec) return null
        const shown = readouts ? formatQuantity(readouts[key], spec.unit, spec.digits, units) : null
        return (
          <div key={key} className="kpi" data-kpi={key}>
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
  explained,
}: {
  readoutKey: ReadoutKey
  label: string
  unit: string
  digits: number
  value: number | null
  units: Units
  explained: boolean
}) {
  const ref = useRef<HTMLElement>(null)
  const previous = useRef<number | null>(value)
  useEffect(() => {
    const was = previous.current
    previous.current = value
    if (was === null || value === null || was === value || !ref.current) return
    if (prefersReducedMotion()) return
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
        {explained ? (
          <button
            type="button"
            className="readout-label link-button"
            title={`How “${label}” is computed`}
            onClick={() => openDrawer('method', readoutKey)}
          >
            {label}
          </button>
        ) : (
          <span className="readout-label">{label}</span>
        )}
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

/** The model's warnings in plain words, each linked to the control that resolves it. */
function WarningsList({ warnings }: { warnings: readonly Warning[] | null }) {
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
              <span className="warning-message">{w.message}</span>
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
