import { useThree, type ThreeEvent } from '@react-three/fiber'
import { useLayoutEffect, useMemo, useRef } from 'react'
import * as THREE from 'three'
import type { CampusLayout } from '../layout'
import { select, useCampus } from '../state'
import { Boxes, UNIT_BOX, boxData, putBox } from './Boxes'
import { materials } from './materials'
import { KIND_LAYER, pickTargets, type PickTarget } from './sceneData'

const EDGES = new THREE.EdgesGeometry(UNIT_BOX)

/** Pixels the pointer may move between press and release and still count as a click. */
const CLICK_SLOP_PX = 5

function placeBox(object: THREE.Object3D, target: PickTarget, pad: number): void {
  const [x, y, z, w, h, d] = target.box
  object.position.set(x, y, z)
  object.scale.set(w + pad, h + pad, d + pad)
  object.updateMatrix()
}

/**
 * Hover and selection: invisible boxes around every selectable asset catch the pointer
 * (one InstancedMesh, no draw call); the hovered one gets a white outline (kept in a ref, not
 * the store), the selected one an amber outline and tint.
 */
export function Picking({ layout }: { layout: CampusLayout }) {
  const layers = useCampus((s) => s.layers)
  const selection = useCampus((s) => s.selection)
  const invalidate = useThree((s) => s.invalidate)
  const m = materials()
  const targets = useMemo(
    () => pickTargets(layout).filter((t) => layers[KIND_LAYER[t.kind]]),
    [layout, layers],
  )
  const data = useMemo(() => {
    const d = boxData(targets.length)
    targets.forEach((t, i) => putBox(d, i, ...t.box))
    return d
  }, [targets])

  const hoverRef = useRef<THREE.LineSegments>(null)
  const hovered = useRef(-1)
  const setHover = (i: number): void => {
    const outline = hoverRef.current
    if (!outline || i === hovered.current) return
    hovered.current = i
    const target = targets[i]
    outline.visible = target !== undefined
    if (target) placeBox(outline, target, 1)
    document.body.style.cursor = target ? 'pointer' : ''
    invalidate()
  }
  useLayoutEffect(() => {
    hovered.current = -1
    if (hoverRef.current) hoverRef.current.visible = false
  }, [targets])

  const selectedRef = useRef<THREE.Group>(null)
  useLayoutEffect(() => {
    const group = selectedRef.current
    if (!group) return
    const target = selection
      ? targets.find((t) => t.kind === selection.kind && t.index === selection.index)
      : undefined
    group.visible = target !== undefined
    if (target) for (const child of group.children) placeBox(child, target, 2)
    invalidate()
  }, [selection, targets, invalidate])

  const onMove = (e: ThreeEvent<PointerEvent>) => {
    e.stopPropagation()
    setHover(e.instanceId ?? -1)
  }
  const onClick = (e: ThreeEvent<MouseEvent>) => {
    e.stopPropagation()
    if (e.delta > CLICK_SLOP_PX) return
    const target = targets[e.instanceId ?? -1]
    if (target) select({ kind: target.kind, index: target.index })
  }

  return (
    <>
      <group onPointerMove={onMove} onPointerOut={() => setHover(-1)} onClick={onClick}>
        <Boxes data={data} material={m.pick} name="pick" />
      </group>
      <lineSegments
        ref={hoverRef}
        geometry={EDGES}
        material={m.hoverEdges}
        visible={false}
        matrixAutoUpdate={false}
        renderOrder={10}
      />
      <group ref={selectedRef} visible={false}>
        <lineSegments
          geometry={EDGES}
          material={m.selectedEdges}
          matrixAutoUpdate={false}
          renderOrder={11}
        />
        <mesh
          geometry={UNIT_BOX}
          material={m.selectedFill}
          matrixAutoUpdate={false}
          renderOrder={9}
        />
      </group>
    </>
  )
}
