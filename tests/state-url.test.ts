import { describe, expect, it } from 'vitest'
import {
  DEFAULT_SCENARIO,
  FIELDS,
  MAX_UNKNOWN_NAMED,
  getField,
  parseScenario,
  setField,
  trySetField,
  type Scenario,
} from '../src/model'
import { OPENING_SCENARIO } from '../src/state/presets'
import {
  cameraFromParam,
  cameraToParam,
  hasScenarioKeys,
  readQuery,
  scenarioToQuery,
} from '../src/state/url'

const overview = { view: 'overview' } as const

describe('scenario ⇄ query string', () => {
  it('writes nothing for the opening preset and default view', () => {
    expect(scenarioToQuery(OPENING_SCENARIO, overview)).not.toMatch(/(^|&)name=/)
    expect(
      readQuery(scenarioToQuery(OPENING_SCENARIO, overview), DEFAULT_SCENARIO).scenario,
    ).toEqual(OPENING_SCENARIO)
  })

  it('names a campus at every schema default, so its link does not open as the preset', () => {
    const query = scenarioToQuery(DEFAULT_SCENARIO, overview)
    expect([...new URLSearchParams(query).keys()]).toEqual(['name'])
    expect(hasScenarioKeys(query)).toBe(true)
    expect(readQuery(query).scenario).toEqual(DEFAULT_SCENARIO)
  })

  it('writes only non-default values, with power fields flattened', () => {
    let s: Scenario = setField(DEFAULT_SCENARIO, 'racksPerHall', 200)
    s = setField(s, 'power.hydroMw', 300)
    s = setField(s, 'site', 'abilene')
    const query = scenarioToQuery(s, overview)
    const params = new URLSearchParams(query)
    expect([...params.keys()].sort()).toEqual(['hydroMw', 'racksPerHall', 'site'])
    expect(params.get('hydroMw')).toBe('300')
  })

  it('round-trips every field changed at once, and the view', () => {
    let s: Scenario = DEFAULT_SCENARIO
    for (const f of FIELDS) {
      const value =
        f.kind === 'number'
          ? f.default === f.max
            ? f.min
            : f.max
          : f.kind === 'enum'
            ? (f.options.find((o) => o.value !== f.default)?.value ?? f.default)
            : 'Ünïcode & <b>name</b> ?=#'
      s = trySetField(s, f.path, value).scenario
    }
    const camera = { view: 'custom', position: [120.5, 80, -30], target: [0, 0, 0] } as const
    const reading = readQuery(`?${scenarioToQuery(s, camera)}`)
    expect(reading.problems).toEqual([])
    expect(reading.scenario).toEqual(s)
    expect(reading.camera).toEqual(camera)
  })

  it('keeps decimals exact (0.85, 0.5 steps)', () => {
    const s = setField(setField(DEFAULT_SCENARIO, 'utilization', 0.73), 'climateOffsetC', -2.5)
    expect(readQuery(scenarioToQuery(s, overview)).scenario).toEqual(s)
  })
})

