import { readFileSync, writeFileSync } from 'node:fs'
import { CONTRACT_READOUT_KEYS } from '../contract'
import { expect, test, type Page } from '@playwright/test'
import {
  DEFAULT_SCENARIO,
  decodeClimate,
  evaluate,
  parseScenarioJson,
  scenarioToJson,
  type Readouts,
  type Scenario,
  type SiteId,
} from '../../src/model'

/**
 * Planner journeys in Debian's Chromium against the production build. Expected readouts come
 * from the same model the command line runs, evaluated here with the site's climate asset.
 */

const climate = (site: SiteId) =>
  decodeClimate(JSON.parse(readFileSync(`assets/climate/${site}.json`, 'utf8')))
const expected = (scenario: Scenario): Readouts => evaluate(scenario, climate(scenario.site))

/** Same code and inputs as the command line: agreement to a part in 10⁹ (float formatting). */
const REL_TOLERANCE = 1e-9

/** The campus the app opens on (architecture contract): the Stargate Norway preset's file. */
function openingPreset(): Scenario {
  const parsed = parseScenarioJson(readFileSync('public/scenarios/stargate-norway.json', 'utf8'))
  if (!parsed.ok) throw new Error('the Stargate Norway preset does not parse')
  return parsed.scenario
}
const OPENING = openingPreset()

const readout = (page: Page, key: string) => page.locator(`[data-readout="${key}"]`)

async function valueOf(page: Page, key: string): Promise<number> {
  const text = await readout(page, key).getAttribute('data-value')
  return Number(text)
}

async function openPlanner(page: Page, query = ''): Promise<void> {
  await page.goto(`./${query}`)
  await expect(readout(page, 'facilityPeakMw')).not.toHaveAttribute('data-value', '')
}

function expectClose(actual: number, wanted: number, what: string): void {
  expect(Math.abs(actual - wanted), what).toBeLessThanOrEqual(
    Math.abs(wanted) * REL_TOLERANCE + 1e-12,
  )
}

const CONTRACT_KEYS = CONTRACT_READOUT_KEYS

test('Racks per hall drives rack count, IT and facility power, as the command line computes', async ({
  page,
}) => {
  await openPlanner(page)
  for (const key of CONTRACT_KEYS) {
    expectClose(await valueOf(page, key), expected(OPENING)[key], key)
  }
  await expect(readout(page, 'warnings')).toBeAttached()

  // Typed into the number box…
  const box = page.getByLabel('Racks per hall value', { exact: true })
  await box.fill('200')
  await box.press('Enter')
  await expect(readout(page, 'rackCount')).toHaveAttribute('data-value', '1600')
  let scenario: Scenario = { ...OPENING, racksPerHall: 200 }
  for (const key of ['rackCount', 'gpuCount', 'itDesignMw', 'facilityPeakMw', 'pueAnnual'] as const)
    expectClose(await valueOf(page, key), expected(scenario)[key], key)

  // …and with the keyboard on the slider.
  const slider = page.getByRole('slider', { name: 'Racks per hall', exact: true })
  await slider.focus()
  await slider.press('ArrowRight')
  await slider.press('ArrowRight')
  await expect(readout(page, 'rackCount')).toHaveAttribute('data-value', String(8 * 202))
  scenario = { ...scenario, racksPerHall: 202 }
  for (const key of ['itDesignMw', 'itAverageMw', 'facilityPeakMw', 'facilityAverageMw'] as const)
    expectClose(await valueOf(page, key), expected(scenario)[key], key)

  // An invalid typed value is refused with a reason and never applied.
  await box.fill('1000')
  await box.press('Enter')
  await expect(page.getByRole('alert').filter({ hasText: 'between 1 and 600' })).toBeVisible()
  await expect(readout(page, 'rackCount')).toHaveAttribute('data-value', String(8 * 202))

  // Undo the drag and the typed value.
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(readout(page, 'rackCount')).toHaveAttribute('data-value', '1600')
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(readout(page, 'rackCount')).toHaveAttribute('data-value', '1392')
  await page.getByRole('button', { name: 'Redo' }).click()
  await expect(readout(page, 'rackCount')).toHaveAttribute('data-value', '1600')
})

