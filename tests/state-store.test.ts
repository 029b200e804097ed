import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DEFAULT_SCENARIO, decodeClimate, type SiteId } from '../src/model'
import {
  COALESCE_MS,
  PRESETS,
  UNDO_LIMIT,
  clearCompare,
  commitEdit,
  holdEditForKeys,
  dismissNotice,
  isAutomaticName,
  notify,
  pinCompare,
  redo,
  resetScenario,
  selectCompareEvaluation,
  selectEvaluation,
  setField,
  setScenario,
  siteCampusName,
  swapCompare,
  undo,
  useCampus,
} from '../src/state'
import { OPENING_SCENARIO } from '../src/state/presets'

const climate = (site: SiteId) =>
  decodeClimate(JSON.parse(readFileSync(`assets/climate/${site}.json`, 'utf8')))

const initial = useCampus.getState()

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(0)
  useCampus.setState(
    { ...initial, climates: { narvik: climate('narvik'), abilene: climate('abilene') } },
    true,
  )
  commitEdit()
})

afterEach(() => {
  vi.useRealTimers()
})

const racks = (): number => useCampus.getState().scenario.racksPerHall

describe('undo and redo', () => {
  it('a drag (many inputs of one field in quick succession) is one undo step', () => {
    for (let r = 175; r <= 200; r++) {
      setField('racksPerHall', r)
      vi.advanceTimersByTime(16)
    }
    expect(racks()).toBe(200)
    expect(useCampus.getState().past).toHaveLength(1)
    undo()
    expect(racks()).toBe(DEFAULT_SCENARIO.racksPerHall)
    redo()
    expect(racks()).toBe(200)
  })

  it('a pause, a commit or another field starts a new step', () => {
    setField('racksPerHall', 180)
    vi.advanceTimersByTime(COALESCE_MS + 1)
    setField('racksPerHall', 190)
    commitEdit()
    setField('racksPerHall', 195)
    setField('buildings', 3)
    expect(useCampus.getState().past).toHaveLength(4)
    undo()
    undo()
    expect(racks()).toBe(190)
    undo()
    expect(racks()).toBe(180)
  })

  it('a run of slider keys is one step however far apart, until a commit or another field', () => {
    holdEditForKeys()
    setField('racksPerHall', 175)
    vi.advanceTimersByTime(5 * COALESCE_MS)
    setField('racksPerHall', 176)
    expect(useCampus.getState().past).toHaveLength(1)
    commitEdit()
    vi.advanceTimersByTime(5 * COALESCE_MS)
    setField('racksPerHall', 177)
    expect(useCampus.getState().past).toHaveLength(2)
    undo()
    expect(racks()).toBe(176)
    undo()
    expect(racks()).toBe(OPENING_SCENARIO.racksPerHall)
  })

  it('setting a field to its current value is not a step', () => {
    setField('racksPerHall', DEFAULT_SCENARIO.racksPerHall)
    expect(useCampus.getState().past).toHaveLength(0)
    expect(useCampus.getState().scenario).toBe(OPENING_SCENARIO)
  })

  it('a new change after undo drops the redo branch', () => {
    setField('racksPerHall', 180)
    undo()
    expect(useCampus.getState().future).toHaveLength(1)
    setField('buildings', 5)
    expect(useCampus.getState().future).toHaveLength(0)
    redo()
    expect(useCampus.getState().scenario.buildings).toBe(5)
  })

  it('keeps at most UNDO_LIMIT steps', () => {
    for (let i = 0; i < UNDO_LIMIT + 20; i++) {
      setField('racksPerHall', 100 + i)
      commitEdit()
    }
    expect(useCampus.getState().past).toHaveLength(UNDO_LIMIT)
  })

  it('undo and redo with nothing to do change nothing', () => {
    const before = useCampus.getState()
    undo()
    redo()
    expect(useCampus.getState().scenario).toBe(before.scenario)
  })

  it('setScenario is one step; resetScenario (opening a link) clears the history', () => {
    setField('racksPerHall', 180)
    setScenario({ ...DEFAULT_SCENARIO, site: 'abilene' })
    expect(useCampus.getState().past).toHaveLength(2)
    resetScenario(DEFAULT_SCENARIO)
    expect(useCampus.getState().past).toHaveLength(0)
    expect(useCampus.getState().future).toHaveLength(0)
  })
})

