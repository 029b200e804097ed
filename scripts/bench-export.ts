/**
 * Export benchmark: `npm run --silent bench:export [-- --json] [--view NAME] [--against DIR]`.
 * Builds and serves the app, opens the default campus in headless Chromium (software WebGL)
 * and exports a 3840 × 2160 PNG with its caption through the "Export image" dialog, as a user
 * would; reports the median time from pressing "Export PNG" to the downloaded file, and how
 * long the page's main thread was blocked in one piece at most (the dialog shows progress
 * between the render and the encoding).
 *
 * `--view NAME` presses that named view's button first (e.g. "Cooling yard") and turns Motion
 * off.
 * `--against DIR` also serves another build (e.g. the first release's, built with
 * `npx vite build --outDir DIR`) in a second page of the same browser and exports from the two
 * pages in turn, so that a shared machine's load falls on both alike; after one export each
 * (the first compiles the passes) it times `AGAINST_RUNS` each and reports both medians and the
 * ratio (this build / that one).
 */
import { statSync } from 'node:fs'
import os from 'node:os'
import { resolve } from 'node:path'
import { chromium, type Page } from 'playwright-core'
import { CHROMIUM_ARGS } from '../playwright.config'
import {
  chromiumPath,
  longestMainThreadBlockMs,
  median,
  serveBuild,
  watchMainThread,
  withServedBuild,
} from './lib/benchKit'

const RUNS = 3
const AGAINST_RUNS = 6

const args = process.argv.slice(2)
const option = (name: string): string | null => {
  const at = args.indexOf(name)
  return at >= 0 ? (args[at + 1] ?? null) : null
}

/** Opens the app at `url` in a fresh page, on the named view if one is asked for. */
async function openApp(
  browser: Awaited<ReturnType<typeof chromium.launch>>,
  url: string,
  view: string | null,
): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 720 },
    deviceScaleFactor: 1,
    acceptDownloads: true,
  })
  const page = await context.newPage()
  await page.goto(url)
  await page.waitForFunction(() => (window.__campusDebug?.firstFrameAt() ?? null) !== null, null, {
    timeout: 120_000,
  })
  if (view) {
    await page.getByRole('button', { name: view, exact: true }).click()
    // Motion off, where a build has it: turning fans keep a close view from coming to rest (and
    // from being refined between exports); an export holds them still anyway.
    const motion = page.getByRole('button', { name: 'Motion', exact: true })
    if ((await motion.count()) > 0 && (await motion.getAttribute('aria-pressed')) === 'true')
      await motion.click()
  }
  await page.waitForFunction(() => window.__campusDebug?.settled() === true, null, {
    timeout: 120_000,
  })
  return page
}

/** One 4K export through the dialog: milliseconds, longest main-thread block, PNG bytes. */
async function exportOnce(page: Page): Promise<{ ms: number; gapMs: number; bytes: number }> {
  await page.bringToFront()
  await page.getByRole('button', { name: 'Export image' }).click()
  const dialog = page.getByRole('dialog', { name: 'Export image' })
  await dialog.getByRole('radio', { name: /3840 × 2160/ }).check()
  await watchMainThread(page)
  const download = page.waitForEvent('download', { timeout: 120_000 })
  const started = Date.now()
  await dialog.getByRole('button', { name: 'Export PNG' }).click()
  const file = await download
  const ms = Date.now() - started
  const gapMs = await longestMainThreadBlockMs(page)
  const bytes = statSync(await file.path()).size
  await dialog.getByRole('button', { name: 'Close' }).click()
  // Let the view on screen finish its refinement (builds that have one), so that it does not
  // run beside the next export.
  await page.waitForFunction(
    () => {
      const refinement = window.__campusDebug?.presentation?.()
      return !refinement || refinement.state === 'done'
    },
    null,
    { timeout: 120_000 },
  )
  return { ms, gapMs, bytes }
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json')
  const view = option('--view')
  const againstDir = option('--against')
  const result = await withServedBuild(async (url) => {
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS })
    try {
      const page = await openApp(browser, url, view)
      const browserName = `Chromium ${browser.version()} (headless, software WebGL)`
      if (againstDir) {
        const server = await serveBuild(resolve(againstDir))
        try {
          const other = await openApp(browser, server.url, view)
          const mine: number[] = []
          const theirs: number[] = []
          for (let i = 0; i <= AGAINST_RUNS; i++) {
            const a = await exportOnce(other)
            const b = await exportOnce(page)
            if (i === 0) continue
            theirs.push(a.ms)
            mine.push(b.ms)
          }
          return {
            view: view ?? 'current (Overview)',
            export4kMs: Math.round(median(mine)),
            export4kRunsMs: mine,
            againstMs: Math.round(median(theirs)),
            againstRunsMs: theirs,
            ratio: Number((median(mine) / median(theirs)).toFixed(2)),
            runs: AGAINST_RUNS,
            browser: browserName,
            cpus: os.cpus().length,
          }
        } finally {
          await server.close()
        }
      }
      const times: number[] = []
      const gaps: number[] = []
      let bytes = 0
      for (let i = 0; i < RUNS; i++) {
        const run = await exportOnce(page)
        times.push(run.ms)
        gaps.push(run.gapMs)
        bytes = run.bytes
      }
      return {
        view: view ?? 'current (Overview)',
        export4kMs: Math.round(median(times)),
        export4kRunsMs: times,
        longestBlockedMs: Math.round(Math.max(...gaps)),
        pngBytes: bytes,
        runs: RUNS,
        browser: browserName,
        cpus: os.cpus().length,
      }
    } finally {
      await browser.close()
    }
  })
  if (json) console.log(JSON.stringify(result, null, 2))
  else {
    console.log(
      `4K export with caption (${result.view}): median ${result.export4kMs} ms (${result.export4kRunsMs.join(', ')} ms)`,
    )
    if (result.againstRunsMs)
      console.log(
        `against ${againstDir}: median ${result.againstMs} ms (${result.againstRunsMs.join(', ')} ms); this build / that one: × ${result.ratio}`,
      )
    else
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
