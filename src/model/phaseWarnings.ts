/**
 * Warnings across a scenario's phases ("supply short from phase 3 unless the grid connection
 * grows to … MW"): kept apart from phases.ts and out of the model's index so the planner loads
 * them with its build-out panel, not at start-up. Pure (docs/PHASES.md).
 */
import type { Climate } from './climate'
import type { Assumptions } from './constants'
import { supplyShort } from './phases'
import { FIELD_BY_PATH, phasesOf, type PhaseView, type Scenario } from './scenario'
import { simulate, type Readouts } from './simulate'
import type { Severity, WarningValue } from './warnings'

// ---------------------------------------------------------------------------------------------
// Warnings across phases

/** A warning that holds over a run of phases, listed with the phase it starts in. */
export interface PhaseWarning {
  readonly code: string
  readonly severity: Severity
  /** The control that resolves it (a field path). */
  readonly field: string
  /** First and last phase of the run (0-based, inclusive). */
  readonly from: number
  readonly to: number
  /** The whole text in SI, phases named: for the command line and plain text. */
  readonly message: string
  /**
   * What holds over the run, without the phases' names (names are the user's text, kept out of
   * templates): `{0}`… for its quantities in `values`, as in `Warning`.
   */
  readonly template: string
  readonly values: readonly WarningValue[]
}

/** Largest grid connection the schema allows, MW (the search's upper bound). */
const GRID_MAX_MW = (() => {
  const f = FIELD_BY_PATH.get('power.gridMw')
  return f?.kind === 'number' ? f.max : 20000
})()
/** The grid connection needed is reported to this resolution, MW. */
const GRID_STEP_MW = 10

/**
 * The smallest grid connection (a multiple of 10 MW) at which a phase's campus has no supply
 * shortfall, by bisection over the model itself; null when even the largest allowed grid
 * connection is not enough (another limit binds).
 */
export function gridNeededMw(
  scenario: Scenario,
  climate: Climate,
  assumptions?: Assumptions,
): number | null {
  const shortAt = (gridMw: number): boolean =>
    supplyShort(
      simulate({ ...scenario, power: { ...scenario.power, gridMw } }, climate, assumptions)
        .readouts,
    )
  let lo = Math.floor(scenario.power.gridMw / GRID_STEP_MW) * GRID_STEP_MW
  if (!shortAt(lo)) return lo
  let hi = GRID_MAX_MW
  if (shortAt(hi)) return null
  // Invariant: short at lo, enough at hi.
  while (hi - lo > GRID_STEP_MW) {
    const mid = Math.round((lo + hi) / 2 / GRID_STEP_MW) * GRID_STEP_MW
    if (mid <= lo || mid >= hi) break
    if (shortAt(mid)) lo = mid
    else hi = mid
  }
  return hi
}

const mwValue = (value: number): WarningValue => ({ value, unit: 'MW', digits: 0 })
const mwText = (value: number): string => `${value.toLocaleString('en-US')} MW`

/** `phase 3 (Six buildings, 2026-06)`: how warnings name a phase. */
export function phaseLabel(view: Pick<PhaseView, 'index' | 'name' | 'online'>): string {
  return `phase ${view.index + 1} (${view.name}${view.online === null ? '' : `, ${view.online}`})`
}

/** `phases 3–5` or `phase 3 only`. */
function spanText(from: number, to: number): string {
  return to > from ? `phases ${from + 1}–${to + 1}` : `phase ${from + 1} only`
}

/**
 * Warnings across a scenario's phases: each run of phases whose supply falls short, with the
 * grid connection that would close it from the phase it starts in (`gridNeededMw`); then each
 * critical warning or warning of the model that holds over a run of phases, with the phase it
 * starts in. `readouts` are the phases' own, in order (`evaluatePhases`). Info notes are left
 * to each phase's own list. Without phases, none.
 */
export function phaseWarnings(
  scenario: Scenario,
  climate: Climate,
  readouts: readonly Readouts[],
  assumptions?: Assumptions,
): PhaseWarning[] {
  const views = phasesOf(scenario)
  if (scenario.phases === undefined || views.length !== readouts.length) return []
  const out: PhaseWarning[] = []
  const runs = (has: (r: Readouts) => boolean): [number, number][] => {
    const found: [number, number][] = []
    readouts.forEach((r, i) => {
      if (!has(r)) return
      const last = found[found.length - 1]
      if (last !== undefined && last[1] === i - 1) last[1] = i
      else found.push([i, i])
    })
    return found
  }
  for (const [from, to] of runs(supplyShort)) {
    const view = views[from]
    if (view === undefined) continue
    const span = spanText(from, to)
    const head = `Supply short from ${phaseLabel(view)}, ${span}`
    const grid = view.scenario.power.gridMw
    const needed = gridNeededMw(view.scenario, climate, assumptions)
    if (needed === null) {
      const body = 'no grid connection the planner allows closes it; add firm supply.'
      out.push({
        code: 'PHASE_SUPPLY_SHORT',
        severity: 'critical',
        field: 'power.gridMw',
        from,
        to,
        message: `${head}: ${body}`,
        template: `Supply short (${span}): ${body}`,
        values: [],
      })
      continue
    }
    // The largest need over the run, when a later phase needs more than the first.
    let most = needed
    let mostAt = from
    for (let i = from + 1; i <= to; i++) {
      const later = views[i]
      const n = later ? gridNeededMw(later.scenario, climate, assumptions) : null
      if (n !== null && n > most) {
        most = n
        mostAt = i
      }
    }
    const later = mostAt === from ? '' : `, and to ${mwText(most)} by phase ${mostAt + 1}`
    const laterTemplate = mostAt === from ? '' : `, and to {2} by phase ${mostAt + 1}`
    out.push({
      code: 'PHASE_SUPPLY_SHORT',
      severity: 'critical',
      field: 'power.gridMw',
      from,
      to,
      message: `${head} unless the grid connection grows to ${mwText(needed)} (it is ${mwText(grid)})${later}.`,
      template: `Supply short (${span}) unless the grid connection grows to {0} (it is {1})${laterTemplate}.`,
      values:
        mostAt === from
          ? [mwValue(needed), mwValue(grid)]
          : [mwValue(needed), mwValue(grid), mwValue(most)],
    })
  }
  const codes = new Set<string>()
  for (const r of readouts)
    for (const w of r.warnings)
      if (w.severity !== 'info' && !(w.severity === 'critical' && w.field.startsWith('power.')))
        codes.add(w.code)
  for (const code of codes) {
    for (const [from, to] of runs((r) => r.warnings.some((w) => w.code === code))) {
      const first = readouts[from]?.warnings.find((w) => w.code === code)
      const view = views[from]
      if (first === undefined || view === undefined) continue
      const span = spanText(from, to)
      out.push({
        code: first.code,
        severity: first.severity,
        field: first.field,
        from,
        to,
        message: `From ${phaseLabel(view)}, ${span}: ${first.message}`,
        template: `(${span}) ${first.template}`,
        values: first.values,
      })
    }
  }
  const order: Record<Severity, number> = { critical: 0, warning: 1, info: 2 }
  return out.sort((a, b) => order[a.severity] - order[b.severity] || a.from - b.from)
}