describe('derived readouts', () => {
  it('are memoised on the scenario identity and follow every change', () => {
    const a = selectEvaluation(useCampus.getState())
    expect(a).not.toBeNull()
    expect(selectEvaluation(useCampus.getState())).toBe(a)
    setField('racksPerHall', 200)
    const b = selectEvaluation(useCampus.getState())
    expect(b).not.toBe(a)
    expect(b?.readouts.rackCount).toBe(2 * 4 * 200)
    expect(b?.readouts.facilityPeakMw).toBeGreaterThan(a?.readouts.facilityPeakMw ?? Infinity)
  })

  it('are null while the site climate is not loaded', () => {
    useCampus.setState({ climates: {} })
    expect(selectEvaluation(useCampus.getState())).toBeNull()
  })

  it('moving the default campus from Narvik to Abilene raises PUE', () => {
    const narvik = selectEvaluation(useCampus.getState())?.readouts.pueAnnual ?? NaN
    setField('site', 'abilene')
    const abilene = selectEvaluation(useCampus.getState())?.readouts.pueAnnual ?? NaN
    expect(abilene).toBeGreaterThan(narvik)
  })
})

describe('compare', () => {
  it('pins A, keeps editing B, swaps and clears', () => {
    pinCompare()
    const a = useCampus.getState().compareA
    expect(a).toBe(OPENING_SCENARIO)
    setField('racksPerHall', 100)
    const evalA = selectCompareEvaluation(useCampus.getState())
    const evalB = selectEvaluation(useCampus.getState())
    expect(evalA?.readouts.rackCount).toBe(1392)
    expect(evalB?.readouts.rackCount).toBe(800)
    swapCompare()
    expect(racks()).toBe(DEFAULT_SCENARIO.racksPerHall)
    expect(useCampus.getState().compareA?.racksPerHall).toBe(100)
    undo()
    expect(racks()).toBe(100)
    clearCompare()
    expect(useCampus.getState().compareA).toBeNull()
    expect(selectCompareEvaluation(useCampus.getState())).toBeNull()
  })
})

describe('notices', () => {
  it('are added with fresh ids and dismissed one at a time', () => {
    const a = notify({ tone: 'info', title: 'one', details: [] })
    const b = notify({ tone: 'error', title: 'two', details: ['x'] })
    expect(a).not.toBe(b)
    dismissNotice(a)
    expect(useCampus.getState().notices.map((n) => n.title)).toEqual(['two'])
  })
})

describe('the name follows the site unless the user typed one', () => {
  const name = (): string => useCampus.getState().scenario.name

  it('renames the default campus with its site, in the same undo step', () => {
    setField('site', 'abilene')
    expect(name()).toBe('AI campus (Abilene, Texas)')
    commitEdit()
    setField('site', 'narvik')
    expect(name()).toBe(DEFAULT_SCENARIO.name)
    undo()
    expect(useCampus.getState().scenario).toMatchObject({
      site: 'abilene',
      name: 'AI campus (Abilene, Texas)',
    })
    undo()
    expect(useCampus.getState().scenario).toEqual(OPENING_SCENARIO)
  })

  it('renames a preset', () => {
    const preset = PRESETS.find((p) => p.id === 'stargate-abilene')
    if (!preset) throw new Error('preset missing')
    setScenario({ ...DEFAULT_SCENARIO, site: 'abilene', name: preset.name })
    setField('site', 'narvik')
    expect(name()).toBe(DEFAULT_SCENARIO.name)
  })

  it('keeps a name the user typed', () => {
    setField('name', 'Fjord North')
    commitEdit()
    setField('site', 'abilene')
    expect(name()).toBe('Fjord North')
  })

  it('knows every preset by the name in its file', () => {
    for (const preset of PRESETS) {
      const file = JSON.parse(readFileSync(`public/scenarios/${preset.id}.json`, 'utf8')) as {
        name?: unknown
      }
      expect(file.name, preset.id).toBe(preset.name)
      expect(isAutomaticName(preset.name)).toBe(true)
    }
    expect(isAutomaticName('My campus')).toBe(false)
    expect(siteCampusName('singapore')).toBe('AI campus (Singapore)')
  })
})
