import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  COOLING_IDS,
  DEFAULT_ASSUMPTIONS,
  DEFAULT_SCENARIO,
  RACK_IDS,
  SITE_IDS,
  rackCountOf,
  simulate,
  type Climate,
  type Readouts,
  type Scenario,
  type SiteId,
} from '../src/model'
import {
  RACK_D_M,
  RACK_W_M,
  ROAD_WIDTH_M,
  SINK_UNIT,
  STREET_M,
  TOWER_SPAN_M,
  UNIT,
  layoutCampus,
  rectContains,
  rectsOverlap,
  terrainHeightM,
  unitCentre,
  unitRect,
  type CampusLayout,
  type LayoutReadouts,
  type Rect,
  type UnitRow,
} from '../src/layout'
import { towersAlong } from '../src/layout/feeds/lines'
import { plantViolations } from './plantInvariants'
import { frameCampus } from '../src/layout/fence'
import { planHall } from '../src/layout/halls'
import { planPlotGrid } from '../src/layout/plots'
import {
  planBatteryYard,
  planCoolingYard,
  planGasYard,
  planGeneratorYard,
} from '../src/layout/yards'
import { syntheticClimate } from './helpers/syntheticClimate'

const climates = new Map<SiteId, Climate>()
const readoutsCache = new WeakMap<Scenario, Readouts>()
function readoutsOf(s: Scenario): Readouts {
  let readouts = readoutsCache.get(s)
  if (!readouts) {
    let c = climates.get(s.site)
    if (!c) {
      c = syntheticClimate(s.site)
      climates.set(s.site, c)
    }
    readouts = simulate(s, c).readouts
    readoutsCache.set(s, readouts)
  }
  return readouts
}

function scenario(
  patch: Partial<Omit<Scenario, 'power'>> & { power?: Partial<Scenario['power']> },
) {
  const { power, ...rest } = patch
  return { ...DEFAULT_SCENARIO, ...rest, power: { ...DEFAULT_SCENARIO.power, ...power } }
}

function layoutOf(s: Scenario): CampusLayout {
  return layoutCampus(s, readoutsOf(s))
}

const ABILENE = scenario({
  site: 'abilene',
  buildings: 8,
  rack: 'gb200-nvl72',
  power: { gridMw: 750, hydroMw: 0, gasMw: 360 },
})
const PROGRAMME = scenario({
  site: 'las-cruces',
  buildings: 32,
  racksPerHall: 190,
  power: { gridMw: 3000, hydroMw: 0, solarMw: 1500, gasMw: 1800, batteryMwh: 6000 },
})
const EVERYTHING = scenario({
  site: 'singapore',
  buildings: 5,
  hallsPerBuilding: 3,
  racksPerHall: 77,
  cooling: 'dlc-seawater',
  power: {
    gridMw: 100,
    hydroMw: 300,
    windTurbines: 30,
    windTurbineMw: 6,
    solarMw: 200,
    gasMw: 120,
    batteryMwh: 400,
  },
})
const LARGEST = scenario({
  buildings: 40,
  hallsPerBuilding: 8,
  racksPerHall: 600,
  power: {
    gridMw: 20_000,
    windTurbines: 2000,
    solarMw: 20_000,
    gasMw: 20_000,
    batteryMwh: 100_000,
  },
})

const scenarioArb = fc
  .record({
    site: fc.constantFrom(...SITE_IDS),
    buildings: fc.integer({ min: 1, max: 12 }),
    hallsPerBuilding: fc.integer({ min: 1, max: 8 }),
    racksPerHall: fc.integer({ min: 1, max: 600 }),
    rack: fc.constantFrom(...RACK_IDS),
    cooling: fc.constantFrom(...COOLING_IDS),
    redundancy: fc.constantFrom('N' as const, 'N+1' as const, '2N' as const),
    power: fc.record({
      gridMw: fc.integer({ min: 0, max: 2000 }),
      hydroMw: fc.integer({ min: 0, max: 3000 }),
      windTurbines: fc.integer({ min: 0, max: 120 }),
      windTurbineMw: fc.integer({ min: 1, max: 20 }),
      solarMw: fc.integer({ min: 0, max: 800 }),
      gasMw: fc.integer({ min: 0, max: 900 }),
      batteryMwh: fc.integer({ min: 0, max: 4000 }),
    }),
  })
  .map((v) => scenario(v))

