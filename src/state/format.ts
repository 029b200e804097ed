import type { Units } from './store'

/**
 * Number formatting and unit conversion for display. Values live in SI in the store and in
 * `data-value`; only the text the user reads is converted.
 */

export interface Shown {
  /** The number as text, grouped (1,234.5). */
  readonly text: string
  /** Unit to print after it; '' for ratios and counts. */
  readonly unit: string
}

interface Conversion {
  readonly unit: string
  readonly convert: (si: number) => number
  /** Digits to add to (or remove from) the SI spec's digits. */
  readonly digitsDelta: number
}

const M3_TO_GAL = 264.172052
const M2_TO_FT2 = 10.7639104
const M_TO_FT = 3.2808399
/** International mile. */
const KM_PER_MI = 1.609344
const HA_TO_ACRE = 2.47105381
const TONNE_TO_SHORT_TON = 1.10231131
const KG_TO_LB = 2.20462262
/** One refrigeration ton is 12,000 BTU/h = 3.51685 kW thermal. */
const MWTH_TO_RT = 1000 / 3.51685

/** SI unit → imperial/US customary display. Units not listed are shown as they are (MW, GWh…). */
const IMPERIAL: Readonly<Record<string, Conversion>> = {
  '°C': { unit: '°F', convert: (c) => (c * 9) / 5 + 32, digitsDelta: 0 },
  K: { unit: '°F', convert: (k) => (k * 9) / 5, digitsDelta: 0 },
  'm³/yr': { unit: 'gal/yr', convert: (m3) => m3 * M3_TO_GAL, digitsDelta: 0 },
  'm³': { unit: 'gal', convert: (m3) => m3 * M3_TO_GAL, digitsDelta: 0 },
  'L/kWh': { unit: 'gal/kWh', convert: (l) => (l * M3_TO_GAL) / 1000, digitsDelta: 1 },
  'm²': { unit: 'ft²', convert: (m2) => m2 * M2_TO_FT2, digitsDelta: 0 },
  m: { unit: 'ft', convert: (m) => m * M_TO_FT, digitsDelta: 0 },
  km: { unit: 'mi', convert: (km) => km / KM_PER_MI, digitsDelta: 0 },
  ha: { unit: 'acres', convert: (ha) => ha * HA_TO_ACRE, digitsDelta: 0 },
  't/yr': { unit: 'short tons/yr', convert: (t) => t * TONNE_TO_SHORT_TON, digitsDelta: 0 },
  'kg/kWh': { unit: 'lb/kWh', convert: (kg) => kg * KG_TO_LB, digitsDelta: 0 },
  MWth: { unit: 'RT', convert: (mw) => mw * MWTH_TO_RT, digitsDelta: -1 },
}

const formatters = new Map<number, Intl.NumberFormat>()

/** `value` with `digits` decimals and thousands separators; '–' for non-finite values. */
export function formatNumber(value: number, digits: number): string {
  if (!Number.isFinite(value)) return '–'
  const d = Math.max(0, Math.min(6, Math.round(digits)))
  let formatter = formatters.get(d)
  if (!formatter) {
    formatter = new Intl.NumberFormat('en-US', {
      minimumFractionDigits: d,
      maximumFractionDigits: d,
    })
    formatters.set(d, formatter)
  }
  const text = formatter.format(value)
  // Avoid "-0" and "-0.0" after rounding.
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text
}

/** Units that take the next SI prefix, each ×1000, once a value reaches 1,000 of them. */
const PREFIX_LADDERS: readonly (readonly string[])[] = [
  ['kW', 'MW', 'GW', 'TW'],
  ['MWh', 'GWh', 'TWh'],
  ['MWh/yr', 'GWh/yr', 'TWh/yr', 'PWh/yr'],
  ['MWth', 'GWth', 'TWth'],
  ['MVA', 'GVA'],
  ['PFLOPS', 'EFLOPS', 'ZFLOPS'],
  ['t/yr', 'kt/yr', 'Mt/yr', 'Gt/yr'],
]
const NEXT_PREFIX: ReadonlyMap<string, string> = new Map(
  PREFIX_LADDERS.flatMap((ladder) => ladder.slice(0, -1).map((u, i) => [u, ladder[i + 1] ?? u])),
)
const WORDS: readonly (readonly [number, string])[] = [
  [1e12, 'trillion'],
  [1e9, 'billion'],
  [1e6, 'million'],
  [1e3, 'thousand'],
]

