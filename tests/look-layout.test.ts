import { beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_SCENARIO, simulate, type Scenario } from '../src/model'
import {
  MAX_SITE_LIGHTS,
  POLE_SETBACK_M,
  POLE_SPACING_M,
  SITE_BIOME,
  STANDS,
  TREE_CLEAR_FENCE_M,
  TREE_CLEAR_FOOTPRINT_M,
  TREE_CLEAR_ROAD_M,
  TREE_REACH_M,
  TREE_SPECIES,
  layoutCampus,
  placeSiteLights,
  placeTrees,
  terrainHeightM,
  type CampusLayout,
  type Rect,
  type TreePlacements,
} from '../src/layout'
import { syntheticClimate } from './helpers/syntheticClimate'

/**
 * Invariants of what the look places round a campus (src/layout/vegetation.ts, siteLights.ts):
 * inside its bounds, clear of what it must keep off, deterministic, and counted.
 */

function scenario(
  patch: Partial<Omit<Scenario, 'power'>> & { power?: Partial<Scenario['power']> },
): Scenario {
  const { power, ...rest } = patch
  return { ...DEFAULT_SCENARIO, ...rest, power: { ...DEFAULT_SCENARIO.power, ...power } }
}

/** One campus per kind of land round it (biome), with the feeds that cross it. */
const CAMPUSES: readonly (readonly [string, Scenario])[] = [
  ['Narvik (fjord, hydro)', DEFAULT_SCENARIO],
  [
    'Abilene (scrub, gas)',
    scenario({ site: 'abilene', buildings: 8, power: { gridMw: 750, hydroMw: 0, gasMw: 360 } }),
  ],
  ['Phoenix (desert, solar)', scenario({ site: 'phoenix', power: { hydroMw: 0, solarMw: 150 } })],
  [
    'Singapore (tropical coast, seawater)',
    scenario({ site: 'singapore', cooling: 'dlc-seawater', power: { hydroMw: 0 } }),
  ],
  ['Luleå (boreal, wind)', scenario({ site: 'lulea', power: { windTurbines: 20 } })],
  ['Abu Dhabi (desert coast)', scenario({ site: 'abu-dhabi', power: { hydroMw: 0 } })],
  ['Ashburn (farmland)', scenario({ site: 'ashburn', power: { hydroMw: 0 } })],
]

const layouts = new Map<string, CampusLayout>()
const treesByLayout = new Map<CampusLayout, TreePlacements>()

// A model year per campus (the layout sizes what it places from the readouts) and its trees:
// once, before the tests, with a timeout it stays far under on a loaded 2-core machine.
beforeAll(() => {
  for (const [name, s] of CAMPUSES) {
    const layout = layoutCampus(s, simulate(s, syntheticClimate(s.site)).readouts)
    layouts.set(name, layout)
    treesByLayout.set(layout, placeTrees(layout))
  }
}, 60_000)

function treesOf(layout: CampusLayout): TreePlacements {
  const trees = treesByLayout.get(layout)
  if (!trees) throw new Error('no trees for the layout')
  return trees
}

function layoutNamed(name: string): CampusLayout {
  const layout = layouts.get(name)
  if (!layout) throw new Error(`no layout for ${name}`)
  return layout
}

function inside(r: Rect, x: number, z: number, margin = 0): boolean {
  return Math.abs(x - r.x) <= r.w / 2 + margin && Math.abs(z - r.z) <= r.d / 2 + margin
}

