import { useId, useState, type FormEvent } from 'react'
import {
  commitEdit,
  firmSupplyMw,
  fitRacksToPower,
  racksForGpus,
  selectShownScenario,
  setField,
  useCampus,
  useEvaluation,
} from '../state'
import { formatNumber } from '../state'

/**
 * Sets racks per hall as one undo step: in the phase shown when the scenario has phases (the
 * helpers size the campus the user sees), else in the scenario.
 */
function applyRacksPerHall(racksPerHall: number): void {
  commitEdit()
  setField('racksPerHall', racksPerHall)
  commitEdit()
}

/** Inverse helpers: size the racks to a power budget, or to a GPU count (of the phase shown). */
export function SizingHelpers() {
  return (
    <div className="helpers">
      <h4 className="helpers-title">Sizing helpers</h4>
      <PowerBudgetHelper />
      <GpuHelper />
    </div>
  )
}

function parsePositive(text: string): number | null {
  const value = Number(text.trim().replace(/,/g, ''))
  return text.trim() !== '' && Number.isFinite(value) && value > 0 ? value : null
}

function PowerBudgetHelper() {
  const firm = useCampus((s) => firmSupplyMw(selectShownScenario(s)))
  const [text, setText] = useState('')
  const [result, setResult] = useState<string | null>(null)
  const evaluation = useEvaluation()
  const id = useId()
  const placeholder =
    firm > 0 ? String(firm) : evaluation ? evaluation.readouts.facilityPeakMw.toFixed(0) : ''
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    const state = useCampus.getState()
    const scenario = selectShownScenario(state)
    const climate = state.climates[scenario.site]
    const budget = parsePositive(text === '' ? placeholder : text)
    if (budget === null) {
      setResult('Enter a power budget in MW, greater than 0.')
      return
    }
    if (!climate) {
      setResult('The site’s climate is still loading; try again in a moment.')
      return
    }
    const fit = fitRacksToPower(scenario, climate, budget)
    applyRacksPerHall(fit.racksPerHall)
    const peak = `${formatNumber(fit.facilityPeakMw, 1)} MW`
    setResult(
      fit.bound === 'fits'
        ? `Racks per hall set to ${fit.racksPerHall}: facility peak ${peak} within ${formatNumber(budget, 0)} MW.`
        : fit.bound === 'max'
          ? `Even ${fit.racksPerHall} racks per hall peak at only ${peak}: add halls or buildings to use the budget.`
          : `Even 1 rack per hall peaks at ${peak}, over the budget: reduce halls or buildings.`,
    )
  }
  return (
    <form className="helper" onSubmit={submit}>
      <label htmlFor={id} className="helper-label">
        Fit racks to a power budget (MW)
      </label>
      <div className="helper-row">
        <input
          id={id}
          className="text-input"
          inputMode="decimal"
          placeholder={placeholder}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" className="btn">
          Fit racks
        </button>
      </div>
      {result && (
        <p className="helper-result" role="status">
          {result}
        </p>
      )}
    </form>
  )
}

function GpuHelper() {
  const [text, setText] = useState('')
  const [result, setResult] = useState<string | null>(null)
  const id = useId()
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    const gpus = parsePositive(text === '' ? '100000' : text)
    if (gpus === null) {
      setResult('Enter a number of GPUs greater than 0.')
      return
    }
    const fit = racksForGpus(selectShownScenario(useCampus.getState()), gpus)
    applyRacksPerHall(fit.racksPerHall)
    setResult(
      fit.bound === 'max'
        ? `Capped at ${fit.racksPerHall} racks per hall (${formatNumber(fit.gpuCount, 0)} GPUs): add halls or buildings for more.`
        : `Racks per hall set to ${fit.racksPerHall}: ${formatNumber(fit.gpuCount, 0)} GPUs.`,
    )
  }
  return (
    <form className="helper" onSubmit={submit}>
      <label htmlFor={id} className="helper-label">
        GPUs → racks (target GPU count)
      </label>
      <div className="helper-row">
        <input
          id={id}
          className="text-input"
          inputMode="numeric"
          placeholder="100000"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" className="btn">
          Set racks
        </button>
      </div>
      {result && (
        <p className="helper-result" role="status">
          {result}
        </p>
      )}
    </form>
  )
}