/** Values from here up are shown to three significant figures with a word (or a prefix). */
export const COMPACT_FROM = 10_000
/** Values from here up take the next SI prefix where their unit has one. */
const PREFIX_FROM = 1000

/** Three significant figures: 1.23, 12.3, 123. */
function threeFigures(mantissa: number): string {
  const a = Math.abs(mantissa)
  return formatNumber(mantissa, a >= 99.95 ? 0 : a >= 9.995 ? 1 : 2)
}

/**
 * A big value for reading: three significant figures with the next SI prefix where the unit has
 * one (4.51 GW, 4.38 ZFLOPS) and a word otherwise (12.3 million m³/yr, 3.24 billion gal/yr).
 * Counts stay exact below a million (24,320 racks). `data-value` keeps the number.
 */
function compact(value: number, unit: string, count = false): Shown | null {
  const abs = Math.abs(value)
  let v = value
  let u = unit
  for (let next = NEXT_PREFIX.get(u); next !== undefined && Math.abs(v) >= PREFIX_FROM;) {
    v /= 1000
    u = next
    next = NEXT_PREFIX.get(u)
  }
  const vAbs = Math.abs(v)
  if (u !== unit && vAbs < COMPACT_FROM)
    return { text: vAbs >= 1000 ? formatNumber(v, 0) : threeFigures(v), unit: u }
  if (!(vAbs >= COMPACT_FROM) || (count && abs < 1e6)) return null
  const [scale, word] = WORDS.find(([s]) => vAbs >= s) ?? [1, '']
  return { text: threeFigures(v / scale), unit: u === '' ? word : `${word} ${u}` }
}

/** `digits`, or fewer so that no more than four significant figures show (1,234; 326.1; 1.089). */
function readableDigits(value: number, digits: number): number {
  const whole = Math.abs(value) < 1 ? 0 : Math.floor(Math.log10(Math.abs(value))) + 1
  return Math.min(digits, Math.max(0, 4 - whole))
}

/** A quantity in its SI unit, shown in the chosen unit system. */
export function formatQuantity(value: number, unit: string, digits: number, units: Units): Shown {
  if (unit === 'share')
    return { text: formatNumber(value * 100, Math.max(0, digits - 2)), unit: '%' }
  if (unit === '–' || unit === 'count' || unit === 'ratio') {
    return (
      compact(value, '', unit === 'count') ?? {
        text: formatNumber(value, readableDigits(value, digits)),
        unit: '',
      }
    )
  }
  const conversion = units === 'imperial' ? IMPERIAL[unit] : undefined
  const shownValue = conversion ? conversion.convert(value) : value
  const shownUnit = conversion ? conversion.unit : unit
  const shownDigits = conversion ? digits + conversion.digitsDelta : digits
  return (
    compact(shownValue, shownUnit) ?? {
      // Four significant figures at most: 4,512 m³, 326.1 gal/kWh, 235.7 MW, 1.089.
      text: formatNumber(shownValue, readableDigits(shownValue, shownDigits)),
      unit: shownUnit,
    }
  )
}

/** A temperature difference (climate offset): °C or °F steps, no 32 offset. */
export function formatTemperatureDelta(deltaC: number, units: Units): Shown {
  const signed = (text: string, v: number): string => (v > 0 ? `+${text}` : text)
  if (units === 'imperial') {
    const f = (deltaC * 9) / 5
    return { text: signed(formatNumber(f, 1), f), unit: '°F' }
  }
  return { text: signed(formatNumber(deltaC, 1), deltaC), unit: '°C' }
}

/**
 * A warning's text in the chosen units: the model's `template` with each quantity formatted
 * like the readouts (docs/MODEL.md, "Warnings").
 */
export function formatWarning(
  warning: {
    readonly message: string
    readonly template: string
    readonly values: readonly {
      readonly value: number
      readonly to?: number
      readonly unit: string
      readonly digits: number
    }[]
  },
  units: Units,
): string {
  return warning.template.replace(/\{(\d+)\}/g, (whole, n: string) => {
    const v = warning.values[Number(n)]
    if (!v) return whole
    const digits = Math.max(0, v.digits)
    const from = formatQuantity(v.value, v.unit, digits, units)
    if (v.to === undefined) return joinUnit(from)
    const to = formatQuantity(v.to, v.unit, digits, units)
    return from.unit === to.unit
      ? joinUnit({ text: `${from.text}–${to.text}`, unit: to.unit })
      : `${joinUnit(from)}–${joinUnit(to)}`
  })
}

