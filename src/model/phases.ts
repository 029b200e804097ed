/**
 * Build-out over time, beyond the contract in scenario.ts: months as numbers, editing a
 * scenario's phases (overrides, add, remove, rename, re-date) through the same reader that
 * reads files and links, and warnings that span phases ("supply short from phase 3 unless the
 * grid connection grows to … MW"). Pure, like the rest of the model (docs/PHASES.md).
 */
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
  type Problem,
  type Scenario,
  type SetFieldResult,
} from './scenario'
import type { Readouts } from './simulate'

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
// Supply over the phases (the warnings that span phases are in phaseWarnings.ts, loaded with
// the build-out panel)

/** A phase's supply falls short: a critical warning whose control is a power field. */
export function supplyShort(readouts: Pick<Readouts, 'warnings'>): boolean {
  return readouts.warnings.some((w) => w.severity === 'critical' && w.field.startsWith('power.'))
}
