/**
 * Trees round the campus, at true scale for the site's climate (`TerrainSpec.biome`), placed
 * deterministically outside the fence, off the roads, footprints, line and penstock corridors,
 * the sea, the reservoir and steep rock. Pure: the scene draws what this returns.
 */
import { fbm, smoothstep, terrainHeightM } from './terrain'
import type { Biome, CampusLayout, Point, Rect, TerrainSpec } from './types'

/** Tree kinds the scene can draw; the index in this list is a tree's `species` number. */
export const TREE_SPECIES = [
  'spruce',
  'pine',
  'birch',
  'broadleaf',
  'palm',
  'mesquite',
  'juniper',
  'desert-shrub',
] as const
export type TreeSpecies = (typeof TREE_SPECIES)[number]

interface SpeciesShare {
  readonly species: TreeSpecies
  readonly share: number
  /** Height range, metres. */
  readonly heightM: readonly [number, number]
  /** Crown diameter over height. */
  readonly crown: number
}

interface Stand {
  /** Most trees placed (the forest far off is also shown by the ground's colour). */
  readonly maxTrees: number
  /** Grove noise above which trees stand (−1…1: lower is denser). */
  readonly groveAbove: number
  /** Spacing of candidate positions near the campus, metres. */
  readonly spacingM: number
  /** Highest ground with trees (the tree line), metres. */
  readonly treeLineM: number
  readonly mix: readonly SpeciesShare[]
}

/**
 * What grows where (heights from forest inventories and floras, rounded): Norway spruce and
 * Scots pine 15–25 m with downy birch below the northern tree line (≈ 400 m at 68° N); oak and
 * beech 15–25 m in farmland woodlots; honey mesquite 4–8 m and juniper on Texas rangeland;
 * palo verde and creosote 1.5–5 m, sparse, in the desert; date palms on the Gulf; coconut palms
 * and rainforest trees on a tropical coast.
 */
export const STANDS: Readonly<Record<Biome, Stand>> = {
  fjord: {
    maxTrees: 2200,
    groveAbove: -0.05,
    spacingM: 34,
    treeLineM: 420,
    mix: [
      { species: 'pine', share: 0.35, heightM: [15, 22], crown: 0.32 },
      { species: 'spruce', share: 0.25, heightM: [15, 24], crown: 0.3 },
      { species: 'birch', share: 0.4, heightM: [9, 15], crown: 0.45 },
    ],
  },
  boreal: {
    maxTrees: 3000,
    groveAbove: -0.25,
    spacingM: 30,
    treeLineM: 600,
    mix: [
      { species: 'spruce', share: 0.5, heightM: [16, 25], crown: 0.3 },
      { species: 'pine', share: 0.35, heightM: [15, 24], crown: 0.32 },
      { species: 'birch', share: 0.15, heightM: [10, 16], crown: 0.45 },
    ],
  },
  farmland: {
    maxTrees: 1600,
    groveAbove: 0.2,
    spacingM: 30,
    treeLineM: 2000,
    mix: [
      { species: 'broadleaf', share: 0.85, heightM: [14, 25], crown: 0.65 },
      { species: 'pine', share: 0.15, heightM: [14, 20], crown: 0.35 },
    ],
  },
  scrub: {
    maxTrees: 1400,
    groveAbove: -0.2,
    spacingM: 42,
    treeLineM: 2000,
    mix: [
      { species: 'mesquite', share: 0.7, heightM: [4, 8], crown: 1.2 },
      { species: 'juniper', share: 0.3, heightM: [3, 6], crown: 0.75 },
    ],
  },
  desert: {
    maxTrees: 500,
    groveAbove: -0.1,
    spacingM: 70,
    treeLineM: 3000,
    mix: [
      { species: 'desert-shrub', share: 0.75, heightM: [1.5, 4], crown: 1.1 },
      { species: 'mesquite', share: 0.25, heightM: [4, 7], crown: 1.1 },
    ],
  },
  'desert-coast': {
    maxTrees: 300,
    groveAbove: 0.25,
    spacingM: 60,
    treeLineM: 3000,
    mix: [
      { species: 'palm', share: 0.6, heightM: [8, 14], crown: 0.6 },
      { species: 'desert-shrub', share: 0.4, heightM: [1.5, 3.5], crown: 1.1 },
    ],
  },
  'tropical-coast': {
    maxTrees: 2200,
    groveAbove: -0.1,
    spacingM: 30,
    treeLineM: 2000,
    mix: [
      { species: 'broadleaf', share: 0.55, heightM: [18, 30], crown: 0.6 },
      { species: 'palm', share: 0.45, heightM: [12, 20], crown: 0.5 },
    ],
  },
}

/** Trees as a structure of arrays (positions on the ground, metres). */
export interface TreePlacements {
  readonly count: number
  readonly x: Float32Array
  readonly y: Float32Array
  readonly z: Float32Array
  readonly heightM: Float32Array
  readonly crownM: Float32Array
  /** Index into `TREE_SPECIES`. */
  readonly species: Uint8Array
  /** Colour variation, −1…1. */
  readonly shade: Float32Array
}

