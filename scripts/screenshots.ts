/**
 * Screenshot kit: a fixed set of views of the planner, for before/after comparisons of the 3D
 * picture (issue 10, "Done when").
 *
 *   npm run screenshots -- [--out DIR] [--dist DIR] [--only NAME[,NAME…]] [--list]
 *
 * Builds the app into a temporary folder (or serves an existing build with `--dist dist`),
 * opens each view in headless Chromium (software WebGL, the browser tests' flags) at
 * 1600 × 900, waits until the view is still and drawn at full resolution
 * (`window.__campusDebug.settled()`) and its presentation refinement has finished, and writes `<name>.png` into `--out` (default
 * `docs/screenshots/after`). Every view is a link: scenario keys and a named camera view
 * (`cam=`); the night view also sets Time of day to 22:00 with the toolbar's slider (the
 * address bar does not hold the time). Motion is switched off first so rotors stand still.
 * CHROMIUM_PATH picks the browser (default: `chromium` on the PATH).
 */
import { mkdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Page } from 'playwright-core'
import { preview } from 'vite'
import { DEFAULT_SCENARIO, FIELDS, getField, parseScenario, type Scenario } from '../src/model'
import { CHROMIUM_ARGS } from '../playwright.config'
import { chromiumPath, withServedBuild } from './lib/benchKit'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const VIEWPORT = { width: 1600, height: 900 }

/** The address-bar keys of a preset file: only values that differ from the default campus. */
function presetQuery(file: string): string {
  const result = parseScenario(JSON.parse(readFileSync(join(ROOT, file), 'utf8')))
  if (!result.ok) throw new Error(`${file}: ${result.problems.map((p) => p.message).join('; ')}`)
  const scenario: Scenario = result.scenario
  const params = new URLSearchParams()
  for (const field of FIELDS) {
    const value = getField(scenario, field.path)
    if (value !== getField(DEFAULT_SCENARIO, field.path)) params.set(field.key, String(value))
  }
  return params.toString()
}

export interface Shot {
  /** File name without `.png`. */
  readonly name: string
  readonly what: string
  /** Query string without `?`: scenario keys and `cam=`. */
  readonly query: string
  /** Time of day to set with the toolbar's slider, hours (0 … 24, quarter hours). */
  readonly timeOfDayH?: number
}

export function shots(): Shot[] {
  return [
    {
      name: 'default-overview',
      what: 'Stargate Norway (Narvik), the default campus: Overview',
      query: 'cam=overview',
    },
    {
      name: 'abilene-gas',
      what: 'Stargate I (Abilene) preset, grid and gas: Overview',
      query: `${presetQuery('public/scenarios/stargate-abilene.json')}&cam=overview`,
    },
    {
      name: 'narvik-wind',
      what: 'Narvik fed by 60 × 5 MW wind turbines and a grid link: Overview',
      query: 'hydroMw=0&gridMw=150&windTurbines=60&windTurbineMw=5&cam=overview',
    },
    {
      name: 'phoenix-solar',
      what: 'Phoenix, 400 MW solar and 800 MWh battery: Overview',
      query: 'site=phoenix&hydroMw=0&solarMw=400&batteryMwh=800&cam=overview',
    },
    {
      name: 'singapore-seawater',
      what: 'Singapore preset with seawater cooling: Overview',
      query: `${presetQuery('public/scenarios/singapore.json')}&cooling=dlc-seawater&cam=overview`,
    },
    {
      name: 'hall-interior',
      what: 'The default campus: Hall interior',
      query: 'cam=hall',
    },
    {
      name: 'night',
      what: 'The default campus at 22:00: Overview',
      query: 'cam=overview',
      timeOfDayH: 22,
    },
  ]
}

async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => (window.__campusDebug?.firstFrameAt() ?? null) !== null, null, {
    timeout: 180_000,
  })
  await page.waitForFunction(() => window.__campusDebug?.settled() === true, null, {
    timeout: 180_000,
  })
}

async function capture(page: Page, url: string, shot: Shot, file: string): Promise<void> {
  await page.goto(`${url}?${shot.query}`)
  await settle(page)
  const motion = page.getByRole('button', { name: 'Motion', exact: true })
  if ((await motion.getAttribute('aria-pressed')) === 'true') await motion.click()
  if (shot.timeOfDayH !== undefined) {
    // The slider runs 0 … 24 in quarter hours: End, then back down one step at a time.
    const slider = page.getByRole('slider', { name: 'Time of day' })
    await slider.focus()
    await page.keyboard.press('End')
    const steps = Math.round((24 - shot.timeOfDayH) * 4)
    for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowLeft')
    await slider.blur()
  }
  // Nothing under the pointer: no hover outline.
  await page.mouse.move(0, VIEWPORT.height - 1)
  await settle(page)
  // The still picture: the presentation refinement (ambient occlusion, antialiasing, soft
  // shadows) has finished on the settled view (input cancels a run; the next one starts).
  await page.waitForFunction(
    () => window.__campusDebug?.presentation().state === 'done' && window.__campusDebug.settled(),
    null,
    { timeout: 180_000, polling: 250 },
  )
  await page.screenshot({ path: file })
}

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const value = (flag: string): string | null => {
    const at = args.indexOf(flag)
    return at >= 0 ? (args[at + 1] ?? null) : null
  }
  const all = shots()
  if (args.includes('--list')) {
    for (const s of all) console.log(`${s.name}\t?${s.query}\t${s.what}`)
    return
  }
  const out = resolve(value('--out') ?? 'docs/screenshots/after')
  const only = value('--only')?.split(',') ?? null
  const chosen = only ? all.filter((s) => only.includes(s.name)) : all
  if (chosen.length === 0) throw new Error(`no view named ${only?.join(', ') ?? ''}`)
  mkdirSync(out, { recursive: true })
  const dist = value('--dist')
  const run = async (url: string): Promise<void> => {
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS })
    try {
      const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 })
      const page = await context.newPage()
      for (const shot of chosen) {
        const file = join(out, `${shot.name}.png`)
        const t0 = Date.now()
        await capture(page, url, shot, file)
        console.log(`${file}  (${shot.what}; ${((Date.now() - t0) / 1000).toFixed(1)} s)`)
      }
    } finally {
      await browser.close()
    }
  }
  if (dist === null) {
    await withServedBuild(run)
    return
  }
  const server = await preview({
    logLevel: 'error',
    build: { outDir: resolve(dist) },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  })
  try {
    const url = server.resolvedUrls?.local[0]
    if (!url) throw new Error('the preview server did not report its address')
    await run(url)
  } finally {
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()))
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
