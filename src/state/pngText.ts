/**
 * PNG text metadata: the exported image carries its scenario and camera view in an iTXt chunk
 * (UTF-8, uncompressed; PNG spec §11.3.4), so dropping the image back on the app restores them.
 */

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

/** The keyword our chunk carries. */
export const SCENARIO_KEYWORD = 'campus-planner-scenario'

const CRC_TABLE = (() => {
  const table = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    table[n] = c >>> 0
  }
  return table
})()

/** CRC-32 (ISO 3309) as PNG chunks use it. */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

export function isPng(bytes: Uint8Array): boolean {
  return SIGNATURE.every((b, i) => bytes[i] === b)
}

/** Width and height from the IHDR chunk. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  if (!isPng(bytes)) throw new Error('not a PNG file')
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  return { width: view.getUint32(16), height: view.getUint32(20) }
}

const encoder = new TextEncoder()
const decoder = new TextDecoder('utf-8', { fatal: true })

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length)
  const view = new DataView(out.buffer)
  view.setUint32(0, data.length)
  out.set(encoder.encode(type), 4)
  out.set(data, 8)
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)))
  return out
}

/** A copy of the PNG with an iTXt chunk `keyword` = `text` right after IHDR. */
export function withPngText(
  png: Uint8Array,
  keyword: string,
  text: string,
): Uint8Array<ArrayBuffer> {
  if (!isPng(png)) throw new Error('not a PNG file')
  const ihdrEnd = 8 + 12 + new DataView(png.buffer, png.byteOffset).getUint32(8)
  // keyword, NUL, compression flag 0, method 0, empty language tag NUL, empty translated keyword NUL, text
  const key = encoder.encode(keyword)
  const body = encoder.encode(text)
  const data = new Uint8Array(key.length + 5 + body.length)
  data.set(key, 0)
  data.set(body, key.length + 5)
  const itxt = chunk('iTXt', data)
  const out = new Uint8Array(png.length + itxt.length)
  out.set(png.subarray(0, ihdrEnd), 0)
  out.set(itxt, ihdrEnd)
  out.set(png.subarray(ihdrEnd), ihdrEnd + itxt.length)
  return out
}

/** What the search for a text chunk found. */
export type PngTextReading =
  | { readonly found: true; readonly text: string }
  | {
      readonly found: false
      /** absent: no such chunk; too-large: over `maxBytes`; unreadable: compressed or damaged. */
      readonly reason: 'not-png' | 'absent' | 'too-large' | 'unreadable'
      /** The chunk's size in bytes, for too-large. */
      readonly bytes?: number
    }

const latin1 = new TextDecoder('latin1')

/**
 * The text of the first uncompressed iTXt or tEXt chunk named `keyword`. Keywords are Latin-1
 * (PNG spec §11.3.4.2): any other chunk, whatever its bytes, is skipped. A chunk of ours larger
 * than `maxBytes` is not decoded. Never throws.
 */
export function findPngText(png: Uint8Array, keyword: string, maxBytes: number): PngTextReading {
  if (!isPng(png)) return { found: false, reason: 'not-png' }
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength)
  let offset = 8
  while (offset + 12 <= png.length) {
    const length = view.getUint32(offset)
    const type = latin1.decode(png.subarray(offset + 4, offset + 8))
    const start = offset + 8
    if (start + length > png.length) return { found: false, reason: 'absent' }
    if (type === 'iTXt' || type === 'tEXt') {
      const nul = png.subarray(start, Math.min(start + length, start + 80)).indexOf(0)
      if (nul > 0 && latin1.decode(png.subarray(start, start + nul)) === keyword) {
        if (length > maxBytes) return { found: false, reason: 'too-large', bytes: length }
        const text = chunkText(type, png.subarray(start, start + length), nul)
        return text === null ? { found: false, reason: 'unreadable' } : { found: true, text }
      }
    }
    if (type === 'IEND') return { found: false, reason: 'absent' }
    offset = start + length + 4
  }
  return { found: false, reason: 'absent' }
}

/** A tEXt chunk's Latin-1 text, or an uncompressed iTXt chunk's UTF-8 text (null if invalid). */
function chunkText(type: string, data: Uint8Array, nul: number): string | null {
  if (type === 'tEXt') return latin1.decode(data.subarray(nul + 1))
  if (data[nul + 1] === 1) return null
  // Skip compression flag and method, then the language tag and translated keyword.
  let p = nul + 3
  p = data.indexOf(0, p) + 1
  if (p <= 0) return null
  p = data.indexOf(0, p) + 1
  if (p <= 0) return null
  try {
    return decoder.decode(data.subarray(p))
  } catch {
    return null
  }
}

/** The text of the first uncompressed iTXt or tEXt chunk named `keyword`, or null. */
export function readPngText(
  png: Uint8Array,
  keyword: string,
  maxBytes = Number.MAX_SAFE_INTEGER,
): string | null {
  const reading = findPngText(png, keyword, maxBytes)
  return reading.found ? reading.text : null
}
