import { expect, test, type Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { ALL_FORMATS, BufferSource, EncodedPacketSink, Input } from 'mediabunny'

/**
 * Video export: a 3-second 720p turntable made through the dialog arrives as a download, and
 * the file decodes (WebCodecs VideoDecoder in the page, fed the packets mediabunny's demuxer
 * reads from the file in Node) to 1280 × 720 frames, one per 1/fps second, for 3 seconds. MP4
 * (H.264) or WebM (VP9/VP8): whichever this browser can encode.
 */

async function openCampus(page: Page): Promise<void> {
  await page.goto('./')
  await page.waitForFunction(() => (window.__campusDebug?.firstFrameAt() ?? null) !== null, null, {
    timeout: 60_000,
  })
  await page.waitForFunction(() => window.__campusDebug?.settled() === true, null, {
    timeout: 60_000,
  })
}

async function openVideo(page: Page) {
  await page.getByRole('button', { name: 'Export image' }).click()
  const dialog = page.getByRole('dialog', { name: 'Export image' })
  await expect(dialog).toBeVisible()
  await dialog.getByRole('radio', { name: 'Video' }).check()
  return dialog
}

interface Packet {
  readonly key: boolean
  readonly timestamp: number
  readonly duration: number
  readonly data: string
}

/** What the page's decoder saw: frames, their size and time, and a coarse brightness of each. */
interface Decoded {
  frames: number
  widths: number[]
  heights: number[]
  lastEndUs: number
  brightness: number[]
  error: string | null
}

test('exports a 3-second 720p turntable that decodes to 1280 × 720 frames for 3 s', async ({
  page,
}) => {
  test.setTimeout(600_000)
  await openCampus(page)
  const dialog = await openVideo(page)
  await dialog.getByRole('combobox', { name: 'Kind' }).selectOption({ label: 'Turntable' })
  await dialog.getByRole('combobox', { name: 'Size' }).selectOption({ label: '1280×720 (720p)' })
  await dialog.getByRole('combobox', { name: 'Frame rate' }).selectOption('24')
  await dialog.getByRole('textbox', { name: 'Duration (s)' }).fill('3')
  const download = page.waitForEvent('download', { timeout: 540_000 })
  await dialog.getByRole('button', { name: 'Export video' }).click()
  // Progress with the time left while it renders.
  await expect(dialog.getByText(/Frame \d+ of 72 · about \d/)).toBeVisible({ timeout: 120_000 })
  const file = await download
  await expect(dialog.locator('[data-export-status="ok"]')).toBeVisible()
  expect(file.suggestedFilename()).toMatch(
    /^[a-z0-9-]+_turntable_1280x720_\d{4}-\d{2}-\d{2}_24fps\.(mp4|webm)$/,
  )
  const bytes = readFileSync(await file.path())

  // Demux in Node.
  const input = new Input({ source: new BufferSource(bytes), formats: ALL_FORMATS })
  const track = await input.getPrimaryVideoTrack()
  if (!track) throw new Error('The file has no video track.')
  expect(track.codedWidth).toBe(1280)
  expect(track.codedHeight).toBe(720)
  expect(await input.computeDuration()).toBeCloseTo(3, 2)
  const config = await track.getDecoderConfig()
  if (!config) throw new Error('The video track has no decoder configuration.')
  const packets: Packet[] = []
  for await (const packet of new EncodedPacketSink(track).packets())
    packets.push({
      key: packet.type === 'key',
      timestamp: packet.timestamp,
      duration: packet.duration,
      data: Buffer.from(packet.data).toString('base64'),
    })
  expect(packets).toHaveLength(72)

  // Decode in the page with WebCodecs.
  const description =
    config.description === undefined
      ? null
      : Buffer.from(
          ArrayBuffer.isView(config.description)
            ? new Uint8Array(
                config.description.buffer,
                config.description.byteOffset,
                config.description.byteLength,
              )
            : new Uint8Array(config.description),
        ).toString('base64')
  const decoded = await page.evaluate(
    async ({ codec, description, packets }): Promise<Decoded> => {
      const bytes = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))
      const canvas = new OffscreenCanvas(16, 9)
      const ctx = canvas.getContext('2d', { willReadFrequently: true })
      const result: Decoded = {
        frames: 0,
        widths: [],
        heights: [],
        lastEndUs: 0,
        brightness: [],
        error: null,
      }
      const decoder = new VideoDecoder({
        output: (frame) => {
          result.frames++
          result.widths.push(frame.displayWidth)
          result.heights.push(frame.displayHeight)
          result.lastEndUs = Math.max(result.lastEndUs, frame.timestamp + (frame.duration ?? 0))
          ctx?.drawImage(frame, 0, 0, 16, 9)
          const data = ctx?.getImageData(0, 0, 16, 9).data ?? new Uint8ClampedArray()
          let sum = 0
          for (let i = 0; i < data.length; i += 4) sum += (data[i] ?? 0) + (data[i + 1] ?? 0)
          result.brightness.push(sum / (data.length / 2))
          frame.close()
        },
        error: (e) => {
          result.error = String(e)
        },
      })
      decoder.configure({ codec, ...(description ? { description: bytes(description) } : {}) })
      for (const p of packets)
        decoder.decode(
          new EncodedVideoChunk({
            type: p.key ? 'key' : 'delta',
            timestamp: Math.round(p.timestamp * 1e6),
            duration: Math.round(p.duration * 1e6),
            data: bytes(p.data),
          }),
        )
      await decoder.flush()
      decoder.close()
      return result
    },
    { codec: config.codec, description, packets },
  )
  expect(decoded.error).toBeNull()
  expect(decoded.frames).toBe(72)
  expect(new Set(decoded.widths)).toEqual(new Set([1280]))
  expect(new Set(decoded.heights)).toEqual(new Set([720]))
  expect(decoded.lastEndUs / 1e6).toBeCloseTo(3, 2)
  // A picture, not a blank: mid-grey somewhere, and the view turns (frames differ).
  const mean = decoded.brightness.reduce((a, b) => a + b, 0) / decoded.brightness.length
  expect(mean).toBeGreaterThan(20)
  expect(mean).toBeLessThan(235)
  expect(Math.max(...decoded.brightness) - Math.min(...decoded.brightness)).toBeGreaterThan(0.5)
})

test('a video export can be cancelled, and a bad duration names the field', async ({ page }) => {
  test.setTimeout(240_000)
  await openCampus(page)
  const dialog = await openVideo(page)
  const duration = dialog.getByRole('textbox', { name: 'Duration (s)' })
  await duration.fill('9999')
  await expect(dialog.getByText(/Duration \(s\) must be from 1 to 120 seconds/)).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Export video' })).toBeDisabled()
  await duration.fill('20')
  await dialog.getByRole('combobox', { name: 'Size' }).selectOption({ label: '1280×720 (720p)' })
  await dialog.getByRole('button', { name: 'Export video' }).click()
  await expect(dialog.locator('[data-video-progress]')).toHaveAttribute(
    'data-video-progress',
    /^[1-9]/,
    { timeout: 120_000 },
  )
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog.locator('[data-export-status="ok"]')).toContainText('cancelled')
  await expect(dialog.getByRole('button', { name: 'Export video' })).toBeEnabled()
  // The view is back on screen and the dialog can be closed.
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toBeHidden()
  await page.waitForFunction(() => window.__campusDebug?.settled() === true, null, {
    timeout: 60_000,
  })
})
