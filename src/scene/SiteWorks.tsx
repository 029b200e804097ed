import { useEffect, useMemo } from 'react'
import * as THREE from 'three'
import type { CampusLayout, Rect } from '../layout'
import { FENCE_HEIGHT_M } from '../layout/fence'
import { useCampus } from '../state'
import { Boxes } from './Boxes'
import { CAR_NEAR_M, TRUCK_NEAR_M, carData, siteKit, siteNear, truckData } from './buildingData'
import { BUILT_OWNER, Instances } from './Instances'
import { kitMaterial } from './kitMaterial'
import { materials } from './materials'
import { CAR_GEOMETRY, MODEL_MATERIAL, TRUCK_GEOMETRY } from './models'
import { rectBoxes } from './sceneData'

const SITE_KIT = kitMaterial({ polygonOffset: true })
const NEAR_KIT = kitMaterial()

/** Chain-link mesh with a top and bottom rail: 1 m tiles, transparent between the wires. */
const FENCE_MATERIAL = (() => {
  const s = 64
  const canvas = document.createElement('canvas')
  canvas.width = canvas.height = s
  const ctx = canvas.getContext('2d')
  if (ctx) {
    ctx.clearRect(0, 0, s, s)
    ctx.strokeStyle = 'rgba(120,128,134,0.95)'
    ctx.lineWidth = 2
    for (let k = -s; k < 2 * s; k += 16) {
      ctx.beginPath()
      ctx.moveTo(k, 0)
      ctx.lineTo(k + s, s)
      ctx.moveTo(k + s, 0)
      ctx.lineTo(k, s)
      ctx.stroke()
    }
  }
  const texture = new THREE.CanvasTexture(canvas)
  texture.wrapS = texture.wrapT = THREE.RepeatWrapping
  texture.colorSpace = THREE.SRGBColorSpace
  return new THREE.MeshStandardMaterial({
    map: texture,
    transparent: true,
    depthWrite: false,
    side: THREE.DoubleSide,
    roughness: 0.5,
    metalness: 0.4,
    color: '#c4cacf',
  })
})()

/**
 * The fence as one mesh of chain-link panels (1 m texture tiles, so the wires stay at true size
 * close up and blend to a grey veil far away), broken at the gate.
 */
function fenceGeometry(fence: Rect, gap: Rect): THREE.BufferGeometry {
  const x0 = fence.x - fence.w / 2
  const x1 = fence.x + fence.w / 2
  const z0 = fence.z - fence.d / 2
  const z1 = fence.z + fence.d / 2
  const runs: [number, number, number, number][] = [
    [x0, z0, x1, z0],
    [x1, z0, x1, z1],
    [x1, z1, x0, z1],
    [x0, z1, x0, gap.z + gap.d / 2],
    [x0, gap.z - gap.d / 2, x0, z0],
  ]
  const position: number[] = []
  const uv: number[] = []
  const h = FENCE_HEIGHT_M
  for (const [ax, az, bx, bz] of runs) {
    const length = Math.hypot(bx - ax, bz - az)
    position.push(ax, 0, az, bx, 0, bz, bx, h, bz, ax, 0, az, bx, h, bz, ax, h, az)
    uv.push(0, 0, length, 0, length, h, 0, 0, length, h, 0, h)
  }
  const g = new THREE.BufferGeometry()
  g.setAttribute('position', new THREE.Float32BufferAttribute(position, 3))
  g.setAttribute('uv', new THREE.Float32BufferAttribute(uv, 2))
  g.computeVertexNormals()
  return g
}

/**
 * Roads, the parking lot with its cars, the offices, the gate (gate house, barrier, leaves),
 * the fence, trucks at the loading bays, and near the camera only, kerbs and fence posts.
 */
export function SiteWorks({ layout }: { layout: CampusLayout }) {
  const visible = useCampus((s) => s.layers.site)
  const m = materials()
  const roads = useMemo(() => rectBoxes(layout.roads, 0.1, 0.2), [layout])
  const kit = useMemo(() => siteKit(layout), [layout])
  const near = useMemo(() => siteNear(layout), [layout])
  const cars = useMemo(() => carData(layout), [layout])
  const trucks = useMemo(() => truckData(layout), [layout])
  const fence = useMemo(
    () => fenceGeometry(layout.fence, layout.detail.site.gate.opening),
    [layout.fence, layout.detail.site.gate.opening],
  )
  useEffect(() => () => fence.dispose(), [fence])
  return (
    <group visible={visible}>
      <Boxes data={roads} material={m.road} />
      <Instances data={kit} material={SITE_KIT} name="site" />
      <Instances data={near.data} material={NEAR_KIT} nearM={near.nearM} stat="siteNear" />
      <Instances
        data={cars}
        material={MODEL_MATERIAL}
        geometry={CAR_GEOMETRY}
        nearM={CAR_NEAR_M}
        stat="cars"
      />
      <Instances
        data={trucks}
        material={MODEL_MATERIAL}
        geometry={TRUCK_GEOMETRY}
        nearM={TRUCK_NEAR_M}
        stat="trucks"
      />
      <mesh
        geometry={fence}
        material={FENCE_MATERIAL}
        renderOrder={1}
        name="fence"
        userData={{ owner: BUILT_OWNER }}
      />
    </group>
  )
}
