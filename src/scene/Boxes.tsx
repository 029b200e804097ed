import { useThree } from '@react-three/fiber'
import { useLayoutEffect, useMemo, useRef } from 'react'
import * as THREE from 'three'

/** Values per box in a `BoxData` array: centre x, y, z (m), size x, y, z (m), yaw (rad). */
export const BOX_STRIDE = 7

/** Boxes as a flat array, BOX_STRIDE numbers each (data in, instance attributes out). */
export type BoxData = Float32Array

/** A unit cube centred on the origin, shared by every instanced kind that is a box. */
export const UNIT_BOX = new THREE.BoxGeometry(1, 1, 1)

/** Capacity for `count` instances: the next power of two, so small edits never reallocate. */
export function capacityFor(count: number): number {
  let capacity = 16
  while (capacity < count) capacity *= 2
  return capacity
}

export function boxData(count: number): Float32Array {
  return new Float32Array(count * BOX_STRIDE)
}

export function putBox(
  data: Float32Array,
  i: number,
  x: number,
  y: number,
  z: number,
  sx: number,
  sy: number,
  sz: number,
  yaw = 0,
): void {
  const o = i * BOX_STRIDE
  data[o] = x
  data[o + 1] = y
  data[o + 2] = z
  data[o + 3] = sx
  data[o + 4] = sy
  data[o + 5] = sz
  data[o + 6] = yaw
}

/** Writes box `i` of `data` as a column-major matrix at `target[j·16]` (scale, yaw, translate). */
export function writeBoxMatrix(
  target: Float32Array,
  j: number,
  data: Float32Array,
  i: number,
): void {
  const o = i * BOX_STRIDE
  const m = j * 16
  const sx = data[o + 3] ?? 0
  const sy = data[o + 4] ?? 0
  const sz = data[o + 5] ?? 0
  const yaw = data[o + 6] ?? 0
  const c = yaw === 0 ? 1 : Math.cos(yaw)
  const s = yaw === 0 ? 0 : Math.sin(yaw)
  target[m] = c * sx
  target[m + 1] = 0
  target[m + 2] = -s * sx
  target[m + 3] = 0
  target[m + 4] = 0
  target[m + 5] = sy
  target[m + 6] = 0
  target[m + 7] = 0
  target[m + 8] = s * sz
  target[m + 9] = 0
  target[m + 10] = c * sz
  target[m + 11] = 0
  target[m + 12] = data[o] ?? 0
  target[m + 13] = data[o + 1] ?? 0
  target[m + 14] = data[o + 2] ?? 0
  target[m + 15] = 1
}

/** Marks an instanced mesh's matrices (and colours) changed after a layout write. */
export function commitInstances(mesh: THREE.InstancedMesh, count: number): void {
  mesh.count = count
  mesh.instanceMatrix.needsUpdate = true
  if (mesh.instanceColor) mesh.instanceColor.needsUpdate = true
  mesh.computeBoundingSphere()
  mesh.computeBoundingBox()
}

interface BoxesProps {
  readonly data: BoxData
  readonly material: THREE.Material
  readonly geometry?: THREE.BufferGeometry
  /** Linear RGB per box (3 numbers each), optional. */
  readonly colors?: Float32Array | null
  readonly visible?: boolean
  readonly name?: string
}

/**
 * One InstancedMesh for many boxes of one kind: allocated at capacity, matrices written once
 * when the data changes (never per frame), then bounds recomputed and one frame requested.
 */
export function Boxes({
  data,
  material,
  geometry = UNIT_BOX,
  colors = null,
  visible = true,
  name,
}: BoxesProps) {
  const count = data.length / BOX_STRIDE
  const capacity = capacityFor(count)
  const ref = useRef<THREE.InstancedMesh>(null)
  const invalidate = useThree((s) => s.invalidate)
  const hasColors = colors !== null
  const colorAttribute = useMemo(
    () =>
      hasColors ? new THREE.InstancedBufferAttribute(new Float32Array(capacity * 3), 3) : null,
    [capacity, hasColors],
  )
  useLayoutEffect(() => {
    const mesh = ref.current
    if (!mesh) return
    const target = mesh.instanceMatrix.array as Float32Array
    for (let i = 0; i < count; i++) writeBoxMatrix(target, i, data, i)
    if (colorAttribute && colors) {
      ;(colorAttribute.array as Float32Array).set(colors.subarray(0, count * 3))
      mesh.instanceColor = colorAttribute
    }
    commitInstances(mesh, count)
    invalidate()
  }, [data, colors, colorAttribute, count, invalidate])
  return (
    <instancedMesh
      key={capacity}
      ref={ref}
      args={[geometry, material, capacity]}
      visible={visible && count > 0}
      name={name ?? ''}
    />
  )
}
