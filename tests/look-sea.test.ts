import * as THREE from 'three'
import { describe, expect, it } from 'vitest'
import { DEFAULT_SCENARIO, simulate, type Scenario } from '../src/model'
import { layoutCampus } from '../src/layout'
import { buildSea, buildTerrain } from '../src/scene/Terrain'
import { syntheticClimate } from './helpers/syntheticClimate'

/**
 * The sea's surface (src/scene/Terrain.tsx, `buildSea`) covers exactly the terrain cells that
 * dip below sea level: where the sea can show, and nowhere it would only lie under dry land.
 */
function terrainFor(s: Scenario) {
  return layoutCampus(s, simulate(s, syntheticClimate(s.site)).readouts).terrain
}

describe('the sea surface', () => {
  for (const site of ['narvik', 'singapore'] as const) {
    it(`at ${site}: covers every wet cell once and no dry cell`, () => {
      const t = terrainFor({ ...DEFAULT_SCENARIO, site })
      expect(t.seaLevelYM, 'the site has a sea').not.toBeNull()
      const sea = t.seaLevelYM as number
      const terrain = buildTerrain(t)
      const p = terrain.getAttribute('position') as THREE.BufferAttribute
      const n = Math.round(Math.sqrt(p.count))
      const xs = Array.from({ length: n }, (_, i) => p.getX(i))
      const zs = Array.from({ length: n }, (_, j) => p.getZ(j * n))
      const cellOf = (x: number, z: number) => ({
        i: xs.findIndex((x0, i) => i < n - 1 && x >= x0 && x <= (xs[i + 1] as number)),
        j: zs.findIndex((z0, j) => j < n - 1 && z >= z0 && z <= (zs[j + 1] as number)),
      })
      const wet = (i: number, j: number) =>
        Math.min(
          p.getY(j * n + i),
          p.getY(j * n + i + 1),
          p.getY((j + 1) * n + i),
          p.getY((j + 1) * n + i + 1),
        ) < sea
      let wetArea = 0
      for (let j = 0; j < n - 1; j++)
        for (let i = 0; i < n - 1; i++)
          if (wet(i, j))
            wetArea +=
              ((xs[i + 1] as number) - (xs[i] as number)) *
              ((zs[j + 1] as number) - (zs[j] as number))
      expect(wetArea).toBeGreaterThan(0)

      const g = buildSea(terrain, sea)
      const q = g.getAttribute('position') as THREE.BufferAttribute
      const nrm = g.getAttribute('normal') as THREE.BufferAttribute
      let area = 0
      const a = new THREE.Vector3()
      const b = new THREE.Vector3()
      const c = new THREE.Vector3()
      for (let k = 0; k < q.count; k += 3) {
        a.fromBufferAttribute(q, k)
        b.fromBufferAttribute(q, k + 1)
        c.fromBufferAttribute(q, k + 2)
        const normal = new THREE.Vector3().crossVectors(b.clone().sub(a), c.clone().sub(a))
        // Faces up (front face seen from above), flat at the mesh's sea level.
        expect(normal.y).toBeGreaterThan(0)
        expect([a.y, b.y, c.y]).toEqual([0, 0, 0])
        expect(nrm.getY(k)).toBe(1)
        area += normal.length() / 2
        const centre = a.clone().add(b).add(c).divideScalar(3)
        const { i, j } = cellOf(centre.x, centre.z)
        expect(wet(i, j), `triangle ${k / 3} lies over a dry cell`).toBe(true)
      }
      // Every wet cell covered exactly once: the areas agree (float rounding aside).
      expect(area / wetArea).toBeCloseTo(1, 6)
      // Runs are merged: far fewer rectangles than wet cells.
      expect(q.count / 6).toBeLessThan(wetArea / ((xs[1]! - xs[0]!) * (zs[1]! - zs[0]!)))
    })
  }
})
