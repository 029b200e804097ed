/**
 * Sizes of the plant's equipment at true scale, metres: the fans on each cooling unit, the
 * parts of a grid transformer, exhaust stacks, switchyard classes by voltage, solar trackers,
 * battery and solar inverter skids, pipe racks, and the proportions of a wind turbine from its
 * rating. Pure constants and functions: the layout places from them and the scene draws them.
 * Product classes are indicative (docs/SCENE.md, "Built detail").
 */
import type { UnitKind } from './types'

/**
 * Fans on top of a unit: `across` columns (along the unit's row, x) by `along` fans (along its
 * depth, z), `diameterM` each, in shrouds `shroudM` tall standing on the unit's top.
 * V-bank dry and adiabatic coolers: one line of 2 m fans (large EC/AC fan class) down a
 * 2.4 m wide unit; air-cooled screw chillers: two lines of 0.9 m fans; counterflow tower
 * cells: one 9.1 m (30 ft) fan in a fan stack; air handlers: a line of 2.2 m fans.
 */
export interface FanArray {
  readonly across: number
  readonly along: number
  readonly diameterM: number
  readonly shroudM: number
}

export const FANS: Readonly<Partial<Record<UnitKind, FanArray>>> = {
  'dry-cooler': { across: 1, along: 5, diameterM: 2.0, shroudM: 0.45 },
  'adiabatic-cooler': { across: 1, along: 5, diameterM: 2.0, shroudM: 0.45 },
  chiller: { across: 2, along: 6, diameterM: 0.9, shroudM: 0.3 },
  'tower-cell': { across: 1, along: 1, diameterM: 9.1, shroudM: 3.2 },
  'air-handler': { across: 1, along: 4, diameterM: 2.2, shroudM: 0.5 },
}

/**
 * Fan centres of one unit of `kind` relative to the unit's centre (x along the row, z across
 * it), metres; empty for kinds without fans. Fans are evenly spread over the unit's top.
 */
export function fanOffsets(
  kind: UnitKind,
  unit: { readonly w: number; readonly d: number },
): { readonly x: number; readonly z: number }[] {
  const fans = FANS[kind]
  if (!fans) return []
  const out: { x: number; z: number }[] = []
  const cellW = unit.w / fans.across
  const cellD = unit.d / fans.along
  for (let i = 0; i < fans.across; i++)
    for (let k = 0; k < fans.along; k++)
      out.push({ x: -unit.w / 2 + cellW * (i + 0.5), z: -unit.d / 2 + cellD * (k + 0.5) })
  return out
}

/**
 * A 250 MVA grid step-down transformer (core-type, ONAF): tank, radiator banks along both long
 * sides, conservator on top, three HV and three LV bushings, a fire wall between neighbours.
 * Length along its row (x), width across it (z). The HV bushings stand on the north side of the
 * tank (toward the switchyard bay).
 */
export const TRANSFORMER = {
  tankLengthM: 8.6,
  tankWidthM: 3.6,
  tankHeightM: 4.6,
  radiatorDepthM: 1.3,
  radiatorHeightM: 3.6,
  /** Over the radiators, end to end: the transformer's length. */
  lengthM: 11.2,
  conservatorDiameterM: 1.1,
  hvBushingM: 4.2,
  lvBushingM: 1.6,
  /** Spacing of the bushings along the tank, metres. */
  bushingSpacingM: 2.6,
  fireWallM: { thick: 0.4, high: 9, deep: 9 },
} as const

/** Exhaust stack of an aeroderivative gas turbine package (LM6000 class, simple cycle). */
export const GAS_STACK = { heightM: 30, diameterM: 3.6 } as const

/** A 3 MW gen-set container: two exhaust stacks on its roof, a radiator at one end. */
export const GENSET = { stacks: 2, stackDiameterM: 0.55, stackTopM: 6.2, radiatorM: 2.4 } as const

/**
 * Obstruction lights: red, on every wind turbine's nacelle and on stacks at least this tall.
 * ICAO Annex 14 calls for obstacle lights from 45 m above ground, lower near an aerodrome;
 * the scene lights stacks from 30 m so a gas plant reads at night.
 */
export const AVIATION_LIGHT_MIN_M = 30
/** Flashes per minute of the red obstruction lights (ICAO medium intensity: 20–60). */
export const AVIATION_FLASHES_PER_MIN = 30