test('moving the campus from Narvik to Abilene raises PUE; units change the text, not the value', async ({
  page,
}) => {
  await openPlanner(page)
  const site = page.getByLabel('Site', { exact: true })
  await expect(site).toHaveValue('narvik')
  const narvikPue = await valueOf(page, 'pueAnnual')
  await site.selectOption('abilene')
  const abilenePue = expected({ ...OPENING, site: 'abilene' }).pueAnnual
  await expect(readout(page, 'pueAnnual')).toHaveAttribute('data-value', String(abilenePue))
  expect(abilenePue).toBeGreaterThan(narvikPue)

  const water = await valueOf(page, 'waterM3PerYear')
  await page.getByRole('radio', { name: 'US' }).click()
  await expect(page.locator('.readout', { has: readout(page, 'waterM3PerYear') })).toContainText(
    'gal/yr',
  )
  expect(await valueOf(page, 'waterM3PerYear')).toBe(water)
})

test('a shared link reopens the same scenario and view in a fresh page, without flooding history', async ({
  page,
  browser,
}) => {
  await openPlanner(page)
  const historyLength = await page.evaluate(() => history.length)
  await page.getByLabel('Site', { exact: true }).selectOption('abilene')
  await page.getByLabel('Buildings value', { exact: true }).fill('3')
  await page.getByLabel('Buildings value', { exact: true }).press('Enter')
  await page.getByLabel('Hydro value', { exact: true }).fill('400')
  await page.getByLabel('Hydro value', { exact: true }).press('Enter')
  await expect(page).toHaveURL(/buildings=3/)
  expect(await page.evaluate(() => history.length)).toBe(historyLength)

  await page.getByRole('button', { name: 'Share', exact: true }).click()
  const link = await page.getByLabel('Link to this scenario and view').inputValue()
  const url = new URL(link)
  expect(Object.fromEntries(url.searchParams)).toEqual({
    // The name followed the site (it was the default campus's own).
    name: 'AI campus (Abilene, Texas)',
    site: 'abilene',
    buildings: '3',
    hydroMw: '400',
    // The opening preset's grid connection and contract (keys are written against the schema).
    gridMw: String(OPENING.power.gridMw),
    ppaMw: String(OPENING.power.ppaMw),
  })
  const values = Object.fromEntries(
    await Promise.all(CONTRACT_KEYS.map(async (k) => [k, await valueOf(page, k)] as const)),
  )

  const fresh = await (await browser.newContext()).newPage()
  await fresh.goto(link)
  await expect(readout(fresh, 'rackCount')).toHaveAttribute('data-value', String(3 * 4 * 174))
  for (const key of CONTRACT_KEYS) expect(await valueOf(fresh, key), key).toBe(values[key])
  await expect(fresh.getByLabel('Site', { exact: true })).toHaveValue('abilene')
  await expect(fresh.locator('[data-notice]')).toHaveCount(0)
  await fresh.context().close()

  // The camera view travels in the link too: opened from a link, shared again unchanged.
  await openPlanner(page, '?racksPerHall=100&cam=12.5,80,-30,0,0,0')
  await page.getByRole('button', { name: 'Share', exact: true }).click()
  expect(new URL(await page.getByLabel('Link to this scenario and view').inputValue()).search).toBe(
    '?racksPerHall=100&cam=12.5,80,-30,0,0,0',
  )
})

test('bad links open with defaults and one notice naming every bad field', async ({ page }) => {
  const cases: readonly [string, readonly string[]][] = [
    ['?racksPerHall=1e9', ['racksPerHall']],
    ['?racksPerHall=abc', ['racksPerHall']],
    ['?nonsense=1&racksPerHall=-5', ['nonsense', 'racksPerHall']],
    [
      '?site=atlantis&rack=gb9000&utilization=2&cam=sideways',
      ['site', 'rack', 'utilization', 'cam'],
    ],
    ['?buildings=NaN&hydroMw=Infinity&name=' + 'x'.repeat(200), ['buildings', 'hydroMw', 'name']],
  ]
  for (const [query, fields] of cases) {
    await openPlanner(page, query)
    const notices = page.locator('[data-notice]')
    await expect(notices).toHaveCount(1)
    for (const field of fields) await expect(notices).toContainText(`${field}:`)
    await expect(readout(page, 'rackCount')).toHaveAttribute('data-value', '1392')
    await expect(page.locator('canvas')).toBeVisible()
  }
  // A good value beside bad ones is kept.
  await openPlanner(page, '?racksPerHall=100&buildings=1e9')
  await expect(readout(page, 'rackCount')).toHaveAttribute('data-value', String(2 * 4 * 100))
})

