import { expect, test, type Page } from '@playwright/test'

/**
 * The build-out timeline under the 3D view, in the production build: dragging the scrubber,
 * clicking a phase's mark, the keyboard and play each change the phase shown; the racks drawn,
 * the readouts and the link (`phase=`) follow it, and the 3D view draws the plots not built yet
 * (site works, frames and cranes, planned outlines) as `__campusDebug.buildOut()` reports.
 */

const readout = (page: Page, key: string) => page.locator(`[data-readout="${key}"]`)

/** Three phases at Luleå: one building (2026-01), three (2027-01), then 100 racks per hall (2028-01). */
const PHASES =
  'site=lulea&phases[0].online=2026-01&phases[0].buildings=1' +
  '&phases[1].name=Three+buildings&phases[1].online=2027-01&phases[1].buildings=3' +
  '&phases[2].online=2028-01&phases[2].racksPerHall=100'

/** Racks per phase: buildings × 4 halls × racks per hall. */
const RACKS = [1 * 4 * 174, 3 * 4 * 174, 3 * 4 * 100] as const

type BuildOut = NonNullable<Window['__campusDebug']>['buildOut'] extends () => infer R ? R : never

async function buildOut(page: Page): Promise<BuildOut | null> {
  return page.evaluate(() => window.__campusDebug?.buildOut() ?? null)
}

/** The phase's readouts, racks in the layout and the link, once the 3D view has drawn it. */
async function expectPhase(page: Page, phase: number): Promise<void> {
  const racks = RACKS[phase] ?? -1
  await expect(page.getByRole('slider', { name: 'Phase' })).toHaveAttribute(
    'aria-valuenow',
    String(phase + 1),
  )
  await expect(readout(page, 'rackCount')).toHaveAttribute('data-value', String(racks))
  await expect
    .poll(() => page.evaluate(() => window.__campusDebug?.counts().rackCount ?? -1))
    .toBe(racks)
  await expect.poll(async () => (await buildOut(page))?.shown).toBe(true)
  await expect(page).toHaveURL(new RegExp(`[?&]phase=${phase}(&|$)`))
}

test('scrubbing the timeline changes the racks, readouts and link; construction is drawn', async ({
  page,
}) => {
  await page.goto(`./?${PHASES}`)
  const slider = page.getByRole('slider', { name: 'Phase' })
  // Without phase= the last phase is shown (complete campus: nothing under construction).
  await expect(slider).toHaveAttribute('aria-valuenow', '3')
  await expect(readout(page, 'rackCount')).toHaveAttribute('data-value', String(RACKS[2]))
  await expect.poll(async () => (await buildOut(page))?.built).toBe(3)
  const lastIt = await readout(page, 'itDesignMw').getAttribute('data-value')

  // Drag the scrubber to the start of the axis: phase 1, January 2026.
  const box = await slider.boundingBox()
  if (box === null) throw new Error('the timeline has no box')
  const y = box.y + box.height / 2
  await page.mouse.move(box.x + box.width - 4, y)
  await page.mouse.down()
  await page.mouse.move(box.x + box.width / 2, y, { steps: 4 })
  await page.mouse.move(box.x + 2, y, { steps: 4 })
  await page.mouse.up()
  await expectPhase(page, 0)
  const first = await buildOut(page)
  expect(first?.month).toBe('2026-01')
  // Phase 2's two buildings come online within 18 months: under construction, drawn as boxes.
  expect(first).toMatchObject({ built: 1, construction: 2, planned: 0 })
  expect(first?.boxes ?? 0).toBeGreaterThan(0)
  await expect(page.locator('[data-timeline-readout]')).toContainText('Jan 2026')
  const firstIt = await readout(page, 'itDesignMw').getAttribute('data-value')
  expect(Number(firstIt)).toBeLessThan(Number(lastIt))

  // Click phase 2's mark: three buildings, all built, nothing left to draw as construction.
  const mark = await page.locator('[data-phase-mark="1"]').boundingBox()
  if (mark === null) throw new Error('phase 2 has no mark')
  await page.mouse.click(mark.x + mark.width / 2, y)
  await expectPhase(page, 1)
  await expect.poll(async () => (await buildOut(page))?.boxes).toBe(0)
  expect(await buildOut(page)).toMatchObject({ month: '2027-01', built: 3, construction: 0 })
  expect(page.url()).toContain('phases[1].name=Three+buildings')

  // The keyboard: End shows the last phase, Home the first.
  await slider.press('End')
  await expectPhase(page, 2)
  await slider.press('Home')
  await expectPhase(page, 0)

  // Play steps month by month from the date shown; pause stops it.
  await page.getByRole('button', { name: 'Play' }).click()
  await expect(page.getByRole('button', { name: 'Pause' })).toHaveAttribute('aria-pressed', 'true')
  await expect
    .poll(async () => (await buildOut(page))?.month ?? '', { timeout: 60_000 })
    .toMatch(/^(2026-(0[3-9]|1[0-2])|2027-\d\d|2028-01)$/)
  await page.getByRole('button', { name: 'Pause' }).click()
  await expect(page.getByRole('button', { name: 'Play' })).toHaveAttribute('aria-pressed', 'false')
  // Wherever it stopped, the phase shown is the one in force at that month.
  const stopped = await buildOut(page)
  const inForce =
    (stopped?.month ?? '') >= '2028-01' ? 2 : (stopped?.month ?? '') >= '2027-01' ? 1 : 0
  await expectPhase(page, inForce)
})

test('a campus without phases has no timeline', async ({ page }) => {
  await page.goto('./?site=lulea')
  await expect(readout(page, 'rackCount')).toHaveAttribute('data-value', '1392')
  await expect(page.locator('canvas')).toBeVisible()
  await expect(page.locator('[data-timeline]')).toHaveCount(0)
})

test('every phase exports as a numbered series with the same camera; the phase shown stays', async ({
  page,
}) => {
  test.setTimeout(180_000)
  await page.goto(`./?${PHASES}&phase=1`)
  await expectPhase(page, 1)
  await page.waitForFunction(() => window.__campusDebug?.settled() === true)
  const pose = await page.evaluate(() => window.__campusDebug?.pose())
  await page.getByRole('button', { name: 'Export image' }).click()
  const dialog = page.getByRole('dialog', { name: 'Export image' })
  await expect(dialog).toBeVisible()
  await dialog.getByRole('radio', { name: /Current view size/ }).check()
  await dialog.getByLabel('Phases').selectOption('every')
  const names: string[] = []
  page.on('download', (d) => names.push(d.suggestedFilename()))
  await dialog.getByRole('button', { name: 'Export PNG' }).click()
  await expect(dialog.locator('[data-export-status="ok"]')).toContainText(
    'Saved 3 images (one per phase and view)',
    { timeout: 120_000 },
  )
  await expect.poll(() => names.length).toBe(3)
  expect(names.map((n) => n.slice(0, 15))).toEqual([
    'phase-01-of-03_',
    'phase-02-of-03_',
    'phase-03-of-03_',
  ])
  // The same size in each (the rest of a name carries its phase's caption).
  const sizes = names.map((n) => /_(\d+x\d+)_\d{4}-\d{2}-\d{2}\.png$/.exec(n)?.[1])
  expect(sizes[0]).toMatch(/^\d+x\d+$/)
  expect(new Set(sizes).size).toBe(1)
  await dialog.getByRole('button', { name: 'Close' }).click()
  // The phase shown before the export is shown again, from the same camera.
  await expectPhase(page, 1)
  expect(await page.evaluate(() => window.__campusDebug?.pose())).toEqual(pose)
})
