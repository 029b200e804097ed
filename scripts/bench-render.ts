/**
 * Render bench: builds and serves the app, opens it in headless Chromium (software WebGL)
 * for the default campus, a ~1 GW and the 4.5 GW scenario, and reports per scenario the draw
 * calls, triangles, median frame time (render + 1-pixel read-back), layout time and time to
 * the first frame with the campus on it. Also times `layoutCampus` in Node for the largest
 * campus the schema allows (40 × 8 × 600 racks).
 *
 *   npm run --silent bench:render -- [--json] [--screenshots DIR] [--frames N]
 *
 * CHROMIUM_PATH picks the browser (default: `chromium` on the PATH).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { layoutCampus } from '../src/layout'
import {
  DEFAULT_SCENARIO,
  FIELDS,
  decodeClimate,
  getField,
  parseScenario,
  simulate,
  type Scenario,
} from '../src/model'
import { CHROMIUM_ARGS } from '../playwright.config'
import { chromiumPath, median, withServedBuild } from './lib/benchKit'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const json = args.includes('--json')
const shotsAt = args.indexOf('--screenshots')
const shotsDir = shotsAt >= 0 ? resolve(args[shotsAt + 1] ?? 'bench-shots') : null
const framesAt = args.indexOf('--frames')
const FRAMES = framesAt >= 0 ? Math.max(3, Number(args[framesAt + 1] ?? 7)) : 7
const VIEWPORT = { width: 1280, height: 720 }

function log(message: string): void {
  if (!json) console.log(message)
  else console.error(message)
}

function loadScenario(file: string): Scenario {
  const result = parseScenario(JSON.parse(readFileSync(join(ROOT, file), 'utf8')))
  if (!result.ok) throw new Error(`${file}: ${result.problems.map((p) => p.message).join('; ')}`)
  return result.scenario
}

/** The address-bar form of a scenario: field keys, only values that differ from the default. */
function queryOf(scenario: Scenario): string {
  const params = new URLSearchParams()
  for (const field of FIELDS) {
    const value = getField(scenario, field.path)
    if (value !== getField(DEFAULT_SCENARIO, field.path)) params.set(field.key, String(value))
  }
  return params.toString()
}

/** layoutCampus for the largest campus, in Node: median of 9 runs after a warm-up. */
function timeLargestLayout(): number | null {
  const file = join(ROOT, 'assets', 'climate', `${DEFAULT_SCENARIO.site}.json`)
  if (!existsSync(file)) return null
  const climate = decodeClimate(JSON.parse(readFileSync(file, 'utf8')))
  const largest: Scenario = {
    ...DEFAULT_SCENARIO,
    buildings: 40,
    hallsPerBuilding: 8,
    racksPerHall: 600,
  }
  const readouts = simulate(largest, climate).readouts
  for (let i = 0; i < 3; i++) layoutCampus(largest, readouts)
  const times: number[] = []
  for (let i = 0; i < 9; i++) {
    const t0 = performance.now()
    layoutCampus(largest, readouts)
    times.push(performance.now() - t0)
  }
  return median(times)
}

interface Result {
  name: string
  racks: number
  drawCalls: number
  triangles: number
  frameMsMedian: number
  frameMsMax: number
  layoutMs: number
  firstFrameMs: number | null
  loadedBy: 'url' | 'hook'
  consoleErrors: string[]
}

