import { geoPath } from 'd3-geo'
import { memo, useEffect, useMemo, useState, type Ref } from 'react'
import { loadBasemap, type Basemap } from './basemap'
import {
  LABEL_FONT_PX,
  RAMP,
  colourFor,
  frameProjection,
  markerRadius,
  placeLabels,
  rampColour,
  sizeLegendMw,
  type ColourScale,
} from './mapMath'

/** One campus on the map. */
export interface MapMarker {
  readonly id: string
  readonly name: string
  readonly label: string
  readonly lat: number
  readonly lon: number
  /** Facility peak, MW: the marker's area. */
  readonly mw: number
  /** The coloured readout's value (water stress: 1 or 0). */
  readonly value: number
  /** The value as people read it, with its unit. */
  readonly valueText: string
  readonly mwText: string
}

/** The map's size when nothing else is known (export, first render), px. */
export const MAP_WIDTH = 960
export const MAP_HEIGHT = 560

/** The map's drawing size for a frame `width` px wide: about 16:9, 420 … 640 px high. */
export function mapSize(width: number): { width: number; height: number } {
  const w = Math.round(Math.min(1800, Math.max(480, width)))
  return { width: w, height: Math.round(Math.min(640, Math.max(420, w * 0.56))) }
}

const SEA = '#dfe9f1'
const LAND = '#f6f4ef'
const BORDER = '#b9b3a6'
const INK = '#1d2733'

/** Where the basemap's paths are computed: once per set of campus places (not per edit). */
function useBasemapPaths(places: string, width: number, height: number) {
  const [basemap, setBasemap] = useState<Basemap | null>(null)
  const [failed, setFailed] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    loadBasemap().then(
      (b) => live && setBasemap(b),
      (e: unknown) => live && setFailed(e instanceof Error ? e.message : String(e)),
    )
    return () => {
      live = false
    }
  }, [])
  // `places` ("lat,lon;lat,lon…") is the identity of the campuses' positions: the frame holds
  // while campuses are edited and moves only when one moves.
  const projection = useMemo(() => {
    const points = places === '' ? [] : places.split(';').map((p) => p.split(',').map(Number))
    return frameProjection(
      points.map(([lat = 0, lon = 0]) => ({ lat, lon })),
      width,
      height,
      40,
    )
  }, [places, width, height])
  const paths = useMemo(() => {
    if (basemap === null) return null
    projection.clipExtent([
      [0, 0],
      [width, height],
    ])
    const path = geoPath(projection)
    return {
      land: path(basemap.land) ?? '',
      borders: path(basemap.borders) ?? '',
      states: path(basemap.states) ?? '',
    }
  }, [basemap, projection, width, height])
  return { projection, paths, failed }
}

const fmtMw = (mw: number): string => (mw >= 1000 ? `${mw / 1000} GW` : `${mw} MW`)

/**
 * The programme map: land and borders, each campus a disc sized by its facility peak (area ∝
 * MW) and coloured by the chosen readout, labels placed clear of one another, and a legend.
 * Everything is drawn with presentation attributes, so the SVG exports as it looks.
 */
export const ProgrammeMap = memo(function ProgrammeMap({
  markers,
  scale,
  title,
  onOpen,
  svgRef,
  legendTitle,
  ticks,
  width = MAP_WIDTH,
  height = MAP_HEIGHT,
}: {
  width?: number
  height?: number
  markers: readonly MapMarker[]
  scale: ColourScale
  /** The colour legend's title with its unit, and tick labels (domain ends and middle). */
  legendTitle: string
  ticks: readonly string[]
  title: string
  onOpen: (id: string) => void
  svgRef?: Ref<SVGSVGElement>
}) {
  const places = markers.map((m) => `${m.lat},${m.lon}`).join(';')
  const { projection, paths, failed } = useBasemapPaths(places, width, height)
  const drawn = useMemo(() => {
    const points = markers.map((m) => {
      const [x, y] = projection([m.lon, m.lat]) ?? [0, 0]
      return { marker: m, x, y, r: markerRadius(m.mw) }
    })
    const labels = placeLabels(
      points.map((p) => ({ x: p.x, y: p.y, r: p.r, text: p.marker.label })),
      width,
      height,
      [legendBox(Math.max(0, ...markers.map((m) => m.mw)), height)],
    )
    return points.map((p, i) => ({ ...p, label: labels[i] }))
  }, [markers, projection, width, height])
  // Larger discs first, so smaller ones stay on top and clickable.
  const byArea = [...drawn].sort((a, b) => b.r - a.r)
  const maxMw = Math.max(0, ...markers.map((m) => m.mw))
  return (
    <svg
      ref={svgRef}
      className="programme-map"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role="group"
      aria-label={`Map of ${title}`}
      xmlns="http://www.w3.org/2000/svg"
      fontFamily="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
      data-basemap={paths === null ? (failed === null ? 'loading' : 'failed') : 'ready'}
    >
      <rect width={width} height={height} fill={SEA} />
      {paths && (
        <g aria-hidden="true">
          <path d={paths.land} fill={LAND} stroke="none" />
          <path
            d={paths.states}
            fill="none"
            stroke={BORDER}
            strokeWidth={0.6}
            strokeDasharray="2 2"
          />
          <path d={paths.borders} fill="none" stroke={BORDER} strokeWidth={1} />
        </g>
      )}
      {failed !== null && (
        <text x={16} y={28} fontSize={13} fill={INK}>
          The base map could not be loaded ({failed}); the campuses are placed all the same.
        </text>
      )}
      <g>
        {byArea.map(({ marker, x, y, r }) => (
          <g
            key={marker.id}
            className="programme-marker"
            data-campus={marker.id}
            data-mw={marker.mw}
            data-colour-value={marker.value}
            role="button"
            tabIndex={0}
            aria-label={`${marker.name}: ${marker.mwText}, ${scale.label} ${marker.valueText}. Open in the 3D view`}
            onClick={() => onOpen(marker.id)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' || event.key === ' ') {
                event.preventDefault()
                onOpen(marker.id)
              }
            }}
          >
            <title>{`${marker.name}\n${marker.mwText} · ${scale.label} ${marker.valueText}`}</title>
            <circle
              cx={x}
              cy={y}
              r={r}
              fill={colourFor(scale, marker.value)}
              fillOpacity={0.9}
              stroke={INK}
              strokeWidth={1.2}
            />
          </g>
        ))}
      </g>
      <g aria-hidden="true" fontSize={LABEL_FONT_PX} fill={INK}>
        {drawn.map(({ marker, label }) =>
          label === undefined ? null : (
            <text
              key={marker.id}
              x={label.x}
              y={label.y}
              textAnchor={label.anchor}
              stroke="#ffffff"
              strokeWidth={3}
              strokeOpacity={0.85}
              paintOrder="stroke"
            >
              {marker.label}
            </text>
          ),
        )}
      </g>
      <Legend scale={scale} title={legendTitle} ticks={ticks} maxMw={maxMw} mapHeight={height} />
    </svg>
  )
})

