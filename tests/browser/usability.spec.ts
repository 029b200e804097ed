import { readFileSync } from 'node:fs'
import { expect, test, type Locator, type Page } from '@playwright/test'
import {
  DEFAULT_SCENARIO,
  decodeClimate,
  evaluate,
  parseScenario,
  type Scenario,
  type SiteId,
} from '../../src/model'

/**
 * What a new user hit in the first minutes (issue 8, §5): the name that did not follow the site,
 * number boxes deaf to the arrow keys, US units that stopped halfway, over-precise big numbers,
 * help text that made the panel jump and warnings cut before their remedy.
 */

const readout = (page: Page, key: string) => page.locator(`[data-readout="${key}"]`)

async function openPlanner(page: Page, query = ''): Promise<void> {
  await page.goto(`./${query}`)
  await expect(readout(page, 'facilityPeakMw')).not.toHaveAttribute('data-value', '')
}

const expected = (scenario: Scenario) =>
  evaluate(
    scenario,
    decodeClimate(JSON.parse(readFileSync(`assets/climate/${scenario.site}.json`, 'utf8'))),
  )

const preset = (id: string): Scenario => {
  const parsed = parseScenario(JSON.parse(readFileSync(`public/scenarios/${id}.json`, 'utf8')))
  if (!parsed.ok) throw new Error(`preset ${id} is invalid`)
  return parsed.scenario
}

test('the name follows the site (header, compare, exported file and its metadata) unless typed', async ({
  page,
}) => {
  await openPlanner(page)
  const title = page.getByRole('heading', { level: 1 })
  const name = page.getByRole('textbox', { name: 'Name', exact: true })
  await expect(title).toContainText('Stargate Norway (Narvik)')
  await page.getByRole('tab', { name: 'Compare' }).click()
  await page.getByRole('button', { name: 'Pin current as A' }).click()

  await page.getByLabel('Site', { exact: true }).selectOption('abilene')
  await expect(name).toHaveValue('AI campus (Abilene, Texas)')
  await expect(title).toContainText('AI campus (Abilene, Texas)')
  await expect(title).not.toContainText('Narvik')
  await expect(page.locator('.compare .drawer-toolbar')).toContainText(
    'A Stargate Norway (Narvik) · B (current) AI campus (Abilene, Texas)',
  )

  // The exported image: its file name and the scenario it carries (the caption's title).
  await page.getByRole('button', { name: 'Export image' }).click()
  const dialog = page.getByRole('dialog', { name: 'Export image' })
  await page.getByRole('radio', { name: 'Custom…' }).check()
  await page.getByLabel('Width (px)').fill('320')
  await page.getByLabel('Height (px)').fill('180')
  const download = page.waitForEvent('download', { timeout: 90_000 })
  await dialog.getByRole('button', { name: 'Export PNG' }).click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(/^ai-campus-abilene-texas_/)
  const png = readFileSync(await file.path())
  expect(png.toString('latin1')).toContain('"name":"AI campus (Abilene, Texas)"')
  await dialog.getByRole('button', { name: 'Close' }).click()

  // A preset's name follows too; a name the user typed stays.
  await page.getByLabel('Preset').selectOption('stargate-abilene')
  await expect(name).toHaveValue(preset('stargate-abilene').name)
  await page.getByLabel('Site', { exact: true }).selectOption('phoenix')
  await expect(name).toHaveValue('AI campus (Phoenix, Arizona)')
  await name.fill('Desert North')
  await name.blur()
  await page.getByLabel('Site', { exact: true }).selectOption('las-cruces')
  await expect(name).toHaveValue('Desert North')
  await expect(title).toContainText('Desert North')
})

