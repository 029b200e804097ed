import { describe, expect, it } from 'vitest'
import { FIELDS, READOUT_SPECS } from '../src/model'
import {
  checkTypedField,
  formatDayOfYear,
  checkTypedNumber,
  fieldDisplay,
  formatChange,
  formatConstant,
  formatFieldValue,
  formatNumber,
  formatQuantity,
  formatTemperatureDelta,
  formatWarning,
  joinUnit,
  localiseText,
  snapToStep,
  stepDecimals,
} from '../src/state/format'

describe('formatNumber', () => {
  it('groups thousands and fixes decimals', () => {
    expect(formatNumber(1234567.891, 1)).toBe('1,234,567.9')
    expect(formatNumber(0.5, 0)).toBe('1')
    expect(formatNumber(-0.04, 1)).toBe('0.0')
    expect(formatNumber(NaN, 2)).toBe('–')
    expect(formatNumber(Infinity, 2)).toBe('–')
  })
})

describe('formatQuantity', () => {
  it('keeps SI units as they are', () => {
    expect(formatQuantity(235.74, 'MW', 1, 'si')).toEqual({ text: '235.7', unit: 'MW' })
    expect(formatQuantity(1.0891, '–', 3, 'si')).toEqual({ text: '1.089', unit: '' })
    expect(formatQuantity(1392, 'count', 0, 'si')).toEqual({ text: '1,392', unit: '' })
  })

  it('shows shares as percentages', () => {
    expect(formatQuantity(0.973, 'share', 3, 'si')).toEqual({ text: '97.3', unit: '%' })
  })

  it('converts to US customary units on request', () => {
    expect(formatQuantity(30, '°C', 1, 'imperial')).toEqual({ text: '86.0', unit: '°F' })
    expect(formatQuantity(-40, '°C', 0, 'imperial').text).toBe('-40')
    expect(formatQuantity(1_000_000, 'm³/yr', 0, 'imperial')).toEqual({
      text: '264',
      unit: 'million gal/yr',
    })
    expect(formatQuantity(3, 'm³', 0, 'imperial')).toEqual({ text: '793', unit: 'gal' })
    expect(formatQuantity(100, 'm', 0, 'imperial')).toEqual({ text: '328', unit: 'ft' })
    expect(formatQuantity(100, 'ha', 1, 'imperial')).toEqual({ text: '247.1', unit: 'acres' })
    expect(formatQuantity(1, 'm²', 0, 'imperial')).toEqual({ text: '11', unit: 'ft²' })
    expect(formatQuantity(3.51685, 'MWth', 1, 'imperial')).toEqual({ text: '1,000', unit: 'RT' })
    expect(formatQuantity(250, 'MW', 1, 'imperial').unit).toBe('MW')
  })

  it('has a finite display for every readout unit in both systems', () => {
    for (const spec of READOUT_SPECS) {
      for (const units of ['si', 'imperial'] as const) {
        const shown = formatQuantity(12.5, spec.unit, spec.digits, units)
        expect(shown.text, spec.key).not.toBe('–')
      }
    }
  })
})

describe('big numbers', () => {
  // The figures the issue quotes: 12,260,159 m³/yr and 4,377,600 PFLOPS (the 4.5 GW programme).
  it('read with three significant figures and a word or the next SI prefix', () => {
    expect(formatQuantity(12_260_159, 'm³/yr', 0, 'si')).toEqual({
      text: '12.3',
      unit: 'million m³/yr',
    })
    expect(formatQuantity(12_260_159, 'm³/yr', 0, 'imperial')).toEqual({
      text: '3.24',
      unit: 'billion gal/yr',
    })
    expect(formatQuantity(4_377_600, 'PFLOPS', 0, 'si')).toEqual({ text: '4.38', unit: 'ZFLOPS' })
    expect(formatQuantity(4512.3, 'MW', 1, 'si')).toEqual({ text: '4.51', unit: 'GW' })
    expect(formatQuantity(35_123, 'GWh/yr', 0, 'si')).toEqual({ text: '35.1', unit: 'TWh/yr' })
    expect(formatQuantity(1_234_567, 't/yr', 0, 'si')).toEqual({ text: '1.23', unit: 'Mt/yr' })
    expect(formatQuantity(350_000, 'm²', 0, 'si')).toEqual({ text: '350', unit: 'thousand m²' })
    expect(formatQuantity(-12_345, 'MW', 1, 'si')).toEqual({ text: '-12.3', unit: 'GW' })
  })

  it('keeps smaller values and counts below a million exact', () => {
    expect(formatQuantity(235.74, 'MW', 1, 'si')).toEqual({ text: '235.7', unit: 'MW' })
    expect(formatQuantity(9876, 'm³', 0, 'si')).toEqual({ text: '9,876', unit: 'm³' })
    expect(formatQuantity(24_320, 'count', 0, 'si')).toEqual({ text: '24,320', unit: '' })
    expect(formatQuantity(1_751_040, 'count', 0, 'si')).toEqual({ text: '1.75', unit: 'million' })
  })

  it('never shows more than four significant figures for a readout (counts: from a million)', () => {
    for (const spec of READOUT_SPECS)
      for (const units of ['si', 'imperial'] as const)
        for (const value of [1234.5678, 98_765.4321, 12_345_678.9, 9.87e9]) {
          if ((spec.unit === 'count' && value < 1e6) || spec.unit === 'share') continue
          const digits = formatQuantity(value, spec.unit, spec.digits, units).text.replace(
            /\D/g,
            '',
          )
          expect(
            digits.replace(/^0+/, '').length,
            `${spec.key} ${units} ${value}`,
          ).toBeLessThanOrEqual(4)
        }
  })
})

