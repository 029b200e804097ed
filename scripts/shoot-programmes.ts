/**
 * Screenshots of the built-in programmes for the docs: `npx tsx scripts/shoot-programmes.ts`.
 * Builds the app, serves it, opens each programme and saves its page (docs/programme-us.png,
 * docs/programme-countries.png), then one campus open under its breadcrumb
 * (docs/programme-campus.png).
 */
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS } from '../playwright.config'
import { chromiumPath, withServedBuild } from './lib/benchKit'

const PROGRAMMES = [
  ['stargate-us', 'docs/programme-us.png'],
  ['stargate-countries', 'docs/programme-countries.png'],
] as const

await withServedBuild(async (url) => {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS })
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } })
    for (const [id, file] of PROGRAMMES) {
      await page.goto(`${url}?programme=${id}`)
      await page.locator('svg.programme-map[data-basemap="ready"]').waitFor()
      await page.locator('[data-readout="total.facilityPeakMw"]:not([data-value=""])').waitFor()
      await page.screenshot({ path: file, fullPage: false })
      console.log(`wrote ${file}`)
    }
    await page.goto(`${url}?programme=stargate-us&campus=milam`)
    await page.getByRole('navigation', { name: 'Breadcrumb' }).waitFor()
    await page.locator('[data-readout="total.facilityPeakMw"]:not([data-value=""])').waitFor()
    // The scene says when it has drawn the campus (scene/debug.ts).
    await page.waitForFunction(() => {
      const debug = (window as { __campusDebug?: { settled?: () => boolean } }).__campusDebug
      return debug?.settled?.() ?? true
    })
    await page.screenshot({ path: 'docs/programme-campus.png' })
    console.log('wrote docs/programme-campus.png')
  } finally {
    await browser.close()
  }
})
