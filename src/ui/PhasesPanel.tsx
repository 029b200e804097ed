import { useId, useMemo, useState } from 'react'
import {
  DEFAULT_ASSUMPTIONS,
  FIELD_BY_PATH,
  formatProblem,
  monthIndex,
  monthText,
  phaseOverrides,
  phasesOf,
  getField,
  type Evaluation,
  type PhaseView,
  type Problem,
  type Scenario,
} from '../model'
import {
  addPhase,
  formatFieldValue,
  formatNumber,
  formatWarning,
  redatePhase,
  removePhase,
  renamePhase,
  selectPhaseIndex,
  setPhaseIndex,
  useCampus,
  usePhaseEvaluations,
  type Units,
} from '../state'
import { phaseWarnings } from '../model/phaseWarnings'
import { ANNOUNCED_KINDS, announcedFor, type AnnouncedFigure } from '../state/announced'
import { SOURCE_COLORS, SOURCE_LABELS } from './charts/colors'
import { focusField } from './fieldDom'

/**
 * The build-out drawer tab: the phases (name, month online, what each sets itself, add and
 * remove), a chart of IT power, facility peak, GPUs and supply capacity by source over time
 * with the announced figures of presets beside them, the warnings that span phases, and the
 * announced figures against the modelled ones with their sources.
 */
export default function PhasesPanel() {
  const scenario = useCampus((s) => s.scenario)
  const index = useCampus(selectPhaseIndex)
  const units = useCampus((s) => s.units)
  const evaluations = usePhaseEvaluations()
  const [problems, setProblems] = useState<readonly Problem[] | null>(null)
  const report = (result: readonly Problem[] | null): void => setProblems(result)

  if (scenario.phases === undefined) {
    return (
      <div className="phases-panel pad" data-phases-panel>
        <p>
          This campus is built all at once. Give it phases to show it growing: each phase comes
          online in a month and sets what changes from then on (buildings, halls, racks, rack type,
          cooling, supply); the rest carries over from the phase before.
        </p>
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => report(addPhase(monthText(thisMonth())))}
        >
          Add a first phase
        </button>
        <ProblemList problems={problems} />
      </div>
    )
  }
  const views = phasesOf(scenario)
  return (
    <div className="phases-panel" data-phases-panel>
      <section className="phases-editor" aria-labelledby="phases-editor-title">
        <div className="drawer-toolbar">
          <h3 id="phases-editor-title" className="phases-title">
            Phases
          </h3>
          <div className="btn-row">
            <button type="button" className="btn" onClick={() => report(addPhase())}>
              Add phase
            </button>
          </div>
        </div>
        <ProblemList problems={problems} />
        <table className="phases-table">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Name</th>
              <th scope="col">Online</th>
              <th scope="col" className="num">
                Buildings
              </th>
              <th scope="col" className="num">
                GPUs
              </th>
              <th scope="col" className="num">
                IT / peak (MW)
              </th>
              <th scope="col">Sets itself</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {views.map((v) => (
              <PhaseRow
                key={`${v.index}-${v.online ?? ''}`}
                view={v}
                shown={v.index === index}
                scenario={scenario}
                evaluation={evaluations?.[v.index] ?? null}
                units={units}
                report={report}
              />
            ))}
          </tbody>
        </table>
      </section>
      {evaluations !== null && (
        <>
          <BuildOutCharts scenario={scenario} views={views} evaluations={evaluations} />
          <PhaseWarnings scenario={scenario} evaluations={evaluations} units={units} />
          <Announced scenario={scenario} views={views} evaluations={evaluations} />
        </>
      )}
    </div>
  )
}

function thisMonth(): number {
  const now = new Date()
  return now.getFullYear() * 12 + now.getMonth()
}

function ProblemList({ problems }: { problems: readonly Problem[] | null }) {
  if (problems === null || problems.length === 0) return null
  return (
    <div className="status status-error" role="alert" data-phase-problems>
      {problems.map((p) => (
        <p key={`${p.path}:${p.message}`}>{formatProblem(p)}</p>
      ))}
    </div>
  )
}