/** `text unit`, with a thin space before units and none before %. */
export function joinUnit(shown: Shown): string {
  if (shown.unit === '') return shown.text
  return shown.unit === '%' ? `${shown.text} %` : `${shown.text} ${shown.unit}`
}

/** Number of decimals a step implies (0.01 → 2; 0.5 → 1; 10 → 0). */
export function stepDecimals(step: number): number {
  if (!Number.isFinite(step) || step <= 0) return 0
  const text = String(step)
  const exp = /e-(\d+)$/.exec(text)
  if (exp) return Number(exp[1])
  const dot = text.indexOf('.')
  return dot < 0 ? 0 : text.length - dot - 1
}

/** Snaps a value to the field's step grid from `min`, with the step's decimals (no 0.30000000000000004). */
export function snapToStep(value: number, min: number, step: number): number {
  const decimals = stepDecimals(step)
  const snapped = min + Math.round((value - min) / step) * step
  return Number(snapped.toFixed(decimals))
}

export type NumberCheck =
  | { readonly ok: true; readonly value: number; readonly note?: string }
  | { readonly ok: false; readonly reason: string }

interface NumberFieldSpec {
  readonly path: string
  readonly unit: string
  readonly min: number
  readonly max: number
  readonly step: number
  readonly integer: boolean
}

/**
 * Checks what the user typed into a number box: a plain decimal within [min, max], whole when
 * the field is a count. Nothing is rounded silently: off-step values are refused with the reason.
 */
export function checkTypedNumber(
  text: string,
  field: {
    readonly min: number
    readonly max: number
    readonly step: number
    readonly integer: boolean
  },
): NumberCheck {
  const parsed = parseTyped(text)
  if (!parsed.ok) return parsed
  const value = parsed.value
  if (value < field.min || value > field.max) {
    return {
      ok: false,
      reason: `Must be between ${formatNumber(field.min, stepDecimals(field.step))} and ${formatNumber(field.max, stepDecimals(field.step))}.`,
    }
  }
  if (field.integer && !Number.isInteger(value))
    return { ok: false, reason: 'Must be a whole number.' }
  const snapped = snapToStep(value, field.min, field.step)
  if (Math.abs(snapped - value) > field.step * 1e-6) {
    return { ok: false, reason: `Must be a multiple of ${field.step} (nearest: ${snapped}).` }
  }
  return { ok: true, value: snapped }
}

function parseTyped(text: string): NumberCheck {
  const trimmed = text.trim().replace(/,/g, '')
  if (trimmed === '') return { ok: false, reason: 'Enter a number.' }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(trimmed)) {
    return { ok: false, reason: 'Not a number.' }
  }
  const value = Number(trimmed)
  if (!Number.isFinite(value)) return { ok: false, reason: 'Not a finite number.' }
  return { ok: true, value }
}

/** How a number field reads in the chosen units: the box's value, unit, decimals and step. */
export interface FieldDisplay {
  readonly unit: string
  readonly decimals: number
  /** One step of the field in the shown unit. */
  readonly step: number
  readonly toShown: (si: number) => number
  readonly fromShown: (shown: number) => number
}

/**
 * The scenario's temperatures are °C; with US units their boxes read °F (the climate offset is
 * a difference: no 32). Every other field reads in its own unit in both systems (MW, MWh…).
 */
export function fieldDisplay(field: NumberFieldSpec, units: Units): FieldDisplay {
  const decimals = stepDecimals(field.step)
  if (units === 'imperial' && field.unit === '°C') {
    const offset = field.path === 'climateOffsetC' ? 0 : 32
    return {
      unit: '°F',
      decimals: Math.max(1, decimals),
      step: (field.step * 9) / 5,
      toShown: (c) => (c * 9) / 5 + offset,
      fromShown: (f) => ((f - offset) * 5) / 9,
    }
  }
  const unit = field.unit === '–' || field.unit === 'count' ? '' : field.unit
  return { unit, decimals, step: field.step, toShown: (v) => v, fromShown: (v) => v }
}

/**
 * Checks a number typed in the box's unit (fieldDisplay). In the field's own unit this is
 * `checkTypedNumber`; in a converted unit (°F) the value is taken to the nearest step of the
 * field, and `note` says so.
 */
