import { FIELDS, READOUT_GROUPS, READOUT_SPECS, getField, scenarioAtPhase } from '../model'
import {
  clearCompare,
  pinCompare,
  selectShownScenario,
  swapCompare,
  useCampus,
  useCompareEvaluation,
  useEvaluation,
} from '../state'
import { formatChange, formatFieldValue, formatQuantity, joinUnit } from '../state'

/** A/B: scenario A pinned, the current scenario is B; readouts side by side with differences. */
export default function ComparePanel() {
  // With phases, A and B are compared at the phase shown (A's clamped to its own phases).
  const pinned = useCampus((s) => s.compareA)
  const phaseIndex = useCampus((s) => s.phaseIndex)
  const a = pinned === null ? null : scenarioAtPhase(pinned, phaseIndex)
  const b = useCampus(selectShownScenario)
  const units = useCampus((s) => s.units)
  const evalA = useCompareEvaluation()
  const evalB = useEvaluation()

  if (a === null) {
    return (
      <div className="compare-empty">
        <p>
          Pin the current scenario as <strong>A</strong>, then keep editing: the table compares A
          with what you change (<strong>B</strong>).
        </p>
        <button type="button" className="btn btn-primary" onClick={() => pinCompare()}>
          Pin current as A
        </button>
      </div>
    )
  }

  const changed = FIELDS.filter(
    (f) => f.path !== 'name' && getField(a, f.path) !== getField(b, f.path),
  )
  return (
    <div className="compare">
      <div className="drawer-toolbar">
        <p className="small">
          <strong>A</strong> {a.name} · <strong>B</strong> (current) {b.name}
        </p>
        <div className="btn-row">
          <button type="button" className="btn" onClick={() => pinCompare()}>
            Pin current as A
          </button>
          <button type="button" className="btn" onClick={swapCompare}>
            Swap A and B
          </button>
          <button type="button" className="btn btn-quiet" onClick={clearCompare}>
            Clear A
          </button>
        </div>
      </div>
      <p className="small" data-compare="changed-inputs">
        <span className="muted">Inputs that differ: </span>
        {changed.length === 0
          ? 'none'
          : changed
              .map(
                (f) =>
                  `${f.label} ${formatFieldValue(f, getField(a, f.path), units)} → ${formatFieldValue(f, getField(b, f.path), units)}`,
              )
              .join(' · ')}
      </p>
      <table className="compare-table">
        <caption className="visually-hidden">Readouts of scenario A and B</caption>
        <thead>
          <tr>
            <th scope="col">Readout</th>
            <th scope="col" className="num">
              A
            </th>
            <th scope="col" className="num">
              B (current)
            </th>
            <th scope="col" className="num">
              B − A
            </th>
          </tr>
        </thead>
        {READOUT_GROUPS.map((group) => (
          <tbody key={group.id}>
            <tr className="compare-group">
              <th scope="colgroup" colSpan={4}>
                {group.label}
              </th>
            </tr>
            {READOUT_SPECS.filter((s) => s.group === group.id).map((spec) => {
              const va = evalA?.readouts[spec.key]
              const vb = evalB?.readouts[spec.key]
              const show = (v: number | undefined): string =>
                v === undefined ? '…' : joinUnit(formatQuantity(v, spec.unit, spec.digits, units))
              const diff =
                va === undefined || vb === undefined
                  ? ''
                  : va === vb
                    ? ''
                    : `${vb > va ? '+' : '−'}${joinUnit(formatQuantity(Math.abs(vb - va), spec.unit === '°C' ? 'K' : spec.unit, spec.digits, units))}`
              const pct = va === undefined || vb === undefined ? '' : formatChange(va, vb)
              const moved = diff !== '' && show(va) !== show(vb)
              return (
                <tr
                  key={spec.key}
                  className={moved ? 'compare-moved' : undefined}
                  data-compare={spec.key}
                >
                  <th scope="row">{spec.label}</th>
                  <td className="num" data-side="a" data-value={va ?? ''}>
                    {show(va)}
                  </td>
                  <td className="num" data-side="b" data-value={vb ?? ''}>
                    {show(vb)}
                  </td>
                  <td className="num diff">
                    {moved ? (
                      <>
                        {diff} {pct && <span className="muted">({pct})</span>}
                      </>
                    ) : (
                      <span className="muted">same</span>
                    )}
                  </td>
                </tr>
              )
            })}
          </tbody>
        ))}
      </table>
    </div>
  )
}
