/**
 * Model benchmark: `npm run --silent bench [-- --json]`.
 * Times a full hourly year (design-hour search, 8,760-hour simulation, supply dispatch) for the
 * default campus and the 4.5 GW programme, as a slider drag would: the scenario changes every
 * run, the site's prepared weather is reused. Also times a climate-offset change (the weather
 * is re-prepared) and one site's climate decode.
 */
import { readFileSync } from 'node:fs'
import os from 'node:os'
import { loadClimate } from '../src/cli/loadClimate'
import { median, percentile } from './lib/benchKit'
import {
  DEFAULT_SCENARIO,
  decodeClimate,
  parseScenarioJson,
  simulate,
  type Scenario,
} from '../src/model'

const RUNS = 300
const WARMUP = 50

function timeRuns(
  base: Scenario,
  vary: (s: Scenario, i: number) => Scenario,
  runs = RUNS,
): number[] {
  const climate = loadClimate(base.site)
  const times: number[] = []
  for (let i = 0; i < WARMUP + runs; i++) {
    const s = vary(base, i)
    const start = performance.now()
    simulate(s, climate)
    const ms = performance.now() - start
    if (i >= WARMUP) times.push(ms)
  }
  return times
}

function preset(file: string): Scenario {
  const parsed = parseScenarioJson(readFileSync(`public/scenarios/${file}`, 'utf8'))
  if (!parsed.ok) throw new Error(`preset ${file} is invalid`)
  return parsed.scenario
}

// A drag of "Racks per hall": a new scenario every run, same site and offset.
const drag = (s: Scenario, i: number): Scenario => ({ ...s, racksPerHall: 100 + (i % 200) })
const dragLargest = (s: Scenario, i: number): Scenario => ({ ...s, racksPerHall: 150 + (i % 100) })
const offsets = (s: Scenario, i: number): Scenario => ({
  ...s,
  climateOffsetC: ((i % 26) - 10) / 2,
})

const defaultTimes = timeRuns(DEFAULT_SCENARIO, drag)
const largestTimes = timeRuns(preset('programme-4-5gw.json'), dragLargest)
const offsetTimes = timeRuns(DEFAULT_SCENARIO, offsets, 60)
const decodeTimes: number[] = []
const raw = JSON.parse(readFileSync('assets/climate/abilene.json', 'utf8')) as unknown
for (let i = 0; i < 60; i++) {
  const start = performance.now()
  decodeClimate(raw)
  decodeTimes.push(performance.now() - start)
}

const result = {
  evaluateMedianMs: Number(median(defaultTimes).toFixed(3)),
  evaluateP90Ms: Number(percentile(defaultTimes, 0.9).toFixed(3)),
  evaluateLargestMedianMs: Number(median(largestTimes).toFixed(3)),
  evaluateLargestP90Ms: Number(percentile(largestTimes, 0.9).toFixed(3)),
  climateOffsetChangeMedianMs: Number(median(offsetTimes).toFixed(3)),
  decodeClimateMedianMs: Number(median(decodeTimes).toFixed(3)),
  runs: RUNS,
  hoursPerRun: 8760,
  node: process.version,
  cpu: os.cpus()[0]?.model ?? 'unknown',
  cores: os.cpus().length,
}

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(result, null, 2))
} else {
  console.log(
    `Full hourly year, default campus:   median ${result.evaluateMedianMs} ms (p90 ${result.evaluateP90Ms} ms)`,
  )
  console.log(
    `Full hourly year, 4.5 GW programme: median ${result.evaluateLargestMedianMs} ms (p90 ${result.evaluateLargestP90Ms} ms)`,
  )
  console.log(
    `Climate offset change (re-prepare weather): median ${result.climateOffsetChangeMedianMs} ms`,
  )
  console.log(`Decode one site's climate asset: median ${result.decodeClimateMedianMs} ms`)
  console.log(
    `${result.runs} runs each after ${WARMUP} warm-up runs; ${result.node}, ${result.cores} × ${result.cpu}`,
  )
}