export function checkTypedField(text: string, field: NumberFieldSpec, units: Units): NumberCheck {
  const display = fieldDisplay(field, units)
  if (display.unit === '°F') {
    const parsed = parseTyped(text)
    if (!parsed.ok) return parsed
    const si = display.fromShown(parsed.value)
    const tolerance = field.step * 1e-6
    if (si < field.min - tolerance || si > field.max + tolerance) {
      const bound = (v: number): string => formatNumber(display.toShown(v), display.decimals)
      return {
        ok: false,
        reason: `Must be between ${bound(field.min)} and ${bound(field.max)} °F.`,
      }
    }
    const value = Math.min(field.max, Math.max(field.min, snapToStep(si, field.min, field.step)))
    if (Math.abs(value - si) <= tolerance) return { ok: true, value }
    return {
      ok: true,
      value,
      note: `Set to ${formatNumber(display.toShown(value), display.decimals)} °F, the nearest step of ${formatNumber(display.step, display.decimals)} °F.`,
    }
  }
  return checkTypedNumber(text, field)
}

/** Relative difference of b against a as a signed percentage text; '' when a is 0 or equal. */
export function formatChange(a: number, b: number): string {
  if (!Number.isFinite(a) || !Number.isFinite(b) || a === b) return ''
  if (a === 0) return 'new'
  const pct = ((b - a) / Math.abs(a)) * 100
  const text = formatNumber(pct, Math.abs(pct) < 10 ? 1 : 0)
  return `${pct > 0 ? '+' : ''}${text} %`
}

const plain = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 })

/** A constant as written: as many decimals as it has (up to 6), grouped. */
export function formatPlain(value: number): string {
  return Number.isFinite(value) ? plain.format(value) : '–'
}

/** A scenario field's value as a person reads it: option labels for choices, units for numbers. */
export function formatFieldValue(
  field:
    | ({ readonly kind: 'number' } & NumberFieldSpec)
    | { readonly kind: 'enum'; readonly options: readonly { value: string; label: string }[] }
    | { readonly kind: 'text' },
  value: number | string,
  units: Units = 'si',
): string {
  if (field.kind === 'enum')
    return field.options.find((o) => o.value === value)?.label ?? String(value)
  if (field.kind === 'number' && typeof value === 'number') {
    const display = fieldDisplay(field, units)
    const shown = display.toShown(value)
    const text = display.unit === '°F' ? formatNumber(shown, display.decimals) : String(shown)
    const signed = field.path === 'climateOffsetC' && shown > 0 ? `+${text}` : text
    return display.unit === '' ? signed : `${signed} ${display.unit}`
  }
  return String(value)
}

/** A model constant as written (up to 6 decimals), converted where US units are chosen. */
export function formatConstant(value: number, unit: string, units: Units): string {
  const conversion = units === 'imperial' ? IMPERIAL[unit] : undefined
  if (conversion)
    return `${formatPlain(Number(conversion.convert(value).toPrecision(4)))} ${conversion.unit}`
  return unit === '–' || unit === '' ? formatPlain(value) : `${formatPlain(value)} ${unit}`
}

const TEMPERATURE_IN_TEXT = /(-?\d+(?:\.\d+)?)(?:\s*[–-]\s*(-?\d+(?:\.\d+)?))?\s*(°C|K\b)/g

/**
 * Temperatures quoted in free text (a source's "18–27 °C", "ΔT 5–10 K") in the chosen units:
 * °C as °F, kelvin differences as °F differences. Other text is unchanged.
 */
export function localiseText(text: string, units: Units): string {
  if (units !== 'imperial') return text
  return text.replace(
    TEMPERATURE_IN_TEXT,
    (_whole, a: string, b: string | undefined, unit: string) => {
      const f = (c: string): string => {
        const v = Number(c)
        const converted = unit === '°C' ? (v * 9) / 5 + 32 : (v * 9) / 5
        return formatPlain(Number(converted.toFixed(1)))
      }
      return b === undefined ? `${f(a)} °F` : `${f(a)}–${f(b)} °F`
    },
  )
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/** "21 Jun" for day 172 of a 365-day year. */
export function formatDayOfYear(dayOfYear: number): string {
  let day = dayOfYear
  for (let m = 0; m < 12; m++) {
    const days = MONTH_DAYS[m] ?? 31
    if (day <= days) return `${day} ${MONTHS[m] ?? ''}`
    day -= days
  }
  return `31 Dec`
}
