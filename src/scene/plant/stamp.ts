import * as THREE from 'three'
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js'

/** Values per placement in `stamp`'s list: x, y, z (m), yaw (rad), uniform scale. */
export const STAMP_STRIDE = 5

/**
 * Copies of one plant geometry at many placements, merged into one geometry: positions and
 * normals turned and moved, every other attribute copied. For parts of the scene drawn all at
 * once (switchyard apparatus, stacks, line insulators): one draw call, and rebuilt only with
 * the layout.
 */
export function stamp(
  template: THREE.BufferGeometry,
  placements: readonly number[],
): THREE.BufferGeometry {
  const count = Math.floor(placements.length / STAMP_STRIDE)
  const out = new THREE.BufferGeometry()
  const index = template.getIndex()
  const tPos = template.getAttribute('position') as THREE.BufferAttribute
  const n = tPos.count
  if (!index || count === 0) return out
  for (const [name, attribute] of Object.entries(template.attributes)) {
    const a = attribute as THREE.BufferAttribute
    const size = a.itemSize
    const src = a.array as Float32Array
    const dst = new Float32Array(n * size * count)
    for (let k = 0; k < count; k++) {
      const o = k * STAMP_STRIDE
      const x = placements[o] ?? 0
      const y = placements[o + 1] ?? 0
      const z = placements[o + 2] ?? 0
      const yaw = placements[o + 3] ?? 0
      const sc = placements[o + 4] ?? 1
      const c = Math.cos(yaw)
      const s = Math.sin(yaw)
      const base = k * n * size
      if (name === 'position' || name === 'normal') {
        const move = name === 'position'
        for (let i = 0; i < n; i++) {
          const px = src[i * 3] ?? 0
          const py = src[i * 3 + 1] ?? 0
          const pz = src[i * 3 + 2] ?? 0
          const m = move ? sc : 1
          dst[base + i * 3] = (c * px + s * pz) * m + (move ? x : 0)
          dst[base + i * 3 + 1] = py * m + (move ? y : 0)
          dst[base + i * 3 + 2] = (-s * px + c * pz) * m + (move ? z : 0)
        }
      } else dst.set(src.subarray(0, n * size), base)
    }
    out.setAttribute(name, new THREE.BufferAttribute(dst, size))
  }
  const src = index.array
  const dst = new Uint32Array(src.length * count)
  for (let k = 0; k < count; k++)
    for (let i = 0; i < src.length; i++) dst[k * src.length + i] = (src[i] ?? 0) + k * n
  out.setIndex(new THREE.BufferAttribute(dst, 1))
  return out
}

/** Merges plant geometries (empties skipped) into one; null when there is nothing. */
export function mergeAll(parts: readonly THREE.BufferGeometry[]): THREE.BufferGeometry | null {
  const kept = parts.filter((g) => (g.getAttribute('position')?.count ?? 0) > 0)
  if (kept.length === 0) return null
  const merged = kept.length === 1 ? kept[0] : mergeGeometries([...kept])
  if (!merged) return null
  merged.computeBoundingSphere()
  return merged
}
