/** Export's pure parts: PNG text metadata round trip, file names and size limits. */
import { PNG } from 'pngjs'
import { describe, expect, it } from 'vitest'
import { exportFileName, slug } from '../../src/export/fileName'
import {
  crc32,
  findPngText,
  isPng,
  pngSize,
  readPngText,
  SCENARIO_KEYWORD,
  withPngText,
} from '../../src/state/pngText'
import { readImageMetadata } from '../../src/state/imageImport'
import { DEFAULT_SCENARIO } from '../../src/model'
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

/** A copy of `png` with a raw chunk (any bytes) right after the signature's IHDR. */
function withChunk(png: Uint8Array, type: string, data: Uint8Array): Uint8Array {
  const ihdrEnd = 8 + 12 + new DataView(png.buffer, png.byteOffset).getUint32(8)
  const chunk = new Uint8Array(12 + data.length)
  const view = new DataView(chunk.buffer)
  view.setUint32(0, data.length)
  chunk.set(new TextEncoder().encode(type), 4)
  chunk.set(data, 8)
  view.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)))
  const out = new Uint8Array(png.length + chunk.length)
  out.set(png.subarray(0, ihdrEnd), 0)
  out.set(chunk, ihdrEnd)
  out.set(png.subarray(ihdrEnd), ihdrEnd + chunk.length)
  return out
}

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Uint8Array.from(
    parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)),
  )

describe('PNG files from elsewhere', () => {
  // "Größe" in Latin-1 (0xF6, 0xDF): a legal keyword that is not valid UTF-8.
  const latin1Keyword = [0x47, 0x72, 0xf6, 0xdf, 0x65]

  it('skips text chunks with Latin-1 keywords instead of throwing', () => {
    const foreign = withChunk(tinyPng(2, 2), 'tEXt', bytes(latin1Keyword, [0], 'value'))
    expect(() => findPngText(foreign, SCENARIO_KEYWORD, 1e6)).not.toThrow()
    expect(findPngText(foreign, SCENARIO_KEYWORD, 1e6)).toEqual({ found: false, reason: 'absent' })
    expect(findPngText(foreign, 'Größe', 1e6)).toEqual({ found: true, text: 'value' })
    const itxt = withChunk(tinyPng(2, 2), 'iTXt', bytes(latin1Keyword, [0, 0, 0, 0, 0], 'x'))
    const ours = withPngText(itxt, SCENARIO_KEYWORD, '{"scenario":{"version":1}}')
    expect(readImageMetadata(ours)).toMatchObject({ ok: true, scenario: DEFAULT_SCENARIO })
    expect(readImageMetadata(itxt)).toEqual({
      ok: false,
      reason: 'This image carries no campus scenario (only images exported by this app do).',
    })
  })

  it('does not read a scenario chunk over 1 MB, and says why', () => {
    const huge = withPngText(tinyPng(2, 2), SCENARIO_KEYWORD, 'x'.repeat(2_500_000))
    expect(findPngText(huge, SCENARIO_KEYWORD, 1_000_000)).toMatchObject({
      found: false,
      reason: 'too-large',
    })
    const r = readImageMetadata(huge)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.reason).toMatch(/2\.5 MB; scenarios are under 1 MB/)
  })

  it('says a damaged or foreign file is damaged or foreign, never throws', () => {
    const badUtf8 = withChunk(
      tinyPng(2, 2),
      'iTXt',
      bytes(SCENARIO_KEYWORD, [0, 0, 0, 0, 0], [0xff, 0xfe, 0xfd]),
    )
    expect(readImageMetadata(badUtf8)).toMatchObject({ ok: false, reason: /damaged/ })
    expect(readImageMetadata(bytes('GIF89a'))).toMatchObject({ ok: false, reason: /not a PNG/ })
    const cut = withPngText(tinyPng(2, 2), SCENARIO_KEYWORD, '{}').subarray(0, 30)
    expect(() => readImageMetadata(cut)).not.toThrow()
    expect(readImageMetadata(new Uint8Array(0)).ok).toBe(false)
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
