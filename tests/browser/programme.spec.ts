import { readFileSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { PNG } from 'pngjs'
import { parseProgrammeJson } from '../../src/model'

/**
 * Programmes: open a built-in programme, open one campus in 3D, change it and watch the
 * programme's totals move; back by the breadcrumb; the address bar holds it all; a bad link is
 * named and the rest opens. Hooks: docs/PROGRAMMES.md, "In the app".
 */

const total = (page: Page, key: string) => page.locator(`[data-readout="total.${key}"]`).first()
const valueOf = async (page: Page, key: string): Promise<number> =>
  Number(await total(page, key).getAttribute('data-value'))

async function openUsProgramme(page: Page): Promise<void> {
  await page.goto('./')
  await expect(page.locator('canvas')).toBeVisible()
  await page.getByRole('combobox', { name: 'Programme', exact: true }).selectOption('stargate-us')
  // The programme page's own heading (the header's title names the programme too).
  await expect(
    page.getByRole('main', { name: 'Programme' }).getByRole('heading', { name: /^Stargate US/ }),
  ).toBeVisible()
  // Totals appear once every campus's climate has loaded.
  await expect(total(page, 'facilityPeakMw')).not.toHaveAttribute('data-value', '')
}

/** Milam's edit in the link: racks per hall of its phase 2 (the phase shown). */
const MILAM_EDIT = /milam\.phases(\[|%5B)1(\]|%5D)\.racksPerHall=100/

test('a programme: open a campus, change it, the totals move; back by the breadcrumb; the link keeps it', async ({
  page,
}) => {
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
  await openUsProgramme(page)
  await expect(page.locator('svg.programme-map')).toHaveAttribute('data-basemap', 'ready')
  await expect(page.locator('.programme-marker')).toHaveCount(7)
  await expect(page.locator('.programme-table tbody tr')).toHaveCount(7)
  await expect(page).toHaveURL(/\?programme=stargate-us$/)
  // The 3D view's export waits for a campus; the map has its own.
  const export3d = page.getByRole('button', { name: 'Export image', exact: true })
  await expect(export3d).toBeHidden()
  const peak = await valueOf(page, 'facilityPeakMw')
  expect(peak).toBeGreaterThan(6000)

  // The totals row of the table carries the same totals.
  const milamRow = page.locator('tr[data-campus="milam"]')
  const milamPeak = Number(
    await milamRow.locator('[data-readout="facilityPeakMw"]').getAttribute('data-value'),
  )
  expect(milamPeak).toBeGreaterThan(1000)

  // Open Milam County from its disc on the map.
  await page.getByRole('button', { name: /^Milam County TX.*Open in the 3D view$/ }).click()
  const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' })
  await expect(crumbs).toContainText('Milam County TX')
  await expect(page.locator('canvas')).toBeVisible()
  await expect(export3d).toBeVisible()
  await expect(page).toHaveURL(/campus=milam/)
  await expect(total(page, 'facilityPeakMw')).toHaveAttribute('data-value', String(peak))

  // Edit the campus with the usual control: the programme's totals follow.
  const box = page.getByLabel('Racks per hall value', { exact: true })
  await box.fill('100')
  await box.press('Enter')
  await expect.poll(() => valueOf(page, 'facilityPeakMw')).toBeLessThan(peak - 400)
  const edited = await valueOf(page, 'facilityPeakMw')
  // Milam has phases: the edit is the phase shown's own (its last).
  await expect(page).toHaveURL(MILAM_EDIT)

  // Back to the programme by the breadcrumb: the map and table show the edit.
  await crumbs.getByRole('button', { name: /^Stargate US/ }).click()
  await expect(page.locator('svg.programme-map')).toBeVisible()
  await expect(total(page, 'facilityPeakMw')).toHaveAttribute('data-value', String(edited))
  expect(
    Number(await milamRow.locator('[data-readout="facilityPeakMw"]').getAttribute('data-value')),
  ).toBeLessThan(milamPeak)
  await expect(page).not.toHaveURL(/campus=/)
  await expect(page).toHaveURL(MILAM_EDIT)

  // The link reproduces it.
  await page.reload()
  await expect(total(page, 'facilityPeakMw')).toHaveAttribute('data-value', String(edited))
  expect(errors).toEqual([])
})

test('a hand-edited programme link names its bad value and opens the rest', async ({ page }) => {
  await page.goto(
    './?programme=stargate-us&campus=saline&milam.racksPerHall=9999&saline.buildings=2',
  )
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('Saline')
  await expect(
    page.getByText('milam.racksPerHall: must be between 1 and 600 (got 9999)'),
  ).toBeVisible()
  await expect(page.getByLabel('Buildings value', { exact: true })).toHaveValue('2')
})

test('the map colours by the readout chosen, with its legend', async ({ page }) => {
  await openUsProgramme(page)
  const colourOf = (id: string) =>
    page.locator(`.programme-marker[data-campus="${id}"] circle`).getAttribute('fill')
  const carbon = await colourOf('dona-ana')
  await page.getByRole('combobox', { name: 'Colour by' }).selectOption('renewable')
  await expect(page.locator('.programme-legend')).toContainText('Renewable share')
  expect(await colourOf('dona-ana')).not.toBe(carbon)
  await page.getByRole('combobox', { name: 'Colour by' }).selectOption('water')
  await expect(page.locator('.programme-legend')).toContainText('High or worse')
})

test('a programme saves in the browser and exports its file and a map image', async ({ page }) => {
  await openUsProgramme(page)
  await page.getByRole('button', { name: 'Save programme' }).click()
  await expect(page.getByText(/^Saved “Stargate US/)).toBeVisible()

  const json = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export programme JSON' }).click()
  const file = await (await json).path()
  const parsed = parseProgrammeJson(readFileSync(file, 'utf8'))
  expect(parsed.ok && parsed.programme.campuses.map((c) => c.id)).toEqual([
    'abilene',
    'shackelford',
    'dona-ana',
    'lordstown',
    'milam',
    'saline',
    'port-washington',
  ])

  await expect(page.locator('svg.programme-map')).toHaveAttribute('data-basemap', 'ready')
  const image = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export map image' }).click()
  const png = PNG.sync.read(readFileSync(await (await image).path()))
  const svgBox = await page.locator('svg.programme-map').evaluate((svg) => {
    const box = (svg as SVGSVGElement).viewBox.baseVal
    return { width: box.width, height: box.height }
  })
  // Twice the map's size, and a caption panel beside it.
  expect(png.height).toBe(svgBox.height * 2)
  expect(png.width).toBeGreaterThan(svgBox.width * 2)

  // A fresh page lists the saved programme and opens it.
  await page.goto('./')
  await page
    .getByRole('combobox', { name: 'Programme', exact: true })
    .selectOption({ label: 'Stargate US: announced sites (Sept.–Oct. 2025)' })
  // The programme page's own heading (the header's title names the programme too).
  await expect(
    page.getByRole('main', { name: 'Programme' }).getByRole('heading', { name: /^Stargate US/ }),
  ).toBeVisible()
  await expect(page.locator('.programme-marker')).toHaveCount(7)
})

test('the programme page has no serious accessibility violations', async ({ page }) => {
  await openUsProgramme(page)
  await expect(page.locator('svg.programme-map')).toHaveAttribute('data-basemap', 'ready')
  await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' })
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown) => Promise<unknown> } }).axe
    const result = (await axe.run({ exclude: ['canvas'] })) as {
      violations: { id: string; impact: string; nodes: { target: string[] }[] }[]
    }
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  })
  expect(violations).toEqual([])
  // The discs answer the keyboard: Enter on one opens its campus.
  await page.locator('.programme-marker[data-campus="saline"]').focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('The Barn')
})
