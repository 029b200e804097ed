/**
 * Screenshots of the buildings and site (docs/buildings/): the default overview, a close view of
 * a building's façade and loading bays, the entrance (gate house, offices, parking), the hall
 * interior, and the overview and entrance at night. Builds and serves the app, opens it in
 * headless Chromium (software WebGL) and saves the canvas of each view as a PNG.
 *
 *   npx tsx scripts/shots-buildings.ts [OUT_DIR]      (default docs/buildings)
 *
 * The close views are placed from the default campus's layout, computed here in Node the way
 * the app computes it.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Page } from 'playwright-core'
import { layoutCampus } from '../src/layout'
import { DEFAULT_SCENARIO, decodeClimate, simulate } from '../src/model'
import { CHROMIUM_ARGS } from '../playwright.config'
import { chromiumPath, withServedBuild } from './lib/benchKit'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const OUT = resolve(process.argv[2] ?? join(ROOT, 'docs', 'buildings'))

const climate = decodeClimate(
  JSON.parse(
    readFileSync(join(ROOT, 'assets', 'climate', `${DEFAULT_SCENARIO.site}.json`), 'utf8'),
  ),
)
const layout = layoutCampus(DEFAULT_SCENARIO, simulate(DEFAULT_SCENARIO, climate).readouts)

type V3 = readonly [number, number, number]
const cam = (position: V3, target: V3) =>
  `cam=${[...position, ...target].map((v) => Math.round(v * 10) / 10).join(',')}`

const b0 = layout.buildings[0]
if (!b0) throw new Error('no building')
const east = b0.rect.x + b0.rect.w / 2
const south = b0.rect.z + b0.rect.d / 2
/** South-east corner of building 1: the office annex and the loading bays beside it. */
const facade = cam([east + 55, 22, south + 60], [east - 25, 6, south - 15])
const admin = layout.admin
const parking = layout.parking
const entrance = cam(
  [admin.x - 70, 45, parking.z + parking.d / 2 + 90],
  [(admin.x + parking.x) / 2, 0, parking.z],
)
const house = layout.detail.site.gate.house
const gate = cam([house.x - 40, 14, house.z + 38], [house.x + 6, 2, house.z + 4])

interface Shot {
  readonly name: string
  readonly query: string
  /** Local solar time, hours (the toolbar's slider). */
  readonly hour?: number
  readonly xray?: boolean
}

const SHOTS: readonly Shot[] = [
  { name: 'overview', query: '' },
  { name: 'facade', query: facade },
  { name: 'entrance', query: entrance },
  { name: 'gate', query: gate },
  { name: 'hall-interior', query: 'cam=hall' },
  { name: 'night-overview', query: '', hour: 22.5 },
  { name: 'night-facade', query: facade, hour: 22.5 },
  { name: 'xray-overview', query: '', xray: true },
]

async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__campusDebug?.settled() === true, null, {
    timeout: 120_000,
  })
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true })
  await withServedBuild(async (base) => {
    const userDataDir = mkdtempSync(join(tmpdir(), 'shots-buildings-'))
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: chromiumPath(),
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 720 },
      deviceScaleFactor: 1,
    })
    try {
      const page = context.pages()[0] ?? (await context.newPage())
      page.on('pageerror', (e) => console.error(e.message))
      for (const shot of SHOTS) {
        await page.goto(`${base}${shot.query ? `?${shot.query}` : ''}`)
        await page.waitForFunction(
          () =>
            window.__campusDebug?.firstFrameAt() !== null &&
            window.__campusDebug?.firstFrameAt() !== undefined,
          null,
          {
            timeout: 120_000,
          },
        )
        if (shot.hour !== undefined) await page.getByLabel('Time of day').fill(String(shot.hour))
        if (shot.xray) await page.getByRole('button', { name: 'X-ray', exact: true }).click()
        await settled(page)
        // Two more frames at full resolution, so the level of detail has caught up.
        await page.evaluate(() => window.__campusDebug?.renderOnce())
        await settled(page)
        const file = join(OUT, `${shot.name}.png`)
        await page.locator('canvas').screenshot({ path: file })
        const info = await page.evaluate(() => window.__campusDebug?.renderInfo())
        console.log(`${file}: ${info?.calls ?? '?'} calls, ${info?.triangles ?? '?'} triangles`)
      }
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
