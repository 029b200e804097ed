/** The scenario schema: defaults, strict and lenient reading, and a message naming each bad field. */
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_SCENARIO,
  FIELDS,
  MAX_SCENARIO_BYTES,
  parseScenario,
  parseScenarioJson,
  readScenario,
  scenarioToJson,
  type Problem,
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
      power: {
        gridMw: 0,
        hydroMw: 250,
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
