/**
 * Planner benchmark: `npm run --silent bench:ui [-- --json]`.
 * Builds the app, serves the production build and opens it in headless Chromium (software
 * WebGL, as in the browser tests), then reports:
 * - inputToReadoutMs: median time from a "Racks per hall" slider input event to the updated
 *   facility-peak readout in the DOM (the store update, the hourly model and React's commit),
 *   default campus;
 * - drag at 4.5 GW (public/scenarios/programme-4-5gw.json): the "Racks per hall" slider dragged
 *   with the mouse (down, DRAG_STEPS moves, up), DRAGS times; the longest main-thread task
 *   (PerformanceObserver "longtask") between pointer down and pointer up, and in the
 *   SETTLE_MS after the release (the full-resolution frame once the scene is still);
 * - Undo at 4.5 GW: from the Undo click to the readout showing the earlier value, to the first
 *   frame of the scene with the earlier campus, and the longest task in the SETTLE_MS after it;
 * - bundleKbGzip: the JavaScript the first page load needs (entry script and its module
 *   preloads), gzipped, in kB (1 kB = 1,000 bytes, as Vite prints it).
 */
import { readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium, type Page } from 'playwright-core'
import { CHROMIUM_ARGS } from '../playwright.config'
import { chromiumPath, median, percentile, withServedBuild } from './lib/benchKit'

const SAMPLES = 40
const WARMUP = 5
const DRAGS = 4
const DRAG_STEPS = 30
const UNDOS = 4
const SETTLE_MS = 2000

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

/** Installed before the page loads: every long task, [start, duration] in page time. */
const LONG_TASKS = `window.__benchLongTasks = []
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) window.__benchLongTasks.push([e.startTime, e.duration])
}).observe({ type: 'longtask', buffered: true })`

/** Longest task that overlaps [from, to] (page time); 0 when none passed 50 ms. */
async function longestTask(page: Page, from: number, to: number): Promise<number> {
  return page.evaluate(
    ([a, b]) => {
      const tasks = (window as unknown as { __benchLongTasks: [number, number][] }).__benchLongTasks
      let longest = 0
      for (const [start, duration] of tasks)
        if (start < b && start + duration > a) longest = Math.max(longest, duration)
      return longest
    },
    [from, to] as const,
  )
}

const now = (page: Page): Promise<number> => page.evaluate(() => performance.now())

/** Resolves once the scene is still and drawn at full resolution (when the build reports it). */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const hook = window.__campusDebug as { settled?: () => boolean } | undefined
      return hook?.settled ? hook.settled() : true
    },
    null,
    { timeout: 60_000 },
  )
  await page.waitForTimeout(SETTLE_MS)
}

async function readout(page: Page, key: string): Promise<string> {
  return (await page.locator(`[data-readout="${key}"]`).getAttribute('data-value')) ?? ''
}

/** Drags the racks-per-hall slider's thumb by `dx` pixels; returns page times of down and up. */
async function drag(page: Page, dx: number): Promise<{ down: number; up: number }> {
  const slider = page.locator('#field-racksPerHall')
  await slider.scrollIntoViewIfNeeded()
  const box = await slider.boundingBox()
  if (!box) throw new Error('no slider')
  const value = Number(await slider.inputValue())
  const min = Number(await slider.getAttribute('min'))
  const max = Number(await slider.getAttribute('max'))
  const thumb = 8
  const x = box.x + thumb + ((value - min) / (max - min)) * (box.width - 2 * thumb)
  const y = box.y + box.height / 2
  await page.mouse.move(x, y)
  const down = await now(page)
  await page.mouse.down()
  for (let i = 1; i <= DRAG_STEPS; i++) await page.mouse.move(x + (dx * i) / DRAG_STEPS, y)
  await page.mouse.up()
  const up = await now(page)
  if (Number(await slider.inputValue()) === value)
    throw new Error('the drag did not move the slider')
  return { down, up }
}

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

const round1 = (n: number): number => Number(n.toFixed(1))

