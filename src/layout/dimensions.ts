import type { CoolingId } from '../model'
import type { UnitKind, UnitSize } from './types'

/** Rack position: 0.60 m wide × 1.20 m deep, 2.3 m tall (model reference §5, NVL72 class). */
export const RACK_W_M = 0.6
export const RACK_D_M = 1.2
export const RACK_H_M = 2.3
/** Hot and cold aisles between rows, and the service clearance at row ends (reference §5). */
export const AISLE_M = 1.2
export const ROW_END_CLEARANCE_M = 1.8
/** Rows are spaced one rack depth plus one aisle apart; row pairs share a cold aisle. */
export const ROW_PITCH_M = RACK_D_M + AISLE_M
/** Narrowest CDU gallery along each long hall wall. */
export const MIN_GALLERY_M = 2
/** Halls sit on the upper of two storeys; the lower one holds electrical and mechanical rooms. */
export const STOREYS = 2
export const STOREY_HEIGHT_M = 7.5
/** Corridor between the two rows of halls, and the support bands along the long walls. */
export const SPINE_CORRIDOR_M = 8
export const SUPPORT_BAND_M = 8
export const HALL_SPACING_M = 6

/** Gaps, metres: between a building and its yards, between plots, inside the fence. */
export const YARD_GAP_M = 12
export const STREET_M = 36
export const ROAD_WIDTH_M = 12
export const FENCE_MARGIN_M = 30
export const PAD_MARGIN_M = 60

/**
 * Unit sizes (w along its row, d across, h tall) and design ratings. Indicative product
 * classes: V-type dry and adiabatic coolers (≈ 2.4 × 12 m, 8–12 fans), counterflow tower
 * cells, 570-ton air-cooled screw chillers, plate heat-exchanger skids, 40-ft generator
 * containers (3 MW class, model constant), 20-ft BESS containers (≈ 4 MWh), aeroderivative gas
 * turbine packages (LM6000 class, ≈ 50 MW), 250 MVA grid transformers, 5 MW solar blocks.
 */
export const UNIT: Readonly<
  Record<UnitKind, UnitSize & { readonly pitchM: number; readonly ratingMw: number }>
> = {
  'dry-cooler': { w: 2.4, d: 12, h: 3.4, pitchM: 2.6, ratingMw: 1.2 },
  'adiabatic-cooler': { w: 2.4, d: 12, h: 3.8, pitchM: 2.6, ratingMw: 1.6 },
  'tower-cell': { w: 12, d: 12, h: 9, pitchM: 12.5, ratingMw: 8 },
  chiller: { w: 2.4, d: 11, h: 2.6, pitchM: 2.8, ratingMw: 2 },
  'seawater-hx': { w: 3, d: 6, h: 3, pitchM: 4, ratingMw: 12 },
  'air-handler': { w: 4, d: 12, h: 4, pitchM: 4.4, ratingMw: 1 },
  generator: { w: 3, d: 12.2, h: 3.6, pitchM: 4.5, ratingMw: 3 },
  battery: { w: 2.5, d: 6.1, h: 2.9, pitchM: 3.5, ratingMw: 1 },
  'gas-turbine': { w: 10, d: 24, h: 9, pitchM: 18, ratingMw: 50 },
  transformer: { w: 12, d: 8, h: 7, pitchM: 20, ratingMw: 250 },
  'solar-block': { w: 380, d: 380, h: 2.5, pitchM: 392, ratingMw: 5 },
}

/** Energy per battery container, MWh (20-ft BESS class). */
export const BATTERY_MWH_PER_UNIT = 4
/** Gaps between rows of units in a yard (service lanes), metres. */
export const LANE_M: Readonly<Record<UnitKind, number>> = {
  'dry-cooler': 4,
  'adiabatic-cooler': 4,
  'tower-cell': 6,
  chiller: 4,
  'seawater-hx': 3,
  'air-handler': 4,
  generator: 5,
  battery: 4,
  'gas-turbine': 14,
  transformer: 28,
  'solar-block': 12,
}

/** The heat-rejection unit of each cooling technology. */
export const SINK_UNIT: Readonly<Record<CoolingId, UnitKind>> = {
  'dlc-dry': 'dry-cooler',
  'dlc-adiabatic': 'adiabatic-cooler',
  'dlc-tower': 'tower-cell',
  'dlc-hybrid': 'adiabatic-cooler',
  'dlc-seawater': 'seawater-hx',
  'air-chiller': 'dry-cooler',
  'air-tower': 'tower-cell',
  'air-economizer': 'air-handler',
}

/** Onshore rotor diameter from rating, metres: ≈ 155 m at 5 MW (LBNL 2024 market report). */
export function rotorDiameterM(turbineMw: number): number {
  return 75 * Math.pow(turbineMw, 0.45)
}

export function hubHeightM(rotorM: number): number {
  return 0.72 * rotorM + 20
}

/** Wind farm spacing: 4 rotor diameters across the wind, 7 along it (industry rule). */
export const WIND_SPACING_ACROSS_D = 4
export const WIND_SPACING_ALONG_D = 7
/** Transmission tower spacing (span), metres. */
export const TOWER_SPAN_M = 320