function PhaseRow({
  view,
  shown,
  scenario,
  evaluation,
  units,
  report,
}: {
  view: PhaseView
  shown: boolean
  scenario: Scenario
  evaluation: Evaluation | null
  units: Units
  report: (problems: readonly Problem[] | null) => void
}) {
  const [name, setName] = useState<string | null>(null)
  const id = useId()
  const r = evaluation?.readouts
  const own = phaseOverrides(scenario, view.index)
  const ownText = own
    .map((path) => {
      const field = FIELD_BY_PATH.get(path)
      if (field === undefined || field.kind === 'text') return path
      return `${field.label} ${formatFieldValue(field, getField(view.scenario, path), units)}`
    })
    .join(', ')
  const commitName = (): void => {
    if (name === null) return
    if (name !== view.name) report(renamePhase(view.index, name))
    setName(null)
  }
  return (
    <tr className={shown ? 'phase-row-shown' : undefined} data-phase-row={view.index}>
      <th scope="row">
        <button
          type="button"
          className="btn btn-quiet phase-show"
          aria-pressed={shown}
          aria-label={`Show phase ${view.index + 1}`}
          onClick={() => setPhaseIndex(view.index)}
        >
          {view.index + 1}
        </button>
      </th>
      <td>
        <input
          id={`${id}-name`}
          className="text-input"
          aria-label={`Phase ${view.index + 1} name`}
          maxLength={120}
          value={name ?? view.name}
          onChange={(e) => setName(e.target.value)}
          onBlur={commitName}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commitName()
            if (e.key === 'Escape') setName(null)
          }}
        />
      </td>
      <td>
        <input
          type="month"
          className="text-input phase-month"
          aria-label={`Phase ${view.index + 1} online`}
          value={view.online ?? ''}
          min="1990-01"
          max="2100-12"
          onChange={(e) => {
            if (e.target.value !== '') report(redatePhase(view.index, e.target.value))
          }}
        />
      </td>
      <td className="num">{view.scenario.buildings}</td>
      <td className="num">{r ? formatNumber(r.gpuCount, 0) : '…'}</td>
      <td className="num">
        {r ? `${formatNumber(r.itDesignMw, 0)} / ${formatNumber(r.facilityPeakMw, 0)}` : '…'}
      </td>
      <td className="phase-own small">
        {ownText === '' ? <span className="muted">—</span> : ownText}
      </td>
      <td>
        <button
          type="button"
          className="btn btn-quiet"
          aria-label={`Remove phase ${view.index + 1}`}
          onClick={() => report(removePhase(view.index))}
        >
          Remove
        </button>
      </td>
    </tr>
  )
}

// ---------------------------------------------------------------------------------------------
// Charts over time (SVG: a handful of steps, no charting library needed)

const W = 640
const H = 200
const PAD = { left: 52, right: 12, top: 12, bottom: 26 } as const

/** Supply capacity by source, MW, in stacking order (firm first). */
const CAPACITY: readonly {
  readonly source: 'grid' | 'hydro' | 'gas' | 'battery' | 'wind' | 'solar'
  readonly mw: (s: Scenario) => number
}[] = [
  { source: 'grid', mw: (s) => s.power.gridMw },
  { source: 'hydro', mw: (s) => s.power.hydroMw },
  { source: 'gas', mw: (s) => s.power.gasMw },
  { source: 'battery', mw: (s) => s.power.batteryMwh / DEFAULT_ASSUMPTIONS.batteryHours },
  { source: 'wind', mw: (s) => s.power.windTurbines * s.power.windTurbineMw },
  { source: 'solar', mw: (s) => s.power.solarMw },
]

interface Axis {
  readonly first: number
  readonly end: number
  x(month: number): number
}

