import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  COOLING_IDS,
  DEFAULT_SCENARIO,
  RACKS,
  RACK_IDS,
  SITE_IDS,
  decodeClimate,
  rackCountOf,
  simulate,
  type Scenario,
} from '../src/model'
import {
  AISLE_M,
  RACK_D_M,
  RACK_H_M,
  RACK_W_M,
  ROW_PITCH_M,
  layoutCampus,
  rectContains,
  rectsOverlap,
  type CampusLayout,
  type HallItem,
  type LayoutReadouts,
  type Rect,
} from '../src/layout'
import { ANNEX_W_M, OPENING, planBuilding, planBuildingKit } from '../src/layout/buildings'
import { POST_SPACING_M } from '../src/layout/fence'
import { CDU_MW, CRAH_MW, planHall, planHallKit } from '../src/layout/halls'
import { CAR, CAR_PAINT_SHARES, STALL } from '../src/layout/utilityColumn'

/**
 * Built detail of the layout (docs/SCENE.md, "Built detail"): façades, rooftop plant, hall
 * fit-out, gate, fence posts, parking and trucks keep their invariants — counts, inside their
 * bounds, no overlaps, true scale — for the default campus with the model's readouts and for
 * random campuses with readouts drawn over a wide range.
 */

function scenario(
  patch: Partial<Omit<Scenario, 'power'>> & { power?: Partial<Scenario['power']> },
): Scenario {
  const { power, ...rest } = patch
  return { ...DEFAULT_SCENARIO, ...rest, power: { ...DEFAULT_SCENARIO.power, ...power } }
}

/** Readouts from simple ratios: what the layout sizes from, without a model year. */
function readoutsFor(
  s: Scenario,
  v = { whiteM2PerRack: 4, floorOverWhite: 13, peakOverIt: 1.18, haPerMw: 1 },
): LayoutReadouts {
  const rackCount = rackCountOf(s)
  const itDesignMw = (rackCount * RACKS[s.rack].designKw) / 1000
  const facilityPeakMw = itDesignMw * v.peakOverIt
  const whiteSpaceM2 = rackCount * v.whiteM2PerRack
  return {
    rackCount,
    itDesignMw,
    facilityPeakMw,
    coolingDesignMwTh: itDesignMw * 1.05,
    chillerCapacityMwTh: 0,
    buildingFloorM2: whiteSpaceM2 * v.floorOverWhite,
    whiteSpaceM2,
    siteAreaHa: facilityPeakMw * v.haPerMw,
    backupGenerators: Math.ceil(facilityPeakMw / 3),
    gridConnectionMva: facilityPeakMw * 1.1,
  }
}

const PROGRAMME = scenario({
  site: 'las-cruces',
  buildings: 32,
  racksPerHall: 190,
  power: { gridMw: 3000, hydroMw: 0, solarMw: 1500, gasMw: 1800, batteryMwh: 6000 },
})
const SMALLEST = scenario({ buildings: 1, hallsPerBuilding: 1, racksPerHall: 1 })
const AIR = scenario({ rack: 'h100-dgx', cooling: 'air-chiller', hallsPerBuilding: 3 })

class Violations {
  readonly list: string[] = []
  add(rule: string, detail: string): void {
    if (this.list.filter((l) => l.startsWith(rule)).length < 5) this.list.push(`${rule}: ${detail}`)
  }
}

const at = (r: Rect) =>
  `(${r.x.toFixed(2)}, ${r.z.toFixed(2)}) ${r.w.toFixed(2)} × ${r.d.toFixed(2)} m`
const shift = (r: Rect, x: number, z: number): Rect => ({ ...r, x: r.x + x, z: r.z + z })

/** Two boxes (footprint and height range) share volume. */
function boxesOverlap(a: HallItem, b: HallItem): boolean {
  return rectsOverlap(a.rect, b.rect) && a.y < b.y + b.h - 1e-6 && b.y < a.y + a.h - 1e-6
}

