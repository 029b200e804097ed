import { useFrame, useThree } from '@react-three/fiber'
import { useEffect, useLayoutEffect, useMemo } from 'react'
import * as THREE from 'three'
import { AVIATION_FLASHES_PER_MIN, type CampusLayout } from '../../layout'
import { useCampus } from '../../state'
import { Boxes, boxData, putBox } from '../Boxes'
import { materials } from '../materials'
import { turbineModels } from './models'
import { plantMaterials, plantUniforms } from './plantMaterial'
import { plantShown, plantStats } from './plantStats'
import { feedSolids, latticeGeometry, switchyardCounts, wireGeometry } from './staticGeometry'
import { useDisposed } from './PlantMeshes'
import { motionHeld, onAnimationTime } from '../animationClock'
import { groundY } from '../sceneData'
import { useSun } from '../sun'

/** Rotor speed, rad/s (≈ 11 rpm, a large onshore rotor at rated wind). */
const ROTOR_RAD_PER_S = 1.15

/**
 * Power feeds: lattice towers and switchyard gantries (cut-out lattice), their conductors,
 * the hydro plant, the wind farm (rotors turning in the vertex shader while motion is on) and
 * red obstruction lights on nacelles and tall stacks at night.
 */
export function FeedMeshes({ layout }: { layout: CampusLayout }) {
  const powerOn = useCampus((s) => s.layers.power)
  const motion = useCampus((s) => s.motion)
  const m = materials()
  const { solid, lattice } = plantMaterials()
  const wires = useMemo(() => wireGeometry(layout), [layout])
  const latticeParts = useMemo(() => latticeGeometry(layout), [layout])
  const solids = useMemo(() => feedSolids(layout), [layout])
  useDisposed(wires)
  useDisposed(latticeParts)
  useDisposed(solids)
  useLayoutEffect(() => {
    plantShown.feeds = layout
  }, [layout])

  const wind = layout.wind
  const windParts = useMemo(() => {
    if (!wind) return null
    const models = turbineModels(wind)
    const bodies = boxData(wind.turbines.length)
    const rotors = boxData(wind.turbines.length)
    // Rotors face west, into the prevailing wind; the nacelle runs downwind (east).
    const yaw = Math.PI / 2
    wind.turbines.forEach((t, i) => {
      const y = groundY(layout, t.x, t.z) - 0.5
      putBox(bodies, i, t.x, y, t.z, 1, 1, 1, yaw)
      putBox(rotors, i, t.x, y + wind.hubHeightM, t.z, 1, 1, 1, yaw)
    })
    return { ...models, bodies, rotors }
  }, [wind, layout])

  useEffect(() => {
    Object.assign(plantStats, switchyardCounts(layout))
    plantStats.turbines = wind?.turbines.length ?? 0
    plantStats.bladesPerRotor = windParts?.blades ?? 0
  }, [layout, wind, windParts])

  const invalidate = useThree((s) => s.invalidate)
  const spinning = motion && powerOn && wind !== null
  // The rotors' angle follows the scene's animation clock (a video drives it frame by frame);
  // frames keep coming while they turn, and the clock advances with them.
  useEffect(
    () =>
      onAnimationTime((t) => {
        plantUniforms.uSpin.value = (t * ROTOR_RAD_PER_S) % (Math.PI * 2)
      }),
    [],
  )
  useFrame(() => {
    if (spinning && !motionHeld()) invalidate()
  })

  return (
    <group visible={powerOn}>
      {latticeParts && <mesh geometry={latticeParts} material={lattice} />}
      {solids && <mesh geometry={solids} material={solid} />}
      <lineSegments geometry={wires} material={m.line} />
      {windParts && (
        <>
          <Boxes data={windParts.bodies} geometry={windParts.body} material={solid} />
          <Boxes data={windParts.rotors} geometry={windParts.rotor} material={solid} />
        </>
      )}
      <AviationLights layout={layout} powerOn={powerOn} motion={motion} />
    </group>
  )
}

let glow: THREE.CanvasTexture | null = null

/** A soft round dot for the lights (painted once). */
function glowSprite(): THREE.CanvasTexture {
  if (glow) return glow
  const canvas = document.createElement('canvas')
  canvas.width = 32
  canvas.height = 32
  const ctx = canvas.getContext('2d')
  if (ctx) {
    const g = ctx.createRadialGradient(16, 16, 0, 16, 16, 16)
    g.addColorStop(0, 'rgba(255,255,255,1)')
    g.addColorStop(0.35, 'rgba(255,255,255,0.9)')
    g.addColorStop(1, 'rgba(255,255,255,0)')
    ctx.fillStyle = g
    ctx.fillRect(0, 0, 32, 32)
  }
  glow = new THREE.CanvasTexture(canvas)
  return glow
}

let lightMaterial: THREE.PointsMaterial | null = null

/** Red points a fixed few pixels across at any distance, unaffected by fog and tone mapping. */
function aviationMaterial(): THREE.PointsMaterial {
  lightMaterial ??= new THREE.PointsMaterial({
    color: '#ff2418',
    size: 7,
    sizeAttenuation: false,
    map: glowSprite(),
    transparent: true,
    depthWrite: false,
    fog: false,
    toneMapped: false,
  })
  return lightMaterial
}

/** The share of each flash cycle a light is on. */
const ON_SHARE = 0.5

/**
 * Red obstruction lights on every nacelle and tall stack, shown at night (`useSun().night`);
 * they flash (ICAO medium intensity, AVIATION_FLASHES_PER_MIN) only while motion is on, and
 * stay steady otherwise. Flashing asks for a frame only when a light changes.
 */
function AviationLights({
  layout,
  powerOn,
  motion,
}: {
  layout: CampusLayout
  powerOn: boolean
  motion: boolean
}) {
  const { night } = useSun()
  const invalidate = useThree((s) => s.invalidate)
  const lights = layout.plant.aviationLights
  const geometry = useMemo(() => {
    const positions = new Float32Array(lights.length * 3)
    lights.forEach((l, i) =>
      positions.set([l.x, groundY(layout, l.x, l.z) + l.heightM, l.z], i * 3),
    )
    const g = new THREE.BufferGeometry()
    g.setAttribute('position', new THREE.BufferAttribute(positions, 3))
    g.computeBoundingSphere()
    return g
  }, [layout, lights])
  useDisposed(geometry)
  const shown = lights.length > 0 && night > 0.35
  const blinking = shown && motion && powerOn
  useEffect(() => {
    plantStats.aviationLights = lights.length
    plantStats.aviationLightsShown = shown && powerOn
    plantStats.aviationLightsBlinking = blinking
    const material = aviationMaterial()
    material.visible = shown
    invalidate()
    if (!blinking) return
    // On or off from the animation clock (a video's frames flash the same way every time); on
    // screen a frame every 100 ms advances the clock.
    const periodS = 60 / AVIATION_FLASHES_PER_MIN
    const stop = onAnimationTime((t) => {
      material.visible = (t % periodS) / periodS < ON_SHARE
    })
    const id = window.setInterval(() => {
      if (!motionHeld()) invalidate()
    }, 100)
    return () => {
      stop()
      window.clearInterval(id)
      material.visible = shown
    }
  }, [lights, shown, blinking, powerOn, invalidate])
  if (lights.length === 0) return null
  return (
    <points
      geometry={geometry}
      material={aviationMaterial()}
      frustumCulled={false}
      renderOrder={2}
    />
  )
}
