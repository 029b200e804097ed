/** The programme map's arithmetic: framing, marker areas, colour scales. */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseProgramme } from '../src/model'
import {
  COLOUR_SCALE_BY_ID,
  MIN_RADIUS,
  RADIUS_AT_GW,
  RAMP,
  colourFor,
  frameProjection,
  markerRadius,
  placeLabels,
  shortLabel,
  rampColour,
  sizeLegendMw,
} from '../src/ui/programme/mapMath'

const campusesOf = (file: string) => {
  const r = parseProgramme(JSON.parse(readFileSync(`public/programmes/${file}`, 'utf8')))
  if (!r.ok) throw new Error(`${file} does not parse`)
  return r.programme.campuses
}

describe('map framing', () => {
  it.each(['stargate-us.json', 'stargate-countries.json'])(
    'puts every campus of %s inside the frame, clear of its edges',
    (file) => {
      const campuses = campusesOf(file)
      const [w, h, pad] = [800, 500, 24]
      const projection = frameProjection(campuses, w, h, pad)
      for (const c of campuses) {
        const [x, y] = projection([c.lon, c.lat]) ?? [NaN, NaN]
        expect(x, c.id).toBeGreaterThan(pad)
        expect(x, c.id).toBeLessThan(w - pad)
        expect(y, c.id).toBeGreaterThan(pad)
        expect(y, c.id).toBeLessThan(h - pad)
      }
    },
  )

  it('keeps north up and west left, and frames a lone campus with its region', () => {
    const projection = frameProjection([{ lat: 42.17, lon: -83.86 }], 600, 400)
    const [x0, y0] = projection([-83.86, 42.17]) ?? [0, 0]
    const [xn, yn] = projection([-83.86, 43.17]) ?? [0, 0]
    const [xw] = projection([-84.86, 42.17]) ?? [0, 0]
    expect(yn).toBeLessThan(y0)
    expect(Math.abs(xn - x0)).toBeLessThan(1)
    expect(xw).toBeLessThan(x0)
    // At least ~8° of latitude in 400 − 48 pixels: a degree is under 45 px.
    expect(y0 - yn).toBeLessThan(45)
  })

  it('frames a world-wide programme with Equal Earth', () => {
    const projection = frameProjection(
      [
        { lat: 68.4, lon: 17.4 },
        { lat: 32.5, lon: -99.7 },
        { lat: 1.36, lon: 103.99 },
      ],
      900,
      450,
    )
    for (const [lon, lat] of [
      [17.4, 68.4],
      [-99.7, 32.5],
      [103.99, 1.36],
    ] as const) {
      const [x, y] = projection([lon, lat]) ?? [NaN, NaN]
      expect(x).toBeGreaterThan(0)
      expect(x).toBeLessThan(900)
      expect(y).toBeGreaterThan(0)
      expect(y).toBeLessThan(450)
    }
  })
})

describe('markers', () => {
  it('have an area proportional to MW above the smallest size', () => {
    expect(markerRadius(1000)).toBeCloseTo(RADIUS_AT_GW, 12)
    expect(markerRadius(250) ** 2 / markerRadius(1000) ** 2).toBeCloseTo(0.25, 12)
    expect(markerRadius(1400) ** 2 / markerRadius(700) ** 2).toBeCloseTo(2, 12)
    expect(markerRadius(1)).toBe(MIN_RADIUS)
    expect(markerRadius(0)).toBe(MIN_RADIUS)
  })

  it('get a size legend of round values up to the largest campus', () => {
    expect(sizeLegendMw(1398)).toEqual([200, 500, 1000])
    expect(sizeLegendMw(236)).toEqual([50, 100, 200])
    expect(sizeLegendMw(3)).toEqual([10])
  })
})

describe('colour scales', () => {
  it('run from better (blue) to worse (red), clamped beyond their domain', () => {
    const carbon = COLOUR_SCALE_BY_ID.get('carbon')!
    expect(colourFor(carbon, 0)).toBe(RAMP[0])
    expect(colourFor(carbon, 0.7)).toBe(RAMP[4])
    expect(colourFor(carbon, 5)).toBe(RAMP[4])
    expect(colourFor(carbon, 0.35)).toBe(RAMP[2])
    const renewable = COLOUR_SCALE_BY_ID.get('renewable')!
    expect(colourFor(renewable, 1)).toBe(RAMP[0])
    expect(colourFor(renewable, 0)).toBe(RAMP[4])
    const water = COLOUR_SCALE_BY_ID.get('water')!
    expect(colourFor(water, 1)).toBe(RAMP[4])
    expect(colourFor(water, 0)).toBe(RAMP[0])
  })

  it('interpolate between stops', () => {
    expect(rampColour(0.125)).toBe('#6caad0')
    expect(rampColour(Number.NaN)).toBe(RAMP[0])
  })
})

describe('labels', () => {
  it('sit beside their markers without overlapping one another', () => {
    const spots = [
      { x: 100, y: 100, r: 20, text: 'Stargate I' },
      { x: 112, y: 96, r: 24, text: 'Frontier' },
      { x: 300, y: 200, r: 8, text: 'Lordstown OH' },
    ]
    const placed = placeLabels(spots, 600, 400)
    const boxes = placed.map((p, i) => {
      const w = (spots[i]?.text.length ?? 0) * 6.8
      const x0 = p.anchor === 'start' ? p.x : p.anchor === 'end' ? p.x - w : p.x - w / 2
      return { x0, x1: x0 + w, y0: p.y - 12, y1: p.y + 3 }
    })
    const [a, b] = boxes
    expect(a!.x0 < b!.x1 && b!.x0 < a!.x1 && a!.y0 < b!.y1 && b!.y0 < a!.y1).toBe(false)
    expect(placed[2]).toEqual({ x: 312, y: 204, anchor: 'start' })
  })

  it('keep clear of the legend', () => {
    const legend = { x0: 0, y0: 90, x1: 200, y1: 200 }
    const [free] = placeLabels([{ x: 230, y: 100, r: 10, text: 'Project Jupiter' }], 600, 400)
    const [clear] = placeLabels([{ x: 230, y: 100, r: 10, text: 'Project Jupiter' }], 600, 400, [
      legend,
    ])
    expect(free?.anchor).toBe('start')
    // Right of the disc is free of the legend too, so it stays there…
    expect(clear?.anchor).toBe('start')
    // …but a label that would sit on the legend moves.
    const [moved] = placeLabels([{ x: 400, y: 100, r: 10, text: 'x'.repeat(40) }], 600, 400, [
      { x0: 100, y0: 90, x1: 600, y1: 110 },
    ])
    expect(moved?.anchor).toBe('middle')
  })

  it('shorten a campus name to what comes before its details', () => {
    expect(shortLabel('Stargate I, Abilene TX (Crusoe; 1.2 GW)')).toBe('Stargate I')
    expect(shortLabel('Milam County TX (SB Energy; 1.2 GW)')).toBe('Milam County TX')
    expect(shortLabel('Lordstown')).toBe('Lordstown')
  })
})
