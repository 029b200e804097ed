/** The scenario schema: defaults, strict and lenient reading, and a message naming each bad field. */
import { describe, expect, expectTypeOf, it } from 'vitest'
import {
  DEFAULT_SCENARIO,
  FIELDS,
  MAX_SCENARIO_BYTES,
  MAX_UNKNOWN_NAMED,
  fieldOf,
  formatProblem,
  getField,
  parseScenario,
  parseScenarioJson,
  printable,
  readScenario,
  scenarioToJson,
  setField,
  trySetField,
  type CoolingId,
  type FieldPath,
  type FieldValue,
  type Problem,
  type Redundancy,
  type Scenario,
  type SiteId,
} from '../../src/model'

const problemsOf = (text: string): readonly Problem[] => {
  const result = parseScenarioJson(text)
  return result.ok ? [] : result.problems
}
const only = (text: string): Problem => {
  const problems = problemsOf(text)
  expect(problems).toHaveLength(1)
  return problems[0] as Problem
}

describe('scenario schema', () => {
  it('defaults are the architecture contract’s (Stargate Norway, phase 1)', () => {
    expect(DEFAULT_SCENARIO).toMatchObject({
      version: 1,
      site: 'narvik',
      climateOffsetC: 0,
      buildings: 2,
      hallsPerBuilding: 4,
      racksPerHall: 174,
      rack: 'gb300-nvl72',
      utilization: 0.85,
      cooling: 'dlc-dry',
      liquidSupplyC: 30,
      redundancy: 'N+1',
      heatReuseFraction: 0,
      heatReuseDemand: 'district-heating',
      airClass: 'A1',
      // No supply given ⇒ the site's grid (docs/ARCHITECTURE.md): every supply field is zero, and
      // a hydro plant, when one is added, has the Norwegian fleet's energy budget (CF 0.48).
      power: {
        gridMw: 0,
        ppaMw: 0,
        hydroMw: 0,
        hydroCapacityFactor: 0.48,
        windTurbines: 0,
        windTurbineMw: 5,
        solarMw: 0,
        gasMw: 0,
        batteryMwh: 0,
      },
    })
  })

  it('every field but version is optional; a minimal file gives the defaults', () => {
    expect(parseScenarioJson('{"version":1}')).toEqual({ ok: true, scenario: DEFAULT_SCENARIO })
  })

  it('round-trips through its own JSON', () => {
    const s = {
      ...DEFAULT_SCENARIO,
      name: 'A <b>bold</b> name',
      racksPerHall: 10,
      power: { ...DEFAULT_SCENARIO.power, gasMw: 40 },
    }
    expect(parseScenarioJson(scenarioToJson(s))).toEqual({ ok: true, scenario: s })
  })

  it('each field default lies inside its own range', () => {
    for (const f of FIELDS) {
      if (f.kind === 'number') {
        expect(f.default, f.path).toBeGreaterThanOrEqual(f.min)
        expect(f.default, f.path).toBeLessThanOrEqual(f.max)
      }
    }
  })

  it.each([
    ['not JSON', '{version: 1', '(file)', /not valid JSON/],
    ['empty file', '   ', '(file)', /empty/],
    ['a list', '[1, 2]', '(file)', /JSON object/],
    ['missing version', '{"site":"narvik"}', 'version', /required/],
    ['wrong version', '{"version":2}', 'version', /must be 1 \(got 2\)/],
    ['unknown field', '{"version":1,"colour":"red"}', 'colour', /unknown field/],
    [
      'misspelt field',
      '{"version":1,"rackPerHall":10}',
      'rackPerHall',
      /did you mean "racksPerHall"/,
    ],
    [
      'misspelt power field',
      '{"version":1,"power":{"hydroMW":10}}',
      'power.hydroMW',
      /did you mean "hydroMw"/,
    ],
    ['wrong type', '{"version":1,"buildings":"2"}', 'buildings', /must be a number \(got "2"\)/],
    ['out of range', '{"version":1,"racksPerHall":601}', 'racksPerHall', /between 1 and 600/],
    [
      'absurdly large',
      '{"version":1,"racksPerHall":1e9}',
      'racksPerHall',
      /between 1 and 600 \(got 1000000000\)/,
    ],
    ['overflows to infinity', '{"version":1,"power":{"gridMw":1e400}}', 'power.gridMw', /finite/],
    ['not whole', '{"version":1,"buildings":2.5}', 'buildings', /whole number/],
    [
      'unknown site',
      '{"version":1,"site":"narvk"}',
      'site',
      /unknown site "narvk" \(did you mean "narvik"\?\)/,
    ],
    ['unknown rack', '{"version":1,"rack":"gb400"}', 'rack', /unknown rack "gb400"/],
    ['power not an object', '{"version":1,"power":5}', 'power', /must be an object/],
    ['name too long', `{"version":1,"name":"${'x'.repeat(121)}"}`, 'name', /at most 120/],
    [
      'negative supply',
      '{"version":1,"power":{"solarMw":-1}}',
      'power.solarMw',
      /between 0 and 20000 MW/,
    ],
  ])('%s is refused, naming the field', (_case, text, path, message) => {
    const problem = only(text)
    expect(problem.path).toBe(path)
    expect(problem.message).toMatch(message)
  })

  it('reports every problem at once', () => {
    const problems = problemsOf(
      '{"version":1,"buildings":0,"site":"mars","power":{"windTurbines":0.5,"x":1}}',
    )
    expect(problems.map((p) => p.path).sort()).toEqual([
      'buildings',
      'power.windTurbines',
      'power.x',
      'site',
    ])
  })

  it('refuses a file over 1 MB before parsing it', () => {
    const huge = `{"version":1,"name":"${'x'.repeat(MAX_SCENARIO_BYTES)}"}`
    expect(only(huge)).toMatchObject({
      path: '(file)',
      message: expect.stringMatching(/too large/),
    })
  })

  it('the lenient reader keeps the good fields and defaults the bad ones', () => {
    const { scenario, problems } = readScenario({
      version: 1,
      racksPerHall: 1e9,
      buildings: 3,
      colour: 'red',
    })
    expect(scenario.buildings).toBe(3)
    expect(scenario.racksPerHall).toBe(DEFAULT_SCENARIO.racksPerHall)
    expect(problems.map((p) => p.path)).toEqual(['colour', 'racksPerHall'])
    expect(parseScenario({ version: 1, buildings: 3 })).toMatchObject({ ok: true })
  })
})

