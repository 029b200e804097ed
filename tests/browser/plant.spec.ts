import { expect, test, type Page } from '@playwright/test'

/**
 * Plant and supply in 3D: Abilene's gas turbines stand with their stacks, the stacks carry red
 * obstruction lights that are off by day, on at night, and flash only while Motion is on; a
 * wind-fed campus draws three-bladed turbines with a light on every nacelle. Read from the
 * scene's read-only hook (`window.__campusDebug.plant()`, src/scene/debug.ts); every wait
 * polls it, none sleeps.
 */

async function open(page: Page, preset: string): Promise<string[]> {
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto('./')
  await page.waitForFunction(() => (window.__campusDebug?.firstFrameAt() ?? null) !== null, null, {
    timeout: 60_000,
  })
  const problems = await page.evaluate(async (file) => {
    const doc: unknown = await (await fetch(`./scenarios/${file}`)).json()
    return window.__campusDebug?.setScenario(doc) ?? ['no scene hook']
  }, preset)
  expect(problems).toEqual([])
  await settled(page)
  return errors
}

async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__campusDebug?.settled() === true, null, {
    timeout: 60_000,
  })
}

async function plant(page: Page) {
  return page.evaluate(() => {
    const p = window.__campusDebug?.plant()
    if (!p) throw new Error('no scene hook')
    return p
  })
}

/** Waits until the plant hook reports `value` for `key`. */
async function until(
  page: Page,
  key: 'aviationLightsShown' | 'aviationLightsBlinking',
  value: boolean,
) {
  await page.waitForFunction(
    ([k, v]) => window.__campusDebug?.plant()[k] === v,
    [key, value] as const,
    { timeout: 30_000 },
  )
}

test('Abilene shows its gas stacks, lit red at night, flashing only with Motion on', async ({
  page,
}) => {
  const errors = await open(page, 'stargate-abilene.json')
  // 350 MW of gas in 50 MW packages: seven turbines, one stack each, one light per stack.
  const day = await plant(page)
  expect(day.stacks).toBe(7)
  expect(day.aviationLights).toBe(7)
  expect(day.gantries).toBeGreaterThanOrEqual(3)
  expect(day.breakers).toBeGreaterThan(0)
  // Afternoon (the default time of day): the lights are off.
  expect(day.aviationLightsShown).toBe(false)
  const info = await page.evaluate(() => {
    window.__campusDebug?.renderOnce()
    return window.__campusDebug?.renderInfo()
  })
  expect(info?.calls).toBeLessThanOrEqual(150)

  // Night: on. Motion is on by default, so they flash.
  await page.getByLabel('Time of day').fill('23')
  await until(page, 'aviationLightsShown', true)
  await expect(page.getByRole('button', { name: 'Motion', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
  await until(page, 'aviationLightsBlinking', true)
  // Motion off: steady, still shown.
  await page.getByRole('button', { name: 'Motion', exact: true }).click()
  await until(page, 'aviationLightsBlinking', false)
  expect((await plant(page)).aviationLightsShown).toBe(true)
  // Back to day: off again.
  await page.getByLabel('Time of day').fill('13')
  await until(page, 'aviationLightsShown', false)
  expect(errors).toEqual([])
})

test('a wind-fed campus draws three-bladed turbines, each with a nacelle light', async ({
  page,
}) => {
  const errors = await open(page, 'lulea.json')
  const p = await plant(page)
  expect(p.turbines).toBe(40)
  expect(p.bladesPerRotor).toBe(3)
  expect(p.aviationLights).toBe(40)
  expect(p.stacks).toBe(0)
  expect(errors).toEqual([])
})
