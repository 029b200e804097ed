/**
 * Phases (build-out over time): the contract's parsing (good and bad, each problem naming its
 * field), carry-over, stable identities, and that each phase's readouts are exactly those of the
 * equivalent single-phase scenario.
 */
import { describe, expect, it } from 'vitest'
import { loadClimate } from '../../src/cli/loadClimate'
import {
  DEFAULT_SCENARIO,
  MAX_PHASES,
  PHASE_FIELDS,
  clampPhaseIndex,
  evaluate,
  evaluatePhases,
  finalScenario,
  parseScenario,
  parseScenarioJson,
  phaseCount,
  phaseScenarios,
  phaseValue,
  phasesOf,
  readScenario,
  scenarioAtPhase,
  scenarioToJson,
  simulate,
  simulatePhases,
  withPhases,
  type Problem,
  type Scenario,
} from '../../src/model'

const parsed = (doc: unknown): Scenario => {
  const result = parseScenario(doc)
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'))
  return result.scenario
}

/** Stargate I, Abilene, as announced: two buildings first, then eight (grid grows with it). */
const ABILENE = {
  version: 1,
  name: 'Abilene build-out',
  site: 'abilene',
  buildings: 8,
  hallsPerBuilding: 4,
  racksPerHall: 174,
  power: { gridMw: 1400, hydroMw: 0 },
  phases: [
    { name: 'First two buildings', online: '2025-06', buildings: 2, power: { gridMw: 360 } },
    { name: 'Six buildings', online: '2026-03', buildings: 6, power: { gridMw: 1050 } },
    { name: 'Liquid at 35 °C', online: '2026-06', liquidSupplyC: 35 },
    { online: '2026-09', buildings: 8, power: { gridMw: 1400, solarMw: 200 } },
  ],
}

