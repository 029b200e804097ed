import { useFrame, useThree } from '@react-three/fiber'
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react'
import * as THREE from 'three'
import { BOX_STRIDE, UNIT_BOX, capacityFor, writeBoxMatrix } from './Boxes'
import { sceneStats } from './stats'

/**
 * Instances of one kind of the buildings' detail: boxes in the `Boxes` format (centre, size,
 * yaw), with the kit's four cells each (`kitMaterial.ts`) and/or an RGB tint each. One
 * InstancedMesh, allocated at a power-of-two capacity, written when the data changes.
 *
 * With `nearM`, only instances within that many metres of the camera (to the nearest point of
 * their footprint) are drawn: the selection is remade when the camera has moved more than 2 m
 * and the buffers are rewritten (the written range only) when it changes — fine geometry near
 * the camera only, as the racks do. Nothing is allocated per frame.
 */
export interface InstanceData {
  readonly count: number
  readonly boxes: Float32Array
  /** Four numbers per instance: cells for the top, ±z and ±x faces, lit share (kit only). */
  readonly cells: Float32Array | null
  /** Linear RGB per instance (three numbers), or null for white. */
  readonly colors: Float32Array | null
}

/** Instance data being built: push boxes, then `done()`. */
export class InstanceBuilder {
  private boxes: number[] = []
  private cells: number[] = []
  private colors: number[] = []
  count = 0

  box(
    x: number,
    y: number,
    z: number,
    sx: number,
    sy: number,
    sz: number,
    yaw = 0,
    cells?: readonly [number, number, number, number],
    color?: readonly [number, number, number],
  ): void {
    this.boxes.push(x, y, z, sx, sy, sz, yaw)
    if (cells) this.cells.push(...cells)
    if (color) this.colors.push(...color)
    this.count++
  }

  done(): InstanceData {
    return {
      count: this.count,
      boxes: Float32Array.from(this.boxes),
      cells: this.cells.length > 0 ? Float32Array.from(this.cells) : null,
      colors: this.colors.length > 0 ? Float32Array.from(this.colors) : null,
    }
  }
}

export const EMPTY_INSTANCES: InstanceData = {
  count: 0,
  boxes: new Float32Array(0),
  cells: null,
  colors: null,
}

interface InstancesProps {
  readonly data: InstanceData
  readonly material: THREE.Material
  readonly geometry?: THREE.BufferGeometry
  readonly visible?: boolean
  /** Draw only instances this close to the camera, metres (one distance, or one each). */
  readonly nearM?: number | Float32Array
  /** Key of `sceneStats.built` that counts the instances drawn. */
  readonly stat?: string
  readonly name?: string
}

/** Marks the mesh as the buildings' (the debug hook counts their draw calls). */
export const BUILT_OWNER = 'buildings'

export function Instances({
  data,
  material,
  geometry = UNIT_BOX,
  visible = true,
  nearM,
  stat,
  name,
}: InstancesProps) {
  const capacity = capacityFor(data.count)
  const ref = useRef<THREE.InstancedMesh>(null)
  const invalidate = useThree((s) => s.invalidate)
  const hasCells = data.cells !== null
  const hasColors = data.colors !== null
  // Kit meshes carry their cells on their own copy of the geometry.
  const geo = useMemo(() => {
    if (!hasCells) return geometry
    const g = geometry.clone()
    g.setAttribute('aCells', new THREE.InstancedBufferAttribute(new Float32Array(capacity * 4), 4))
    return g
  }, [geometry, capacity, hasCells])
  useEffect(() => () => (geo !== geometry ? geo.dispose() : undefined), [geo, geometry])
  const colorAttribute = useMemo(
    () =>
      hasColors ? new THREE.InstancedBufferAttribute(new Float32Array(capacity * 3), 3) : null,
    [capacity, hasColors],
  )
  const near = useRef({
    camera: new THREE.Vector3(Infinity, Infinity, Infinity),
    written: -1,
    signature: -1,
  })

  useLayoutEffect(() => {
    const mesh = ref.current
    if (!mesh) return
    const target = { mesh, geometry: geo, colors: colorAttribute, data, visible, stat }
    if (nearM === undefined) {
      for (let i = 0; i < data.count; i++) write(target, i, i)
      commit(target, data.count)
    } else {
      // The nearby ones are chosen on the next frame.
      near.current.camera.set(Infinity, Infinity, Infinity)
      near.current.signature = -1
      commit(target, 0)
    }
    invalidate()
  }, [data, geo, colorAttribute, visible, nearM, stat, invalidate])

  useFrame(({ camera }) => {
    const mesh = ref.current
    if (nearM === undefined || !mesh || !visible) return
    const s = near.current
    if (camera.position.distanceToSquared(s.camera) < 4) return
    s.camera.copy(camera.position)
    const { x: cx, y: cy, z: cz } = camera.position
    // First pass: which are near, and a signature of the set, to skip unchanged selections.
    let n = 0
    let signature = 0
    const b = data.boxes
    for (let i = 0; i < data.count; i++) {
      if (!isNear(b, i, cx, cy, cz, typeof nearM === 'number' ? nearM : (nearM[i] ?? 0))) continue
      n++
      signature = (signature * 31 + i + 1) % 2147483647
    }
    if (signature === s.signature && n === s.written) return
    s.signature = signature
    s.written = n
    const target = { mesh, geometry: geo, colors: colorAttribute, data, visible, stat }
    let j = 0
    for (let i = 0; i < data.count; i++)
      if (isNear(b, i, cx, cy, cz, typeof nearM === 'number' ? nearM : (nearM[i] ?? 0)))
        write(target, j++, i)
    commit(target, j)
  })

  return (
    <instancedMesh
      key={capacity}
      ref={ref}
      args={[geo, material, capacity]}
      visible={false}
      name={name ?? stat ?? ''}
      userData={{ owner: BUILT_OWNER }}
      frustumCulled
    />
  )
}