describe('temperature deltas and joining', () => {
  it('converts a delta without the 32 offset', () => {
    expect(formatTemperatureDelta(2, 'imperial')).toEqual({ text: '+3.6', unit: '°F' })
    expect(formatTemperatureDelta(-1.5, 'si')).toEqual({ text: '-1.5', unit: '°C' })
    expect(formatTemperatureDelta(0, 'si').text).toBe('0.0')
  })

  it('joins text and unit', () => {
    expect(joinUnit({ text: '5', unit: '' })).toBe('5')
    expect(joinUnit({ text: '5', unit: '%' })).toBe('5 %')
    expect(joinUnit({ text: '5', unit: 'MW' })).toBe('5 MW')
  })
})

describe('steps and typed numbers', () => {
  const racks = { min: 1, max: 600, step: 1, integer: true }
  const utilization = { min: 0.3, max: 1, step: 0.01, integer: false }

  it('derives decimals from steps and snaps without float noise', () => {
    expect(stepDecimals(1)).toBe(0)
    expect(stepDecimals(0.5)).toBe(1)
    expect(stepDecimals(0.01)).toBe(2)
    expect(stepDecimals(1e-7)).toBe(7)
    expect(snapToStep(0.30000000000000004, 0.3, 0.01)).toBe(0.3)
    expect(snapToStep(0.856, 0.3, 0.01)).toBe(0.86)
  })

  it('accepts valid typed values', () => {
    expect(checkTypedNumber(' 200 ', racks)).toEqual({ ok: true, value: 200 })
    expect(checkTypedNumber('0.85', utilization)).toEqual({ ok: true, value: 0.85 })
    expect(checkTypedNumber('1,000', { ...racks, max: 2000 })).toEqual({ ok: true, value: 1000 })
  })

  it.each([
    ['', /Enter a number/],
    ['abc', /Not a number/],
    ['1e9', /between 1 and 600/],
    ['0', /between/],
    ['12.5', /whole number/],
    ['0x10', /Not a number/],
  ])('refuses %j for racks per hall', (text, reason) => {
    const r = checkTypedNumber(text, racks)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.reason).toMatch(reason)
  })

  it('refuses values off the step grid, naming the nearest', () => {
    const r = checkTypedNumber('0.855', utilization)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.reason).toMatch(/multiple of 0.01/)
  })

  it('accepts every field default as typed text', () => {
    for (const f of FIELDS) {
      if (f.kind !== 'number') continue
      expect(checkTypedNumber(String(f.default), f), f.path).toEqual({ ok: true, value: f.default })
    }
  })
})

describe('comparison text', () => {
  it('formats relative changes', () => {
    expect(formatChange(100, 110)).toBe('+10 %')
    expect(formatChange(100, 95.5)).toBe('-4.5 %')
    expect(formatChange(5, 5)).toBe('')
    expect(formatChange(0, 5)).toBe('new')
  })

  it('formats field values with option labels and units', () => {
    const rack = FIELDS.find((f) => f.path === 'rack')
    const hydro = FIELDS.find((f) => f.path === 'power.hydroMw')
    if (!rack || !hydro) throw new Error('schema changed')
    expect(formatFieldValue(rack, 'gb300-nvl72')).toBe('GB300 NVL72')
    expect(formatFieldValue(hydro, 250)).toBe('250 MW')
    expect(formatFieldValue(hydro, 250, 'imperial')).toBe('250 MW')
  })

  it('shows the scenario temperatures in °F with US units', () => {
    const supply = FIELDS.find((f) => f.path === 'liquidSupplyC')
    const offset = FIELDS.find((f) => f.path === 'climateOffsetC')
    if (!supply || !offset) throw new Error('schema changed')
    expect(formatFieldValue(supply, 30)).toBe('30 °C')
    expect(formatFieldValue(supply, 30, 'imperial')).toBe('86.0 °F')
    expect(formatFieldValue(offset, 2, 'imperial')).toBe('+3.6 °F')
  })
})

