import { useFrame, useThree } from '@react-three/fiber'
import { useMemo } from 'react'
import * as THREE from 'three'
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js'
import type { CampusLayout, Point } from '../layout'
import { useCampus } from '../state'
import { onAnimationTime } from './animationClock'
import { Boxes, boxData, putBox } from './Boxes'
import { materials } from './materials'
import { groundY } from './sceneData'

/** Wind turbine tower and nacelle for a hub height of 1 (scaled per farm); rotor axis +z. */
const TURBINE_BODY = (() => {
  const tower = new THREE.CylinderGeometry(0.016, 0.03, 1, 10, 1, true).translate(0, 0.5, 0)
  const nacelle = new THREE.BoxGeometry(0.036, 0.036, 0.11).translate(0, 1.01, -0.02)
  return mergeGeometries([tower, nacelle]) ?? tower
})()

/** Three tapered blades and a spinner, radius 1, in the xy plane (the rotor spins about z). */
const ROTOR = (() => {
  const parts: THREE.BufferGeometry[] = []
  for (let b = 0; b < 3; b++) {
    const blade = new THREE.BoxGeometry(0.075, 0.96, 0.012, 1, 4, 1)
    const pos = blade.getAttribute('position')
    for (let i = 0; i < pos.count; i++) {
      const t = pos.getY(i) + 0.5
      pos.setX(i, pos.getX(i) * (1 - 0.72 * t) + (pos.getX(i) > 0 ? 0.01 : 0) * (1 - t))
    }
    blade.translate(0, 0.52, 0).rotateZ((b * 2 * Math.PI) / 3)
    parts.push(blade)
  }
  const spinner = new THREE.SphereGeometry(0.05, 8, 6).scale(1, 1, 1.6)
  parts.push(spinner)
  const indexed = parts.map((p) => (p.index ? p.toNonIndexed() : p))
  const merged = mergeGeometries(indexed) ?? indexed[0] ?? new THREE.BufferGeometry()
  merged.computeVertexNormals()
  return merged
})()

/** Rotor material: the vertex shader turns each rotor by a shared angle (no per-frame matrices). */
const spin = { value: 0 }
const ROTOR_MATERIAL = (() => {
  const material = new THREE.MeshLambertMaterial({ color: '#f3f4f5', side: THREE.DoubleSide })
  material.onBeforeCompile = (shader) => {
    shader.uniforms.uSpin = spin
    shader.vertexShader = shader.vertexShader
      .replace('#include <common>', '#include <common>\nuniform float uSpin;')
      .replace(
        '#include <beginnormal_vertex>',
        `float spinA = uSpin;
        #ifdef USE_INSTANCING
          spinA += float(gl_InstanceID) * 1.37;
        #endif
        mat2 spinR = mat2(cos(spinA), sin(spinA), -sin(spinA), cos(spinA));
        vec3 objectNormal = vec3(normal);
        objectNormal.xy = spinR * objectNormal.xy;
        #ifdef USE_TANGENT
          vec3 objectTangent = vec3(tangent.xyz);
        #endif`,
      )
      .replace(
        '#include <begin_vertex>',
        `vec3 transformed = vec3(position);
        transformed.xy = spinR * transformed.xy;`,
      )
  }
  material.customProgramCacheKey = () => 'rotor'
  return material
})()

/** Rotor speed, rad/s (≈ 11 rpm, a large onshore rotor at rated wind). */
const ROTOR_RAD_PER_S = 1.15
// The angle follows the scene's animation clock (exports drive it frame by frame).
onAnimationTime((t) => {
  spin.value = (t * ROTOR_RAD_PER_S) % (Math.PI * 2)
})