/**
 * Readouts the layout sizes from, drawn around (and well beyond) what the model gives: 10–250
 * kW a rack, 1–12 m² of white space a rack, 1–4 × that as gross floor, no chillers or up to all
 * the heat, no generators or up to 1.6 × the peak, no land or up to 200 ha per 100 MW.
 */
const readoutsArb = fc
  .record({
    kwPerRack: fc.double({ min: 10, max: 250, noNaN: true }),
    peakOverIt: fc.double({ min: 1, max: 1.8, noNaN: true }),
    heatOverIt: fc.double({ min: 0.8, max: 1.4, noNaN: true }),
    chillerShare: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true })),
    whiteM2PerRack: fc.double({ min: 1, max: 12, noNaN: true }),
    floorOverWhite: fc.double({ min: 1, max: 4, noNaN: true }),
    haPerMw: fc.double({ min: 0, max: 2, noNaN: true }),
    generatorsOverPeak: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1.6, noNaN: true })),
    mvaOverPeak: fc.double({ min: 0, max: 1.5, noNaN: true }),
  })
  .map((v) => (s: Scenario): LayoutReadouts => {
    const rackCount = rackCountOf(s)
    const itDesignMw = (rackCount * v.kwPerRack) / 1000
    const facilityPeakMw = itDesignMw * v.peakOverIt
    const coolingDesignMwTh = itDesignMw * v.heatOverIt
    const whiteSpaceM2 = rackCount * v.whiteM2PerRack
    return {
      rackCount,
      itDesignMw,
      facilityPeakMw,
      coolingDesignMwTh,
      chillerCapacityMwTh: coolingDesignMwTh * v.chillerShare,
      buildingFloorM2: whiteSpaceM2 * v.floorOverWhite,
      whiteSpaceM2,
      siteAreaHa: facilityPeakMw * v.haPerMw,
      backupGenerators: Math.ceil((facilityPeakMw * v.generatorsOverPeak) / 3),
      gridConnectionMva: facilityPeakMw * v.mvaOverPeak,
    }
  })

/**
 * Where two layouts first differ, as the text around it in their JSON (typed arrays as arrays,
 * −0 and non-finite numbers spelled out); null when they are the same to the last bit.
 */
function firstDifference(a: CampusLayout, b: CampusLayout): string | null {
  const json = (l: CampusLayout) =>
    JSON.stringify(l, (_k, v: unknown) => {
      if (typeof v === 'number' && Object.is(v, -0)) return '-0'
      if (typeof v === 'number' && !Number.isFinite(v)) return String(v)
      return ArrayBuffer.isView(v) ? Array.from(v as Float32Array) : v
    })
  const [x, y] = [json(a), json(b)]
  if (x === y) return null
  let i = 0
  while (x[i] === y[i]) i++
  return `…${x.slice(Math.max(0, i - 60), i + 40)}… vs …${y.slice(Math.max(0, i - 60), i + 40)}…`
}

/** Every pair of rectangles that overlap: sorted by west edge, each compared with those that start before it ends. */
function overlappingPairs(rects: readonly Rect[]): [number, number][] {
  const n = rects.length
  const west = new Float64Array(n)
  const east = new Float64Array(n)
  rects.forEach((r, i) => {
    west[i] = r.x - r.w / 2
    east[i] = r.x + r.w / 2
  })
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => west[a]! - west[b]!)
  const pairs: [number, number][] = []
  for (let k = 0; k < n; k++) {
    const i = order[k]!
    for (let m = k + 1; m < n; m++) {
      const j = order[m]!
      if (west[j]! >= east[i]!) break
      if (rectsOverlap(rects[i]!, rects[j]!)) pairs.push([i, j])
    }
  }
  return pairs
}

