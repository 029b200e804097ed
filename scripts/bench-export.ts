/**
 * Export benchmark: `npm run --silent bench:export [-- --json]`.
 * Builds and serves the app, opens the default campus in headless Chromium (software WebGL)
 * and exports a 3840 × 2160 PNG with its caption through the "Export image" dialog, as a user
 * would; reports the median time from pressing "Export PNG" to the downloaded file, and how
 * long the page's main thread was blocked in one piece at most (the dialog shows progress
 * between the render and the encoding).
 */
import { statSync } from 'node:fs'
import os from 'node:os'
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS } from '../playwright.config'
import { chromiumPath, median, withServedBuild } from './lib/benchKit'

const RUNS = 3

/** Runs in the page: records the longest gap between animation frames (main thread blocked). */
const WATCH_FRAMES = `(() => {
  window.__longestGapMs = 0
  let last = performance.now()
  const tick = (now) => {
    window.__longestGapMs = Math.max(window.__longestGapMs, now - last)
    last = now
    requestAnimationFrame(tick)
  }
  requestAnimationFrame(tick)
})()`

async function main(): Promise<void> {
  const json = process.argv.includes('--json')
  const result = await withServedBuild(async (url) => {
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS })
    try {
      const context = await browser.newContext({
        viewport: { width: 1280, height: 720 },
        deviceScaleFactor: 1,
        acceptDownloads: true,
      })
      const page = await context.newPage()
      await page.goto(url)
      await page.waitForFunction(
        () => (window.__campusDebug?.firstFrameAt() ?? null) !== null,
        null,
        {
          timeout: 120_000,
        },
      )
      const times: number[] = []
      const gaps: number[] = []
      let bytes = 0
      for (let i = 0; i < RUNS; i++) {
        await page.getByRole('button', { name: 'Export image' }).click()
        const dialog = page.getByRole('dialog', { name: 'Export image' })
        await dialog.getByRole('radio', { name: /3840 × 2160/ }).check()
        await page.evaluate(WATCH_FRAMES)
        const download = page.waitForEvent('download', { timeout: 120_000 })
        const started = Date.now()
        await dialog.getByRole('button', { name: 'Export PNG' }).click()
        const file = await download
        times.push(Date.now() - started)
        gaps.push(
          await page.evaluate(
            () => (window as unknown as { __longestGapMs: number }).__longestGapMs,
          ),
        )
        const path = await file.path()
        bytes = statSync(path).size
        await dialog.getByRole('button', { name: 'Close' }).click()
      }
      return {
        export4kMs: Math.round(median(times)),
        export4kRunsMs: times,
        longestBlockedMs: Math.round(Math.max(...gaps)),
        pngBytes: bytes,
        runs: RUNS,
        browser: `Chromium ${browser.version()} (headless, software WebGL)`,
        cpus: os.cpus().length,
      }
    } finally {
      await browser.close()
    }
  })
  if (json) console.log(JSON.stringify(result, null, 2))
  else {
    console.log(
      `4K export with caption: median ${result.export4kMs} ms (${result.export4kRunsMs.join(', ')} ms)`,
    )
    console.log(
      `longest main-thread block during an export: ${result.longestBlockedMs} ms; PNG ${result.pngBytes} bytes`,
    )
    console.log(`${result.browser}, ${result.cpus} CPUs`)
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