test('number boxes step with the arrow and page keys, in the units shown', async ({ page }) => {
  await openPlanner(page)
  const box = page.getByRole('spinbutton', { name: 'Racks per hall value', exact: true })
  const racks = readout(page, 'rackCount')
  await box.focus()
  await box.press('ArrowUp')
  await expect(box).toHaveValue('175')
  await expect(racks).toHaveAttribute('data-value', String(8 * 175))
  await box.press('Shift+ArrowUp')
  await expect(box).toHaveValue('185')
  await box.press('PageDown')
  await expect(box).toHaveValue('175')
  await box.press('ArrowDown')
  await expect(box).toHaveValue('174')
  await expect(racks).toHaveAttribute('data-value', String(8 * 174))
  await expect(box).toHaveAttribute('aria-valuenow', '174')
  // At the limit the value stays in range.
  const buildings = page.getByRole('spinbutton', { name: 'Buildings value', exact: true })
  await buildings.fill('40')
  await buildings.press('Enter')
  await buildings.press('PageUp')
  await expect(buildings).toHaveValue('40')

  // A step of 1 °C is 1.8 °F in the box, and a typed °F value goes to the nearest step.
  await page.getByRole('radio', { name: 'US' }).click()
  const supply = page.getByRole('spinbutton', { name: 'Liquid supply temperature value' })
  await expect(supply).toHaveValue('86.0')
  await supply.press('ArrowUp')
  await expect(supply).toHaveValue('87.8')
  await expect(page.getByRole('slider', { name: 'Liquid supply temperature' })).toHaveValue('31')
  await supply.fill('95')
  await supply.press('Enter')
  await expect(supply).toHaveValue('95.0')
  await supply.fill('90')
  await supply.press('Enter')
  await expect(supply).toHaveValue('89.6')
  await expect(page.getByText('Set to 89.6 °F, the nearest step of 1.8 °F.')).toBeVisible()
})

/** Everything on the page a reader sees, drawers and details included. */
const pageText = (page: Page): Promise<string> => page.evaluate(() => document.body.innerText)

test('with US units no °C or m³ appears anywhere in the planner', async ({ page }) => {
  // A scenario with many warnings that quote temperatures and water.
  await openPlanner(
    page,
    '?site=las-cruces&cooling=dlc-adiabatic&liquidSupplyC=20&heatReuseFraction=0.2&climateOffsetC=1.5',
  )
  await expect(readout(page, 'warnings').locator('[data-code="WATER_STRESS"]')).toBeVisible()
  await expect(readout(page, 'warnings').locator('[data-code="DRY_NEEDS_CHILLERS"]')).toBeVisible()
  await page.getByRole('button', { name: 'Compare all sites' }).click()
  await expect(page.locator('.mini-table tbody tr').last()).not.toContainText('…')
  await page.getByRole('tab', { name: 'Compare' }).click()
  await page.getByRole('button', { name: 'Pin current as A' }).click()
  await page.getByRole('spinbutton', { name: 'Liquid supply temperature value' }).fill('25')
  await page.getByRole('spinbutton', { name: 'Liquid supply temperature value' }).press('Enter')
  await expect(page.locator('[data-compare="changed-inputs"]')).toContainText('Liquid supply')

  // In SI the page does speak °C and m³ (so the check below can fail).
  const si = await pageText(page)
  expect(si).toContain('°C')
  expect(si).toContain('m³')

  await page.getByRole('radio', { name: 'US' }).click()
  const views: readonly [string, () => Promise<void>][] = [
    ['controls, readouts, warnings, site card, compare', async () => {}],
    [
      'charts',
      async () => {
        await page.getByRole('tab', { name: 'Year & supply' }).click()
        await expect(page.locator('.uplot')).toHaveCount(2)
      },
    ],
    [
      'power flow',
      async () => {
        await page.getByRole('tab', { name: 'Power flow' }).click()
        await expect(page.getByRole('img', { name: /Annual power flow/ })).toBeVisible()
      },
    ],
    [
      'methodology with every constant open',
      async () => {
        await page.getByRole('tab', { name: 'Methodology' }).click()
        await expect(page.locator('#method-designDryBulbC')).toBeVisible()
        await page
          .locator('.method details')
          .evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)))
      },
    ],
    [
      'selection card',
      async () => {
        await page.getByRole('button', { name: 'Top plan', exact: true }).click()
        await page.waitForFunction(() => window.__campusDebug?.settled() === true)
        const at = await page.evaluate(() => window.__campusDebug?.screenOf('hall', 0))
        if (!at) throw new Error('hall 1 is not on screen')
        await page.mouse.click(at.x, at.y)
        await expect(page.getByTestId('selection-card')).toContainText('ft²')
      },
    ],
  ]
  for (const [what, open] of views) {
    await open()
    const text = await pageText(page)
    expect(text.match(/.*(°C|m³).*/g) ?? [], what).toEqual([])
  }
  // The values behind the text stay SI.
  const scenario: Scenario = {
    ...DEFAULT_SCENARIO,
    site: 'las-cruces' as SiteId,
    cooling: 'dlc-adiabatic',
    liquidSupplyC: 25,
    heatReuseFraction: 0.2,
    climateOffsetC: 1.5,
  }
  await expect(readout(page, 'waterM3PerYear')).toHaveAttribute(
    'data-value',
    String(expected(scenario).waterM3PerYear),
  )
})

