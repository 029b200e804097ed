import { describe, expect, it } from 'vitest'
import { DEFAULT_SCENARIO, FIELDS, getField, setField, type Scenario } from '../src/model'
import { cameraFromParam, cameraToParam, readQuery, scenarioToQuery } from '../src/state/url'

const overview = { view: 'overview' } as const

describe('scenario ⇄ query string', () => {
  it('writes nothing for the default campus and default view', () => {
    expect(scenarioToQuery(DEFAULT_SCENARIO, overview)).toBe('')
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
      if (f.kind === 'number') s = setField(s, f.path, f.default === f.max ? f.min : f.max)
      else if (f.kind === 'enum')
        s = setField(s, f.path, f.options.find((o) => o.value !== f.default)?.value ?? f.default)
      else s = setField(s, f.path, 'Ünïcode & <b>name</b> ?=#')
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

  it('refuses absurdly long links as a whole, quickly', () => {
    const huge = `name=${'x'.repeat(100_000)}`
    const started = performance.now()
    const r = readQuery(huge)
    expect(performance.now() - started).toBeLessThan(100)
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
