import { expect, test, type Page } from '@playwright/test'

/**
 * Phases in the address bar, in the production build: `phase=` selects the campus shown (the
 * readouts and the racks drawn follow it), the link keeps it, and a hand-edited bad phase key
 * gets the usual notice naming it while the rest of the link opens.
 */

const readout = (page: Page, key: string) => page.locator(`[data-readout="${key}"]`)

/** Three phases at Luleå: one building, three, then 100 racks per hall. */
const PHASES =
  'site=lulea&phases[0].online=2026-01&phases[0].buildings=1' +
  '&phases[1].name=Three+buildings&phases[1].online=2027-01&phases[1].buildings=3' +
  '&phases[2].online=2028-01&phases[2].racksPerHall=100'

async function racksDrawn(page: Page): Promise<number> {
  return page.evaluate(() => window.__campusDebug?.counts().rackCount ?? -1)
}

test('phase= selects the phase shown: readouts and racks follow it, the link keeps it', async ({
  page,
}) => {
  for (const [phase, racks] of [
    [0, 1 * 4 * 174],
    [1, 3 * 4 * 174],
  ] as const) {
    await page.goto(`./?${PHASES}&phase=${phase}`)
    await expect(readout(page, 'rackCount')).toHaveAttribute('data-value', String(racks))
    await expect.poll(() => racksDrawn(page)).toBe(racks)
    await expect(page.locator('[data-notice]')).toHaveCount(0)
    await expect(page).toHaveURL(new RegExp(`[?&]phase=${phase}$`))
    expect(page.url()).toContain('phases[1].name=Three+buildings')
  }
  // Without phase= the last phase is shown, as the command line reports it.
  await page.goto(`./?${PHASES}`)
  await expect(readout(page, 'rackCount')).toHaveAttribute('data-value', String(3 * 4 * 100))
})

test('a bad phase key is named in the notice and the rest of the link opens', async ({ page }) => {
  await page.goto(
    './?site=lulea&phases[0].online=2026-01&phases[0].buildings=1' +
      '&phases[1].online=2027-01&phases[1].buildings=abc&phases[2].online=2026-13&phase=1',
  )
  const notice = page.locator('[data-notice]')
  await expect(notice).toHaveCount(1)
  await expect(notice).toContainText('phases[1].buildings: must be a number (got "abc")')
  await expect(notice).toContainText('phases[2].online: has no month 13')
  // phases[1] lost its bad override, so it carries phase 1's one building over.
  await expect(readout(page, 'rackCount')).toHaveAttribute('data-value', String(1 * 4 * 174))
  await expect(page.locator('canvas')).toBeVisible()
})

test('keys from a link are shown printable in the notice', async ({ page }) => {
  await page.goto('./?bad%0Akey%1B%5B2J=1&phase=2')
  const notice = page.locator('[data-notice]')
  await expect(notice).toContainText('bad\\nkey\\u001b[2J: unknown field')
  await expect(notice).toContainText('phase: the scenario has no phases; ignored')
  await expect(readout(page, 'rackCount')).toHaveAttribute('data-value', '1392')
})
