import type { Assumptions } from './constants'
import type { Climate } from './climate'
import { COOLING } from './cooling'
import type { Plant } from './plant'
import type { RackSpec } from './racks'
import type { Scenario } from './scenario'
import type { DesignHour, Dispatch, Readouts } from './simulate'
import type { SiteSpec } from './sites'

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
  readonly dispatch: Dispatch
  readonly assumptions: Assumptions
}

const number = (value: number, digits: number): string =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
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
      `No power supply is configured: an unlimited ${site.grid.zone} grid connection is assumed.`,
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
      p.hydroMw > 0 ? 'power.hydroMw' : 'power.gridMw',
      `Firm supply (${firm} = ${mw(dispatch.firmMw)}) < facility peak ${mw(readouts.facilityPeakMw)}: wind and solar cannot be counted on at the design hour.`,
    )
  }
  if (readouts.unservedMwhPerYear > 0.5) {
    add(
      'SUPPLY_ENERGY_SHORT',
      'critical',
      p.hydroMw > 0 ? 'power.hydroMw' : 'power.gridMw',
      `Supply falls short in ${number(readouts.unservedHours, 0)} hours of the year: ${gwh(readouts.unservedMwhPerYear)} of demand goes unserved (${((100 * readouts.unservedMwhPerYear) / (readouts.energyGwhPerYear * 1000)).toFixed(1)} % of the year's energy).`,
    )
  }
  if (dispatch.hydroScaled) {
    add(
      'HYDRO_ENERGY_CAP',
      'warning',
      'power.hydroCapacityFactor',
      `Hydro's annual energy (${mw(p.hydroMw)} × 8,760 h × ${p.hydroCapacityFactor}) is less than the campus would draw from it: hydro is rationed across the year.`,
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
    (cooling.liquidSink === 'dry' || cooling.liquidSink === 'adiabatic')
  ) {
    const hours = readouts.liquidChillerHours
    const coolers = cooling.liquidSink === 'dry' ? 'Dry coolers' : 'Adiabatic coolers'
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
  if (cooling.liquidSink === 'tower' && minDryBulb(ctx.climate) < -5) {
    add(
      'TOWER_FREEZE',
      'info',
      'cooling',
      `Open cooling towers at ${site.label} (${minDryBulb(ctx.climate).toFixed(0)} °C in the typical year) need freeze protection and basin heaters (not modelled).`,
    )
  }
  if (
    scenario.heatReuseFraction > 0 &&
    (!cooling.liquid || scenario.liquidSupplyC + a.liquidDeltaK < a.heatReuseMinSupplyC + 10)
  ) {
    add(
      'HEAT_REUSE_HEAT_PUMP',
      'info',
      'heatReuseFraction',
      `Heat leaves the halls at about ${cooling.liquid ? scenario.liquidSupplyC + a.liquidDeltaK : 35} °C; district heating at 60–80 °C needs heat pumps, whose power is not in these figures.`,
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
    p.windTurbines > 0 &&
    readouts.supplyGwh.curtailed >
      0.05 * (readouts.supplyGwh.wind + readouts.supplyGwh.solar + readouts.supplyGwh.curtailed)
  ) {
    add(
      'RENEWABLE_CURTAILED',
      'info',
      'power.batteryMwh',
      `${number(readouts.supplyGwh.curtailed, 0)} GWh a year of wind and solar exceed the campus's demand and are curtailed or exported.`,
    )
  }
  const order: Record<Severity, number> = { critical: 0, warning: 1, info: 2 }
  return out.sort((x, y) => order[x.severity] - order[y.severity])
}

function minDryBulb(climate: Climate): number {
  let min = Infinity
  for (const t of climate.dryBulbC) if (t < min) min = t
  return min
}
