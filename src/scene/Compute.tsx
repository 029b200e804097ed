import { useFrame, useThree } from '@react-three/fiber'
import { useLayoutEffect, useMemo, useRef } from 'react'
import * as THREE from 'three'
import { RACK_D_M, RACK_H_M, RACK_W_M, type CampusLayout } from '../layout'
import { useCampus } from '../state'
import { BOX_STRIDE, Boxes, UNIT_BOX, capacityFor, commitInstances, writeBoxMatrix } from './Boxes'
import { materials } from './materials'
import { buildingShells, buildingSolids, hallPits, rowBoxes } from './sceneData'
import { sceneStats } from './stats'

/**
 * Level of detail for racks. Far away, each rack row is one long box whose texture shows one
 * rack front per 0.6 m (12 triangles per row, whatever the rack count). Halls whose rack field
 * is within DETAIL_DISTANCE_M of the camera draw individual racks instead, nearest first, up
 * to RACK_BUDGET racks. The choice is re-made only when the camera has moved, and the instance
 * buffers are rewritten only when the set of detailed halls changes.
 */
export const DETAIL_DISTANCE_M = 150
export const RACK_BUDGET = 4096

/** A hall box open at the top: the unit box without its +y face. */
const OPEN_BOX = (() => {
  const g = UNIT_BOX.clone()
  const index = g.getIndex()
  if (!index) return g
  const kept: number[] = []
  // BoxGeometry's faces come in the order +x, −x, +y, −y, +z, −z, six indices each.
  for (let i = 0; i < index.count; i++) if (i < 12 || i >= 18) kept.push(index.getX(i))
  g.setIndex(kept)
  g.clearGroups()
  return g
})()

/** Open-box geometry for hall pits: its normals point outward; DoubleSide shows the inside. */
export function Compute({ layout }: { layout: CampusLayout }) {
  const xray = useCampus((s) => s.xray)
  const visible = useCampus((s) => s.layers.compute)
  const m = materials()
  const solids = useMemo(() => buildingSolids(layout), [layout])
  const shells = useMemo(() => buildingShells(layout), [layout])
  const pits = useMemo(() => hallPits(layout), [layout])
  return (
    <group visible={visible}>
      <Boxes data={solids} material={m.building} visible={!xray} />
      <Boxes data={shells} material={m.building} visible={xray} />
      <Boxes data={pits} geometry={OPEN_BOX} material={m.hall} visible={xray} />
      <RackField layout={layout} visible={xray && visible} />
    </group>
  )
}

interface DetailState {
  layout: CampusLayout | null
  /** 1 for halls drawn rack by rack. */
  detailed: Uint8Array
  next: Uint8Array
  candidates: Int32Array
  distance: Float64Array
  lastCamera: THREE.Vector3
  rowData: Float32Array
}

