import { useMemo } from 'react'
import * as THREE from 'three'
import { UNIT, type CampusLayout, type UnitKind, type UnitRow } from '../layout'
import { useCampus } from '../state'
import { Boxes, boxData, putBox } from './Boxes'
import { materials, unitMaterial } from './materials'
import { SLAB_M, rectBoxes, rowsByKind, unitBoxes, unitCentres } from './sceneData'

export const COOLING_KINDS: ReadonlySet<UnitKind> = new Set([
  'dry-cooler',
  'adiabatic-cooler',
  'tower-cell',
  'chiller',
  'seawater-hx',
  'air-handler',
])

/** Fan stacks on tower cells and exhaust stacks on gas turbines: open cylinders. */
const STACK = new THREE.CylinderGeometry(0.5, 0.5, 1, 14, 1, true)
const STACK_CAPPED = new THREE.CylinderGeometry(0.5, 0.5, 1, 10)

function UnitKindRows({ kind, rows }: { kind: UnitKind; rows: UnitRow[] }) {
  const data = useMemo(() => unitBoxes(rows), [rows])
  return <Boxes data={data} material={unitMaterial(kind)} name={kind} />
}

/**
 * Cooling and electrical plant: every unit row of every kind (one InstancedMesh per kind),
 * the yard slabs, fan stacks on tower cells, exhaust stacks on gas turbines, and the
 * substation's gantries.
 */
export function Plant({ layout }: { layout: CampusLayout }) {
  const coolingOn = useCampus((s) => s.layers.cooling)
  const powerOn = useCampus((s) => s.layers.power)
  const m = materials()
  const byKind = useMemo(() => rowsByKind(layout), [layout])
  const slabs = useMemo(() => {
    const cooling = layout.yards.filter((y) => y.kind === 'cooling').map((y) => y.rect)
    const power = layout.yards
      .filter((y) => y.kind !== 'cooling' && y.kind !== 'solar')
      .map((y) => y.rect)
    return {
      cooling: rectBoxes(cooling, SLAB_M / 2, SLAB_M),
      power: rectBoxes(power, SLAB_M / 2, SLAB_M),
    }
  }, [layout])

  const stacks = useMemo(() => {
    const towers = unitCentres(byKind.get('tower-cell') ?? [])
    const tower = UNIT['tower-cell']
    const fan = boxData(towers.length)
    towers.forEach((p, i) => putBox(fan, i, p.x, SLAB_M + tower.h + 1.4, p.z, 8.5, 2.8, 8.5))
    const gas = unitCentres(byKind.get('gas-turbine') ?? [])
    const gt = UNIT['gas-turbine']
    const exhaust = boxData(gas.length)
    gas.forEach((p, i) => putBox(exhaust, i, p.x, SLAB_M + 9, p.z + gt.d / 2 - 3, 3.2, 18, 3.2))
    return { fan, exhaust }
  }, [byKind])

  const gantries = useMemo(() => {
    // Portal frames across the line bays at the north side of the substation.
    const r = layout.substation.rect
    const bays = Math.max(2, Math.floor((r.w - 20) / 16))
    const data = boxData(bays * 2 + 2)
    const z = r.z - r.d / 2 + 18
    let k = 0
    for (let i = 0; i <= bays; i++) {
      const x = r.x - r.w / 2 + 10 + (i * (r.w - 20)) / bays
      putBox(data, k++, x, 8, z, 0.8, 16, 0.8)
    }
    putBox(data, k++, r.x, 15.5, z, r.w - 18, 0.9, 0.9)
    for (; k < bays * 2 + 2; k++) putBox(data, k, r.x, 15.5, z, 0, 0, 0)
    return data
  }, [layout.substation])

  return (
    <group>
      <group visible={coolingOn}>
        <Boxes data={slabs.cooling} material={m.slab} />
        {[...byKind]
          .filter(([kind]) => COOLING_KINDS.has(kind))
          .map(([kind, rows]) => (
            <UnitKindRows key={kind} kind={kind} rows={rows} />
          ))}
        <Boxes data={stacks.fan} geometry={STACK} material={m.steel} />
      </group>
      <group visible={powerOn}>
        <Boxes data={slabs.power} material={m.gravel} />
        {[...byKind]
          .filter(([kind]) => !COOLING_KINDS.has(kind))
          .map(([kind, rows]) => (
            <UnitKindRows key={kind} kind={kind} rows={rows} />
          ))}
        <Boxes data={stacks.exhaust} geometry={STACK_CAPPED} material={m.steel} />
        <Boxes data={gantries} material={m.tower} />
      </group>
    </group>
  )
}
