import { useFrame, useThree } from '@react-three/fiber'
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react'
import * as THREE from 'three'
import { RACK_D_M, RACK_H_M, RACK_W_M, type CampusLayout } from '../layout'
import { BOX_STRIDE, UNIT_BOX, capacityFor, writeBoxMatrix } from './Boxes'
import { HALL_FLOOR_M, hallTemplate, type BuildingMode } from './buildingData'
import { BUILT_OWNER, type InstanceData } from './Instances'
import { kitMaterial } from './kitMaterial'
import { materials } from './materials'
import { MODEL_MATERIAL, PERSON_GEOMETRY, PIPE_GEOMETRY } from './models'
import { rowBoxes } from './sceneData'
import { sceneStats } from './stats'

/**
 * Inside the halls, with two levels of detail. Far away, each rack row is one long box whose
 * texture shows one rack front per 0.6 m (12 triangles per row, whatever the rack count).
 * Halls whose rack field is within DETAIL_DISTANCE_M of the camera draw individual racks
 * instead, nearest first, up to RACK_BUDGET racks, and the nearest MAX_FITTED_HALLS of them
 * their fit-out too: containment, CDUs and air handlers, busway, cable trays, pipes, beams,
 * lights and people (the layout's hall kit, the same in every hall). Only halls whose inside
 * shows are drawn: every hall in X-ray, the cut-away building's halls otherwise. The choice is
 * remade only when the camera has moved or what shows has changed, and the instance buffers are
 * rewritten only when the set of detailed halls changes (never per frame otherwise).
 */
export const DETAIL_DISTANCE_M = 150
export const RACK_BUDGET = 4096
export const MAX_FITTED_HALLS = 12

const KIT_MATERIAL = kitMaterial()

interface DetailState {
  layout: CampusLayout | null
  mode: BuildingMode | null
  /** 1 for halls whose inside shows; 1 for halls drawn rack by rack. */
  shown: Uint8Array
  detailed: Uint8Array
  next: Uint8Array
  candidates: Int32Array
  distance: Float64Array
  lastCamera: THREE.Vector3
  rowData: Float32Array
}

