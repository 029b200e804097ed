/**
 * A programme's totals: one rule per readout says how the campuses' figures combine
 * (docs/PROGRAMMES.md, "Totals"). Sums for what adds up (racks, MW, energy, water, CO₂, land);
 * weighted means for ratios, weighted so that the total equals the ratio's own definition over
 * the whole programme (PUE = Σ facility energy ÷ Σ IT energy, not the mean of the PUEs); the worst
 * campus for hours short of supply; nothing for figures that belong to one site's weather.
 *
 * Every readout needs a rule: the tables are typed by the readout keys, so a new readout does not
 * compile without one, and tests/model/programme.test.ts checks a real evaluation's keys too.
 */
import type { ReadoutKey } from './readoutSpecs'
import type { Readouts } from './simulate'

/** How one scalar readout combines across campuses. */
export type AggregationRule =
  | { readonly kind: 'sum'; readonly note: string }
  /** Σ (value × weight) ÷ Σ weight, the weight a summed readout. */
  | { readonly kind: 'weighted'; readonly by: ReadoutKey; readonly note: string }
  | { readonly kind: 'max'; readonly note: string }
  /** No programme figure: the readout belongs to one site (its design hour, its weather). */
  | { readonly kind: 'none'; readonly note: string }

/** Readouts that are records of numbers (energy by source, by use). */
export type BreakdownKey = {
  [K in keyof Readouts]: Readouts[K] extends number | readonly unknown[]
    ? never
    : Readouts[K] extends object
      ? K
      : never
}[keyof Readouts]

/** How a breakdown combines: each member by the same rule. */
export type BreakdownRule =
  | { readonly kind: 'sum-each'; readonly note: string }
  | { readonly kind: 'weighted-each'; readonly by: ReadoutKey; readonly note: string }
  | { readonly kind: 'none'; readonly note: string }

const sum = (note: string) => ({ kind: 'sum', note }) as const
const weighted = <const K extends ReadoutKey>(by: K, note: string) =>
  ({ kind: 'weighted', by, note }) as const

const NON_COINCIDENT =
  'sum of each campus’s own design hour: campuses peak at different hours, so the programme’s simultaneous peak is at most this'

/**
 * The rule of every scalar readout. Weighted means take a summed readout as their weight, chosen
 * so the total is the ratio of the programme's sums: IT energy for PUE, WUE and CUE (their
 * denominator), facility energy for the renewable share, IT design power for the design-hour PUE.
 */
export const READOUT_AGGREGATION = {
  rackCount: sum('Σ racks'),
  gpuCount: sum('Σ GPUs'),
  computeBf16Pflops: sum('Σ peak compute'),
  computeFp8Pflops: sum('Σ peak compute'),
  computeFp4Pflops: sum('Σ peak compute'),
  itDesignMw: sum('Σ IT design power'),
  itAverageMw: sum('Σ mean IT power'),
  facilityPeakMw: sum(`Σ facility peak, ${NON_COINCIDENT}`),
  facilityAverageMw: sum('Σ mean facility power'),
  energyGwhPerYear: sum('Σ facility energy'),
  itEnergyGwhPerYear: sum('Σ IT energy'),
  pueAnnual: weighted('itEnergyGwhPerYear', 'Σ facility energy ÷ Σ IT energy'),
  puePeak: weighted('itDesignMw', 'Σ facility peak ÷ Σ IT design power'),
  coolingDesignMwTh: sum(`Σ heat to reject, ${NON_COINCIDENT}`),
  chillerCapacityMwTh: sum('Σ chiller capacity (each campus’s own plant)'),
  freeCoolingHours: weighted(
    'itEnergyGwhPerYear',
    'mean of the campuses’ hours, weighted by IT energy',
  ),
  liquidChillerHours: weighted(
    'itEnergyGwhPerYear',
    'mean of the campuses’ hours, weighted by IT energy',
  ),
  waterM3PerYear: sum('Σ site water'),
  peakDayWaterM3: sum('Σ each campus’s peakiest day (days differ: at most this on any one day)'),
  wueLPerKwh: weighted('itEnergyGwhPerYear', 'Σ site water ÷ Σ IT energy'),
  co2TonnesPerYear: sum('Σ CO₂ (location-based)'),
  cueKgPerKwh: weighted('itEnergyGwhPerYear', 'Σ CO₂ ÷ Σ IT energy'),
  renewableShare: weighted('energyGwhPerYear', 'Σ renewable energy ÷ Σ facility energy'),
  unservedMwhPerYear: sum('Σ unserved energy'),
  unservedHours: {
    kind: 'max',
    note: 'the worst campus’s hours (whether short hours coincide across sites is not known)',
  },
  heatReusedGwhPerYear: sum('Σ heat reused'),
  heatDeliveredGwhPerYear: sum('Σ heat delivered'),
  erf: weighted('energyGwhPerYear', 'Σ heat reused ÷ Σ facility energy'),
  heatSupplyC: { kind: 'none', note: 'each heat network’s own supply temperature' },
  heatPumpCop: {
    kind: 'none',
    note: 'each campus’s own heat pumps (the programme’s would be Σ heat delivered ÷ Σ heat-pump work)',
  },
  co2MarketTonnesPerYear: sum('Σ CO₂ (market-based)'),
  co2LifecycleTonnesPerYear: sum('Σ CO₂e (lifecycle)'),
  cfeScore: weighted('energyGwhPerYear', 'Σ carbon-free energy matched hourly ÷ Σ facility energy'),
  renewableShareAnnual: weighted(
    'energyGwhPerYear',
    'Σ renewable energy matched annually ÷ Σ facility energy',
  ),
  windCapacityFactor: { kind: 'none', note: 'the wind of one site, per MW installed' },
  solarCapacityFactor: { kind: 'none', note: 'the sun of one site, per MW installed' },
  hydroCapacityFactorUsed: { kind: 'none', note: 'one campus’s plant, per MW installed' },
  gasCapacityFactor: { kind: 'none', note: 'one campus’s plant, per MW installed' },
  gridPeakMw: sum(`Σ grid draw at each campus’s own peak hour (${'non-coincident'})`),
  gridConnectionMva: sum('Σ grid connections (one per campus)'),
  backupGenerators: sum('Σ generators'),
  buildingFloorM2: sum('Σ building floor'),
  whiteSpaceM2: sum('Σ white space'),
  siteAreaHa: sum('Σ campus land'),
  windFarmAreaHa: sum('Σ wind farm area'),
  solarFieldAreaHa: sum('Σ solar field area'),
  designHour: { kind: 'none', note: 'each campus has its own design hour' },
  designDryBulbC: { kind: 'none', note: 'the weather of one site’s design hour' },
  designWetBulbC: { kind: 'none', note: 'the weather of one site’s design hour' },
} as const satisfies { readonly [K in ReadoutKey]: AggregationRule }

