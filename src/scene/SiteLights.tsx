import { useEffect, useMemo } from 'react'
import * as THREE from 'three'
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js'
import {
  ARM_M,
  POLE_HEIGHT_M,
  placeSiteLights,
  type CampusLayout,
  type SiteLightPlacements,
} from '../layout'
import { useCampus } from '../state'
import { Boxes, boxData, putBox } from './Boxes'
import { lookStats } from './lookStats'
import { materials } from './materials'
import { useSun } from './sun'

/**
 * Site and road lights (src/layout/siteLights.ts places them): a pole with an arm, a lamp head
 * that glows at night, and on the ground a pool of light drawn as one additive, textured
 * quad per lamp (not a light: hundreds of real lights would cost every pixel of the frame).
 * Three draw calls whatever the campus size; the pools only at night.
 */
const POLE = (() => {
  const pole = new THREE.BoxGeometry(0.2, POLE_HEIGHT_M, 0.2).translate(0, POLE_HEIGHT_M / 2, 0)
  const arm = new THREE.BoxGeometry(ARM_M, 0.12, 0.12).translate(ARM_M / 2, POLE_HEIGHT_M - 0.1, 0)
  return mergeGeometries([pole, arm]) ?? pole
})()

/** Pool of light on the ground, metres across (about 2.5 × the mounting height). */
const POOL_M = 26

function poolTexture(): THREE.Texture {
  const size = 64
  const canvas = document.createElement('canvas')
  canvas.width = size
  canvas.height = size
  const ctx = canvas.getContext('2d')
  if (ctx) {
    const g = ctx.createRadialGradient(size / 2, size / 2, 0, size / 2, size / 2, size / 2)
    g.addColorStop(0, 'rgba(255,255,255,1)')
    g.addColorStop(0.35, 'rgba(255,255,255,0.55)')
    g.addColorStop(0.7, 'rgba(255,255,255,0.15)')
    g.addColorStop(1, 'rgba(255,255,255,0)')
    ctx.fillStyle = g
    ctx.fillRect(0, 0, size, size)
  }
  const t = new THREE.CanvasTexture(canvas)
  t.colorSpace = THREE.SRGBColorSpace
  return t
}

/** Warm white LED street lighting (about 3,000 K). */
const LAMP = new THREE.Color('#ffd7a1')

let shared: {
  head: THREE.MeshStandardMaterial
  pool: THREE.MeshBasicMaterial
  poolGeometry: THREE.BufferGeometry
} | null = null

function sharedParts() {
  shared ??= {
    head: new THREE.MeshStandardMaterial({
      color: '#8d949a',
      roughness: 0.4,
      metalness: 0.6,
      emissive: LAMP,
      emissiveIntensity: 0,
    }),
    pool: new THREE.MeshBasicMaterial({
      map: poolTexture(),
      color: LAMP,
      transparent: true,
      blending: THREE.AdditiveBlending,
      depthWrite: false,
      polygonOffset: true,
      polygonOffsetFactor: -4,
      polygonOffsetUnits: -8,
    }),
    poolGeometry: new THREE.PlaneGeometry(1, 1).rotateX(-Math.PI / 2),
  }
  return shared
}

function boxesOf(p: SiteLightPlacements) {
  const poles = boxData(p.count)
  const heads = boxData(p.count)
  const pools = boxData(p.count)
  for (let i = 0; i < p.count; i++) {
    const x = p.x[i] ?? 0
    const y = p.y[i] ?? 0
    const z = p.z[i] ?? 0
    const dx = p.dx[i] ?? 0
    const dz = p.dz[i] ?? 0
    const yaw = Math.atan2(-dz, dx)
    putBox(poles, i, x, y, z, 1, 1, 1, yaw)
    const hx = x + dx * ARM_M
    const hz = z + dz * ARM_M
    putBox(heads, i, hx, y + POLE_HEIGHT_M - 0.28, hz, 0.9, 0.22, 0.42, yaw)
    putBox(pools, i, hx, y + 0.3, hz, POOL_M, 1, POOL_M)
  }
  return { count: p.count, poles, heads, pools }
}

/** Lamp light 0…1 from how dark it is: on in dusk, full at night. */
export function lampLevel(night: number): number {
  return Math.min(1, Math.max(0, (night - 0.35) / 0.45))
}

export function SiteLights({ layout }: { layout: CampusLayout }) {
  const { night } = useSun()
  const visible = useCampus((s) => s.layers.site)
  const m = materials()
  const parts = sharedParts()
  const boxes = useMemo(() => boxesOf(placeSiteLights(layout)), [layout])
  const level = lampLevel(night)
  useEffect(() => {
    const shared = sharedParts()
    shared.head.emissiveIntensity = 9 * level
    shared.pool.opacity = 0.55 * level
    lookStats.lampLevel = level
    lookStats.lampsDrawn = visible && level > 0.02
  }, [level, visible])
  useEffect(() => {
    lookStats.siteLights = boxes.count
  }, [boxes])
  return (
    <group visible={visible}>
      <Boxes data={boxes.poles} geometry={POLE} material={m.steel} name="light-poles" />
      <Boxes data={boxes.heads} material={parts.head} name="light-heads" />
      <Boxes
        data={boxes.pools}
        geometry={parts.poolGeometry}
        material={parts.pool}
        visible={level > 0.02}
        name="light-pools"
      />
    </group>
  )
}