const LEGEND_W = 260

/** The legend's height for the largest campus (its size key grows with it). */
function legendHeight(maxMw: number): number {
  const largest = markerRadius(sizeLegendMw(maxMw).at(-1) ?? 100)
  return 84 + 2 * largest + 10
}

/** Where the legend sits, bottom left: labels keep clear of it. */
function legendBox(maxMw: number, mapHeight: number) {
  const top = mapHeight - legendHeight(maxMw) - 12
  return { x0: 12, y0: top, x1: 12 + LEGEND_W, y1: mapHeight - 12 }
}

/** Colour and size keys, bottom left, inside the SVG (so exports carry them). */
function Legend({
  scale,
  title,
  ticks,
  maxMw,
  mapHeight,
}: {
  scale: ColourScale
  title: string
  ticks: readonly string[]
  maxMw: number
  mapHeight: number
}) {
  const sizes = sizeLegendMw(maxMw)
  const largest = markerRadius(sizes.at(-1) ?? 100)
  const height = legendHeight(maxMw)
  const top = mapHeight - height - 12
  const gradientId = `ramp-${scale.id}`
  const stops = Array.from({ length: 9 }, (_, i) => i / 8)
  return (
    <g className="programme-legend" transform={`translate(12 ${top})`} fontSize={11} fill={INK}>
      <rect
        width={LEGEND_W}
        height={height}
        rx={6}
        fill="#ffffff"
        fillOpacity={0.9}
        stroke={BORDER}
      />
      <text x={10} y={18} fontWeight={600}>
        {title}
      </text>
      {scale.domain === null ? (
        (scale.categories ?? ['', '']).map((label, i) => (
          <g key={label} transform={`translate(${10 + i * 110} 28)`}>
            <rect
              width={14}
              height={14}
              fill={i === 0 ? RAMP[0] : RAMP[4]}
              stroke={INK}
              strokeWidth={0.6}
            />
            <text x={20} y={11}>
              {label}
            </text>
          </g>
        ))
      ) : (
        <g transform="translate(10 26)">
          <defs>
            <linearGradient id={gradientId}>
              {stops.map((t) => (
                <stop key={t} offset={t} stopColor={rampColour(scale.higherIsBetter ? 1 - t : t)} />
              ))}
            </linearGradient>
          </defs>
          <rect
            width={LEGEND_W - 20}
            height={10}
            fill={`url(#${gradientId})`}
            stroke={INK}
            strokeWidth={0.4}
          />
          {ticks.map((text, i) => (
            <text
              key={i}
              x={((LEGEND_W - 20) * i) / 2}
              y={24}
              textAnchor={i === 0 ? 'start' : i === 2 ? 'end' : 'middle'}
            >
              {i === 2 ? `≥ ${text}` : text}
            </text>
          ))}
        </g>
      )}
      <text x={10} y={66}>
        Facility peak (disc area ∝ MW)
      </text>
      <g transform={`translate(${10 + largest} ${84 + 2 * largest})`}>
        {sizes.map((mw) => {
          const r = markerRadius(mw)
          return (
            <g key={mw}>
              <circle cy={-r} r={r} fill="none" stroke={INK} strokeWidth={0.8} />
              <line
                x1={0}
                x2={largest + 14}
                y1={-2 * r}
                y2={-2 * r}
                stroke={INK}
                strokeWidth={0.4}
              />
              <text x={largest + 18} y={-2 * r + 4}>
                {fmtMw(mw)}
              </text>
            </g>
          )
        })}
      </g>
    </g>
  )
}