/**
 * An air-insulated switchyard for a line voltage: phase spacing of strung busbars, heights of
 * the busbar and line-entry gantries, and the depth of the bay band north of each transformer
 * row (busbar gantry, disconnector, breaker). Indicative of 132, 230 and 400 kV practice.
 */
export interface SwitchyardClass {
  readonly kv: number
  readonly phaseM: number
  readonly busHeightM: number
  readonly entryHeightM: number
  /** Spacing of a bay's three poles (breakers, disconnectors), metres. */
  readonly poleM: number
  readonly bandM: number
}

export function switchyardClass(kv: number): SwitchyardClass {
  const phaseM = kv >= 400 ? 6.5 : kv >= 230 ? 4.5 : 3
  return {
    kv,
    phaseM,
    busHeightM: kv >= 400 ? 16 : kv >= 230 ? 12.5 : 9.5,
    entryHeightM: kv >= 400 ? 22 : kv >= 230 ? 17 : 13,
    poleM: Math.min(4, Math.max(2.4, phaseM * 0.75)),
    bandM: Math.max(40, 4 * phaseM + 20),
  }
}

/** Heights of a bay's apparatus on their supports, metres (to the live top). */
export const BAY_APPARATUS = {
  breaker: { heightM: 6.2, footM: 1.2 },
  disconnector: { heightM: 5.2, footM: 1.2 },
} as const

/** Lattice transmission tower height by line voltage, metres (to the earth-wire peak). */
export function towerHeightM(kv: number): number {
  return kv >= 400 ? 50 : kv >= 230 ? 42 : 32
}

/**
 * Single-axis trackers, one module in portrait (1P): 2.4 m wide rows on a north–south axis
 * 2.2 m up, tilting up to ±60°. A block carries DC for its AC rating at `DC_AC_RATIO` with
 * 21.5 % modules (215 W/m²); rows are split at the block's middle by an access road where the
 * block's inverter station stands.
 */
export const TRACKER = {
  panelWidthM: 2.4,
  axisHeightM: 2.2,
  maxTiltDeg: 60,
  wPerM2: 215,
  dcAcRatio: 1.3,
  /** Road across the middle of each block, and the margin round the rows, metres. */
  roadM: 20,
  marginM: 10,
} as const

/** Inverter/transformer skid (power conversion station) for batteries and solar blocks. */
export const INVERTER_SKID = { w: 5.6, d: 2.4, h: 2.8, mw: 4.2 } as const

/**
 * Pipe racks between a building and its cooling yard: a steel rack 6 m clear over the ground
 * carrying supply and return pipes sized for 2.5 m/s at a 10 K rise, each at most 1.2 m across.
 */
export const PIPE_RACK = {
  heightM: 6,
  depthM: 4,
  /** Deepest rack that leaves a 1 m path each side in the 12 m gap, metres. */
  maxDepthM: 10,
  bayM: 8,
  velocityMs: 2.5,
  deltaTK: 10,
  maxPipeM: 1.2,
  minPipeM: 0.3,
} as const

/** Supply and return pipes for `mwTh` of heat: pipes per direction and their bore, metres. */
export function pipesFor(mwTh: number): { readonly perDirection: number; readonly boreM: number } {
  const flowM3s = (Math.max(0, mwTh) * 1e6) / (4186 * PIPE_RACK.deltaTK * 998)
  const areaM2 = flowM3s / PIPE_RACK.velocityMs
  const maxArea = (Math.PI * PIPE_RACK.maxPipeM ** 2) / 4
  const perDirection = Math.max(1, Math.ceil(areaM2 / maxArea))
  const bore = Math.sqrt((4 * areaM2) / perDirection / Math.PI)
  return {
    perDirection,
    boreM: Math.min(PIPE_RACK.maxPipeM, Math.max(PIPE_RACK.minPipeM, bore)),
  }
}

/**
 * A wind turbine's proportions from its rotor diameter: tower diameters at the base and top,
 * nacelle length and height, blade root chord (a 5 MW class machine: 4.5 m base, 3 m top,
 * 14 m nacelle, 4.2 m chord at 155 m rotor).
 */
export function turbineProportions(rotorM: number) {
  return {
    towerBaseM: 0.029 * rotorM,
    towerTopM: 0.0195 * rotorM,
    nacelleLengthM: 0.092 * rotorM,
    nacelleHeightM: 0.029 * rotorM,
    bladeChordM: 0.027 * rotorM,
  }
}
