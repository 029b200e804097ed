/**
 * Draw calls and triangles of the Overview for the campuses the plant changes most: the
 * default, Abilene with gas, a wind-fed Norway, Phoenix with solar, Singapore with seawater,
 * the 4.5 GW programme and the largest campus the schema allows. Builds and serves the app (or
 * serves `--dist DIR`, e.g. another branch's build, to compare), loads each scenario through
 * the scene's hook and waits until the view is still.
 *
 *   npm run --silent bench:plant -- [--json] [--dist DIR]
 *
 * CHROMIUM_PATH picks the browser (default: `chromium` on the PATH).
 */
import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { preview } from 'vite'
import { DEFAULT_SCENARIO, parseScenario, type Scenario } from '../src/model'
import { CHROMIUM_ARGS } from '../playwright.config'
import { chromiumPath, withServedBuild } from './lib/benchKit'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const json = args.includes('--json')
const distAt = args.indexOf('--dist')
const DIST = distAt >= 0 ? (args[distAt + 1] ?? null) : null

function preset(file: string): Scenario {
  const result = parseScenario(
    JSON.parse(readFileSync(join(ROOT, 'public/scenarios', file), 'utf8')),
  )
  if (!result.ok) throw new Error(`${file}: ${result.problems.map((p) => p.message).join('; ')}`)
  return result.scenario
}

const norway = preset('stargate-norway.json')
const SCENARIOS: [string, Scenario][] = [
  ['default campus', DEFAULT_SCENARIO],
  ['Abilene (gas)', preset('stargate-abilene.json')],
  [
    'Norway, wind-fed',
    { ...norway, power: { ...norway.power, windTurbines: 60, windTurbineMw: 5 } },
  ],
  [
    'Phoenix (solar)',
    {
      ...DEFAULT_SCENARIO,
      site: 'phoenix',
      power: { ...DEFAULT_SCENARIO.power, gridMw: 300, solarMw: 200, batteryMwh: 400 },
    },
  ],
  ['Singapore (seawater)', { ...preset('singapore.json'), cooling: 'dlc-seawater' }],
  ['4.5 GW programme', preset('programme-4-5gw.json')],
  [
    'largest campus',
    { ...preset('programme-4-5gw.json'), buildings: 40, hallsPerBuilding: 8, racksPerHall: 600 },
  ],
]

interface Result {
  name: string
  drawCalls: number
  triangles: number
}

async function run(base: string): Promise<Result[]> {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
  })
  const results: Result[] = []
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
    await page.goto(base)
    await page.waitForFunction(
      () => (window.__campusDebug?.firstFrameAt() ?? null) !== null,
      null,
      {
        timeout: 180_000,
      },
    )
    for (const [name, scenario] of SCENARIOS) {
      const problems = await page.evaluate(
        (doc) => window.__campusDebug?.setScenario(doc),
        scenario,
      )
      if (problems && problems.length > 0) throw new Error(`${name}: ${problems.join('; ')}`)
      await page.getByRole('button', { name: 'Overview' }).click()
      await page.waitForFunction(() => window.__campusDebug?.settled() === true, null, {
        timeout: 180_000,
      })
      const info = await page.evaluate(() => {
        window.__campusDebug?.renderOnce()
        return window.__campusDebug?.renderInfo()
      })
      results.push({ name, drawCalls: info?.calls ?? NaN, triangles: info?.triangles ?? NaN })
      if (!json) console.error(`${name}: ${info?.calls} calls, ${info?.triangles} triangles`)
    }
  } finally {
    await browser.close()
  }
  return results
}

async function main(): Promise<void> {
  let results: Result[]
  if (!DIST) results = await withServedBuild((base) => run(base))
  else {
    const server = await preview({
      logLevel: 'error',
      build: { outDir: resolve(DIST) },
      preview: { host: '127.0.0.1', port: Number(process.env.PW_PORT ?? 0), open: false },
    })
    try {
      const url = server.resolvedUrls?.local[0]
      if (!url) throw new Error('the preview server did not report its address')
      results = await run(url)
    } finally {
      await new Promise<void>((done) => server.httpServer.close(() => done()))
    }
  }
  if (json) console.log(JSON.stringify(results, null, 2))
  else for (const r of results) console.log(`${r.name.padEnd(22)} ${r.drawCalls} ${r.triangles}`)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
