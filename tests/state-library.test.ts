import { beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_SCENARIO, scenarioToJson, setField } from '../src/model'
import {
  BACKUP_KEY,
  MAX_BACKUPS,
  MAX_SAVED,
  PREFS_KEY,
  STORAGE_KEY,
  chooseUnits,
  decodeLibrary,
  deleteSaved,
  duplicateSaved,
  encodeLibrary,
  exportCollection,
  importText,
  loadLibrary,
  openSaved,
  overwriteSaved,
  renameSaved,
  saveCurrent,
  useCampus,
} from '../src/state'
import { OPENING_SCENARIO } from '../src/state/presets'

/** localStorage's contract in memory; `failWrites` mimics a full or disabled store. */
class MemoryStorage implements Storage {
  private readonly map = new Map<string, string>()
  failWrites = false
  get length(): number {
    return this.map.size
  }
  clear(): void {
    this.map.clear()
  }
  getItem(key: string): string | null {
    return this.map.get(key) ?? null
  }
  key(index: number): string | null {
    return [...this.map.keys()][index] ?? null
  }
  removeItem(key: string): void {
    this.map.delete(key)
  }
  setItem(key: string, value: string): void {
    if (this.failWrites) throw new Error('QuotaExceededError')
    this.map.set(key, String(value))
  }
}

const initial = useCampus.getState()
let storage: MemoryStorage

beforeEach(() => {
  useCampus.setState({ ...initial, climates: {} }, true)
  storage = new MemoryStorage()
})

describe('decodeLibrary', () => {
  it('reads nothing as an empty list without problems', () => {
    expect(decodeLibrary(null)).toEqual({ saved: [], problems: [] })
  })

  it.each([
    ['{not json', /not valid JSON/],
    ['[1,2]', /not an object/],
    ['{"version":2,"scenarios":[]}', /unknown format/],
  ])('reports corrupt text %s', (text, message) => {
    const r = decodeLibrary(text)
    expect(r.saved).toEqual([])
    expect(r.problems[0]).toMatch(message)
  })

  it('keeps valid entries and drops invalid ones, naming them', () => {
    const good = { id: 'a', savedAtMs: 1, scenario: DEFAULT_SCENARIO }
    const bad = { id: 'b', savedAtMs: 1, scenario: { ...DEFAULT_SCENARIO, racksPerHall: 1e9 } }
    const dup = { id: 'a', savedAtMs: 1, scenario: DEFAULT_SCENARIO }
    const r = decodeLibrary(JSON.stringify({ version: 1, scenarios: [good, bad, 'x', dup] }))
    expect(r.saved.map((e) => e.id)).toEqual(['a'])
    expect(r.problems).toHaveLength(3)
    expect(r.problems[0]).toMatch(/saved scenario 2: racksPerHall/)
  })

  it('round-trips with encodeLibrary', () => {
    const saved = [{ id: 'x', savedAtMs: 5, scenario: setField(DEFAULT_SCENARIO, 'buildings', 7) }]
    expect(decodeLibrary(encodeLibrary(saved))).toEqual({ saved, problems: [] })
  })
})

describe('loadLibrary', () => {
  it('recovers from corrupt storage: notice, backup of the raw text, a clean list', () => {
    storage.setItem(STORAGE_KEY, '{"version":1,"scenarios":[{"id":"a"')
    loadLibrary(storage, new Date('2026-01-01T00:00:00Z'))
    const state = useCampus.getState()
    expect(state.saved).toEqual([])
    expect(state.notices).toHaveLength(1)
    expect(state.notices[0]?.tone).toBe('warning')
    expect(storage.getItem(`${BACKUP_KEY}/2026-01-01T00:00:00.000Z`)).toBe(
      '{"version":1,"scenarios":[{"id":"a"',
    )
    expect(decodeLibrary(storage.getItem(STORAGE_KEY)).problems).toEqual([])
  })

  it('keeps the last three corruptions, dated, instead of overwriting one backup', () => {
    storage.setItem(BACKUP_KEY, 'from an earlier version')
    const days = ['2026-01-02', '2026-01-03', '2026-01-04', '2026-01-05']
    for (const day of days) {
      storage.setItem(STORAGE_KEY, `broken on ${day}`)
      loadLibrary(storage, new Date(`${day}T10:00:00Z`))
    }
    const backups = [...Array(storage.length).keys()]
      .map((i) => storage.key(i) ?? '')
      .filter((k) => k.startsWith(BACKUP_KEY))
      .sort()
    expect(backups).toEqual(days.slice(1).map((d) => `${BACKUP_KEY}/${d}T10:00:00.000Z`))
    expect(backups.map((k) => storage.getItem(k))).toEqual(
      days.slice(1).map((d) => `broken on ${d}`),
    )
    expect(MAX_BACKUPS).toBe(3)
    expect(useCampus.getState().notices.at(-1)?.title).toContain(backups.at(-1))
  })

  it('a backup the browser cannot store leaves the stored text as it was', () => {
    storage.setItem(STORAGE_KEY, 'broken')
    storage.failWrites = true
    loadLibrary(storage)
    expect(storage.getItem(STORAGE_KEY)).toBe('broken')
    expect(useCampus.getState().notices.at(-1)?.title).not.toContain(BACKUP_KEY)
  })

  it('works with no storage at all', () => {
    loadLibrary(null)
    expect(useCampus.getState().saved).toEqual([])
    expect(saveCurrent('kept in memory')).toMatchObject({ ok: true, persisted: false })
    expect(useCampus.getState().saved).toHaveLength(1)
  })

  it('applies a stored unit preference and ignores a broken one', () => {
    storage.setItem(PREFS_KEY, '{"units":"imperial"}')
    loadLibrary(storage)
    expect(useCampus.getState().units).toBe('imperial')
    useCampus.setState({ units: 'si' })
    storage.setItem(PREFS_KEY, '{oops')
    loadLibrary(storage)
    expect(useCampus.getState().units).toBe('si')
    chooseUnits('imperial')
    expect(JSON.parse(storage.getItem(PREFS_KEY) ?? '{}')).toEqual({ units: 'imperial' })
  })
})