describe('one schema types everything', () => {
  it('the Scenario type and its runtime shape both come from FIELDS', () => {
    const top = FIELDS.filter((f) => !f.path.includes('.')).map((f) => f.path)
    const power = FIELDS.filter((f) => f.path.startsWith('power.')).map((f) => f.key)
    expect(Object.keys(DEFAULT_SCENARIO).sort()).toEqual(['version', ...top, 'power'].sort())
    expect(Object.keys(DEFAULT_SCENARIO.power).sort()).toEqual(power.sort())
    for (const f of FIELDS) expect(getField(DEFAULT_SCENARIO, f.path), f.path).toBe(f.default)
  })

  it('paths and values are typed by the table (checked by tsc: a wrong one fails test:types)', () => {
    expectTypeOf(getField(DEFAULT_SCENARIO, 'site')).toEqualTypeOf<SiteId>()
    expectTypeOf(getField(DEFAULT_SCENARIO, 'cooling')).toEqualTypeOf<CoolingId>()
    expectTypeOf(getField(DEFAULT_SCENARIO, 'power.gridMw')).toEqualTypeOf<number>()
    expectTypeOf(getField(DEFAULT_SCENARIO, 'name')).toEqualTypeOf<string>()
    expectTypeOf<FieldValue<'redundancy'>>().toEqualTypeOf<Redundancy>()
    expectTypeOf<Scenario['power']['hydroMw']>().toEqualTypeOf<number>()
    expectTypeOf<'power.hydroMw'>().toExtend<FieldPath>()
    expectTypeOf<'power.hydro'>().not.toExtend<FieldPath>()
    expectTypeOf(fieldOf('racksPerHall').kind).toEqualTypeOf<'number'>()
    // @ts-expect-error a count takes a number, not text
    setField(DEFAULT_SCENARIO, 'buildings', '3')
    // @ts-expect-error not a site id
    setField(DEFAULT_SCENARIO, 'site', 'mars')
    // @ts-expect-error not a field
    getField(DEFAULT_SCENARIO, 'colour')
  })
})