function RackField({ layout, visible }: { layout: CampusLayout; visible: boolean }) {
  const m = materials()
  const rowsRef = useRef<THREE.InstancedMesh>(null)
  const racksRef = useRef<THREE.InstancedMesh>(null)
  const invalidate = useThree((s) => s.invalidate)
  const rowData = useMemo(() => rowBoxes(layout), [layout])
  const rowCapacity = capacityFor(layout.rackRows.length)
  const state = useRef<DetailState>({
    layout: null,
    detailed: new Uint8Array(0),
    next: new Uint8Array(0),
    candidates: new Int32Array(0),
    distance: new Float64Array(0),
    lastCamera: new THREE.Vector3(Infinity, Infinity, Infinity),
    rowData,
  })

  useLayoutEffect(() => {
    const rows = rowsRef.current
    const racks = racksRef.current
    if (!rows || !racks) return
    const target = rows.instanceMatrix.array as Float32Array
    const n = rowData.length / BOX_STRIDE
    for (let i = 0; i < n; i++) writeBoxMatrix(target, i, rowData, i)
    commitInstances(rows, n)
    racks.count = 0
    const halls = layout.halls.length
    const s = state.current
    s.layout = layout
    s.rowData = rowData
    s.detailed = new Uint8Array(halls)
    s.next = new Uint8Array(halls)
    s.candidates = new Int32Array(halls)
    s.distance = new Float64Array(halls)
    s.lastCamera.set(Infinity, Infinity, Infinity)
    sceneStats.detailedRacks = 0
    sceneStats.rowsDrawn = n
    sceneStats.racksInRows = layout.racks.count
    invalidate()
  }, [layout, rowData, rowCapacity, invalidate])

  useFrame(({ camera }) => {
    const s = state.current
    const current = s.layout
    const rows = rowsRef.current
    const racks = racksRef.current
    if (!visible || !current || !rows || !racks) return
    if (camera.position.distanceToSquared(s.lastCamera) < 4) return
    s.lastCamera.copy(camera.position)

    // Halls near the camera, nearest first (insertion sort: there are only a few).
    const { x: cx, y: cy, z: cz } = camera.position
    let n = 0
    for (const hall of current.halls) {
      const f = hall.rackField
      const dx = Math.max(Math.abs(cx - f.x) - f.w / 2, 0)
      const dz = Math.max(Math.abs(cz - f.z) - f.d / 2, 0)
      const d = Math.hypot(dx, dz, cy - hall.floorYM)
      if (d > DETAIL_DISTANCE_M) continue
      let k = n++
      while (k > 0 && (s.distance[s.candidates[k - 1] ?? 0] ?? 0) > d) {
        s.candidates[k] = s.candidates[k - 1] ?? 0
        k--
      }
      s.candidates[k] = hall.index
      s.distance[hall.index] = d
    }
    s.next.fill(0)
    let budget = RACK_BUDGET
    for (let i = 0; i < n; i++) {
      const h = s.candidates[i] ?? 0
      const count = current.halls[h]?.rackCount ?? 0
      if (count > budget) break
      budget -= count
      s.next[h] = 1
    }
    let changed = false
    for (let h = 0; h < s.next.length; h++) if (s.next[h] !== s.detailed[h]) changed = true
    if (!changed) return

    // Rows of detailed halls shrink to nothing; their racks are written one by one.
    const rowTarget = rows.instanceMatrix.array as Float32Array
    const rackTarget = racks.instanceMatrix.array as Float32Array
    const { x, z, facing } = current.racks
    let written = 0
    let rowRacks = current.racks.count
    let rowsDrawn = current.rackRows.length
    for (const hall of current.halls) {
      const on = s.next[hall.index] === 1
      if (on !== (s.detailed[hall.index] === 1)) {
        for (let r = hall.firstRow; r < hall.firstRow + hall.rows; r++) {
          writeBoxMatrix(rowTarget, r, s.rowData, r)
          if (on) for (let k = 0; k < 11; k++) rowTarget[r * 16 + k] = 0
        }
      }
      if (!on) continue
      rowRacks -= hall.rackCount
      rowsDrawn -= hall.rows
      const y = hall.floorYM + RACK_H_M / 2
      for (let i = hall.firstRack; i < hall.firstRack + hall.rackCount; i++) {
        const o = written * 16
        const flip = (facing[i] ?? 1) > 0 ? 1 : -1
        rackTarget.fill(0, o, o + 16)
        rackTarget[o] = flip * RACK_W_M
        rackTarget[o + 5] = RACK_H_M
        rackTarget[o + 10] = flip * RACK_D_M
        rackTarget[o + 12] = x[i] ?? 0
        rackTarget[o + 13] = y
        rackTarget[o + 14] = z[i] ?? 0
        rackTarget[o + 15] = 1
        written++
      }
    }
    s.detailed.set(s.next)
    rows.instanceMatrix.needsUpdate = true
    commitInstances(racks, written)
    sceneStats.detailedRacks = written
    sceneStats.rowsDrawn = rowsDrawn
    sceneStats.racksInRows = rowRacks
  })

  return (
    <>
      <instancedMesh
        key={`rows-${rowCapacity}`}
        ref={rowsRef}
        args={[UNIT_BOX, m.rack, rowCapacity]}
        visible={visible}
      />
      <instancedMesh ref={racksRef} args={[UNIT_BOX, m.rack, RACK_BUDGET]} visible={visible} />
    </>
  )
}
