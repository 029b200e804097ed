import { defineConfig } from '@playwright/test'
import { execSync } from 'node:child_process'

/**
 * Browser journeys run against the production build (`vite preview`) in Debian's Chromium.
 * Playwright never downloads a browser here: point CHROMIUM_PATH at one, or have `chromium`
 * on the PATH. The flags give WebGL2 through SwiftShader without a GPU (docs/TESTING.md).
 */
function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH
  try {
    return execSync('command -v chromium || command -v chromium-browser', { shell: '/bin/sh' })
      .toString()
      .trim()
  } catch {
    throw new Error(
      'No Chromium found: install it (apt-get install -y chromium) or set CHROMIUM_PATH.',
    )
  }
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
]

// PW_PORT and DIST_DIR let two runs (e.g. two engineers' checks) share a machine.
const PORT = Number(process.env.PW_PORT ?? 4319)
const DIST = process.env.DIST_DIR ?? 'dist'

export default defineConfig({
  testDir: 'tests/browser',
  // Playwright empties its output folder at start: keep it apart from the unit report.
  outputDir: 'test-results/browser-artifacts',
  // Journeys run 10–60 s on a busy 2-core machine: each stays under a quarter of this.
  timeout: 240_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/browser.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    viewport: { width: 1280, height: 720 },
    deviceScaleFactor: 1,
    launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort --outDir ${DIST}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
})