/** The ground a row of units covers, from its first unit's west side to its last's east side. */
function rowRect(row: UnitRow): Rect {
  const first = unitRect(row, 0)
  const last = unitRect(row, row.count - 1)
  return { x: (first.x + last.x) / 2, z: row.z, w: last.x - first.x + first.w, d: first.d }
}

/**
 * Violations of one rule, readably: the first few in full, then a count of the rest (a broken
 * layout can break a rule for each of 192,000 racks).
 */
class Violations {
  private readonly counts = new Map<string, number>()
  private readonly shown: string[] = []

  add(rule: string, detail: string): void {
    const n = (this.counts.get(rule) ?? 0) + 1
    this.counts.set(rule, n)
    if (n <= 5) this.shown.push(`${rule}: ${detail}`)
  }

  list(): string[] {
    const more = [...this.counts].filter(([, n]) => n > 5).map(([r, n]) => `${r}: … ${n - 5} more`)
    return [...this.shown, ...more]
  }
}

const at = (r: Rect) =>
  `(${r.x.toFixed(1)}, ${r.z.toFixed(1)}) ${r.w.toFixed(1)} × ${r.d.toFixed(1)} m`

/**
 * The invariants every layout keeps, whatever the scenario: the violations found (empty when
 * it keeps them all), each naming the rack, hall, unit or footprint and the rule it breaks.
 */
