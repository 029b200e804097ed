/**
 * Frame time of two builds of the app, measured alternately in one run so that the load of a
 * shared machine falls on both alike: for each round and each build, a fresh headless Chromium
 * (software WebGL) opens the scenario in the Overview, waits until the view is still, and times
 * `renderOnce()` (render + 1-pixel read-back) `--frames` times; the median of each round is kept.
 *
 *   npx vite build --outDir /tmp/a   (on one branch)   npx vite build --outDir /tmp/b   (on another)
 *   npm run --silent bench:compare -- --a /tmp/a --b /tmp/b [--rounds 4] [--frames 9] [--query site=abilene]
 *
 * Prints JSON: per build the round medians, their median, draw calls and triangles; and b / a.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS } from '../playwright.config'
import { chromiumPath, median, serveBuild } from './lib/benchKit'

const args = process.argv.slice(2)
const option = (name: string, fallback: string): string => {
  const at = args.indexOf(name)
  return at >= 0 ? (args[at + 1] ?? fallback) : fallback
}
const DIRS = { a: resolve(option('--a', 'dist-a')), b: resolve(option('--b', 'dist-b')) }
const ROUNDS = Math.max(1, Number(option('--rounds', '4')))
const FRAMES = Math.max(3, Number(option('--frames', '9')))
const QUERY = option('--query', '')
const VIEWPORT = { width: 1280, height: 720 }

interface Round {
  frameMs: number
  calls: number
  triangles: number
}

async function measure(url: string): Promise<Round> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'bench-compare-'))
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: VIEWPORT,
    deviceScaleFactor: 1,
  })
  try {
    const page = context.pages()[0] ?? (await context.newPage())
    await page.goto(`${url}${QUERY ? `?${QUERY}` : ''}`)
    await page.waitForFunction(() => window.__campusDebug?.settled() === true, null, {
      timeout: 180_000,
    })
    // A build with the presentation refinement: let its run finish first (its first run
    // compiles programs for seconds), so the timed frames do not share the CPU with it; in use
    // any input cancels it. Builds without it go straight on.
    await page.waitForFunction(
      () => {
        const d = window.__campusDebug as unknown as { presentation?: () => { state: string } }
        return !d.presentation || d.presentation().state === 'done'
      },
      null,
      { timeout: 300_000, polling: 250 },
    )
    // Warm-up frames (programs, textures), then the timed ones.
    for (let i = 0; i < 2; i++) await page.evaluate(() => window.__campusDebug?.renderOnce())
    const frames: number[] = []
    for (let i = 0; i < FRAMES; i++)
      frames.push(await page.evaluate(() => window.__campusDebug?.renderOnce() ?? NaN))
    const info = await page.evaluate(() => window.__campusDebug?.renderInfo())
    return { frameMs: median(frames), calls: info?.calls ?? NaN, triangles: info?.triangles ?? NaN }
  } finally {
    await context.close()
    rmSync(userDataDir, { recursive: true, force: true })
  }
}

async function main(): Promise<void> {
  const a = await serveBuild(DIRS.a)
  const b = await serveBuild(DIRS.b)
  const rounds: Record<'a' | 'b', Round[]> = { a: [], b: [] }
  try {
    for (let r = 0; r < ROUNDS; r++) {
      // Alternate which goes first, so a trend in the machine's load favours neither.
      const order: ('a' | 'b')[] = r % 2 === 0 ? ['a', 'b'] : ['b', 'a']
      for (const id of order) {
        const result = await measure(id === 'a' ? a.url : b.url)
        rounds[id].push(result)
        console.error(`round ${r + 1} ${id}: ${result.frameMs.toFixed(1)} ms`)
      }
    }
  } finally {
    await a.close()
    await b.close()
  }
  const summary = (list: Round[]) => ({
    roundMedians: list.map((x) => Math.round(x.frameMs * 10) / 10),
    frameMsMedian: Math.round(median(list.map((x) => x.frameMs)) * 10) / 10,
    calls: list[0]?.calls ?? NaN,
    triangles: list[0]?.triangles ?? NaN,
  })
  const sa = summary(rounds.a)
  const sb = summary(rounds.b)
  console.log(
    JSON.stringify(
      {
        query: QUERY,
        rounds: ROUNDS,
        framesPerRound: FRAMES,
        a: { dir: DIRS.a, ...sa },
        b: { dir: DIRS.b, ...sb },
        ratioBOverA: Math.round((sb.frameMsMedian / sa.frameMsMedian) * 1000) / 1000,
      },
      null,
      2,
    ),
  )
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
