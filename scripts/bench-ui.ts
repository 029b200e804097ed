/**
 * Planner benchmark: `npm run --silent bench:ui [-- --json]`.
 * Builds the app, serves the production build and opens it in headless Chromium (software
 * WebGL, as in the browser tests), then reports:
 * - inputToReadoutMs: median time from a "Racks per hall" slider input event to the updated
 *   facility-peak readout in the DOM (the store update, the hourly model and React's commit,
 *   including the 3D scene's React work), default campus;
 * - bundleKbGzip: the JavaScript the first page load needs (entry script and its module
 *   preloads), gzipped, in kB (1 kB = 1,000 bytes, as Vite prints it).
 */
import { readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS } from '../playwright.config'
import { chromiumPath, median, percentile, withServedBuild } from './lib/benchKit'

const SAMPLES = 40
const WARMUP = 5

/**
 * Runs in the page. Kept as source text: the TypeScript runner would otherwise add helpers to
 * the function that do not exist in the page. Sets the slider through the native value setter
 * (as a user's input does, so React sees a change), dispatches `input` and waits for the
 * readout's data-value to change.
 */
const MEASURE = `async function measure(runs, warmup) {
  const slider = document.getElementById('field-racksPerHall')
  const readout = document.querySelector('[data-readout="facilityPeakMw"]')
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set
  if (!slider || !readout) throw new Error('slider or readout not found')
  const times = []
  for (let i = 0; i < warmup + runs; i++) {
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 30)))
    const before = readout.getAttribute('data-value')
    const started = performance.now()
    setValue.call(slider, String(150 + (i % 40)))
    slider.dispatchEvent(new Event('input', { bubbles: true }))
    await new Promise((resolve) => {
      if (readout.getAttribute('data-value') !== before) return resolve()
      const observer = new MutationObserver(() => {
        if (readout.getAttribute('data-value') === before) return
        observer.disconnect()
        resolve()
      })
      observer.observe(readout, { attributes: true })
    })
    if (i >= warmup) times.push(performance.now() - started)
  }
  return times
}`

/** Entry JavaScript of the built page: the module script and its modulepreload links. */
function initialScripts(html: string): string[] {
  const files = new Set<string>()
  for (const match of html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g))
    if (match[1]) files.add(match[1])
  for (const match of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g))
    if (match[1]) files.add(match[1])
  return [...files]
}

function gzipKb(file: string): number {
  return gzipSync(readFileSync(file)).length / 1000
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json')
  await withServedBuild(async (url, outDir) => {
    const html = readFileSync(path.join(outDir, 'index.html'), 'utf8')
    const scripts = initialScripts(html)
    const bundleKbGzip = scripts.reduce((sum, src) => sum + gzipKb(path.join(outDir, src)), 0)
    const css = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)]
    const cssKbGzip = css.reduce((sum, m) => sum + (m[1] ? gzipKb(path.join(outDir, m[1])) : 0), 0)
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS })
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
      await page.goto(url)
      await page.waitForSelector('[data-readout="facilityPeakMw"]:not([data-value=""])')
      const samples = (await page.evaluate(`(${MEASURE})(${SAMPLES}, ${WARMUP})`)) as number[]
      const result = {
        inputToReadoutMs: Number(median(samples).toFixed(2)),
        inputToReadoutP90Ms: Number(percentile(samples, 0.9).toFixed(2)),
        inputToReadoutMaxMs: Number(Math.max(...samples).toFixed(2)),
        samples: samples.length,
        bundleKbGzip: Number(bundleKbGzip.toFixed(1)),
        initialScripts: scripts.length,
        cssKbGzip: Number(cssKbGzip.toFixed(1)),
        browser: `Chromium ${browser.version()} (headless, software WebGL)`,
        cpus: os.cpus().length,
      }
      if (json) console.log(JSON.stringify(result, null, 2))
      else {
        console.log(
          `input → readout: median ${result.inputToReadoutMs} ms, p90 ${result.inputToReadoutP90Ms} ms, max ${result.inputToReadoutMaxMs} ms (${result.samples} samples, default campus)`,
        )
        console.log(
          `initial JS: ${result.bundleKbGzip} kB gzipped in ${result.initialScripts} file(s); CSS ${result.cssKbGzip} kB`,
        )
        console.log(`${result.browser}, ${result.cpus} CPUs`)
      }
    } finally {
      await browser.close()
    }
  })
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
