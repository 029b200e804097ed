import * as THREE from 'three'
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js'
import { CELL, FAN_CELL } from './plantMaterial'

/**
 * Builds one geometry from simple parts (boxes, cylinders, discs) for the plant material:
 * each part gets its paint (vertex colour), its pattern cell and pattern coordinates in
 * repeats of `period` metres (projected on the part's faces), and how it moves. The parts
 * are merged into one indexed geometry: one instance of it is one piece of equipment.
 */
export interface Style {
  /** sRGB colour of the paint. */
  readonly color: string
  readonly cell?: number
  /** Metres per pattern repeat along the face's two axes. */
  readonly period?: readonly [number, number]
  /** Keep the geometry's own uv (scaled by `period`): cylinders, discs. */
  readonly ownUv?: boolean
  /** 1: tilts with the trackers; 2: spins with the rotors (about the local z axis). */
  readonly motion?: 0 | 1 | 2
}

const scratch = new THREE.Color()

export class Parts {
  private readonly geometries: THREE.BufferGeometry[] = []

  /** Adds a geometry (consumed) with its style, moved by `matrix`. */
  add(geometry: THREE.BufferGeometry, style: Style, matrix?: THREE.Matrix4): this {
    const g = geometry.index ? geometry : indexed(geometry)
    if (matrix) g.applyMatrix4(matrix)
    const position = g.getAttribute('position') as THREE.BufferAttribute
    const normal = g.getAttribute('normal') as THREE.BufferAttribute
    const n = position.count
    const color = new Float32Array(n * 3)
    scratch.set(style.color)
    for (let i = 0; i < n; i++) color.set([scratch.r, scratch.g, scratch.b], i * 3)
    const [pu, pv] = style.period ?? [1, 1]
    const uv = new Float32Array(n * 2)
    const own = g.getAttribute('uv') as THREE.BufferAttribute | undefined
    for (let i = 0; i < n; i++) {
      if (style.ownUv && own) {
        uv[i * 2] = own.getX(i) / pu
        uv[i * 2 + 1] = own.getY(i) / pv
        continue
      }
      const ax = Math.abs(normal.getX(i))
      const ay = Math.abs(normal.getY(i))
      const az = Math.abs(normal.getZ(i))
      const x = position.getX(i)
      const y = position.getY(i)
      const z = position.getZ(i)
      const [u, v] = ay >= ax && ay >= az ? [x, z] : az >= ax ? [x, -y] : [z, -y]
      uv[i * 2] = u / pu
      uv[i * 2 + 1] = v / pv
    }
    g.setAttribute('color', new THREE.BufferAttribute(color, 3))
    g.setAttribute('uv', new THREE.BufferAttribute(uv, 2))
    g.setAttribute(
      'aCell',
      new THREE.BufferAttribute(new Float32Array(n).fill(style.cell ?? CELL.none), 1),
    )
    g.setAttribute(
      'aMotion',
      new THREE.BufferAttribute(new Float32Array(n).fill(style.motion ?? 0), 1),
    )
    for (const name of Object.keys(g.attributes)) if (!KEPT.has(name)) g.deleteAttribute(name)
    this.geometries.push(g)
    return this
  }

  /** An axis-aligned box by its centre and size (turned by `yaw` about its centre). */
  box(
    x: number,
    y: number,
    z: number,
    sx: number,
    sy: number,
    sz: number,
    style: Style,
    yaw = 0,
  ): this {
    const m = new THREE.Matrix4().makeRotationY(yaw).setPosition(x, y, z)
    return this.add(new THREE.BoxGeometry(sx, sy, sz), style, m)
  }

  /** A box between two points (a strut), `t` thick. */
  strut(a: THREE.Vector3Like, b: THREE.Vector3Like, t: number, style: Style): this {
    const va = new THREE.Vector3(a.x, a.y, a.z)
    const vb = new THREE.Vector3(b.x, b.y, b.z)
    const length = va.distanceTo(vb)
    const g = new THREE.BoxGeometry(t, length, t)
    const q = new THREE.Quaternion().setFromUnitVectors(
      new THREE.Vector3(0, 1, 0),
      vb.clone().sub(va).normalize(),
    )
    const m = new THREE.Matrix4().compose(
      va.clone().add(vb).multiplyScalar(0.5),
      q,
      new THREE.Vector3(1, 1, 1),
    )
    return this.add(g, style, m)
  }

  /** A vertical cylinder from `y0` up `h`, radii at the bottom and top. */
  cylinder(
    x: number,
    y0: number,
    z: number,
    rBottom: number,
    rTop: number,
    h: number,
    segments: number,
    style: Style,
    open = false,
  ): this {
    const g = new THREE.CylinderGeometry(rTop, rBottom, h, segments, 1, open)
    return this.add(g, style, new THREE.Matrix4().makeTranslation(x, y0 + h / 2, z))
  }

  /** A horizontal cylinder along x (yaw 0) or z (yaw π/2), centred at (x, y, z). */
  tube(
    x: number,
    y: number,
    z: number,
    r: number,
    length: number,
    segments: number,
    style: Style,
    yaw = 0,
  ): this {
    const g = new THREE.CylinderGeometry(r, r, length, segments, 1, false)
    const m = new THREE.Matrix4()
      .makeRotationY(yaw)
      .multiply(new THREE.Matrix4().makeRotationZ(Math.PI / 2))
      .setPosition(x, y, z)
    return this.add(g, style, m)
  }

  /**
   * A fan seen from above at (x, y, z): a disc drawn by the fan pattern (`blades` blades,
   * turned by `turn` so neighbours differ) in an open shroud `shroud` tall.
   */
  fan(
    x: number,
    y: number,
    z: number,
    diameter: number,
    shroud: number,
    blades: number,
    turn: number,
    shroudColor: string,
    segments = 12,
  ): this {
    const r = diameter / 2
    const disc = new THREE.CircleGeometry(r * 0.98, segments).rotateX(-Math.PI / 2)
    const uv = disc.getAttribute('uv') as THREE.BufferAttribute
    const c = Math.cos(turn)
    const s = Math.sin(turn)
    for (let i = 0; i < uv.count; i++) {
      const u = uv.getX(i) * 2 - 1
      const v = uv.getY(i) * 2 - 1
      uv.setXY(i, c * u - s * v, s * u + c * v)
    }
    this.add(
      disc,
      { color: '#ffffff', cell: FAN_CELL + blades, ownUv: true },
      new THREE.Matrix4().makeTranslation(x, y + shroud * 0.55, z),
    )
    if (shroud > 0)
      this.cylinder(x, y, z, r * 1.04, r * 1.04, shroud, segments, { color: shroudColor }, true)
    return this
  }

  /** The merged geometry (empty when nothing was added). */
  build(): THREE.BufferGeometry {
    const merged = this.geometries.length > 0 ? mergeGeometries(this.geometries) : null
    for (const g of this.geometries) g.dispose()
    const out = merged ?? new THREE.BufferGeometry()
    out.computeBoundingSphere()
    out.computeBoundingBox()
    return out
  }
}

const KEPT = new Set(['position', 'normal', 'uv', 'color', 'aCell', 'aMotion'])

function indexed(g: THREE.BufferGeometry): THREE.BufferGeometry {
  const n = (g.getAttribute('position') as THREE.BufferAttribute).count
  g.setIndex(Array.from({ length: n }, (_, i) => i))
  return g
}

/** Triangles in a geometry. */
export function triangles(g: THREE.BufferGeometry): number {
  const index = g.getIndex()
  return (index ? index.count : (g.getAttribute('position')?.count ?? 0)) / 3
}
