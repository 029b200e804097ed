/**
 * Editing phases (src/model/phases.ts): every edit goes through the file's own phase reader, so
 * a bad edit is refused with the reader's words naming `phases[i]…`; removing a phase keeps the
 * other phases' campuses; every edit round-trips through the file format. Warnings across
 * phases name the phase a shortfall starts in and the grid connection that closes it.
 */
import { describe, expect, it } from 'vitest'
import { loadClimate } from '../../src/cli/loadClimate'
import {
  MAX_PHASES,
  addPhase,
  clearPhaseField,
  evaluatePhases,
  formatProblem,
  monthIndex,
  monthText,
  parseScenario,
  parseScenarioJson,
  phaseOverrides,
  phaseScenarios,
  phasesOf,
  redatePhase,
  removePhase,
  renamePhase,
  scenarioToJson,
  simulate,
  supplyShort,
  trySetPhaseField,
  withPhases,
  type PhaseEditResult,
  type Scenario,
} from '../../src/model'
import { gridNeededMw, phaseWarnings } from '../../src/model/phaseWarnings'

const parsed = (doc: unknown): Scenario => {
  const result = parseScenario(doc)
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'))
  return result.scenario
}

/** Luleå in three steps: one building, three, then denser halls. */
const PHASED = parsed({
  version: 1,
  site: 'lulea',
  // A grid connection for the wind's calm hours (with wind, the grid is no longer implied).
  power: { gridMw: 500 },
  phases: [
    { name: 'First', online: '2026-01', buildings: 1 },
    { online: '2027-01', buildings: 3, power: { windTurbines: 10 } },
    { online: '2028-01', racksPerHall: 100 },
  ],
})

const ok = (result: PhaseEditResult): Scenario => {
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'))
  return result.scenario
}
const problemsOf = (result: PhaseEditResult): string[] =>
  result.ok ? [] : result.problems.map(formatProblem)

/** The file format reads an edited scenario back as it is. */
function roundTrips(s: Scenario): void {
  const back = parseScenarioJson(scenarioToJson(s))
  expect(back.ok && back.scenario).toEqual(s)
}

describe('months', () => {
  it('count whole months and read back', () => {
    expect(monthIndex('2026-01') - monthIndex('2025-12')).toBe(1)
    expect(monthIndex('2026-06')).toBe(2026 * 12 + 5)
    for (const m of ['1990-01', '2026-06', '2100-12']) expect(monthText(monthIndex(m))).toBe(m)
    expect(monthIndex('2026-6')).toBeNaN()
  })
})

describe('setting a field in a phase', () => {
  it('sets that phase’s own value; later phases carry it over unless they set their own', () => {
    const r = trySetPhaseField(PHASED, 1, 'racksPerHall', 120)
    expect(r.ok).toBe(true)
    const [p0, p1, p2] = phaseScenarios(r.scenario)
    expect(p0?.racksPerHall).toBe(174)
    expect(p1?.racksPerHall).toBe(120)
    expect(p2?.racksPerHall).toBe(100)
    const liquid = trySetPhaseField(PHASED, 0, 'liquidSupplyC', 38).scenario
    expect(phaseScenarios(liquid).map((s) => s.liquidSupplyC)).toEqual([38, 38, 38])
    expect(phaseOverrides(liquid, 0)).toEqual(['buildings', 'liquidSupplyC'])
    roundTrips(r.scenario)
  })

  it('clamps and rounds like the controls, and says so', () => {
    const r = trySetPhaseField(PHASED, 2, 'buildings', 99.4)
    expect(r.ok && r.value).toBe(40)
    expect(r.ok && r.adjusted).toBe(true)
    expect(r.ok && r.scenario.phases?.[2]).toEqual({
      name: 'Phase 3',
      online: '2028-01',
      buildings: 40,
      racksPerHall: 100,
    })
  })

  it('refuses what a phase may not set, or a bad value, naming the phase’s field', () => {
    const site = trySetPhaseField(PHASED, 1, 'site' as never, 'abilene')
    expect(site.ok).toBe(false)
    expect(!site.ok && formatProblem(site.problem)).toBe(
      'phases[1].site: cannot change from one phase to the next',
    )
    const rack = trySetPhaseField(PHASED, 1, 'rack', 'gb500')
    expect(!rack.ok && formatProblem(rack.problem)).toMatch(
      /^phases\[1\]\.rack: unknown rack "gb500"/,
    )
    expect(rack.scenario).toBe(PHASED)
    const nowhere = trySetPhaseField(PHASED, 5, 'buildings', 2)
    expect(!nowhere.ok && formatProblem(nowhere.problem)).toBe(
      'phases[5]: is not a phase: phases are numbered 0 … 2',
    )
  })

  it('returns the same scenario when the phase already has the value', () => {
    expect(trySetPhaseField(PHASED, 0, 'buildings', 1).scenario).toBe(PHASED)
  })

  it('clears a phase’s own value: it carries over again, and an emptied group goes', () => {
    const cleared = clearPhaseField(PHASED, 1, 'power.windTurbines')
    expect(cleared.phases?.[1]).toEqual({ name: 'Phase 2', online: '2027-01', buildings: 3 })
    expect(phaseScenarios(cleared)[1]?.power.windTurbines).toBe(PHASED.power.windTurbines)
    expect(clearPhaseField(PHASED, 1, 'rack')).toBe(PHASED)
    roundTrips(cleared)
  })
})

