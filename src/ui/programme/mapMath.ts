/**
 * The programme map's arithmetic, pure (tested in Node): the projection framing the campuses,
 * marker sizes (area ∝ MW) and the colour scales of the readouts a map can be coloured by.
 */
import { geoConicEqualArea, geoEqualEarth, type GeoProjection } from 'd3-geo'
import type { MapColour } from '../../state'

export interface Place {
  readonly lat: number
  readonly lon: number
}

/** Smallest span the map frames, degrees: one campus still shows its region. */
const MIN_LAT_SPAN = 8
const MIN_LON_SPAN = 12

/**
 * A projection framing `places` inside a `width` × `height` box with `padding` pixels to spare:
 * an Albers equal-area conic centred on the campuses (standard parallels at one sixth and five
 * sixths of their latitude span, the USGS rule) for a region, Equal Earth for a spread over more
 * than half the globe. Areas stay true in both, so marker sizes compare fairly.
 */
export function frameProjection(
  places: readonly Place[],
  width: number,
  height: number,
  padding = 24,
): GeoProjection {
  const lats = places.map((p) => p.lat)
  const lons = places.map((p) => p.lon)
  let south = lats.length > 0 ? Math.min(...lats) : -60
  let north = lats.length > 0 ? Math.max(...lats) : 75
  let west = lons.length > 0 ? Math.min(...lons) : -180
  let east = lons.length > 0 ? Math.max(...lons) : 180
  // Room around the outermost campuses for their markers, and a least span.
  const latPad = Math.max((north - south) * 0.15, (MIN_LAT_SPAN - (north - south)) / 2, 1)
  const lonPad = Math.max((east - west) * 0.15, (MIN_LON_SPAN - (east - west)) / 2, 1)
  south = Math.max(-89, south - latPad)
  north = Math.min(89, north + latPad)
  west -= lonPad
  east += lonPad
  const centre = (west + east) / 2
  const span = north - south
  const projection =
    east - west > 180 || span > 100
      ? geoEqualEarth().rotate([-centre, 0])
      : geoConicEqualArea()
          .parallels([south + span / 6, north - span / 6])
          .rotate([-centre, 0])
          .center([0, (south + north) / 2])
  // The frame's edges, sampled: a conic bends parallels, so corners alone would not do.
  const edge: [number, number][] = []
  for (let i = 0; i <= 8; i++) {
    const lon = west + ((east - west) * i) / 8
    const lat = south + ((north - south) * i) / 8
    edge.push([lon, south], [lon, north], [west, lat], [east, lat])
  }
  return projection.fitExtent(
    [
      [padding, padding],
      [width - padding, height - padding],
    ],
    { type: 'MultiPoint', coordinates: edge },
  )
}

/** Marker radius in pixels for 1,000 MW. */
export const RADIUS_AT_GW = 24
/** The smallest marker drawn (a 5 MW pilot stays visible and clickable). */
export const MIN_RADIUS = 4

/** Marker radius for a campus of `mw`: the disc's area is proportional to MW (above MIN_RADIUS). */
export function markerRadius(mw: number): number {
  const r = RADIUS_AT_GW * Math.sqrt(Math.max(0, mw) / 1000)
  return Math.max(MIN_RADIUS, r)
}

/** Round values for the size legend: up to three of 10·2·5 steps, the largest ≤ `maxMw`. */
export function sizeLegendMw(maxMw: number): number[] {
  const steps = [10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000]
  const top = steps.filter((s) => s <= Math.max(10, maxMw)).at(-1) ?? 10
  const i = steps.indexOf(top)
  return [steps[i - 2], steps[i - 1], top].filter((v): v is number => v !== undefined)
}

/** What the map can be coloured by (the state's MAP_COLOURS). */
export type ColourBy = MapColour

export interface ColourScale {
  readonly id: ColourBy
  readonly label: string
  /** Legend title (its unit comes with the tick labels). */
  readonly title: string
  /** The readout whose unit and digits the legend's ticks take; none for categories. */
  readonly readout: 'cueKgPerKwh' | 'pueAnnual' | 'renewableShare' | null
  /** Sequential scales: the values at the ramp's ends (clamped beyond); categorical: null. */
  readonly domain: readonly [number, number] | null
  /** Which end is better: the ramp runs from better (blue) to worse (red). */
  readonly higherIsBetter: boolean
  /** Categories (water stress): value 0 and 1. */
  readonly categories?: readonly [string, string]
  readonly digits: number
}

export const COLOUR_SCALES: readonly ColourScale[] = [
  {
    id: 'carbon',
    label: 'Carbon (CUE)',
    title: 'Carbon: CO₂ per kWh IT (CUE)',
    readout: 'cueKgPerKwh',
    domain: [0, 0.7],
    higherIsBetter: false,
    digits: 2,
  },
  {
    id: 'pue',
    label: 'PUE',
    title: 'PUE (annual)',
    readout: 'pueAnnual',
    domain: [1.05, 1.4],
    higherIsBetter: false,
    digits: 2,
  },
  {
    id: 'water',
    label: 'Water stress',
    title: 'Baseline water stress (WRI Aqueduct 4.0)',
    readout: null,
    domain: null,
    higherIsBetter: false,
    categories: ['Not high', 'High or worse'],
    digits: 0,
  },
  {
    id: 'renewable',
    label: 'Renewable share',
    title: 'Renewable share (hourly matched)',
    readout: 'renewableShare',
    domain: [0, 1],
    higherIsBetter: true,
    digits: 0,
  },
]