describe('reading a hand-edited link', () => {
  it('counts only scenario keys as a scenario (the view and phase alone open the preset)', () => {
    expect(hasScenarioKeys('')).toBe(false)
    expect(hasScenarioKeys('?cam=hall&phase=1')).toBe(false)
    expect(hasScenarioKeys('?cam=hall&buildings=3')).toBe(true)
  })

  it('gives a campus moved to another site the site’s name unless the link names it', () => {
    const moved = readQuery('site=phoenix', OPENING_SCENARIO).scenario
    expect(moved.site).toBe('phoenix')
    expect(moved.name).not.toBe(OPENING_SCENARIO.name)
    expect(moved.name).toContain('Phoenix')
    const named = readQuery('site=phoenix&name=Desert%20test', OPENING_SCENARIO).scenario
    expect(named.name).toBe('Desert test')
    const typed = readQuery('site=phoenix', { ...OPENING_SCENARIO, name: 'My campus' }).scenario
    expect(typed.name).toBe('My campus')
  })

  it('opens the defaults for an empty query', () => {
    const r = readQuery('')
    expect(r.scenario).toBe(DEFAULT_SCENARIO)
    expect(r.camera).toEqual(overview)
    expect(r.problems).toEqual([])
  })

  it.each([
    ['racksPerHall=1e9', 'racksPerHall', /between 1 and 600/],
    ['racksPerHall=abc', 'racksPerHall', /must be a number/],
    ['racksPerHall=12.5', 'racksPerHall', /whole number/],
    ['racksPerHall=', 'racksPerHall', /must be a number/],
    ['racksPerHall=0x10', 'racksPerHall', /must be a number/],
    ['racksPerHall=Infinity', 'racksPerHall', /must be a number/],
    ['utilization=-1', 'utilization', /between/],
    ['site=atlantis', 'site', /unknown site/],
    ['rack=gb300', 'rack', /unknown rack/],
    ['bogus=1', 'bogus', /unknown field/],
    ['cam=sideways', 'cam', /view/],
    ['cam=1,2,3', 'cam', /six numbers/],
    ['cam=1,2,3,4,5,NaN', 'cam', /six numbers/],
  ])('%s → default and a problem naming %s', (query, path, message) => {
    const r = readQuery(query)
    expect(r.problems).toHaveLength(1)
    expect(r.problems[0]?.path).toBe(path)
    expect(r.problems[0]?.message).toMatch(message)
    expect(r.scenario).toEqual(DEFAULT_SCENARIO)
  })

  it('keeps the good values and names every bad one', () => {
    const r = readQuery('?racksPerHall=200&buildings=abc&site=abilene&foo=bar&hydroMw=1e12')
    expect(r.scenario.racksPerHall).toBe(200)
    expect(r.scenario.site).toBe('abilene')
    expect(r.scenario.buildings).toBe(DEFAULT_SCENARIO.buildings)
    expect(r.scenario.power.hydroMw).toBe(DEFAULT_SCENARIO.power.hydroMw)
    expect(r.problems.map((p) => p.path)).toEqual(['buildings', 'foo', 'hydroMw'])
  })

  it('uses the first of repeated keys and says so', () => {
    const r = readQuery('racksPerHall=100&racksPerHall=200')
    expect(r.scenario.racksPerHall).toBe(100)
    expect(r.problems).toHaveLength(1)
  })

  it('refuses absurdly long links as a whole', () => {
    const huge = `name=${'x'.repeat(100_000)}`
    const r = readQuery(huge)
    expect(r.scenario).toBe(DEFAULT_SCENARIO)
    expect(r.problems[0]?.path).toBe('(link)')
  })

  it('accepts text values as text (names may hold anything up to the limit)', () => {
    const r = readQuery(`name=${encodeURIComponent('<img src=x onerror=alert(1)>')}`)
    expect(r.problems).toEqual([])
    expect(getField(r.scenario, 'name')).toBe('<img src=x onerror=alert(1)>')
  })
})

describe('camera parameter', () => {
  it('omits the default view and writes named views by id', () => {
    expect(cameraToParam(overview)).toBeNull()
    expect(cameraToParam({ view: 'top' })).toBe('top')
  })

  it('rounds a custom view to 0.1 m', () => {
    expect(
      cameraToParam({ view: 'custom', position: [120.54, 80.01, -30.06], target: [0, -0.01, 0] }),
    ).toBe('120.5,80,-30.1,0,0,0')
  })

  it('parses named and custom views and refuses the rest', () => {
    expect(cameraFromParam('hall')).toEqual({ view: 'hall' })
    expect(cameraFromParam('1,2,3,4,5,6')).toEqual({
      view: 'custom',
      position: [1, 2, 3],
      target: [4, 5, 6],
    })
    expect(cameraFromParam('1,2,3,4,5,1e9')).toBeNull()
    expect(cameraFromParam('custom')).toBeNull()
  })
})

/** A phased campus: every phase field kind (count, share, enum, temperature, power) overridden. */
const PHASED = (() => {
  const result = parseScenario({
    version: 1,
    name: 'Build-out & co',
    site: 'abilene',
    buildings: 8,
    power: { gridMw: 1400, hydroMw: 0 },
    phases: [
      { name: 'Phase 1', online: '2025-06', buildings: 2, power: { gridMw: 360 } },
      { name: 'Six buildings, B200 → GB300', online: '2026-03', buildings: 6, rack: 'b200-dgx' },
      { name: 'Phase 3', online: '2026-09', utilization: 0.7, cooling: 'dlc-adiabatic' },
      { name: 'Warm water', online: '2027-01', liquidSupplyC: 35, power: { solarMw: 200.5 } },
    ],
  })
  if (!result.ok) throw new Error('PHASED is not a valid scenario')
  return result.scenario
})()