async function measure(name: string, scenario: Scenario, base: string): Promise<Result> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'bench-render-'))
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: VIEWPORT,
    deviceScaleFactor: 1,
  })
  try {
    const page = context.pages()[0] ?? (await context.newPage())
    const consoleErrors: string[] = []
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text())
    })
    page.on('pageerror', (e) => consoleErrors.push(e.message))
    const expectedRacks = scenario.buildings * scenario.hallsPerBuilding * scenario.racksPerHall
    const query = queryOf(scenario)
    await page.goto(`${base}${query ? `?${query}` : ''}`)
    await page.waitForFunction(
      () => (window.__campusDebug?.firstFrameAt() ?? null) !== null,
      null,
      {
        timeout: 120_000,
      },
    )
    let loadedBy: Result['loadedBy'] = 'url'
    let firstFrameMs = await page.evaluate(() => window.__campusDebug?.firstFrameAt() ?? null)
    const racks = await page.evaluate(() => window.__campusDebug?.counts().rackCount ?? 0)
    if (racks !== expectedRacks) {
      // The address bar did not carry the scenario: load it through the hook instead.
      loadedBy = 'hook'
      firstFrameMs = null
      const problems = await page.evaluate(
        (doc) => window.__campusDebug?.setScenario(doc),
        scenario,
      )
      if (problems && problems.length > 0) throw new Error(problems.join('; '))
      await page.waitForFunction(
        (n) => window.__campusDebug?.counts().rackCount === n,
        expectedRacks,
        { timeout: 120_000 },
      )
    }
    // Let the first frames settle (textures, shader programs, the overview in place).
    await page.getByRole('button', { name: 'Overview' }).click()
    await page.waitForTimeout(1500)
    const frames: number[] = []
    for (let i = 0; i < FRAMES; i++)
      frames.push(await page.evaluate(() => window.__campusDebug?.renderOnce() ?? NaN))
    const info = await page.evaluate(() => window.__campusDebug?.renderInfo())
    const layoutMs = await page.evaluate(() => window.__campusDebug?.layoutMs() ?? NaN)
    if (shotsDir) {
      mkdirSync(shotsDir, { recursive: true })
      await page.screenshot({ path: join(shotsDir, `${name.replace(/[^a-z0-9]+/gi, '-')}.png`) })
    }
    return {
      name,
      racks: expectedRacks,
      drawCalls: info?.calls ?? NaN,
      triangles: info?.triangles ?? NaN,
      frameMsMedian: Math.round(median(frames) * 10) / 10,
      frameMsMax: Math.round(Math.max(...frames) * 10) / 10,
      layoutMs: Math.round(layoutMs * 100) / 100,
      firstFrameMs: firstFrameMs === null ? null : Math.round(firstFrameMs),
      loadedBy,
      consoleErrors,
    }
  } finally {
    await context.close()
    rmSync(userDataDir, { recursive: true, force: true })
  }
}

async function main(): Promise<void> {
  log('building…')
  const results: Result[] = []
  await withServedBuild(async (base) => {
    const scenarios: [string, Scenario][] = [
      ['default campus', DEFAULT_SCENARIO],
      ['1 GW (Abilene)', loadScenario('public/scenarios/stargate-abilene.json')],
      ['4.5 GW programme', loadScenario('public/scenarios/programme-4-5gw.json')],
    ]
    for (const [name, scenario] of scenarios) {
      log(`measuring ${name}…`)
      results.push(await measure(name, scenario, base))
    }
  })

  const largestLayoutMs = timeLargestLayout()
  const byName = (n: string) => results.find((r) => r.name === n)
  const base0 = byName('default campus')
  const big = byName('4.5 GW programme')
  const targets = {
    drawCallsAtMost150: results.every((r) => r.drawCalls <= 150),
    defaultFrameAtMost150Ms: (base0?.frameMsMedian ?? Infinity) <= 150,
    defaultFirstFrameAtMost3s: (base0?.firstFrameMs ?? Infinity) <= 3000,
    programmeFrameAtMost2xDefault:
      (big?.frameMsMedian ?? Infinity) <= 2 * (base0?.frameMsMedian ?? 0),
    noFrameAbove1s: results.every((r) => r.frameMsMax <= 1000),
  }
  const report = {
    viewport: VIEWPORT,
    framesPerScenario: FRAMES,
    scenarios: results,
    largestLayoutMs: largestLayoutMs === null ? null : Math.round(largestLayoutMs * 100) / 100,
    targets,
  }
  if (json) {
    console.log(JSON.stringify(report, null, 2))
    return
  }
  console.log('')
  console.log(
    'scenario            racks   calls  triangles  frame ms (median/max)  layout ms  first frame ms',
  )
  for (const r of results)
    console.log(
      `${r.name.padEnd(18)} ${String(r.racks).padStart(6)} ${String(r.drawCalls).padStart(7)} ${String(r.triangles).padStart(10)}  ${`${r.frameMsMedian} / ${r.frameMsMax}`.padStart(21)}  ${String(r.layoutMs).padStart(9)}  ${String(r.firstFrameMs ?? '–').padStart(14)}`,
    )
  console.log(`layoutCampus, 192,000 racks (Node): ${report.largestLayoutMs ?? '–'} ms`)
  for (const [k, v] of Object.entries(targets)) console.log(`${v ? 'ok  ' : 'MISS'} ${k}`)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
