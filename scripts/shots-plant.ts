/**
 * Screenshots of the plant and the power feeds close up (docs/plant/): builds and serves the
 * app (or serves `--dist DIR`), opens each campus with a camera placed from its layout, sets
 * the time of day, waits until the view is still and saves the canvas.
 *
 *   npm run --silent shots:plant -- [--out DIR] [--dist DIR] [--only NAME,NAME]
 *
 * CHROMIUM_PATH picks the browser (default: `chromium` on the PATH).
 */
import { mkdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Page } from 'playwright-core'
import { preview } from 'vite'
import { layoutCampus, type CampusLayout } from '../src/layout'
import {
  DEFAULT_SCENARIO,
  FIELDS,
  decodeClimate,
  getField,
  parseScenario,
  simulate,
  type Scenario,
} from '../src/model'
import { CHROMIUM_ARGS } from '../playwright.config'
import { chromiumPath, withServedBuild } from './lib/benchKit'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const option = (name: string): string | null => {
  const at = args.indexOf(name)
  return at >= 0 ? (args[at + 1] ?? null) : null
}
const OUT = resolve(option('--out') ?? join(ROOT, 'docs', 'plant'))
const DIST = option('--dist')
const ONLY = option('--only')?.split(',') ?? null

type Vec3 = [number, number, number]

interface Shot {
  readonly name: string
  readonly scenario: Scenario
  /** Camera position and target from the campus's layout. */
  readonly camera: (layout: CampusLayout) => { position: Vec3; target: Vec3 }
  readonly hour?: number
  readonly day?: number
}

function preset(file: string): Scenario {
  const result = parseScenario(
    JSON.parse(readFileSync(join(ROOT, 'public/scenarios', file), 'utf8')),
  )
  if (!result.ok) throw new Error(`${file}: ${result.problems.map((p) => p.message).join('; ')}`)
  return result.scenario
}

function withPower(
  base: Scenario,
  power: Partial<Scenario['power']>,
  rest: Partial<Scenario> = {},
) {
  return { ...base, ...rest, power: { ...base.power, ...power } }
}

/** Looks at `target` from `distance` metres away, `azDeg` clockwise from south, `elDeg` up. */
function orbit(target: Vec3, distance: number, azDeg: number, elDeg: number) {
  const az = (azDeg * Math.PI) / 180
  const el = (elDeg * Math.PI) / 180
  const h = Math.cos(el) * distance
  const position: Vec3 = [
    target[0] - Math.sin(az) * h,
    target[1] + Math.sin(el) * distance,
    target[2] + Math.cos(az) * h,
  ]
  return { position, target }
}

const WIND = withPower(
  DEFAULT_SCENARIO,
  { windTurbines: 24, windTurbineMw: 5, hydroMw: 0 },
  { name: 'Wind-fed Narvik' },
)
const PHOENIX_SOLAR = withPower(
  { ...DEFAULT_SCENARIO, site: 'phoenix' },
  { hydroMw: 0, solarMw: 200, gridMw: 300, batteryMwh: 400 },
)
// The default campus takes the site's grid; the hydro shots give it a plant of its own.
const HYDRO = withPower(DEFAULT_SCENARIO, { hydroMw: 300 })
const SEAWATER = withPower(preset('singapore.json'), {}, { cooling: 'dlc-seawater' })
const TOWERS = preset('singapore.json')