test('saved scenarios: save, rename, duplicate, reload, delete; names render as text', async ({
  page,
}) => {
  await openPlanner(page, '?racksPerHall=150')
  await page.getByRole('button', { name: 'Scenarios' }).click()
  const dialog = page.getByRole('dialog', { name: 'Scenarios' })
  await dialog.getByLabel('Save the current scenario as').fill('<b>Bold</b> plan')
  await dialog.getByRole('button', { name: 'Save', exact: true }).click()
  const list = dialog.getByRole('list', { name: 'Saved scenarios' })
  await expect(list.getByText('<b>Bold</b> plan', { exact: true })).toBeVisible()
  await expect(list.locator('b')).toHaveCount(0)

  const row = list.getByRole('listitem').filter({ hasText: '<b>Bold</b> plan' })
  await row.getByRole('button', { name: 'Rename' }).click()
  await list.getByRole('textbox', { name: 'New name for <b>Bold</b> plan' }).fill('Narvik 150')
  await list.getByRole('button', { name: 'Done' }).click()
  await list
    .getByRole('listitem')
    .filter({ hasText: 'Narvik 150' })
    .getByRole('button', { name: 'Duplicate' })
    .click()
  await expect(list.getByRole('listitem')).toHaveCount(2)

  await page.reload()
  await expect(readout(page, 'rackCount')).toHaveAttribute('data-value', String(8 * 150))
  await page.getByLabel('Racks per hall value', { exact: true }).fill('100')
  await page.getByLabel('Racks per hall value', { exact: true }).press('Enter')
  await page.getByRole('button', { name: 'Scenarios' }).click()
  await expect(list.getByRole('listitem')).toHaveCount(2)
  const copy = list.getByRole('listitem').filter({ hasText: 'Narvik 150 (copy)' })
  await copy.getByRole('button', { name: 'Delete' }).click()
  await copy.getByRole('button', { name: 'Delete' }).click()
  await expect(list.getByRole('listitem')).toHaveCount(1)
  await list.getByRole('button', { name: 'Open' }).click()
  await expect(readout(page, 'rackCount')).toHaveAttribute('data-value', String(8 * 150))

  await page.reload()
  await page.getByRole('button', { name: 'Scenarios' }).click()
  await expect(list.getByRole('listitem')).toHaveCount(1)
  await expect(list).toContainText('Narvik 150')
})

test('import: a good file opens; broken and hostile files are refused and change nothing', async ({
  page,
}, testInfo) => {
  await openPlanner(page)
  await page.getByRole('button', { name: 'Scenarios' }).click()
  const dialog = page.getByRole('dialog', { name: 'Scenarios' })
  const input = dialog.getByLabel('Import scenarios from a JSON file')
  const status = dialog.locator('[data-import-status]')
  const file = (name: string, text: string) => ({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  })

  const good: Scenario = {
    ...DEFAULT_SCENARIO,
    name: 'Abilene <script>x</script>',
    site: 'abilene',
  }
  await input.setInputFiles(file('good.json', scenarioToJson(good)))
  await expect(status).toHaveAttribute('data-import-status', 'ok')
  await expect(readout(page, 'pueAnnual')).toHaveAttribute(
    'data-value',
    String(expected(good).pueAnnual),
  )
  await expect(dialog.getByText('Abilene <script>x</script>', { exact: true })).toBeVisible()

  // A 50 MB file is refused by its size before it is read (too big to pass as a buffer).
  const huge = testInfo.outputPath('huge.json')
  writeFileSync(huge, Buffer.alloc(50_000_000, 32))
  const bad: readonly [string | ReturnType<typeof file>, RegExp][] = [
    [file('not-json.json', '<html>not json</html>'), /not valid JSON/],
    [file('version.json', '{"version": 7}'), /version: must be 1/],
    [file('fields.json', '{"version": 1, "racksPerHall": "lots", "site": "mars"}'), /racksPerHall/],
    [huge, /50\.0 MB/],
  ]
  for (const [upload, message] of bad) {
    await input.setInputFiles(upload)
    await expect(status).toHaveAttribute('data-import-status', 'error')
    await expect(status).toContainText(message)
    await expect(dialog.getByRole('listitem')).toHaveCount(1)
    await expect(page.getByLabel('Site', { exact: true })).toHaveValue('abilene')
  }
})

test('compare: pin A, edit B, read the differences side by side', async ({ page }) => {
  await openPlanner(page)
  await page.getByRole('tab', { name: 'Compare' }).click()
  await page.getByRole('button', { name: 'Pin current as A' }).click()
  await page.getByLabel('Site', { exact: true }).selectOption('abilene')
  const row = page.locator('[data-compare="pueAnnual"]')
  const a = Number(await row.locator('[data-side="a"]').getAttribute('data-value'))
  await expect(row.locator('[data-side="b"]')).toHaveAttribute(
    'data-value',
    String(expected({ ...OPENING, site: 'abilene' }).pueAnnual),
  )
  expectClose(a, expected(OPENING).pueAnnual, 'A')
  await expect(row).toContainText('+')
  await expect(page.locator('[data-compare="changed-inputs"]')).toContainText('Site')
  await expect(page.locator('[data-compare="rackCount"]')).toContainText('same')
  await page.getByRole('button', { name: 'Swap A and B' }).click()
  await expect(page.getByLabel('Site', { exact: true })).toHaveValue('narvik')
})

