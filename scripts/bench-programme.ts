/**
 * Programme benchmark: `npm run --silent bench:programme [-- --json]`.
 * Times the built-in programmes as the command line evaluates them (every campus's every phase
 * over its own site's year, then the totals) and, for the live app, one campus edited: that
 * campus re-simulated (its site's weather re-prepared, as after another site's campus) and the
 * totals re-aggregated from the other campuses' kept readouts.
 */
import { readFileSync } from 'node:fs'
import os from 'node:os'
import { loadClimate } from '../src/cli/loadClimate'
import { median, percentile } from './lib/benchKit'
import {
  aggregateReadouts,
  evaluateProgramme,
  parseProgrammeJson,
  simulate,
  type Programme,
} from '../src/model'

const RUNS = 40
const WARMUP = 5

function programme(file: string): Programme {
  const parsed = parseProgrammeJson(readFileSync(`public/programmes/${file}`, 'utf8'))
  if (!parsed.ok) throw new Error(`programme ${file} is invalid`)
  return parsed.programme
}

function time(fn: () => void, runs = RUNS): number[] {
  const times: number[] = []
  for (let i = 0; i < WARMUP + runs; i++) {
    const start = performance.now()
    fn()
    if (i >= WARMUP) times.push(performance.now() - start)
  }
  return times
}

const stats = (times: number[]) => ({
  medianMs: Number(median(times).toFixed(2)),
  p90Ms: Number(percentile(times, 0.9).toFixed(2)),
})

interface Row {
  readonly campuses: number
  readonly simulatedYears: number
  readonly evaluate: ReturnType<typeof stats>
  readonly oneCampusEdit: ReturnType<typeof stats>
}

const results: Record<string, Row> = {}
for (const file of ['stargate-us.json', 'stargate-countries.json']) {
  const p = programme(file)
  const whole = time(() => evaluateProgramme(p, loadClimate))
  const evaluation = evaluateProgramme(p, loadClimate)
  const kept = evaluation.campuses.map((c) => c.readouts)
  const edited = p.campuses[1]
  const other = p.campuses[0]
  if (edited === undefined || other === undefined) throw new Error(`${file} has < 2 campuses`)
  const climate = loadClimate(edited.scenario.site)
  const otherClimate = loadClimate(other.scenario.site)
  const editTimes: number[] = []
  for (let i = 0; i < WARMUP + RUNS; i++) {
    // Another site's campus was simulated last (the 3D view's), so the weather is re-prepared.
    simulate({ ...other.scenario, climateOffsetC: (i % 2) / 2 }, otherClimate)
    const start = performance.now()
    const readouts = simulate({ ...edited.scenario, racksPerHall: 100 + i }, climate).readouts
    const list = kept.slice()
    list[1] = readouts
    aggregateReadouts(list)
    if (i >= WARMUP) editTimes.push(performance.now() - start)
  }
  results[file] = {
    campuses: p.campuses.length,
    simulatedYears: evaluation.campuses.reduce((n, c) => n + c.phases.length, 0),
    evaluate: stats(whole),
    oneCampusEdit: stats(editTimes),
  }
}

const result = {
  ...results,
  runs: RUNS,
  node: process.version,
  cpu: os.cpus()[0]?.model ?? 'unknown',
  cores: os.cpus().length,
}

if (process.argv.includes('--json')) console.log(JSON.stringify(result, null, 2))
else {
  for (const [file, r] of Object.entries(results)) {
    console.log(
      `${file}: ${r.campuses} campuses, ${r.simulatedYears} simulated years: evaluate median ${r.evaluate.medianMs} ms (p90 ${r.evaluate.p90Ms}); one campus edited + totals: median ${r.oneCampusEdit.medianMs} ms (p90 ${r.oneCampusEdit.p90Ms})`,
    )
  }
  console.log(
    `${RUNS} runs each after ${WARMUP} warm-up; ${result.node}, ${result.cores} × ${result.cpu}`,
  )
}
