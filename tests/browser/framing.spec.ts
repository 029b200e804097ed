import { expect, test, type Page } from '@playwright/test'

/**
 * Composition in the browser: each named view holds what it is named for on the canvas (inside
 * it, under the toolbars), the overview fits again when the campus grows, and the labels stay
 * inside their safe area, clear of the toolbars and of each other. Positions come from the
 * scene's read-only test hook (`window.__campusDebug.framing()` and `labels()`).
 */

async function openCampus(page: Page, query = ''): Promise<void> {
  await page.goto(`./${query}`)
  await page.waitForFunction(() => (window.__campusDebug?.firstFrameAt() ?? null) !== null, null, {
    timeout: 60_000,
  })
  await settled(page)
}

async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__campusDebug?.settled() === true, null, {
    timeout: 60_000,
  })
}

type Box = { x0: number; y0: number; x1: number; y1: number }

function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && a.x1 > b.x0 && a.y0 < b.y1 && a.y1 > b.y0
}

/** The named view's subjects on the canvas now: each inside it and below the toolbar band. */
async function expectFramed(page: Page, view: string, expected: readonly string[]): Promise<void> {
  const framing = await page.evaluate(() => window.__campusDebug?.framing())
  if (!framing) throw new Error('no scene hook')
  expect(framing.view).toBe(view)
  expect(framing.subjects.map((s) => s.id)).toEqual(expect.arrayContaining([...expected]))
  // views.ts keeps subjects below the top 14 % of the canvas, where the toolbars sit.
  const top = framing.height * 0.13
  for (const s of framing.subjects) {
    expect(s.behind, `${view}: ${s.id}`).toBe(false)
    expect(s.x0, `${view}: ${s.id}`).toBeGreaterThanOrEqual(-1)
    expect(s.x1, `${view}: ${s.id}`).toBeLessThanOrEqual(framing.width + 1)
    expect(s.y0, `${view}: ${s.id}`).toBeGreaterThanOrEqual(top)
    expect(s.y1, `${view}: ${s.id}`).toBeLessThanOrEqual(framing.height + 1)
  }
}

/** Placed labels: inside the safe area, off the toolbars and the card, apart from each other. */
async function expectLabelsClear(page: Page): Promise<number> {
  const labels = await page.evaluate(() => window.__campusDebug?.labels())
  if (!labels) throw new Error('no scene hook')
  const { placed, safe, obstacles } = labels
  for (const [i, p] of placed.entries()) {
    expect(p.x0, p.id).toBeGreaterThanOrEqual(safe.x0 - 0.5)
    expect(p.y0, p.id).toBeGreaterThanOrEqual(safe.y0 - 0.5)
    expect(p.x1, p.id).toBeLessThanOrEqual(safe.x1 + 0.5)
    expect(p.y1, p.id).toBeLessThanOrEqual(safe.y1 + 0.5)
    for (const o of obstacles) expect(overlaps(p, o), `${p.id} under an obstacle`).toBe(false)
    for (const q of placed.slice(i + 1)) expect(overlaps(p, q), `${p.id} on ${q.id}`).toBe(false)
  }
  return placed.length
}

test('each named view frames what it is named for, under the toolbars, with labels kept clear', async ({
  page,
}) => {
  // Five camera transitions in software rendering on a shared machine: about 65 s at load 19.
  test.setTimeout(300_000)
  // Narvik with its own hydro plant and a wind farm: every supply asset far from the fence.
  await openCampus(page, '?hydroMw=300&windTurbines=12')
  const views: [string, string, string[]][] = [
    ['Overview', 'overview', ['campus', 'hydro', 'wind']],
    ['Power feed', 'power', ['hydro', 'line', 'substation', 'campus']],
    ['Top plan', 'top', ['campus']],
    ['Cooling yard', 'cooling', ['cooling']],
    ['Hall interior', 'hall', ['hall']],
  ]
  let labelled = 0
  for (const [name, id, subjects] of views) {
    const button = page.getByRole('button', { name, exact: true })
    await button.click()
    await expect(button).toHaveAttribute('aria-pressed', 'true')
    await settled(page)
    await expectFramed(page, id, subjects)
    labelled += await expectLabelsClear(page)
  }
  expect(labelled).toBeGreaterThan(0)
  // The hall view cuts its own building away, and only in that view.
  expect(await page.evaluate(() => window.__campusDebug?.cutawayBuilding())).not.toBeNull()
  await page.getByRole('button', { name: 'Overview', exact: true }).click()
  await settled(page)
  expect(await page.evaluate(() => window.__campusDebug?.cutawayBuilding())).toBeNull()
})

test('the overview fits again when the campus grows', async ({ page }) => {
  test.setTimeout(180_000)
  await openCampus(page, '?buildings=2')
  await expectFramed(page, 'overview', ['campus'])
  const before = await page.evaluate(() => window.__campusDebug?.framing())
  const field = page.getByLabel('Buildings value', { exact: true })
  await field.fill('24')
  await field.press('Enter')
  // The new layout lands, then the held overview moves to fit it.
  await expect
    .poll(
      async () => {
        await settled(page)
        const now = await page.evaluate(() => window.__campusDebug?.framing())
        const campus = now?.subjects.find((s) => s.id === 'campus')
        const old = before?.subjects.find((s) => s.id === 'campus')
        return campus && old
          ? Math.round(campus.x1 - campus.x0) !== Math.round(old.x1 - old.x0)
          : false
      },
      { timeout: 60_000 },
    )
    .toBe(true)
  await settled(page)
  await expectFramed(page, 'overview', ['campus'])
  await expectLabelsClear(page)
})
