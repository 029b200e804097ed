import { useId, useState } from 'react'
import {
  FIELDS,
  FIELD_GROUPS,
  SITES,
  getField,
  phaseValue,
  type EnumField,
  type Field,
  type NumberField,
  type TextField,
} from '../model'
import {
  clearPhaseOverride,
  commitEdit,
  holdEditForKeys,
  selectPhaseIndex,
  selectShownScenario,
  setField,
  useCampus,
  type CampusState,
} from '../state'
import { fieldDomId, holdWhileDragging } from './fieldDom'
import {
  checkTypedField,
  fieldDisplay,
  formatQuantity,
  formatTemperatureDelta,
  joinUnit,
  snapToStep,
  stepDecimals,
} from '../state'
import { SiteSummary } from './SiteSummary'
import { SizingHelpers } from './SizingHelpers'

/** Every control, generated from the model's one parameter schema (FIELDS), in its groups. */
export function ControlsPanel() {
  return (
    <aside className="panel controls" aria-labelledby="controls-heading">
      <h2 id="controls-heading" className="visually-hidden">
        Scenario controls
      </h2>
      <PhaseNote />
      {FIELD_GROUPS.map((group) => (
        <section key={group.id} className="group" aria-labelledby={`group-${group.id}`}>
          <h3 id={`group-${group.id}`} className="group-title">
            {group.label}
          </h3>
          {FIELDS.filter((f) => f.group === group.id).map((field) => (
            <FieldControl key={field.path} field={field} />
          ))}
          {group.id === 'site' && <SiteSummary />}
          {group.id === 'campus' && <SizingHelpers />}
        </section>
      ))}
    </aside>
  )
}

/** With phases: which phase the controls edit, and what applies to every phase. */
function PhaseNote() {
  const index = useCampus((s) => (s.scenario.phases === undefined ? -1 : selectPhaseIndex(s)))
  const count = useCampus((s) => s.scenario.phases?.length ?? 0)
  if (index < 0) return null
  return (
    <p className="phase-note" data-phase-note>
      Editing <strong>phase {index + 1}</strong> of {count}. Campus, compute, cooling and power
      edits are this phase’s own (marked <span className="phase-badge">phase {index + 1}</span>) and
      carry over to later phases; site and heat reuse apply to all.
    </p>
  )
}

type PhaseField = Extract<Field, { readonly phase: true }>
const isPhaseField = (field: Field): field is PhaseField => field.phase

/** The phase shown overrides the field itself (not carried over from the phase before). */
function selectOverridden(state: CampusState, field: Field): boolean {
  const phase = state.scenario.phases?.[selectPhaseIndex(state)]
  return isPhaseField(field) && phase !== undefined && phaseValue(phase, field.path) !== undefined
}

/** A mark on a field the phase shown sets itself; pressing it clears that (carry over again). */
function PhaseBadge({ field }: { field: Field }) {
  const overridden = useCampus((s) => selectOverridden(s, field))
  const index = useCampus(selectPhaseIndex)
  if (!overridden || !isPhaseField(field)) return null
  const from = index === 0 ? 'the campus’s own value' : `phase ${index}`
  return (
    <button
      type="button"
      className="phase-badge phase-badge-clear"
      data-phase-override={field.path}
      title={`Set in phase ${index + 1}. Clear it to carry over ${from}.`}
      aria-label={`${field.label} is set in phase ${index + 1}: clear it to carry over ${from}`}
      onClick={() => clearPhaseOverride(field.path)}
    >
      phase {index + 1} <span aria-hidden="true">×</span>
    </button>
  )
}

/** Keys a range input steps with: a run of them is one undo step (`holdEditForKeys`). */
const SLIDER_KEYS: ReadonlySet<string> = new Set([
  'ArrowLeft',
  'ArrowRight',
  'ArrowUp',
  'ArrowDown',
  'PageUp',
  'PageDown',
  'Home',
  'End',
])

function FieldControl({ field }: { field: Field }) {
  switch (field.kind) {
    case 'number':
      return <NumberControl field={field} />
    case 'enum':
      return <EnumControl field={field} />
    case 'text':
      return <TextControl field={field} />
  }
}

function Help({ id, text }: { id: string; text: string }) {
  return (
    <p id={id} className="field-help">
      {text}
    </p>
  )
}

/** Steps per key press in a number box (ARIA spinbutton): arrows one, Shift or Page ten. */
function keySteps(key: string, shift: boolean): number {
  const big = shift ? 10 : 1
  if (key === 'ArrowUp') return big
  if (key === 'ArrowDown') return -big
  if (key === 'PageUp') return 10
  if (key === 'PageDown') return -10
  return 0
}