describe('setField clamps and refuses through the parser’s rules', () => {
  it.each([
    ['racksPerHall', 1e9, 600],
    ['racksPerHall', -3, 1],
    ['racksPerHall', 12.5, 13],
    ['buildings', 0.4, 1],
    ['utilization', 0.2, 0.3],
    ['utilization', 0.734, 0.734],
    ['climateOffsetC', -1e300, -5],
    ['power.gridMw', 1e12, 20000],
    ['power.windTurbines', 2.4, 2],
  ] as const)('%s = %s is stored as %s', (path, value, stored) => {
    const result = trySetField(DEFAULT_SCENARIO, path, value)
    expect(result).toMatchObject({ ok: true, value: stored, adjusted: value !== stored })
    expect(getField(result.scenario, path)).toBe(stored)
    expect(getField(setField(DEFAULT_SCENARIO, path, value), path)).toBe(stored)
  })

  it.each([
    ['buildings', NaN, /must be a finite number/],
    ['power.hydroMw', Infinity, /must be a finite number/],
    ['buildings', '3', /must be a number \(got "3"\)/],
    ['site', 'narvk', /unknown site "narvk" \(did you mean "narvik"\?\)/],
    ['rack', 'gb400', /unknown rack "gb400"/],
    ['cooling', 7, /must be one of/],
    ['name', 'x'.repeat(121), /at most 120 characters/],
  ] as const)(
    '%s = %s is refused with the parser’s message, naming the field',
    (path, value, message) => {
      const result = trySetField(DEFAULT_SCENARIO, path, value)
      expect(result.ok).toBe(false)
      expect(result.scenario).toBe(DEFAULT_SCENARIO)
      if (!result.ok) {
        expect(result.problem.path).toBe(path)
        expect(result.problem.message).toMatch(message)
      }
      // The typed form refuses the same way: the scenario comes back unchanged.
      expect(setField(DEFAULT_SCENARIO, 'buildings', NaN)).toBe(DEFAULT_SCENARIO)
    },
  )

  it('gives the same object back when nothing changes, and never touches the original', () => {
    expect(setField(DEFAULT_SCENARIO, 'buildings', DEFAULT_SCENARIO.buildings)).toBe(
      DEFAULT_SCENARIO,
    )
    const before = JSON.stringify(DEFAULT_SCENARIO)
    const next = setField(DEFAULT_SCENARIO, 'power.solarMw', 40)
    expect(next.power.solarMw).toBe(40)
    expect(next.power.hydroMw).toBe(DEFAULT_SCENARIO.power.hydroMw)
    expect(JSON.stringify(DEFAULT_SCENARIO)).toBe(before)
  })

  it('an unknown path is refused, not written', () => {
    const result = trySetField(DEFAULT_SCENARIO, 'colour' as FieldPath, 1)
    expect(result).toMatchObject({
      ok: false,
      problem: { path: 'colour', message: 'unknown field' },
    })
  })
})