const SHOTS: readonly Shot[] = [
  {
    name: 'cooling-yard',
    scenario: DEFAULT_SCENARIO,
    camera: (l) => {
      const yard = l.yards.find((y) => y.kind === 'cooling')
      if (!yard) throw new Error('no cooling yard')
      const r = yard.rect
      return orbit([r.x - r.w * 0.25, 2, r.z - r.d * 0.1], 70, -30, 24)
    },
  },
  {
    name: 'cooling-close',
    scenario: DEFAULT_SCENARIO,
    camera: (l) => {
      const yard = l.yards.find((y) => y.kind === 'cooling')
      if (!yard) throw new Error('no cooling yard')
      const r = yard.rect
      return orbit([r.x - r.w * 0.3, 3, r.z - r.d / 2 + 8], 28, -35, 30)
    },
  },
  {
    name: 'switchyard',
    scenario: DEFAULT_SCENARIO,
    camera: (l) => {
      const r = l.substation.rect
      return orbit([r.x, 6, r.z], Math.max(r.w, r.d) * 1.25, -40, 28)
    },
  },
  {
    name: 'hydro-dam',
    scenario: HYDRO,
    camera: (l) => {
      const h = l.hydro
      if (!h) throw new Error('no hydro')
      return orbit([h.dam.x, h.damCrestYM - 25, h.dam.z], h.dam.w * 1.4, 25, 18)
    },
  },
  {
    name: 'hydro-powerhouse',
    scenario: HYDRO,
    camera: (l) => {
      const h = l.hydro
      if (!h) throw new Error('no hydro')
      const p = h.powerhouse
      return orbit([p.x, 20, p.z - 40], 260, 30, 22)
    },
  },
  {
    name: 'wind-farm',
    scenario: WIND,
    camera: (l) => {
      const w = l.wind
      const t = w?.turbines[0]
      if (!w || !t) throw new Error('no wind farm')
      return orbit(
        [t.x - w.rotorDiameterM, w.hubHeightM * 0.8, t.z - w.rotorDiameterM],
        900,
        -35,
        8,
      )
    },
  },
  {
    name: 'wind-night',
    scenario: WIND,
    hour: 22,
    day: 355,
    camera: (l) => {
      const w = l.wind
      if (!w) throw new Error('no wind farm')
      return orbit([w.rect.x, 60, w.rect.z], Math.max(w.rect.w, w.rect.d) * 1.1, -20, 10)
    },
  },
  {
    name: 'solar-field',
    scenario: PHOENIX_SOLAR,
    hour: 9,
    camera: (l) => {
      const s = l.yards.find((y) => y.kind === 'solar')
      if (!s) throw new Error('no solar field')
      return orbit([s.rect.x - s.rect.w / 2 + 60, 2, s.rect.z + s.rect.d / 2 - 80], 110, -40, 20)
    },
  },
  {
    name: 'gas-turbines',
    scenario: preset('stargate-abilene.json'),
    camera: (l) => {
      const g = l.yards.find((y) => y.kind === 'gas')
      if (!g) throw new Error('no gas yard')
      return orbit([g.rect.x, 8, g.rect.z], Math.max(g.rect.w, g.rect.d) * 1.2, -35, 22)
    },
  },
  {
    name: 'gas-night',
    scenario: preset('stargate-abilene.json'),
    hour: 21.5,
    camera: (l) => {
      const g = l.yards.find((y) => y.kind === 'gas')
      if (!g) throw new Error('no gas yard')
      return orbit([g.rect.x, 8, g.rect.z], Math.max(g.rect.w, g.rect.d) * 1.6, -35, 14)
    },
  },
  {
    name: 'battery-yard',
    scenario: PHOENIX_SOLAR,
    camera: (l) => {
      const b = l.yards.find((y) => y.kind === 'battery')
      if (!b) throw new Error('no battery yard')
      return orbit([b.rect.x, 2, b.rect.z], Math.max(b.rect.w, b.rect.d) * 0.9, -35, 26)
    },
  },
  {
    name: 'cooling-towers',
    scenario: TOWERS,
    camera: (l) => {
      const yard = l.yards.find((y) => y.kind === 'cooling')
      if (!yard) throw new Error('no cooling yard')
      return orbit([yard.rect.x, 5, yard.rect.z], 90, -30, 22)
    },
  },
  {
    name: 'seawater-intake',
    scenario: SEAWATER,
    camera: (l) => {
      const i = l.intake
      if (!i) throw new Error('no intake')
      const p = i.pumphouse
      return orbit([p.x, 0, p.z + 40], 260, -30, 24)
    },
  },
]

function queryOf(scenario: Scenario): string {
  const params = new URLSearchParams()
  for (const field of FIELDS) {
    const value = getField(scenario, field.path)
    if (value !== getField(DEFAULT_SCENARIO, field.path)) params.set(field.key, String(value))
  }
  return params.toString()
}

function layoutOf(scenario: Scenario): CampusLayout {
  const file = join(ROOT, 'assets', 'climate', `${scenario.site}.json`)
  const climate = decodeClimate(JSON.parse(readFileSync(file, 'utf8')))
  return layoutCampus(scenario, simulate(scenario, climate).readouts)
}

async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__campusDebug?.settled() === true, null, {
    timeout: 180_000,
  })
}

async function shoot(page: Page, base: string, shot: Shot): Promise<string> {
  const { position, target } = shot.camera(layoutOf(shot.scenario))
  const cam = [...position, ...target].map((v) => Math.round(v * 10) / 10).join(',')
  const query = queryOf(shot.scenario)
  await page.goto(`${base}?${query ? `${query}&` : ''}cam=${cam}`)
  await page.waitForFunction(() => (window.__campusDebug?.firstFrameAt() ?? null) !== null, null, {
    timeout: 180_000,
  })
  if (shot.day !== undefined) await page.getByLabel('Date').fill(String(shot.day))
  if (shot.hour !== undefined) await page.getByLabel('Time of day').fill(String(shot.hour))
  // Still pictures: motion off (fans and rotors stop, lights steady).
  const motion = page.getByRole('button', { name: 'Motion', exact: true })
  if ((await motion.getAttribute('aria-pressed')) === 'true') await motion.click()
  await settle(page)
  const file = join(OUT, `${shot.name}.png`)
  const box = await page.locator('canvas').boundingBox()
  if (!box) throw new Error('no canvas')
  await page.screenshot({ path: file, clip: box })
  return file
}

async function run(base: string): Promise<void> {
  mkdirSync(OUT, { recursive: true })
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
  })
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
    for (const shot of SHOTS) {
      if (ONLY && !ONLY.includes(shot.name)) continue
      console.log(await shoot(page, base, shot))
    }
  } finally {
    await browser.close()
  }
}

async function main(): Promise<void> {
  if (!DIST) return withServedBuild((base) => run(base))
  const server = await preview({
    logLevel: 'error',
    build: { outDir: resolve(DIST) },
    preview: { host: '127.0.0.1', port: Number(process.env.PW_PORT ?? 0), open: false },
  })
  try {
    const url = server.resolvedUrls?.local[0]
    if (!url) throw new Error('the preview server did not report its address')
    await run(url)
  } finally {
    await new Promise<void>((done) => server.httpServer.close(() => done()))
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
