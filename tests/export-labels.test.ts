/**
 * Labels and captions of exported images (and the screen's labels), pure: placement keeps every
 * label inside the safe area, clear of obstacles (the toolbar, the caption) and of each other,
 * with a leader line back to an anchor it had to leave; captions carry 3–4 significant figures
 * with units and a legend of only what is in the frame.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DEFAULT_SCENARIO, SITES, simulate, type SiteId } from '../src/model'
import { buildCaption, formatFigure, formatLabelFigure, LEGEND } from '../src/export/caption'
import { legendInFrame } from '../src/export/legend'
import { placeLabels, type LabelRequest, type PixelBox } from '../src/state'
import { syntheticClimate } from './helpers/syntheticClimate'

function inside(a: PixelBox, safe: PixelBox): boolean {
  const e = 1e-9
  return a.x0 >= safe.x0 - e && a.y0 >= safe.y0 - e && a.x1 <= safe.x1 + e && a.y1 <= safe.y1 + e
}
function overlap(a: PixelBox, b: PixelBox, gap: number): boolean {
  return a.x0 < b.x1 + gap && a.x1 > b.x0 - gap && a.y0 < b.y1 + gap && a.y1 > b.y0 - gap
}

const request = fc.record({
  anchorX: fc.double({ min: -200, max: 1800, noNaN: true }),
  anchorY: fc.double({ min: -200, max: 1100, noNaN: true }),
  width: fc.double({ min: 20, max: 300, noNaN: true }),
  height: fc.double({ min: 12, max: 40, noNaN: true }),
})

describe('label placement', () => {
  const safe: PixelBox = { x0: 20, y0: 20, x1: 1580, y1: 880 }
  const toolbar: PixelBox = { x0: 0, y0: 0, x1: 1600, y1: 90 }
  const caption: PixelBox = { x0: 20, y0: 700, x1: 600, y1: 880 }

  it('keeps labels inside the safe area, off the obstacles and apart, leaders to anchors left behind', () => {
    fc.assert(
      fc.property(fc.array(request, { maxLength: 14 }), (raw) => {
        const requests: LabelRequest[] = raw.map((r, i) => ({ id: `l${i}`, ...r }))
        const placed = placeLabels(requests, safe, [toolbar, caption], { gap: 4 })
        const ids = new Set(placed.map((p) => p.id))
        expect(ids.size).toBe(placed.length)
        for (const [i, p] of placed.entries()) {
          expect(inside(p.box, safe)).toBe(true)
          expect(overlap(p.box, toolbar, 4)).toBe(false)
          expect(overlap(p.box, caption, 4)).toBe(false)
          for (const q of placed.slice(i + 1)) expect(overlap(p.box, q.box, 4)).toBe(false)
          const anchorInside =
            p.anchorX >= p.box.x0 &&
            p.anchorX <= p.box.x1 &&
            p.anchorY >= p.box.y0 &&
            p.anchorY <= p.box.y1
          expect(p.leader).toBe(!anchorInside)
          // The leader ends on the label's edge, at its point nearest the anchor.
          expect(p.leaderX).toBeGreaterThanOrEqual(p.box.x0)
          expect(p.leaderX).toBeLessThanOrEqual(p.box.x1)
        }
      }),
      { numRuns: 100, seed: 10 },
    )
  })

  it('moves a label out from under the toolbar, with a leader line, and places the most important first', () => {
    const placed = placeLabels(
      [
        { id: 'first', anchorX: 800, anchorY: 60, width: 160, height: 24 },
        { id: 'second', anchorX: 800, anchorY: 60, width: 160, height: 24 },
      ],
      safe,
      [toolbar],
    )
    expect(placed.map((p) => p.id)).toEqual(['first', 'second'])
    const [first, second] = placed
    expect(first!.box.y0).toBeGreaterThanOrEqual(toolbar.y1)
    expect(first!.leader).toBe(true)
    expect(second!.box.y0).toBeGreaterThan(first!.box.y0)
  })

  it('leaves out a label with no room, and one larger than the safe area', () => {
    const tight: PixelBox = { x0: 0, y0: 0, x1: 200, y1: 30 }
    const placed = placeLabels(
      [
        { id: 'a', anchorX: 100, anchorY: 15, width: 180, height: 24 },
        { id: 'b', anchorX: 100, anchorY: 15, width: 180, height: 24 },
        { id: 'huge', anchorX: 100, anchorY: 15, width: 400, height: 24 },
      ],
      tight,
      [],
    )
    expect(placed.map((p) => p.id)).toEqual(['a'])
  })

  it('reuses the output array without keeping stale labels', () => {
    const out = placeLabels(
      [1, 2, 3].map((i) => ({
        id: `x${i}`,
        anchorX: 300 * i,
        anchorY: 400,
        width: 80,
        height: 20,
      })),
      safe,
      [],
    )
    expect(out).toHaveLength(3)
    const again = placeLabels(
      [{ id: 'y', anchorX: 300, anchorY: 400, width: 80, height: 20 }],
      safe,
      [],
      {},
      out,
    )
    expect(again).toBe(out)
    expect(again.map((p) => p.id)).toEqual(['y'])
  })
})

/** Significant figures of a shown number ("1,234" → 4, "0.0520" → 3, "400" → 3). */
function significant(text: string): number {
  const digits = text.replace(/[^0-9.]/g, '')
  const [whole = '', fraction = ''] = digits.split('.')
  const all = (whole + fraction).replace(/^0+/, '')
  return whole.replace(/^0+/, '') === '' ? fraction.replace(/^0+/, '').length : all.length
}