/** How far trees are kept from the fence, roads and footprints, metres. */
export const TREE_CLEAR_FENCE_M = 25
export const TREE_CLEAR_ROAD_M = 6
export const TREE_CLEAR_FOOTPRINT_M = 12
export const TREE_CLEAR_CORRIDOR_M = 25
/** Steepest ground with trees (rise over run). */
const MAX_SLOPE = 0.7
/** Trees stand within this distance of the pad's edge. */
export const TREE_REACH_M = 2600

/** Where groves stand, about −1…1 (the scene darkens the ground under them too). */
export function groveNoise(t: TerrainSpec, x: number, z: number): number {
  const g = fbm(t.seed + 23, x / 320, z / 320)
  if (t.biome !== 'farmland') return g
  // Farmland: woodlots, plus hedgerows along a field grid of about 300 × 220 m.
  const fx = Math.abs(((x + 97) / 300) % 1) - 0.5
  const fz = Math.abs(((z + 41) / 220) % 1) - 0.5
  const hedge = Math.max(1 - Math.abs(fx) * 2 * 150, 1 - Math.abs(fz) * 2 * 110, 0)
  return Math.max(g, hedge > 0.9 && fbm(t.seed + 29, x / 500, z / 500) > -0.1 ? 0.6 : -1)
}

function insideRect(r: Rect, x: number, z: number, margin: number): boolean {
  return Math.abs(x - r.x) <= r.w / 2 + margin && Math.abs(z - r.z) <= r.d / 2 + margin
}

/** Segments as flat numbers (ax, az, bx, bz), with a box round them all for a quick reject. */
interface Corridors {
  readonly seg: Float64Array
  readonly box: Rect
}

function corridorsOf(segments: readonly (readonly [Point, Point])[], clearM: number): Corridors {
  const seg = new Float64Array(segments.length * 4)
  let x0 = Infinity
  let x1 = -Infinity
  let z0 = Infinity
  let z1 = -Infinity
  segments.forEach(([a, b], i) => {
    seg.set([a.x, a.z, b.x, b.z], i * 4)
    x0 = Math.min(x0, a.x, b.x)
    x1 = Math.max(x1, a.x, b.x)
    z0 = Math.min(z0, a.z, b.z)
    z1 = Math.max(z1, a.z, b.z)
  })
  const box =
    segments.length > 0
      ? { x: (x0 + x1) / 2, z: (z0 + z1) / 2, w: x1 - x0 + 2 * clearM, d: z1 - z0 + 2 * clearM }
      : { x: 0, z: 0, w: -1, d: -1 }
  return { seg, box }
}

/** Whether (x, z) is within `clearM` of any corridor segment. */
function nearCorridor(c: Corridors, x: number, z: number, clearM: number): boolean {
  if (!insideRect(c.box, x, z, 0)) return false
  const s = c.seg
  const c2 = clearM * clearM
  for (let i = 0; i < s.length; i += 4) {
    const ax = s[i] ?? 0
    const az = s[i + 1] ?? 0
    const bx = s[i + 2] ?? 0
    const bz = s[i + 3] ?? 0
    if (x < Math.min(ax, bx) - clearM || x > Math.max(ax, bx) + clearM) continue
    if (z < Math.min(az, bz) - clearM || z > Math.max(az, bz) + clearM) continue
    const dx = bx - ax
    const dz = bz - az
    const len2 = dx * dx + dz * dz
    const u = len2 > 0 ? Math.max(0, Math.min(1, ((x - ax) * dx + (z - az) * dz) / len2)) : 0
    const ex = x - (ax + u * dx)
    const ez = z - (az + u * dz)
    if (ex * ex + ez * ez < c2) return true
  }
  return false
}

function insideAny(rects: readonly Rect[], x: number, z: number): boolean {
  for (const r of rects) if (insideRect(r, x, z, 0)) return true
  return false
}

/** A small deterministic number in 0…1 from a position and a salt. */
function hash01(x: number, z: number, salt: number): number {
  let h = (Math.round(x * 7) * 374761393 + Math.round(z * 7) * 668265263 + salt * 2147483647) | 0
  h = Math.imul(h ^ (h >>> 13), 1274126177)
  h ^= h >>> 16
  return (h >>> 0) / 4294967296
}