/** The invariants of the built detail, as violations (empty when it keeps them all). */
function detailViolations(s: Scenario, layout: CampusLayout, r: LayoutReadouts): string[] {
  const v = new Violations()
  const { building: kit, hall: hk, site } = layout.detail
  const b0 = layout.buildings[0]
  if (!b0) return ['no building']
  const whole: Rect = { x: 0, z: 0, w: b0.rect.w, d: b0.rect.d }

  // Building: main block and annex (office, apron) tile the footprint; halls in the main block.
  for (const [name, part] of [
    ['main block', kit.main],
    ['office', kit.office],
    ['apron', kit.apron],
  ] as const)
    if (!rectContains(whole, part)) v.add('outside its building', `${name} at ${at(part)}`)
  if (rectsOverlap(kit.office, kit.apron) || rectsOverlap(kit.main, kit.office))
    v.add('building parts overlap', 'main block, office, apron')
  const area = kit.main.w * kit.main.d + kit.office.w * kit.office.d + kit.apron.w * kit.apron.d
  if (Math.abs(area - whole.w * whole.d) > 1e-6 * area)
    v.add('building parts do not fill it', `${area} m² of ${whole.w * whole.d} m²`)
  if (Math.abs(kit.office.w - ANNEX_W_M) > 1e-9) v.add('annex width', `${kit.office.w}`)
  for (const hall of layout.halls) {
    const b = layout.buildings[hall.building]
    if (b && !rectContains(shift(kit.main, b.rect.x, b.rect.z), hall.rect))
      v.add('hall outside the main block', `hall ${hall.index}`)
  }

  // Openings: on a wall of the main block or the office, within it, apart on each face.
  const walls = (face: string): { plane: number; lo: number; hi: number }[] => {
    const m = kit.main
    const o = kit.office
    const ends = (r: Rect, alongX: boolean) =>
      alongX ? [r.x - r.w / 2, r.x + r.w / 2] : [r.z - r.d / 2, r.z + r.d / 2]
    const wall = (r: Rect, side: number, alongX: boolean) => {
      const [lo, hi] = ends(r, alongX) as [number, number]
      return { plane: alongX ? r.z + (side * r.d) / 2 : r.x + (side * r.w) / 2, lo, hi }
    }
    if (face === 'north') return [wall(m, -1, true), wall(o, -1, true)]
    if (face === 'south') return [wall(m, 1, true), wall(o, 1, true)]
    if (face === 'west') return [wall(m, -1, false)]
    return [wall(m, 1, false), wall(o, 1, false)]
  }
  kit.openings.forEach((o, i) => {
    const alongX = o.face === 'north' || o.face === 'south'
    const u = alongX ? o.x : o.z
    const plane = alongX ? o.z : o.x
    const onWall = walls(o.face).some(
      (w) =>
        Math.abs(w.plane - plane) < 1e-6 &&
        u - o.w / 2 >= w.lo - 1e-6 &&
        u + o.w / 2 <= w.hi + 1e-6,
    )
    if (!onWall) v.add('opening off its wall', `${o.kind} ${i} on the ${o.face} face at ${u}`)
    const top = o.kind === 'entrance' || o.kind === 'door' ? kit.officeHeightM : kit.mainHeightM
    if (o.y < 0 || o.y + o.h > top) v.add('opening above its wall', `${o.kind} ${i}`)
    kit.openings.forEach((p, j) => {
      if (j <= i || p.face !== o.face) return
      const pu = alongX ? p.x : p.z
      const pPlane = alongX ? p.z : p.x
      if (Math.abs(pPlane - plane) > 1e-6) return
      if (Math.abs(pu - u) * 2 < p.w + o.w && p.y < o.y + o.h && o.y < p.y + p.h)
        v.add('openings overlap', `${o.kind} ${i} and ${p.kind} ${j} on the ${o.face} face`)
    })
  })

  // Loading bays: one loading door each, truck stands in the apron and apart.
  const doors = kit.openings.filter((o) => o.kind === 'loading-door')
  if (doors.length !== kit.bays.length)
    v.add('loading bays', `${doors.length} doors for ${kit.bays.length} stands`)
  kit.bays.forEach((bay, i) => {
    if (!rectContains(kit.apron, bay)) v.add('truck stand outside the apron', at(bay))
    if (!doors.some((d) => Math.abs(d.z - bay.z) < 1e-9)) v.add('stand without a door', `${i}`)
    kit.bays.forEach((other, j) => {
      if (j > i && rectsOverlap(bay, other)) v.add('truck stands overlap', `${i} and ${j}`)
    })
  })

  // Roof: inside the parapet, nothing overlapping, standing on the roof.
  const roof: Rect = {
    ...kit.main,
    w: kit.main.w - 2 * kit.parapetThicknessM,
    d: kit.main.d - 2 * kit.parapetThicknessM,
  }
  kit.roof.forEach((item, i) => {
    if (!rectContains(roof, item.rect)) v.add('roof item off the roof', `${item.kind} ${i}`)
    if (item.y !== kit.mainHeightM) v.add('roof item not on the roof', `${item.kind} ${i}`)
    kit.roof.forEach((other, j) => {
      if (j > i && rectsOverlap(item.rect, other.rect))
        v.add('roof items overlap', `${item.kind} ${i} and ${other.kind} ${j}`)
    })
  })
  const count = (kind: string) => kit.roof.filter((r) => r.kind === kind).length
  if (count('exhaust-fan') < s.hallsPerBuilding) v.add('exhaust fans', `${count('exhaust-fan')}`)
  if (count('stair-core') !== 2) v.add('stair cores', `${count('stair-core')}`)
  if (count('walkway') < 2) v.add('walkways', `${count('walkway')}`)

  // Hall fit-out: inside the hall and under its roof, nothing overlapping, clear of the racks.
  const hall = layout.halls[0]
  if (!hall) return v.list
  const hallRect: Rect = { x: 0, z: 0, w: hall.rect.w, d: hall.rect.d }
  const racks: HallItem[] = layout.rackRows
    .filter((row) => row.hall === 0)
    .map((row) => ({
      kind: 'cdu',
      rect: {
        x: row.x - hall.rect.x,
        z: row.z - hall.rect.z,
        w: row.racks * RACK_W_M,
        d: RACK_D_M,
      },
      y: 0,
      h: RACK_H_M,
    }))
  hk.items.forEach((item, i) => {
    if (!rectContains(hallRect, item.rect)) v.add('fit-out outside the hall', `${item.kind} ${i}`)
    if (item.y < 0 || item.y + item.h > hk.ceilingM + 1e-9)
      v.add('fit-out above the ceiling or under the floor', `${item.kind} ${i}`)
    hk.items.forEach((other, j) => {
      if (j > i && boxesOverlap(item, other))
        v.add('fit-out overlaps', `${item.kind} ${i} and ${other.kind} ${j}`)
    })
    if (racks.some((rack) => boxesOverlap(item, rack)))
      v.add('fit-out overlaps a rack row', `${item.kind} ${i} at ${at(item.rect)}`)
  })
  const people = hk.people.map((p): HallItem => ({
    kind: 'cdu',
    rect: { x: p.x, z: p.z, w: 0.5, d: 0.5 },
    y: 0,
    h: p.heightM,
  }))
  people.forEach((p, i) => {
    if (!rectContains(hallRect, p.rect)) v.add('person outside the hall', `${i}`)
    if ([...racks, ...hk.items].some((item) => boxesOverlap(p, item)))
      v.add('person inside fit-out or racks', `${i} at ${at(p.rect)}`)
    people.forEach((q, j) => {
      if (j > i && Math.hypot(p.rect.x - q.rect.x, p.rect.z - q.rect.z) < 0.8)
        v.add('people too close', `${i} and ${j}`)
    })
  })

  // Site: gate on the west fence, gate house inside it and off the roads, barrier on the road.
  const fence = layout.fence
  const { gate, posts } = site
  if (Math.abs(gate.opening.x - (fence.x - fence.w / 2)) > 1e-9) v.add('gate off the fence', '')
  if (!rectContains(fence, gate.house)) v.add('gate house outside the fence', at(gate.house))
  const access = layout.roads.find((road) => !rectContains(fence, road))
  if (!access || !rectsOverlap(access, gate.barrier) || !rectsOverlap(access, gate.opening))
    v.add('gate not on the access road', '')
  if (!layout.footprints.some((f) => f.rect === gate.house)) v.add('gate house not a footprint', '')

  // Fence posts: on the fence line, at most the spacing apart, none in the gate's gap.
  const x0 = fence.x - fence.w / 2
  const x1 = fence.x + fence.w / 2
  const z0 = fence.z - fence.d / 2
  const z1 = fence.z + fence.d / 2
  const perimeter = 2 * (fence.w + fence.d)
  if (posts.count < (perimeter - gate.opening.d) / POST_SPACING_M)
    v.add('too few posts', `${posts.count}`)
  for (let i = 0; i < posts.count; i++) {
    const x = posts.x[i] ?? NaN
    const z = posts.z[i] ?? NaN
    const onLine =
      (Math.abs(x - x0) < 0.01 || Math.abs(x - x1) < 0.01) && z >= z0 - 0.01 && z <= z1 + 0.01
    const onRail =
      (Math.abs(z - z0) < 0.01 || Math.abs(z - z1) < 0.01) && x >= x0 - 0.01 && x <= x1 + 0.01
    if (!onLine && !onRail) v.add('post off the fence', `${i} at (${x}, ${z})`)
    if (Math.abs(x - x0) < 0.01 && Math.abs(z - gate.opening.z) < gate.opening.d / 2 - 0.01)
      v.add('post in the gate', `${i}`)
    const nx = posts.x[(i + 1) % posts.count] ?? NaN
    const nz = posts.z[(i + 1) % posts.count] ?? NaN
    const gap = Math.hypot(nx - x, nz - z)
    const isGate = Math.abs(gap - gate.opening.d) < 0.01
    if (gap > POST_SPACING_M * 1.001 && !isGate) v.add('posts too far apart', `${i}: ${gap} m`)
  }

  // Parking: stalls in the lot, apart, at least one per space; cars in stalls.
  const spaces = Math.min(2000, Math.ceil(40 + 0.4 * r.facilityPeakMw))
  if (site.stalls.length < spaces) v.add('too few stalls', `${site.stalls.length} < ${spaces}`)
  site.stalls.forEach((stall, i) => {
    if (!rectContains(layout.parking, stall)) v.add('stall outside the lot', `${i}`)
    if (stall.w !== STALL.w || stall.d !== STALL.d) v.add('stall size', `${i}`)
  })
  // Stalls on one grid: none overlaps the one beside it or behind it.
  const keys = new Set(site.stalls.map((st) => `${st.x.toFixed(3)},${st.z.toFixed(3)}`))
  if (keys.size !== site.stalls.length) v.add('stalls overlap', 'two stalls on one spot')
  for (const car of site.cars) {
    const stall = site.stalls.find(
      (st) => Math.abs(st.x - car.x) < STALL.w / 2 && Math.abs(st.z - car.z) < STALL.d / 2,
    )
    if (!stall) v.add('car not in a stall', `(${car.x}, ${car.z})`)
    // The car's corners stay in its stall (its heading is within a few degrees of the stall's).
    else if (
      Math.abs(car.x - stall.x) + CAR.width / 2 + Math.abs(Math.sin(car.yaw)) * CAR.length >
        STALL.w / 2 + 1e-6 ||
      Math.abs(car.z - stall.z) + CAR.length / 2 > STALL.d / 2 + 1e-6
    )
      v.add('car over its stall lines', `(${car.x}, ${car.z})`)
    if (car.colour < 0 || car.colour >= CAR_PAINT_SHARES.length) v.add('car paint', `${car.colour}`)
  }

  // Trucks: at loading bays, inside their building's footprint.
  for (const truck of site.trucks) {
    const b = layout.buildings.find((bb) =>
      kit.bays.some(
        (bay) =>
          Math.abs(bb.rect.x + bay.x - truck.x) < 1e-6 &&
          Math.abs(bb.rect.z + bay.z - truck.z) < 1e-6,
      ),
    )
    if (!b) v.add('truck not at a bay', `(${truck.x}, ${truck.z})`)
  }
  if (site.trucks.length > kit.bays.length * layout.buildings.length) v.add('too many trucks', '')

  // Kerbs: inside the fence, off the roads and every footprint.
  site.kerbs.forEach((kerb, i) => {
    if (!rectContains(fence, kerb)) v.add('kerb outside the fence', `${i}`)
    if (layout.roads.some((road) => rectsOverlap(road, kerb))) v.add('kerb on a road', at(kerb))
    if (layout.footprints.some((f) => rectsOverlap(f.rect, kerb)))
      v.add('kerb on a footprint', at(kerb))
  })
  return v.list
}

