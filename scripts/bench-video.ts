/**
 * Video export benchmark: `npm run --silent bench:video [-- --json] [-- --seconds=2]`.
 * Builds and serves the app, opens the default campus in headless Chromium (software WebGL)
 * and exports a turntable at 24 fps through the dialog's "Video" choice, as a user would, at
 * 1280 × 720 and at 1920 × 1080; reports seconds per frame (from pressing "Export video" to the
 * downloaded file, over the clip's frames), the file's size and container, and how long the
 * page's main thread was blocked in one piece at most while it rendered.
 */
import { statSync } from 'node:fs'
import os from 'node:os'
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS } from '../playwright.config'
import {
  chromiumPath,
  longestMainThreadBlockMs,
  watchMainThread,
  withServedBuild,
} from './lib/benchKit'

const FPS = 24
const SIZES = [
  { label: '1280×720 (720p)', name: '720p' },
  { label: '1920×1080 (1080p)', name: '1080p' },
] as const

interface SizeResult {
  readonly size: string
  readonly frames: number
  readonly secondsPerFrame: number
  readonly fileBytes: number
  readonly file: string
  readonly longestBlockedMs: number
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json')
  const secondsArg = process.argv.find((a) => a.startsWith('--seconds='))
  const seconds = secondsArg ? Number(secondsArg.slice('--seconds='.length)) : 2
  const frames = Math.round(seconds * FPS)
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
        { timeout: 120_000 },
      )
      const sizes: SizeResult[] = []
      for (const size of SIZES) {
        await page.getByRole('button', { name: 'Export image' }).click()
        const dialog = page.getByRole('dialog', { name: 'Export image' })
        await dialog.getByRole('radio', { name: 'Video' }).check()
        await dialog.getByRole('combobox', { name: 'Kind' }).selectOption({ label: 'Turntable' })
        await dialog.getByRole('combobox', { name: 'Size' }).selectOption({ label: size.label })
        await dialog.getByRole('combobox', { name: 'Frame rate' }).selectOption(String(FPS))
        await dialog.getByRole('textbox', { name: 'Duration (s)' }).fill(String(seconds))
        await watchMainThread(page)
        const download = page.waitForEvent('download', { timeout: 3_600_000 })
        const started = Date.now()
        await dialog.getByRole('button', { name: 'Export video' }).click()
        const file = await download
        const ms = Date.now() - started
        const longestBlockedMs = await longestMainThreadBlockMs(page)
        sizes.push({
          size: size.name,
          frames,
          secondsPerFrame: Math.round(ms / frames) / 1000,
          fileBytes: statSync(await file.path()).size,
          file: file.suggestedFilename(),
          longestBlockedMs: Math.round(longestBlockedMs),
        })
        await dialog.getByRole('button', { name: 'Close' }).click()
      }
      return {
        kind: 'turntable',
        fps: FPS,
        seconds,
        sizes,
        browser: `Chromium ${browser.version()} (headless, software WebGL)`,
        cpus: os.cpus().length,
      }
    } finally {
      await browser.close()
    }
  })
  if (json) console.log(JSON.stringify(result, null, 2))
  else {
    for (const s of result.sizes)
      console.log(
        `${s.size} turntable, ${s.frames} frames at ${FPS} fps: ${s.secondsPerFrame.toFixed(2)} s per frame; ` +
          `${s.file.split('.').pop()?.toUpperCase()} ${s.fileBytes} bytes; longest main-thread block ${s.longestBlockedMs} ms`,
      )
    console.log(`${result.browser}, ${result.cpus} CPUs`)
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
