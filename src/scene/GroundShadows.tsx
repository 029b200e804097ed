import { useEffect, useMemo } from 'react'
import * as THREE from 'three'
import { UNIT, type CampusLayout } from '../layout'
import { useCampus } from '../state'
import { COOLING_KINDS } from './Plant'
import { SLAB_M } from './sceneData'

const SHADOW_MATERIAL = new THREE.MeshBasicMaterial({
  color: '#1e2a36',
  transparent: true,
  opacity: 0.3,
  depthWrite: false,
  polygonOffset: true,
  polygonOffsetFactor: -2,
  polygonOffsetUnits: -4,
})

type P = readonly [number, number]

/** Convex hull of a few points (monotone chain), counter-clockwise. */
export function convexHull(points: readonly P[]): P[] {
  const sorted = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1])
  const cross = (o: P, a: P, b: P) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])
  const lower: P[] = []
  for (const p of sorted) {
    while (
      lower.length >= 2 &&
      cross(lower[lower.length - 2] as P, lower[lower.length - 1] as P, p) <= 0
    )
      lower.pop()
    lower.push(p)
  }
  const upper: P[] = []
  for (let i = sorted.length - 1; i >= 0; i--) {
    const p = sorted[i] as P
    while (
      upper.length >= 2 &&
      cross(upper[upper.length - 2] as P, upper[upper.length - 1] as P, p) <= 0
    )
      upper.pop()
    upper.push(p)
  }
  return lower.slice(0, -1).concat(upper.slice(0, -1))
}

/**
 * Shadows on the flat campus pad, cast by buildings and plant for the current sun: each box's
 * shadow is the hull of its footprint and the footprint moved away from the sun by
 * height / tan(elevation). One transparent mesh, rebuilt only when the sun or the layout
 * changes; far cheaper in software rendering than shadow maps, and exact on flat ground.
 */
export function GroundShadows({
  layout,
  sun,
  strength,
}: {
  layout: CampusLayout
  sun: readonly [number, number, number]
  strength: number
}) {
  // A hidden layer casts no shadow: rebuilt when a layer is toggled (rare), not per frame.
  const layers = useCampus((s) => s.layers)
  const geometry = useMemo(() => {
    const [dx, dy, dz] = sun
    const g = new THREE.BufferGeometry()
    if (dy <= 0.02) return g
    // Long evening shadows are capped at eight times the height.
    const reach = Math.min(1 / Math.tan(Math.asin(Math.min(1, dy))), 8)
    const horizontal = Math.hypot(dx, dz) || 1
    const ux = (-dx / horizontal) * reach
    const uz = (-dz / horizontal) * reach
    const boxes: (readonly [number, number, number, number, number, number])[] = []
    if (layers.compute)
      for (const b of layout.buildings)
        boxes.push([b.rect.x, b.rect.z, b.rect.w, b.rect.d, 0, b.heightM])
    for (const row of layout.unitRows) {
      if (!(COOLING_KINDS.has(row.kind) ? layers.cooling : layers.power)) continue
      const unit = UNIT[row.kind]
      boxes.push([row.x, row.z, row.count * row.pitchM, unit.d, SLAB_M, SLAB_M + unit.h])
    }
    const a = layout.admin
    if (layers.site) boxes.push([a.x, a.z, a.w, a.d, 0, 12])
    const p = layout.hydro?.powerhouse
    if (p && layers.power) boxes.push([p.x, p.z, p.w, p.d, 0, 18])
    const out: number[] = []
    for (const [x, z, w, d, base, top] of boxes) {
      const h = top - base
      const corners: P[] = [
        [x - w / 2, z - d / 2],
        [x + w / 2, z - d / 2],
        [x + w / 2, z + d / 2],
        [x - w / 2, z + d / 2],
      ]
      const hull = convexHull([
        ...corners,
        ...corners.map((c): P => [c[0] + ux * h, c[1] + uz * h]),
      ])
      const y = base + 0.05
      const first = hull[0]
      if (!first) continue
      for (let i = 1; i + 1 < hull.length; i++) {
        const b = hull[i] as P
        const c = hull[i + 1] as P
        // Counter-clockwise in (x, z) is clockwise seen from above: emit as (first, c, b).
        out.push(first[0], y, first[1], c[0], y, c[1], b[0], y, b[1])
      }
    }
    g.setAttribute('position', new THREE.BufferAttribute(Float32Array.from(out), 3))
    g.computeBoundingSphere()
    return g
  }, [layout, sun, layers])
  // The geometry is replaced when the sun, layout or layers change: free the old one.
  useEffect(() => () => geometry.dispose(), [geometry])
  const material = useMemo(() => {
    const m = SHADOW_MATERIAL.clone()
    m.opacity = 0.32 * strength
    return m
  }, [strength])
  useEffect(() => () => material.dispose(), [material])
  return <mesh geometry={geometry} material={material} renderOrder={1} visible={strength > 0.02} />
}
