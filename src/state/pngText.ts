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

/** The text of the first uncompressed iTXt or tEXt chunk named `keyword`, or null. */
export function readPngText(png: Uint8Array, keyword: string): string | null {
  if (!isPng(png)) return null
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength)
  let offset = 8
  while (offset + 12 <= png.length) {
    const length = view.getUint32(offset)
    const type = String.fromCharCode(...png.subarray(offset + 4, offset + 8))
    const start = offset + 8
    if (start + length > png.length) return null
    if (type === 'iTXt' || type === 'tEXt') {
      const data = png.subarray(start, start + length)
      const nul = data.indexOf(0)
      if (nul > 0 && decoder.decode(data.subarray(0, nul)) === keyword) {
        if (type === 'tEXt') return new TextDecoder('latin1').decode(data.subarray(nul + 1))
        const compressed = data[nul + 1] === 1
        if (compressed) return null
        // Skip compression flag and method, then the language tag and translated keyword.
        let p = nul + 3
        p = data.indexOf(0, p) + 1
        p = data.indexOf(0, p) + 1
        if (p <= 0) return null
        try {
          return decoder.decode(data.subarray(p))
        } catch {
          return null
        }
      }
    }
    if (type === 'IEND') return null
    offset = start + length + 4
  }
  return null
}