function invariantViolations(
  s: Scenario,
  layout: CampusLayout,
  readouts: LayoutReadouts,
): string[] {
  const v = new Violations()
  const rackCount = rackCountOf(s)
  const count = (what: string, actual: number, expected: number) => {
    if (actual !== expected) v.add(`${what} count`, `${actual}, expected ${expected}`)
  }
  count('rack placements', layout.racks.count, rackCount)
  count('racks in rows', sum(layout.rackRows.map((r) => r.racks)), rackCount)
  count('halls', layout.halls.length, s.buildings * s.hallsPerBuilding)
  count('buildings', layout.buildings.length, s.buildings)

  // Every rack finite, in its hall's run of racks and inside its rack field (with a
  // millimetre's tolerance); halls inside their buildings.
  const { x, z, hall: rackHall } = layout.racks
  let next = 0
  for (const hall of layout.halls) {
    if (hall.firstRack !== next) v.add('hall racks not contiguous', `hall ${hall.index}`)
    next = hall.firstRack + hall.rackCount
    const f = hall.rackField
    const [west, east] = [f.x - f.w / 2 + RACK_W_M / 2 - 1e-3, f.x + f.w / 2 - RACK_W_M / 2 + 1e-3]
    const [north, south] = [
      f.z - f.d / 2 + RACK_D_M / 2 - 1e-3,
      f.z + f.d / 2 - RACK_D_M / 2 + 1e-3,
    ]
    for (let i = hall.firstRack; i < next; i++) {
      const rx = x[i] ?? NaN
      const rz = z[i] ?? NaN
      if (!Number.isFinite(rx) || !Number.isFinite(rz)) v.add('rack not finite', `rack ${i}`)
      else if (rackHall[i] !== hall.index)
        v.add('rack in the wrong hall', `rack ${i}: hall ${rackHall[i]}, expected ${hall.index}`)
      else if (rx < west || rx > east || rz < north || rz > south)
        v.add(
          "rack outside its hall's rack field",
          `rack ${i} at (${rx}, ${rz}), hall ${hall.index}`,
        )
    }
    if (!rectContains(hall.rect, hall.rackField))
      v.add('rack field outside its hall', `hall ${hall.index}`)
    const building = layout.buildings[hall.building]
    if (!building || !rectContains(building.rect, hall.rect))
      v.add('hall outside its building', `hall ${hall.index}, building ${hall.building}`)
  }
  for (const [a, b] of overlappingPairs(layout.halls.map((h) => h.rect)))
    v.add('halls overlap', `halls ${a} and ${b}`)

  // No footprints overlap. Units stay in their yards and apart: each row's units are at
  // least a unit's width apart, and the rows (from the first unit to the last) stay inside
  // their yards and off each other. Roads keep off footprints.
  const fp = layout.footprints
  for (const [a, b] of overlappingPairs(fp.map((f) => f.rect)))
    v.add('footprints overlap', `${fp[a]?.kind} ${a} and ${fp[b]?.kind} ${b}`)
  const rows = layout.unitRows.map(rowRect)
  layout.unitRows.forEach((row, r) => {
    const name = `${row.kind} row ${r}`
    if (row.count > 1 && row.pitchM < UNIT[row.kind].w) v.add('units overlap', `in ${name}`)
    const yard = layout.yards[row.yard]
    if (!yard || !rectContains(yard.rect, rows[r] as Rect))
      v.add('units outside their yard', `${name} at ${at(rows[r] as Rect)}, yard ${row.yard}`)
  })
  for (const [a, b] of overlappingPairs(rows))
    v.add('units overlap', `${layout.unitRows[a]?.kind} rows ${a} and ${b}`)
  layout.roads.forEach((road, r) => {
    for (const f of fp)
      if (rectsOverlap(road, f.rect))
        v.add('road over a footprint', `road ${r} over ${f.kind} at ${at(f.rect)}`)
  })

  // Everything inside the bounds; the campus's works inside the fence, line towers outside it.
  const everything = [...fp.map((f) => f.rect), ...layout.roads, ...rows]
  for (const r of everything)
    if (!rectContains(layout.bounds, r)) v.add('outside the bounds', at(r))
  for (const b of layout.buildings)
    if (!rectContains(layout.fence, b.rect))
      v.add('building outside the fence', `building ${b.index}`)
  for (const y of layout.yards)
    if (y.kind !== 'solar' && !rectContains(layout.fence, y.rect))
      v.add('yard outside the fence', `${y.kind} yard ${y.index}`)
  for (const line of layout.lines)
    for (const t of line.towers)
      if (rectsOverlap(layout.fence, { ...t, w: 12, d: 12 }))
        v.add(
          'tower inside the fence',
          `${line.from} line tower at (${t.x.toFixed(1)}, ${t.z.toFixed(1)})`,
        )
  const landM2 = readouts.siteAreaHa * 10_000
  if (layout.fence.w * layout.fence.d < landM2 * 0.999)
    v.add('fence smaller than the land', `${layout.fence.w * layout.fence.d} m² < ${landM2} m²`)

  // The campus pad is flat.
  for (const f of fp)
    if (f.kind === 'building' || f.kind === 'yard') {
      const y = terrainHeightM(layout.terrain, f.rect.x, f.rect.z)
      if (y !== 0) v.add('pad not flat', `${f.kind} at ${at(f.rect)} stands at y = ${y}`)
    }
  return [...v.list(), ...plantViolations(layout)]
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0)
}