export const COLOUR_SCALE_BY_ID: ReadonlyMap<ColourBy, ColourScale> = new Map(
  COLOUR_SCALES.map((s) => [s.id, s]),
)

/**
 * The ramp from better to worse: ColorBrewer RdYlBu, 5 classes, reversed (Cynthia Brewer,
 * colorbrewer2.org; colour-blind safe), interpolated linearly between the stops.
 */
export const RAMP = ['#2c7bb6', '#abd9e9', '#ffffbf', '#fdae61', '#d7191c'] as const

function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16)
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255]
}

/** The ramp's colour at `t` (0 better … 1 worse), as `#rrggbb`. */
export function rampColour(t: number): string {
  const x = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (RAMP.length - 1)
  const i = Math.min(RAMP.length - 2, Math.floor(x))
  const a = hexToRgb(RAMP[i] ?? RAMP[0])
  const b = hexToRgb(RAMP[i + 1] ?? RAMP[0])
  const f = x - i
  return `#${a
    .map((v, k) => Math.round(v + ((b[k] ?? v) - v) * f))
    .map((v) => v.toString(16).padStart(2, '0'))
    .join('')}`
}

/** The values at the legend's three ticks: the domain's ends and middle. */
export function legendTickValues(scale: ColourScale): readonly [number, number, number] {
  const [lo, hi] = scale.domain ?? [0, 1]
  return [lo, (lo + hi) / 2, hi]
}

/** A campus's colour on `scale` for its value (water stress: 1 stressed, 0 not). */
export function colourFor(scale: ColourScale, value: number): string {
  if (scale.domain === null) return value > 0.5 ? RAMP[4] : RAMP[0]
  const [lo, hi] = scale.domain
  const t = (value - lo) / (hi - lo)
  return rampColour(scale.higherIsBetter ? 1 - t : t)
}

/** A marker to label: its centre and radius in pixels, and the label's text. */
export interface LabelSpot {
  readonly x: number
  readonly y: number
  readonly r: number
  readonly text: string
}

export interface PlacedLabel {
  readonly x: number
  readonly y: number
  readonly anchor: 'start' | 'end' | 'middle'
}

/** Label font size, px, and the width of an average character at that size (a safe estimate). */
export const LABEL_FONT_PX = 12
const CHAR_PX = 6.8

/** A rectangle in pixels (a legend labels must keep clear of). */
export interface Box {
  readonly x0: number
  readonly y0: number
  readonly x1: number
  readonly y1: number
}

const overlaps = (a: Box, b: Box): boolean =>
  a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1

function boxOf(label: PlacedLabel, text: string): Box {
  const w = text.length * CHAR_PX
  const x0 =
    label.anchor === 'start' ? label.x : label.anchor === 'end' ? label.x - w : label.x - w / 2
  return { x0, y0: label.y - LABEL_FONT_PX, x1: x0 + w, y1: label.y + 3 }
}

/**
 * Places each label beside its marker where it overlaps no label placed before it and no other
 * marker: right, left, below, above, in that order (the first when none is free). Larger
 * campuses are placed first, so they keep the best spot. Returned in the input's order.
 */
export function placeLabels(
  spots: readonly LabelSpot[],
  width: number,
  height: number,
  obstacles: readonly Box[] = [],
): PlacedLabel[] {
  const order = spots.map((_, i) => i).sort((a, b) => (spots[b]?.r ?? 0) - (spots[a]?.r ?? 0))
  const taken: Box[] = [
    ...spots.map((s) => ({ x0: s.x - s.r, y0: s.y - s.r, x1: s.x + s.r, y1: s.y + s.r })),
    ...obstacles,
  ]
  const placed: PlacedLabel[] = new Array<PlacedLabel>(spots.length)
  for (const i of order) {
    const s = spots[i]
    if (s === undefined) continue
    const gap = 4
    const candidates: PlacedLabel[] = [
      { x: s.x + s.r + gap, y: s.y + LABEL_FONT_PX / 3, anchor: 'start' },
      { x: s.x - s.r - gap, y: s.y + LABEL_FONT_PX / 3, anchor: 'end' },
      { x: s.x, y: s.y + s.r + gap + LABEL_FONT_PX, anchor: 'middle' },
      { x: s.x, y: s.y - s.r - gap, anchor: 'middle' },
    ]
    const inside = (b: Box) => b.x0 >= 0 && b.x1 <= width && b.y0 >= 0 && b.y1 <= height
    const own = taken[i]
    const free = candidates.find((c) => {
      const b = boxOf(c, s.text)
      return inside(b) && taken.every((t) => t === own || !overlaps(b, t))
    })
    const choice = free ?? candidates.find((c) => inside(boxOf(c, s.text))) ?? candidates[0]!
    placed[i] = choice
    taken.push(boxOf(choice, s.text))
  }
  return placed
}

/** A campus's short label: its name up to the first comma or parenthesis. */
export function shortLabel(name: string): string {
  const cut = name.search(/[,(]/)
  return (cut > 0 ? name.slice(0, cut) : name).trim().slice(0, 28)
}
