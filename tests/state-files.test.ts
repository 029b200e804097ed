import { describe, expect, it } from 'vitest'
import { DEFAULT_SCENARIO, MAX_SCENARIO_BYTES, parseScenarioJson } from '../src/model'
import {
  MAX_IMPORT_SCENARIOS,
  checkImportSize,
  exportCollection,
  exportScenario,
  fileNameFor,
  parseImport,
} from '../src/state/files'

describe('scenario files', () => {
  it('one scenario exports in the command line format', () => {
    const parsed = parseScenarioJson(exportScenario(DEFAULT_SCENARIO))
    expect(parsed).toEqual({ ok: true, scenario: DEFAULT_SCENARIO })
  })

  it('a collection round-trips', () => {
    const two = [DEFAULT_SCENARIO, { ...DEFAULT_SCENARIO, name: 'B', buildings: 3 }]
    expect(parseImport(exportCollection(two))).toEqual({ ok: true, scenarios: two })
  })

  it('accepts a bare list of scenarios', () => {
    const r = parseImport(JSON.stringify([DEFAULT_SCENARIO]))
    expect(r.ok && r.scenarios).toEqual([DEFAULT_SCENARIO])
  })

  it.each([
    ['', /empty/],
    ['<html><body>hi</body></html>', /not valid JSON/],
    ['{"version":2}', /version: must be 1/],
    ['{"version":1,"site":"atlantis"}', /site: unknown site/],
    ['{"scenarios":"nope"}', /no scenarios/],
    ['{"scenarios":[]}', /no scenarios/],
    ['{"scenarios":[{"version":1},{"version":1,"buildings":0}]}', /scenario 2: buildings/],
    ['null', /must be a JSON object/],
  ])('refuses %s with a clear problem', (text, message) => {
    const r = parseImport(text)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.problems.join('\n')).toMatch(message)
  })

  it('refuses too many scenarios and too large files', () => {
    const many = JSON.stringify(
      Array.from({ length: MAX_IMPORT_SCENARIOS + 1 }, () => ({ version: 1 })),
    )
    expect(parseImport(many).ok).toBe(false)
    expect(checkImportSize(50_000_000)).toMatch(/50\.0 MB/)
    expect(checkImportSize(MAX_SCENARIO_BYTES + 1)).not.toBeNull()
    expect(checkImportSize(0)).toMatch(/empty/)
    expect(checkImportSize(500)).toBeNull()
    expect(parseImport(' '.repeat(MAX_SCENARIO_BYTES + 1)).ok).toBe(false)
  })

  it('keeps HTML in names as plain text (rendering escapes it)', () => {
    const name = '<img src=x onerror=alert(1)>'
    const r = parseImport(JSON.stringify({ version: 1, name }))
    expect(r.ok && r.scenarios[0]?.name).toBe(name)
  })

  it('makes safe file names', () => {
    expect(fileNameFor('Stargate Norway (Narvik)')).toBe('stargate-norway-narvik.json')
    expect(fileNameFor('Luleå / ../../etc')).toBe('lulea-etc.json')
    expect(fileNameFor('<<>>')).toBe('scenario.json')
  })
})
