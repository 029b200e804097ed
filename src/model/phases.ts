/**
 * Build-out over time, beyond the contract in scenario.ts: months as numbers, editing a
 * scenario's phases (overrides, add, remove, rename, re-date) through the same reader that
 * reads files and links, and warnings that span phases ("supply short from phase 3 unless the
 * grid connection grows to … MW"). Pure, like the rest of the model (docs/PHASES.md).
 */
import type { Climate } from './climate'
import type { Assumptions } from './constants'
import {
  FIELD_BY_PATH,
  MAX_PHASES,
  PHASE_FIELDS,
  PHASE_YEARS,
  checkValue,
  fitValue,
  phaseValue,
  phasesOf,
  readPhaseList,
  withPhases,
  type FieldValue,
  type Phase,
  type PhaseFieldPath,
  type PhaseView,
  type Problem,
  type Scenario,
  type SetFieldResult,
} from './scenario'
import { simulate, type Readouts } from './simulate'
import type { Severity, WarningValue } from './warnings'

// ---------------------------------------------------------------------------------------------
// Months

/** A month `YYYY-MM` as a whole number of months (year × 12 + month − 1); NaN when malformed. */
export function monthIndex(month: string): number {
  const match = /^(\d{4})-(\d{2})$/.exec(month)
  if (match === null) return NaN
  return Number(match[1]) * 12 + Number(match[2]) - 1
}

