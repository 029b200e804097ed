/**
 * The programme in the store: opening a campus, editing it with the usual actions, totals that
 * follow live, the breadcrumb back, saving (validated on read) and links in and out.
 */
import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { campusById, decodeClimate, parseProgramme, type SiteId } from '../src/model'
import { commitEdit, setField, setScenario, undo, useCampus } from '../src/state'
import {
  closeCampus,
  currentProgramme,
  loadProgrammeLibrary,
  openCampus,
  openProgramme,
  openProgrammeText,
  programmeResult,
  saveProgramme,
  useProgramme,
} from '../src/state/programme'
import { openProgrammeLink, programmeQuery } from '../src/state/programmeLink'
import { PROGRAMMES_BACKUP_KEY, PROGRAMMES_KEY } from '../src/state/programmeStorage'

const SITES: SiteId[] = [
  'abilene',
  'las-cruces',
  'youngstown',
  'milam',
  'saline',
  'port-washington',
]
const climates = Object.fromEntries(
  SITES.map((site) => [
    site,
    decodeClimate(JSON.parse(readFileSync(`assets/climate/${site}.json`, 'utf8'))),
  ]),
)
const us = (() => {
  const r = parseProgramme(JSON.parse(readFileSync('public/programmes/stargate-us.json', 'utf8')))
  if (!r.ok) throw new Error('preset does not parse')
  return r.programme
})()

class MemoryStorage implements Storage {
  private items = new Map<string, string>()
  get length() {
    return this.items.size
  }
  clear() {
    this.items.clear()
  }
  getItem(key: string) {
    return this.items.get(key) ?? null
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null
  }
  removeItem(key: string) {
    this.items.delete(key)
  }
  setItem(key: string, value: string) {
    this.items.set(key, value)
  }
}

const campusState = useCampus.getState()
const programmeState = useProgramme.getState()

beforeEach(() => {
  useCampus.setState({ ...campusState, climates }, true)
  useProgramme.setState(programmeState, true)
  commitEdit()
  // Built-in programmes are files beside the app; here they are read from the project.
  vi.stubGlobal('fetch', async (url: string) => {
    try {
      return new Response(readFileSync(`public${url}`, 'utf8'))
    } catch {
      return new Response('', { status: 404 })
    }
  })
})
afterEach(() => vi.unstubAllGlobals())

const total = () => {
  const { programme } = useProgramme.getState()
  const live = currentProgramme()
  if (programme === null || live === null) throw new Error('no programme')
  return programmeResult(live, useCampus.getState().climates).total
}

// Each test opens a programme of seven campuses (ten simulated years): well under a second.
describe('a programme in the planner', { timeout: 10_000 }, () => {
  it('opens a campus into the planner; its edits move the totals live; the breadcrumb keeps them', () => {
    openProgramme(us, 'stargate-us')
    const before = total()
    expect(before?.rackCount).toBe(38388)
    openCampus('milam')
    expect(useCampus.getState().scenario).toBe(campusById(us, 'milam')?.scenario)
    expect(useCampus.getState().phaseIndex).toBe(1)
    setField('racksPerHall', 100)
    const after = total()
    expect(after?.rackCount).toBe(38388 - 8 * 4 * 100)
    expect(after?.facilityPeakMw).toBeLessThan(before?.facilityPeakMw ?? 0)
    closeCampus()
    expect(useProgramme.getState().campusId).toBeNull()
    expect(campusById(useProgramme.getState().programme!, 'milam')?.scenario.racksPerHall).toBe(100)
    expect(total()?.rackCount).toBe(after?.rackCount)
  })

  it('keeps each campus’s undo to itself and writes a campus back when another opens', () => {
    openProgramme(us, 'stargate-us')
    openCampus('saline')
    setField('buildings', 2)
    openCampus('milam')
    expect(useCampus.getState().past).toHaveLength(0)
    undo()
    expect(useCampus.getState().scenario).toBe(campusById(us, 'milam')?.scenario)
    expect(campusById(currentProgramme()!, 'saline')?.scenario.buildings).toBe(2)
  })

  it('re-simulates only the edited campus: the others keep their readouts', () => {
    openProgramme(us, 'stargate-us')
    const first = programmeResult(currentProgramme()!, climates)
    openCampus('milam')
    setField('racksPerHall', 120)
    const second = programmeResult(currentProgramme()!, climates)
    for (const [i, c] of second.campuses.entries()) {
      if (c.campus.id === 'milam') expect(c.readouts).not.toBe(first.campuses[i]?.readouts)
      else expect(c.readouts, c.campus.id).toBe(first.campuses[i]?.readouts)
    }
  })

  it('opens a programme file, or names its problems and changes nothing', () => {
    const bad = JSON.stringify({ ...us, campuses: [{ ...us.campuses[0], id: 'Bad Id' }] })
    expect(openProgrammeText(bad, 'bad.json')).toBe(false)
    expect(useProgramme.getState().programme).toBeNull()
    const notice = useCampus.getState().notices.at(-1)
    expect(notice?.title).toMatch(/^bad\.json is not a programme/)
    expect(notice?.details[0]).toMatch(/^campuses\[0\]\.id: must be 1 to 32 lowercase/)
    expect(openProgrammeText(JSON.stringify(us), 'us.json')).toBe(true)
    expect(useProgramme.getState()).toMatchObject({ presetId: null, campusId: null })
  })
})

