/**
 * Parser benchmark: `npm run --silent bench:parse [-- --json]`.
 * The worst inputs the schema reads: a 1 MB scenario file of 15,000 unknown keys (each would
 * once get its own "did you mean" search), the same through the command line, an 8,000-character
 * link of unknown keys, a file with 12 phases, and evaluating those 12 phases (the timeline's
 * cost when a phased scenario changes).
 */
import os from 'node:os'
import { runEvaluate } from '../src/cli/evaluate'
import { loadClimate } from '../src/cli/loadClimate'
import { MAX_SCENARIO_BYTES, parseScenarioJson, simulatePhases, type Scenario } from '../src/model'
import { readQuery } from '../src/state/url'
import { median, percentile } from './lib/benchKit'

const RUNS = 30

function time(
  run: () => unknown,
  runs = RUNS,
): { firstMs: number; medianMs: number; maxMs: number } {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    run()
    times.push(performance.now() - start)
  }
  return {
    firstMs: Number((times[0] ?? NaN).toFixed(2)),
    medianMs: Number(median(times).toFixed(2)),
    maxMs: Number(percentile(times, 1).toFixed(2)),
  }
}

// 15,000 unknown keys of ~50 characters: just under the 1 MB limit.
const doc: Record<string, unknown> = { version: 1 }
for (let i = 0; i < 15_000; i++)
  doc[`unknownField${String(i).padStart(6, '0')}${'x'.repeat(35)}`] = i
const unknownKeys = JSON.stringify(doc)
if (unknownKeys.length > MAX_SCENARIO_BYTES) throw new Error('the document must stay under 1 MB')

const link = Array.from({ length: 1500 }, (_, i) => `k${i}=1`)
  .join('&')
  .slice(0, 8000)

const phased = JSON.stringify({
  version: 1,
  site: 'abilene',
  power: { gridMw: 0, hydroMw: 0 },
  phases: Array.from({ length: 12 }, (_, i) => ({
    name: `Phase ${i + 1}`,
    online: `${2026 + i}-06`,
    buildings: 2 + 3 * i,
    power: { gridMw: 400 * (i + 1) },
  })),
})
const parsedPhased = parseScenarioJson(phased)
if (!parsedPhased.ok) throw new Error('the phased document must be valid')
const scenario: Scenario = parsedPhased.scenario
const climate = loadClimate('abilene')

const result = {
  unknownKeysFileBytes: unknownKeys.length,
  parseUnknownKeys: time(() => parseScenarioJson(unknownKeys)),
  cliUnknownKeys: time(() => runEvaluate(['-'], () => unknownKeys)),
  readLinkOfUnknownKeys: time(() => readQuery(link)),
  parseTwelvePhases: time(() => parseScenarioJson(phased), 200),
  // A fresh scenario object each run, as after an edit: nothing is memoised across runs.
  simulateTwelvePhases: time(() => simulatePhases({ ...scenario }, climate), 10),
  node: process.version,
  cpu: os.cpus()[0]?.model ?? 'unknown',
  cores: os.cpus().length,
}

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(result, null, 2))
} else {
  const line = (label: string, t: { firstMs: number; medianMs: number; maxMs: number }): void =>
    console.log(
      `${label.padEnd(52)} median ${t.medianMs} ms, first ${t.firstMs} ms, max ${t.maxMs} ms`,
    )
  line(`Parse ${unknownKeys.length} bytes, 15,000 unknown keys`, result.parseUnknownKeys)
  line('Command line on the same file (exit 2)', result.cliUnknownKeys)
  line(`Read an ${link.length}-character link of unknown keys`, result.readLinkOfUnknownKeys)
  line('Parse a file with 12 phases', result.parseTwelvePhases)
  line('Simulate 12 phases (12 hourly years)', result.simulateTwelvePhases)
  console.log(`${result.node}, ${result.cores} × ${result.cpu}`)
}
