import { useFrame, useThree } from '@react-three/fiber'
import { useLayoutEffect, useRef } from 'react'
import * as THREE from 'three'
import { BOX_STRIDE, UNIT_BOX, capacityFor, commitInstances, writeBoxMatrix } from '../Boxes'
import { plantMaterials } from './plantMaterial'
import { plantStats } from './plantStats'

/**
 * Level of detail for repeated equipment. The pieces come in groups (a row of coolers, a
 * solar block, a skid), each with the ground it covers; far away a group is one tiled box (or
 * nothing), and groups within `distanceM` of the camera draw their pieces as full models
 * instead, nearest first, up to `budget` pieces. The choice is re-made only when the camera
 * has moved 2 m, and the buffers are rewritten only when the set of detailed groups changes:
 * nothing is allocated per frame.
 */
export interface DetailSet {
  /** Per group: x, z, w, d of its ground (m), top (m), first piece, piece count. */
  readonly groups: Float32Array
  /** Per piece: x, y, z (m), yaw (rad). */
  readonly pieces: Float32Array
  /** The far box of each group (BOX_STRIDE numbers each), or null: nothing far away. */
  readonly far: Float32Array | null
}

export const GROUP_STRIDE = 7
export const PIECE_STRIDE = 4

interface FieldState {
  set: DetailSet | null
  detailed: Uint8Array
  next: Uint8Array
  order: Int32Array
  distance: Float32Array
  lastCamera: THREE.Vector3
}

export function DetailField({
  name,
  set,
  model,
  farMaterial,
  distanceM,
  budget,
  visible,
}: {
  readonly name: string
  readonly set: DetailSet
  readonly model: THREE.BufferGeometry
  readonly farMaterial: THREE.Material | null
  readonly distanceM: number
  readonly budget: number
  readonly visible: boolean
}) {
  const farRef = useRef<THREE.InstancedMesh>(null)
  const nearRef = useRef<THREE.InstancedMesh>(null)
  const invalidate = useThree((s) => s.invalidate)
  const groupCount = set.groups.length / GROUP_STRIDE
  const farCapacity = capacityFor(set.far ? set.far.length / BOX_STRIDE : 0)
  const state = useRef<FieldState>({
    set: null,
    detailed: new Uint8Array(0),
    next: new Uint8Array(0),
    order: new Int32Array(0),
    distance: new Float32Array(0),
    lastCamera: new THREE.Vector3(Infinity, Infinity, Infinity),
  })

  useLayoutEffect(() => {
    const s = state.current
    s.set = set
    s.detailed = new Uint8Array(groupCount)
    s.next = new Uint8Array(groupCount)
    s.order = new Int32Array(groupCount)
    s.distance = new Float32Array(groupCount)
    s.lastCamera.set(Infinity, Infinity, Infinity)
    const far = farRef.current
    if (far && set.far) {
      const n = set.far.length / BOX_STRIDE
      const target = far.instanceMatrix.array as Float32Array
      for (let i = 0; i < n; i++) writeBoxMatrix(target, i, set.far, i)
      commitInstances(far, n)
      far.visible = n > 0
    }
    const near = nearRef.current
    if (near) {
      near.count = 0
      near.visible = false
    }
    plantStats.detailed[name] = 0
    invalidate()
    return () => {
      plantStats.detailed[name] = 0
    }
  }, [set, groupCount, farCapacity, model, name, invalidate])

  useFrame(({ camera }) => {
    const s = state.current
    const current = s.set
    const near = nearRef.current
    if (!visible || !current || !near) return
    if (camera.position.distanceToSquared(s.lastCamera) < 4) return
    s.lastCamera.copy(camera.position)
    const { x: cx, y: cy, z: cz } = camera.position
    const g = current.groups
    let n = 0
    for (let i = 0; i < groupCount; i++) {
      const o = i * GROUP_STRIDE
      const dx = Math.max(Math.abs(cx - (g[o] ?? 0)) - (g[o + 2] ?? 0) / 2, 0)
      const dz = Math.max(Math.abs(cz - (g[o + 1] ?? 0)) - (g[o + 3] ?? 0) / 2, 0)
      const dy = Math.max(cy - (g[o + 4] ?? 0), 0)
      const d = Math.hypot(dx, dy, dz)
      if (d > distanceM) continue
      let k = n++
      while (k > 0 && (s.distance[s.order[k - 1] ?? 0] ?? 0) > d) {
        s.order[k] = s.order[k - 1] ?? 0
        k--
      }
      s.order[k] = i
      s.distance[i] = d
    }
    s.next.fill(0)
    let left = budget
    for (let k = 0; k < n; k++) {
      const i = s.order[k] ?? 0
      const pieces = g[i * GROUP_STRIDE + 6] ?? 0
      if (pieces > left) break
      left -= pieces
      s.next[i] = 1
    }
    let changed = false
    for (let i = 0; i < groupCount; i++) if (s.next[i] !== s.detailed[i]) changed = true
    if (!changed) return

    // Far boxes of detailed groups shrink to nothing; their pieces are written one by one.
    const far = farRef.current
    const farTarget = far ? (far.instanceMatrix.array as Float32Array) : null
    const nearTarget = near.instanceMatrix.array as Float32Array
    const p = current.pieces
    let written = 0
    for (let i = 0; i < groupCount; i++) {
      const on = s.next[i] === 1
      if (farTarget && current.far && on !== (s.detailed[i] === 1)) {
        writeBoxMatrix(farTarget, i, current.far, i)
        if (on) shrink(farTarget, i)
      }
      if (!on) continue
      const first = g[i * GROUP_STRIDE + 5] ?? 0
      const count = g[i * GROUP_STRIDE + 6] ?? 0
      for (let j = first; j < first + count; j++) {
        const o = j * PIECE_STRIDE
        const yaw = p[o + 3] ?? 0
        const c = Math.cos(yaw)
        const sn = Math.sin(yaw)
        const m = written * 16
        nearTarget.fill(0, m, m + 16)
        nearTarget[m] = c
        nearTarget[m + 2] = -sn
        nearTarget[m + 5] = 1
        nearTarget[m + 8] = sn
        nearTarget[m + 10] = c
        nearTarget[m + 12] = p[o] ?? 0
        nearTarget[m + 13] = p[o + 1] ?? 0
        nearTarget[m + 14] = p[o + 2] ?? 0
        nearTarget[m + 15] = 1
        written++
      }
    }
    s.detailed.set(s.next)
    if (far) far.instanceMatrix.needsUpdate = true
    commitInstances(near, written)
    near.visible = written > 0
    plantStats.detailed[name] = written
  })

  return (
    <>
      {set.far && farMaterial && (
        <instancedMesh
          key={`far-${farCapacity}`}
          ref={farRef}
          args={[UNIT_BOX, farMaterial, farCapacity]}
          name={name}
        />
      )}
      <instancedMesh
        key={model.uuid}
        ref={nearRef}
        args={[model, plantMaterials().solid, budget]}
        name={`${name}-detail`}
      />
    </>
  )
}

/** Scales instance `i`'s matrix to nothing (its translation kept). */
function shrink(target: Float32Array, i: number): void {
  target.fill(0, i * 16, i * 16 + 11)
}
