import type { Assumptions } from './constants'
import type { Climate } from './climate'
import { COOLING } from './cooling'
import type { Plant } from './plant'
import type { RackSpec } from './racks'
import type { Scenario } from './scenario'
import type { Dispatch } from './dispatch'
import type { Readouts } from './simulate'
import type { SiteSpec } from './sites'
import type { Weather } from './weather'
import type { DesignHour, YearPass } from './year'
import { AIR_CLASSES } from './cooling'

export type Severity = 'critical' | 'warning' | 'info'

/** A binding limit or unsafe choice, in plain words. `field` names the control that resolves it. */
export interface Warning {
  readonly code: string
  readonly severity: Severity
  readonly message: string
  readonly field: string
}

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

/** One formatter per number of digits: `toLocaleString` builds a new one on every call. */
const formats = new Map<number, Intl.NumberFormat>()
const number = (value: number, digits: number): string => {
  let format = formats.get(digits)
  if (format === undefined) {
    format = new Intl.NumberFormat('en-US', {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    })
    formats.set(digits, format)
  }
  return format.format(value)
}
const mw = (value: number): string => `${number(value, value >= 100 ? 0 : 1)} MW`
const gwh = (mwh: number): string => `${number(mwh / 1000, mwh >= 100_000 ? 0 : 1)} GWh`

