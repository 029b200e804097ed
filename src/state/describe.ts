import { BATTERY_MWH_PER_UNIT, UNIT, type CampusLayout, type UnitKind } from '../layout'
import { COOLING, RACKS, type Readouts, type Scenario } from '../model'
import { selectEvaluation } from './derived'
import { formatNumber, formatQuantity, joinUnit } from './format'
import { selectLayout } from './layout'
import { selectShownScenario } from './phase'
import { useCampus, type CampusState, type Selection, type Units } from './store'

/** What the selection card says about the asset selected in the 3D view. */
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

const int = (n: number): string => formatNumber(n, 0)

/** What the card says about a selected asset; null when the selection no longer exists. */
export function describeSelection(
  layout: CampusLayout,
  scenario: Scenario,
  readouts: Readouts,
  selection: Selection,
  units: Units,
): Description | null {
  const q = (value: number, unit: string, digits = 0): string =>
    joinUnit(formatQuantity(value, unit, digits, units))
  const mw = (n: number): string => q(n, 'MW', n >= 100 ? 0 : 1)
  const rack = RACKS[scenario.rack]
  const { index } = selection
  switch (selection.kind) {
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
          ['White space', q(hall.rect.w * hall.rect.d, 'm²')],
        ],
      }
    }
    case 'building': {
      const b = layout.buildings[index]
      if (!b) return null
      const racks = b.hallCount * scenario.racksPerHall
      const size = (m: number): string => formatQuantity(m, 'm', 0, units).text
      return {
        title: `GPU building ${b.index + 1}`,
        subtitle: `${b.hallCount} halls on the upper floor`,
        facts: [
          ['Racks', int(racks)],
          ['GPUs', int(racks * rack.gpusPerRack)],
          ['IT design power', mw((readouts.itDesignMw * racks) / Math.max(1, readouts.rackCount))],
          [
            'Footprint',
            `${size(b.rect.w)} × ${size(b.rect.d)} ${formatQuantity(0, 'm', 0, units).unit}`,
          ],
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
      const unitFacts = [...counts].map(([k, n]) => [UNIT_NAMES[k], int(n)] as const)
      const serves = yard.building === null ? 'Campus-wide' : `Serves building ${yard.building + 1}`
      switch (yard.kind) {
        case 'cooling':
          return {
            title: 'Cooling yard',
            subtitle: `${COOLING[scenario.cooling].label} · ${serves}`,
            facts: [
              ...unitFacts,
              ['Heat rejected at design', q(yard.ratingMw, 'MWth', yard.ratingMw >= 100 ? 0 : 1)],
            ],
          }
        case 'generators':
          return {
            title: 'Standby generators',
            subtitle: serves,
            facts: [...unitFacts, ['Rating', mw(yard.ratingMw)]],
          }
        case 'substation':
          return {
            title: 'Substation',
            subtitle: 'Grid and plant connection',
            facts: [
              ...unitFacts,
              ['Connection', q(yard.ratingMw, 'MVA')],
              ['Facility peak', mw(readouts.facilityPeakMw)],
              ['Voltage', `${layout.lines[0]?.kv ?? 132} kV`],
            ],
          }
        case 'battery':
          return {
            title: 'Battery storage',
            subtitle: '4-hour lithium-ion containers',
            facts: [
              ...unitFacts,
              ['Energy', q(scenario.power.batteryMwh, 'MWh')],
              ['Per container', q(BATTERY_MWH_PER_UNIT, 'MWh')],
            ],
          }
        case 'gas':
          return {
            title: 'Gas turbines',
            subtitle: 'Aeroderivative, dispatched when other supply falls short',
            facts: [...unitFacts, ['Capacity', mw(scenario.power.gasMw)]],
          }
        case 'solar':
          return {
            title: 'Solar field',
            subtitle: `${int(UNIT['solar-block'].ratingMw)} MW blocks, fixed tilt`,
            facts: [
              ...unitFacts,
              ['Capacity', `${mw(scenario.power.solarMw)} AC`],
              ['Area', q(readouts.solarFieldAreaHa, 'ha')],
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
          ['Gross head', q(hydro.headM, 'm')],
          ['Penstocks', int(hydro.penstocks)],
          ['Energy factor', formatNumber(scenario.power.hydroCapacityFactor, 2)],
        ],
      }
    }
    case 'wind': {
      const wind = layout.wind
      if (!wind) return null
      return {
        title: 'Wind farm',
        subtitle: `${wind.turbineMw} MW turbines, ${q(wind.rotorDiameterM, 'm')} rotors`,
        facts: [
          ['Turbines', int(wind.turbines.length)],
          ['Capacity', mw(wind.turbines.length * wind.turbineMw)],
          ['Hub height', q(wind.hubHeightM, 'm')],
          ['Farm area', q(readouts.windFarmAreaHa, 'ha')],
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
}

let last: {
  selection: Selection
  layout: CampusLayout
  scenario: Scenario
  readouts: Readouts
  units: Units
  description: Description | null
} | null = null

/**
 * The selection card's content, memoised on what it reads; null when nothing is selected
 * (without computing a layout) or the selected asset no longer exists.
 */
export function selectSelectionDescription(state: CampusState): Description | null {
  const { selection, units } = state
  if (selection === null) return null
  // The campus of the phase shown: what the 3D view draws and the card describes.
  const scenario = selectShownScenario(state)
  const evaluation = selectEvaluation(state)
  const layout = selectLayout(state)
  if (evaluation === null || layout === null) return null
  const readouts = evaluation.readouts
  if (
    last?.selection !== selection ||
    last.layout !== layout ||
    last.scenario !== scenario ||
    last.readouts !== readouts ||
    last.units !== units
  ) {
    const description = describeSelection(layout, scenario, readouts, selection, units)
    last = { selection, layout, scenario, readouts, units, description }
  }
  return last.description
}

export function useSelectionDescription(): Description | null {
  return useCampus(selectSelectionDescription)
}