test('big numbers read with three or four significant figures; data-value stays exact', async ({
  page,
}) => {
  await openPlanner(page)
  await page.getByLabel('Preset').selectOption('programme-4-5gw')
  const programme = expected(preset('programme-4-5gw'))
  await expect(readout(page, 'rackCount')).toHaveAttribute('data-value', '24320')
  const compute = page.locator('.readout', { has: readout(page, 'computeBf16Pflops') })
  await expect(readout(page, 'computeBf16Pflops')).toHaveAttribute(
    'data-value',
    String(programme.computeBf16Pflops),
  )
  // 4,377,600 PFLOPS = 4.38 × 10²¹ FLOPS.
  expect(programme.computeBf16Pflops).toBe(4_377_600)
  await expect(readout(page, 'computeBf16Pflops')).toHaveText('4.38')
  await expect(compute.locator('.readout-unit')).toHaveText('ZFLOPS')
  const energy = page.locator('.readout', { has: readout(page, 'energyGwhPerYear') })
  await expect(energy.locator('.readout-unit')).toHaveText('TWh/yr')
  // Every number shown has at most four significant figures (counts below a million: exact).
  const values = await page
    .locator('.readouts .readout-value')
    .evaluateAll((all) =>
      all.map((el) => [el.getAttribute('data-readout') ?? '', el.textContent ?? ''] as const),
    )
  for (const [key, text] of values) {
    if (key === 'rackCount' || key === 'gpuCount') continue
    expect(
      text.replace(/\D/g, '').replace(/^0+/, '').length,
      `${key}: ${text}`,
    ).toBeLessThanOrEqual(4)
  }
  await page.getByRole('radio', { name: 'US' }).click()
  const water = page.locator('.readout', { has: readout(page, 'waterM3PerYear') })
  await expect(water.locator('.readout-unit')).toHaveText(/^(thousand|million|billion) gal\/yr$/)
  await expect(readout(page, 'waterM3PerYear')).toHaveAttribute(
    'data-value',
    String(programme.waterM3PerYear),
  )
})

async function top(locator: Locator): Promise<number> {
  const box = await locator.boundingBox()
  if (!box) throw new Error('not on screen')
  return box.y
}

test('help and warnings never move the layout and show their remedy in full', async ({ page }) => {
  await openPlanner(page, '?liquidSupplyC=20')
  const fields = page.locator('.controls .field')
  const site = fields.filter({ has: page.getByLabel('Site', { exact: true }) })
  const next = fields.filter({ has: page.getByLabel('Climate offset', { exact: true }) })
  const before = await top(next)
  const helpHeight = await site.locator('.field-help').evaluate((el) => el.clientHeight)
  await site.hover()
  await page.getByLabel('Site', { exact: true }).focus()
  expect(await top(next)).toBe(before)
  expect(await site.locator('.field-help').evaluate((el) => el.clientHeight)).toBe(helpHeight)
  // The help is not cut either.
  for (const help of await page.locator('.field-help').all())
    expect(await help.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true)

  const warning = readout(page, 'warnings').locator('[data-code="DRY_NEEDS_CHILLERS"]')
  const message = warning.locator('.warning-message')
  await expect(message).toContainText('or more needs none')
  expect(
    await message.evaluate((el) => el.scrollHeight <= el.clientHeight + 1 && el.clientHeight > 40),
  ).toBe(true)
  const below = page.locator('.readouts .group').first()
  const belowTop = await top(below)
  await warning.hover()
  expect(await top(below)).toBe(belowTop)
  await expect(warning.getByRole('button', { name: /Adjust liquid supply/ })).toBeVisible()
})