describe('adding, removing, renaming and re-dating phases', () => {
  it('adds a phase a year after the last, as the campus before it', () => {
    const added = ok(addPhase(PHASED))
    expect(added.phases?.[3]).toEqual({ name: 'Phase 4', online: '2029-01' })
    const views = phaseScenarios(added)
    expect(views[3]).toEqual(views[2])
    roundTrips(added)
    // The first phase of a scenario without phases needs its month.
    const plain = withPhases(PHASED, undefined)
    expect(problemsOf(addPhase(plain))).toEqual([
      'phases[0].online: is required: the month the phase comes online, "YYYY-MM"',
    ])
    expect(ok(addPhase(plain, '2026-03')).phases).toEqual([{ name: 'Phase 1', online: '2026-03' }])
  })

  it('stops at the most phases a file may hold, and at the last month', () => {
    let s = PHASED
    while ((s.phases?.length ?? 0) < MAX_PHASES) s = ok(addPhase(s))
    expect(problemsOf(addPhase(s))).toEqual([`phases: may hold at most ${MAX_PHASES} phases`])
    const late = ok(redatePhase(PHASED, 2, '2100-12'))
    expect(problemsOf(addPhase(late))).toEqual([
      'phases[3].online: must be later than phases[2].online ("2100-12"): phases are listed in the order they come online (got "2100-12")',
    ])
  })

  it('removes a phase and keeps every other phase’s campus', () => {
    for (let removed = 0; removed < 3; removed++) {
      const after = ok(removePhase(PHASED, removed))
      const before = phasesOf(PHASED).filter((v) => v.index !== removed)
      expect(phaseScenarios(after)).toEqual(before.map((v) => v.scenario))
      // Default names follow the new numbers; a given name stays.
      expect(after.phases?.map((p) => p.name)).toEqual(
        before.map((v, i) => (v.name === 'First' ? 'First' : `Phase ${i + 1}`)),
      )
      roundTrips(after)
    }
    const one = parsed({ version: 1, site: 'lulea', phases: [{ online: '2026-01', buildings: 5 }] })
    const none = ok(removePhase(one, 0))
    expect(none.phases).toBeUndefined()
    expect(none.buildings).toBe(5)
  })

  it('renames and re-dates through the reader, which names what it refuses', () => {
    expect(ok(renamePhase(PHASED, 1, 'Three buildings')).phases?.[1]?.name).toBe('Three buildings')
    expect(problemsOf(renamePhase(PHASED, 1, 'x'.repeat(121)))).toEqual([
      'phases[1].name: must be at most 120 characters (got 121)',
    ])
    expect(ok(redatePhase(PHASED, 1, '2026-07')).phases?.[1]?.online).toBe('2026-07')
    expect(problemsOf(redatePhase(PHASED, 1, '2025-12'))).toEqual([
      'phases[1].online: must be later than phases[0].online ("2026-01"): phases are listed in the order they come online (got "2025-12")',
    ])
    expect(problemsOf(redatePhase(PHASED, 2, '2028-13'))).toEqual([
      'phases[2].online: has no month 13: months are 01 to 12',
    ])
    expect(problemsOf(redatePhase(PHASED, 2, 'soon'))[0]).toMatch(
      /^phases\[2\]\.online: must be a month "YYYY-MM"/,
    )
  })
})

describe('warnings across phases', () => {
  const climate = loadClimate('lulea')
  /** Grid-fed from the start; the third phase outgrows the connection. */
  const SHORT = parsed({
    version: 1,
    site: 'lulea',
    power: { gridMw: 300, hydroMw: 0 },
    phases: [
      { online: '2026-01', buildings: 1 },
      { online: '2027-01', buildings: 2 },
      { online: '2028-01', buildings: 4 },
      { online: '2029-01', buildings: 6 },
    ],
  })

  it(
    'name the phase a shortfall starts in and the grid connection that closes it',
    { timeout: 10_000 },
    () => {
      const readouts = evaluatePhases(SHORT, climate)
      expect(readouts.map(supplyShort)).toEqual([false, false, true, true])
      const warnings = phaseWarnings(SHORT, climate, readouts)
      const short = warnings.filter((w) => w.code === 'PHASE_SUPPLY_SHORT')
      expect(short).toHaveLength(1)
      const [w] = short
      expect(w?.from).toBe(2)
      expect(w?.to).toBe(3)
      expect(w?.severity).toBe('critical')
      // The grid it names is the smallest 10 MW step that closes phase 3, by the model itself.
      const phase3 = phaseScenarios(SHORT)[2] as Scenario
      const needed = gridNeededMw(phase3, climate) as number
      expect(w?.values[0]?.value).toBe(needed)
      const at = (gridMw: number) =>
        simulate({ ...phase3, power: { ...phase3.power, gridMw } }, climate).readouts
      expect(supplyShort(at(needed))).toBe(false)
      expect(supplyShort(at(needed - 10))).toBe(true)
      // Phase 4 needs more: named too.
      expect(w?.values[2]?.value).toBe(gridNeededMw(phaseScenarios(SHORT)[3] as Scenario, climate))
      expect(w?.message).toMatch(
        /^Supply short from phase 3 \(Phase 3, 2028-01\), phases 3–4 unless the grid connection grows to [\d,]+ MW \(it is 300 MW\), and to [\d,]+ MW by phase 4\.$/,
      )
    },
  )

  it('are none without phases, or when every phase is supplied', () => {
    const plain = withPhases(SHORT, undefined)
    expect(phaseWarnings(plain, climate, evaluatePhases(plain, climate))).toEqual([])
    expect(
      phaseWarnings(PHASED, climate, evaluatePhases(PHASED, climate)).filter(
        (w) => w.severity === 'critical',
      ),
    ).toEqual([])
  })
})
