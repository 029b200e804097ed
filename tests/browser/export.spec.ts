import { expect, test, type Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { PNG } from 'pngjs'

/**
 * Image export: a 4K PNG of exactly that size with its caption, a transparent background, the
 * on-screen view left as it was, labels drawn into the image (or left out with "Labels"), and
 * an exported image dropped back reopening its scenario.
 */

async function openCampus(page: Page, query = ''): Promise<void> {
  await page.goto(`./${query}`)
  await page.waitForFunction(() => (window.__campusDebug?.firstFrameAt() ?? null) !== null, null, {
    timeout: 60_000,
  })
  // The view still and drawn at full resolution (src/scene/renderQuality.ts).
  await page.waitForFunction(() => window.__campusDebug?.settled() === true, null, {
    timeout: 60_000,
  })
}

async function exportPng(page: Page, choose: (page: Page) => Promise<void>): Promise<Buffer> {
  await page.getByRole('button', { name: 'Export image' }).click()
  const dialog = page.getByRole('dialog', { name: 'Export image' })
  await expect(dialog).toBeVisible()
  await choose(page)
  const download = page.waitForEvent('download', { timeout: 90_000 })
  await dialog.getByRole('button', { name: 'Export PNG' }).click()
  const file = await download
  const path = await file.path()
  await expect(dialog.locator('[data-export-status="ok"]')).toBeVisible()
  await dialog.getByRole('button', { name: 'Close' }).click()
  expect(file.suggestedFilename()).toMatch(/^[a-z0-9-]+_[a-z0-9-]+_\d+x\d+_\d{4}-\d{2}-\d{2}\.png$/)
  return readFileSync(path)
}

/** Share of pixels in a region that match a test, sampled on a grid. */
function share(
  png: PNG,
  region: { x0: number; y0: number; x1: number; y1: number },
  test: (rgba: readonly [number, number, number, number]) => boolean,
): number {
  let hits = 0
  let total = 0
  const step = Math.max(1, Math.floor((region.x1 - region.x0) / 60))
  for (let y = region.y0; y < region.y1; y += step)
    for (let x = region.x0; x < region.x1; x += step) {
      const i = (y * png.width + x) * 4
      total++
      if (
        test([png.data[i] ?? 0, png.data[i + 1] ?? 0, png.data[i + 2] ?? 0, png.data[i + 3] ?? 0])
      )
        hits++
    }
  return hits / total
}

/** Mean colour of a region given as fractions of the image's width and height. */
function regionMean(
  png: PNG,
  region: { x0: number; y0: number; x1: number; y1: number },
): [number, number, number] {
  const sum = [0, 0, 0]
  let n = 0
  for (let y = Math.floor(region.y0 * png.height); y < region.y1 * png.height; y++)
    for (let x = Math.floor(region.x0 * png.width); x < region.x1 * png.width; x++) {
      const i = (y * png.width + x) * 4
      for (let c = 0; c < 3; c++) sum[c] = (sum[c] ?? 0) + (png.data[i + c] ?? 0)
      n++
    }
  return [(sum[0] ?? 0) / n, (sum[1] ?? 0) / n, (sum[2] ?? 0) / n]
}

test('exports a 4K PNG with its caption and leaves the on-screen view as it was', async ({
  page,
}) => {
  test.setTimeout(180_000)
  await openCampus(page)
  const canvas = page.locator('canvas').first()
  const before = await canvas.evaluate((c: HTMLCanvasElement) => [
    c.width,
    c.height,
    c.clientWidth,
    c.clientHeight,
  ])

  const bytes = await exportPng(page, async () => {
    await page.getByRole('radio', { name: /3840 × 2160/ }).check()
  })
  expect([...bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47])
  expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([3840, 2160])
  const png = PNG.sync.read(bytes)
  // Not blank: many colours and a wide luminance spread over the scene.
  const colours = new Set<number>()
  let lo = 255
  let hi = 0
  for (let y = 0; y < png.height; y += 97)
    for (let x = 0; x < png.width; x += 97) {
      const i = (y * png.width + x) * 4
      const [r, g, b] = [png.data[i] ?? 0, png.data[i + 1] ?? 0, png.data[i + 2] ?? 0]
      colours.add((r << 16) | (g << 8) | b)
      const l = 0.2126 * r + 0.7152 * g + 0.0722 * b
      lo = Math.min(lo, l)
      hi = Math.max(hi, l)
    }
  expect(colours.size).toBeGreaterThan(100)
  expect(hi - lo).toBeGreaterThan(80)

  // The caption panel: a light, nearly opaque card at the bottom left, with dark text on it.
  const card = { x0: 60, y0: 1600, x1: 900, y1: 2060 }
  expect(share(png, card, ([r, g, b]) => r > 225 && g > 225 && b > 225)).toBeGreaterThan(0.5)
  expect(share(png, card, ([r, g, b]) => r < 90 && g < 90 && b < 90)).toBeGreaterThan(0.01)
  // The on-screen canvas kept its size and still renders.
  const after = await canvas.evaluate((c: HTMLCanvasElement) => [
    c.width,
    c.height,
    c.clientWidth,
    c.clientHeight,
  ])
  expect(after).toEqual(before)
  expect(await page.evaluate(() => window.__campusDebug?.renderInfo().calls ?? 0)).toBeGreaterThan(
    0,
  )
})

test('turning fans turn again after an export, which held them still', async ({ page }) => {
  test.setTimeout(180_000)
  await openCampus(page)
  // Close enough for the fans to be drawn, and Motion on: they ask for frame after frame.
  await page.getByRole('button', { name: 'Cooling yard', exact: true }).click()
  await expect(page.getByRole('button', { name: 'Motion' })).toHaveAttribute('aria-pressed', 'true')
  const framesNow = () => page.evaluate(() => window.__campusDebug?.frames() ?? 0)
  const turning = async (): Promise<void> => {
    const from = await framesNow()
    await expect.poll(framesNow, { timeout: 30_000 }).toBeGreaterThan(from + 3)
  }
  await turning()
  await exportPng(page, async () => {
    await page.getByRole('radio', { name: 'Custom…' }).check()
    await page.getByLabel('Width (px)').fill('640')
    await page.getByLabel('Height (px)').fill('360')
  })
  await turning()
})

test('a 4K export has the colours of a small one: its own passes, the same picture', async ({
  page,
}) => {
  test.setTimeout(180_000)
  await openCampus(page)
  // Above 2560 × 1440 a frame takes FXAA with the occlusion in one pass, smaller ones the
  // occlusion pass and SMAA (the on-screen refinement's, whose colours look.spec checks against
  // the moving view). Same camera, no labels or caption: colours encoded once, not twice or
  // not at all, the occlusion applied once, and no pixel lost to the filter.
  const plain = async (width: number, height: number): Promise<void> => {
    await page.getByRole('radio', { name: 'Custom…' }).check()
    await page.getByLabel('Width (px)').fill(String(width))
    await page.getByLabel('Height (px)').fill(String(height))
    await page.getByRole('combobox', { name: /^Caption/ }).selectOption('none')
    await page.getByRole('checkbox', { name: 'Labels' }).uncheck()
  }
  const small = PNG.sync.read(await exportPng(page, () => plain(1280, 720)))
  const large = PNG.sync.read(await exportPng(page, () => plain(3840, 2160)))
  expect([large.width, large.height]).toEqual([3840, 2160])
  // The sky and haze match closely; over the whole frame thin dark lines (roads, lines, trunks)
  // cover fewer pixels at 4K (the large frame came out 2 % lighter when this was written).
  const checks = [
    { region: { x0: 0, y0: 0, x1: 1, y1: 0.2 }, tolerance: 0.02 },
    { region: { x0: 0, y0: 0, x1: 1, y1: 1 }, tolerance: 0.05 },
  ]
  for (const { region, tolerance } of checks) {
    const a = regionMean(small, region)
    const b = regionMean(large, region)
    for (let c = 0; c < 3; c++) {
      const ratio = (b[c] ?? 0) / (a[c] ?? 1)
      expect(ratio, `channel ${c}: ${b[c]} against ${a[c]}`).toBeGreaterThan(1 - tolerance)
      expect(ratio, `channel ${c}: ${b[c]} against ${a[c]}`).toBeLessThan(1 + tolerance)
    }
  }
  let black = 0
  for (let i = 0; i < large.data.length; i += 4 * 7)
    if ((large.data[i] ?? 0) + (large.data[i + 1] ?? 0) + (large.data[i + 2] ?? 0) === 0) black++
  expect(black).toBe(0)
})

test('a transparent export leaves the sky transparent', async ({ page }) => {
  test.setTimeout(120_000)
  // A low camera looking towards the horizon, so the sky fills the top of the frame.
  await openCampus(page, '?cam=0,25,700,0,80,-3000')
  const bytes = await exportPng(page, async () => {
    await page.getByRole('radio', { name: 'Custom…' }).check()
    await page.getByLabel('Width (px)').fill('960')
    await page.getByLabel('Height (px)').fill('540')
    await page.getByRole('radio', { name: 'Transparent' }).check()
    await page.getByRole('combobox', { name: /^Caption/ }).selectOption('none')
  })
  const png = PNG.sync.read(bytes)
  expect([png.width, png.height]).toEqual([960, 540])
  const top = { x0: 0, y0: 0, x1: 960, y1: 60 }
  expect(share(png, top, ([, , , a]) => a < 255)).toBeGreaterThan(0.5)
  const bottom = { x0: 0, y0: 480, x1: 960, y1: 540 }
  expect(share(png, bottom, ([, , , a]) => a === 255)).toBeGreaterThan(0.5)
})

test('"Labels" draws the asset labels into the image: on and off differ where the labels are', async ({
  page,
}) => {
  test.setTimeout(180_000)
  await openCampus(page)
  // The view's own size, no caption: the two images differ only by what "Labels" draws.
  const exportWith = (labels: boolean) =>
    exportPng(page, async () => {
      await page.getByRole('radio', { name: /Current view size/ }).check()
      await page.getByRole('combobox', { name: /^Caption/ }).selectOption('none')
      const box = page.getByRole('checkbox', { name: 'Labels', exact: true })
      if (labels) await box.check()
      else await box.uncheck()
    })
  const on = PNG.sync.read(await exportWith(true))
  const off = PNG.sync.read(await exportWith(false))
  expect([on.width, on.height]).toEqual([off.width, off.height])
  // Where the labels' anchors are (the on-screen labels: the same camera and size).
  const anchors = await page.evaluate(() =>
    (window.__campusDebug?.labels().placed ?? []).map((p) => [p.anchorX, p.anchorY] as const),
  )
  expect(anchors.length).toBeGreaterThan(0)
  let changed = 0
  let near = 0
  let total = 0
  const nearAnchor = (x: number, y: number): boolean =>
    anchors.some(([ax, ay]) => Math.abs(x - ax) < 320 && Math.abs(y - ay) < 200)
  for (let y = 0; y < on.height; y += 2)
    for (let x = 0; x < on.width; x += 2) {
      const i = (y * on.width + x) * 4
      total++
      let d = 0
      for (let k = 0; k < 3; k++) d += Math.abs((on.data[i + k] ?? 0) - (off.data[i + k] ?? 0))
      if (d > 24) {
        changed++
        if (nearAnchor(x, y)) near++
      }
    }
  // Labels (text on a card, leader lines) cover a small part of the image…
  expect(changed / total).toBeGreaterThan(0.002)
  expect(changed / total).toBeLessThan(0.2)
  // …and what changed is around the assets the labels name.
  expect(near / changed).toBeGreaterThan(0.9)
})

test('dropping an exported image back restores its scenario and view', async ({ page }) => {
  test.setTimeout(120_000)
  await openCampus(page, '?racksPerHall=120&cam=top')
  const bytes = await exportPng(page, async () => {
    await page.getByRole('radio', { name: 'Custom…' }).check()
    await page.getByLabel('Width (px)').fill('640')
    await page.getByLabel('Height (px)').fill('360')
  })
  // A fresh page on another campus, then the image dropped on it.
  await openCampus(page, '?site=abilene&buildings=3')
  await expect(page.locator('[data-readout="rackCount"]').first()).toHaveAttribute(
    'data-value',
    String(3 * 4 * 174),
  )
  await page.evaluate(
    (data) => {
      const file = new File([new Uint8Array(data)], 'campus.png', { type: 'image/png' })
      const transfer = new DataTransfer()
      transfer.items.add(file)
      window.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, cancelable: true }))
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, cancelable: true }))
    },
    [...bytes],
  )
  await expect(page.locator('[data-readout="rackCount"]').first()).toHaveAttribute(
    'data-value',
    String(2 * 4 * 120),
  )
  await expect(page.getByLabel('Site', { exact: true })).toHaveValue('narvik')
  await expect.poll(() => page.url()).toContain('cam=top')
  // A PNG without a scenario is refused with a notice, and nothing changes.
  const plain = new PNG({ width: 4, height: 4 })
  const plainBytes = PNG.sync.write(plain)
  await page.evaluate(
    (data) => {
      const transfer = new DataTransfer()
      transfer.items.add(new File([new Uint8Array(data)], 'photo.png', { type: 'image/png' }))
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, cancelable: true }))
    },
    [...plainBytes],
  )
  await expect(page.getByText('carries no campus scenario')).toBeVisible()
  await expect(page.locator('[data-readout="rackCount"]').first()).toHaveAttribute(
    'data-value',
    String(2 * 4 * 120),
  )
})