function NumberControl({ field }: { field: NumberField }) {
  const value = useCampus((s) => getField(selectShownScenario(s), field.path))
  const units = useCampus((s) => s.units)
  const [draft, setDraft] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [note, setNote] = useState<string | null>(null)
  const uid = useId()
  const helpId = `${uid}-help`
  const errorId = `${uid}-error`
  const display = fieldDisplay(field, units)
  const shownValue = draft ?? display.toShown(value).toFixed(display.decimals)
  const valueText = joinUnit(unitShown(field, value, units))

  const apply = (text: string, onBlur: boolean): void => {
    const checked = checkTypedField(text, field, units)
    if (checked.ok) {
      setError(null)
      setDraft(null)
      setNote(checked.note ?? null)
      commitEdit()
      setField(field.path, checked.value)
      commitEdit()
    } else {
      setNote(null)
      setError(onBlur ? `“${text.trim()}” was not applied. ${checked.reason}` : checked.reason)
      if (onBlur) setDraft(null)
    }
  }

  /** Arrow and Page keys step the value; a held key is one undo step (setField coalesces). */
  const step = (steps: number, text: string): void => {
    const typed = draft === null ? null : checkTypedField(text, field, units)
    const from = typed?.ok ? typed.value : value
    const next = Math.min(
      field.max,
      Math.max(field.min, snapToStep(from + steps * field.step, field.min, field.step)),
    )
    setDraft(null)
    setError(null)
    setNote(null)
    setField(field.path, next)
  }

  return (
    <div className="field">
      <div className="field-head">
        <label htmlFor={fieldDomId(field.path)} className="field-label">
          {field.label}
        </label>
        <PhaseBadge field={field} />
        <span className="field-value">
          <input
            className="number-input"
            type="text"
            role="spinbutton"
            inputMode="decimal"
            autoComplete="off"
            spellCheck={false}
            aria-label={`${field.label} value`}
            aria-valuenow={Number(display.toShown(value).toFixed(display.decimals))}
            aria-valuemin={Number(display.toShown(field.min).toFixed(display.decimals))}
            aria-valuemax={Number(display.toShown(field.max).toFixed(display.decimals))}
            aria-valuetext={valueText}
            aria-invalid={error !== null}
            aria-describedby={error !== null ? errorId : helpId}
            value={shownValue}
            onChange={(e) => {
              setDraft(e.target.value)
              setError(null)
              setNote(null)
            }}
            onKeyDown={(e) => {
              const steps = keySteps(e.key, e.shiftKey)
              if (steps !== 0 && !e.altKey && !e.ctrlKey && !e.metaKey) {
                e.preventDefault()
                step(steps, e.currentTarget.value)
                return
              }
              if (e.key === 'Enter') apply(e.currentTarget.value, false)
              if (e.key === 'Escape') {
                setDraft(null)
                setError(null)
              }
            }}
            onKeyUp={(e) => {
              if (keySteps(e.key, e.shiftKey) !== 0) commitEdit()
            }}
            onBlur={(e) => {
              if (draft !== null) apply(e.currentTarget.value, true)
              else commitEdit()
            }}
          />
          <span className="field-unit" aria-hidden={display.unit === '' ? true : undefined}>
            {display.unit}
          </span>
        </span>
      </div>
      <input
        id={fieldDomId(field.path)}
        className="slider"
        type="range"
        min={field.min}
        max={field.max}
        step={field.step}
        value={value}
        aria-describedby={helpId}
        aria-valuetext={valueText}
        onChange={(e) => {
          setError(null)
          setNote(null)
          setDraft(null)
          setField(field.path, snapToStep(Number(e.target.value), field.min, field.step))
        }}
        onKeyDown={(e) => {
          if (SLIDER_KEYS.has(e.key)) holdEditForKeys()
        }}
        onPointerDown={holdWhileDragging}
        onPointerUp={commitEdit}
        onBlur={commitEdit}
      />
      {error !== null && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
      {note !== null && (
        <p className="field-note" role="status">
          {note}
        </p>
      )}
      <Help id={helpId} text={field.help} />
    </div>
  )
}

/** The value as text in the user's units (temperatures converted; deltas as deltas). */
function unitShown(field: NumberField, value: number, units: 'si' | 'imperial') {
  if (field.path === 'climateOffsetC') return formatTemperatureDelta(value, units)
  return formatQuantity(value, field.unit, stepDecimals(field.step), units)
}

function EnumControl({ field }: { field: EnumField }) {
  const value = useCampus((s) => getField(selectShownScenario(s), field.path))
  const uid = useId()
  const helpId = `${uid}-help`
  return (
    <div className="field">
      <div className="field-head">
        <label htmlFor={fieldDomId(field.path)} className="field-label">
          {field.label}
        </label>
        <PhaseBadge field={field} />
      </div>
      <select
        id={fieldDomId(field.path)}
        className="select select-block"
        value={value}
        aria-describedby={helpId}
        onChange={(e) => {
          const option = field.options.find((o) => o.value === e.target.value)
          if (option === undefined) return
          commitEdit()
          setField(field.path, option.value)
          commitEdit()
        }}
      >
        {field.options.map((o) => (
          <option key={o.value} value={o.value}>
            {optionLabel(field, o.value, o.label)}
          </option>
        ))}
      </select>
      <Help id={helpId} text={field.help} />
    </div>
  )
}

function optionLabel(field: EnumField, value: string, label: string): string {
  if (field.path !== 'site') return label
  const site = SITES[value as keyof typeof SITES]
  return site ? `${label} (${site.climateQuality})` : label
}

function TextControl({ field }: { field: TextField }) {
  const value = useCampus((s) => getField(s.scenario, field.path))
  const uid = useId()
  const helpId = `${uid}-help`
  return (
    <div className="field">
      <label htmlFor={fieldDomId(field.path)} className="field-label">
        {field.label}
      </label>
      <input
        id={fieldDomId(field.path)}
        className="text-input"
        type="text"
        maxLength={field.maxLength}
        value={value}
        aria-describedby={helpId}
        onChange={(e) => setField(field.path, e.target.value.slice(0, field.maxLength))}
        onBlur={commitEdit}
      />
      <Help id={helpId} text={field.help} />
    </div>
  )
}
