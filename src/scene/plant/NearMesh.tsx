import { useFrame, useThree } from '@react-three/fiber'
import { useLayoutEffect, useMemo, useRef } from 'react'
import * as THREE from 'three'
import { plantStats } from './plantStats'

/**
 * A merged plant geometry of small parts (switchyard apparatus, pipe racks) drawn only while
 * the camera is within `distanceM` of its bounds: from the overview they would be a few pixels
 * and cost thousands of triangles. Re-checked only when the camera has moved 2 m.
 */
export function NearMesh({
  name,
  geometry,
  material,
  distanceM,
}: {
  readonly name: string
  readonly geometry: THREE.BufferGeometry
  readonly material: THREE.Material
  readonly distanceM: number
}) {
  const ref = useRef<THREE.Mesh>(null)
  const invalidate = useThree((s) => s.invalidate)
  const last = useRef(new THREE.Vector3(Infinity, Infinity, Infinity))
  const bounds = useMemo(() => {
    geometry.computeBoundingBox()
    return geometry.boundingBox ?? new THREE.Box3()
  }, [geometry])
  useLayoutEffect(() => {
    last.current.set(Infinity, Infinity, Infinity)
    plantStats.near[name] = false
    invalidate()
    return () => {
      plantStats.near[name] = false
    }
  }, [bounds, name, invalidate])
  useFrame(({ camera }) => {
    const mesh = ref.current
    if (!mesh || camera.position.distanceToSquared(last.current) < 4) return
    last.current.copy(camera.position)
    const near = bounds.distanceToPoint(camera.position) <= distanceM
    if (mesh.visible === near) return
    mesh.visible = near
    plantStats.near[name] = near
    invalidate()
  })
  return <mesh ref={ref} geometry={geometry} material={material} visible={false} name={name} />
}