describe('saved programmes in the browser', { timeout: 10_000 }, () => {
  it('save the programme as it stands, and read back validated', () => {
    const store = new MemoryStorage()
    loadProgrammeLibrary(store)
    openProgramme(us, 'stargate-us')
    openCampus('milam')
    setField('racksPerHall', 150)
    const id = saveProgramme('My US plan')
    expect(id).not.toBeNull()
    useProgramme.setState({ saved: [] })
    loadProgrammeLibrary(store)
    const entry = useProgramme.getState().saved[0]
    expect(entry?.programme.name).toBe('My US plan')
    expect(entry?.presetId).toBe('stargate-us')
    expect(campusById(entry!.programme, 'milam')?.scenario.racksPerHall).toBe(150)
  })

  it('set aside what cannot be read, with a notice, and keep the rest', () => {
    const store = new MemoryStorage()
    const text = JSON.stringify({
      version: 1,
      programmes: [
        { id: 'a', savedAtMs: 1, presetId: null, programme: us },
        { id: 'b', savedAtMs: 1, presetId: null, programme: { ...us, kind: 'scenario' } },
      ],
    })
    store.setItem(PROGRAMMES_KEY, text)
    loadProgrammeLibrary(store)
    expect(useProgramme.getState().saved.map((e) => e.id)).toEqual(['a'])
    expect(store.getItem(PROGRAMMES_BACKUP_KEY)).toBe(text)
    expect(useCampus.getState().notices.at(-1)?.details).toEqual([
      'saved programme 2: kind: must be "programme" (got "scenario")',
    ])
  })
})

describe('programme links', { timeout: 10_000 }, () => {
  it('write a preset with its campus edits, and open back to the same place', async () => {
    openProgramme(us, 'stargate-us')
    openCampus('milam')
    setField('racksPerHall', 150)
    const query = await programmeQuery()
    expect(query).toBe('programme=stargate-us&campus=milam&milam.racksPerHall=150&phase=1')
    useProgramme.setState(programmeState, true)
    expect(await openProgrammeLink(`?${query}`)).toBe(true)
    expect(useProgramme.getState().campusId).toBe('milam')
    expect(useCampus.getState().scenario.racksPerHall).toBe(150)
    expect(await programmeQuery()).toBe(query)
  })

  it('carry a renamed programme whole, and open it back', async () => {
    openProgramme({ ...us, name: 'Renamed' }, 'stargate-us')
    const query = await programmeQuery()
    expect(query).toMatch(/^programme=inline&data=[A-Za-z0-9_-]+$/)
    useProgramme.setState(programmeState, true)
    await openProgrammeLink(`?${query}`)
    expect(useProgramme.getState().programme?.name).toBe('Renamed')
    expect(useProgramme.getState().presetId).toBeNull()
  })

  it('name an unknown programme and a bad campus value, opening what they can', async () => {
    expect(await openProgrammeLink('?racksPerHall=3')).toBe(false)
    await openProgrammeLink('?programme=stargate-uss')
    expect(useProgramme.getState().programme).toBeNull()
    expect(useCampus.getState().notices.at(-1)?.details).toEqual([
      'programme: no built-in programme "stargate-uss" (did you mean "stargate-us"?); expected one of stargate-us, stargate-countries',
    ])
    await openProgrammeLink('?programme=stargate-us&milam.racksPerHall=abc')
    expect(useProgramme.getState().programme).not.toBeNull()
    expect(useCampus.getState().notices.at(-1)?.details).toEqual([
      'milam.racksPerHall: must be a number (got "abc")',
    ])
  })
})

describe('leaving a programme', { timeout: 10_000 }, () => {
  it('a scenario opened on the map leaves the programme; on a campus it changes the campus', () => {
    openProgramme(us, 'stargate-us')
    openCampus('lordstown')
    setScenario({ ...useCampus.getState().scenario, buildings: 3 })
    expect(useProgramme.getState().programme).not.toBeNull()
    expect(campusById(currentProgramme()!, 'lordstown')?.scenario.buildings).toBe(3)
    closeCampus()
    // Nothing to undo on the map: the campus's history ended with it.
    expect(useCampus.getState().past).toEqual([])
    setScenario({ ...useCampus.getState().scenario, name: 'A lone campus' })
    expect(useProgramme.getState().programme).toBeNull()
  })
})