test('warnings link to their control; sizing helpers fit a budget; presets load', async ({
  page,
}) => {
  await openPlanner(page, '?hydroMw=100')
  const warnings = readout(page, 'warnings')
  const short = warnings.locator('[data-code="SUPPLY_PEAK_SHORT"]')
  await expect(short).toContainText('facility peak')
  await short.getByRole('button').click()
  await expect(page.getByRole('slider', { name: 'Hydro', exact: true })).toBeFocused()

  await page.getByLabel('Fit racks to a power budget (MW)').fill('100')
  await page.getByRole('button', { name: 'Fit racks' }).click()
  await expect(page.getByText(/Racks per hall set to \d+: facility peak/)).toBeVisible()
  expect(await valueOf(page, 'facilityPeakMw')).toBeLessThanOrEqual(100)
  await expect(short).toHaveCount(0)

  await page.getByLabel('GPUs → racks (target GPU count)').fill('50000')
  await page.getByRole('button', { name: 'Set racks' }).click()
  expect(await valueOf(page, 'gpuCount')).toBeGreaterThanOrEqual(50000)

  const abilene = JSON.parse(readFileSync('public/scenarios/stargate-abilene.json', 'utf8'))
  await page.getByLabel('Preset').selectOption('stargate-abilene')
  await expect(page.getByLabel('Site', { exact: true })).toHaveValue('abilene')
  await expect(readout(page, 'rackCount')).toHaveAttribute(
    'data-value',
    String(abilene.buildings * abilene.hallsPerBuilding * abilene.racksPerHall),
  )
})

test('corrupt browser storage is recovered with a notice, never a blank page', async ({ page }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('campus-planner/v1/scenarios', '{"version":1,"scenarios":[{"id"')
      sessionStorage.setItem('seeded', '1')
    }
  })
  await openPlanner(page)
  await expect(page.locator('[data-notice]')).toContainText('could not be read')
  const backups = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('campus-planner/v1/scenarios-unreadable/'))
      .map((k) => localStorage.getItem(k)),
  )
  expect(backups).toEqual(['{"version":1,"scenarios":[{"id"'])
  await page.getByRole('button', { name: 'Scenarios' }).click()
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await page.reload()
  await expect(page.locator('[data-notice]')).toHaveCount(0)
  await page.getByRole('button', { name: 'Scenarios' }).click()
  await expect(
    page.getByRole('list', { name: 'Saved scenarios' }).getByRole('listitem'),
  ).toHaveCount(1)
})

test('charts, power flow and methodology load on demand; no serious accessibility violations', async ({
  page,
}) => {
  await openPlanner(page)
  await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' })
  const scan = async (): Promise<string[]> => {
    const result = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: unknown) => Promise<unknown> } }).axe
      return (await axe.run({ exclude: ['canvas'] })) as {
        violations: { id: string; impact: string; nodes: { target: string[] }[] }[]
      }
    })
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  }
  expect(await scan()).toEqual([])

  await page.getByRole('tab', { name: 'Year & supply' }).click()
  await expect(page.locator('.uplot')).toHaveCount(2)
  expect(await scan()).toEqual([])

  await page.getByRole('tab', { name: 'Power flow' }).click()
  await expect(page.getByRole('img', { name: /Annual power flow/ })).toBeVisible()

  await page.getByRole('button', { name: 'Facility peak' }).click()
  await expect(page.getByRole('tab', { name: 'Methodology' })).toHaveAttribute(
    'aria-selected',
    'true',
  )
  const entry = page.locator('#method-facilityPeakMw')
  await expect(entry).toContainText('Largest hourly facility power')
  await expect(entry).toContainText('Site = Narvik, Norway')
  expect(await scan()).toEqual([])

  await page.getByRole('tab', { name: 'Compare' }).click()
  await page.getByRole('button', { name: 'Pin current as A' }).click()
  await expect(page.locator('[data-compare="pueAnnual"]')).toBeVisible()
  expect(await scan()).toEqual([])

  await page.getByRole('button', { name: 'Scenarios' }).click()
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByRole('list', { name: 'Saved scenarios' })).toBeVisible()
  expect(await scan()).toEqual([])
})
