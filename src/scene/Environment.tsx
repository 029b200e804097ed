import { useThree } from '@react-three/fiber'
import { useLayoutEffect, useMemo, useRef } from 'react'
import * as THREE from 'three'
import type { CampusLayout } from '../layout'
import { GroundShadows } from './GroundShadows'
import { useSun } from './sun'

/** Name of the sky dome (the image export hides it for solid or transparent backgrounds). */
export const SKY_NAME = 'sky'

const SKY_GEOMETRY = new THREE.SphereGeometry(1, 32, 16)
// Drawn last with the depth test on, so only the pixels nothing else covers are shaded
// (a full-screen pass costs tens of milliseconds in software rendering).
const SKY_MATERIAL = new THREE.MeshBasicMaterial({
  vertexColors: true,
  side: THREE.BackSide,
  depthWrite: false,
  fog: false,
})

const DAY_ZENITH = new THREE.Color('#5f8fc4')
const DAY_HORIZON = new THREE.Color('#dde8ef')
const DUSK_HORIZON = new THREE.Color('#f1c79b')
const NIGHT_ZENITH = new THREE.Color('#0d1626')
const NIGHT_HORIZON = new THREE.Color('#2a3a52')
const SUN_WARM = new THREE.Color('#ffd2a1')
const SUN_WHITE = new THREE.Color('#fffaf0')

/**
 * Sky dome, fog, sun and sky light for the site's latitude and the chosen local solar time
 * and date. The sun casts the shadows of buildings and plant over the campus pad.
 */
export function Environment({ layout }: { layout: CampusLayout }) {
  const { position: sun, daylight } = useSun()
  const low = 1 - THREE.MathUtils.smoothstep(sun.elevationRad, 0.05, 0.5)

  const colors = useMemo(() => {
    const zenith = NIGHT_ZENITH.clone().lerp(DAY_ZENITH, daylight)
    const horizon = NIGHT_HORIZON.clone()
      .lerp(DAY_HORIZON, daylight)
      .lerp(DUSK_HORIZON, low * daylight * 0.7)
    return { zenith, horizon }
  }, [daylight, low])

  const skyGeometry = useMemo(() => {
    const g = SKY_GEOMETRY.clone()
    const pos = g.getAttribute('position')
    const col = new Float32Array(pos.count * 3)
    const c = new THREE.Color()
    const [sx, sy, sz] = sun.direction
    for (let i = 0; i < pos.count; i++) {
      const y = pos.getY(i)
      const t = Math.pow(Math.max(0, y), 0.55)
      c.copy(colors.horizon).lerp(colors.zenith, t)
      if (y < 0) c.copy(colors.horizon).multiplyScalar(0.92)
      const toward = pos.getX(i) * sx + y * sy + pos.getZ(i) * sz
      if (toward > 0.9 && daylight > 0) c.lerp(SUN_WARM, ((toward - 0.9) / 0.1) * 0.35 * daylight)
      col[i * 3] = c.r
      col[i * 3 + 1] = c.g
      col[i * 3 + 2] = c.b
    }
    g.setAttribute('color', new THREE.BufferAttribute(col, 3))
    return g
  }, [colors, sun, daylight])

  const invalidate = useThree((s) => s.invalidate)

  const extentM = layout.terrain.extentM
  const sunRef = useRef<THREE.DirectionalLight>(null)
  useLayoutEffect(() => {
    const light = sunRef.current
    if (!light) return
    const [dx, dy, dz] = sun.direction
    light.position.set(dx * 1000, Math.max(dy, 0.05) * 1000, dz * 1000)
    light.target.position.set(0, 0, 0)
    light.target.updateMatrixWorld()
    invalidate()
  }, [sun, invalidate])

  const sunColor = SUN_WHITE.clone().lerp(SUN_WARM, low)
  return (
    <>
      <fog attach="fog" args={[colors.horizon, extentM * 0.35, extentM * 2.4]} />
      <mesh
        name={SKY_NAME}
        geometry={skyGeometry}
        material={SKY_MATERIAL}
        scale={extentM * 3}
        renderOrder={2}
        frustumCulled={false}
      />
      <hemisphereLight
        args={[colors.zenith.clone().lerp(DAY_HORIZON, 0.5), '#6b6a5c', 0.35 + 0.9 * daylight]}
      />
      <directionalLight ref={sunRef} color={sunColor} intensity={0.15 + 2.4 * daylight} />
      <GroundShadows layout={layout} sun={sun.direction} strength={daylight} />
    </>
  )
}