let defaultReadouts: LayoutReadouts
beforeAll(() => {
  const climate = decodeClimate(
    JSON.parse(readFileSync(`assets/climate/${DEFAULT_SCENARIO.site}.json`, 'utf8')),
  )
  defaultReadouts = simulate(DEFAULT_SCENARIO, climate).readouts
})

describe('built detail', () => {
  it.each([
    ['the default campus', DEFAULT_SCENARIO],
    ['4.5 GW programme', PROGRAMME],
    ['the smallest campus', SMALLEST],
    ['air-cooled racks', AIR],
  ])('keeps its invariants: %s', { timeout: 10_000 }, (name, s) => {
    const r = name === 'the default campus' ? defaultReadouts : readoutsFor(s)
    expect(detailViolations(s, layoutCampus(s, r), r)).toEqual([])
  })

  it('keeps its invariants for random campuses and readouts', { timeout: 30_000 }, () => {
    const arb = fc.record({
      site: fc.constantFrom(...SITE_IDS),
      buildings: fc.integer({ min: 1, max: 12 }),
      hallsPerBuilding: fc.integer({ min: 1, max: 8 }),
      racksPerHall: fc.integer({ min: 1, max: 600 }),
      rack: fc.constantFrom(...RACK_IDS),
      cooling: fc.constantFrom(...COOLING_IDS),
      whiteM2PerRack: fc.double({ min: 1, max: 12, noNaN: true }),
      floorOverWhite: fc.double({ min: 1, max: 4, noNaN: true }),
      peakOverIt: fc.double({ min: 1, max: 1.8, noNaN: true }),
      haPerMw: fc.double({ min: 0, max: 2, noNaN: true }),
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
        })
        const r = readoutsFor(s, v)
        expect(detailViolations(s, layoutCampus(s, r), r)).toEqual([])
      }),
      { numRuns: 40, seed: 20_260_310 },
    )
  })

  it('sizes doors, loading bays, cars, trucks and people at true scale', () => {
    expect(OPENING.door.h).toBeGreaterThanOrEqual(2.1)
    expect(OPENING.door.h).toBeLessThanOrEqual(3)
    expect(OPENING.entrance.h).toBeGreaterThanOrEqual(2.1)
    expect(OPENING.entrance.h).toBeLessThanOrEqual(3)
    expect(OPENING['loading-door'].w).toBeGreaterThanOrEqual(3.5)
    expect(OPENING['loading-door'].w).toBeLessThanOrEqual(4.5)
    expect(CAR.length).toBeCloseTo(4.5, 6)
    const layout = layoutCampus(DEFAULT_SCENARIO, defaultReadouts)
    const { building, hall, site } = layout.detail
    for (const o of building.openings) expect(o).toMatchObject(OPENING[o.kind])
    const heights = hall.people.map((p) => p.heightM)
    for (const h of heights) expect(h).toBeGreaterThan(1.6)
    for (const h of heights) expect(h).toBeLessThan(1.9)
    expect(heights.reduce((a, b) => a + b, 0) / heights.length).toBeCloseTo(1.75, 1)
    // The default campus: two 4-bay buildings, 15 m main blocks, a 12 m office block.
    expect(building.bays).toHaveLength(4)
    expect(building.mainHeightM).toBe(15)
    expect(building.officeHeightM).toBe(12)
    expect(site.trucks.length).toBeGreaterThan(0)
    // About 80 % of the stalls taken, paints in the mix.
    expect(site.cars.length / site.stalls.length).toBeGreaterThan(0.7)
    expect(site.cars.length / site.stalls.length).toBeLessThan(0.9)
    expect(new Set(site.cars.map((c) => c.colour)).size).toBeGreaterThanOrEqual(5)
  })

  it('fits a hall with containment, CDUs for the liquid heat and air handlers for the rest', () => {
    const plan = planHall(174, 4)
    const kit = planHallKit(plan, { itMw: 24.9, liquidShare: 0.85, ceilingM: 6.9 })
    // Five rows: hot aisles between rows 2–3 and 4–5, a roof panel and two doors each.
    expect(plan.rows).toBe(5)
    expect(kit.containment).toBe('hot')
    expect(kit.containedAisles).toBe(2)
    const n = (kind: string) => kit.items.filter((i) => i.kind === kind).length
    expect(n('containment-roof')).toBe(2)
    expect(n('containment-door')).toBe(4)
    // 21.2 MW of liquid heat over 1.5 MW units, plus one spare; 3.7 MW of air over 0.45 MW.
    expect(kit.cdus).toBe(Math.ceil((24.9 * 0.85) / CDU_MW) + 1)
    expect(kit.crahs).toBe(Math.ceil((24.9 * 0.15) / CRAH_MW) + 1)
    expect(n('cdu')).toBe(kit.cdus)
    expect(n('busway')).toBe(5)
    expect(n('supply-pipe')).toBeGreaterThanOrEqual(5 + 2)
    expect(n('beam')).toBeGreaterThan(0)
    // Air-cooled racks: no CDUs, no liquid pipes; two rows contain their shared cold aisle.
    const air = planHallKit(planHall(20, 4), { itMw: 0.8, liquidShare: 0, ceilingM: 6.9 })
    expect(air.cdus).toBe(0)
    expect(air.items.some((i) => i.kind === 'supply-pipe')).toBe(false)
    expect(air.containment).toBe('cold')
    expect(air.containedAisles).toBe(1)
    // The contained aisle lies between the two rows.
    const roof = air.items.find((i) => i.kind === 'containment-roof')
    const field = planHall(20, 4).fieldD
    expect(roof?.rect.z).toBeCloseTo(-field / 2 + AISLE_M + RACK_D_M / 2 + ROW_PITCH_M / 2, 9)
  })

  it('grows the rooftop plant and the loading bays with the building', () => {
    const small = planBuildingKit(planBuilding(2, planHall(60, 4), 2 * 60 * 4 * 10, 1))
    const big = planBuildingKit(planBuilding(8, planHall(400, 4), 8 * 400 * 4 * 10, 1))
    const n = (kit: typeof small, kind: string) => kit.roof.filter((r) => r.kind === kind).length
    expect(n(big, 'air-handler')).toBeGreaterThan(n(small, 'air-handler'))
    expect(n(big, 'exhaust-fan')).toBeGreaterThan(n(small, 'exhaust-fan'))
    expect(big.bays.length).toBeGreaterThanOrEqual(small.bays.length)
    expect(small.bays.length).toBeGreaterThanOrEqual(1)
  })
})