/** Lattice tower silhouette, metres: body, mast and two cross-arms; line along local z. */
const PYLON = (() => {
  const body = new THREE.CylinderGeometry(0.9, 4.2, 36, 4, 1, true)
    .rotateY(Math.PI / 4)
    .translate(0, 18, 0)
  const mast = new THREE.BoxGeometry(1.2, 6, 1.2).translate(0, 39, 0)
  const upper = new THREE.BoxGeometry(18, 0.8, 1.2).translate(0, 34, 0)
  const lower = new THREE.BoxGeometry(14, 0.8, 1.2).translate(0, 28, 0)
  return mergeGeometries([body, mast, upper, lower]) ?? body
})()

/** Where conductors hang on a tower (local x, y), metres; the earth wire on top. */
const ATTACH: readonly (readonly [number, number])[] = [
  [-8.6, 33.5],
  [8.6, 33.5],
  [-6.6, 27.5],
  [6.6, 27.5],
  [0, 41.8],
]

function yawAlong(a: Point, b: Point): number {
  return Math.atan2(b.x - a.x, b.z - a.z)
}

interface LinePoint {
  readonly p: Point
  readonly yaw: number
  readonly y: number
  /** A gantry (substation or powerhouse), not a tower. */
  readonly end: boolean
}

/** Towers (with yaw) and the wires between them, with a parabolic sag. */
function lineGeometry(layout: CampusLayout) {
  const towers: number[] = []
  const wires: number[] = []
  for (const line of layout.lines) {
    const route = [line.start, ...line.towers, line.end]
    const ends = new Set([0, route.length - 1])
    const points = route.map((p, i): LinePoint => {
      const prev = route[Math.max(0, i - 1)] ?? p
      const next = route[Math.min(route.length - 1, i + 1)] ?? p
      const yaw = yawAlong(prev, next)
      const y = groundY(layout, p.x, p.z)
      return { p, yaw, y, end: ends.has(i) }
    })
    for (const t of points) if (!t.end) towers.push(t.p.x, t.y, t.p.z, 1, 1, 1, t.yaw)
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i]
      const b = points[i + 1]
      if (!a || !b) continue
      const span = Math.hypot(b.p.x - a.p.x, b.p.z - a.p.z)
      const sag = Math.min(14, span * 0.035)
      for (const [lx, ly] of ATTACH) {
        const at = (t: LinePoint): readonly [number, number, number] | null => {
          const scale = t.end ? 0.45 : 1
          const height = t.end ? 15 : ly
          if (t.end && ly > 40) return null
          const cx = Math.cos(t.yaw) * lx * scale
          const cz = -Math.sin(t.yaw) * lx * scale
          return [t.p.x + cx, t.y + height, t.p.z + cz] as const
        }
        const pa = at(a)
        const pb = at(b)
        if (!pa || !pb) continue
        const steps = 10
        for (let s = 0; s < steps; s++) {
          for (const u of [s / steps, (s + 1) / steps]) {
            wires.push(
              pa[0] + (pb[0] - pa[0]) * u,
              pa[1] + (pb[1] - pa[1]) * u - 4 * sag * u * (1 - u),
              pa[2] + (pb[2] - pa[2]) * u,
            )
          }
        }
      }
    }
  }
  const wireGeometry = new THREE.BufferGeometry()
  wireGeometry.setAttribute('position', new THREE.BufferAttribute(Float32Array.from(wires), 3))
  wireGeometry.computeBoundingSphere()
  return { towers: Float32Array.from(towers), wires: wireGeometry }
}

