/** The command line with a programme file: JSON of totals and campuses, the table, bad input. */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { runEvaluate } from '../src/cli/evaluate'
import { CONTRACT_READOUT_KEYS } from './contract'

const noStdin = (): string => {
  throw new Error('no stdin in this case')
}
const US = 'public/programmes/stargate-us.json'
const evaluateText = (text: string, ...flags: string[]) => runEvaluate(['-', ...flags], () => text)
const campus = (id: string, scenario: Record<string, unknown> = {}) => ({
  id,
  name: id,
  lat: 32.45,
  lon: -99.73,
  scenario: { version: 1, site: 'abilene', ...scenario },
})

interface ProgrammeJson {
  name: string
  total: Record<string, unknown> & { warnings: unknown[] }
  campuses: (Record<string, unknown> & { id: string; phases?: unknown[] })[]
}

// Seven campuses (ten simulated years) and six climates read from disk per test: well under a
// second alone, given room for a loaded machine.
const SLOW = { timeout: 10_000 }

describe('evaluate command with a programme', SLOW, () => {
  it('prints { total, campuses } as JSON: contract readouts in both, ids and places per campus', () => {
    const result = runEvaluate([US, '--json'], noStdin)
    expect(result.code).toBe(0)
    expect(result.stderr).toBe('')
    const out = JSON.parse(result.stdout) as ProgrammeJson
    const file = JSON.parse(readFileSync(US, 'utf8')) as { campuses: { id: string }[] }
    expect(out.campuses.map((c) => c.id)).toEqual(file.campuses.map((c) => c.id))
    for (const c of out.campuses) {
      for (const key of ['id', 'name', 'lat', 'lon', 'site', 'siteDistanceKm', 'warnings'])
        expect(c, `${c.id}.${key}`).toHaveProperty(key)
      for (const key of CONTRACT_READOUT_KEYS) expect(c, `${c.id}.${key}`).toHaveProperty(key)
    }
    // Totals: the summable contract readouts and the energy-weighted ratios.
    for (const key of CONTRACT_READOUT_KEYS) expect(out.total, key).toHaveProperty(key)
    const sum = (key: string) => out.campuses.reduce((a, c) => a + (c[key] as number), 0)
    expect(out.total.rackCount).toBe(sum('rackCount'))
    expect(out.total.energyGwhPerYear).toBeCloseTo(sum('energyGwhPerYear'), 6)
    expect(out.total.pueAnnual as number).toBeCloseTo(
      sum('energyGwhPerYear') / sum('itEnergyGwhPerYear'),
      12,
    )
    expect(out.total.campusCount).toBe(out.campuses.length)
    expect(out.total.warnings).toEqual([])
    // A campus with phases lists them, as a scenario's JSON does.
    const abilene = out.campuses.find((c) => c.id === 'abilene')
    expect(abilene?.phases).toHaveLength(2)
  })

  it('prints a table with one row per campus and a total row', () => {
    const result = runEvaluate([US], noStdin)
    expect(result.code).toBe(0)
    const lines = result.stdout.split('\n')
    expect(lines[0]).toMatch(/^Stargate US.* — 7 campuses$/)
    const rows = lines.filter((l) =>
      / (abilene|las-cruces|youngstown|milam|saline|port-washington) +[\d,]+ /.test(l),
    )
    expect(rows).toHaveLength(7)
    const total = lines.find((l) => l.startsWith('Total '))
    expect(total).toMatch(/^Total\s+[\d,]+\s+[\d,]+\s+[\d,]+\s+1\.\d{3}\s/)
  })

  it('reads a programme from standard input', () => {
    const text = JSON.stringify({
      version: 1,
      kind: 'programme',
      name: 'P',
      campuses: [campus('a')],
    })
    const result = evaluateText(text, '--json')
    expect(result.code).toBe(0)
    expect((JSON.parse(result.stdout) as ProgrammeJson).total.rackCount).toBe(1392)
  })

  it.each([
    [
      'a bad field four campuses in',
      [campus('a'), campus('b'), campus('c'), campus('d', { racksPerHall: 1e9 })],
      ['campuses[3].scenario.racksPerHall: must be between 1 and 600 (got 1000000000)'],
    ],
    [
      'a duplicate id and a bad latitude',
      [campus('a'), { ...campus('a'), lat: -95 }],
      [
        'campuses[1].id: duplicate of campuses[0].id ("a"): ids must be unique',
        'campuses[1].lat: must be between -90 and 90 degrees (got -95)',
      ],
    ],
  ])('exits 2 on %s, one line per problem, nothing on stdout', (_case, campuses, lines) => {
    const result = evaluateText(JSON.stringify({ version: 1, kind: 'programme', campuses }))
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr.trimEnd().split('\n')).toEqual(lines)
  })

  it('takes a document with "kind" or "campuses" for a programme, and says what is wrong', () => {
    const typo = evaluateText(
      JSON.stringify({ version: 1, kind: 'programm', campuses: [campus('a')] }),
    )
    expect(typo).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'kind: must be "programme" (got "programm") (did you mean "programme"?)\n',
    })
    const noKind = evaluateText(JSON.stringify({ version: 1, campuses: [campus('a')] }))
    expect(noKind.stderr).toBe('kind: is required and must be "programme"\n')
    // A scenario is still a scenario.
    expect(evaluateText('{"version":1,"racksPerHall":1}', '--json').code).toBe(0)
  })
})
