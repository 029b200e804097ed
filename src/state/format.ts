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
const HA_TO_ACRE = 2.47105381
const TONNE_TO_SHORT_TON = 1.10231131
const KG_TO_LB = 2.20462262
/** One refrigeration ton is 12,000 BTU/h = 3.51685 kW thermal. */
const MWTH_TO_RT = 1000 / 3.51685

/** SI unit → imperial/US customary display. Units not listed are shown as they are (MW, GWh…). */
const IMPERIAL: Readonly<Record<string, Conversion>> = {
  '°C': { unit: '°F', convert: (c) => (c * 9) / 5 + 32, digitsDelta: 0 },
  K: { unit: '°F', convert: (k) => (k * 9) / 5, digitsDelta: 0 },
  'm³/yr': { unit: 'Mgal/yr', convert: (m3) => (m3 * M3_TO_GAL) / 1e6, digitsDelta: 2 },
  'm³': { unit: 'gal', convert: (m3) => m3 * M3_TO_GAL, digitsDelta: 0 },
  'L/kWh': { unit: 'gal/kWh', convert: (l) => (l * M3_TO_GAL) / 1000, digitsDelta: 1 },
  'm²': { unit: 'ft²', convert: (m2) => m2 * M2_TO_FT2, digitsDelta: 0 },
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

/** A quantity in its SI unit, shown in the chosen unit system. */
export function formatQuantity(value: number, unit: string, digits: number, units: Units): Shown {
  if (unit === 'share')
    return { text: formatNumber(value * 100, Math.max(0, digits - 2)), unit: '%' }
  if (unit === '–' || unit === 'count' || unit === 'ratio') {
    return { text: formatNumber(value, digits), unit: '' }
  }
  const conversion = units === 'imperial' ? IMPERIAL[unit] : undefined
  if (!conversion) return { text: formatNumber(value, digits), unit }
  return {
    text: formatNumber(conversion.convert(value), digits + conversion.digitsDelta),
    unit: conversion.unit,
  }
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
  { readonly ok: true; readonly value: number } | { readonly ok: false; readonly reason: string }

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
  const trimmed = text.trim().replace(/,/g, '')
  if (trimmed === '') return { ok: false, reason: 'Enter a number.' }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(trimmed)) {
    return { ok: false, reason: 'Not a number.' }
  }
  const value = Number(trimmed)
  if (!Number.isFinite(value)) return { ok: false, reason: 'Not a finite number.' }
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
    | { readonly kind: 'number'; readonly unit: string }
    | { readonly kind: 'enum'; readonly options: readonly { value: string; label: string }[] }
    | { readonly kind: 'text' },
  value: number | string,
): string {
  if (field.kind === 'enum')
    return field.options.find((o) => o.value === value)?.label ?? String(value)
  if (field.kind === 'number') {
    const unit = field.unit === '–' || field.unit === 'count' ? '' : ` ${field.unit}`
    return `${String(value)}${unit}`
  }
  return String(value)
}