describe('phases in the address bar', () => {
  it('round-trips a scenario with phases, and the phase shown', () => {
    for (const phaseIndex of [0, 1, 3]) {
      const query = scenarioToQuery(PHASED, overview, phaseIndex)
      const reading = readQuery(`?${query}`)
      expect(reading.problems).toEqual([])
      expect(reading.scenario).toEqual(PHASED)
      expect(reading.phaseIndex).toBe(phaseIndex)
    }
  })

  it('writes readable keys that mirror the file’s paths, names only when not the default', () => {
    const query = scenarioToQuery(PHASED, overview, 1)
    expect(query).toContain(
      'phases[0].online=2025-06&phases[0].buildings=2&phases[0].power.gridMw=360',
    )
    expect(query).not.toContain('phases[0].name')
    expect(query).toContain('phases[1].name=Six+buildings,+B200+%E2%86%92+GB300')
    expect(query).toContain('phases[3].power.solarMw=200.5')
    expect(query).toMatch(/&phase=1$/)
  })

  it('writes phase= only when the scenario has phases, clamped to them', () => {
    expect(scenarioToQuery(OPENING_SCENARIO, overview, 3)).not.toMatch(/phase=/)
    expect(scenarioToQuery(PHASED, overview, 99)).toMatch(/&phase=3$/)
    expect(scenarioToQuery(PHASED, { view: 'top' }, 0)).toMatch(/&phase=0&cam=top$/)
  })

  it('shows the last phase when a link with phases has no phase=', () => {
    const query = scenarioToQuery(PHASED, overview, 0).replace(/&phase=0$/, '')
    expect(readQuery(query).phaseIndex).toBe(3)
    expect(readQuery('').phaseIndex).toBe(0)
  })

  const base = 'buildings=8&phases[0].online=2026-01&phases[1].online=2027-01&phases[1].buildings=3'

  it.each([
    ['phases[0].buildings=abc', 'phases[0].buildings', /must be a number \(got "abc"\)/],
    ['phases[0].buildings=99', 'phases[0].buildings', /between 1 and 40/],
    ['phases[1].power.gridMw=-1', 'phases[1].power.gridMw', /between 0 and 20000/],
    ['phases[1].power.gridMW=1', 'phases[1].power.gridMW', /did you mean "gridMw"/],
    ['phases[1].site=lulea', 'phases[1].site', /cannot change from one phase/],
    ['phases[0].rack=gb300', 'phases[0].rack', /unknown rack/],
    ['phases[12].online=2030-01', 'phases[12].online', /at most 12 phases/],
    ['phases[3].online=2030-01', 'phases[2]', /is missing/],
    ['phase=7', 'phase', /0 … 1 \(got 7\); the last phase is shown/],
    ['phase=-1', 'phase', /must be a phase number/],
    ['phase=one', 'phase', /must be a phase number/],
  ])('%s → the notice names %s and the rest of the link opens', (bad, path, message) => {
    const r = readQuery(`${base}&${bad}`)
    expect(r.problems).toHaveLength(1)
    expect(r.problems[0]?.path).toBe(path)
    expect(r.problems[0]?.message).toMatch(message)
    expect(r.scenario.buildings).toBe(8)
    expect(r.scenario.phases?.slice(0, 2)).toEqual([
      { name: 'Phase 1', online: '2026-01' },
      { name: 'Phase 2', online: '2027-01', buildings: 3 },
    ])
  })

  it('a phase with a bad month is left out, the others kept and named in the notice', () => {
    const r = readQuery(
      'phases[0].online=2026-01&phases[1].online=2025-13&phases[2].online=2027-02',
    )
    expect(r.problems.map((p) => p.path)).toEqual(['phases[1].online'])
    expect(r.scenario.phases?.map((p) => p.online)).toEqual(['2026-01', '2027-02'])
  })

  it('phase= without phases is named and ignored', () => {
    const r = readQuery('phase=1')
    expect(r.problems).toEqual([{ path: 'phase', message: 'the scenario has no phases; ignored' }])
    expect(r.phaseIndex).toBe(0)
    expect(r.scenario).toBe(DEFAULT_SCENARIO)
  })

  it('keys in a phase are data, never a prototype', () => {
    const r = readQuery(
      'phases[0].online=2026-01&phases[0].__proto__.polluted=1&phases[0].constructor=1',
    )
    expect(r.problems.map((p) => p.path)).toEqual(['phases[0].__proto__', 'phases[0].constructor'])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(r.scenario.phases).toEqual([{ name: 'Phase 1', online: '2026-01' }])
  })
})

describe('unknown keys in a link', () => {
  it('get a "did you mean" hint', () => {
    expect(readQuery('rackPerHall=3').problems).toEqual([
      { path: 'rackPerHall', message: 'unknown field (did you mean "racksPerHall"?)' },
    ])
  })

  it('are named up to ten and counted beyond, in one notice', () => {
    const query = Array.from({ length: 500 }, (_, i) => `k${i}=1`).join('&')
    const r = readQuery(`buildings=3&${query}`)
    expect(r.problems).toHaveLength(MAX_UNKNOWN_NAMED + 1)
    expect(r.problems.at(-1)).toEqual({
      path: '(link)',
      message: 'has 490 more unknown fields (only the first 10 are named)',
    })
    expect(r.scenario.buildings).toBe(3)
  })
})

// Keeps the typed setter in use here: a regression in its typing fails test:types.
void setField