describe('caption figures', () => {
  it('read with three or four significant figures and their unit (reference cases)', () => {
    const cases: [number, string, number, string][] = [
      [235.6789, 'MW', 1, '235.7 MW'],
      [1234.567, 'MW', 1, '1.23 GW'],
      [1.089_34, 'ratio', 3, '1.089'],
      [412_345, 'count', 0, '412 thousand'],
      [9_876.5, 'count', 0, '9,877'],
      [3_215_000, 'm³/yr', 0, '3.22 million m³/yr'],
      [0.734_56, 'share', 3, '73.5 %'],
    ]
    for (const [value, unit, digits, shown] of cases) {
      const f = formatFigure(value, unit, digits, 'si')
      expect(f.unit === '' ? f.text : f.unit === '%' ? `${f.text} %` : `${f.text} ${f.unit}`).toBe(
        shown,
      )
    }
    expect(formatLabelFigure({ value: 199.234, unit: 'MW', digits: 1, suffix: 'IT' }, 'si')).toBe(
      '199.2 MW IT',
    )
  })

  it('every figure of a real caption has at most four significant figures and a unit where it has one', () => {
    const site: SiteId = DEFAULT_SCENARIO.site
    const climate = syntheticClimate(site)
    const readouts = simulate(DEFAULT_SCENARIO, climate).readouts
    for (const units of ['si', 'imperial'] as const) {
      const caption = buildCaption(
        DEFAULT_SCENARIO,
        readouts,
        units,
        new Date(Date.UTC(2026, 10, 30)),
        'Overview',
      )
      expect(caption.subtitle).toContain(SITES[site].label)
      expect(caption.subtitle).toContain('30 Nov 2026')
      expect(caption.figures.length).toBeGreaterThanOrEqual(8)
      for (const f of caption.figures) {
        const number = /^[\d,.]+/.exec(f.value)?.[0] ?? ''
        expect(number, f.label).not.toBe('')
        expect(significant(number), `${f.label}: ${f.value}`).toBeLessThanOrEqual(4)
        // Nothing like the eight-digit numbers captions used to carry.
        expect(f.value.replace(/[^0-9]/g, '').length, f.label).toBeLessThanOrEqual(5)
      }
      const power = caption.figures.find((f) => /peak/i.test(f.label))
      expect(power?.value).toMatch(/ (k|M|G)W$/)
    }
  })
})

describe('legend', () => {
  it('lists only the assets that reach the frame, in the legend order', () => {
    const legend = legendInFrame(
      [
        { id: 'wind', bounds: { x0: 100, y0: 100, x1: 300, y1: 200 } },
        { id: 'buildings', bounds: { x0: -50, y0: 10, x1: 20, y1: 40 } },
        { id: 'hydro', bounds: { x0: 1700, y0: 100, x1: 1900, y1: 200 } },
        { id: 'solar', bounds: null },
      ],
      1600,
      900,
    )
    expect(legend.map((e) => e.id)).toEqual(['buildings', 'wind'])
    expect(LEGEND.map((e) => e.id)).toEqual(expect.arrayContaining(['buildings', 'wind', 'hydro']))
  })
})
