/** Saved programmes: validated on read with the file parser; anything unreadable is named. */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseProgramme } from '../src/model'
import {
  MAX_SAVED_PROGRAMMES,
  decodeProgrammeLibrary,
  encodeProgrammeLibrary,
  type SavedProgramme,
} from '../src/state/programmeStorage'

const programme = (() => {
  const r = parseProgramme(
    JSON.parse(readFileSync('public/programmes/stargate-countries.json', 'utf8')),
  )
  if (!r.ok) throw new Error('preset does not parse')
  return r.programme
})()
const entry = (id: string): SavedProgramme => ({
  id,
  savedAtMs: 1,
  presetId: 'stargate-countries',
  programme,
})

describe('saved programmes', () => {
  it('round-trip through storage', () => {
    const saved = [entry('a'), { ...entry('b'), presetId: null }]
    expect(decodeProgrammeLibrary(encodeProgrammeLibrary(saved))).toEqual({ saved, problems: [] })
    expect(decodeProgrammeLibrary(null)).toEqual({ saved: [], problems: [] })
  })

  it('drop and name what cannot be read, keeping the rest', () => {
    const bad = JSON.parse(encodeProgrammeLibrary([entry('a'), entry('b'), entry('c')])) as {
      programmes: Record<string, unknown>[]
    }
    const broken = JSON.parse(JSON.stringify(programme)) as { campuses: { lat: unknown }[] }
    broken.campuses[1]!.lat = 'north'
    bad.programmes[1] = { ...bad.programmes[1], programme: broken }
    bad.programmes[2] = { ...bad.programmes[2], id: 'a' }
    const reading = decodeProgrammeLibrary(JSON.stringify(bad))
    expect(reading.saved.map((s) => s.id)).toEqual(['a'])
    expect(reading.problems).toEqual([
      'saved programme 2: campuses[1].lat: must be a number (got "north")',
      'saved programme 3 has no usable id',
    ])
  })

  it('refuse a corrupt or foreign list as a whole, saying so', () => {
    expect(decodeProgrammeLibrary('{').problems).toEqual([
      'the stored programmes are not valid JSON',
    ])
    expect(decodeProgrammeLibrary('{"version":2,"programmes":[]}').problems).toEqual([
      'the stored programmes have an unknown format',
    ])
  })

  it(`keep at most ${MAX_SAVED_PROGRAMMES}`, () => {
    const many = Array.from({ length: MAX_SAVED_PROGRAMMES + 2 }, (_, i) => entry(`p${i}`))
    const reading = decodeProgrammeLibrary(encodeProgrammeLibrary(many))
    expect(reading.saved).toHaveLength(MAX_SAVED_PROGRAMMES)
    expect(reading.problems).toEqual([
      `only the first ${MAX_SAVED_PROGRAMMES} saved programmes are kept`,
    ])
  })
})
