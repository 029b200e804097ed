/** The command line contract: table and JSON output, standard input, and bad input (exit 2). */
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { runEvaluate } from '../src/cli/evaluate'
import { CONTRACT_READOUT_KEYS } from './contract'

const noStdin = (): string => {
  throw new Error('no stdin in this case')
}
const evaluateText = (text: string, ...flags: string[]) => runEvaluate(['-', ...flags], () => text)
const PRESETS = readdirSync('public/scenarios').filter((f) => f.endsWith('.json'))

describe('evaluate command', () => {
  it('prints the readouts as JSON with every contract key', () => {
    const result = runEvaluate(['public/scenarios/stargate-norway.json', '--json'], noStdin)
    expect(result.code).toBe(0)
    expect(result.stderr).toBe('')
    const readouts = JSON.parse(result.stdout) as Record<string, unknown>
    for (const key of [...CONTRACT_READOUT_KEYS, 'warnings']) {
      expect(readouts, key).toHaveProperty(key)
    }
    expect(readouts.rackCount).toBe(1392)
  })

  it('prints a readable table grouped like the planner', () => {
    const result = runEvaluate(['public/scenarios/stargate-abilene.json'], noStdin)
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^Stargate I \(Abilene, Texas\) — Abilene, Texas/)
    expect(result.stdout).toMatch(/PUE \(annual\)\s+1\.\d{3}/)
    expect(result.stdout).toMatch(/Racks\s+5,568/)
  })

  it('reads standard input with -', () => {
    const result = evaluateText('{"version":1,"site":"lulea"}', '--json')
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout).rackCount).toBe(1392)
  })

  it.each([
    ['not JSON', 'nope', /^\(file\): is not valid JSON/],
    ['an empty file', '', /^\(file\): is empty/],
    [
      'a misspelt field',
      '{"version":1,"racksPerhall":5}',
      /^racksPerhall: unknown field \(did you mean "racksPerHall"\?\)/,
    ],
    ['a wrong type', '{"version":1,"utilization":"high"}', /^utilization: must be a number/],
    [
      'an out-of-range value',
      '{"version":1,"climateOffsetC":20}',
      /^climateOffsetC: must be between -5 and 8 °C/,
    ],
    ['an unknown site', '{"version":1,"site":"atlantis"}', /^site: unknown site "atlantis"/],
    ['an unknown rack', '{"version":1,"rack":"tpu-v7"}', /^rack: unknown rack "tpu-v7"/],
    [
      'an absurd number',
      '{"version":1,"power":{"batteryMwh":1e300}}',
      /^power\.batteryMwh: must be between 0 and 100000 MWh/,
    ],
  ])('exits 2 on %s, one line per problem, nothing on stdout', (_case, text, message) => {
    const result = evaluateText(text)
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toMatch(message)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
  })

  it('exits 2 on a missing file and on bad usage', () => {
    expect(runEvaluate(['no-such-file.json'], noStdin)).toMatchObject({
      code: 2,
      stdout: '',
      stderr: expect.stringMatching(/ENOENT/),
    })
    expect(runEvaluate([], noStdin)).toMatchObject({ code: 2, stdout: '' })
    expect(runEvaluate(['a.json', '--yaml'], noStdin)).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/unknown option --yaml/),
    })
  })

  it.each(PRESETS)(
    'preset %s is a plausible campus: never short of energy, no critical warning',
    (file) => {
      const result = runEvaluate([`public/scenarios/${file}`, '--json'], noStdin)
      expect(result.code).toBe(0)
      const readouts = JSON.parse(result.stdout) as {
        unservedMwhPerYear: number
        warnings: { severity: string; code: string }[]
      }
      expect(readouts.unservedMwhPerYear).toBe(0)
      expect(readouts.warnings.filter((w) => w.severity === 'critical').map((w) => w.code)).toEqual(
        [],
      )
    },
  )

  it('runs as a process through npm, with exit status 2 and empty stdout on bad input', () => {
    const bad = spawnSync('npm', ['run', '--silent', 'evaluate', '--', '-'], {
      input: '{"version":1,"buildings":99}',
      encoding: 'utf8',
    })
    expect(bad.status).toBe(2)
    expect(bad.stdout).toBe('')
    expect(bad.stderr.trim()).toBe('buildings: must be between 1 and 40 (got 99)')
    const good = spawnSync(
      'npm',
      ['run', '--silent', 'evaluate', '--', 'public/scenarios/pilot-20mw.json', '--json'],
      { encoding: 'utf8' },
    )
    expect(good.status).toBe(0)
    expect(JSON.parse(good.stdout).rackCount).toBe(140)
    expect(JSON.parse(readFileSync('public/scenarios/pilot-20mw.json', 'utf8')).version).toBe(1)
  }, 60_000)
})
