import { READOUT_SPEC_BY_KEY, SITES, type ReadoutKey, type Readouts, type Scenario } from '../model'
import {
  formatQuantity,
  formatTemperatureDelta,
  joinUnit,
  type LabelFigure,
  type LegendAssetId,
  type Shown,
  type Units,
} from '../state'

/** What an exported image says about itself, so it stands alone on a slide. */
export interface Caption {
  readonly title: string
  readonly subtitle: string
  readonly figures: readonly { readonly label: string; readonly value: string }[]
  readonly legend: readonly { readonly label: string; readonly color: string }[]
  readonly note: string | null
}

/** The key readouts a slide needs, in reading order. */
export const CAPTION_READOUTS: readonly ReadoutKey[] = [
  'facilityPeakMw',
  'itDesignMw',
  'pueAnnual',
  'gpuCount',
  'computeBf16Pflops',
  'energyGwhPerYear',
  'renewableShare',
  'co2TonnesPerYear',
  'waterM3PerYear',
  'siteAreaHa',
]

export interface LegendEntry {
  readonly id: LegendAssetId
  readonly label: string
  readonly color: string
}

/**
 * Colours of the scene's main assets as they read in an overview (legend swatches), in the
 * legend's order. A caption lists only the entries whose assets are in the frame (legend.ts).
 */
export const LEGEND: readonly LegendEntry[] = [
  { id: 'buildings', label: 'GPU buildings', color: '#d4d6d8' },
  { id: 'cooling', label: 'Cooling yard', color: '#9aa1a8' },
  { id: 'plant', label: 'Substation and plant', color: '#6d747b' },
  { id: 'lines', label: 'Power lines', color: '#8a8f96' },
  { id: 'hydro', label: 'Hydro plant', color: '#b9b2a4' },
  { id: 'wind', label: 'Wind turbines', color: '#f3f4f5' },
  { id: 'solar', label: 'Solar field', color: '#2c3e5c' },
  { id: 'roads', label: 'Roads', color: '#50565c' },
  { id: 'water', label: 'Water', color: '#4d7d95' },
]

/**
 * A figure for a slide: three or four significant figures with its unit, in the user's units
 * (the planner's readable formatting, state/format.ts); counts from 10,000 read as "100
 * thousand" rather than every digit.
 */
export function formatFigure(value: number, unit: string, digits: number, units: Units): Shown {
  const asCount = unit === 'count' && Math.abs(value) >= 10_000
  return formatQuantity(value, asCount ? '–' : unit, digits, units)
}

/** A label's callout figure as text: "199.2 MW IT", "430 m head". */
export function formatLabelFigure(figure: LabelFigure, units: Units): string {
  const shown = joinUnit(formatFigure(figure.value, figure.unit, figure.digits, units))
  return figure.suffix ? `${shown} ${figure.suffix}` : shown
}

const DATE = new Intl.DateTimeFormat('en-GB', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
})

export function buildCaption(
  scenario: Scenario,
  readouts: Readouts,
  units: Units,
  date: Date,
  viewLabel: string,
  legend: readonly LegendEntry[] = LEGEND,
): Caption {
  const site = SITES[scenario.site]
  const figures = CAPTION_READOUTS.map((key) => {
    const spec = READOUT_SPEC_BY_KEY.get(key)
    const shown = formatFigure(readouts[key], spec?.unit ?? '', spec?.digits ?? 0, units)
    return { label: spec?.label ?? key, value: joinUnit(shown) }
  })
  const offset =
    scenario.climateOffsetC === 0
      ? ''
      : `, climate ${joinUnit(formatTemperatureDelta(scenario.climateOffsetC, units))}`
  return {
    title: scenario.name,
    subtitle: `${site.label}${offset} · ${viewLabel} · ${DATE.format(date)}`,
    figures,
    legend,
    note:
      site.climateQuality === 'synthesised'
        ? 'Hourly climate synthesised from monthly statistics; figures indicative.'
        : null,
  }
}

/** A round length for a scale bar about `targetPx` long: 1, 2 or 5 × 10ⁿ metres. */
export function scaleBarMetres(metresPerPixel: number, targetPx: number): number {
  const raw = metresPerPixel * targetPx
  if (!(raw > 0) || !Number.isFinite(raw)) return 0
  const power = 10 ** Math.floor(Math.log10(raw))
  const step = [1, 2, 5, 10].find((s) => s * power >= raw * 0.75) ?? 10
  return step * power
}

export function formatLength(metres: number): string {
  return metres >= 1000 ? `${metres / 1000} km` : `${metres} m`
}
