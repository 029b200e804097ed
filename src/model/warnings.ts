import type { Assumptions } from './constants'
import type { Climate } from './climate'
import { AIR_CLASSES, COOLING } from './cooling'
import type { Plant } from './plant'
import type { RackSpec } from './racks'
import type { Scenario } from './scenario'
import type { Dispatch } from './dispatch'
import type { Readouts } from './simulate'
import type { SiteSpec } from './sites'
import type { Weather } from './weather'
import type { DesignHour, YearPass } from './year'

export type Severity = 'critical' | 'warning' | 'info'

/**
 * A quantity in a warning's text, in SI: `value` (to `to` for a range) in `unit`, written with
 * `digits` decimals; −3, −6, −9 write whole thousands, millions, billions (`710 thousand m³`).
 * The planner shows it in the user's units; the command line prints `message`.
 */
export interface WarningValue {
  readonly value: number
  readonly to?: number
  readonly unit: string
  readonly digits: number
}

/**
 * A binding limit or unsafe choice, in plain words. `field` names the control that resolves it.
 * `message` is the text in SI units; `template` is the same text with each quantity replaced
 * by `{0}`, `{1}`… in the order of `values` (docs/MODEL.md, "Warnings").
 */
export interface Warning {
  readonly code: string
  readonly severity: Severity
  readonly message: string
  readonly field: string
  readonly template: string
  readonly values: readonly WarningValue[]
}

/** Text with quantities: what `say` builds and `add` takes. */
export interface WarningText {
  readonly message: string
  readonly template: string
  readonly values: readonly WarningValue[]
}

const SCALE_WORDS: Readonly<Record<number, string>> = { 3: 'thousand', 6: 'million', 9: 'billion' }

/** One formatter per number of digits: `toLocaleString` builds a new one on every call. */
const formats = new Map<number, Intl.NumberFormat>()
const number = (value: number, digits: number): string => {
  const d = Math.max(0, digits)
  let format = formats.get(d)
  if (format === undefined) {
    format = new Intl.NumberFormat('en-US', { minimumFractionDigits: d, maximumFractionDigits: d })
    formats.set(d, format)
  }
  return format.format(value)
}

/** A quantity's SI text: `12.5 MW`, `60–80 °C`, `710 thousand m³`. */
export function formatWarningValue(v: WarningValue): string {
  const word = SCALE_WORDS[-v.digits]
  const scale = word === undefined ? 1 : 10 ** -v.digits
  const text = (n: number): string => number(n / scale, v.digits)
  const to = v.to === undefined ? '' : `–${text(v.to)}`
  return `${text(v.value)}${to} ${word === undefined ? '' : `${word} `}${v.unit}`
}

/** A quantity for `say`: `q(31.2, '°C', 1)`, `q(60, '°C', 0, 80)` for 60–80 °C. */
const q = (value: number, unit: string, digits: number, to?: number): WarningValue =>
  to === undefined ? { value, unit, digits } : { value, to, unit, digits }

const isText = (part: unknown): part is WarningText =>
  typeof part === 'object' && part !== null && 'template' in part

/**
 * Builds a warning's text from a template literal: quantities (`q(…)`) become placeholders,
 * strings and numbers stay text, nested `say` texts are spliced in.
 */
function say(
  strings: TemplateStringsArray,
  ...parts: readonly (string | number | WarningValue | WarningText)[]
): WarningText {
  let message = strings[0] ?? ''
  let template = message
  const values: WarningValue[] = []
  parts.forEach((part, i) => {
    const after = strings[i + 1] ?? ''
    if (isText(part)) {
      message += part.message
      template += part.template.replace(
        /\{(\d+)\}/g,
        (_, n: string) => `{${Number(n) + values.length}}`,
      )
      values.push(...part.values)
    } else if (typeof part === 'object') {
      message += formatWarningValue(part)
      template += `{${values.length}}`
      values.push(part)
    } else {
      message += String(part)
      template += String(part)
    }
    message += after
    template += after
  })
  return { message, template, values }
}