/** A month number (see `monthIndex`) as `YYYY-MM`. */
export function monthText(index: number): string {
  const whole = Math.round(index)
  const year = Math.floor(whole / 12)
  const month = whole - year * 12 + 1
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`
}

/** The first and last month a phase may come online in, as month numbers. */
export const PHASE_MONTHS = {
  min: PHASE_YEARS.min * 12,
  max: PHASE_YEARS.max * 12 + 11,
} as const

/** Months a new phase comes after the last one. */
export const NEW_PHASE_GAP_MONTHS = 12

// ---------------------------------------------------------------------------------------------
// Editing phases: every edit is read back by `readPhaseList`, so it obeys the file's rules

export type PhaseEditResult =
  | { readonly ok: true; readonly scenario: Scenario }
  | { readonly ok: false; readonly scenario: Scenario; readonly problems: readonly Problem[] }

function splitPath(path: string): readonly [string, string | undefined] {
  const dot = path.indexOf('.')
  return dot < 0 ? [path, undefined] : [path.slice(0, dot), path.slice(dot + 1)]
}

/** A copy of a phase with one override set (or removed, for undefined); groups copied. */
function writeOverride(phase: Phase, path: string, value: unknown): Phase {
  const [head, tail] = splitPath(path)
  const doc = { ...phase } as Record<string, unknown>
  if (tail === undefined) {
    if (value === undefined) delete doc[head]
    else doc[head] = value
    return doc as unknown as Phase
  }
  const group = { ...((doc[head] as Record<string, unknown> | undefined) ?? {}) }
  if (value === undefined) delete group[tail]
  else group[tail] = value
  if (Object.keys(group).length === 0) delete doc[head]
  else doc[head] = group
  return doc as unknown as Phase
}

/** A phase in the file's key order: name, online, then its overrides in schema order. */
function ordered(phase: Phase): Phase {
  let out: Phase = { name: phase.name, online: phase.online }
  for (const f of PHASE_FIELDS) {
    const value = phaseValue(phase, f.path)
    if (value !== undefined) out = writeOverride(out, f.path, value)
  }
  return out
}

/**
 * The scenario with `raw` as its phases, read by `readPhaseList` (the file's and the link's
 * reader): any problem refuses the whole edit and is returned, naming `phases[i]…`.
 */
export function tryWithPhases(scenario: Scenario, raw: readonly unknown[]): PhaseEditResult {
  if (raw.length === 0) return { ok: true, scenario: withPhases(scenario, undefined) }
  const { phases, problems } = readPhaseList(raw, 'phases')
  if (problems.length > 0) return { ok: false, scenario, problems }
  return { ok: true, scenario: withPhases(scenario, phases) }
}

function phaseAt(scenario: Scenario, index: number): Phase | undefined {
  return Number.isInteger(index) ? scenario.phases?.[index] : undefined
}

function missingPhase(scenario: Scenario, index: number): PhaseEditResult {
  const count = scenario.phases?.length ?? 0
  return {
    ok: false,
    scenario,
    problems: [
      {
        path: `phases[${index}]`,
        message:
          count === 0
            ? 'the scenario has no phases'
            : `is not a phase: phases are numbered 0 … ${count - 1}`,
      },
    ],
  }
}

/**
 * Sets a field in one phase: that phase's own override, which later phases carry over unless
 * they override it too. Numbers are clamped to the field's range (counts rounded), as
 * `trySetField` does; a value the schema refuses leaves the scenario unchanged and says why,
 * naming `phases[i].<path>`. Returns the same scenario when the phase already has this value.
 */
export function trySetPhaseField<P extends PhaseFieldPath>(
  scenario: Scenario,
  index: number,
  path: P,
  value: unknown,
): SetFieldResult<P> {
  const at = `phases[${index}].${path}`
  const phase = phaseAt(scenario, index)
  const field = FIELD_BY_PATH.get(path)
  if (phase === undefined) {
    const problem = missingPhase(scenario, index)
    return {
      ok: false,
      scenario,
      problem: (!problem.ok && problem.problems[0]) || { path: at, message: 'is not a phase' },
    }
  }
  if (field === undefined || !field.phase)
    return {
      ok: false,
      scenario,
      problem: { path: at, message: 'cannot change from one phase to the next' },
    }
  const fitted = fitValue(field, value)
  const problem = checkValue(field, fitted)
  if (problem !== null) return { ok: false, scenario, problem: { path: at, message: problem } }
  const adjusted = fitted !== value
  if (phaseValue(phase, path) === fitted)
    return { ok: true, scenario, value: fitted as FieldValue<P>, adjusted }
  const phases = (scenario.phases ?? []).map((p, i) =>
    i === index ? ordered(writeOverride(p, path, fitted)) : p,
  )
  return {
    ok: true,
    scenario: withPhases(scenario, phases),
    value: fitted as FieldValue<P>,
    adjusted,
  }
}

/** The fields a phase overrides itself (not carried over), in schema order. */
export function phaseOverrides(scenario: Scenario, index: number): readonly PhaseFieldPath[] {
  const phase = phaseAt(scenario, index)
  if (phase === undefined) return []
  return PHASE_FIELDS.filter((f) => phaseValue(phase, f.path) !== undefined).map((f) => f.path)
}

/**
 * Removes a phase's own override of a field, so the phase carries it over from the phase
 * before (the first phase: from the scenario's own fields). The same scenario when it has none.
 */
export function clearPhaseField(scenario: Scenario, index: number, path: PhaseFieldPath): Scenario {
  const phase = phaseAt(scenario, index)
  if (phase === undefined || phaseValue(phase, path) === undefined) return scenario
  const phases = (scenario.phases ?? []).map((p, i) =>
    i === index ? writeOverride(p, path, undefined) : p,
  )
  return withPhases(scenario, phases)
}

/**
 * Adds a phase after the last one, `NEW_PHASE_GAP_MONTHS` later (or at `online`), with no
 * overrides: it starts as the campus of the phase before, to be edited. A scenario without
 * phases gets its first phase at `online` (required then: the caller knows today's month).
 */
export function addPhase(scenario: Scenario, online?: string, name?: string): PhaseEditResult {
  const phases = scenario.phases ?? []
  const count = phases.length
  if (count >= MAX_PHASES) {
    return {
      ok: false,
      scenario,
      problems: [{ path: 'phases', message: `may hold at most ${MAX_PHASES} phases` }],
    }
  }
  const last = phases[count - 1]
  let month = online
  if (month === undefined) {
    if (last === undefined)
      return {
        ok: false,
        scenario,
        problems: [
          {
            path: `phases[0].online`,
            message: 'is required: the month the phase comes online, "YYYY-MM"',
          },
        ],
      }
    const next = monthIndex(last.online) + NEW_PHASE_GAP_MONTHS
    month = monthText(Math.min(next, PHASE_MONTHS.max))
  }
  const added: Record<string, unknown> = { online: month }
  if (name !== undefined) added.name = name
  return tryWithPhases(scenario, [...phases, added])
}

/**
 * Removes a phase and keeps every other phase's campus as it was: the removed phase's overrides
 * move to the phase after it (where that phase has none of its own). Removing the only phase
 * leaves the campus as that phase had it, without phases.
 */
export function removePhase(scenario: Scenario, index: number): PhaseEditResult {
  const phases = scenario.phases ?? []
  const phase = phaseAt(scenario, index)
  if (phase === undefined) return missingPhase(scenario, index)
  if (phases.length === 1) {
    const view = phasesOf(scenario)[0]
    return { ok: true, scenario: withPhases(view?.scenario ?? scenario, undefined) }
  }
  const out: Phase[] = []
  phases.forEach((p, i) => {
    if (i === index) return
    if (i !== index + 1) {
      out.push(p)
      return
    }
    let next = p
    for (const f of PHASE_FIELDS) {
      const moved = phaseValue(phase, f.path)
      if (moved !== undefined && phaseValue(p, f.path) === undefined)
        next = writeOverride(next, f.path, moved)
    }
    out.push(ordered(next))
  })
  // Names that were defaults follow the phase's new number.
  const renamed = out.map((p, i) => (isDefaultName(p.name) ? { ...p, name: `Phase ${i + 1}` } : p))
  return tryWithPhases(scenario, renamed)
}

const isDefaultName = (name: string): boolean => /^Phase \d+$/.test(name)

/** Renames a phase (the name is checked like the file's: text, at most 120 characters). */
export function renamePhase(scenario: Scenario, index: number, name: unknown): PhaseEditResult {
  const phases = scenario.phases ?? []
  if (phaseAt(scenario, index) === undefined) return missingPhase(scenario, index)
  return tryWithPhases(
    scenario,
    phases.map((p, i) => (i === index ? { ...p, name } : p)),
  )
}

/**
 * Moves a phase to another month. Phases stay in the order they come online: a month not
 * between its neighbours' is refused with the reader's own words (`phases[i].online: must be
 * later than phases[i−1].online …`).
 */
export function redatePhase(scenario: Scenario, index: number, online: unknown): PhaseEditResult {
  const phases = scenario.phases ?? []
  if (phaseAt(scenario, index) === undefined) return missingPhase(scenario, index)
  return tryWithPhases(
    scenario,
    phases.map((p, i) => (i === index ? { ...p, online } : p)),
  )
}

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

/** A phase's supply falls short: a critical warning whose control is a power field. */
export function supplyShort(readouts: Pick<Readouts, 'warnings'>): boolean {
  return readouts.warnings.some((w) => w.severity === 'critical' && w.field.startsWith('power.'))
}

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