describe('trees round the campus', () => {
  it.each(CAMPUSES.map(([name]) => name))('keep their invariants: %s', (name) => {
    const layout = layoutNamed(name)
    const t = layout.terrain
    const stand = STANDS[t.biome]
    const trees = treesOf(layout)
    expect(t.biome).toBe(SITE_BIOME[layout.site])
    expect(trees.count).toBeGreaterThan(0)
    expect(trees.count).toBeLessThanOrEqual(stand.maxTrees)
    for (const list of [trees.x, trees.y, trees.z, trees.heightM, trees.crownM, trees.shade])
      expect(list.length).toBe(trees.count)
    const allowed = new Set(stand.mix.map((m) => m.species))
    const problems: string[] = []
    for (let i = 0; i < trees.count; i++) {
      const x = trees.x[i] ?? NaN
      const z = trees.z[i] ?? NaN
      const y = trees.y[i] ?? NaN
      const h = trees.heightM[i] ?? NaN
      const species = TREE_SPECIES[trees.species[i] ?? 255]
      const where = `tree ${i} at (${x.toFixed(0)}, ${z.toFixed(0)})`
      const mix = stand.mix.find((m) => m.species === species)
      if (!species || !allowed.has(species) || !mix) {
        problems.push(`${where}: species ${String(species)} does not grow in ${t.biome}`)
        continue
      }
      // Height within its species' range (Float32 rounding allowed).
      if (h < mix.heightM[0] - 1e-3 || h > mix.heightM[1] + 1e-3)
        problems.push(`${where}: ${h} m tall, outside ${mix.heightM.join('–')} m`)
      // Within reach of the pad, outside the fence, off roads, footprints and yards.
      if (!inside(t.pad, x, z, TREE_REACH_M + 1)) problems.push(`${where}: beyond reach`)
      if (inside(layout.fence, x, z, TREE_CLEAR_FENCE_M)) problems.push(`${where}: at the fence`)
      for (const road of layout.roads)
        if (inside(road, x, z, TREE_CLEAR_ROAD_M)) problems.push(`${where}: on a road`)
      for (const f of layout.footprints)
        if (inside(f.rect, x, z, TREE_CLEAR_FOOTPRINT_M))
          problems.push(`${where}: on footprint ${f.kind}`)
      for (const yard of layout.yards)
        if (inside(yard.rect, x, z, TREE_CLEAR_FOOTPRINT_M)) problems.push(`${where}: in a yard`)
      if (layout.hydro && inside(layout.hydro.reservoir, x, z, 30))
        problems.push(`${where}: in the reservoir`)
      // Standing on the ground, above the sea and below the tree line.
      if (Math.abs(y - terrainHeightM(t, x, z)) > 0.05) problems.push(`${where}: not on the ground`)
      if (t.seaLevelYM !== null && y < t.seaLevelYM + 2) problems.push(`${where}: in the sea`)
      if (y > stand.treeLineM) problems.push(`${where}: above the tree line`)
    }
    expect(problems.slice(0, 5)).toEqual([])
  })

  it('are the same for the same layout', () => {
    const layout = layoutNamed('Phoenix (desert, solar)')
    const a = treesOf(layout)
    const b = placeTrees(layout)
    expect(b.count).toBe(a.count)
    expect([...b.x]).toEqual([...a.x])
    expect([...b.z]).toEqual([...a.z])
    expect([...b.species]).toEqual([...a.species])
    expect([...b.heightM]).toEqual([...a.heightM])
  })

  it('grow by climate: conifers in the north, palms on tropical and Gulf coasts, none in the desert', () => {
    const species = (name: string) => {
      const trees = treesOf(layoutNamed(name))
      return new Set([...trees.species].map((s) => TREE_SPECIES[s]))
    }
    const narvik = species('Narvik (fjord, hydro)')
    expect(narvik.has('spruce') || narvik.has('pine')).toBe(true)
    expect(narvik.has('palm')).toBe(false)
    expect(species('Luleå (boreal, wind)').has('spruce')).toBe(true)
    expect(species('Singapore (tropical coast, seawater)').has('palm')).toBe(true)
    expect(species('Abu Dhabi (desert coast)').has('palm')).toBe(true)
    const phoenix = species('Phoenix (desert, solar)')
    expect(phoenix.has('spruce') || phoenix.has('pine') || phoenix.has('palm')).toBe(false)
    expect(species('Abilene (scrub, gas)').has('mesquite')).toBe(true)
  })
})

describe('site and road lights', () => {
  it.each(CAMPUSES.map(([name]) => name))('keep their invariants: %s', (name) => {
    const layout = layoutNamed(name)
    const lights = placeSiteLights(layout)
    // At most one pole per spacing along each road; most of those stand.
    const most = layout.roads.reduce(
      (n, r) => n + Math.floor(Math.max(r.w, r.d) / POLE_SPACING_M),
      0,
    )
    expect(lights.count).toBeGreaterThan(0)
    expect(lights.count).toBeLessThanOrEqual(Math.min(most, MAX_SITE_LIGHTS))
    expect(lights.count).toBeGreaterThanOrEqual(most * 0.5)
    const problems: string[] = []
    for (let i = 0; i < lights.count; i++) {
      const x = lights.x[i] ?? NaN
      const z = lights.z[i] ?? NaN
      const where = `light ${i} at (${x.toFixed(1)}, ${z.toFixed(1)})`
      if (!inside(layout.bounds, x, z)) problems.push(`${where}: outside the campus bounds`)
      for (const f of layout.footprints)
        if (inside(f.rect, x, z)) problems.push(`${where}: inside footprint ${f.kind}`)
      // Beside a road (its setback from the edge), facing it with a unit arm.
      const beside = layout.roads.some((r) => {
        const alongX = r.w >= r.d
        const off = alongX ? Math.abs(z - r.z) - r.d / 2 : Math.abs(x - r.x) - r.w / 2
        const along = alongX ? Math.abs(x - r.x) <= r.w / 2 : Math.abs(z - r.z) <= r.d / 2
        return along && Math.abs(off - POLE_SETBACK_M) < 1e-3
      })
      if (!beside) problems.push(`${where}: not beside a road`)
      if (Math.abs(Math.hypot(lights.dx[i] ?? 0, lights.dz[i] ?? 0) - 1) > 1e-6)
        problems.push(`${where}: arm not a unit vector`)
      const y = lights.y[i] ?? NaN
      if (Math.abs(y - terrainHeightM(layout.terrain, x, z)) > 0.05)
        problems.push(`${where}: not on the ground`)
    }
    expect(problems.slice(0, 5)).toEqual([])
  })

  it('are the same for the same layout and grow with the campus', () => {
    const small = layoutNamed('Narvik (fjord, hydro)')
    const large = layoutNamed('Abilene (scrub, gas)')
    const a = placeSiteLights(small)
    const b = placeSiteLights(small)
    expect([...b.x]).toEqual([...a.x])
    expect([...b.z]).toEqual([...a.z])
    expect(large.buildings.length).toBeGreaterThan(small.buildings.length)
    expect(placeSiteLights(large).count).toBeGreaterThan(a.count)
  })
})