describe('number boxes in the chosen units', () => {
  const supply = FIELDS.find((f) => f.path === 'liquidSupplyC')
  const offset = FIELDS.find((f) => f.path === 'climateOffsetC')
  const racks = FIELDS.find((f) => f.path === 'racksPerHall')
  if (supply?.kind !== 'number' || offset?.kind !== 'number' || racks?.kind !== 'number')
    throw new Error('schema changed')

  it('reads temperatures in °F (offsets without the 32) and everything else as it is', () => {
    const f = fieldDisplay(supply, 'imperial')
    expect(f.unit).toBe('°F')
    expect(f.toShown(30)).toBeCloseTo(86, 9)
    expect(f.fromShown(86)).toBeCloseTo(30, 9)
    expect(f.step).toBeCloseTo(1.8, 9)
    expect(fieldDisplay(offset, 'imperial').toShown(2)).toBeCloseTo(3.6, 9)
    expect(fieldDisplay(supply, 'si')).toMatchObject({ unit: '°C', decimals: 0 })
    expect(fieldDisplay(racks, 'imperial')).toMatchObject({ unit: '', decimals: 0, step: 1 })
  })

  it('takes a typed °F value to the nearest step and says so', () => {
    expect(checkTypedField('86', supply, 'imperial')).toEqual({ ok: true, value: 30 })
    const rounded = checkTypedField('90', supply, 'imperial')
    expect(rounded).toMatchObject({ ok: true, value: 32 })
    if (rounded.ok) expect(rounded.note).toMatch(/89\.6 °F/)
    const out = checkTypedField('200', supply, 'imperial')
    expect(out.ok).toBe(false)
    if (!out.ok) expect(out.reason).toBe('Must be between 62.6 and 113.0 °F.')
    expect(checkTypedField('hot', supply, 'imperial').ok).toBe(false)
    // In the field's own unit the strict check applies (no silent rounding).
    expect(checkTypedField('30.5', supply, 'si').ok).toBe(false)
  })
})

describe('warnings and quoted temperatures in the chosen units', () => {
  const warning = {
    message:
      'Dry coolers alone cannot hold 30 °C facility water (up to 31.2 °C outside); it evaporates 710 thousand m³ a year; district heating at 60–80 °C.',
    template:
      'Dry coolers alone cannot hold {0} facility water (up to {1} outside); it evaporates {2} a year; district heating at {3}.',
    values: [
      { value: 30, unit: '°C', digits: 0 },
      { value: 31.2, unit: '°C', digits: 1 },
      { value: 710_400, unit: 'm³', digits: -3 },
      { value: 60, to: 80, unit: '°C', digits: 0 },
    ],
  }

  it('formats each quantity like the readouts', () => {
    expect(formatWarning(warning, 'si')).toBe(
      'Dry coolers alone cannot hold 30 °C facility water (up to 31.2 °C outside); it evaporates 710 thousand m³ a year; district heating at 60–80 °C.',
    )
    expect(formatWarning(warning, 'imperial')).toBe(
      'Dry coolers alone cannot hold 86 °F facility water (up to 88.2 °F outside); it evaporates 188 million gal a year; district heating at 140–176 °F.',
    )
  })

  it('converts temperatures quoted in sources', () => {
    expect(localiseText('ASHRAE (H1/A1 air 18–27 °C); ΔT 5–10 K; COP at 7 °C', 'imperial')).toBe(
      'ASHRAE (H1/A1 air 64.4–80.6 °F); ΔT 9–18 °F; COP at 44.6 °F',
    )
    expect(localiseText('18–27 °C', 'si')).toBe('18–27 °C')
    expect(formatConstant(18, '°C', 'imperial')).toBe('64.4 °F')
    expect(formatConstant(5, 'K', 'imperial')).toBe('9 °F')
    expect(formatConstant(0.35, '–', 'imperial')).toBe('0.35')
  })
})

describe('formatDayOfYear', () => {
  it.each([
    [1, '1 Jan'],
    [31, '31 Jan'],
    [32, '1 Feb'],
    [59, '28 Feb'],
    [172, '21 Jun'],
    [365, '31 Dec'],
  ])('day %i is %s', (day, text) => {
    expect(formatDayOfYear(day)).toBe(text)
  })
})