describe('phases: reading', () => {
  it('reads names, months and overrides; a missing name is "Phase <n>"', () => {
    const s = parsed(ABILENE)
    expect(s.phases).toEqual([
      { name: 'First two buildings', online: '2025-06', buildings: 2, power: { gridMw: 360 } },
      { name: 'Six buildings', online: '2026-03', buildings: 6, power: { gridMw: 1050 } },
      { name: 'Liquid at 35 °C', online: '2026-06', liquidSupplyC: 35 },
      { name: 'Phase 4', online: '2026-09', buildings: 8, power: { gridMw: 1400, solarMw: 200 } },
    ])
    expect(phaseValue(s.phases?.[0] ?? { name: '', online: '' }, 'power.gridMw')).toBe(360)
    expect(phaseValue(s.phases?.[2] ?? { name: '', online: '' }, 'buildings')).toBeUndefined()
  })

  it('a file without phases stays one phase, and old files read as before', () => {
    const s = parsed({ version: 1, buildings: 3 })
    expect(s).not.toHaveProperty('phases')
    expect(phaseCount(s)).toBe(1)
    expect(phaseScenarios(s)).toEqual([s])
    expect(phaseScenarios(s)[0]).toBe(s)
  })

  it('round-trips through its own JSON, phases included', () => {
    const s = parsed(ABILENE)
    expect(scenarioToJson(s)).toContain('"phases"')
    expect(parseScenarioJson(scenarioToJson(s))).toEqual({ ok: true, scenario: s })
  })

  it('every campus, rack, cooling and power field may be overridden, and only those', () => {
    expect(PHASE_FIELDS.map((f) => f.path)).toEqual([
      'rack',
      'utilization',
      'buildings',
      'hallsPerBuilding',
      'racksPerHall',
      'cooling',
      'liquidSupplyC',
      'power.gridMw',
      'power.ppaMw',
      'power.hydroMw',
      'power.hydroCapacityFactor',
      'power.windTurbines',
      'power.windTurbineMw',
      'power.solarMw',
      'power.gasMw',
      'power.batteryMwh',
    ])
  })

  const one = (phase: unknown, more: unknown[] = []) =>
    JSON.stringify({ version: 1, phases: [phase, ...more] })
  const first = { online: '2026-01' }

  it.each([
    ['not a list', '{"version":1,"phases":{"online":"2026-01"}}', 'phases', /must be a list/],
    ['an empty list', '{"version":1,"phases":[]}', 'phases', /1 to 12 phases \(got none\)/],
    [
      'more than 12',
      JSON.stringify({
        version: 1,
        phases: Array.from({ length: 13 }, (_, i) => ({ online: `${2020 + i}-01` })),
      }),
      'phases',
      /at most 12 phases \(got 13\)/,
    ],
    ['a phase not an object', one(5), 'phases[0]', /must be an object \(got 5\)/],
    ['no month', one({ buildings: 2 }), 'phases[0].online', /is required/],
    ['a malformed month', one({ online: '2026-6' }), 'phases[0].online', /"YYYY-MM"/],
    ['a full date', one({ online: '2026-06-01' }), 'phases[0].online', /"YYYY-MM"/],
    ['month 13', one({ online: '2026-13' }), 'phases[0].online', /no month 13/],
    ['month 00', one({ online: '2026-00' }), 'phases[0].online', /no month 00/],
    ['year 1989', one({ online: '1989-12' }), 'phases[0].online', /between 1990 and 2100/],
    ['year 2101', one({ online: '2101-01' }), 'phases[0].online', /between 1990 and 2100/],
    ['a month as a number', one({ online: 202606 }), 'phases[0].online', /got 202606/],
    [
      'months out of order',
      one(first, [{ online: '2025-12' }]),
      'phases[1].online',
      /later than phases\[0\]\.online \("2026-01"\).*got "2025-12"/,
    ],
    ['the same month twice', one(first, [{ online: '2026-01' }]), 'phases[1].online', /later/],
    ['an unknown override', one({ ...first, colour: 'red' }), 'phases[0].colour', /unknown/],
    [
      'a misspelt override',
      one({ ...first, building: 3 }),
      'phases[0].building',
      /did you mean "buildings"/,
    ],
    [
      'a field no phase may change',
      one({ ...first, site: 'lulea' }),
      'phases[0].site',
      /cannot change from one phase to the next/,
    ],
    ['a phase in a phase', one({ ...first, phases: [] }), 'phases[0].phases', /unknown field/],
    [
      'an override out of range',
      one({ ...first, racksPerHall: 601 }),
      'phases[0].racksPerHall',
      /between 1 and 600/,
    ],
    [
      'a power override out of range',
      one(first, [{ online: '2026-02', power: { gridMw: -5 } }]),
      'phases[1].power.gridMw',
      /between 0 and 20000 MW \(got -5\)/,
    ],
    [
      'a misspelt power field',
      one({ ...first, power: { gridMW: 5 } }),
      'phases[0].power.gridMW',
      /did you mean "gridMw"/,
    ],
    ['power not an object', one({ ...first, power: 5 }), 'phases[0].power', /must be an object/],
    [
      'a wrong type',
      one({ ...first, buildings: '2' }),
      'phases[0].buildings',
      /must be a number \(got "2"\)/,
    ],
    ['not whole', one({ ...first, buildings: 2.5 }), 'phases[0].buildings', /whole number/],
    [
      'an unknown rack',
      one({ ...first, rack: 'gb30-nvl72' }),
      'phases[0].rack',
      /unknown rack "gb30-nvl72" \(did you mean "gb300-nvl72"\?\)/,
    ],
    ['a name not text', one({ ...first, name: 1 }), 'phases[0].name', /must be text/],
    [
      'a name too long',
      one({ ...first, name: 'x'.repeat(121) }),
      'phases[0].name',
      /at most 120 characters/,
    ],
  ])('%s is refused, naming %s', (_case, text, path, message) => {
    const result = parseScenarioJson(text)
    expect(result.ok).toBe(false)
    const problems: readonly Problem[] = result.ok ? [] : result.problems
    expect(problems).toHaveLength(1)
    expect(problems[0]?.path).toBe(path)
    expect(problems[0]?.message).toMatch(message)
  })

  it('reports every bad phase at once', () => {
    const result = parseScenario({
      version: 1,
      phases: [
        { online: '2026-13', buildings: 0 },
        { online: '2027-01', power: { solarMw: 'lots' } },
        { online: '2026-06' },
      ],
    })
    expect(result.ok ? [] : result.problems.map((p) => p.path)).toEqual([
      'phases[0].buildings',
      'phases[0].online',
      'phases[1].power.solarMw',
      'phases[2].online',
    ])
  })

  it('the lenient reader keeps good phases and leaves out bad ones and bad overrides', () => {
    const { scenario, problems } = readScenario({
      version: 1,
      phases: [
        { online: '2026-01', buildings: 3, racksPerHall: 9999 },
        { online: 'soon' },
        { online: '2025-01' },
        { online: '2027-01', buildings: 5 },
      ],
    })
    expect(problems.map((p) => p.path)).toEqual([
      'phases[0].racksPerHall',
      'phases[1].online',
      'phases[2].online',
    ])
    expect(scenario.phases).toEqual([
      { name: 'Phase 1', online: '2026-01', buildings: 3 },
      { name: 'Phase 4', online: '2027-01', buildings: 5 },
    ])
  })

  it('reads only the first 12 of a huge list', () => {
    const phases = Array.from({ length: 100_000 }, () => 'x')
    const { problems } = readScenario({ version: 1, phases })
    expect(problems).toHaveLength(1 + MAX_PHASES)
    expect(problems[0]).toEqual({
      path: 'phases',
      message: 'may hold at most 12 phases (got 100000)',
    })
  })
})

