/** Programme links: preset id plus per-campus changes, read back exactly; bad keys named. */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  campusById,
  formatProblem,
  parseProgramme,
  setField,
  withCampusScenario,
  withPhases,
  type Programme,
} from '../src/model'
import { DEFAULT_CAMERA } from '../src/state/store'
import { programmePresetOf, programmeToQuery, readProgrammeQuery } from '../src/state/programmeUrl'

const preset = (() => {
  const result = parseProgramme(
    JSON.parse(readFileSync('public/programmes/stargate-us.json', 'utf8')),
  )
  if (!result.ok) throw new Error('preset does not parse')
  return result.programme
})()
const scenarioOf = (p: Programme, id: string) => {
  const c = campusById(p, id)
  if (c === undefined) throw new Error(`no campus ${id}`)
  return c.scenario
}
const mapView = { campusId: null, camera: DEFAULT_CAMERA, phaseIndex: 0 }
const problemsOf = (query: string): string[] =>
  readProgrammeQuery(query, preset).problems.map(formatProblem)

describe('programme links', () => {
  it('write nothing but the preset id when nothing changed', () => {
    expect(programmeToQuery('stargate-us', preset, preset, mapView)).toBe('programme=stargate-us')
    expect(programmePresetOf('?programme=stargate-us&milam.racksPerHall=3')).toBe('stargate-us')
    expect(programmePresetOf('?racksPerHall=3')).toBeNull()
  })

  it('write each campus’s changes under its id and read them back exactly', () => {
    let edited = withCampusScenario(
      preset,
      'milam',
      setField(setField(scenarioOf(preset, 'milam'), 'racksPerHall', 220), 'power.solarMw', 500),
    )
    edited = withCampusScenario(
      edited,
      'saline',
      setField(scenarioOf(preset, 'saline'), 'cooling', 'dlc-adiabatic'),
    )
    // Abilene loses its phases; Shackelford's second phase moves.
    edited = withCampusScenario(
      edited,
      'abilene',
      withPhases(scenarioOf(preset, 'abilene'), undefined),
    )
    const shack = scenarioOf(preset, 'shackelford')
    const phases = shack.phases ?? []
    edited = withCampusScenario(
      edited,
      'shackelford',
      withPhases(shack, [phases[0]!, { ...phases[1]!, online: '2029-06' }]),
    )
    const view = {
      campusId: 'shackelford',
      camera: { view: 'top' as const },
      phaseIndex: 0,
    }
    const query = programmeToQuery('stargate-us', edited, preset, view)
    expect(query).toContain('milam.racksPerHall=220')
    expect(query).toContain('milam.solarMw=500')
    expect(query).toContain('saline.cooling=dlc-adiabatic')
    expect(query).toContain('abilene.phases=none')
    expect(query).toContain('shackelford.phases[1].online=2029-06')
    expect(query).not.toContain('port-washington.')
    const read = readProgrammeQuery(query, preset)
    expect(read.problems).toEqual([])
    expect(read.programme).toEqual(edited)
    expect(read).toMatchObject(view)
    // Campuses the link does not touch keep their identity (their evaluations stay memoised).
    expect(campusById(read.programme, 'port-washington')).toBe(
      campusById(preset, 'port-washington'),
    )
  })

  it('opens a campus on its last phase when the link gives no phase', () => {
    const read = readProgrammeQuery('programme=stargate-us&campus=abilene', preset)
    expect(read.campusId).toBe('abilene')
    expect(read.phaseIndex).toBe(1)
  })

  it.each([
    ['milam.racksPerHall=9999', 'milam.racksPerHall: must be between 1 and 600 (got 9999)'],
    [
      'milan.racksPerHall=1',
      /^milan\.racksPerHall: no campus "milan" in Stargate US.*\(did you mean "milam"\?\)/,
    ],
    [
      'racksPerHall=3',
      'racksPerHall: unknown field (a campus\'s field: did you mean "abilene.racksPerHall"?)',
    ],
    [
      'campus=milam&racksPerHall=3',
      'racksPerHall: unknown field (a campus\'s field: did you mean "milam.racksPerHall"?)',
    ],
    ['milam.racksPerhall=3', 'milam.racksPerhall: unknown field (did you mean "racksPerHall"?)'],
    [
      'campus=milan',
      /^campus: no campus "milan" in .*\(did you mean "milam"\?\); the map is shown/,
    ],
    ['cam=top', 'cam: needs campus=: the map has no cam; ignored'],
    ['milam.cam=top', /^milam\.cam: belongs to the link, not to a campus/],
    ['milam.phases=all', /^milam\.phases: must be "none"/],
    ['milam.phases[0].online=2026-13', /^milam\.phases\[0\]\.online: has no month 13/],
    ['campus=milam&phase=7', /^phase: must be a phase number, 0 … 1 \(got 7\)/],
    ['milam.site=atlantis', /^milam\.site: unknown site "atlantis"/],
  ])('names the field of a bad key: %s', (query, expected) => {
    const problems = problemsOf(`programme=stargate-us&${query}`)
    expect(problems).toContainEqual(
      typeof expected === 'string' ? expected : expect.stringMatching(expected),
    )
  })

  it('keeps the preset’s value where a key is bad, and every good change', () => {
    const read = readProgrammeQuery(
      'programme=stargate-us&milam.racksPerHall=9999&milam.buildings=3&saline.rack=tpu',
      preset,
    )
    expect(scenarioOf(read.programme, 'milam').racksPerHall).toBe(
      scenarioOf(preset, 'milam').racksPerHall,
    )
    expect(scenarioOf(read.programme, 'milam').buildings).toBe(3)
    expect(scenarioOf(read.programme, 'saline')).toBe(scenarioOf(preset, 'saline'))
  })

  it('names ten unknown keys over the whole link and counts the rest', () => {
    const keys = [
      ...Array.from({ length: 8 }, (_, i) => `stray${i}=1`),
      ...Array.from({ length: 8 }, (_, i) => `milam.stray${i}=1`),
      ...Array.from({ length: 8 }, (_, i) => `nowhere.x${i}=1`),
    ]
    const problems = problemsOf(`programme=stargate-us&${keys.join('&')}`)
    expect(problems).toHaveLength(11)
    expect(problems.at(-1)).toBe('(link): has 14 more unknown fields (only the first 10 are named)')
  })

  it('treats keys such as __proto__ as data', () => {
    const read = readProgrammeQuery(
      'programme=stargate-us&__proto__.x=1&milam.__proto__=1&milam.phases[0].__proto__.x=1',
      preset,
    )
    expect(({} as Record<string, unknown>).x).toBeUndefined()
    expect(read.problems.length).toBeGreaterThan(0)
  })

  it('refuses an overlong link as a whole, showing the preset', () => {
    const read = readProgrammeQuery(`programme=stargate-us&milam.name=${'x'.repeat(9000)}`, preset)
    expect(read.programme).toBe(preset)
    expect(read.problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^\(link\): is too long/),
    ])
  })
})