describe('saved scenarios', () => {
  beforeEach(() => loadLibrary(storage))

  const stored = () => decodeLibrary(storage.getItem(STORAGE_KEY)).saved

  it('save, rename, duplicate, open and delete survive a reload', () => {
    const saved = saveCurrent('Norway A')
    const id = saved.ok ? saved.id : ''
    expect(saved).toMatchObject({ ok: true, persisted: true })
    renameSaved(id, '  Norway   B ')
    duplicateSaved(id)
    expect(stored().map((e) => e.scenario.name)).toEqual(['Norway B', 'Norway B (copy)'])
    useCampus.setState({ saved: [] })
    loadLibrary(storage)
    expect(useCampus.getState().saved).toHaveLength(2)
    openSaved(id)
    expect(useCampus.getState().scenario.name).toBe('Norway B')
    deleteSaved(id)
    expect(stored().map((e) => e.scenario.name)).toEqual(['Norway B (copy)'])
  })

  it('a save the browser refuses is never shown as saved, and says how to free space', () => {
    saveCurrent('Kept')
    storage.failWrites = true
    const before = useCampus.getState().saved
    const r = saveCurrent('Refused')
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.problem).toMatch(/storage for this site is full.*Delete.*Export current/)
    expect(useCampus.getState().saved).toBe(before)
    const first = before[0]?.id ?? ''
    for (const result of [
      renameSaved(first, 'Renamed'),
      duplicateSaved(first),
      overwriteSaved(first),
      deleteSaved(first),
    ])
      expect(result.ok).toBe(false)
    expect(useCampus.getState().saved).toBe(before)
    expect(importText(scenarioToJson({ ...DEFAULT_SCENARIO, name: 'In' })).ok).toBe(false)
    expect(useCampus.getState().saved).toBe(before)
    expect(useCampus.getState().scenario).toBe(OPENING_SCENARIO)
    // After a reload only what was stored is there.
    storage.failWrites = false
    loadLibrary(storage)
    expect(useCampus.getState().saved.map((e) => e.scenario.name)).toEqual(['Kept'])
  })

  it('refuses to save past the limit', () => {
    const many = Array.from({ length: MAX_SAVED }, (_, i) => ({
      id: `id${i}`,
      savedAtMs: 0,
      scenario: DEFAULT_SCENARIO,
    }))
    useCampus.setState({ saved: many })
    expect(saveCurrent('one too many').ok).toBe(false)
    expect(useCampus.getState().saved).toHaveLength(MAX_SAVED)
  })
})

describe('importText', () => {
  beforeEach(() => loadLibrary(storage))

  it('imports one scenario: saved and opened', () => {
    const file = scenarioToJson({ ...DEFAULT_SCENARIO, name: 'Imported', site: 'abilene' })
    const r = importText(file)
    expect(r.ok).toBe(true)
    expect(useCampus.getState().scenario.site).toBe('abilene')
    expect(useCampus.getState().saved.map((e) => e.scenario.name)).toEqual(['Imported'])
  })

  it('imports a collection: all saved, the current scenario kept', () => {
    const r = importText(
      exportCollection([DEFAULT_SCENARIO, { ...DEFAULT_SCENARIO, name: 'Second' }]),
    )
    expect(r.ok).toBe(true)
    expect(useCampus.getState().saved).toHaveLength(2)
    expect(useCampus.getState().scenario).toBe(OPENING_SCENARIO)
  })

  it('a broken file changes nothing', () => {
    saveCurrent('Existing')
    const before = useCampus.getState()
    const storedBefore = storage.getItem(STORAGE_KEY)
    for (const text of [
      'not json',
      '{"version":2}',
      '{"version":1,"racksPerHall":"many"}',
      JSON.stringify({ scenarios: [DEFAULT_SCENARIO, { version: 1, site: 'mars' }] }),
    ]) {
      expect(importText(text).ok).toBe(false)
    }
    expect(useCampus.getState().scenario).toBe(before.scenario)
    expect(useCampus.getState().saved).toBe(before.saved)
    expect(storage.getItem(STORAGE_KEY)).toBe(storedBefore)
  })
})