interface Target {
  readonly mesh: THREE.InstancedMesh
  readonly geometry: THREE.BufferGeometry
  readonly colors: THREE.InstancedBufferAttribute | null
  readonly data: InstanceData
  readonly visible: boolean
  readonly stat: string | undefined
}

/** Writes instance i of the data into slot j. */
function write(t: Target, j: number, i: number): void {
  const { data } = t
  writeBoxMatrix(t.mesh.instanceMatrix.array as Float32Array, j, data.boxes, i)
  const cells = t.geometry.getAttribute('aCells') as THREE.InstancedBufferAttribute | undefined
  if (data.cells && cells)
    (cells.array as Float32Array).set(data.cells.subarray(i * 4, i * 4 + 4), j * 4)
  if (data.colors && t.colors)
    (t.colors.array as Float32Array).set(data.colors.subarray(i * 3, i * 3 + 3), j * 3)
}

/** Marks the first `count` instances changed (only their range is uploaded). */
function commit(t: Target, count: number): void {
  const { mesh } = t
  const range = (a: THREE.BufferAttribute) => {
    a.clearUpdateRanges()
    a.addUpdateRange(0, Math.max(1, count) * a.itemSize)
    a.needsUpdate = true
  }
  mesh.count = count
  range(mesh.instanceMatrix)
  const cells = t.geometry.getAttribute('aCells') as THREE.InstancedBufferAttribute | undefined
  if (t.data.cells && cells) range(cells)
  if (t.colors) {
    mesh.instanceColor = t.colors
    range(t.colors)
  }
  mesh.visible = t.visible && count > 0
  mesh.computeBoundingSphere()
  if (t.stat) sceneStats.built[t.stat] = t.visible ? count : 0
}

/** Whether box i's footprint lies within `d` of the camera (turned boxes: a square round it). */
function isNear(
  b: Float32Array,
  i: number,
  cx: number,
  cy: number,
  cz: number,
  d: number,
): boolean {
  const o = i * BOX_STRIDE
  const sx = (b[o + 3] ?? 0) / 2
  const sz = (b[o + 5] ?? 0) / 2
  const yaw = b[o + 6] ?? 0
  const s = Math.abs(Math.sin(yaw))
  const c = Math.abs(Math.cos(yaw))
  const hx = s < 1e-3 ? sx : c < 1e-3 ? sz : Math.max(sx, sz)
  const hz = s < 1e-3 ? sz : c < 1e-3 ? sx : Math.max(sx, sz)
  const dx = Math.max(Math.abs(cx - (b[o] ?? 0)) - hx, 0)
  const dz = Math.max(Math.abs(cz - (b[o + 2] ?? 0)) - hz, 0)
  const dy = cy - (b[o + 1] ?? 0)
  return dx * dx + dy * dy + dz * dz <= d * d
}