function timeAxis(views: readonly PhaseView[]): Axis {
  const months = views.map((v) => (v.online === null ? 0 : monthIndex(v.online)))
  const first = months[0] ?? 0
  const last = months[months.length - 1] ?? first
  const end = last + Math.max(6, Math.round((last - first) / 4))
  return {
    first,
    end,
    x: (m) => PAD.left + ((m - first) / Math.max(1, end - first)) * (W - PAD.left - PAD.right),
  }
}

/** A round step for an axis from 0 to `max` with about 4 ticks. */
function niceStep(max: number): number {
  const raw = max / 4
  const p = 10 ** Math.floor(Math.log10(Math.max(raw, 1e-9)))
  return ([1, 2, 2.5, 5, 10].find((s) => s * p >= raw) ?? 10) * p
}

function yAxis(max: number): { step: number; top: number; y(v: number): number } {
  const step = niceStep(max)
  const top = Math.max(step, Math.ceil(max / step) * step)
  return { step, top, y: (v) => H - PAD.bottom - (v / top) * (H - PAD.top - PAD.bottom) }
}

function Frame({ axis, y, unit }: { axis: Axis; y: ReturnType<typeof yAxis>; unit: string }) {
  const ticks: number[] = []
  for (let v = 0; v <= y.top + 1e-9; v += y.step) ticks.push(v)
  const years: number[] = []
  for (let m = Math.ceil(axis.first / 12) * 12; m <= axis.end; m += 12) years.push(m)
  return (
    <g className="bo-frame">
      {ticks.map((v) => (
        <g key={v}>
          <line x1={PAD.left} x2={W - PAD.right} y1={y.y(v)} y2={y.y(v)} className="bo-grid" />
          <text x={PAD.left - 4} y={y.y(v) + 3} textAnchor="end" className="bo-tick">
            {formatNumber(v, 0)}
          </text>
        </g>
      ))}
      {years.map((m) => (
        <text key={m} x={axis.x(m)} y={H - 8} textAnchor="middle" className="bo-tick">
          {Math.floor(m / 12)}
        </text>
      ))}
      <text x={4} y={PAD.top - 2} className="bo-tick">
        {unit}
      </text>
    </g>
  )
}

/** A step path through the phases' values, each held until the next phase (the last to `end`). */
function stepPath(axis: Axis, months: readonly number[], ys: readonly number[]): string {
  let d = ''
  months.forEach((m, i) => {
    const next = months[i + 1] ?? axis.end
    const y = ys[i] ?? 0
    d += `${i === 0 ? 'M' : 'L'}${axis.x(m).toFixed(1)},${y.toFixed(1)}H${axis.x(next).toFixed(1)}`
  })
  return d
}

function AnnouncedMarks({
  axis,
  y,
  figures,
}: {
  axis: Axis
  y: ReturnType<typeof yAxis>
  figures: readonly AnnouncedFigure[]
}) {
  return (
    <g>
      {figures.map((f) => {
        const cx = axis.x(monthIndex(f.month))
        const cy = y.y(f.value)
        return (
          <g key={`${f.kind}-${f.month}-${f.value}`} data-announced={f.kind} data-value={f.value}>
            <path
              d={`M${cx},${cy - 6}L${cx + 6},${cy}L${cx},${cy + 6}L${cx - 6},${cy}Z`}
              className="bo-announced"
            />
            <title>{`Announced: ${f.said} (${f.source.publisher}, ${f.source.date})${f.dateAssumed ? '; month assumed' : ''}`}</title>
          </g>
        )
      })}
    </g>
  )
}

