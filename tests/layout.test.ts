import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  COOLING_IDS,
  DEFAULT_SCENARIO,
  RACK_IDS,
  SITE_IDS,
  simulate,
  type Climate,
  type Readouts,
  type Scenario,
  type SiteId,
} from '../src/model'
import {
  RACK_W_M,
  layoutCampus,
  rectContains,
  rectsOverlap,
  terrainHeightM,
  unitRect,
  type CampusLayout,
  type Rect,
} from '../src/layout'

/** A mild synthetic year: the layout needs readouts, not a particular climate. */
function syntheticClimate(id: SiteId): Climate {
  const n = 8760
  const dry = new Float32Array(n)
  const dew = new Float32Array(n)
  const wet = new Float32Array(n)
  const wind = new Float32Array(n)
  for (let i = 0; i < n; i++) {
    const t = 8 + 12 * Math.sin((2 * Math.PI * i) / n) + 4 * Math.sin((2 * Math.PI * i) / 24)
    dry[i] = t
    dew[i] = t - 6
    wet[i] = t - 3
    wind[i] = 5 + 3 * Math.sin(i / 37)
  }
  return {
    id,
    name: id,
    lat: 50,
    lon: 10,
    elevationM: 0,
    pressurePa: 101_325,
    utcOffsetH: 0,
    synthesised: true,
    quality: 'test',
    method: 'test',
    source: 'test',
    sourceUrl: '',
    license: '',
    dryBulbC: dry,
    dewPointC: dew,
    wetBulbC: wet,
    windMs: wind,
  }
}

