/** Inline programme links: a whole programme deflated into `data=`; damage is refused and named. */
import { readFileSync } from 'node:fs'
import { deflateRawSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { formatProblem, parseProgramme } from '../src/model'
import { decodeInlineProgramme, encodeInlineProgramme } from '../src/state/programmeInline'

const programme = (() => {
  const r = parseProgramme(JSON.parse(readFileSync('public/programmes/stargate-us.json', 'utf8')))
  if (!r.ok) throw new Error('preset does not parse')
  return r.programme
})()
const problemsOf = async (data: string) => {
  const r = await decodeInlineProgramme(data)
  return r.ok ? [] : r.problems.map(formatProblem)
}
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url')

describe('inline programme links', () => {
  it('carry a whole programme compactly and read it back exactly', async () => {
    const data = await encodeInlineProgramme(programme)
    expect(data).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(data.length).toBeLessThan(1500)
    expect(await decodeInlineProgramme(data)).toEqual({ ok: true, programme })
  })

  it('refuse damaged data, naming data=', async () => {
    expect(await problemsOf('not base64!')).toEqual([
      'data: is not a programme (not base64url text)',
    ])
    expect(await problemsOf('AAAA')).toEqual(['data: is not a programme (damaged or cut short)'])
    const cut = (await encodeInlineProgramme(programme)).slice(0, 200)
    expect((await problemsOf(cut))[0]).toMatch(
      /^data: is not a programme|^\(file\): is not valid JSON/,
    )
  })

  it('stop a link that expands past 1 MB', async () => {
    const bomb = b64(deflateRawSync(Buffer.alloc(3_000_000, 32)))
    expect(bomb.length).toBeLessThan(8000)
    expect(await problemsOf(bomb)).toEqual(['data: expands past 1 MB; a programme is under 1 MB'])
  })

  it('name the fields of a programme that decodes but is wrong', async () => {
    const bad = { ...programme, campuses: [{ ...programme.campuses[0], lat: 200 }] }
    const data = b64(deflateRawSync(Buffer.from(JSON.stringify(bad))))
    expect(await problemsOf(data)).toEqual([
      'campuses[0].lat: must be between -90 and 90 degrees (got 200)',
    ])
  })
})
