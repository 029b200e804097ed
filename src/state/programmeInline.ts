import {
  MAX_SCENARIO_BYTES,
  parseProgrammeJson,
  type ProgrammeParseResult,
  type Programme,
} from '../model'

/**
 * A whole programme in a link, for programmes that did not start from a built-in one (a file,
 * a saved programme): `programme=inline&data=<the file's JSON, deflated, base64url>`. A
 * 7-campus programme is about 1,200 characters. Read back with the file parser, so a damaged or
 * hand-edited `data=` is refused with the problems named, never half-read.
 */
export const INLINE_PRESET = 'inline'
export const DATA_KEY = 'data'

const BASE64URL = /^[A-Za-z0-9_-]*$/

function toBase64Url(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!BASE64URL.test(text) || text.length % 4 === 1) return null
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'))
  return Uint8Array.from(binary, (c) => c.charCodeAt(0))
}

async function pipe(
  bytes: Uint8Array<ArrayBuffer>,
  stream: GenerativeStream,
  limit: number,
): Promise<Uint8Array | null> {
  const writer = stream.writable.getWriter()
  void writer.write(bytes).catch(() => undefined)
  void writer.close().catch(() => undefined)
  const reader = stream.readable.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    // Stop a small link that expands without end (a "zip bomb") at the file size limit.
    if (size > limit) {
      await reader.cancel()
      return null
    }
    chunks.push(value)
  }
  const out = new Uint8Array(size)
  let at = 0
  for (const chunk of chunks) {
    out.set(chunk, at)
    at += chunk.byteLength
  }
  return out
}

type GenerativeStream = CompressionStream | DecompressionStream

/** The programme as the `data=` of an inline link. */
export async function encodeInlineProgramme(programme: Programme): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(programme))
  const deflated = await pipe(json, new CompressionStream('deflate-raw'), Infinity)
  return toBase64Url(deflated ?? new Uint8Array())
}

/** Reads `data=` back: the programme, or the problems that refuse it (named as the parser names them). */
export async function decodeInlineProgramme(data: string): Promise<ProgrammeParseResult> {
  const refuse = (message: string): ProgrammeParseResult => ({
    ok: false,
    problems: [{ path: DATA_KEY, message }],
  })
  const bytes = fromBase64Url(data.trim())
  if (bytes === null) return refuse('is not a programme (not base64url text)')
  let json: Uint8Array | null
  try {
    json = await pipe(bytes, new DecompressionStream('deflate-raw'), MAX_SCENARIO_BYTES)
  } catch {
    return refuse('is not a programme (damaged or cut short)')
  }
  if (json === null) return refuse('expands past 1 MB; a programme is under 1 MB')
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(json)
  } catch {
    return refuse('is not a programme (not UTF-8 text)')
  }
  return parseProgrammeJson(text)
}
