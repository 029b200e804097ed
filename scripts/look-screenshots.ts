/**
 * Screenshots of the 3D view for the look of the campus (docs/look/): builds and serves the app,
 * opens it in headless Chromium (software WebGL, the flags of playwright.config.ts) and saves
 * the canvas of each shot once the view is still and, where the build has it, the presentation
 * refinement has finished.
 *
 *   npm run --silent screenshots:look -- [--out DIR] [--only name,name] [--width W --height H]
 *
 * CHROMIUM_PATH picks the browser (default: `chromium` on the PATH).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Page } from 'playwright-core'
import { DEFAULT_SCENARIO, FIELDS, getField, parseScenario, type Scenario } from '../src/model'
import { CHROMIUM_ARGS } from '../playwright.config'
import { chromiumPath, withServedBuild } from './lib/benchKit'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const option = (name: string): string | null => {
  const at = args.indexOf(name)
  return at >= 0 ? (args[at + 1] ?? null) : null
}
const OUT = resolve(option('--out') ?? 'docs/look')
const ONLY = option('--only')?.split(',') ?? null
const VIEWPORT = {
  width: Number(option('--width') ?? 1600),
  height: Number(option('--height') ?? 900),
}

function preset(file: string): Scenario {
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

interface Shot {
  readonly name: string
  readonly scenario: Scenario
  /** Local solar time, hours, and day of the year (the view toolbar's sliders). */
  readonly hour: number
  readonly day: number
}

const SHOTS: readonly Shot[] = [
  { name: 'narvik-day', scenario: DEFAULT_SCENARIO, hour: 14, day: 172 },
  { name: 'narvik-winter', scenario: DEFAULT_SCENARIO, hour: 12.5, day: 60 },
  { name: 'narvik-night', scenario: DEFAULT_SCENARIO, hour: 22.5, day: 290 },
  {
    name: 'abilene-gas',
    scenario: preset('public/scenarios/stargate-abilene.json'),
    hour: 15,
    day: 200,
  },
  {
    name: 'abilene-night',
    scenario: preset('public/scenarios/stargate-abilene.json'),
    hour: 21.5,
    day: 200,
  },
  {
    name: 'phoenix-solar',
    scenario: {
      ...DEFAULT_SCENARIO,
      site: 'phoenix',
      power: { ...DEFAULT_SCENARIO.power, gridMw: 300, hydroMw: 0, solarMw: 150 },
    },
    hour: 10,
    day: 120,
  },
  {
    name: 'singapore-seawater',
    scenario: { ...preset('public/scenarios/singapore.json'), cooling: 'dlc-seawater' },
    hour: 16,
    day: 80,
  },
  { name: 'lulea-wind', scenario: preset('public/scenarios/lulea.json'), hour: 13, day: 190 },
]

async function setRange(page: Page, label: string, value: number): Promise<void> {
  const input = page.getByLabel(label, { exact: false }).first()
  await input.fill(String(value))
}

async function shoot(page: Page, base: string, shot: Shot): Promise<void> {
  const query = queryOf(shot.scenario)
  await page.goto(`${base}${query ? `?${query}` : ''}`)
  await page.waitForFunction(() => (window.__campusDebug?.firstFrameAt() ?? null) !== null, null, {
    timeout: 180_000,
  })
  const motion = page.getByRole('button', { name: 'Motion', exact: true })
  if ((await motion.getAttribute('aria-pressed')) === 'true') await motion.click()
  await setRange(page, 'Time of day', shot.hour)
  await setRange(page, 'Date', shot.day)
  await page.getByRole('button', { name: 'Overview', exact: true }).click()
  await page.waitForFunction(() => window.__campusDebug?.settled() === true, null, {
    timeout: 180_000,
  })
  // A build with the presentation refinement: wait for the finished still frame.
  await page.waitForFunction(
    () => {
      const d = window.__campusDebug as unknown as { presentation?: () => { state: string } }
      return !d.presentation || d.presentation().state === 'done'
    },
    null,
    { timeout: 180_000, polling: 250 },
  )
  await page.locator('canvas').screenshot({ path: join(OUT, `${shot.name}.png`) })
  console.log(`saved ${shot.name}.png`)
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true })
  await withServedBuild(async (base) => {
    const userDataDir = mkdtempSync(join(tmpdir(), 'look-shots-'))
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: chromiumPath(),
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: VIEWPORT,
      deviceScaleFactor: 1,
    })
    try {
      const page = context.pages()[0] ?? (await context.newPage())
      page.on('pageerror', (e) => console.error(`page error: ${e.message}`))
      page.on('console', (m) => {
        if (m.type() === 'error') console.error(`console: ${m.text()}`)
      })
      for (const shot of SHOTS) if (!ONLY || ONLY.includes(shot.name)) await shoot(page, base, shot)
    } finally {
      await context.close()
      rmSync(userDataDir, { recursive: true, force: true })
    }
  })
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
