import * as THREE from 'three'
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js'
import { CAR } from '../layout/utilityColumn'
import { PERSON_HEIGHT_M } from '../layout/halls'
import { TRUCK_LENGTH_M, TRUCK_WIDTH_M } from '../layout/buildings'

/**
 * Small low-poly models built from boxes and cylinders at start-up (nothing downloaded), with
 * vertex colours that the instance colour tints: a car, an articulated truck, a person, a
 * rooftop exhaust fan and a pipe. Their sizes are the layout's (car 4.5 m, person 1.75 m,
 * truck 16.5 m); instances only move, turn and tint them. Bottom faces nobody sees are left
 * out, so a car is 20 triangles and a person 50.
 */

type Rgb = readonly [number, number, number]

/** A box part: centre, size, colour per face group (+x, −x, +y, −y, +z, −z). */
function part(
  cx: number,
  cy: number,
  cz: number,
  sx: number,
  sy: number,
  sz: number,
  colours: Rgb | readonly Rgb[],
  bottom = false,
): THREE.BufferGeometry {
  const box = new THREE.BoxGeometry(sx, sy, sz).toNonIndexed()
  box.translate(cx, cy, cz)
  const faces = Array.isArray(colours[0]) ? (colours as readonly Rgb[]) : null
  const count = box.getAttribute('position').count
  const colour = new Float32Array(count * 3)
  for (let v = 0; v < count; v++) {
    // Six faces of six vertices each, in BoxGeometry's order.
    const face = Math.floor(v / 6)
    const c = faces ? (faces[face] ?? faces[0] ?? [1, 1, 1]) : (colours as Rgb)
    colour.set(c, v * 3)
  }
  box.setAttribute('color', new THREE.BufferAttribute(colour, 3))
  box.deleteAttribute('uv')
  if (bottom) return box
  // Drop the −y face (vertices 18–23).
  const kept = new THREE.BufferGeometry()
  for (const name of ['position', 'normal', 'color']) {
    const a = box.getAttribute(name)
    const arr = a.array as Float32Array
    const out = new Float32Array(arr.length - 6 * a.itemSize)
    out.set(arr.subarray(0, 18 * a.itemSize))
    out.set(arr.subarray(24 * a.itemSize), 18 * a.itemSize)
    kept.setAttribute(name, new THREE.BufferAttribute(out, a.itemSize))
  }
  return kept
}

function merge(parts: THREE.BufferGeometry[]): THREE.BufferGeometry {
  const g = mergeGeometries(parts)
  if (!g) throw new Error('model parts do not merge')
  g.computeBoundingSphere()
  return g
}

const WHITE: Rgb = [1, 1, 1]
const GLASS: Rgb = [0.06, 0.08, 0.1]
const DARK: Rgb = [0.08, 0.08, 0.09]
const SKIN: Rgb = [0.78, 0.6, 0.48]
const TROUSERS: Rgb = [0.16, 0.18, 0.22]

/** The geometry (non-indexed) without its triangles that face straight down. */
function withoutBottom(g: THREE.BufferGeometry): THREE.BufferGeometry {
  const nor = g.getAttribute('normal')
  const keep: number[] = []
  for (let t = 0; t < nor.count; t += 3) {
    if (nor.getY(t) < -0.9 && nor.getY(t + 1) < -0.9 && nor.getY(t + 2) < -0.9) continue
    keep.push(t, t + 1, t + 2)
  }
  const out = new THREE.BufferGeometry()
  for (const name of Object.keys(g.attributes)) {
    const a = g.getAttribute(name)
    const data = new Float32Array(keep.length * a.itemSize)
    keep.forEach((v, i) => {
      for (let k = 0; k < a.itemSize; k++) data[i * a.itemSize + k] = a.getComponent(v, k)
    })
    out.setAttribute(name, new THREE.BufferAttribute(data, a.itemSize))
  }
  g.dispose()
  return out
}

