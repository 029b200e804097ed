/** The command line contract: table and JSON output, standard input, and bad input (exit 2). */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runEvaluate } from '../src/cli/evaluate'
import { evaluate, parseScenario, type Scenario } from '../src/model'
import { loadClimate } from '../src/cli/loadClimate'
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

  it('shows the supply, carbon and heat readouts of issue 9 in the table and the JSON', () => {
    const table = runEvaluate(['public/scenarios/stargate-norway.json'], noStdin).stdout
    for (const label of [
      /\nSupply\n/,
      /Renewable share \(hour by hour\)\s+100\.0 %/,
      /Renewable share \(annual matching\)/,
      /Carbon-free energy score \(24\/7\)/,
      /Wind capacity factor \(site\)\s+35\.0 %/,
      /Solar capacity factor \(site, AC\)/,
      /CO₂ \(location-based\)/,
      /CO₂ \(market-based\)\s+0 t\/yr/,
      /CO₂e \(lifecycle\)/,
      /Energy reuse factor \(ERF\)/,
      /Heat delivered/,
      /Heat delivery temperature/,
    ])
      expect(table).toMatch(label)
    const json = JSON.parse(
      runEvaluate(['public/scenarios/stargate-norway.json', '--json'], noStdin).stdout,
    ) as Record<string, unknown>
    for (const key of [
      'co2MarketTonnesPerYear',
      'co2LifecycleTonnesPerYear',
      'cfeScore',
      'renewableShareAnnual',
      'windCapacityFactor',
      'solarCapacityFactor',
      'hydroCapacityFactorUsed',
      'gasCapacityFactor',
      'gridPeakMw',
      'heatDeliveredGwhPerYear',
      'erf',
      'heatSupplyC',
      'heatPumpCop',
    ])
      expect(typeof json[key], key).toBe('number')
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

/** Three phases at Luleå: one building, then three, then more racks per hall. */
const PHASED = {
  version: 1,
  name: 'Luleå build-out',
  site: 'lulea',
  phases: [
    { name: 'First hall', online: '2026-01', buildings: 1 },
    { name: 'Three buildings', online: '2027-01', buildings: 3 },
    { online: '2028-01', racksPerHall: 100 },
  ],
}

/** A phase entry of `--json` without its name and month: its readouts. */
const readoutsOf = (phase: Record<string, unknown> | undefined): Record<string, unknown> => {
  const copy = { ...phase }
  delete copy.name
  delete copy.online
  return copy
}

/** Whether text holds a control character other than the newline that ends each line. */
const hasControl = (text: string): boolean =>
  [...text].some((c) => {
    const code = c.codePointAt(0) ?? 0
    return (code < 0x20 && c !== '\n') || (code >= 0x7f && code <= 0x9f)
  })

const single = (doc: unknown): Scenario => {
  const result = parseScenario(doc)
  if (!result.ok) throw new Error('not a valid scenario')
  return result.scenario
}

describe('evaluate command with phases', () => {
  it('--json prints the last phase at the top level and every phase under "phases"', () => {
    const result = evaluateText(JSON.stringify(PHASED), '--json')
    expect(result.code).toBe(0)
    const out = JSON.parse(result.stdout) as Record<string, unknown> & {
      phases: (Record<string, unknown> & { name: string; online: string; rackCount: number })[]
    }
    expect(out.phases.map((p) => [p.name, p.online, p.rackCount])).toEqual([
      ['First hall', '2026-01', 1 * 4 * 174],
      ['Three buildings', '2027-01', 3 * 4 * 174],
      ['Phase 3', '2028-01', 3 * 4 * 100],
    ])
    for (const phase of out.phases)
      for (const key of [...CONTRACT_READOUT_KEYS, 'warnings'])
        expect(phase, key).toHaveProperty(key)
    const { phases, ...top } = out
    expect(top).toEqual(readoutsOf(phases[2]))
    // Each phase's readouts are those of the same campus as a single-phase file.
    const second = single({ version: 1, name: 'x', site: 'lulea', buildings: 3 })
    expect(readoutsOf(phases[1])).toEqual(
      JSON.parse(JSON.stringify(evaluate(second, loadClimate('lulea')))),
    )
  })

  it('--json of a scenario without phases has no "phases" key', () => {
    const result = evaluateText('{"version":1,"site":"lulea"}', '--json')
    expect(JSON.parse(result.stdout)).not.toHaveProperty('phases')
  })

  it('the table has one column per phase, headed by its name and month', () => {
    const result = evaluateText(JSON.stringify(PHASED))
    expect(result.code).toBe(0)
    const lines = result.stdout.split('\n')
    expect(lines[2]).toMatch(/^\s+First hall\s+Three buildi…\s+Phase 3$/)
    expect(lines[3]).toMatch(/^\s+2026-01\s+2027-01\s+2028-01$/)
    expect(result.stdout).toMatch(/\n {2}Racks\s+696\s+2,088\s+1,200\n/)
    expect(result.stdout).toMatch(/\n {2}PUE \(annual\)(\s+1\.\d{3}){3}\n/)
  })

  it('exits 2 on bad phases, one line per problem naming phases[i]…', () => {
    const result = evaluateText(
      JSON.stringify({
        version: 1,
        phases: [
          { online: '2026-06', power: { gridMw: 1e9 } },
          { online: '2026-01', building: 2 },
        ],
      }),
    )
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr.trim().split('\n')).toEqual([
      'phases[0].power.gridMw: must be between 0 and 20000 MW (got 1000000000)',
      'phases[1].building: unknown field (did you mean "buildings"?)',
      'phases[1].online: must be later than phases[0].online ("2026-06"): phases are listed in the order they come online (got "2026-01")',
    ])
  })
})

describe('evaluate command on hostile input', () => {
  it('accepts a UTF-8 byte-order mark, from a file and from standard input', () => {
    const dir = mkdtempSync(join(tmpdir(), 'campus-cli-'))
    const file = join(dir, 'bom.json')
    writeFileSync(file, '\uFEFF{"version":1,"site":"lulea"}', 'utf8')
    expect(readFileSync(file)[0]).toBe(0xef)
    const fromFile = runEvaluate([file, '--json'], noStdin)
    expect(fromFile.code).toBe(0)
    expect(JSON.parse(fromFile.stdout).rackCount).toBe(1392)
    expect(evaluateText('\uFEFF{"version":1}', '--json').code).toBe(0)
  })

  it('keeps each problem on one line and never echoes control characters or escapes raw', () => {
    const result = evaluateText(
      '{"version":1,"a\\nb":1,"\\u001b]0;owned\\u0007\\u001b[2J":2,"site":"\\u001b[31mnarvik"}',
    )
    expect(result.code).toBe(2)
    expect(hasControl(result.stderr)).toBe(false)
    expect(result.stderr.trim().split('\n')).toEqual([
      'a\\nb: unknown field',
      '\\u001b]0;owned\\u0007\\u001b[2J: unknown field',
      expect.stringMatching(/^site: unknown site "\\u001b\[31mnarvik"/),
    ])
  })

  it('prints a name with escape sequences as visible escapes', () => {
    const result = evaluateText('{"version":1,"name":"A\\u001b[2J\\nB"}')
    expect(result.code).toBe(0)
    expect(result.stdout.split('\n')[0]).toMatch(/^A\\u001b\[2J\\nB — /)
    expect(hasControl(result.stdout)).toBe(false)
  })

  it('--json writes C1 controls and bidi overrides from a name as JSON escapes', () => {
    const name = 'A\u009b2J\u202eB\u001b[0m'
    const result = evaluateText(
      JSON.stringify({ version: 1, name, phases: [{ name, online: '2026-01' }] }),
      '--json',
    )
    expect(result.code).toBe(0)
    expect(hasControl(result.stdout)).toBe(false)
    expect(result.stdout).not.toContain('\u202e')
    expect(result.stdout).toContain('"name": "A\\u009b2J\\u202eB\\u001b[0m"')
    expect(JSON.parse(result.stdout).phases[0].name).toBe(name)
  })

  it('15,000 unknown keys: ten named, the rest counted, exit 2', () => {
    const doc: Record<string, unknown> = { version: 1 }
    for (let i = 0; i < 15_000; i++) doc[`field${i}_${'x'.repeat(40)}`] = i
    const text = JSON.stringify(doc)
    expect(text.length).toBeGreaterThan(800_000)
    expect(text.length).toBeLessThanOrEqual(1_000_000)
    const result = evaluateText(text)
    expect(result.code).toBe(2)
    const lines = result.stderr.trim().split('\n')
    expect(lines).toHaveLength(11)
    expect(lines[10]).toBe('(file): has 14990 more unknown fields (only the first 10 are named)')
  })
})
