import { useEffect, useMemo, useRef, useState } from 'react'
import {
  READOUT_SPEC_BY_KEY,
  SITES,
  programmeToJson,
  type ReadoutKey,
  type TotalKey,
} from '../../model'
import {
  MAP_COLOURS,
  closeProgramme,
  currentProgramme,
  deleteSavedProgramme,
  fileNameFor,
  formatQuantity,
  formatWarning,
  notify,
  openCampus,
  openSavedProgramme,
  saveProgramme,
  setMapColour,
  useCampus,
  useProgramme,
  useProgrammeResult,
  type CampusResult,
  type MapColour,
  type ProgrammeResult,
  type Units,
} from '../../state'
import { exportMapPng } from './exportMap'
import { COLOUR_SCALE_BY_ID, legendTickValues, shortLabel } from './mapMath'
import { ProgrammeMap, mapSize, type MapMarker } from './ProgrammeMap'
import './programme.css'

/** The totals shown above the map, in order; each value carries `data-readout="total.<key>"`. */
export const TOTAL_FIGURES: readonly TotalKey[] = [
  'itDesignMw',
  'facilityPeakMw',
  'energyGwhPerYear',
  'pueAnnual',
  'waterM3PerYear',
  'wueLPerKwh',
  'co2TonnesPerYear',
  'cueKgPerKwh',
  'renewableShare',
  'gpuCount',
  'computeBf16Pflops',
  'siteAreaHa',
]

/** The table's columns: each cell carries `data-readout="<key>"` and `data-value`. */
const COLUMNS: readonly ReadoutKey[] = [
  'facilityPeakMw',
  'itDesignMw',
  'energyGwhPerYear',
  'pueAnnual',
  'wueLPerKwh',
  'co2TonnesPerYear',
  'cueKgPerKwh',
  'renewableShare',
  'gpuCount',
]

function spec(key: ReadoutKey) {
  const s = READOUT_SPEC_BY_KEY.get(key)
  return { label: s?.label ?? key, unit: s?.unit ?? '', digits: s?.digits ?? 0 }
}

function shownText(key: ReadoutKey, value: number, units: Units): string {
  const { unit, digits } = spec(key)
  const shown = formatQuantity(value, unit, digits, units)
  return shown.unit === '' ? shown.text : `${shown.text} ${shown.unit}`
}

/** A campus's value for the map's colour. */
function colourValue(colour: MapColour, c: CampusResult): number {
  const r = c.readouts
  switch (colour) {
    case 'carbon':
      return r?.cueKgPerKwh ?? 0
    case 'pue':
      return r?.pueAnnual ?? 1
    case 'renewable':
      return r?.renewableShare ?? 0
    case 'water':
      return SITES[c.campus.scenario.site].waterStressed ? 1 : 0
  }
}

function colourText(colour: MapColour, c: CampusResult, units: Units): string {
  const r = c.readouts
  if (r === null) return '…'
  switch (colour) {
    case 'carbon':
      return shownText('cueKgPerKwh', r.cueKgPerKwh, units)
    case 'pue':
      return shownText('pueAnnual', r.pueAnnual, units)
    case 'renewable':
      return shownText('renewableShare', r.renewableShare, units)
    case 'water':
      return SITES[c.campus.scenario.site].waterStressed ? 'high or worse' : 'not high'
  }
}

/**
 * The programme page: its totals as readouts, the map (discs sized by facility peak, coloured
 * by the chosen readout), the table of campuses with a total row, and warnings. A campus opens
 * in the 3D planner from its disc or its row.
 */