describe('layoutCampus', () => {
  // The model's year for the named campuses, once, before the tests (they are about the layout).
  beforeAll(() => {
    for (const s of [DEFAULT_SCENARIO, ABILENE, PROGRAMME, EVERYTHING, LARGEST]) readoutsOf(s)
  })

  it('is deterministic', () => {
    expect(firstDifference(layoutOf(EVERYTHING), layoutOf(EVERYTHING))).toBeNull()
    expect(firstDifference(layoutOf(DEFAULT_SCENARIO), layoutOf(DEFAULT_SCENARIO))).toBeNull()
    expect(firstDifference(layoutOf(DEFAULT_SCENARIO), layoutOf(ABILENE))).toMatch(/ vs /)
  })

  it.each([
    ['default (Narvik)', DEFAULT_SCENARIO],
    ['Abilene', ABILENE],
    ['4.5 GW programme', PROGRAMME],
    ['every feed and seawater cooling', EVERYTHING],
    ['the largest campus', LARGEST],
  ])(
    'keeps its invariants: %s',
    (_, s) => {
      expect(invariantViolations(s, layoutOf(s), readoutsOf(s))).toEqual([])
    },
    // The largest campus (192,000 racks, with its plant checked) takes 1.3 s alone, up to 4×
    // that on a loaded 2-core machine: 20 s.
    20_000,
  )

  // Tests of many campuses: each run of the first and of the growth test costs a model year,
  // the second lays out and checks 60 campuses of up to 57,600 racks. They get 10 s and stay
  // under a quarter of it on a loaded 2-core machine.
  const MODEL_HEAVY = { timeout: 10_000 }

  it('keeps its invariants for random scenarios with the model’s readouts', MODEL_HEAVY, () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        expect(invariantViolations(s, layoutOf(s), readoutsOf(s))).toEqual([])
      }),
      // Few runs (each costs a model year); the next test goes wide on the layout alone.
      { numRuns: 10, seed: 20_260_301 },
    )
  })

  it('keeps its invariants for random scenarios and any readouts in range', MODEL_HEAVY, () => {
    fc.assert(
      fc.property(scenarioArb, readoutsArb, (s, r) => {
        const readouts = r(s)
        expect(invariantViolations(s, layoutCampus(s, readouts), readouts)).toEqual([])
      }),
      { numRuns: 60, seed: 20_260_302 },
    )
  })

  it('grows what it places with what it serves', MODEL_HEAVY, () => {
    const base = layoutOf(DEFAULT_SCENARIO)
    const moreRacks = layoutOf(scenario({ racksPerHall: 400 }))
    const hallArea = (l: CampusLayout) => (l.halls[0]?.rect.w ?? 0) * (l.halls[0]?.rect.d ?? 0)
    expect(hallArea(moreRacks)).toBeGreaterThan(hallArea(base))
    const buildingArea = (l: CampusLayout) =>
      (l.buildings[0]?.rect.w ?? 0) * (l.buildings[0]?.rect.d ?? 0)
    expect(buildingArea(moreRacks)).toBeGreaterThan(buildingArea(base))

    const coolingUnits = (l: CampusLayout) =>
      l.yards.filter((y) => y.kind === 'cooling').reduce((sum, y) => sum + y.units, 0)
    expect(coolingUnits(moreRacks)).toBeGreaterThan(coolingUnits(base))
    const generators = (l: CampusLayout) =>
      l.yards.filter((y) => y.kind === 'generators').reduce((sum, y) => sum + y.units, 0)
    expect(generators(moreRacks)).toBeGreaterThan(generators(base))
    expect(moreRacks.transformers.length).toBeGreaterThan(base.transformers.length)
    expect(moreRacks.fence.w * moreRacks.fence.d).toBeGreaterThan(base.fence.w * base.fence.d)

    // The default scenario has no supply of its own (the site's grid, issue 9): compare two plants.
    const smallHydro = layoutOf(scenario({ power: { hydroMw: 250 } }))
    const bigHydro = layoutOf(scenario({ power: { hydroMw: 2000 } }))
    expect(bigHydro.hydro?.powerhouse.w).toBeGreaterThan(smallHydro.hydro?.powerhouse.w ?? Infinity)
    expect(bigHydro.hydro?.penstocks).toBeGreaterThan(smallHydro.hydro?.penstocks ?? Infinity)

    const solar = (mw: number) => layoutOf(scenario({ power: { solarMw: mw } }))
    const solarArea = (l: CampusLayout) => {
      const y = l.yards.find((k) => k.kind === 'solar')
      return y ? y.rect.w * y.rect.d : 0
    }
    expect(solarArea(solar(1000))).toBeGreaterThan(solarArea(solar(100)))

    const batteries = (mwh: number) =>
      layoutOf(scenario({ power: { batteryMwh: mwh } })).yards.find((y) => y.kind === 'battery')
        ?.units ?? 0
    expect(batteries(2000)).toBeGreaterThan(batteries(200))
  })

  it('places one turbine per scenario turbine, spaced by rotor diameters', () => {
    const l = layoutOf(scenario({ power: { windTurbines: 37, windTurbineMw: 5 } }))
    const wind = l.wind
    if (!wind) throw new Error('no wind farm')
    expect(wind.turbines).toHaveLength(37)
    let nearest = Infinity
    for (let i = 0; i < wind.turbines.length; i++)
      for (let j = i + 1; j < wind.turbines.length; j++) {
        const a = wind.turbines[i]
        const b = wind.turbines[j]
        if (a && b) nearest = Math.min(nearest, Math.hypot(a.x - b.x, a.z - b.z))
      }
    expect(nearest).toBeGreaterThanOrEqual(3.9 * wind.rotorDiameterM)
    expect(layoutOf(DEFAULT_SCENARIO).wind).toBeNull()
  })

  it('sizes cooling by technology: towers, seawater intake, chillers', () => {
    const kinds = (l: CampusLayout) => new Set(l.unitRows.map((r) => r.kind))
    expect(kinds(layoutOf(DEFAULT_SCENARIO)).has('dry-cooler')).toBe(true)
    expect(kinds(layoutOf(scenario({ cooling: 'dlc-tower' }))).has('tower-cell')).toBe(true)
    const sea = layoutOf(scenario({ cooling: 'dlc-seawater' }))
    expect(kinds(sea).has('seawater-hx')).toBe(true)
    expect(sea.intake).not.toBeNull()
    expect(layoutOf(DEFAULT_SCENARIO).intake).toBeNull()
  })

  it('runs a penstock down the slope from the dam to the powerhouse', () => {
    // A 250 MW plant at Narvik (the default scenario itself has none since issue 9).
    const l = layoutOf(scenario({ power: { hydroMw: 250 } }))
    const hydro = l.hydro
    if (!hydro) throw new Error('a campus with a hydro plant has hydro')
    const ys = hydro.penstockPath.map((p) => p[1])
    expect(ys[0]).toBeGreaterThan(300)
    expect(ys[ys.length - 1]).toBeLessThan(5)
    for (let i = 1; i < ys.length; i++) expect(ys[i]).toBeLessThanOrEqual((ys[i - 1] ?? 0) + 1e-6)
    expect(hydro.headM).toBeGreaterThan(300)
    expect(l.terrain.kind).toBe('fjord')
    expect(l.terrain.seaLevelYM).not.toBeNull()
    // A line brings the plant's power to the substation.
    expect(l.lines.some((line) => line.from === 'hydro' && line.towers.length > 0)).toBe(true)
  })
})