async function main(): Promise<void> {
  const json = process.argv.includes('--json')
  const preset = JSON.parse(
    readFileSync(path.join(process.cwd(), 'public/scenarios/programme-4-5gw.json'), 'utf8'),
  ) as unknown
  await withServedBuild(async (url, outDir) => {
    const html = readFileSync(path.join(outDir, 'index.html'), 'utf8')
    const scripts = initialScripts(html)
    const bundleKbGzip = scripts.reduce((sum, src) => sum + gzipKb(path.join(outDir, src)), 0)
    const css = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)]
    const cssKbGzip = css.reduce((sum, m) => sum + (m[1] ? gzipKb(path.join(outDir, m[1])) : 0), 0)
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS })
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
      await page.addInitScript(LONG_TASKS)
      await page.goto(url)
      await page.waitForSelector('[data-readout="facilityPeakMw"]:not([data-value=""])')
      const samples = (await page.evaluate(`(${MEASURE})(${SAMPLES}, ${WARMUP})`)) as number[]

      // The 4.5 GW programme, through the same validation as a scenario file.
      await page.waitForFunction(() => window.__campusDebug !== undefined, null, {
        timeout: 60_000,
      })
      const problems = await page.evaluate((doc) => window.__campusDebug?.setScenario(doc), preset)
      if (problems && problems.length > 0) throw new Error(problems.join('; '))
      await page.waitForSelector('[data-readout="rackCount"][data-value="24320"]')
      await settled(page)

      const dragTasks: number[] = []
      const settleTasks: number[] = []
      for (let i = 0; i < DRAGS; i++) {
        const { down, up } = await drag(page, i % 2 === 0 ? -70 : 70)
        dragTasks.push(await longestTask(page, down, up))
        await settled(page)
        settleTasks.push(await longestTask(page, up, up + SETTLE_MS))
      }

      const undoReadoutMs: number[] = []
      const undoFrameMs: number[] = []
      const undoTasks: number[] = []
      const undo = page.getByRole('button', { name: 'Undo', exact: true })
      for (let i = 0; i < UNDOS; i++) {
        // A step to undo: one racks-per-hall change.
        const field = page.getByLabel('Racks per hall value', { exact: true })
        await field.fill(String(150 + i * 10))
        await field.press('Enter')
        await page.waitForSelector(
          `[data-readout="rackCount"][data-value="${128 * (150 + i * 10)}"]`,
        )
        await settled(page)
        const before = await readout(page, 'facilityPeakMw')
        const result = await page.evaluate(async (previous) => {
          const hook = window.__campusDebug as { frames?: () => number } | undefined
          const frames0 = hook?.frames?.() ?? null
          const button = [...document.querySelectorAll('button')].find(
            (b) => b.textContent === 'Undo',
          )
          const el = document.querySelector('[data-readout="facilityPeakMw"]')
          if (!button || !el) throw new Error('no Undo button or readout')
          const t0 = performance.now()
          button.click()
          let readoutAt = NaN
          let frameAt = NaN
          while (Number.isNaN(readoutAt) || (frames0 !== null && Number.isNaN(frameAt))) {
            await new Promise((resolve) => requestAnimationFrame(resolve))
            const t = performance.now()
            if (Number.isNaN(readoutAt) && el.getAttribute('data-value') !== previous) readoutAt = t
            if (frames0 !== null && Number.isNaN(frameAt) && (hook?.frames?.() ?? 0) > frames0)
              frameAt = t
            if (t - t0 > 20_000) break
          }
          return { t0, readout: readoutAt - t0, frame: frameAt - t0 }
        }, before)
        await undo.waitFor()
        undoReadoutMs.push(result.readout)
        if (!Number.isNaN(result.frame)) undoFrameMs.push(result.frame)
        await settled(page)
        undoTasks.push(await longestTask(page, result.t0, result.t0 + SETTLE_MS))
      }

      const result = {
        inputToReadoutMs: Number(median(samples).toFixed(2)),
        inputToReadoutP90Ms: Number(percentile(samples, 0.9).toFixed(2)),
        inputToReadoutMaxMs: Number(Math.max(...samples).toFixed(2)),
        samples: samples.length,
        drag45GwLongestTaskMs: round1(Math.max(...dragTasks)),
        drag45GwLongestTaskPerDragMs: dragTasks.map(round1),
        afterDrag45GwLongestTaskMs: round1(Math.max(...settleTasks)),
        undo45GwReadoutMs: round1(median(undoReadoutMs)),
        undo45GwFrameMs: undoFrameMs.length > 0 ? round1(median(undoFrameMs)) : null,
        undo45GwLongestTaskMs: round1(Math.max(...undoTasks)),
        bundleKbGzip: Number(bundleKbGzip.toFixed(1)),
        initialScripts: scripts.length,
        cssKbGzip: Number(cssKbGzip.toFixed(1)),
        browser: `Chromium ${browser.version()} (headless, software WebGL)`,
        cpus: os.cpus().length,
        loadAverage: os.loadavg().map(round1),
      }
      if (json) console.log(JSON.stringify(result, null, 2))
      else {
        console.log(
          `input → readout: median ${result.inputToReadoutMs} ms, p90 ${result.inputToReadoutP90Ms} ms, max ${result.inputToReadoutMaxMs} ms (${result.samples} samples, default campus)`,
        )
        console.log(
          `4.5 GW slider drag (${DRAGS} × ${DRAG_STEPS} moves): longest task ${result.drag45GwLongestTaskMs} ms during the drags (${result.drag45GwLongestTaskPerDragMs.join(', ')}), ${result.afterDrag45GwLongestTaskMs} ms in the ${SETTLE_MS / 1000} s after release`,
        )
        console.log(
          `4.5 GW Undo: readout ${result.undo45GwReadoutMs} ms, scene frame ${result.undo45GwFrameMs ?? '–'} ms (medians of ${UNDOS}); longest task ${result.undo45GwLongestTaskMs} ms`,
        )
        console.log(
          `initial JS: ${result.bundleKbGzip} kB gzipped in ${result.initialScripts} file(s); CSS ${result.cssKbGzip} kB`,
        )
        console.log(
          `${result.browser}, ${result.cpus} CPUs, load average ${result.loadAverage.join(' ')}`,
        )
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
