/**
 * The programme file contract: the parser (every problem names its field, the unknown-key cap
 * holds for the whole file), the totals (one rule per readout; sums and energy-weighted ratios
 * equal to the programme-wide definitions) and the built-in programmes.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { loadClimate } from '../../src/cli/loadClimate'
import {
  AGGREGATED_READOUT_KEYS,
  BREAKDOWN_AGGREGATION,
  DEFAULT_SCENARIO,
  MAX_CAMPUSES,
  READOUT_AGGREGATION,
  READOUT_SPECS,
  SITES,
  aggregateReadouts,
  distanceKm,
  evaluate,
  evaluateProgramme,
  formatProblem,
  parseProgramme,
  parseProgrammeJson,
  phaseScenarios,
  programmeToJson,
  siteDistanceKm,
  type AggregationRule,
  type Programme,
  type Readouts,
  type TotalKey,
} from '../../src/model'

const campus = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: `Campus ${id}`,
  lat: 32.45,
  lon: -99.73,
  scenario: { version: 1, site: 'abilene' },
  ...extra,
})
const doc = (campuses: unknown[], extra: Record<string, unknown> = {}) => ({
  version: 1,
  kind: 'programme',
  name: 'Test',
  campuses,
  ...extra,
})
const problemsOf = (input: unknown): string[] => {
  const result = parseProgramme(input)
  return result.ok ? [] : result.problems.map(formatProblem)
}
const parsed = (input: unknown): Programme => {
  const result = parseProgramme(input)
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'))
  return result.programme
}

const PROGRAMME_FILES = readdirSync('public/programmes').filter((f) => f.endsWith('.json'))
const readPreset = (file: string): Programme =>
  parsed(JSON.parse(readFileSync(`public/programmes/${file}`, 'utf8')))

describe('programme parser', () => {
  it('reads a minimal programme; missing scenario fields take their defaults', () => {
    const programme = parsed(doc([campus('a')]))
    expect(programme.campuses).toHaveLength(1)
    expect(programme.campuses[0]?.scenario).toEqual({ ...DEFAULT_SCENARIO, site: 'abilene' })
  })

  it('round-trips through its own JSON', () => {
    for (const file of PROGRAMME_FILES) {
      const programme = readPreset(file)
      const again = parseProgrammeJson(programmeToJson(programme))
      expect(again).toEqual({ ok: true, programme })
    }
  })

  it.each([
    [
      'a scenario field out of range, named inside its campus',
      doc([
        campus('a'),
        campus('b'),
        campus('c'),
        campus('d', { scenario: { version: 1, racksPerHall: 5000 } }),
      ]),
      'campuses[3].scenario.racksPerHall: must be between 1 and 600 (got 5000)',
    ],
    [
      'a duplicate id',
      doc([campus('a'), campus('a')]),
      'campuses[1].id: duplicate of campuses[0].id ("a"): ids must be unique',
    ],
    [
      'an id outside the charset',
      doc([campus('Port Washington')]),
      /^campuses\[0\]\.id: must be 1 to 32 lowercase letters, digits and inner hyphens/,
    ],
    [
      'a latitude past the pole',
      doc([campus('a', { lat: 91 })]),
      'campuses[0].lat: must be between -90 and 90 degrees (got 91)',
    ],
    [
      'a longitude past the date line',
      doc([campus('a', { lon: -181 })]),
      'campuses[0].lon: must be between -180 and 180 degrees (got -181)',
    ],
    [
      'a latitude as text',
      doc([campus('a', { lat: '32.4' })]),
      'campuses[0].lat: must be a number (got "32.4")',
    ],
    [
      'a missing scenario',
      doc([{ id: 'a', lat: 1, lon: 2 }]),
      /^campuses\[0\]\.scenario: is required/,
    ],
    [
      'a scenario that is not an object',
      doc([campus('a', { scenario: 3 })]),
      'campuses[0].scenario: must be a JSON object (got 3)',
    ],
    [
      'a scenario without version',
      doc([campus('a', { scenario: { site: 'abilene' } })]),
      'campuses[0].scenario.version: is required and must be 1',
    ],
    [
      'an unknown site, with a hint',
      doc([campus('a', { scenario: { version: 1, site: 'milan' } })]),
      /^campuses\[0\]\.scenario\.site: unknown site "milan" \(did you mean "milam"\?\)/,
    ],
    [
      'a phase out of order inside a campus',
      doc([
        campus('a', {
          scenario: {
            version: 1,
            phases: [
              { online: '2027-01', buildings: 1 },
              { online: '2026-01', buildings: 2 },
            ],
          },
        }),
      ]),
      /^campuses\[0\]\.scenario\.phases\[1\]\.online: must be later than campuses\[0\]\.scenario\.phases\[0\]\.online/,
    ],
    [
      'a misspelt campus key',
      doc([campus('a', { scenaro: {} })]),
      'campuses[0].scenaro: unknown field (did you mean "scenario"?)',
    ],
    [
      'a misspelt top-level key',
      { ...doc([campus('a')]), campus: [] },
      'campus: unknown field (did you mean "campuses"?)',
    ],
    [
      'a misspelt kind',
      doc([campus('a')], { kind: 'programm' }),
      'kind: must be "programme" (got "programm") (did you mean "programme"?)',
    ],
    [
      'no kind',
      { version: 1, campuses: [campus('a')] },
      'kind: is required and must be "programme"',
    ],
    ['no campuses', doc([]), 'campuses: must hold 1 to 50 campuses (got none)'],
    [
      'campuses not a list',
      { ...doc([]), campuses: { a: 1 } },
      'campuses: must be a list of campuses (got an object)',
    ],
    [
      'a campus that is not an object',
      doc(['abilene']),
      'campuses[0]: must be an object (got "abilene")',
    ],
    [
      'a name too long',
      doc([campus('a', { name: 'x'.repeat(121) })]),
      'campuses[0].name: must be at most 120 characters (got 121)',
    ],
    ['a wrong version', doc([campus('a')], { version: 2 }), 'version: must be 1 (got 2)'],
    ['not an object', [1, 2], '(file): must be a JSON object (got a list)'],
  ])('refuses %s, naming the field', (_case, input, expected) => {
    const problems = problemsOf(input)
    expect(problems, JSON.stringify(problems)).toContainEqual(
      typeof expected === 'string' ? expected : expect.stringMatching(expected),
    )
  })

  it('reports every problem of every campus at once', () => {
    const problems = problemsOf(
      doc([campus('a', { lat: 100 }), campus('a', { scenario: { version: 1, buildings: 0 } })]),
    )
    expect(problems).toEqual([
      'campuses[0].lat: must be between -90 and 90 degrees (got 100)',
      'campuses[1].id: duplicate of campuses[0].id ("a"): ids must be unique',
      'campuses[1].scenario.buildings: must be between 1 and 40 (got 0)',
    ])
  })

  it(`reads at most ${MAX_CAMPUSES} campuses and says so`, () => {
    const many = Array.from({ length: MAX_CAMPUSES + 5 }, (_, i) => campus(`c${i}`, { lat: 100 }))
    const problems = problemsOf(doc(many))
    expect(problems[0]).toBe('campuses: may hold at most 50 campuses (got 55)')
    expect(problems.filter((p) => p.endsWith('(got 100)'))).toHaveLength(MAX_CAMPUSES)
  })

  it('caps named unknown keys for the whole file, not per campus', () => {
    const stray = Object.fromEntries(Array.from({ length: 5 }, (_, k) => [`stray${k}`, 1]))
    const campuses = Array.from({ length: MAX_CAMPUSES }, (_, i) =>
      campus(`c${i}`, { ...stray, scenario: { version: 1, ...stray } }),
    )
    const problems = problemsOf(doc(campuses))
    expect(problems.filter((p) => p.includes(': unknown field'))).toHaveLength(10)
    expect(problems.at(-1)).toBe(
      '(file): has 490 more unknown fields (only the first 10 are named)',
    )
  })

  it('echoes keys printable: one line per problem', () => {
    const problems = problemsOf(doc([campus('a', { 'lat\n\u001b[31m': 1 })]))
    expect(problems).toContain('campuses[0].lat\\n\\u001b[31m: unknown field')
    // eslint-disable-next-line no-control-regex
    for (const p of problems) expect(p).not.toMatch(/[\n\u001b]/)
  })

  it('reads text as scenario files are read: byte-order mark, size cap, JSON errors', () => {
    const text = JSON.stringify(doc([campus('a')]))
    expect(parseProgrammeJson(`\ufeff${text}`).ok).toBe(true)
    expect(parseProgrammeJson('{')).toMatchObject({ ok: false, problems: [{ path: '(file)' }] })
    expect(parseProgrammeJson(' ')).toEqual({
      ok: false,
      problems: [{ path: '(file)', message: 'is empty' }],
    })
    const big = parseProgrammeJson(`${text}${' '.repeat(1_000_001)}`)
    expect(big.ok ? '' : big.problems[0]?.message).toMatch(
      /^is too large .* a programme is under 1 MB/,
    )
  })
})

// Evaluating a programme simulates ten years over six climates read from disk: well under a
// second alone, given room for a loaded machine.
describe('programme totals', { timeout: 10_000 }, () => {
  const us = readPreset('stargate-us.json')
  const result = evaluateProgramme(us, loadClimate)
  const campuses = result.campuses.map((c) => c.readouts)
  const total = result.total
  const sumOf = (key: keyof Readouts & TotalKey) => campuses.reduce((a, r) => a + r[key], 0)
  const near = (actual: number, expected: number, relative = 1e-12) =>
    expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.abs(expected))

  it('has a rule for every readout the model returns and every readout the planner shows', () => {
    const readouts = evaluate(DEFAULT_SCENARIO, loadClimate('narvik'))
    for (const [key, value] of Object.entries(readouts)) {
      if (key === 'warnings') continue
      if (typeof value === 'number') expect(READOUT_AGGREGATION, key).toHaveProperty(key)
      else expect(BREAKDOWN_AGGREGATION, `${key} (a breakdown)`).toHaveProperty(key)
    }
    for (const spec of READOUT_SPECS) expect(READOUT_AGGREGATION, spec.key).toHaveProperty(spec.key)
  })

  it('weights every weighted mean by a summed readout', () => {
    for (const key of AGGREGATED_READOUT_KEYS) {
      const rule = READOUT_AGGREGATION[key] as AggregationRule
      if (rule.kind === 'weighted') expect(READOUT_AGGREGATION[rule.by].kind, key).toBe('sum')
    }
  })

  it('sums what adds up: racks, power, energy, water, CO₂, land', () => {
    expect(total.campusCount).toBe(7)
    expect(total.rackCount).toBe(sumOf('rackCount'))
    expect(total.gpuCount).toBe(sumOf('gpuCount'))
    for (const key of [
      'itDesignMw',
      'facilityPeakMw',
      'energyGwhPerYear',
      'itEnergyGwhPerYear',
      'waterM3PerYear',
      'co2TonnesPerYear',
      'co2MarketTonnesPerYear',
      'heatDeliveredGwhPerYear',
      'siteAreaHa',
    ] as const)
      near(total[key], sumOf(key))
  })

  it('ratios equal their definitions over the whole programme', () => {
    const it = total.itEnergyGwhPerYear
    near(total.pueAnnual, total.energyGwhPerYear / it)
    near(total.puePeak, total.facilityPeakMw / total.itDesignMw)
    // m³ × 1000 L ÷ (GWh × 10⁶ kWh); t × 1000 kg ÷ (GWh × 10⁶ kWh)
    near(total.wueLPerKwh, total.waterM3PerYear / (it * 1000))
    near(total.cueKgPerKwh, total.co2TonnesPerYear / (it * 1000))
    const renewableGwh = campuses.reduce((a, r) => a + r.renewableShare * r.energyGwhPerYear, 0)
    near(total.renewableShare, renewableGwh / total.energyGwhPerYear)
    near(total.erf, total.heatReusedGwhPerYear / total.energyGwhPerYear)
    const cfeGwh = campuses.reduce((a, r) => a + r.cfeScore * r.energyGwhPerYear, 0)
    near(total.cfeScore, cfeGwh / total.energyGwhPerYear)
    // A weighted mean lies between the campuses' values.
    const pues = campuses.map((r) => r.pueAnnual)
    expect(total.pueAnnual).toBeGreaterThanOrEqual(Math.min(...pues))
    expect(total.pueAnnual).toBeLessThanOrEqual(Math.max(...pues))
  })

  it('keeps the energy balance: energy by use and by source add up to the total', () => {
    const byUse = Object.values(total.energyBreakdownGwh).reduce((a, b) => a + b, 0)
    near(byUse, total.energyGwhPerYear, 1e-9)
    const s = total.supplyGwh
    near(
      s.wind + s.solar + s.hydro + s.battery + s.grid + s.gas + s.unserved,
      total.energyGwhPerYear,
      1e-6,
    )
  })

  it('a programme of one campus totals to that campus’s own readouts', () => {
    for (const c of result.campuses) {
      const one = aggregateReadouts([c.readouts])
      for (const key of Object.keys(one) as (keyof typeof one)[]) {
        if (key === 'campusCount') continue
        const value = one[key]
        if (typeof value === 'number') near(value, c.readouts[key as TotalKey], 1e-12)
        else expect(value, key).toEqual(c.readouts[key as 'supplyGwh'])
      }
    }
  })

  it('does not depend on the order or grouping of campuses', () => {
    const whole = aggregateReadouts(campuses)
    const reversed = aggregateReadouts([...campuses].reverse())
    // Totals of two groups, combined, give the total of all: sums add, weighted means combine
    // by their summed weights, maxima by max.
    const a = aggregateReadouts(campuses.slice(0, 3)) as unknown as Readouts
    const b = aggregateReadouts(campuses.slice(3)) as unknown as Readouts
    const grouped = aggregateReadouts([a, b])
    for (const key of AGGREGATED_READOUT_KEYS) {
      const expected = whole[key as TotalKey]
      if (expected === undefined) continue
      near(reversed[key as TotalKey], expected, 1e-12)
      near(grouped[key as TotalKey], expected, 1e-12)
    }
  })

  it('leaves out figures that belong to one site’s weather', () => {
    expect(total).not.toHaveProperty('designHour')
    expect(total).not.toHaveProperty('designDryBulbC')
    expect(total.unservedHours).toBe(Math.max(...campuses.map((r) => r.unservedHours)))
  })

  it('totals count each campus as built out (its last phase)', () => {
    const abilene = result.campuses.find((c) => c.campus.id === 'abilene')
    expect(abilene?.phases).toHaveLength(2)
    expect(abilene?.readouts.rackCount).toBe(8 * 4 * 174)
    expect(abilene?.phases[0]?.readouts.rackCount).toBe(2 * 4 * 174)
  })
})

describe('places', () => {
  it('measures great-circle distances (haversine, mean Earth radius)', () => {
    // London (51.5074, −0.1278) to Paris (48.8566, 2.3522): 343.5 km (e.g. any great-circle
    // calculator with R = 6371 km); a quarter meridian is 10,007.5 km.
    expect(distanceKm(51.5074, -0.1278, 48.8566, 2.3522)).toBeCloseTo(343.5, 0)
    expect(distanceKm(0, 0, 90, 0)).toBeCloseTo((Math.PI / 2) * 6371.0088, 6)
    expect(distanceKm(10, 20, 10, 20)).toBe(0)
  })

  it('warns when a campus borrows a climate from far away, and only then', () => {
    const programme = parsed(
      doc([
        campus('near'),
        campus('far', { lat: 55.02, lon: -1.52, scenario: { version: 1, site: 'london' } }),
      ]),
    )
    const warnings = evaluateProgramme(programme, loadClimate).warnings
    expect(warnings.map((w) => [w.campus, w.code, w.severity])).toEqual([
      ['far', 'SITE_FAR', 'warning'],
    ])
    expect(warnings[0]?.message).toMatch(/is 403 km from London Docklands/)
  })
})

describe('built-in programmes', { timeout: 10_000 }, () => {
  it.each(PROGRAMME_FILES)(
    '%s evaluates with no critical warning and no unserved energy',
    (file) => {
      const programme = readPreset(file)
      const result = evaluateProgramme(programme, loadClimate)
      for (const c of result.campuses) {
        for (const phase of c.phases) {
          expect(phase.readouts.unservedMwhPerYear, c.campus.id).toBe(0)
          const critical = phase.readouts.warnings.filter((w) => w.severity === 'critical')
          expect(critical.map((w) => `${c.campus.id}: ${w.message}`)).toEqual([])
        }
      }
      expect(result.warnings.filter((w) => w.severity === 'critical')).toEqual([])
    },
  )

  it.each(PROGRAMME_FILES)('%s never pretends a plant runs at full output all year', (file) => {
    for (const c of readPreset(file).campuses) {
      for (const s of phaseScenarios(c.scenario)) {
        // Hydro at capacity factor 1 would be a plant at full output all year; wind and solar
        // follow the hourly weather; gas follows demand. No supply at all is the site's grid.
        if (s.power.hydroMw > 0) expect(s.power.hydroCapacityFactor, c.id).toBeLessThan(1)
      }
    }
  })

  it.each(PROGRAMME_FILES)(
    '%s names the stand-in climate of every campus far from its site',
    (file) => {
      for (const c of readPreset(file).campuses) {
        const km = siteDistanceKm(c)
        expect(km, c.id).toBeLessThan(450)
        if (km > 100) {
          const town = SITES[c.scenario.site].label.split(/[ ,]/)[0] ?? ''
          expect(c.name, c.id).toContain(`${town} climate`)
        }
      }
    },
  )
})

describe('docs/PROGRAMMES.md', () => {
  const text = readFileSync('docs/PROGRAMMES.md', 'utf8')
  const rows = text.split('\n').filter((l) => l.startsWith('| `'))

  it('gives every readout its rule, as the code applies it', () => {
    const ruleText = (rule: AggregationRule): string =>
      rule.kind === 'weighted' ? `weighted by \`${rule.by}\`` : rule.kind
    for (const key of AGGREGATED_READOUT_KEYS) {
      const row = rows.find((l) => l.split('|')[1]?.includes(`\`${key}\``))
      expect(row, key).toBeDefined()
      expect(row?.split('|')[2]?.trim(), key).toBe(
        ruleText(READOUT_AGGREGATION[key] as AggregationRule),
      )
    }
    for (const key of Object.keys(BREAKDOWN_AGGREGATION)) {
      const row = rows.find((l) => l.split('|')[1]?.includes(`\`${key}\``))
      expect(row?.split('|')[2]?.trim(), key).toBe('sum of each member')
    }
  })

  it('lists every built-in campus by its id', () => {
    for (const file of PROGRAMME_FILES)
      for (const c of readPreset(file).campuses) expect(text, c.id).toContain(`| \`${c.id}\``)
  })
})
