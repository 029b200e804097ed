import {
  FIELD_BY_PATH,
  RACKS,
  simulate,
  type Climate,
  type NumberField,
  type Scenario,
} from '../model'

/** Inverse helpers: the planner's questions asked backwards (budget → racks, GPUs → racks). */

function racksPerHallField(): NumberField {
  const field = FIELD_BY_PATH.get('racksPerHall')
  if (field?.kind !== 'number') throw new Error('racksPerHall is not a number field')
  return field
}

export interface RackFit {
  readonly scenario: Scenario
  readonly racksPerHall: number
  /** 'fits': the answer is inside the range; 'max': even the most racks per hall fit (or are short);
   *  'min': even one rack per hall is too many / too much. */
  readonly bound: 'fits' | 'max' | 'min'
}

/**
 * Racks per hall such that the facility peak stays within `budgetMw` (buildings and halls kept):
 * the largest count that fits, found by bisection over the full hourly model (facility peak
 * rises with the rack count).
 */
export function fitRacksToPower(
  scenario: Scenario,
  climate: Climate,
  budgetMw: number,
): RackFit & {
  readonly facilityPeakMw: number
} {
  const field = racksPerHallField()
  const peakAt = (racksPerHall: number): number =>
    simulate({ ...scenario, racksPerHall }, climate).readouts.facilityPeakMw
  let lo = field.min
  let hi = field.max
  const loPeak = peakAt(lo)
  if (loPeak > budgetMw) {
    return {
      scenario: { ...scenario, racksPerHall: lo },
      racksPerHall: lo,
      bound: 'min',
      facilityPeakMw: loPeak,
    }
  }
  const hiPeak = peakAt(hi)
  if (hiPeak <= budgetMw) {
    return {
      scenario: { ...scenario, racksPerHall: hi },
      racksPerHall: hi,
      bound: 'max',
      facilityPeakMw: hiPeak,
    }
  }
  let best = loPeak
  // Invariant: peak(lo) ≤ budget < peak(hi).
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2)
    const peak = peakAt(mid)
    if (peak <= budgetMw) {
      lo = mid
      best = peak
    } else hi = mid
  }
  return {
    scenario: { ...scenario, racksPerHall: lo },
    racksPerHall: lo,
    bound: 'fits',
    facilityPeakMw: best,
  }
}

/** Racks per hall that hold at least `gpus` GPUs of the scenario's rack type (buildings and halls kept). */
export function racksForGpus(
  scenario: Scenario,
  gpus: number,
): RackFit & { readonly gpuCount: number } {
  const field = racksPerHallField()
  const perRack = RACKS[scenario.rack].gpusPerRack
  const halls = scenario.buildings * scenario.hallsPerBuilding
  const wanted = Math.ceil(Math.max(0, gpus) / perRack / halls)
  const racksPerHall = Math.min(field.max, Math.max(field.min, wanted))
  const bound = wanted > field.max ? 'max' : wanted < field.min ? 'min' : 'fits'
  return {
    scenario: { ...scenario, racksPerHall },
    racksPerHall,
    bound,
    gpuCount: racksPerHall * halls * perRack,
  }
}

/** Firm supply configured (grid + hydro + gas), MW: the budget a planner usually fits to. */
export function firmSupplyMw(scenario: Scenario): number {
  const p = scenario.power
  return p.gridMw + p.hydroMw + p.gasMw
}
