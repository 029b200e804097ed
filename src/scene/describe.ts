import { BATTERY_MWH_PER_UNIT, UNIT, type CampusLayout, type UnitKind } from '../layout'
import { COOLING, RACKS, type Readouts, type Scenario } from '../model'
import type { SelectKind } from './sceneData'

export interface Description {
  readonly title: string
  readonly subtitle: string
  readonly facts: readonly (readonly [string, string])[]
}

const UNIT_NAMES: Readonly<Record<UnitKind, string>> = {
  'dry-cooler': 'Dry coolers',
  'adiabatic-cooler': 'Adiabatic coolers',
  'tower-cell': 'Cooling tower cells',
  chiller: 'Chillers',
  'seawater-hx': 'Seawater heat exchangers',
  'air-handler': 'Economiser air handlers',
  generator: 'Standby generators',
  battery: 'Battery containers',
  'gas-turbine': 'Gas turbines',
  transformer: 'Transformers',
  'solar-block': 'Solar blocks',
}

const int = (n: number) => Math.round(n).toLocaleString('en-US')
const mw = (n: number) => `${n >= 100 ? int(n) : n.toFixed(1)} MW`

/** What the info card says about a selected asset; null when the selection no longer exists. */
export function describeSelection(
  layout: CampusLayout,
  scenario: Scenario,
  readouts: Readouts,
  kind: string,
  index: number,
): Description | null {
  const rack = RACKS[scenario.rack]
  switch (kind as SelectKind) {
    case 'hall': {
      const hall = layout.halls[index]
      if (!hall) return null
      return {
        title: `Hall ${(hall.index % scenario.hallsPerBuilding) + 1}, building ${hall.building + 1}`,
        subtitle: `${rack.label} racks`,
        facts: [
          ['Racks', int(hall.rackCount)],
          ['GPUs', int(hall.gpuCount)],
          ['IT design power', mw(hall.itMw)],
          ['Rows', `${hall.rows} × up to ${hall.racksPerRow}`],
          ['White space', `${int(hall.rect.w * hall.rect.d)} m²`],
        ],
      }
    }
    case 'building': {
      const b = layout.buildings[index]
      if (!b) return null
      const racks = b.hallCount * scenario.racksPerHall
      return {
        title: `GPU building ${b.index + 1}`,
        subtitle: `${b.hallCount} halls on the upper floor`,
        facts: [
          ['Racks', int(racks)],
          ['GPUs', int(racks * rack.gpusPerRack)],
          ['IT design power', mw((readouts.itDesignMw * racks) / Math.max(1, readouts.rackCount))],
          ['Footprint', `${int(b.rect.w)} × ${int(b.rect.d)} m`],
        ],
      }
    }
    case 'cooling':
    case 'generators':
    case 'substation':
    case 'battery':
    case 'gas':
    case 'solar': {
      const yard = layout.yards[index]
      if (!yard) return null
      const counts = new Map<UnitKind, number>()
      for (const row of layout.unitRows.slice(yard.firstRow, yard.firstRow + yard.rowCount))
        counts.set(row.kind, (counts.get(row.kind) ?? 0) + row.count)
      const units = [...counts].map(([k, n]) => [UNIT_NAMES[k], int(n)] as const)
      const serves = yard.building === null ? 'Campus-wide' : `Serves building ${yard.building + 1}`
      switch (yard.kind) {
        case 'cooling':
          return {
            title: 'Cooling yard',
            subtitle: `${COOLING[scenario.cooling].label} · ${serves}`,
            facts: [...units, ['Heat rejected at design', `${mw(yard.ratingMw)} thermal`]],
          }
        case 'generators':
          return {
            title: 'Standby generators',
            subtitle: serves,
            facts: [...units, ['Rating', mw(yard.ratingMw)]],
          }
        case 'substation':
          return {
            title: 'Substation',
            subtitle: 'Grid and plant connection',
            facts: [
              ...units,
              ['Connection', `${int(yard.ratingMw)} MVA`],
              ['Facility peak', mw(readouts.facilityPeakMw)],
              ['Voltage', `${layout.lines[0]?.kv ?? 132} kV`],
            ],
          }
        case 'battery':
          return {
            title: 'Battery storage',
            subtitle: '4-hour lithium-ion containers',
            facts: [
              ...units,
              ['Energy', `${int(scenario.power.batteryMwh)} MWh`],
              ['Per container', `${BATTERY_MWH_PER_UNIT} MWh`],
            ],
          }
        case 'gas':
          return {
            title: 'Gas turbines',
            subtitle: 'Aeroderivative, dispatched when other supply falls short',
            facts: [...units, ['Capacity', mw(scenario.power.gasMw)]],
          }
        case 'solar':
          return {
            title: 'Solar field',
            subtitle: `${int(UNIT['solar-block'].ratingMw)} MW blocks, fixed tilt`,
            facts: [
              ...units,
              ['Capacity', `${mw(scenario.power.solarMw)} AC`],
              ['Area', `${int(readouts.solarFieldAreaHa)} ha`],
            ],
          }
      }
      return null
    }
    case 'hydro': {
      const hydro = layout.hydro
      if (!hydro) return null
      return {
        title: 'Hydro plant',
        subtitle: 'Reservoir, penstock and powerhouse',
        facts: [
          ['Capacity', mw(hydro.mw)],
          ['Gross head', `${int(hydro.headM)} m`],
          ['Penstocks', int(hydro.penstocks)],
          ['Energy factor', scenario.power.hydroCapacityFactor.toFixed(2)],
        ],
      }
    }
    case 'wind': {
      const wind = layout.wind
      if (!wind) return null
      return {
        title: 'Wind farm',
        subtitle: `${wind.turbineMw} MW turbines, ${int(wind.rotorDiameterM)} m rotors`,
        facts: [
          ['Turbines', int(wind.turbines.length)],
          ['Capacity', mw(wind.turbines.length * wind.turbineMw)],
          ['Hub height', `${int(wind.hubHeightM)} m`],
          ['Farm area', `${int(readouts.windFarmAreaHa)} ha`],
        ],
      }
    }
    case 'line': {
      const line = layout.lines[index]
      if (!line) return null
      return {
        title: line.from === 'hydro' ? 'Line from the hydro plant' : 'Grid connection line',
        subtitle: `${line.kv} kV overhead line`,
        facts: [
          ['Towers shown', int(line.towers.length)],
          line.from === 'hydro'
            ? ['Carries', mw(scenario.power.hydroMw)]
            : ['Grid import', scenario.power.gridMw > 0 ? mw(scenario.power.gridMw) : 'unlimited'],
        ],
      }
    }
  }
  return null
}