export function HallInterior({
  layout,
  mode,
  visible,
}: {
  layout: CampusLayout
  mode: BuildingMode
  visible: boolean
}) {
  const m = materials()
  const rowsRef = useRef<THREE.InstancedMesh>(null)
  const racksRef = useRef<THREE.InstancedMesh>(null)
  const kitRef = useRef<THREE.InstancedMesh>(null)
  const pipesRef = useRef<THREE.InstancedMesh>(null)
  const peopleRef = useRef<THREE.InstancedMesh>(null)
  const invalidate = useThree((s) => s.invalidate)
  const rowData = useMemo(() => rowBoxes(layout), [layout])
  const template = useMemo(() => hallTemplate(layout), [layout])
  const rowCapacity = capacityFor(layout.rackRows.length)
  const kitCapacity = capacityFor(template.boxes.count * MAX_FITTED_HALLS)
  const pipeCapacity = capacityFor(template.pipes.count * MAX_FITTED_HALLS)
  const peopleCapacity = capacityFor(template.people.count * MAX_FITTED_HALLS)
  const kitGeometry = useMemo(() => {
    const g = UNIT_BOX.clone()
    g.setAttribute(
      'aCells',
      new THREE.InstancedBufferAttribute(new Float32Array(kitCapacity * 4), 4),
    )
    return g
  }, [kitCapacity])
  useEffect(() => () => kitGeometry.dispose(), [kitGeometry])
  const pipeColors = useMemo(
    () => new THREE.InstancedBufferAttribute(new Float32Array(pipeCapacity * 3), 3),
    [pipeCapacity],
  )
  const peopleColors = useMemo(
    () => new THREE.InstancedBufferAttribute(new Float32Array(peopleCapacity * 3), 3),
    [peopleCapacity],
  )
  const state = useRef<DetailState>({
    layout: null,
    mode: null,
    shown: new Uint8Array(0),
    detailed: new Uint8Array(0),
    next: new Uint8Array(0),
    candidates: new Int32Array(0),
    distance: new Float64Array(0),
    lastCamera: new THREE.Vector3(Infinity, Infinity, Infinity),
    rowData,
  })

  // A new layout: every row as a box (hidden until its hall shows), no racks or fit-out yet.
  useLayoutEffect(() => {
    const rows = rowsRef.current
    if (!rows) return
    const halls = layout.halls.length
    const s = state.current
    s.layout = layout
    s.mode = null
    s.rowData = rowData
    s.shown = new Uint8Array(halls)
    s.detailed = new Uint8Array(halls)
    s.next = new Uint8Array(halls)
    s.candidates = new Int32Array(halls)
    s.distance = new Float64Array(halls)
    s.lastCamera.set(Infinity, Infinity, Infinity)
    const target = rows.instanceMatrix.array as Float32Array
    target.fill(0)
    rows.count = rowData.length / BOX_STRIDE
    rows.instanceMatrix.needsUpdate = true
    sceneStats.detailedRacks = 0
    sceneStats.rowsDrawn = rows.count
    sceneStats.racksInRows = layout.racks.count
    sceneStats.interiorLayout = layout
    invalidate()
  }, [layout, rowData, rowCapacity, kitCapacity, pipeCapacity, peopleCapacity, invalidate])

  // X-ray or the cut-away building changed: choose again on the next frame.
  useLayoutEffect(() => {
    state.current.lastCamera.set(Infinity, Infinity, Infinity)
    invalidate()
  }, [mode, visible, invalidate])

  useFrame(({ camera }) => {
    const s = state.current
    const current = s.layout
    const rows = rowsRef.current
    const racks = racksRef.current
    const kit = kitRef.current
    const pipes = pipesRef.current
    const people = peopleRef.current
    if (!current || !rows || !racks || !kit || !pipes || !people) return
    const modeChanged = s.mode !== mode
    if (!modeChanged && camera.position.distanceToSquared(s.lastCamera) < 4) return
    s.lastCamera.copy(camera.position)
    s.mode = mode

    // Which halls show their inside.
    let shownChanged = false
    for (const hall of current.halls) {
      const on = visible && (mode.xray || hall.building === mode.cutaway) ? 1 : 0
      if (s.shown[hall.index] !== on) shownChanged = true
      s.shown[hall.index] = on
    }

    // Shown halls near the camera, nearest first (insertion sort: there are only a few).
    const { x: cx, y: cy, z: cz } = camera.position
    let n = 0
    for (const hall of current.halls) {
      if (s.shown[hall.index] !== 1) continue
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
    let fitted = 0
    for (let i = 0; i < n; i++) {
      const h = s.candidates[i] ?? 0
      const count = current.halls[h]?.rackCount ?? 0
      if (count > budget) break
      budget -= count
      s.next[h] = 1
    }
    let changed = shownChanged
    for (let h = 0; h < s.next.length; h++) if (s.next[h] !== s.detailed[h]) changed = true
    if (!changed) return

    // Rows of hidden or detailed halls shrink to nothing; racks and fit-out are written.
    const rowTarget = rows.instanceMatrix.array as Float32Array
    const rackTarget = racks.instanceMatrix.array as Float32Array
    const { x, z, facing } = current.racks
    let written = 0
    let rowRacks = 0
    let rowsDrawn = 0
    for (const hall of current.halls) {
      const detailed = s.next[hall.index] === 1
      const asRows = s.shown[hall.index] === 1 && !detailed
      for (let r = hall.firstRow; r < hall.firstRow + hall.rows; r++) {
        writeBoxMatrix(rowTarget, r, s.rowData, r)
        if (!asRows) for (let k = 0; k < 11; k++) rowTarget[r * 16 + k] = 0
      }
      // The counters follow the level of detail, whether or not the hall shows.
      if (!detailed) {
        rowRacks += hall.rackCount
        rowsDrawn += hall.rows
      }
      if (!detailed) continue
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
    // Fit-out for the nearest detailed halls (candidates are sorted nearest first).
    let kits = 0
    let pipeCount = 0
    let peopleCount = 0
    for (let i = 0; i < n && fitted < MAX_FITTED_HALLS; i++) {
      const h = s.candidates[i] ?? 0
      const hall = current.halls[h]
      if (!hall || s.next[h] !== 1) continue
      fitted++
      const [dx, dy, dz] = [hall.rect.x, HALL_FLOOR_M, hall.rect.z]
      kits = place(kit, kitGeometry, null, template.boxes, kits, dx, dy, dz)
      pipeCount = place(pipes, null, pipeColors, template.pipes, pipeCount, dx, dy, dz)
      peopleCount = place(people, null, peopleColors, template.people, peopleCount, dx, dy, dz)
    }
    s.detailed.set(s.next)
    rows.instanceMatrix.needsUpdate = true
    finish(racks, written)
    finish(kit, kits, kitGeometry.getAttribute('aCells') as THREE.InstancedBufferAttribute)
    finish(pipes, pipeCount, pipeColors)
    finish(people, peopleCount, peopleColors)
    sceneStats.detailedRacks = written
    sceneStats.rowsDrawn = rowsDrawn
    sceneStats.racksInRows = rowRacks
    sceneStats.built.fittedHalls = fitted
    sceneStats.built.containment = fitted * containmentOf(current)
    sceneStats.built.cdus = fitted * current.detail.hall.cdus
    sceneStats.built.people = peopleCount
    sceneStats.built.pipes = pipeCount
  })

  const anyShown = visible && (mode.xray || mode.cutaway !== null)
  return (
    <group visible={anyShown}>
      <instancedMesh
        key={`rows-${rowCapacity}`}
        ref={rowsRef}
        args={[UNIT_BOX, m.rack, rowCapacity]}
      />
      <instancedMesh ref={racksRef} args={[UNIT_BOX, m.rack, RACK_BUDGET]} />
      <instancedMesh
        key={`kit-${kitCapacity}`}
        ref={kitRef}
        args={[kitGeometry, KIT_MATERIAL, kitCapacity]}
        userData={{ owner: BUILT_OWNER }}
      />
      <instancedMesh
        key={`pipes-${pipeCapacity}`}
        ref={pipesRef}
        args={[PIPE_GEOMETRY, MODEL_MATERIAL, pipeCapacity]}
        userData={{ owner: BUILT_OWNER }}
      />
      <instancedMesh
        key={`people-${peopleCapacity}`}
        ref={peopleRef}
        args={[PERSON_GEOMETRY, MODEL_MATERIAL, peopleCapacity]}
        userData={{ owner: BUILT_OWNER }}
      />
    </group>
  )
}

function containmentOf(layout: CampusLayout): number {
  return layout.detail.hall.items.filter(
    (i) => i.kind === 'containment-roof' || i.kind === 'containment-door',
  ).length
}

/** Writes a template's instances moved by (dx, dy, dz) from slot `from`; returns the next slot. */
function place(
  mesh: THREE.InstancedMesh,
  geometry: THREE.BufferGeometry | null,
  colors: THREE.InstancedBufferAttribute | null,
  template: InstanceData,
  from: number,
  dx: number,
  dy: number,
  dz: number,
): number {
  const target = mesh.instanceMatrix.array as Float32Array
  const cells = geometry
    ? ((geometry.getAttribute('aCells') as THREE.InstancedBufferAttribute).array as Float32Array)
    : null
  let j = from
  for (let i = 0; i < template.count && j < mesh.instanceMatrix.count; i++, j++) {
    writeBoxMatrix(target, j, template.boxes, i)
    target[j * 16 + 12] = (target[j * 16 + 12] ?? 0) + dx
    target[j * 16 + 13] = (target[j * 16 + 13] ?? 0) + dy
    target[j * 16 + 14] = (target[j * 16 + 14] ?? 0) + dz
    if (cells && template.cells) cells.set(template.cells.subarray(i * 4, i * 4 + 4), j * 4)
    if (colors && template.colors)
      (colors.array as Float32Array).set(template.colors.subarray(i * 3, i * 3 + 3), j * 3)
  }
  return j
}

/** Marks a mesh's first `count` instances (and an attribute) changed. */
function finish(
  mesh: THREE.InstancedMesh,
  count: number,
  attribute?: THREE.InstancedBufferAttribute,
): void {
  mesh.count = count
  mesh.visible = count > 0
  mesh.instanceMatrix.needsUpdate = true
  if (attribute) {
    attribute.needsUpdate = true
    if (attribute.itemSize === 3) mesh.instanceColor = attribute
  }
  mesh.computeBoundingSphere()
}
