import { useEffect, useMemo, useState } from 'react'
import {
  CONSTANTS,
  FIELD_BY_PATH,
  READOUT_GROUPS,
  READOUT_SPECS,
  getField,
  type ReadoutSpec,
  type Scenario,
} from '../model'
import { useCampus, useEvaluation, type Units } from '../state'
import { formatConstant, formatFieldValue, formatQuantity, joinUnit, localiseText } from '../state'

/**
 * How every readout is computed: formula, the inputs it uses (with their current values), the
 * model constants (value, source, confidence) and the source, all read from the model's own
 * metadata (READOUT_SPECS, CONSTANTS, FIELDS), so the explanation cannot drift from the code.
 */
export default function MethodologyPanel() {
  const focusKey = useCampus((s) => s.methodKey)
  const scenario = useCampus((s) => s.scenario)
  const units = useCampus((s) => s.units)
  const evaluation = useEvaluation()
  const [filter, setFilter] = useState('')
  const specs = useMemo(() => {
    const q = filter.trim().toLowerCase()
    if (q === '') return READOUT_SPECS
    return READOUT_SPECS.filter((s) =>
      `${s.label} ${s.formula} ${s.source} ${s.key}`.toLowerCase().includes(q),
    )
  }, [filter])

  useEffect(() => {
    if (focusKey === null) return
    const element = document.getElementById(`method-${focusKey}`)
    element?.scrollIntoView({ block: 'start' })
  }, [focusKey])

  return (
    <div className="method">
      <div className="drawer-toolbar">
        <p className="muted small">
          Every number comes from an hourly simulation of the site’s typical year. Formulas, inputs
          and sources below are read from the model itself.
        </p>
        <label className="inline-field">
          <span>Find</span>
          <input
            className="text-input"
            type="search"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
          />
        </label>
      </div>
      {READOUT_GROUPS.map((group) => {
        const inGroup = specs.filter((s) => s.group === group.id)
        if (inGroup.length === 0) return null
        return (
          <section key={group.id} aria-labelledby={`method-group-${group.id}`}>
            <h3 id={`method-group-${group.id}`} className="group-title">
              {group.label}
            </h3>
            <div className="method-grid">
              {inGroup.map((spec) => (
                <MethodEntry
                  key={spec.key}
                  spec={spec}
                  scenario={scenario}
                  units={units}
                  value={evaluation ? evaluation.readouts[spec.key] : null}
                  focused={spec.key === focusKey}
                />
              ))}
            </div>
          </section>
        )
      })}
      {specs.length === 0 && <p className="muted">No readout matches “{filter}”.</p>}
    </div>
  )
}

function MethodEntry({
  spec,
  scenario,
  units,
  value,
  focused,
}: {
  spec: ReadoutSpec
  scenario: Scenario
  units: Units
  value: number | null
  focused: boolean
}) {
  return (
    <article
      id={`method-${spec.key}`}
      className={`method-entry ${focused ? 'method-focused' : ''}`}
      aria-labelledby={`method-title-${spec.key}`}
    >
      <header className="method-head">
        <h4 id={`method-title-${spec.key}`}>{spec.label}</h4>
        <span className="method-value">
          {value === null ? '…' : joinUnit(formatQuantity(value, spec.unit, spec.digits, units))}
        </span>
      </header>
      {spec.plain !== undefined && <p className="method-plain">{spec.plain}</p>}
      <p className="method-formula">
        <code>{spec.formula}</code>
      </p>
      {spec.inputs.length > 0 && (
        <p className="small">
          <span className="muted">Inputs: </span>
          {spec.inputs
            .map((path) => {
              const field = FIELD_BY_PATH.get(path)
              return field
                ? `${field.label} = ${formatFieldValue(field, getField(scenario, field.path), units)}`
                : path
            })
            .join(' · ')}
        </p>
      )}
      {spec.constants.length > 0 && (
        <details className="small">
          <summary>
            {spec.constants.length} model constant{spec.constants.length === 1 ? '' : 's'}
          </summary>
          <ul className="constant-list">
            {spec.constants.map((key) => {
              const c = CONSTANTS[key]
              return (
                <li key={key}>
                  <span>
                    {c.label}: <strong>{formatConstant(c.value, c.unit, units)}</strong>
                  </span>{' '}
                  <span className="muted">
                    ({localiseText(c.source, units)}; confidence {c.confidence})
                  </span>
                </li>
              )
            })}
          </ul>
        </details>
      )}
      <p className="small muted">Source: {localiseText(spec.source, units)}</p>
    </article>
  )
}
