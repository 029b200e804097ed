/** Shared by the benchmarks: statistics, the browser the tests use, and a served production build. */
import { execSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { build, preview } from 'vite'

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2
    ? (sorted[mid] ?? NaN)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}

export function percentile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN
}

/** Chromium as the browser tests find it: CHROMIUM_PATH, else `chromium` on the PATH. */
export function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH
  return execSync('command -v chromium || command -v chromium-browser', { shell: '/bin/sh' })
    .toString()
    .trim()
}

/** Serves a built app (`outDir`) on a free local port: its address, and how to stop it. */
export async function serveBuild(
  outDir: string,
): Promise<{ readonly url: string; close(): Promise<void> }> {
  const server = await preview({
    logLevel: 'error',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  })
  const url = server.resolvedUrls?.local[0]
  if (!url) {
    server.httpServer.close()
    throw new Error('the preview server did not report its address')
  }
  return { url, close: () => new Promise<void>((done) => server.httpServer.close(() => done())) }
}

/** Builds the app into a temporary folder and serves it; `run` gets the address and the folder. */
export async function withServedBuild<T>(
  run: (url: string, outDir: string) => Promise<T>,
): Promise<T> {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'campus-bench-'))
  try {
    await build({ logLevel: 'error', build: { outDir, emptyOutDir: true } })
    const server = await serveBuild(outDir)
    try {
      return await run(server.url, outDir)
    } finally {
      await server.close()
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true })
  }
}

/** The page as the benchmarks drive it (playwright-core's, kept structural here). */
interface BenchPage {
  evaluate<R>(script: string): Promise<R>
}

/**
 * Runs in the page: records the longest gap between animation frames (main thread blocked).
 * A string, not a function: the script runner's name helpers do not exist in the page.
 */
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

/** Starts recording, in the page, the longest gap between animation frames. */
export async function watchMainThread(page: BenchPage): Promise<void> {
  await page.evaluate<unknown>(WATCH_FRAMES)
}

/** The longest gap between animation frames since `watchMainThread`, ms. */
export function longestMainThreadBlockMs(page: BenchPage): Promise<number> {
  return page.evaluate<number>('window.__longestGapMs')
}