function BuildOutCharts({
  scenario,
  views,
  evaluations,
}: {
  scenario: Scenario
  views: readonly PhaseView[]
  evaluations: readonly Evaluation[]
}) {
  const axis = timeAxis(views)
  const months = views.map((v) => (v.online === null ? axis.first : monthIndex(v.online)))
  const announced = announcedFor(scenario)
  const mwAnnounced = announced.filter((f) => f.kind === 'facilityMw')
  const gpuAnnounced = announced.filter((f) => f.kind === 'gpus')
  const stacks = views.map((v) => {
    let sum = 0
    return CAPACITY.map((c) => {
      const from = sum
      sum += c.mw(v.scenario)
      return [from, sum] as const
    })
  })
  const maxMw = Math.max(
    1,
    ...stacks.map((s) => s[s.length - 1]?.[1] ?? 0),
    ...evaluations.map((e) => e.readouts.facilityPeakMw),
    ...mwAnnounced.map((f) => f.value),
  )
  const mw = yAxis(maxMw * 1.05)
  const gpus = evaluations.map((e) => e.readouts.gpuCount)
  const g = yAxis(Math.max(1, ...gpus, ...gpuAnnounced.map((f) => f.value)) * 1.05)
  const sources = CAPACITY.filter((_, k) => stacks.some((s) => (s[k]?.[1] ?? 0) > (s[k]?.[0] ?? 0)))
  return (
    <section className="bo-charts" aria-label="Build-out over time">
      <figure className="chart">
        <figcaption>
          Power over time: supply capacity by source, IT design power, facility peak (MW)
        </figcaption>
        <svg viewBox={`0 0 ${W} ${H}`} className="bo-svg" role="img" aria-label="Power over time">
          <Frame axis={axis} y={mw} unit="MW" />
          {CAPACITY.map((c, k) => (
            <g key={c.source} data-series={`supply-${c.source}`}>
              {views.map((v, i) => {
                const [from, to] = stacks[i]?.[k] ?? [0, 0]
                if (to <= from) return null
                const x0 = axis.x(months[i] ?? 0)
                const x1 = axis.x(months[i + 1] ?? axis.end)
                return (
                  <rect
                    key={v.index}
                    x={x0}
                    width={Math.max(0, x1 - x0)}
                    y={mw.y(to)}
                    height={Math.max(0, mw.y(from) - mw.y(to))}
                    fill={SOURCE_COLORS[c.source]}
                    opacity={0.35}
                  />
                )
              })}
            </g>
          ))}
          <path
            d={stepPath(
              axis,
              months,
              evaluations.map((e) => mw.y(e.readouts.itDesignMw)),
            )}
            className="bo-line bo-it"
            data-series="itDesignMw"
          />
          <path
            d={stepPath(
              axis,
              months,
              evaluations.map((e) => mw.y(e.readouts.facilityPeakMw)),
            )}
            className="bo-line bo-peak"
            data-series="facilityPeakMw"
          />
          <AnnouncedMarks axis={axis} y={mw} figures={mwAnnounced} />
        </svg>
        <p className="bo-legend small">
          <span className="bo-key bo-key-it" /> IT design power
          <span className="bo-key bo-key-peak" /> Facility peak
          {sources.map((c) => (
            <span key={c.source} className="bo-legend-item">
              <span
                className="bo-key"
                style={{ background: SOURCE_COLORS[c.source], opacity: 0.5 }}
              />{' '}
              {SOURCE_LABELS[c.source]}
            </span>
          ))}
          {mwAnnounced.length > 0 && (
            <span className="bo-legend-item">
              <span className="bo-key bo-key-announced" /> Announced
            </span>
          )}
        </p>
      </figure>
      <figure className="chart">
        <figcaption>GPUs over time</figcaption>
        <svg viewBox={`0 0 ${W} ${H}`} className="bo-svg" role="img" aria-label="GPUs over time">
          <Frame axis={axis} y={g} unit="GPUs" />
          <path
            d={stepPath(
              axis,
              months,
              gpus.map((n) => g.y(n)),
            )}
            className="bo-line bo-gpus"
            data-series="gpuCount"
          />
          <AnnouncedMarks axis={axis} y={g} figures={gpuAnnounced} />
        </svg>
      </figure>
    </section>
  )
}

// ---------------------------------------------------------------------------------------------
// Warnings across phases, and the announced figures