describe('bad input cannot freeze or garble', () => {
  it('15,000 unknown keys (a 1 MB file) give ten named problems and one count', () => {
    const doc: Record<string, unknown> = { version: 1 }
    for (let i = 0; i < 15_000; i++)
      doc[`unknownField${String(i).padStart(6, '0')}${'x'.repeat(40)}`] = i
    doc.rackPerHall = 3
    const text = JSON.stringify(doc)
    expect(text.length).toBeGreaterThan(800_000)
    expect(text.length).toBeLessThanOrEqual(MAX_SCENARIO_BYTES)
    const problems = problemsOf(text)
    expect(problems).toHaveLength(MAX_UNKNOWN_NAMED + 1)
    expect(problems[0]?.path).toBe('unknownField000000xxxxxxxxxxxxxxxxxxxxxx…')
    expect(problems.at(-1)).toEqual({
      path: '(file)',
      message: 'has 14991 more unknown fields (only the first 10 are named)',
    })
  })

  it('unknown keys in phases count towards the same cap', () => {
    const phase: Record<string, unknown> = { online: '2026-01' }
    for (let i = 0; i < 50; i++) phase[`k${i}`] = i
    const problems = problemsOf(JSON.stringify({ version: 1, x: 1, phases: [phase] }))
    expect(problems.map((p) => p.path)).toEqual([
      'x',
      ...Array.from({ length: 9 }, (_, i) => `phases[0].k${i}`),
      '(file)',
    ])
    expect(problems.at(-1)?.message).toMatch(/^has 41 more unknown fields/)
  })

  it('a UTF-8 byte-order mark is ignored, as browsers ignore it', () => {
    expect(parseScenarioJson('\uFEFF{"version":1,"buildings":3}')).toMatchObject({
      ok: true,
      scenario: { buildings: 3 },
    })
    expect(only('\uFEFF  ')).toMatchObject({ path: '(file)', message: 'is empty' })
  })

  it('keys with newlines and escape sequences give one printable line each', () => {
    const problems = problemsOf(
      '{"version":1,"a\\nb":1,"\\u001b[2J\\u001b]0;x\\u0007":2,"\\u202eevil":3}',
    )
    const lines = problems.map(formatProblem)
    expect(lines).toEqual([
      'a\\nb: unknown field',
      '\\u001b[2J\\u001b]0;x\\u0007: unknown field',
      '\\u202eevil: unknown field',
    ])
    for (const line of lines) {
      const codes = [...line].map((c) => c.codePointAt(0) ?? 0)
      expect(codes.every((n) => n >= 0x20 && (n < 0x7f || n > 0x9f) && n !== 0x202e)).toBe(true)
    }
  })

  it('a huge key is echoed cut to 40 characters', () => {
    expect(only(`{"version":1,"${'k'.repeat(100_000)}":1}`).path).toBe(`${'k'.repeat(40)}…`)
  })
})

describe('printable', () => {
  it.each([
    [
      'plain text',
      'Stargate Norway (Narvik) – 2 × 4 halls',
      'Stargate Norway (Narvik) – 2 × 4 halls',
    ],
    ['newline, tab, CR', 'a\nb\tc\rd', 'a\\nb\\tc\\rd'],
    ['ANSI escape', '\u001b[31mred\u001b[0m', '\\u001b[31mred\\u001b[0m'],
    ['C1 CSI and DEL', '\u009b2J\u007f', '\\u009b2J\\u007f'],
    ['bidi override and isolate', 'abc\u202edcb\u2066x\u2069', 'abc\\u202edcb\\u2066x\\u2069'],
    ['line separator', 'a\u2028b', 'a\\u2028b'],
  ])('%s', (_case, input, shown) => {
    expect(printable(input)).toBe(shown)
    expect(printable(printable(input))).toBe(shown)
  })

  it('cuts long text without splitting a surrogate pair', () => {
    expect(printable('abcdef', 3)).toBe('abc…')
    expect(printable('ab😀cd', 3)).toBe('ab…')
    expect(printable('ab😀cd', 4)).toBe('ab😀…')
  })
})
