import { READOUT_SPEC_BY_KEY, SITES, type ReadoutKey, type Readouts, type Scenario } from '../model'
import { formatQuantity, formatTemperatureDelta, joinUnit, type Units } from '../state'

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

/** Colours of the scene's main assets as they read in an overview (legend swatches). */
export const LEGEND: readonly { readonly label: string; readonly color: string }[] = [
  { label: 'GPU buildings', color: '#d4d6d8' },
  { label: 'Cooling yard', color: '#9aa1a8' },
  { label: 'Substation and plant', color: '#6d747b' },
  { label: 'Roads', color: '#50565c' },
  { label: 'Water', color: '#4d7d95' },
]

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
): Caption {
  const site = SITES[scenario.site]
  const figures = CAPTION_READOUTS.map((key) => {
    const spec = READOUT_SPEC_BY_KEY.get(key)
    const shown = formatQuantity(readouts[key], spec?.unit ?? '', spec?.digits ?? 0, units)
    return {
      label: spec?.label ?? key,
      value: shown.unit ? `${shown.text} ${shown.unit}` : shown.text,
    }
  })
  const offset =
    scenario.climateOffsetC === 0
      ? ''
      : `, climate ${joinUnit(formatTemperatureDelta(scenario.climateOffsetC, units))}`
  return {
    title: scenario.name,
    subtitle: `${site.label}${offset} · ${viewLabel} · ${DATE.format(date)}`,
    figures,
    legend: LEGEND,
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