const climates = new Map<SiteId, Climate>()
function readoutsOf(s: Scenario): Readouts {
  let c = climates.get(s.site)
  if (!c) {
    c = syntheticClimate(s.site)
    climates.set(s.site, c)
  }
  return simulate(s, c).readouts
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

/** Every pair of rectangles that overlap, by a sweep along x. */
function overlappingPairs(rects: readonly Rect[]): [number, number][] {
  const order = rects.map((_, i) => i).sort((a, b) => minX(rects[a]) - minX(rects[b]))
  const pairs: [number, number][] = []
  const active: number[] = []
  for (const i of order) {
    const r = rects[i] as Rect
    for (let k = active.length - 1; k >= 0; k--) {
      const j = active[k] as number
      const other = rects[j] as Rect
      if (other.x + other.w / 2 <= minX(r)) active.splice(k, 1)
      else if (rectsOverlap(r, other)) pairs.push([j, i])
    }
    active.push(i)
  }
  return pairs
}
function minX(r: Rect | undefined): number {
  return r ? r.x - r.w / 2 : 0
}

function allUnitRects(layout: CampusLayout): Rect[] {
  const rects: Rect[] = []
  for (const row of layout.unitRows)
    for (let i = 0; i < row.count; i++) rects.push(unitRect(row, i))
  return rects
}

/** The invariants every layout keeps, whatever the scenario. */
function checkInvariants(s: Scenario, layout: CampusLayout): void {
  const rackCount = s.buildings * s.hallsPerBuilding * s.racksPerHall
  expect(layout.racks.count).toBe(rackCount)
  expect(layout.halls).toHaveLength(s.buildings * s.hallsPerBuilding)
  expect(layout.buildings).toHaveLength(s.buildings)
  expect(layout.rackRows.reduce((sum, r) => sum + r.racks, 0)).toBe(rackCount)

  // Every rack inside its hall's rack field; halls inside their buildings.
  for (let i = 0; i < rackCount; i++) {
    const hall = layout.halls[layout.racks.hall[i] ?? -1]
    if (!hall) throw new Error(`rack ${i} has no hall`)
    const rack: Rect = {
      x: layout.racks.x[i] ?? NaN,
      z: layout.racks.z[i] ?? NaN,
      w: RACK_W_M,
      d: 1.2,
    }
    if (!rectContains(hall.rackField, rack)) throw new Error(`rack ${i} outside hall ${hall.index}`)
  }
  for (const hall of layout.halls) {
    expect(rectContains(hall.rect, hall.rackField)).toBe(true)
    const building = layout.buildings[hall.building]
    expect(building && rectContains(building.rect, hall.rect)).toBe(true)
  }
  expect(overlappingPairs(layout.halls.map((h) => h.rect))).toEqual([])

  // No footprints overlap; units stay in their yards and apart; roads keep off them.
  expect(overlappingPairs(layout.footprints.map((f) => f.rect))).toEqual([])
  const units = allUnitRects(layout)
  expect(overlappingPairs(units)).toEqual([])
  for (const row of layout.unitRows) {
    const yard = layout.yards[row.yard]
    if (!yard) throw new Error('unit row without yard')
    for (let i = 0; i < row.count; i++) expect(rectContains(yard.rect, unitRect(row, i))).toBe(true)
  }
  for (const road of layout.roads)
    for (const f of layout.footprints)
      if (rectsOverlap(road, f.rect))
        throw new Error(`road over ${f.kind} at ${f.rect.x},${f.rect.z}`)

  // Everything inside the bounds; campus works inside the fence.
  const inBounds = [...layout.footprints.map((f) => f.rect), ...layout.roads, ...units]
  for (const r of inBounds) expect(rectContains(layout.bounds, r)).toBe(true)
  for (const b of layout.buildings) expect(rectContains(layout.fence, b.rect)).toBe(true)
  for (const y of layout.yards)
    if (y.kind !== 'solar') expect(rectContains(layout.fence, y.rect)).toBe(true)
  expect(layout.fence.w * layout.fence.d).toBeGreaterThanOrEqual(
    readoutsOf(s).siteAreaHa * 10_000 * 0.999,
  )

  // The campus pad is flat, and every number is finite.
  for (const f of layout.footprints)
    if (f.kind === 'building' || f.kind === 'yard')
      expect(terrainHeightM(layout.terrain, f.rect.x, f.rect.z)).toBe(0)
  for (const v of layout.racks.x) expect(Number.isFinite(v)).toBe(true)
}

describe('layoutCampus', () => {
  it('is deterministic', () => {
    const a = layoutOf(EVERYTHING)
    const b = layoutOf(EVERYTHING)
    expect(b).toEqual(a)
    expect(layoutOf(DEFAULT_SCENARIO)).toEqual(layoutOf(DEFAULT_SCENARIO))
  })

  it.each([
    ['default (Narvik)', DEFAULT_SCENARIO],
    ['Abilene', ABILENE],
    ['4.5 GW programme', PROGRAMME],
    ['every feed and seawater cooling', EVERYTHING],
    ['the largest campus', LARGEST],
  ])('keeps its invariants: %s', (_, s) => {
    checkInvariants(s, layoutOf(s))
  })

  it('keeps its invariants for random scenarios', () => {
    const arb = fc.record({
      site: fc.constantFrom(...SITE_IDS),
      buildings: fc.integer({ min: 1, max: 12 }),
      hallsPerBuilding: fc.integer({ min: 1, max: 8 }),
      racksPerHall: fc.integer({ min: 1, max: 600 }),
      rack: fc.constantFrom(...RACK_IDS),
      cooling: fc.constantFrom(...COOLING_IDS),
      redundancy: fc.constantFrom('N' as const, 'N+1' as const, '2N' as const),
      gridMw: fc.integer({ min: 0, max: 2000 }),
      hydroMw: fc.integer({ min: 0, max: 3000 }),
      windTurbines: fc.integer({ min: 0, max: 120 }),
      windTurbineMw: fc.integer({ min: 1, max: 20 }),
      solarMw: fc.integer({ min: 0, max: 800 }),
      gasMw: fc.integer({ min: 0, max: 900 }),
      batteryMwh: fc.integer({ min: 0, max: 4000 }),
    })
    fc.assert(
      fc.property(arb, (v) => {
        const s = scenario({
          site: v.site,
          buildings: v.buildings,
          hallsPerBuilding: v.hallsPerBuilding,
          racksPerHall: v.racksPerHall,
          rack: v.rack,
          cooling: v.cooling,
          redundancy: v.redundancy,
          power: {
            gridMw: v.gridMw,
            hydroMw: v.hydroMw,
            windTurbines: v.windTurbines,
            windTurbineMw: v.windTurbineMw,
            solarMw: v.solarMw,
            gasMw: v.gasMw,
            batteryMwh: v.batteryMwh,
          },
        })
        checkInvariants(s, layoutOf(s))
      }),
      { numRuns: 30, seed: 20_260_301 },
    )
  })

  it('grows what it places with what it serves', () => {
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

    const bigHydro = layoutOf(scenario({ power: { hydroMw: 2000 } }))
    expect(bigHydro.hydro?.powerhouse.w).toBeGreaterThan(base.hydro?.powerhouse.w ?? Infinity)
    expect(bigHydro.hydro?.penstocks).toBeGreaterThan(base.hydro?.penstocks ?? Infinity)

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
    const l = layoutOf(DEFAULT_SCENARIO)
    const hydro = l.hydro
    if (!hydro) throw new Error('default campus has hydro')
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

  it('lays out the largest campus (192,000 racks) in a few milliseconds', () => {
    const readouts = readoutsOf(LARGEST)
    layoutCampus(LARGEST, readouts)
    const times: number[] = []
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now()
      layoutCampus(LARGEST, readouts)
      times.push(performance.now() - t0)
    }
    times.sort((a, b) => a - b)
    const median = times[2] ?? Infinity
    console.log(`layoutCampus, 192,000 racks: median ${median.toFixed(1)} ms`)
    // Generous for shared CI machines; measured ≈ 3–6 ms here.
    expect(median).toBeLessThan(60)
  })
})