describe('phases: carry-over', () => {
  const s = parsed(ABILENE)
  const views = phasesOf(s)

  it('the first phase carries over from the scenario, each later one from the phase before', () => {
    expect(views.map((v) => [v.index, v.name, v.online])).toEqual([
      [0, 'First two buildings', '2025-06'],
      [1, 'Six buildings', '2026-03'],
      [2, 'Liquid at 35 °C', '2026-06'],
      [3, 'Phase 4', '2026-09'],
    ])
    const at = views.map((v) => v.scenario)
    expect(at.map((p) => p.buildings)).toEqual([2, 6, 6, 8])
    expect(at.map((p) => p.liquidSupplyC)).toEqual([30, 30, 35, 35])
    expect(at.map((p) => p.power.gridMw)).toEqual([360, 1050, 1050, 1400])
    expect(at.map((p) => p.power.solarMw)).toEqual([0, 0, 0, 200])
    // Fields no phase overrides are the scenario's in every phase.
    for (const p of at) {
      expect(p.site).toBe('abilene')
      expect(p.name).toBe('Abilene build-out')
      expect(p.hallsPerBuilding).toBe(4)
      expect(p.power.hydroMw).toBe(0)
      expect(p.redundancy).toBe(DEFAULT_SCENARIO.redundancy)
      expect(p).not.toHaveProperty('phases')
    }
  })

  it('each phase is a valid single-phase scenario of its own', () => {
    for (const p of phaseScenarios(s)) expect(parseScenario(p)).toEqual({ ok: true, scenario: p })
  })

  it('identities are stable: the same scenario object gives the same phase objects', () => {
    const again = phaseScenarios(s)
    phaseScenarios(s).forEach((p, i) => expect(p).toBe(again[i]))
    expect(phasesOf(s)).toBe(views)
    expect(scenarioAtPhase(s, 1)).toBe(again[1])
    // An equal but different scenario object is evaluated afresh (equal, not identical).
    const copy = { ...s }
    expect(phaseScenarios(copy)).toEqual(again)
    expect(phaseScenarios(copy)[0]).not.toBe(again[0])
  })

  it('phase indices clamp to the phases present', () => {
    expect([-1, 0, 2.4, 3, 99, NaN, Infinity].map((i) => clampPhaseIndex(s, i))).toEqual([
      0, 0, 2, 3, 3, 0, 3,
    ])
    expect(clampPhaseIndex(DEFAULT_SCENARIO, 5)).toBe(0)
    expect(scenarioAtPhase(s, 99)).toBe(phaseScenarios(s)[3])
    expect(finalScenario(s)).toBe(phaseScenarios(s)[3])
    expect(finalScenario(DEFAULT_SCENARIO)).toBe(DEFAULT_SCENARIO)
  })

  it('withPhases adds and removes phases', () => {
    const phases = s.phases ?? []
    const plain = withPhases(s, undefined)
    expect(plain).not.toHaveProperty('phases')
    expect(withPhases(plain, phases)).toEqual(s)
    expect(withPhases(plain, [])).toBe(plain)
  })
})

describe('phases: readouts', () => {
  const climate = loadClimate('abilene')
  const s = parsed(ABILENE)
  /** The same campus at each phase, written out by hand as single-phase files. */
  const singles = [
    { buildings: 2, power: { gridMw: 360, hydroMw: 0 } },
    { buildings: 6, power: { gridMw: 1050, hydroMw: 0 } },
    { buildings: 6, liquidSupplyC: 35, power: { gridMw: 1050, hydroMw: 0 } },
    { buildings: 8, liquidSupplyC: 35, power: { gridMw: 1400, hydroMw: 0, solarMw: 200 } },
  ].map((overrides) =>
    parsed({
      version: 1,
      name: 'Abilene build-out',
      site: 'abilene',
      hallsPerBuilding: 4,
      racksPerHall: 174,
      ...overrides,
    }),
  )

  it('each phase’s readouts equal the equivalent single-phase scenario’s, exactly', () => {
    const phased = evaluatePhases(s, climate)
    expect(phased).toHaveLength(4)
    phased.forEach((readouts, i) => {
      expect(readouts, `phase ${i}`).toEqual(evaluate(singles[i] as Scenario, climate))
    })
    expect(phased.map((r) => r.rackCount)).toEqual([1392, 4176, 4176, 5568])
  })

  it('the scenario’s own readouts are its last phase’s (evaluate, simulate)', () => {
    const last = singles[3] as Scenario
    expect(evaluate(s, climate)).toEqual(evaluate(last, climate))
    expect(simulate(s, climate)).toEqual(simulate(last, climate))
    expect(simulatePhases(s, climate).at(-1)).toEqual(simulate(last, climate))
  })

  it('a scenario without phases evaluates as one phase', () => {
    const single = singles[0] as Scenario
    expect(evaluatePhases(single, climate)).toEqual([evaluate(single, climate)])
  })
})