/** Every tree round the campus (deterministic in the layout). */
export function placeTrees(layout: CampusLayout): TreePlacements {
  const t = layout.terrain
  const stand = STANDS[t.biome]
  const keepOut: Rect[] = [
    ...layout.roads.map((r) => growRectBy(r, TREE_CLEAR_ROAD_M)),
    ...layout.footprints.map((f) => growRectBy(f.rect, TREE_CLEAR_FOOTPRINT_M)),
    ...layout.yards.map((y) => growRectBy(y.rect, TREE_CLEAR_FOOTPRINT_M)),
  ]
  const keepOutBox = layout.bounds
  const segments: (readonly [Point, Point])[] = []
  for (const line of layout.lines) {
    const route = [line.start, ...line.towers, line.end]
    for (let i = 0; i + 1 < route.length; i++) {
      const a = route[i]
      const b = route[i + 1]
      if (a && b) segments.push([a, b])
    }
  }
  const hydro = layout.hydro
  if (hydro) {
    const path = hydro.penstockPath.map(([x, , z]) => ({ x, z }))
    for (let i = 0; i + 1 < path.length; i++) {
      const a = path[i]
      const b = path[i + 1]
      if (a && b) segments.push([a, b])
    }
  }
  const intake = layout.intake
  if (intake)
    for (let i = 0; i + 1 < intake.pipe.length; i++) {
      const a = intake.pipe[i]
      const b = intake.pipe[i + 1]
      if (a && b) segments.push([a, b])
    }

  const corridors = corridorsOf(segments, TREE_CLEAR_CORRIDOR_M)
  const fence = growRectBy(layout.fence, TREE_CLEAR_FENCE_M)
  const reach = TREE_REACH_M + Math.max(t.pad.w, t.pad.d) / 2
  const out = {
    x: [] as number[],
    y: [] as number[],
    z: [] as number[],
    h: [] as number[],
    c: [] as number[],
    s: [] as number[],
    v: [] as number[],
    p: [] as number[],
  }
  const cell = stand.spacingM
  const total = stand.mix.reduce((a, m) => a + m.share, 0)
  for (let gz = -reach; gz <= reach; gz += cell)
    for (let gx = -reach; gx <= reach; gx += cell) {
      const x = t.pad.x + gx + (hash01(gx, gz, 1) - 0.5) * cell * 0.9
      const z = t.pad.z + gz + (hash01(gx, gz, 2) - 0.5) * cell * 0.9
      const fromPad = Math.max(
        Math.abs(x - t.pad.x) - t.pad.w / 2,
        Math.abs(z - t.pad.z) - t.pad.d / 2,
      )
      if (fromPad > TREE_REACH_M) continue
      // Fewer candidates far out: the ground's colour carries the distant forest.
      const keep = 1 - 0.65 * smoothstep((fromPad - 600) / (TREE_REACH_M - 600))
      if (hash01(gx, gz, 3) > keep) continue
      if (groveNoise(t, x, z) < stand.groveAbove) continue
      if (insideRect(fence, x, z, 0)) continue
      if (insideRect(keepOutBox, x, z, 40) && insideAny(keepOut, x, z)) continue
      if (nearCorridor(corridors, x, z, TREE_CLEAR_CORRIDOR_M)) continue
      if (hydro && insideRect(hydro.reservoir, x, z, 30)) continue
      const y = terrainHeightM(t, x, z)
      if (t.seaLevelYM !== null && y < t.seaLevelYM + 2) continue
      if (y > stand.treeLineM) continue
      // Steep rock only where the land rises well above the pad.
      if (y > 40) {
        const slope =
          Math.hypot(terrainHeightM(t, x + 8, z) - y, terrainHeightM(t, x, z + 8) - y) / 8
        if (slope > MAX_SLOPE) continue
      }
      // Species by share; palms on a coast stand mostly near the shore.
      let pick = hash01(gx, gz, 4) * total
      let choice = stand.mix[0]
      for (const m of stand.mix) {
        choice = m
        pick -= m.share
        if (pick <= 0) break
      }
      if (!choice) continue
      if (
        choice.species === 'palm' &&
        t.biome === 'tropical-coast' &&
        t.shoreZ !== null &&
        t.shoreZ - z > 500 &&
        hash01(gx, gz, 6) < 0.7
      )
        choice = stand.mix[0] ?? choice
      const [lo, hi] = choice.heightM
      const h = lo + (hi - lo) * hash01(gx, gz, 5)
      out.x.push(x)
      out.y.push(y)
      out.z.push(z)
      out.h.push(h)
      out.c.push(h * choice.crown)
      out.s.push(TREE_SPECIES.indexOf(choice.species))
      out.v.push(hash01(gx, gz, 7) * 2 - 1)
      out.p.push(hash01(gx, gz, 8))
    }
  // More candidates than the stand's most: keep an even random sample (by a hash), so every
  // side of the campus keeps its share.
  let order = out.x.map((_, i) => i)
  if (order.length > stand.maxTrees)
    order = order
      .sort((a, b) => (out.p[a] ?? 0) - (out.p[b] ?? 0))
      .slice(0, stand.maxTrees)
      .sort((a, b) => a - b)
  const pick = (list: number[]) => order.map((i) => list[i] ?? 0)
  return {
    count: order.length,
    x: Float32Array.from(pick(out.x)),
    y: Float32Array.from(pick(out.y)),
    z: Float32Array.from(pick(out.z)),
    heightM: Float32Array.from(pick(out.h)),
    crownM: Float32Array.from(pick(out.c)),
    species: Uint8Array.from(pick(out.s)),
    shade: Float32Array.from(pick(out.v)),
  }
}

function growRectBy(r: Rect, m: number): Rect {
  return { x: r.x, z: r.z, w: r.w + 2 * m, d: r.d + 2 * m }
}