function PhaseWarnings({
  scenario,
  evaluations,
  units,
}: {
  scenario: Scenario
  evaluations: readonly Evaluation[]
  units: Units
}) {
  const climate = useCampus((s) => s.climates[s.scenario.site])
  const warnings = useMemo(
    () =>
      climate === undefined
        ? []
        : phaseWarnings(
            scenario,
            climate,
            evaluations.map((e) => e.readouts),
          ),
    [scenario, climate, evaluations],
  )
  const views = phasesOf(scenario)
  return (
    <section className="bo-warnings" aria-labelledby="bo-warnings-title">
      <h3 id="bo-warnings-title" className="phases-title">
        Across phases
      </h3>
      {warnings.length === 0 ? (
        <p className="muted small" data-phase-warnings="none">
          No phase falls short of supply, and no warning holds in any phase.
        </p>
      ) : (
        <ul className="warnings-list">
          {warnings.map((w) => {
            const view = views[w.from]
            return (
              <li
                key={`${w.code}-${w.from}`}
                className={`warning warning-${w.severity}`}
                data-phase-warning={w.code}
                data-from={w.from}
              >
                <button
                  type="button"
                  className="btn btn-quiet"
                  onClick={() => {
                    setPhaseIndex(w.from)
                    focusField(w.field)
                  }}
                >
                  From phase {w.from + 1}
                </button>{' '}
                <span className="muted">
                  {view?.name} ({view?.online})
                </span>
                : {formatWarning(w, units)}
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}

/** The phase in force at a month: the last one online by then (the first before it). */
function phaseAt(views: readonly PhaseView[], month: number): PhaseView | undefined {
  let found = views[0]
  for (const v of views) if (v.online !== null && monthIndex(v.online) <= month) found = v
  return found
}

function Announced({
  scenario,
  views,
  evaluations,
}: {
  scenario: Scenario
  views: readonly PhaseView[]
  evaluations: readonly Evaluation[]
}) {
  const figures = announcedFor(scenario)
  if (figures.length === 0) return null
  const modelled = (f: AnnouncedFigure): number | null => {
    const view = phaseAt(views, monthIndex(f.month))
    if (view === undefined) return null
    const readout = ANNOUNCED_KINDS[f.kind].readout
    if (readout !== null) return evaluations[view.index]?.readouts[readout] ?? null
    return f.kind === 'buildings' ? view.scenario.buildings : view.scenario.power.gasMw
  }
  return (
    <section className="bo-announced-table" aria-labelledby="bo-announced-title">
      <h3 id="bo-announced-title" className="phases-title">
        Announced and modelled
      </h3>
      <table className="compare-table">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Figure</th>
            <th scope="col" className="num">
              Announced
            </th>
            <th scope="col" className="num">
              Modelled
            </th>
            <th scope="col">Source</th>
          </tr>
        </thead>
        <tbody>
          {figures.map((f) => {
            const kind = ANNOUNCED_KINDS[f.kind]
            const m = modelled(f)
            const unit = kind.unit === 'count' ? '' : ` ${kind.unit}`
            return (
              <tr key={`${f.kind}-${f.month}-${f.value}`} data-announced-row={f.kind}>
                <td>
                  {f.month}
                  {f.dateAssumed && <span className="muted"> (assumed)</span>}
                </td>
                <th scope="row">
                  {kind.label}
                  <span className="muted small"> — “{f.said}”</span>
                </th>
                <td className="num">
                  {formatNumber(f.value, 0)}
                  {unit}
                </td>
                <td className="num" data-modelled={m ?? ''}>
                  {m === null ? '–' : `${formatNumber(m, 0)}${unit}`}
                </td>
                <td className="small">
                  <a href={f.source.url} target="_blank" rel="noreferrer">
                    {f.source.publisher}
                  </a>
                  , {f.source.date}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      <p className="muted small">
        Power capacity is compared with the modelled facility peak. Sources and the presets’
        assumptions: docs/PHASES.md.
      </p>
    </section>
  )
}