/** Every warning that applies, most severe first. */
export function collectWarnings(ctx: WarningContext): Warning[] {
  const { scenario, site, rack, plant, readouts, design, dispatch, assumptions: a } = ctx
  const cooling = COOLING[scenario.cooling]
  const p = scenario.power
  const out: Warning[] = []
  const add = (code: string, severity: Severity, field: string, message: string): void => {
    out.push({ code, severity, field, message })
  }

  if (dispatch.assumedGrid) {
    add(
      'SUPPLY_UNSET',
      'info',
      'power.gridMw',
      `No supply is configured: the site's ${site.grid.zone} grid supplies the campus, unlimited, at its average ${number(site.grid.kgCo2PerKwh * 1000, 0)} g CO₂/kWh and ${number(site.grid.renewableShare * 100, 0)} % renewable.`,
    )
  } else if (dispatch.firmMw < readouts.facilityPeakMw) {
    const parts = [
      p.hydroMw > 0 ? `hydro ${mw(p.hydroMw)}` : '',
      p.gridMw > 0 ? `grid ${mw(p.gridMw)}` : '',
      p.gasMw > 0 ? `gas ${mw(p.gasMw)}` : '',
      p.batteryMwh > 0 ? `battery ${mw(p.batteryMwh / a.batteryHours)}` : '',
    ].filter(Boolean)
    const firm = parts.length > 0 ? parts.join(' + ') : 'no firm supply'
    add(
      'SUPPLY_PEAK_SHORT',
      'critical',
      p.hydroMw > 0 && p.gridMw === 0 ? 'power.hydroMw' : 'power.gridMw',
      `Firm supply (${firm} = ${mw(dispatch.firmMw)}) < facility peak ${mw(readouts.facilityPeakMw)}: wind and solar cannot be counted on at the design hour.`,
    )
  }
  if (readouts.unservedMwhPerYear > 0.5) {
    add(
      'SUPPLY_ENERGY_SHORT',
      'critical',
      p.gridMw === 0 && p.hydroMw > 0
        ? 'power.gridMw'
        : p.hydroMw > 0
          ? 'power.hydroMw'
          : 'power.gridMw',
      `Supply falls short in ${number(readouts.unservedHours, 0)} hours of the year: ${gwh(readouts.unservedMwhPerYear)} of demand goes unserved (${((100 * readouts.unservedMwhPerYear) / (readouts.energyGwhPerYear * 1000)).toFixed(1)} % of the year's energy).`,
    )
  }
  if (dispatch.hydroScaled) {
    const rest =
      readouts.unservedMwhPerYear > 0.5
        ? 'the rest goes unserved'
        : 'the grid or gas carries the rest'
    add(
      'HYDRO_ENERGY_CAP',
      readouts.unservedMwhPerYear > 0.5 ? 'warning' : 'info',
      'power.hydroCapacityFactor',
      `The hydro plant's annual energy (${mw(p.hydroMw)} × 8,760 h × ${p.hydroCapacityFactor} = ${gwh(p.hydroMw * 8760 * p.hydroCapacityFactor)}) is less than the campus would draw from it: its reservoir spreads the water over the year and ${rest}.`,
    )
  }
  if (p.hydroMw > 0 && p.hydroCapacityFactor > a.hydroPlantMaxCapacityFactor) {
    add(
      'HYDRO_CF_HIGH',
      'warning',
      'power.hydroCapacityFactor',
      `A hydro plant delivering ${Math.round(p.hydroCapacityFactor * 100)} % of its rating over the year is rare (the Norwegian fleet averages 48 %): firm supply all year comes from the grid or a contract, not from one plant.`,
    )
  }
  if (readouts.facilityPeakMw > a.siteSupplyWarnMw) {
    add(
      'SUPPLY_SCALE',
      'warning',
      'buildings',
      `This one site asks for ${number(readouts.facilityPeakMw / 1000, 1)} GW of new supply: the largest single campuses announced so far take 1–2 GW, and a grid connection or plant of this size is a multi-year project of its own. Large programmes spread over several sites.`,
    )
  }
  if (p.hydroMw > 0 && !site.hydroResource) {
    add(
      'HYDRO_NOT_LOCAL',
      'warning',
      'power.hydroMw',
      `${site.label} has no large hydropower nearby: ${mw(p.hydroMw)} of hydro here stands for a plant or contract elsewhere, modelled as if local. Most campuses here draw on the ${site.grid.zone} grid.`,
    )
  }
  const airRackKw = rack.designKw * (1 - plant.liquidShare)
  if (!cooling.liquid && rack.liquidShare > 0) {
    add(
      'RACK_NEEDS_LIQUID',
      'critical',
      'cooling',
      `${rack.label} racks (${rack.designKw} kW) are built for direct liquid cooling; "${cooling.label}" cannot cool them.`,
    )
  } else if (airRackKw > a.airMaxRackKw) {
    add(
      'AIR_DENSITY',
      'critical',
      'rack',
      `Air would have to carry ${Math.round(airRackKw)} kW per rack; air cooling tops out near ${a.airMaxRackKw} kW per rack.`,
    )
  }
  if (cooling.liquid && rack.liquidShare === 0) {
    add(
      'LIQUID_LOOP_IDLE',
      'info',
      'cooling',
      `${rack.label} racks are air-cooled: the liquid loop carries nothing and all heat goes through the air path.`,
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
      `${rack.label} cold plates take facility water up to about ${rack.maxLiquidSupplyC} °C; ${scenario.liquidSupplyC} °C is too warm.`,
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
        ? ''
        : ` (${rack.label} cold plates take up to ${rack.maxLiquidSupplyC} °C)`
    // A few hundred hours of trim chillers is ordinary design; more is a choice to question.
    add(
      'DRY_NEEDS_CHILLERS',
      hours > 0.05 * 8760 ? 'warning' : 'info',
      'liquidSupplyC',
      `${coolers} alone cannot hold ${scenario.liquidSupplyC} °C facility water in ${number(hours, 0)} hours of the typical year (up to ${readouts.designDryBulbC.toFixed(1)} °C outside): trim chillers of ${mw(readouts.chillerCapacityMwTh)} thermal carry them. A supply of ${noChillers} °C or more needs none${rackLimit}.`,
    )
  }
  if (cooling.evaporative && site.waterStressed && readouts.waterM3PerYear > 1000) {
    add(
      'WATER_STRESS',
      'warning',
      'cooling',
      `${site.label} is water-stressed (WRI Aqueduct); this cooling evaporates ${number(readouts.waterM3PerYear / 1000, 0)} thousand m³ a year. Dry coolers would use almost none.`,
    )
  }
  if (scenario.cooling === 'dlc-seawater' && site.seaTempMonthlyC === null) {
    add(
      'NO_SEA_ACCESS',
      'warning',
      'cooling',
      `${site.label} has no sea or fjord: seawater cooling is computed as lake or river water at the monthly mean air temperature (at least 4 °C), which needs a permit and a large water body.`,
    )
  }
  if (cooling.liquidSink === 'tower' && ctx.weather.minDryBulbC < -5) {
    add(
      'TOWER_FREEZE',
      'info',
      'cooling',
      `Open cooling towers at ${site.label} see ${ctx.weather.minDryBulbC.toFixed(0)} °C in the typical year${scenario.climateOffsetC !== 0 ? ' (with the climate offset)' : ''}: fans slow and water bypasses the fill to keep it above freezing, basins need heaters and plumes can ice (not modelled). Hybrid coolers run dry in frost.`,
    )
  }
  if (scenario.heatReuseFraction > 0 && readouts.heatPumpCop > 0) {
    const sourceC = cooling.liquid ? plant.liquid.returnC : plant.air.returnC
    add(
      'HEAT_REUSE_HEAT_PUMP',
      'info',
      'heatReuseSupplyC',
      `Heat leaves the halls at about ${sourceC.toFixed(0)} °C and the heat network takes it at ${scenario.heatReuseSupplyC} °C: heat pumps (seasonal COP ${readouts.heatPumpCop.toFixed(1)}) add ${gwh(readouts.energyBreakdownGwh.heatPumps * 1000)} a year to facility energy, counted in PUE.`,
    )
  }
  if (cooling.airSink === 'economizer' && ctx.year.humidLockoutHours > 0) {
    const airClass = AIR_CLASSES[scenario.airClass]
    const hours = ctx.year.humidLockoutHours
    add(
      'ECONOMIZER_HUMID',
      hours > 0.2 * 8760 ? 'warning' : 'info',
      'airClass',
      `Outside air is too humid for class ${airClass.id === 'recommended' ? 'the recommended range' : airClass.id} (dew point above ${airClass.maxDewPointC} °C) in ${number(hours, 0)} hours of the year: the halls recirculate and DX coils carry all the heat then.`,
    )
  }
  if (p.batteryMwh > 0 && p.windTurbines === 0 && p.solarMw === 0) {
    add(
      'BATTERY_IDLE',
      'info',
      'power.batteryMwh',
      'The battery charges only from surplus wind and solar, and none is configured: it never cycles (it still counts as firm backup power).',
    )
  }
  if (ctx.climate.synthesised) {
    add(
      'CLIMATE_SYNTHESISED',
      'info',
      'site',
      `${site.label}'s hourly year is synthesised from monthly statistics (${ctx.climate.quality}); treat peak and water figures as indicative.`,
    )
  }
  if (
    (p.windTurbines > 0 || p.solarMw > 0) &&
    readouts.supplyGwh.curtailed >
      0.05 * ((dispatch.windGeneratedMwh + dispatch.solarGeneratedMwh) / 1000)
  ) {
    const which =
      p.windTurbines > 0 && p.solarMw > 0 ? 'wind and solar' : p.windTurbines > 0 ? 'wind' : 'solar'
    add(
      'RENEWABLE_CURTAILED',
      'info',
      'power.batteryMwh',
      `${number(readouts.supplyGwh.curtailed, 0)} GWh a year of ${which} (${Math.round((100 * readouts.supplyGwh.curtailed * 1000) / (dispatch.windGeneratedMwh + dispatch.solarGeneratedMwh))} % of what it generates) exceed the campus's demand and are curtailed or exported.`,
    )
  }
  const order: Record<Severity, number> = { critical: 0, warning: 1, info: 2 }
  return out.sort((x, y) => order[x.severity] - order[y.severity])
}
