import { describe, expect, it } from 'vitest'
import { FIELDS, READOUT_SPECS } from '../src/model'
import {
  checkTypedNumber,
  formatChange,
  formatFieldValue,
  formatNumber,
  formatQuantity,
  formatTemperatureDelta,
  joinUnit,
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
      text: '264.17',
      unit: 'Mgal/yr',
    })
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
  })
})
