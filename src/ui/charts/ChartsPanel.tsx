import { useMemo } from 'react'
import uPlot from 'uplot'
import { SUPPLY_SOURCES, type Series } from '../../model'
import { useCampus, useEvaluation, type Units } from '../../state'
import { formatNumber } from '../../state'
import { SOURCE_COLORS, SOURCE_LABELS } from './colors'
import { UPlotChart } from './UPlotChart'

const HOURS = 8760
/** A non-leap reference year in UTC: the typical year has no date of its own. */
const YEAR_START_S = Date.UTC(2025, 0, 1) / 1000
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

const hourTimes = (() => {
  const t = new Float64Array(HOURS)
  for (let i = 0; i < HOURS; i++) t[i] = YEAR_START_S + i * 3600
  return t
})()

/** Start of each month of the reference year, seconds. */
const monthStarts = MONTHS.map((_, m) => Date.UTC(2025, m, 1) / 1000)

/** Month names, or initials where the plot is too narrow for them. */
const monthLabel = (u: uPlot, m: number): string => {
  const name = MONTHS[m] ?? ''
  return u.bbox.width / (window.devicePixelRatio || 1) / 12 < 30 ? name.slice(0, 1) : name
}

const axisStyle = { stroke: '#475467', grid: { stroke: '#eef0f3' }, ticks: { stroke: '#e4e7ec' } }

/** The year hour by hour (temperatures and PUE) and monthly energy by supply source. */
export default function ChartsPanel() {
  const evaluation = useEvaluation()
  const units = useCampus((s) => s.units)
  if (!evaluation) return <p className="muted pad">Loading the site’s year…</p>
  return (
    <div className="charts">
      <figure className="chart">
        <figcaption>The year hour by hour: outside air and PUE</figcaption>
        <YearChart series={evaluation.series} units={units} />
      </figure>
      <figure className="chart">
        <figcaption>Monthly facility energy by supply source (GWh)</figcaption>
        <MonthlySupplyChart series={evaluation.series} />
      </figure>
    </div>
  )
}

function YearChart({ series, units }: { series: Series; units: Units }) {
  const tempUnit = units === 'imperial' ? '°F' : '°C'
  const options = useMemo<Omit<uPlot.Options, 'width' | 'height'>>(
    () => ({
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
      cursor: { drag: { x: true, y: false } },
      legend: { live: true },
      scales: { pue: { auto: true } },
      series: [
        { label: 'Time', value: '{MMM} {D} {HH}:00' },
        {
          label: `Dry bulb (${tempUnit})`,
          stroke: '#d0694c',
          width: 1,
          value: (_u, v) => (v === null ? '–' : formatNumber(v, 1)),
        },
        {
          label: `Wet bulb (${tempUnit})`,
          stroke: '#4e9ad8',
          width: 1,
          value: (_u, v) => (v === null ? '–' : formatNumber(v, 1)),
        },
        {
          label: 'PUE',
          stroke: '#12805c',
          width: 1,
          scale: 'pue',
          value: (_u, v) => (v === null ? '–' : formatNumber(v, 3)),
        },
      ],
      axes: [
        {
          ...axisStyle,
          splits: () => monthStarts,
          values: (u, splits) =>
            splits.map((ts) => monthLabel(u, new Date(ts * 1000).getUTCMonth())),
        },
        { ...axisStyle, label: tempUnit, size: 50 },
        { ...axisStyle, scale: 'pue', side: 1, label: 'PUE', size: 50, grid: { show: false } },
      ],
    }),
    [tempUnit],
  )
  const data = useMemo<uPlot.AlignedData>(() => {
    const toUnit =
      units === 'imperial'
        ? (a: Float32Array) => Float64Array.from(a, (c) => (c * 9) / 5 + 32)
        : (a: Float32Array) => a
    return [hourTimes, toUnit(series.dryBulbC), toUnit(series.wetBulbC), series.pue]
  }, [series, units])
  return (
    <UPlotChart
      key={tempUnit}
      options={options}
      data={data}
      label="Hourly dry-bulb and wet-bulb temperature and PUE over the typical year"
    />
  )
}

function MonthlySupplyChart({ series }: { series: Series }) {
  const monthly = series.monthlySupplyGwh
  // Only sources that supply something this year get a bar and a legend entry.
  const active = SUPPLY_SOURCES.map((source, i) => ({ source, i })).filter(({ i }) =>
    monthly.some((m) => (m[i] ?? 0) > 1e-6),
  )
  const signature = active.map((a) => a.source).join(',')
  const data = useMemo<uPlot.AlignedData>(() => {
    const x = Float64Array.from({ length: 12 }, (_, m) => m)
    const stack: Float64Array[] = []
    let running = new Float64Array(12)
    for (const source of signature.split(',')) {
      const i = SUPPLY_SOURCES.indexOf(source as (typeof SUPPLY_SOURCES)[number])
      running = Float64Array.from(running, (v, m) => v + (monthly[m]?.[i] ?? 0))
      stack.push(running)
    }
    // Drawn from the top of the stack down, so each bar shows its own band over the ones below.
    return [x, ...stack.reverse()]
  }, [monthly, signature])
  const options = useMemo<Omit<uPlot.Options, 'width' | 'height'>>(() => {
    const bars = uPlot.paths.bars?.({ size: [0.7, 48] })
    const sources = signature.split(',').reverse() as (typeof SUPPLY_SOURCES)[number][]
    // A band's own energy: its stacked top minus the top of the band below it.
    const own = (u: uPlot, s: number, idx: number | null): string => {
      if (idx === null) return '–'
      const top = u.data[s]?.[idx] ?? 0
      const below = u.data[s + 1]?.[idx] ?? 0
      return formatNumber((top ?? 0) - (below ?? 0), 1)
    }
    return {
      legend: { live: true },
      cursor: { drag: { x: false, y: false } },
      scales: {
        x: { time: false, range: [-0.6, 11.6] },
        y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.08 : 1] },
      },
      series: [
        { label: 'Month', value: (_u, v) => (v === null ? '–' : (MONTHS[v] ?? '')) },
        ...sources.map((source) => ({
          label: SOURCE_LABELS[source],
          stroke: SOURCE_COLORS[source],
          fill: SOURCE_COLORS[source],
          width: 0,
          ...(bars ? { paths: bars } : {}),
          points: { show: false },
          value: (u: uPlot, _v: number | null, s: number, idx: number | null) => own(u, s, idx),
        })),
      ],
      axes: [
        {
          ...axisStyle,
          splits: () => MONTHS.map((_, m) => m),
          values: (u, splits) => splits.map((m) => monthLabel(u, m)),
          grid: { show: false },
        },
        { ...axisStyle, label: 'GWh', size: 56 },
      ],
    }
  }, [signature])
  if (signature === '') return <p className="muted">No supply configured.</p>
  return (
    <UPlotChart
      key={signature}
      options={options}
      data={data}
      label="Stacked monthly facility energy by supply source"
    />
  )
}
