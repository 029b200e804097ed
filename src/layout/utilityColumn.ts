/**
 * The utility column west of the plots: from north to south the substation (grid
 * transformers; the lines land on its west side), the gas turbine yard, the battery yard and the entrance
 * (offices and parking, where the access road arrives), with streets between the blocks.
 */
import type { PowerSupply } from '../model'
import { STREET_M } from './dimensions'
import { INVERTER_SKID } from './equipment'
import { incomingLines, lineKv } from './feeds/lines'
import { unitCentre } from './geometry'
import { layoutSwitchyard, planSubstation, type SubstationPlan } from './switchyard'
import {
  addYard,
  planBatteryYard,
  planGasYard,
  type BatteryYardPlan,
  type PackedRow,
  type Packing,
  type Placed,
} from './yards'
import type { InverterSkid, Point, Rect, Switchyard, Yard } from './types'

/** Margin around the gas and battery yards' units, metres. */
const YARD_MARGIN_M = 10
const ADMIN_W_M = 36
const ADMIN_D_M = 24
const PARKING_M2_PER_SPACE = 25

export type ColumnBlockKind = 'substation' | 'gas' | 'battery' | 'entrance'

export interface ColumnBlock {
  readonly kind: ColumnBlockKind
  readonly w: number
  readonly d: number
}

export interface UtilityColumnPlan {
  /** The grid connection the substation is sized for, MVA (at least 1). */
  readonly mva: number
  readonly transformerRows: readonly PackedRow[]
  /** The switchyard: line entries, busbars, bays (`switchyard.ts`). */
  readonly substation: SubstationPlan
  readonly gas: Packing | null
  readonly battery: BatteryYardPlan | null
  readonly parking: { readonly w: number; readonly d: number }
  /** The blocks, north to south. */
  readonly blocks: readonly ColumnBlock[]
  readonly w: number
  readonly d: number
}

/**
 * Sizes the column: the switchyard for the grid connection (`planSubstation`: 250 MVA
 * transformers, at least two, up to eight a row, and a line entry for each incoming line),
 * gas and battery yards, and parking for 40 + 0.4 per MW of facility peak (at most 2,000
 * spaces, 25 m² each) beside the offices. `siteGrid`: the scenario gives no supply of its own
 * (the model's `usesSiteGrid`), so the site's grid line comes in.
 */
export function planUtilityColumn(
  power: Pick<PowerSupply, 'gasMw' | 'batteryMwh' | 'gridMw' | 'hydroMw'>,
  gridConnectionMva: number,
  facilityPeakMw: number,
  siteGrid: boolean,
): UtilityColumnPlan {
  const mva = Math.max(1, gridConnectionMva)
  const substation = planSubstation(mva, lineKv(mva), incomingLines(power, siteGrid))
  const gas = planGasYard(power)
  const battery = planBatteryYard(power)
  const spaces = Math.min(2000, Math.ceil(40 + 0.4 * facilityPeakMw))
  const parkingAreaM2 = spaces * PARKING_M2_PER_SPACE
  const parkingW = Math.max(60, Math.sqrt(parkingAreaM2 * 2))
  const parking = { w: parkingW, d: parkingAreaM2 / parkingW }

  const blocks: ColumnBlock[] = [{ kind: 'substation', w: substation.w, d: substation.d }]
  const margin = 2 * YARD_MARGIN_M
  if (gas) blocks.push({ kind: 'gas', w: gas.w + margin, d: gas.d + margin })
  if (battery) blocks.push({ kind: 'battery', w: battery.w + margin, d: battery.d + margin })
  blocks.push({
    kind: 'entrance',
    w: ADMIN_W_M + 20 + parking.w,
    d: Math.max(ADMIN_D_M, parking.d),
  })
  return {
    mva,
    transformerRows: substation.transformerRows,
    substation,
    gas,
    battery,
    parking,
    blocks,
    w: Math.max(...blocks.map((b) => b.w)),
    d: blocks.reduce((sum, b) => sum + b.d, 0) + (blocks.length - 1) * STREET_M,
  }
}

export interface UtilityColumnLayout {
  readonly substation: Yard
  readonly switchyard: Switchyard
  readonly transformers: Point[]
  /** Inverter skids of the battery yard. */
  readonly inverters: InverterSkid[]
  readonly admin: Rect
  readonly parking: Rect
  /** Centre lines of the streets between the blocks, metres south. */
  readonly streetsZ: readonly number[]
}

/**
 * Places the column's blocks right-aligned at x = `right`, from z = `top` southwards, into
 * `placed`. The battery yard's rating is its power: energy over the model's battery hours.
 */
export function placeUtilityColumn(
  plan: UtilityColumnPlan,
  power: Pick<PowerSupply, 'gasMw' | 'batteryMwh'>,
  batteryHours: number,
  right: number,
  top: number,
  placed: Placed,
): UtilityColumnLayout {
  let blockTop = top
  let substation: Yard | null = null
  let switchyard: Switchyard | null = null
  const transformers: Point[] = []
  const inverters: InverterSkid[] = []
  let parking: Rect = { x: 0, z: 0, w: 0, d: 0 }
  let admin: Rect = parking
  const streetsZ: number[] = []
  for (const block of plan.blocks) {
    const left = right - block.w
    const rect: Rect = { x: left + block.w / 2, z: blockTop + block.d / 2, w: block.w, d: block.d }
    const unitsLeft = left + YARD_MARGIN_M
    const unitsTop = blockTop + YARD_MARGIN_M
    switch (block.kind) {
      case 'substation': {
        const sub = addYard(
          placed,
          'substation',
          null,
          rect,
          left + plan.substation.westBandM,
          blockTop,
          plan.transformerRows,
          plan.mva,
        )
        const rows = placed.unitRows.slice(sub.firstRow, sub.firstRow + sub.rowCount)
        for (const row of rows)
          for (let k = 0; k < row.count; k++) transformers.push(unitCentre(row, k))
        switchyard = layoutSwitchyard(plan.substation, rect, rows)
        substation = sub
        break
      }
      case 'gas':
        if (plan.gas)
          addYard(placed, 'gas', null, rect, unitsLeft, unitsTop, plan.gas.rows, power.gasMw)
        break
      case 'battery':
        if (plan.battery) {
          const yard = addYard(
            placed,
            'battery',
            null,
            rect,
            unitsLeft,
            unitsTop,
            plan.battery.rows,
            power.batteryMwh / batteryHours,
          )
          for (const skid of plan.battery.skids)
            inverters.push({
              yard: yard.index,
              rect: {
                x: unitsLeft + skid.x,
                z: unitsTop + skid.z,
                w: INVERTER_SKID.w,
                d: INVERTER_SKID.d,
              },
            })
        }
        break
      case 'entrance':
        admin = {
          x: left + ADMIN_W_M / 2,
          z: blockTop + ADMIN_D_M / 2,
          w: ADMIN_W_M,
          d: ADMIN_D_M,
        }
        parking = {
          x: right - plan.parking.w / 2,
          z: blockTop + plan.parking.d / 2,
          w: plan.parking.w,
          d: plan.parking.d,
        }
        placed.footprints.push({ kind: 'admin', rect: admin }, { kind: 'parking', rect: parking })
        break
    }
    blockTop += block.d + STREET_M
    streetsZ.push(blockTop - STREET_M / 2)
  }
  streetsZ.pop()
  if (substation === null || switchyard === null) throw new Error('substation not placed')
  return { substation, switchyard, transformers, inverters, admin, parking, streetsZ }
}
