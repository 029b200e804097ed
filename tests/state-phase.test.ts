/** The phase shown: `phaseIndex` in the store, clamped on read, driving evaluation and layout. */
import { readFileSync } from 'node:fs'
import { beforeEach, describe, expect, it } from 'vitest'
import { decodeClimate, evaluate, parseScenario, phaseScenarios, type Scenario } from '../src/model'
import {
  notify,
  resetScenario,
  selectEvaluation,
  selectLayout,
  selectPhaseIndex,
  selectShownScenario,
  setPhaseIndex,
  useCampus,
} from '../src/state'

const lulea = decodeClimate(JSON.parse(readFileSync('assets/climate/lulea.json', 'utf8')))
const initial = useCampus.getState()

const PHASED: Scenario = (() => {
  const result = parseScenario({
    version: 1,
    site: 'lulea',
    phases: [
      { online: '2026-01', buildings: 1 },
      { online: '2027-01', buildings: 3 },
      { online: '2028-01', racksPerHall: 100 },
    ],
  })
  if (!result.ok) throw new Error('PHASED is not a valid scenario')
  return result.scenario
})()

beforeEach(() => {
  useCampus.setState({ ...initial, climates: { lulea } }, true)
  resetScenario(PHASED)
})

describe('the phase shown', () => {
  it('is clamped to the phases present when set and when read', () => {
    setPhaseIndex(7)
    expect(useCampus.getState().phaseIndex).toBe(2)
    setPhaseIndex(-3)
    expect(useCampus.getState().phaseIndex).toBe(0)
    useCampus.setState({ phaseIndex: 2 })
    resetScenario({ ...PHASED, phases: PHASED.phases?.slice(0, 2) ?? [] })
    expect(selectPhaseIndex(useCampus.getState())).toBe(1)
  })

  it(
    'drives the evaluation and the layout, with stable identities per phase',
    { timeout: 10_000 },
    () => {
      const phases = phaseScenarios(PHASED)
      setPhaseIndex(0)
      const first = selectEvaluation(useCampus.getState())
      expect(selectShownScenario(useCampus.getState())).toBe(phases[0])
      expect(first?.readouts).toEqual(evaluate(phases[0] as Scenario, lulea))
      expect(first?.readouts.rackCount).toBe(1 * 4 * 174)
      setPhaseIndex(1)
      expect(selectEvaluation(useCampus.getState())?.readouts.rackCount).toBe(3 * 4 * 174)
      const layout = selectLayout(useCampus.getState())
      expect(layout).toBe(selectLayout(useCampus.getState()))
      setPhaseIndex(2)
      expect(selectEvaluation(useCampus.getState())?.readouts.rackCount).toBe(3 * 4 * 100)
      expect(selectLayout(useCampus.getState())).not.toBe(layout)
    },
  )

  it('is the scenario itself when it has no phases', () => {
    const plain = parseScenario({ version: 1, site: 'lulea' })
    if (!plain.ok) throw new Error('not valid')
    resetScenario(plain.scenario)
    setPhaseIndex(4)
    expect(useCampus.getState().phaseIndex).toBe(0)
    expect(selectShownScenario(useCampus.getState())).toBe(plain.scenario)
  })
})

describe('notices', () => {
  it('never carry control characters from a file or link', () => {
    notify({ tone: 'warning', title: 'Bad \u001b[2J link', details: ['a\nb: unknown field'] })
    const notice = useCampus.getState().notices.at(-1)
    expect(notice?.title).toBe('Bad \\u001b[2J link')
    expect(notice?.details).toEqual(['a\\nb: unknown field'])
  })
})
