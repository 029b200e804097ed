/** Export's pure parts: PNG text metadata round trip, file names and size limits. */
import { PNG } from 'pngjs'
import { describe, expect, it } from 'vitest'
import { exportFileName, slug } from '../../src/export/fileName'
import {
  crc32,
  isPng,
  pngSize,
  readPngText,
  SCENARIO_KEYWORD,
  withPngText,
} from '../../src/state/pngText'
import { checkExportSize } from '../../src/state/exportSizes'

function tinyPng(width: number, height: number): Uint8Array {
  const png = new PNG({ width, height })
  png.data.fill(200)
  return new Uint8Array(PNG.sync.write(png))
}

describe('PNG text metadata', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926)
  })

  it('round-trips UTF-8 text and leaves a PNG that decoders still read', () => {
    const text = JSON.stringify({ name: 'Tromsø <b>&</b> “Stargate”', version: 1 })
    const tagged = withPngText(tinyPng(7, 5), SCENARIO_KEYWORD, text)
    expect(isPng(tagged)).toBe(true)
    expect(pngSize(tagged)).toEqual({ width: 7, height: 5 })
    expect(readPngText(tagged, SCENARIO_KEYWORD)).toBe(text)
    expect(readPngText(tagged, 'other')).toBeNull()
    const decoded = PNG.sync.read(Buffer.from(tagged))
    expect([decoded.width, decoded.height]).toEqual([7, 5])
  })

  it('reads nothing from a file that is not a PNG or has no such chunk', () => {
    expect(readPngText(new TextEncoder().encode('not a png'), SCENARIO_KEYWORD)).toBeNull()
    expect(readPngText(tinyPng(2, 2), SCENARIO_KEYWORD)).toBeNull()
    const truncated = withPngText(tinyPng(2, 2), SCENARIO_KEYWORD, 'x'.repeat(100)).subarray(0, 60)
    expect(readPngText(truncated, SCENARIO_KEYWORD)).toBeNull()
  })
})

describe('file names', () => {
  it('are descriptive and ASCII', () => {
    const date = new Date('2026-11-25T10:00:00Z')
    expect(exportFileName({ name: 'Stargate Norway (Narvik)' }, 'Overview', 3840, 2160, date)).toBe(
      'stargate-norway-narvik_overview_3840x2160_2026-11-25.png',
    )
    expect(slug('Tromsø / Bodø — Ærø Å')).toBe('tromso-bodo-aero-a')
    expect(slug('<script>alert(1)</script>')).toBe('script-alert-1-script')
    expect(slug('???')).toBe('campus')
  })
})

describe('export sizes', () => {
  it('accepts sizes up to 8K and the device limit, and says why otherwise', () => {
    expect(checkExportSize(3840, 2160, 8192)).toEqual({ ok: true, width: 3840, height: 2160 })
    expect(checkExportSize(8192, 8192, 8192)).toMatchObject({ ok: true })
    expect(checkExportSize(9000, 100, 16384)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/8192/),
    })
    expect(checkExportSize(5000, 3000, 4096)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/4096/),
    })
    expect(checkExportSize(10.5, 100, 8192)).toMatchObject({ ok: false })
    expect(checkExportSize(8, 100, 8192)).toMatchObject({ ok: false })
  })
})
