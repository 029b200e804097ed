/**
 * The utility column west of the plots: from north to south the substation (grid
 * transformers; the lines land on its west side), the gas turbine yard, the battery yard and the entrance
 * (offices and parking, where the access road arrives), with streets between the blocks.
 */
import type { PowerSupply } from '../model'
import { ROAD_WIDTH_M, STREET_M } from './dimensions'
import { INVERTER_SKID } from './equipment'
import { incomingLines, lineKv } from './feeds/lines'
import { unitCentre } from './geometry'
import { hash01 } from './halls'
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
import type { InverterSkid, Point, Rect, Switchyard, Vehicle, Yard } from './types'

/** Margin around the gas and battery yards' units, metres. */
const YARD_MARGIN_M = 10
const ADMIN_W_M = 36
const ADMIN_D_M = 24
/** The offices: three storeys of 4 m. */
export const ADMIN_STOREYS = 3
export const ADMIN_STOREY_M = 4
const PARKING_M2_PER_SPACE = 25
/**
 * Parking stalls, 2.5 × 5 m, in double rows either side of 6.5 m aisles (a 16.5 m module),
 * with a 1.5 m margin round the lot; a car is 4.5 × 1.8 m.
 */
export const STALL = { w: 2.5, d: 5 } as const
const PARKING_AISLE_M = 6.5
const PARKING_MARGIN_M = 1.5
export const CAR = { length: 4.5, width: 1.8, height: 1.45 } as const
/** Share of the stalls taken on a working day. */
const PARKING_OCCUPANCY = 0.8
/**
 * Paint of parked cars, in `Vehicle.colour` order, with their shares (global production mix of
 * recent years, rounded): white, black, grey, silver, blue, red, green, beige.
 */
export const CAR_PAINT_SHARES: readonly (readonly [string, number])[] = [
  ['white', 0.24],
  ['black', 0.2],
  ['grey', 0.17],
  ['silver', 0.15],
  ['blue', 0.1],
  ['red', 0.08],
  ['green', 0.03],
  ['beige', 0.03],
]
/** South of the offices and parking: clear ground, the entrance drive, clear ground (m). */
const ENTRANCE_DRIVE_BAND_M = 4 + ROAD_WIDTH_M + 4

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
  readonly parking: {
    readonly w: number
    readonly d: number
    /** Stalls in each row, and double-row modules (two rows across an aisle) north to south. */
    readonly perRow: number
    readonly modules: number
  }
  /** The blocks, north to south. */
  readonly blocks: readonly ColumnBlock[]
  readonly w: number
  readonly d: number
}

/**
 * Sizes the column: the switchyard for the grid connection (`planSubstation`: 250 MVA
 * transformers, at least two, up to eight a row, and a line entry for each incoming line),
 * gas and battery yards, and parking for 40 + 0.4 per MW of facility peak (at most 2,000
 * spaces, 25 m² each: marked stalls in double rows, at least one stall per space) beside the
 * offices, with the entrance drive south of both. `siteGrid`: the scenario gives no supply of
 * its own (the model's `usesSiteGrid`), so the site's grid line comes in.
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
  const margin2 = 2 * PARKING_MARGIN_M
  const stallsPerRow = Math.max(
    1,
    Math.floor((Math.max(60, Math.sqrt(parkingAreaM2 * 2)) - margin2) / STALL.w),
  )
  const modules = Math.ceil(Math.ceil(spaces / stallsPerRow) / 2)
  const parking = {
    w: stallsPerRow * STALL.w + margin2,
    d: modules * (2 * STALL.d + PARKING_AISLE_M) + margin2,
    perRow: stallsPerRow,
    modules,
  }

  const blocks: ColumnBlock[] = [{ kind: 'substation', w: substation.w, d: substation.d }]
  const margin = 2 * YARD_MARGIN_M
  if (gas) blocks.push({ kind: 'gas', w: gas.w + margin, d: gas.d + margin })
  if (battery) blocks.push({ kind: 'battery', w: battery.w + margin, d: battery.d + margin })
  blocks.push({
    kind: 'entrance',
    w: ADMIN_W_M + 20 + parking.w,
    d: Math.max(ADMIN_D_M, parking.d) + ENTRANCE_DRIVE_BAND_M,
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
  /** Parking stalls and the cars in them. */
  readonly stalls: Rect[]
  readonly cars: Vehicle[]
  /** Centre line of the entrance drive (the access road), metres south. */
  readonly entranceZ: number
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
  let entranceZ = top
  const stalls: Rect[] = []
  const cars: Vehicle[] = []
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
        entranceZ = blockTop + block.d - ENTRANCE_DRIVE_BAND_M / 2
        placeStalls(plan.parking, parking, stalls, cars)
        break
    }
    blockTop += block.d + STREET_M
    streetsZ.push(blockTop - STREET_M / 2)
  }
  streetsZ.pop()
  if (substation === null || switchyard === null) throw new Error('substation not placed')
  return {
    substation,
    switchyard,
    transformers,
    inverters,
    admin,
    parking,
    stalls,
    cars,
    entranceZ,
    streetsZ,
  }
}

/**
 * The lot's stalls, row by row from the north-west (each module: a row nosing north, the
 * aisle, a row nosing south), and a car in 80 % of them (which ones, its paint and how
 * squarely it is parked from a hash of the stall's number, so the same campus parks the same).
 */
function placeStalls(
  plan: UtilityColumnPlan['parking'],
  lot: Rect,
  stalls: Rect[],
  cars: Vehicle[],
): void {
  const left = lot.x - lot.w / 2 + PARKING_MARGIN_M
  const top = lot.z - lot.d / 2 + PARKING_MARGIN_M
  const moduleD = 2 * STALL.d + PARKING_AISLE_M
  for (let m = 0; m < plan.modules; m++)
    for (const row of [0, 1]) {
      const z = top + m * moduleD + (row === 0 ? STALL.d / 2 : moduleD - STALL.d / 2)
      for (let i = 0; i < plan.perRow; i++) {
        const n = stalls.length
        const x = left + (i + 0.5) * STALL.w
        stalls.push({ x, z, w: STALL.w, d: STALL.d })
        if (hash01(n, 3) >= PARKING_OCCUPANCY) continue
        // Nose in toward the row's back: north in the first row of a module, south in the second.
        const yaw = (row === 0 ? Math.PI : 0) + (hash01(n, 5) - 0.5) * 0.08
        cars.push({
          x: x + (hash01(n, 7) - 0.5) * 0.3,
          z: z + (row === 0 ? -1 : 1) * (STALL.d - CAR.length) * 0.3,
          yaw,
          colour: paintOf(hash01(n, 11)),
        })
      }
    }
}

/** The paint index for a share `t` in [0, 1) of the mix. */
function paintOf(t: number): number {
  let sum = 0
  for (let i = 0; i < CAR_PAINT_SHARES.length; i++) {
    sum += CAR_PAINT_SHARES[i]?.[1] ?? 0
    if (t < sum) return i
  }
  return 0
}