/** A car, nose toward +z, standing on y = 0: body and glazed cabin (paint from the instance). */
export const CAR_GEOMETRY = merge([
  part(0, 0.2 + 0.38, 0, CAR.width, 0.76, CAR.length, WHITE),
  part(0, 0.96 + (CAR.height - 0.96) / 2, -0.25, CAR.width - 0.16, CAR.height - 0.96, 2.4, [
    GLASS,
    GLASS,
    WHITE,
    GLASS,
    GLASS,
    GLASS,
  ]),
])

/** An articulated truck, cab toward +z: trailer (livery from the instance), chassis, cab. */
export const TRUCK_GEOMETRY = (() => {
  const rear = -TRUCK_LENGTH_M / 2
  const trailerL = 13.6
  const cabL = 2.3
  const front = TRUCK_LENGTH_M / 2
  return merge([
    part(0, 0.6, 0, TRUCK_WIDTH_M - 0.2, 1, TRUCK_LENGTH_M - 0.4, DARK),
    part(0, 1.1 + 1.45, rear + trailerL / 2, TRUCK_WIDTH_M, 2.9, trailerL, WHITE),
    part(0, 0.9 + 1.4, front - cabL / 2, TRUCK_WIDTH_M - 0.05, 2.8, cabL, [
      [0.85, 0.86, 0.88],
      [0.85, 0.86, 0.88],
      [0.85, 0.86, 0.88],
      DARK,
      GLASS,
      [0.85, 0.86, 0.88],
    ]),
  ])
})()

/** A person 1.75 m tall, facing +z, feet on y = 0 (clothes from the instance). */
export const PERSON_GEOMETRY = (() => {
  const k = PERSON_HEIGHT_M / 1.75
  const g = merge([
    part(-0.1, 0.43, 0, 0.14, 0.86, 0.16, TROUSERS),
    part(0.1, 0.43, 0, 0.14, 0.86, 0.16, TROUSERS),
    part(0, 1.16, 0, 0.42, 0.6, 0.24, WHITE),
    part(-0.27, 1.14, 0, 0.1, 0.58, 0.12, WHITE),
    part(0.27, 1.14, 0, 0.1, 0.58, 0.12, WHITE),
    part(0, 1.61, 0.01, 0.19, 0.26, 0.22, SKIN),
  ])
  g.scale(k, k, k)
  return g
})()

/**
 * Rooftop up-blast exhaust fan: a tapered drum, 1 m across and 1 m tall (scaled per fan), eight
 * sides and its outlet on top (no bottom: 24 triangles).
 */
export const FAN_GEOMETRY = (() => {
  const g = withoutBottom(new THREE.CylinderGeometry(0.38, 0.5, 1, 8, 1, false).toNonIndexed())
  g.deleteAttribute('uv')
  const n = g.getAttribute('position').count
  const colour = new Float32Array(n * 3)
  const nor = g.getAttribute('normal')
  for (let i = 0; i < n; i++) {
    // The outlet on top dark, the drum light grey.
    const top = (nor.getY(i) ?? 0) > 0.9
    colour.set(top ? [0.16, 0.18, 0.2] : [0.72, 0.75, 0.78], i * 3)
  }
  g.setAttribute('color', new THREE.BufferAttribute(colour, 3))
  g.translate(0, 0.5, 0)
  return g
})()

/** A pipe 1 m long and 1 m across along x, centred (scaled per pipe; colour from the instance). */
export const PIPE_GEOMETRY = (() => {
  const g = new THREE.CylinderGeometry(0.5, 0.5, 1, 8, 1, true).toNonIndexed()
  g.rotateZ(Math.PI / 2)
  g.deleteAttribute('uv')
  const n = g.getAttribute('position').count
  g.setAttribute('color', new THREE.BufferAttribute(new Float32Array(n * 3).fill(1), 3))
  return g
})()

/** Vertex-coloured, instance-tinted physically based material for the models above. */
export const MODEL_MATERIAL = new THREE.MeshStandardMaterial({
  vertexColors: true,
  roughness: 0.5,
  metalness: 0.15,
})