/** The rule of every breakdown readout. */
export const BREAKDOWN_AGGREGATION = {
  supplyGwh: { kind: 'sum-each', note: 'Σ energy by source' },
  energyBreakdownGwh: { kind: 'sum-each', note: 'Σ energy by use' },
} as const satisfies { readonly [K in BreakdownKey]: BreakdownRule }

type Table = typeof READOUT_AGGREGATION
type BreakdownTable = typeof BREAKDOWN_AGGREGATION

/** Scalar readouts the programme has a figure for (every rule but `none`). */
export type TotalKey = {
  [K in ReadoutKey]: Table[K]['kind'] extends 'none' ? never : K
}[ReadoutKey]
/** Breakdowns the programme has a figure for. */
export type TotalBreakdownKey = {
  [K in BreakdownKey]: BreakdownTable[K]['kind'] extends 'none' ? never : K
}[BreakdownKey]

/** A programme's totals: one figure per readout that has one, and how many campuses. */
export type ProgrammeTotal = { readonly [K in TotalKey]: number } & {
  readonly [K in TotalBreakdownKey]: Readouts[K]
} & { readonly campusCount: number }

/** Keys of the scalar rules, in the table's order. */
export const AGGREGATED_READOUT_KEYS = Object.keys(READOUT_AGGREGATION) as ReadoutKey[]

function weightedMean(values: readonly number[], weights: readonly number[]): number {
  let num = 0
  let den = 0
  values.forEach((v, i) => {
    const w = weights[i] ?? 0
    num += v * w
    den += w
  })
  // No weight at all (cannot happen with a rack on each campus): the plain mean.
  if (den === 0) return values.reduce((a, b) => a + b, 0) / Math.max(1, values.length)
  return num / den
}

/** One rule applied to the campuses' values (weights: the `by` readout of each campus). */
export function aggregateValues(
  rule: AggregationRule,
  values: readonly number[],
  weights: readonly number[] = [],
): number | null {
  switch (rule.kind) {
    case 'sum':
      return values.reduce((a, b) => a + b, 0)
    case 'weighted':
      return weightedMean(values, weights)
    case 'max':
      return values.reduce((a, b) => Math.max(a, b), values.length > 0 ? -Infinity : 0)
    case 'none':
      return null
  }
}

/**
 * The programme's totals from its campuses' readouts (each campus's last phase, as `evaluate`
 * gives it). An empty list gives zeros for sums and means.
 */
export function aggregateReadouts(campuses: readonly Readouts[]): ProgrammeTotal {
  const total: Record<string, unknown> = {}
  for (const key of AGGREGATED_READOUT_KEYS) {
    const rule = READOUT_AGGREGATION[key] as AggregationRule
    const values = campuses.map((r) => r[key])
    const weights = rule.kind === 'weighted' ? campuses.map((r) => r[rule.by]) : []
    const value = aggregateValues(rule, values, weights)
    if (value !== null) total[key] = value
  }
  for (const key of Object.keys(BREAKDOWN_AGGREGATION) as BreakdownKey[]) {
    const rule = BREAKDOWN_AGGREGATION[key] as BreakdownRule
    if (rule.kind === 'none') continue
    const members = new Set(campuses.flatMap((r) => Object.keys(r[key])))
    const out: Record<string, number> = {}
    for (const member of members) {
      const values = campuses.map((r) => (r[key] as unknown as Record<string, number>)[member] ?? 0)
      out[member] =
        rule.kind === 'sum-each'
          ? values.reduce((a, b) => a + b, 0)
          : weightedMean(
              values,
              campuses.map((r) => r[rule.by]),
            )
    }
    total[key] = out
  }
  total.campusCount = campuses.length
  return total as ProgrammeTotal
}
