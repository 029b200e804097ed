/**
 * Screenshots of a campus growing, for the docs: `npx tsx scripts/shoot-phases.ts`. Builds the
 * app, serves it, opens the phased Stargate Norway preset (public/scenarios/stargate-norway-phased.json) and
 * saves the planner at three dates on its timeline, the camera unchanged between them:
 * docs/phases-1.png (June 2026: one building built, the second under construction, two
 * planned), docs/phases-2.png (June 2027: two built, two under construction),
 * docs/phases-3.png (December 2028: all four built); then the build-out drawer (chart of power,
 * supply and GPUs over time with the announced figures, warnings across phases):
 * docs/phases-chart.png.
 */
import { readFileSync } from 'node:fs'
import { chromium, type Page } from 'playwright-core'
import { CHROMIUM_ARGS } from '../playwright.config'
import { chromiumPath, withServedBuild } from './lib/benchKit'

const preset: unknown = JSON.parse(
  readFileSync('public/scenarios/stargate-norway-phased.json', 'utf8'),
)

/** Months after the first phase (2026-06) to show, and the file for each. */
const SHOTS = [
  [0, 'docs/phases-1.png'],
  [12, 'docs/phases-2.png'],
  [30, 'docs/phases-3.png'],
] as const
/** From the first phase online (2026-06) to the last (2028-12). */
const SPAN_MONTHS = 30

async function shown(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const debug = window.__campusDebug
    return debug !== undefined && debug.buildOut().shown && debug.settled()
  })
}

await withServedBuild(async (url) => {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS })
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } })
    await page.goto(url)
    await page.waitForFunction(() => window.__campusDebug !== undefined)
    const problems = await page.evaluate((doc) => window.__campusDebug?.setScenario(doc), preset)
    if (problems === undefined || problems.length > 0)
      throw new Error(`the preset did not load: ${String(problems)}`)
    const slider = page.getByRole('slider', { name: 'Phase' })
    await slider.press('Home')
    await shown(page)
    const box = await slider.boundingBox()
    if (box === null) throw new Error('the timeline has no box')
    for (const [months, file] of SHOTS) {
      // Press on the track where that month lies (src/ui/Timeline.tsx: 4 % kept at each end).
      const f = 0.04 + (0.92 * months) / SPAN_MONTHS
      await page.mouse.click(box.x + f * box.width, box.y + box.height / 2)
      await shown(page)
      const state = await page.evaluate(() => window.__campusDebug?.buildOut())
      await page.screenshot({ path: file })
      console.log(`wrote ${file}: ${JSON.stringify(state)}`)
    }
    await page.getByRole('tab', { name: 'Build-out' }).click()
    await page.locator('[data-series="facilityPeakMw"]').waitFor()
    await page.locator('.bo-charts').scrollIntoViewIfNeeded()
    await page.screenshot({ path: 'docs/phases-chart.png' })
    console.log('wrote docs/phases-chart.png')
  } finally {
    await browser.close()
  }
})