/** Power feeds: hydro plant, wind farm, transmission lines, seawater intake. */
export function Feeds({ layout }: { layout: CampusLayout }) {
  const powerOn = useCampus((s) => s.layers.power)
  const coolingOn = useCampus((s) => s.layers.cooling)
  const motion = useCampus((s) => s.motion)
  const m = materials()
  const lines = useMemo(() => lineGeometry(layout), [layout])

  const hydro = layout.hydro
  const hydroParts = useMemo(() => {
    if (!hydro) return null
    const dam = boxData(1)
    const base = hydro.damCrestYM - 70
    putBox(
      dam,
      0,
      hydro.dam.x,
      (base + hydro.damCrestYM) / 2,
      hydro.dam.z,
      hydro.dam.w,
      hydro.damCrestYM - base,
      hydro.dam.d,
    )
    const p = hydro.powerhouse
    const first = hydro.penstockPath[0] ?? [0, 0, 0]
    const houses = boxData(2)
    putBox(houses, 0, p.x, 9, p.z, p.w, 18, p.d)
    putBox(houses, 1, first[0], first[1] + 5, first[2] + 4, 16, 10, 12)
    const tubes: THREE.BufferGeometry[] = []
    for (let i = 0; i < hydro.penstocks; i++) {
      const dx = (i - (hydro.penstocks - 1) / 2) * 7
      const curve = new THREE.CatmullRomCurve3(
        hydro.penstockPath.map(([x, y, z]) => new THREE.Vector3(x + dx, y + 1, z)),
      )
      tubes.push(new THREE.TubeGeometry(curve, hydro.penstockPath.length * 2, 3, 8, false))
    }
    return { dam, houses, tubes: mergeGeometries(tubes) ?? tubes[0] ?? null }
  }, [hydro])

  const wind = layout.wind
  const windParts = useMemo(() => {
    if (!wind) return null
    const yaw = -Math.PI / 2
    const bodies = boxData(wind.turbines.length)
    const rotors = boxData(wind.turbines.length)
    const hub = wind.hubHeightM
    const radius = wind.rotorDiameterM / 2
    wind.turbines.forEach((t, i) => {
      const y = groundY(layout, t.x, t.z) - 1
      putBox(bodies, i, t.x, y, t.z, hub, hub, hub, yaw)
      putBox(rotors, i, t.x - 0.05 * hub, y + hub + 0.01 * hub, t.z, radius, radius, radius, yaw)
    })
    return { bodies, rotors }
  }, [wind, layout])

  const intake = layout.intake
  const intakeParts = useMemo(() => {
    if (!intake) return null
    const house = boxData(1)
    const r = intake.pumphouse
    putBox(house, 0, r.x, 4, r.z, r.w, 8, r.d)
    const curve = new THREE.CurvePath<THREE.Vector3>()
    for (let i = 0; i + 1 < intake.pipe.length; i++) {
      const a = intake.pipe[i]
      const b = intake.pipe[i + 1]
      if (a && b)
        curve.add(
          new THREE.LineCurve3(new THREE.Vector3(a.x, 1.4, a.z), new THREE.Vector3(b.x, 1.4, b.z)),
        )
    }
    return { house, pipe: new THREE.TubeGeometry(curve, 16, 1.2, 8, false) }
  }, [intake])

  const invalidate = useThree((s) => s.invalidate)
  const spinning = motion && powerOn && wind !== null
  // Frames keep coming while rotors turn; the animation clock (animationClock.ts) turns them.
  useFrame(() => {
    if (spinning) invalidate()
  })

  return (
    <group>
      <group visible={powerOn}>
        <Boxes data={lines.towers} geometry={PYLON} material={m.tower} />
        <lineSegments geometry={lines.wires} material={m.line} />
        {hydroParts && (
          <>
            <Boxes data={hydroParts.dam} material={m.dam} />
            <Boxes data={hydroParts.houses} material={m.building} />
            {hydroParts.tubes && <mesh geometry={hydroParts.tubes} material={m.penstock} />}
          </>
        )}
        {windParts && (
          <>
            <Boxes data={windParts.bodies} geometry={TURBINE_BODY} material={m.turbine} />
            <Boxes data={windParts.rotors} geometry={ROTOR} material={ROTOR_MATERIAL} />
          </>
        )}
      </group>
      {intakeParts && (
        <group visible={coolingOn}>
          <Boxes data={intakeParts.house} material={m.building} />
          <mesh geometry={intakeParts.pipe} material={m.steel} />
        </group>
      )}
    </group>
  )
}