/** Texts joined with a separator, as one text. */
function joinText(texts: readonly WarningText[], separator: string): WarningText {
  const parts: WarningText[] = []
  texts.forEach((t, i) => parts.push(i === 0 ? t : say`${separator}${t}`))
  return parts.reduce((a, b) => say`${a}${b}`, say``)
}

const mw = (value: number): WarningValue => q(value, 'MW', value >= 100 ? 0 : 1)
const gwh = (mwh: number): WarningValue => q(mwh / 1000, 'GWh', mwh >= 100_000 ? 0 : 1)
/** A temperature as the model holds it: whole degrees shown whole, others to 0.1. */
const degC = (c: number): WarningValue => q(c, '°C', Number.isInteger(c) ? 0 : 1)

export interface WarningContext {
  readonly scenario: Scenario
  readonly site: SiteSpec
  readonly rack: RackSpec
  readonly plant: Plant
  readonly readouts: Omit<Readouts, 'warnings'>
  readonly design: DesignHour
  readonly climate: Climate
  readonly weather: Weather
  readonly year: YearPass
  readonly dispatch: Dispatch
  readonly assumptions: Assumptions
}

/** Every warning that applies, most severe first. */
export function collectWarnings(ctx: WarningContext): Warning[] {
  const { scenario, site, rack, plant, readouts, design, dispatch, assumptions: a } = ctx
  const cooling = COOLING[scenario.cooling]
  const p = scenario.power
  const out: Warning[] = []
  const add = (code: string, severity: Severity, field: string, text: WarningText): void => {
    out.push({ code, severity, field, ...text })
  }

  if (dispatch.assumedGrid) {
    add(
      'SUPPLY_UNSET',
      'info',
      'power.gridMw',
      say`No supply is configured: the site's ${site.grid.zone} grid supplies the campus, unlimited, at its average ${q(site.grid.kgCo2PerKwh, 'kg/kWh', 3)} of CO₂ and ${number(site.grid.renewableShare * 100, 0)} % renewable.`,
    )
  } else if (dispatch.firmMw < readouts.facilityPeakMw) {
    const parts: WarningText[] = []
    if (p.hydroMw > 0) parts.push(say`hydro ${mw(p.hydroMw)}`)
    if (p.gridMw > 0) parts.push(say`grid ${mw(p.gridMw)}`)
    if (p.gasMw > 0) parts.push(say`gas ${mw(p.gasMw)}`)
    if (p.batteryMwh > 0) parts.push(say`battery ${mw(p.batteryMwh / a.batteryHours)}`)
    const firm = parts.length > 0 ? joinText(parts, ' + ') : say`no firm supply`
    add(
      'SUPPLY_PEAK_SHORT',
      'critical',
      p.hydroMw > 0 && p.gridMw === 0 ? 'power.hydroMw' : 'power.gridMw',
      say`Firm supply (${firm} = ${mw(dispatch.firmMw)}) < facility peak ${mw(readouts.facilityPeakMw)}: wind and solar cannot be counted on at the design hour.`,
    )
  }
  if (readouts.unservedMwhPerYear > 0.5) {
    add(
      'SUPPLY_ENERGY_SHORT',
      'critical',
      'power.gridMw',
      say`Supply falls short in ${number(readouts.unservedHours, 0)} hours of the year: ${gwh(readouts.unservedMwhPerYear)} of demand goes unserved (${((100 * readouts.unservedMwhPerYear) / (readouts.energyGwhPerYear * 1000)).toFixed(1)} % of the year's energy).`,
    )
  }
  if (dispatch.hydroScaled) {
    const short = readouts.unservedMwhPerYear > 0.5
    add(
      'HYDRO_ENERGY_CAP',
      short ? 'warning' : 'info',
      'power.hydroCapacityFactor',
      say`The hydro plant's annual energy (${mw(p.hydroMw)} × 8,760 h × ${p.hydroCapacityFactor} = ${gwh(p.hydroMw * 8760 * p.hydroCapacityFactor)}) is less than the campus would draw from it: its reservoir spreads the water over the year and ${short ? 'the rest goes unserved' : 'the grid or gas carries the rest'}.`,
    )
  }
  if (p.hydroMw > 0 && p.hydroCapacityFactor > a.hydroPlantMaxCapacityFactor) {
    add(
      'HYDRO_CF_HIGH',
      'warning',
      'power.hydroCapacityFactor',
      say`A hydro plant delivering ${Math.round(p.hydroCapacityFactor * 100)} % of its rating over the year is rare (the Norwegian fleet averages 48 %): firm supply all year comes from the grid or a contract, not from one plant.`,
    )
  }
  if (readouts.facilityPeakMw > a.siteSupplyWarnMw) {
    add(
      'SUPPLY_SCALE',
      'warning',
      'buildings',
      say`This one site asks for ${q(readouts.facilityPeakMw / 1000, 'GW', 1)} of new supply: the largest single campuses announced so far take ${q(1, 'GW', 0, 2)}, and a grid connection or plant of this size is a multi-year project of its own. Large programmes spread over several sites.`,
    )
  }

  if (p.hydroMw > 0 && !site.hydroResource) {
    add(
      'HYDRO_NOT_LOCAL',
      'warning',
      'power.hydroMw',
      say`${site.label} has no large hydropower nearby: ${mw(p.hydroMw)} of hydro here stands for a plant or contract elsewhere, modelled as if local. Most campuses here draw on the ${site.grid.zone} grid.`,
    )
  }
  const airRackKw = rack.designKw * (1 - plant.liquidShare)
  if (!cooling.liquid && rack.liquidShare > 0) {
    add(
      'RACK_NEEDS_LIQUID',
      'critical',
      'cooling',
      say`${rack.label} racks (${rack.designKw} kW) are built for direct liquid cooling; "${cooling.label}" cannot cool them.`,
    )
  } else if (airRackKw > a.airMaxRackKw) {
    add(
      'AIR_DENSITY',
      'critical',
      'rack',
      say`Air would have to carry ${Math.round(airRackKw)} kW per rack; air cooling tops out near ${a.airMaxRackKw} kW per rack.`,
    )
  }
  if (cooling.liquid && rack.liquidShare === 0) {
    add(
      'LIQUID_LOOP_IDLE',
      'info',
      'cooling',
      say`${rack.label} racks are air-cooled: the liquid loop carries nothing and all heat goes through the air path.`,
    )
  }
  if (
    cooling.liquid &&
    rack.maxLiquidSupplyC !== null &&
    scenario.liquidSupplyC > rack.maxLiquidSupplyC
  ) {
    add(
      'LIQUID_TOO_WARM',
      'critical',
      'liquidSupplyC',
      say`${rack.label} cold plates take facility water up to about ${degC(rack.maxLiquidSupplyC)}; ${degC(scenario.liquidSupplyC)} is too warm.`,
    )
  }
  if (
    design.liquidNeedsChillers &&
    (cooling.liquidSink === 'dry' ||
      cooling.liquidSink === 'adiabatic' ||
      cooling.liquidSink === 'hybrid')
  ) {
    const hours = readouts.liquidChillerHours
    const coolers =
      cooling.liquidSink === 'dry'
        ? 'Dry coolers'
        : cooling.liquidSink === 'hybrid'
          ? 'Hybrid coolers'
          : 'Adiabatic coolers'
    const noChillers = Math.ceil(design.liquidSupplyNoChillersC)
    const rackLimit =
      rack.maxLiquidSupplyC === null
        ? say``
        : say` (${rack.label} cold plates take up to ${degC(rack.maxLiquidSupplyC)})`
    // A few hundred hours of trim chillers is ordinary design; more is a choice to question.
    add(
      'DRY_NEEDS_CHILLERS',
      hours > 0.05 * 8760 ? 'warning' : 'info',
      'liquidSupplyC',
      say`${coolers} alone cannot hold ${degC(scenario.liquidSupplyC)} facility water in ${number(hours, 0)} hours of the typical year (up to ${q(readouts.designDryBulbC, '°C', 1)} outside): trim chillers of ${mw(readouts.chillerCapacityMwTh)} thermal carry them. A supply of ${degC(noChillers)} or more needs none${rackLimit}.`,
    )
  }
  if (cooling.evaporative && site.waterStressed && readouts.waterM3PerYear > 1000) {
    add(
      'WATER_STRESS',
      'warning',
      'cooling',
      say`${site.label} is water-stressed (WRI Aqueduct); this cooling evaporates ${q(readouts.waterM3PerYear, 'm³', -3)} a year. Dry coolers would use almost none.`,
    )
  }
  if (scenario.cooling === 'dlc-seawater' && site.seaTempMonthlyC === null) {
    add(
      'NO_SEA_ACCESS',
      'warning',
      'cooling',
      say`${site.label} has no sea or fjord: seawater cooling is computed as lake or river water at the monthly mean air temperature (at least ${degC(4)}), which needs a permit and a large water body.`,
    )
  }
  if (cooling.liquidSink === 'tower' && ctx.weather.minDryBulbC < -5) {
    add(
      'TOWER_FREEZE',
      'info',
      'cooling',
      say`Open cooling towers at ${site.label} see ${q(ctx.weather.minDryBulbC, '°C', 0)} in the typical year${scenario.climateOffsetC !== 0 ? ' (with the climate offset)' : ''}: fans slow and water bypasses the fill to keep it above freezing, basins need heaters and plumes can ice (not modelled). Hybrid coolers run dry in frost.`,
    )
  }
  if (scenario.heatReuseFraction > 0 && readouts.heatPumpCop > 0) {
    const sourceC = cooling.liquid ? plant.liquid.returnC : plant.air.returnC
    add(
      'HEAT_REUSE_HEAT_PUMP',
      'info',
      'heatReuseSupplyC',
      say`Heat leaves the halls at about ${degC(sourceC)} and the heat network takes it at ${degC(scenario.heatReuseSupplyC)}: heat pumps (seasonal COP ${readouts.heatPumpCop.toFixed(1)}) add ${gwh(readouts.energyBreakdownGwh.heatPumps * 1000)} a year to facility energy, counted in PUE.`,
    )
  }
  if (cooling.airSink === 'economizer' && ctx.year.humidLockoutHours > 0) {
    const airClass = AIR_CLASSES[scenario.airClass]
    const hours = ctx.year.humidLockoutHours
    add(
      'ECONOMIZER_HUMID',
      hours > 0.2 * 8760 ? 'warning' : 'info',
      'airClass',
      say`Outside air is too humid for ${airClass.id === 'recommended' ? 'the recommended range' : `class ${airClass.id}`} (dew point above ${degC(airClass.maxDewPointC)}) in ${number(hours, 0)} hours of the year: the halls recirculate and DX coils carry all the heat then.`,
    )
  }
  if (p.batteryMwh > 0 && p.windTurbines === 0 && p.solarMw === 0) {
    add(
      'BATTERY_IDLE',
      'info',
      'power.batteryMwh',
      say`The battery charges only from surplus wind and solar, and none is configured: it never cycles (it still counts as firm backup power).`,
    )
  }
  if (ctx.climate.synthesised) {
    add(
      'CLIMATE_SYNTHESISED',
      'info',
      'site',
      say`${site.label}'s hourly year is synthesised from monthly statistics (${ctx.climate.quality}); treat peak and water figures as indicative.`,
    )
  }
  const generatedMwh = dispatch.windGeneratedMwh + dispatch.solarGeneratedMwh
  if (
    (p.windTurbines > 0 || p.solarMw > 0) &&
    readouts.supplyGwh.curtailed > 0.05 * (generatedMwh / 1000)
  ) {
    const which =
      p.windTurbines > 0 && p.solarMw > 0 ? 'wind and solar' : p.windTurbines > 0 ? 'wind' : 'solar'
    add(
      'RENEWABLE_CURTAILED',
      'info',
      'power.batteryMwh',
      say`${q(readouts.supplyGwh.curtailed, 'GWh', 0)} a year of ${which} (${Math.round((100 * readouts.supplyGwh.curtailed * 1000) / generatedMwh)} % of what it generates) exceed the campus's demand and are curtailed or exported.`,
    )
  }
  const order: Record<Severity, number> = { critical: 0, warning: 1, info: 2 }
  return out.sort((x, y) => order[x.severity] - order[y.severity])
}