export default function ProgrammeView() {
  const result = useProgrammeResult()
  const colour = useProgramme((s) => s.colour)
  const units = useCampus((s) => s.units)
  const svgRef = useRef<SVGSVGElement>(null)
  const frameRef = useRef<HTMLDivElement>(null)
  const [busy, setBusy] = useState(false)
  const [size, setSize] = useState(() => mapSize(960))
  useEffect(() => {
    const frame = frameRef.current
    if (frame === null) return
    // The map is drawn for its frame's width (not scaled), so text stays its size.
    const observer = new ResizeObserver(([entry]) => {
      const next = mapSize(entry?.contentRect.width ?? 960)
      setSize((s) => (s.width === next.width && s.height === next.height ? s : next))
    })
    observer.observe(frame)
    return () => observer.disconnect()
  }, [])
  const markers = useMemo(
    () =>
      result?.campuses.map((c): MapMarker => ({
        id: c.campus.id,
        name: c.campus.name,
        label: shortLabel(c.campus.name),
        lat: c.campus.lat,
        lon: c.campus.lon,
        mw: c.readouts?.facilityPeakMw ?? 0,
        mwText: c.readouts ? shownText('facilityPeakMw', c.readouts.facilityPeakMw, units) : '…',
        value: colourValue(colour, c),
        valueText: colourText(colour, c, units),
      })) ?? [],
    [result, colour, units],
  )
  if (result === null) return null
  const scale = COLOUR_SCALE_BY_ID.get(colour)
  if (scale === undefined) return null
  const name = result.programme.name
  // Tick numbers in the user's units; the unit once, in the legend's title.
  const readout = scale.readout
  const shownTicks = legendTickValues(scale).map((v) => {
    if (readout === null) return { text: '', unit: '' }
    const { unit, digits } = spec(readout)
    return formatQuantity(v, unit, digits, units)
  })
  const ticks = shownTicks.map((t) => t.text)
  const tickUnit = shownTicks[0]?.unit ?? ''
  const legendTitle = tickUnit === '' ? scale.title : `${scale.title}, ${tickUnit}`
  const exportJson = (): void => {
    const programme = currentProgramme()
    if (programme === null) return
    download(
      new Blob([programmeToJson(programme)], { type: 'application/json' }),
      fileNameFor(programme.name),
    )
  }
  const exportPng = (): void => {
    const svg = svgRef.current
    if (svg === null || result.total === null) return
    setBusy(true)
    exportMapPng(svg, {
      title: name,
      lines: TOTAL_FIGURES.map((key) => {
        const value = result.total?.[key] ?? 0
        return `${spec(key).label}: ${shownText(key, value, units)}`
      }),
      note: `${result.campuses.length} campuses; facility peak summed over each campus’s own design hour. Campus Planner.`,
    })
      .then((blob) => download(blob, fileNameFor(name).replace(/\.json$/, '-map.png')))
      .catch((error: unknown) =>
        notify({
          tone: 'error',
          title: 'The map image could not be made.',
          details: [error instanceof Error ? error.message : String(error)],
        }),
      )
      .finally(() => setBusy(false))
  }
  return (
    <section className="programme" aria-labelledby="programme-heading">
      <header className="programme-head">
        <div>
          <h2 id="programme-heading" className="programme-title">
            {name}
          </h2>
          <p className="muted small">
            {result.campuses.length} campuses · each counted as built out (its last phase) · choose
            a campus on the map or in the table to open it in 3D
          </p>
        </div>
        <div className="programme-actions">
          <label className="inline-field">
            <span>Colour by</span>
            <select
              className="select"
              value={colour}
              onChange={(e) => {
                const next = MAP_COLOURS.find((c) => c === e.target.value)
                if (next) setMapColour(next)
              }}
            >
              {MAP_COLOURS.map((c) => (
                <option key={c} value={c}>
                  {COLOUR_SCALE_BY_ID.get(c)?.label ?? c}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="btn"
            onClick={() => {
              if (saveProgramme() !== null)
                notify({ tone: 'info', title: `Saved “${name}” in this browser.`, details: [] })
            }}
          >
            Save programme
          </button>
          <button
            type="button"
            className="btn"
            onClick={exportPng}
            disabled={busy || result.total === null}
          >
            Export map image
          </button>
          <button type="button" className="btn" onClick={exportJson}>
            Export programme JSON
          </button>
          <button type="button" className="btn" onClick={closeProgramme}>
            Close programme
          </button>
        </div>
      </header>
      <Totals result={result} units={units} />
      <div className="programme-map-frame" ref={frameRef}>
        <ProgrammeMap
          width={size.width}
          height={size.height}
          markers={markers}
          scale={scale}
          legendTitle={legendTitle}
          ticks={ticks}
          title={name}
          onOpen={(id) => openCampus(id)}
          svgRef={svgRef}
        />
      </div>
      <CampusTable result={result} units={units} />
      <ProgrammeWarnings result={result} units={units} />
      <SavedProgrammes />
    </section>
  )
}

function Totals({ result, units }: { result: ProgrammeResult; units: Units }) {
  const total = result.total
  return (
    <dl className="programme-totals" aria-label="Programme totals" aria-busy={total === null}>
      {TOTAL_FIGURES.map((key) => {
        const value = total?.[key] ?? null
        const { label, unit, digits } = spec(key)
        const shown = value === null ? null : formatQuantity(value, unit, digits, units)
        return (
          <div key={key} className="kpi">
            <dt>
              {label}
              {key === 'facilityPeakMw' && (
                <span className="muted" title="Σ of each campus's own design-hour peak">
                  {' '}
                  (Σ)
                </span>
              )}
            </dt>
            <dd>
              <span
                className="readout-value"
                data-readout={`total.${key}`}
                data-value={value === null ? '' : String(value)}
              >
                {shown ? shown.text : '…'}
              </span>
              {shown && shown.unit !== '' && <span className="kpi-unit">{shown.unit}</span>}
            </dd>
          </div>
        )
      })}
    </dl>
  )
}

function CampusTable({ result, units }: { result: ProgrammeResult; units: Units }) {
  const cell = (key: ReadoutKey, value: number | null) => (
    <td
      key={key}
      className="num"
      data-readout={key}
      data-value={value === null ? '' : String(value)}
    >
      {value === null ? '…' : shownText(key, value, units)}
    </td>
  )
  return (
    <div className="programme-table-frame">
      <table className="programme-table">
        <caption className="visually-hidden">Campuses of {result.programme.name}</caption>
        <thead>
          <tr>
            <th scope="col">Campus</th>
            <th scope="col">Climate site</th>
            {COLUMNS.map((key) => (
              <th key={key} scope="col" className="num">
                {spec(key).label}
              </th>
            ))}
            <th scope="col" className="num">
              Warnings
            </th>
          </tr>
        </thead>
        <tbody>
          {result.campuses.map((c) => {
            const r = c.readouts
            const serious = r?.warnings.filter((w) => w.severity !== 'info').length ?? 0
            return (
              <tr key={c.campus.id} data-campus={c.campus.id}>
                <th scope="row">
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => openCampus(c.campus.id)}
                    title={`Open ${c.campus.name} in the 3D view`}
                  >
                    {c.campus.name}
                  </button>
                </th>
                <td>
                  {SITES[c.campus.scenario.site].label}
                  {c.siteDistanceKm >= 1 && (
                    <span className="muted"> · {Math.round(c.siteDistanceKm)} km</span>
                  )}
                </td>
                {COLUMNS.map((key) => cell(key, r === null ? null : r[key]))}
                <td className="num">{r === null ? '…' : serious}</td>
              </tr>
            )
          })}
        </tbody>
        <tfoot>
          <tr data-total="">
            <th scope="row">Total</th>
            <td>{result.campuses.length} campuses</td>
            {COLUMNS.map((key) => {
              const total = result.total
              return cell(key, total === null || !(key in total) ? null : total[key as TotalKey])
            })}
            <td className="num">{result.warnings.length}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  )
}

function ProgrammeWarnings({ result, units }: { result: ProgrammeResult; units: Units }) {
  const lines = [
    ...result.warnings.map((w) => ({
      key: `p-${w.campus}-${w.code}`,
      severity: w.severity,
      text: formatWarning(w, units),
    })),
    ...result.campuses.flatMap((c) =>
      (c.readouts?.warnings ?? [])
        .filter((w) => w.severity !== 'info')
        .map((w) => ({
          key: `${c.campus.id}-${w.code}`,
          severity: w.severity,
          text: `${shortLabel(c.campus.name)}: ${formatWarning(w, units)}`,
        })),
    ),
  ]
  if (lines.length === 0) return null
  const critical = lines.filter((l) => l.severity === 'critical').length
  return (
    <details className="programme-warnings" open={critical > 0 || result.warnings.length > 0}>
      <summary>
        Warnings ({lines.length}
        {critical > 0 ? `, ${critical} critical` : ''})
      </summary>
      <ul data-readout="programme-warnings">
        {lines.map((l) => (
          <li key={l.key} className={`warning warning-${l.severity}`}>
            {l.text}
          </li>
        ))}
      </ul>
    </details>
  )
}

/** Programmes saved in this browser: open or delete. */
function SavedProgrammes() {
  const saved = useProgramme((s) => s.saved)
  if (saved.length === 0) return null
  return (
    <details className="programme-saved">
      <summary>Saved in this browser ({saved.length})</summary>
      <ul aria-label="Saved programmes">
        {saved.map((e) => (
          <li key={e.id}>
            <span>
              {e.programme.name}{' '}
              <span className="muted small">
                · {e.programme.campuses.length} campuses · {new Date(e.savedAtMs).toLocaleString()}
              </span>
            </span>
            <button type="button" className="btn" onClick={() => openSavedProgramme(e.id)}>
              Open
            </button>
            <button type="button" className="btn" onClick={() => deleteSavedProgramme(e.id)}>
              Delete
            </button>
          </li>
        ))}
      </ul>
    </details>
  )
}

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