describe('the invariant check', () => {
  it('names the rack, footprint and unit that break a rule', () => {
    const layout = layoutOf(DEFAULT_SCENARIO)
    const broken: CampusLayout = {
      ...layout,
      racks: { ...layout.racks, x: layout.racks.x.slice(), z: layout.racks.z.slice() },
      footprints: [...layout.footprints, { kind: 'admin', rect: layout.parking }],
      unitRows: layout.unitRows.map((r, i) => (i === 0 ? { ...r, x: r.x + 5000 } : r)),
    }
    broken.racks.x[7] = (broken.racks.x[7] ?? 0) + 1000
    broken.racks.z[8] = NaN
    const violations = invariantViolations(DEFAULT_SCENARIO, broken, readoutsOf(DEFAULT_SCENARIO))
    expect(violations).toContainEqual(expect.stringMatching(/^rack outside .*: rack 7 at/))
    expect(violations).toContain('rack not finite: rack 8')
    expect(violations).toContainEqual(
      expect.stringMatching(/^footprints overlap: parking \d+ and admin/),
    )
    expect(violations).toContainEqual(
      expect.stringMatching(/^units outside their yard: [a-z-]+ row 0 at/),
    )
  })
})

describe('layout parts', () => {
  it('sizes cooling yards monotonically in the heat they reject, chillers after sink units', () => {
    for (const cooling of COOLING_IDS) {
      let last = planCoolingYard(cooling, 0, 0, 4, 120)
      expect(last.sinkUnits).toBe(1)
      for (let mw = 10; mw <= 2000; mw *= 1.7) {
        const yard = planCoolingYard(cooling, mw, 0, 4, 120)
        expect(yard.sinkUnits, `${cooling} at ${mw} MW`).toBeGreaterThanOrEqual(last.sinkUnits)
        expect(yard.d, `${cooling} at ${mw} MW`).toBeGreaterThanOrEqual(last.d)
        // Enough sink units for each building's share of the heat.
        expect(yard.sinkUnits * UNIT[SINK_UNIT[cooling]].ratingMw * 4).toBeGreaterThanOrEqual(mw)
        last = yard
      }
    }
    const withChillers = planCoolingYard('air-chiller', 100, 40, 2, 120)
    expect(withChillers.chillers).toBe(10)
    expect(withChillers.sinkUnits).toBe(25)
    const kinds = withChillers.rows.map((r) => r.kind)
    expect(kinds.indexOf('chiller')).toBeGreaterThan(kinds.lastIndexOf('dry-cooler'))
    expect(sum(withChillers.rows.map((r) => r.count))).toBe(35)
  })

  it('sizes generator, gas and battery yards for every unit the model asks for', () => {
    expect(planGeneratorYard(0, 3, 100).d).toBe(0)
    let lastD = 0
    for (const n of [1, 10, 40, 120, 400]) {
      const yard = planGeneratorYard(n, 4, 100)
      expect(yard.generators * 4).toBeGreaterThanOrEqual(n)
      expect(sum(yard.rows.map((r) => r.count))).toBe(yard.generators)
      expect(yard.d).toBeGreaterThanOrEqual(lastD)
      lastD = yard.d
    }
    expect(lastD).toBeGreaterThan(planGeneratorYard(1, 4, 100).d)
    expect(planGasYard({ gasMw: 0 })).toBeNull()
    expect(sum(planGasYard({ gasMw: 360 })?.rows.map((r) => r.count) ?? [])).toBe(8)
    expect(planBatteryYard({ batteryMwh: 0 })).toBeNull()
    const battery = planBatteryYard({ batteryMwh: 2001 })
    expect(sum(battery?.rows.map((r) => r.count) ?? [])).toBe(501)
    // Square-ish: neither side more than three times the other.
    const ratio = (battery?.w ?? 0) / (battery?.d ?? 1)
    expect(ratio).toBeGreaterThan(1 / 3)
    expect(ratio).toBeLessThan(3)
  })

  it('rates the battery yard by the model’s battery hours', () => {
    const s = scenario({ power: { batteryMwh: 800 } })
    const rating = (hours?: number) =>
      layoutCampus(s, readoutsOf(s), hours ? { batteryHours: hours } : undefined).yards.find(
        (y) => y.kind === 'battery',
      )?.ratingMw
    expect(rating()).toBeCloseTo(800 / DEFAULT_ASSUMPTIONS.batteryHours, 9)
    expect(rating(2)).toBeCloseTo(400, 9)
  })

  it('gives a hall room for its racks and its share of the white space', () => {
    for (const racks of [1, 7, 70, 264, 600]) {
      const hall = planHall(racks, 4.5)
      expect(hall.rows * hall.racksPerRow).toBeGreaterThanOrEqual(racks)
      expect((hall.rows - 1) * hall.racksPerRow).toBeLessThan(racks)
      expect(hall.w * hall.d).toBeGreaterThanOrEqual(racks * 4.5 * 0.999)
    }
    // With ample white space the hall is exactly its share (galleries take the rest).
    const roomy = planHall(264, 12)
    expect(roomy.w * roomy.d).toBeCloseTo(264 * 12, 6)
  })

  it('lays plots out with no row emptier than it must be, and frames them in the land', () => {
    for (let b = 1; b <= 48; b++) {
      const grid = planPlotGrid(b, 150, 40, 90, 20)
      expect(grid.cols * grid.rows).toBeGreaterThanOrEqual(b)
      expect(grid.cols * grid.rows - b).toBeLessThan(grid.cols)
    }
    const small = frameCampus(400, 300, 100, 200, 0)
    const big = frameCampus(400, 300, 100, 200, 300)
    expect(small.fence.w * small.fence.d).toBeLessThan(300 * 10_000)
    expect(big.fence.w * big.fence.d).toBeCloseTo(300 * 10_000, 3)
    // Grown evenly on every side, around the same developed area, centred on the origin.
    expect(big.fence.w - small.fence.w).toBeCloseTo(big.fence.d - small.fence.d, 6)
    expect(big.developed).toEqual(small.developed)
    expect(big.fence.x).toBe(0)
    expect(big.fence.z).toBe(0)
  })

  it('connects every building to the gate by road', () => {
    const reach = (STREET_M - ROAD_WIDTH_M) / 2 + 1e-6
    for (const s of [DEFAULT_SCENARIO, ABILENE, PROGRAMME, EVERYTHING]) {
      const layout = layoutOf(s)
      const roads = layout.roads
      // The access road is the one leaving the fence; it is the way in.
      const gate = roads.findIndex((r) => !rectContains(layout.fence, r))
      expect(gate).toBeGreaterThanOrEqual(0)
      const touching = (a: Rect, b: Rect) => rectsOverlap(grow(a, 1e-3), b)
      const reached = new Set([gate])
      const queue = [gate]
      for (let k = queue.shift(); k !== undefined; k = queue.shift()) {
        const from = roads[k] as Rect
        roads.forEach((r, j) => {
          if (!reached.has(j) && touching(from, r)) {
            reached.add(j)
            queue.push(j)
          }
        })
      }
      for (const b of layout.buildings) {
        const served = [...reached].some((j) => rectsOverlap(grow(b.rect, reach), roads[j] as Rect))
        expect(served, `building ${b.index}`).toBe(true)
      }
      const entrance = [...reached].some((j) =>
        rectsOverlap(grow(layout.parking, reach), roads[j] as Rect),
      )
      expect(entrance).toBe(true)
    }
  })

  it('puts a transmission tower at least every span, and one at every corner', () => {
    const route = [
      { x: 0, z: 0 },
      { x: 1000, z: 0 },
      { x: 1000, z: 700 },
      { x: 1100, z: 700 },
    ]
    const towers = towersAlong(route, [true, true, false])
    expect(towers).toContainEqual({ x: 1000, z: 0 })
    expect(towers).toContainEqual({ x: 1000, z: 700 })
    const path = [route[0], ...towers] as { x: number; z: number }[]
    for (let i = 1; i < path.length; i++) {
      const a = path[i - 1] as { x: number; z: number }
      const b = path[i] as { x: number; z: number }
      expect(Math.hypot(b.x - a.x, b.z - a.z)).toBeLessThanOrEqual(TOWER_SPAN_M + 1e-9)
    }
    // 1,000 m takes 4 spans, 700 m takes 3, the unspanned last leg none: 3 + 1 + 2 + 1 towers.
    expect(towers).toHaveLength(7)
  })

  it('places units of a row side by side, centred on the row', () => {
    const row = { kind: 'generator', yard: 0, x: 50, z: 10, count: 4, pitchM: 4.5 } as const
    const xs = [0, 1, 2, 3].map((i) => unitCentre(row, i).x)
    expect(xs).toEqual([43.25, 47.75, 52.25, 56.75])
    expect(unitRect(row, 3)).toEqual({ x: 56.75, z: 10, w: UNIT.generator.w, d: UNIT.generator.d })
  })
})

function grow(r: Rect, m: number): Rect {
  return { x: r.x, z: r.z, w: r.w + 2 * m, d: r.d + 2 * m }
}
