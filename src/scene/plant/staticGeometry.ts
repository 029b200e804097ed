import * as THREE from 'three'
import { TRANSFORMER, type CampusLayout, type Gantry, type Point, type Point3 } from '../../layout'
import { SLAB_M, groundY } from '../sceneData'
import { apparatusModel } from './models'
import { Parts, type Style } from './parts'
import { CELL } from './plantMaterial'
import { STAMP_STRIDE, mergeAll, stamp } from './stamp'

/**
 * The plant drawn all at once, rebuilt only with the layout: the switchyard (apparatus,
 * insulators), gas-turbine stacks, lattice gantries and transmission towers (cut-out lattice),
 * their conductors with sag, pipe racks, the seawater works and the hydro plant (gravity dam
 * with a gated spillway and chute, stilling basin, powerhouse, penstocks). World coordinates.
 */

const STEEL: Style = { color: '#9aa2a9', cell: CELL.lattice, period: [1.6, 1.6] }
const SHEDS: Style = { color: '#b9bec2', cell: CELL.sheds, period: [1, 0.22], ownUv: true }

/** Insulator string length under a gantry beam or a tower arm, metres, by phase spacing. */
function insulatorM(phaseM: number): number {
  return 1.2 + phaseM * 0.35
}

/** Where a gantry's conductors hang (bottom of each insulator), world metres. */
export function gantryPhases(g: Gantry, phaseM: number): Point3[] {
  const n = Math.max(1, Math.round(g.spanM / phaseM) - 1)
  const ax = Math.cos(g.yaw)
  const az = -Math.sin(g.yaw)
  const out: Point3[] = []
  for (let k = 0; k < n; k++) {
    const off = (k - (n - 1) / 2) * phaseM
    out.push([g.x + ax * off, SLAB_M + g.heightM, g.z + az * off])
  }
  return out
}

/** A gantry: two lattice legs, a lattice beam over the insulators, earth-wire peaks. */
function addGantry(p: Parts, g: Gantry, phaseM: number, y0: number): void {
  const ins = insulatorM(phaseM)
  const beamY = y0 + g.heightM + ins + 0.5
  const ax = Math.cos(g.yaw)
  const az = -Math.sin(g.yaw)
  const legW = 0.5 + g.heightM * 0.04
  for (const side of [-1, 1]) {
    const lx = g.x + (ax * side * g.spanM) / 2
    const lz = g.z + (az * side * g.spanM) / 2
    p.box(lx, (y0 + beamY + 0.5) / 2, lz, legW, beamY + 0.5 - y0, legW, STEEL, g.yaw)
    p.box(lx, beamY + 2.2, lz, 0.35, 3, 0.35, { color: '#9aa2a9' }, g.yaw)
  }
  p.box(g.x, beamY, g.z, g.spanM + legW, 1.1, 1.1, STEEL, g.yaw)
}

/** The double-circuit tower of a line: arms (height, half-span) and where conductors hang. */
export function towerShape(heightM: number) {
  const H = heightM
  const arms = [
    { y: 0.64 * H, half: 0.2 * H },
    { y: 0.78 * H, half: 0.25 * H },
    { y: 0.92 * H, half: 0.19 * H },
  ]
  const ins = 0.07 * H
  const attach: [number, number][] = []
  for (const side of [-1, 1]) for (const a of arms) attach.push([side * a.half * 0.92, a.y - ins])
  return { arms, ins, attach, peak: H, baseHalf: 0.13 * H, waistHalf: 0.045 * H }
}

const towerTemplates = new Map<
  number,
  { lattice: THREE.BufferGeometry; sheds: THREE.BufferGeometry }
>()

/** A lattice tower template (local x across the line), and its insulator strings. */
function towerTemplate(heightM: number) {
  let t = towerTemplates.get(heightM)
  if (t) return t
  const shape = towerShape(heightM)
  const H = heightM
  const lattice = new Parts()
  const body = (y0: number, y1: number, r0: number, r1: number) => {
    const g = new THREE.CylinderGeometry(r1 * Math.SQRT2, r0 * Math.SQRT2, y1 - y0, 4, 1, true)
    g.rotateY(Math.PI / 4).translate(0, (y0 + y1) / 2, 0)
    lattice.add(g, { ...STEEL, ownUv: true, period: [1 / 8, 3 / (y1 - y0)] })
  }
  body(0, 0.6 * H, shape.baseHalf, shape.waistHalf)
  body(0.6 * H, H * 0.97, shape.waistHalf, shape.waistHalf * 0.7)
  for (const a of shape.arms)
    lattice.box(0, a.y, 0, 2 * a.half, 0.05 * H, 0.05 * H, { ...STEEL, period: [1.4, 1.4] })
  lattice.box(0, H - 0.5, 0, 0.6, 2, 0.6, { color: '#9aa2a9' })
  const sheds = new Parts()
  for (const [x, y] of shape.attach) sheds.cylinder(x, y, 0, 0.16, 0.16, shape.ins, 8, SHEDS)
  t = { lattice: lattice.build(), sheds: sheds.build() }
  towerTemplates.set(heightM, t)
  return t
}

interface LinePoint {
  readonly p: Point
  readonly yaw: number
  readonly y: number
  readonly gantry: Gantry | null
}

/** Each line's route: its gantry ends and towers, with the tower yaw along the line. */
function lineRoutes(layout: CampusLayout): { points: LinePoint[]; heightM: number }[] {
  const sw = layout.plant.switchyard
  const hydroGantry = layout.hydro?.gantry ?? null
  return layout.lines.map((line) => {
    const entry = sw.entries.find((e) => e.from === line.from)
    const entryGantry = entry ? (sw.gantries[entry.gantry] ?? null) : null
    const startGantry = line.from === 'hydro' ? hydroGantry : entryGantry
    const endGantry = line.from === 'hydro' ? entryGantry : null
    const route: { p: Point; gantry: Gantry | null }[] = [
      { p: line.start, gantry: startGantry },
      ...line.towers.map((p) => ({ p, gantry: null })),
    ]
    if (endGantry) route.push({ p: line.end, gantry: endGantry })
    const points = route.map(({ p, gantry }, i) => {
      const prev = route[Math.max(0, i - 1)]?.p ?? p
      const next = route[Math.min(route.length - 1, i + 1)]?.p ?? p
      // Towers and the powerhouse gantry stand on the ground, substation gantries on its slab.
      const onSlab = gantry !== null && gantry !== hydroGantry
      const y = onSlab ? SLAB_M : groundY(layout, p.x, p.z)
      return { p, gantry, yaw: Math.atan2(next.x - prev.x, next.z - prev.z), y }
    })
    return { points, heightM: line.towerHeightM }
  })
}

/** Conductors of a line end: six phases and the earth wire (last), world metres. */
function endPoints(t: LinePoint, heightM: number, phaseM: number, across: THREE.Vector2): Point3[] {
  if (t.gantry) {
    const g = t.gantry
    const phases = gantryPhases(g, phaseM).map((q): Point3 => [q[0], t.y + g.heightM, q[2]])
    // Matched to the towers by their order across the line.
    phases.sort(
      (a, b) =>
        (a[0] - g.x) * across.x +
        (a[2] - g.z) * across.y -
        ((b[0] - g.x) * across.x + (b[2] - g.z) * across.y),
    )
    const earth: Point3 = [g.x, t.y + g.heightM + insulatorM(phaseM) + 3.5, g.z]
    return [...phases, earth]
  }
  const shape = towerShape(heightM)
  const c = Math.cos(t.yaw)
  const s = Math.sin(t.yaw)
  const pts = shape.attach
    .map(([lx, ly]): Point3 => [t.p.x + c * lx, t.y + ly, t.p.z - s * lx])
    .sort(
      (a, b) =>
        (a[0] - t.p.x) * across.x +
        (a[2] - t.p.z) * across.y -
        ((b[0] - t.p.x) * across.x + (b[2] - t.p.z) * across.y),
    )
  return [...pts, [t.p.x, t.y + shape.peak, t.p.z]]
}

/** Points of a sagging conductor, as line-segment pairs appended to `out`. */
function sagging(out: number[], a: Point3, b: Point3, sag: number, steps: number): void {
  for (let k = 0; k < steps; k++)
    for (const u of [k / steps, (k + 1) / steps])
      out.push(
        a[0] + (b[0] - a[0]) * u,
        a[1] + (b[1] - a[1]) * u - 4 * sag * u * (1 - u),
        a[2] + (b[2] - a[2]) * u,
      )
}

/** Every conductor: transmission spans, the switchyard's busbars and bays. */
export function wireGeometry(layout: CampusLayout): THREE.BufferGeometry {
  const out: number[] = []
  const sw = layout.plant.switchyard
  const across = new THREE.Vector2()
  for (const { points, heightM } of lineRoutes(layout)) {
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i]
      const b = points[i + 1]
      if (!a || !b) continue
      // Across the span (the tower's local x): conductors are matched in this order.
      const yaw = Math.atan2(b.p.x - a.p.x, b.p.z - a.p.z)
      across.set(Math.cos(yaw), -Math.sin(yaw))
      const pa = endPoints(a, heightM, sw.phaseM, across)
      const pb = endPoints(b, heightM, sw.phaseM, across)
      const span = Math.hypot(b.p.x - a.p.x, b.p.z - a.p.z)
      const sag = Math.min(14, span * 0.035)
      const n = Math.min(pa.length, pb.length) - 1
      for (let k = 0; k < n; k++) {
        const qa = pa[k]
        const qb = pb[k]
        if (qa && qb) sagging(out, qa, qb, sag, 10)
      }
      const ea = pa[pa.length - 1]
      const eb = pb[pb.length - 1]
      if (ea && eb) sagging(out, ea, eb, sag * 0.8, 10)
    }
  }
  for (const w of sw.wires)
    sagging(out, [w.a[0], w.a[1] + SLAB_M, w.a[2]], [w.b[0], w.b[1] + SLAB_M, w.b[2]], w.sagM, 4)
  const g = new THREE.BufferGeometry()
  g.setAttribute('position', new THREE.BufferAttribute(Float32Array.from(out), 3))
  g.computeBoundingSphere()
  return g
}

/** The cut-out lattice: switchyard gantries, the powerhouse gantry, line towers. */
export function latticeGeometry(layout: CampusLayout): THREE.BufferGeometry | null {
  const sw = layout.plant.switchyard
  const p = new Parts()
  for (const g of sw.gantries) addGantry(p, g, sw.phaseM, SLAB_M)
  const hydro = layout.hydro
  if (hydro) addGantry(p, hydro.gantry, sw.phaseM, groundY(layout, hydro.gantry.x, hydro.gantry.z))
  const parts = [p.build()]
  for (const { points, heightM } of lineRoutes(layout)) {
    const placements: number[] = []
    for (const t of points)
      if (!t.gantry) placements.push(t.p.x, t.y, t.p.z, t.yaw + Math.PI / 2, 1)
    parts.push(stamp(towerTemplate(heightM).lattice, placements))
  }
  return mergeAll(parts)
}

/** Gas-turbine exhaust stack: shell, a platform near the top, a dark mouth. */
function stackTemplate(heightM: number, diameterM: number): THREE.BufferGeometry {
  const p = new Parts()
  const r = diameterM / 2
  p.cylinder(0, 0, 0, r * 1.08, r, heightM, 14, {
    color: '#8d959c',
    cell: CELL.seams,
    period: [0.25, 0.08],
    ownUv: true,
  })
  p.cylinder(0, heightM - 3.2, 0, r + 0.7, r + 0.7, 0.25, 14, { color: '#c9a43a' })
  p.add(
    new THREE.CircleGeometry(r * 0.96, 14).rotateX(-Math.PI / 2),
    { color: '#2d3034' },
    new THREE.Matrix4().makeTranslation(0, heightM - 0.05, 0),
  )
  return p.build()
}

/**
 * The plant's power solids: switchyard apparatus and insulators (`near`: small, drawn only
 * near the camera), and gas-turbine stacks with the transformers' fire walls (`far`: drawn
 * from any distance).
 */
export function switchyardSolids(layout: CampusLayout): {
  near: THREE.BufferGeometry | null
  far: THREE.BufferGeometry | null
} {
  const sw = layout.plant.switchyard
  const parts: THREE.BufferGeometry[] = []
  const farParts: THREE.BufferGeometry[] = []
  for (const kind of ['breaker', 'disconnector'] as const) {
    const placements: number[] = []
    for (const a of sw.apparatus) if (a.kind === kind) placements.push(a.x, SLAB_M, a.z, a.yaw, 1)
    parts.push(stamp(apparatusModel(kind, sw.poleM), placements))
  }
  const strings: number[] = []
  for (const g of sw.gantries)
    for (const q of gantryPhases(g, sw.phaseM)) strings.push(q[0], q[1], q[2], 0, 1)
  parts.push(stamp(insulatorTemplate(sw.phaseM), strings))
  const stacks = layout.plant.stacks
  const first = stacks[0]
  if (first) {
    const placements: number[] = []
    for (const st of stacks) placements.push(st.x, SLAB_M, st.z, 0, 1)
    farParts.push(stamp(stackTemplate(first.heightM, first.diameterM), placements))
  }
  // Fire walls between neighbouring transformers of a row.
  const walls = new Parts()
  const wall = TRANSFORMER.fireWallM
  for (const row of layout.unitRows) {
    if (row.kind !== 'transformer') continue
    const west = row.x - (row.count * row.pitchM) / 2
    for (let j = 1; j < row.count; j++)
      walls.box(
        west + j * row.pitchM,
        SLAB_M + wall.high / 2,
        row.z,
        wall.thick,
        wall.high,
        wall.deep,
        {
          color: '#c9c5bb',
          cell: CELL.concrete,
          period: [3, 3],
        },
      )
  }
  farParts.push(walls.build())
  return { near: mergeAll(parts), far: mergeAll(farParts) }
}

/** A gantry's insulator string, hanging from the beam down to y = 0. */
function insulatorTemplate(phaseM: number): THREE.BufferGeometry {
  const ins = insulatorM(phaseM)
  return new Parts().cylinder(0, 0, 0, 0.15, 0.15, ins, 8, SHEDS).build()
}

/** Line towers' insulators, the powerhouse gantry's, and the hydro plant: the feeds' solids. */
export function feedSolids(layout: CampusLayout): THREE.BufferGeometry | null {
  const sw = layout.plant.switchyard
  const parts: THREE.BufferGeometry[] = []
  for (const { points, heightM } of lineRoutes(layout)) {
    const placements: number[] = []
    for (const t of points)
      if (!t.gantry) placements.push(t.p.x, t.y, t.p.z, t.yaw + Math.PI / 2, 1)
    parts.push(stamp(towerTemplate(heightM).sheds, placements))
  }
  const hydro = layout.hydro
  if (hydro) {
    const y0 = groundY(layout, hydro.gantry.x, hydro.gantry.z) - SLAB_M
    const strings: number[] = []
    for (const q of gantryPhases(hydro.gantry, sw.phaseM)) strings.push(q[0], y0 + q[1], q[2], 0, 1)
    parts.push(stamp(insulatorTemplate(sw.phaseM), strings), hydroGeometry(layout))
  }
  return mergeAll(parts)
}

/**
 * Turns an extruded profile (shape x downstream, y up, extruded along its z) to run west from
 * `east` along the dam, its upstream face at z = `up`: a rotation, so faces keep their winding.
 */
function alongX(east: number, up: number): THREE.Matrix4 {
  return new THREE.Matrix4().set(0, 0, -1, east, 0, 1, 0, 0, 1, 0, 0, up, 0, 0, 0, 1)
}

/** Gravity dam with a gated spillway and chute, stilling basin, powerhouse, penstocks. */
function hydroGeometry(layout: CampusLayout): THREE.BufferGeometry {
  const h = layout.hydro
  const p = new Parts()
  if (!h) return p.build()
  const concrete: Style = { color: '#c9c5bb', cell: CELL.concrete, period: [12, 12] }
  const crest = h.damCrestYM
  const base = crest - 70
  const up = h.dam.z - h.dam.d / 2
  const crestW = 8
  // The dam's profile (upstream face vertical, downstream 0.75 : 1), extruded along x.
  const profile = new THREE.Shape([
    new THREE.Vector2(0, crest),
    new THREE.Vector2(crestW, crest),
    new THREE.Vector2(crestW + 0.75 * (crest - base), base),
    new THREE.Vector2(0, base),
  ])
  const spill = h.spillway
  const damWest = h.dam.x - h.dam.w / 2
  const damEast = h.dam.x + h.dam.w / 2
  const sections: [number, number][] = [
    [damWest, spill.x - spill.w / 2],
    [spill.x + spill.w / 2, damEast],
  ]
  for (const [x0, x1] of sections) {
    if (x1 - x0 < 1) continue
    const body = new THREE.ExtrudeGeometry(profile, { depth: x1 - x0, bevelEnabled: false })
    body.applyMatrix4(alongX(x1, up))
    p.add(body, concrete)
    for (const side of [-1, 1])
      p.box((x0 + x1) / 2, crest + 0.6, up + (side > 0 ? crestW - 0.2 : 0.2), x1 - x0, 1.2, 0.4, {
        color: '#d6d2c8',
      })
  }
  // Spillway: an ogee crest 8 m lower between piers, radial gates, a bridge, the chute.
  const sill = crest - 8
  const spillProfile = new THREE.Shape([
    new THREE.Vector2(0, sill),
    new THREE.Vector2(crestW, sill - 1),
    new THREE.Vector2(crestW + 0.75 * (sill - base), base),
    new THREE.Vector2(0, base),
  ])
  const spillBody = new THREE.ExtrudeGeometry(spillProfile, { depth: spill.w, bevelEnabled: false })
  spillBody.applyMatrix4(alongX(spill.x + spill.w / 2, up))
  p.add(spillBody, { color: '#bcb8ae', cell: CELL.water, period: [6, 6] })
  const gates = h.spillwayGates
  const gateW = (spill.w - (gates + 1) * 3) / gates
  for (let i = 0; i <= gates; i++) {
    const x = spill.x - spill.w / 2 + 1.5 + i * (gateW + 3)
    p.box(x, (sill + crest + 4) / 2, up + crestW / 2, 3, crest + 4 - sill, crestW + 4, concrete)
    if (i < gates) {
      const gx = x + 1.5 + gateW / 2
      const gate = new THREE.CylinderGeometry(
        9,
        9,
        gateW,
        12,
        1,
        true,
        Math.PI * 0.15,
        Math.PI * 0.28,
      )
      gate.rotateZ(Math.PI / 2).translate(gx, sill + 1, up + crestW + 2)
      p.add(gate, { color: '#5d7f96', cell: CELL.seams, period: [1.5, 1.5] })
    }
  }
  p.box(spill.x, crest + 3.2, up + crestW / 2, spill.w, 0.8, 6, { color: '#d6d2c8' })
  const chute = h.chutePath
  for (let i = 0; i + 1 < chute.length; i++) {
    const a = chute[i]
    const b = chute[i + 1]
    if (!a || !b) continue
    const len = Math.hypot(b[2] - a[2], b[1] - a[1])
    const pitch = Math.atan2(a[1] - b[1], b[2] - a[2])
    // A metre and a half over the layout's line, clear of the coarser terrain mesh.
    const m = new THREE.Matrix4()
      .makeTranslation(spill.x, (a[1] + b[1]) / 2 + 1.5, (a[2] + b[2]) / 2)
      .multiply(new THREE.Matrix4().makeRotationX(pitch))
    p.add(
      new THREE.BoxGeometry(gateW * 1.5, 0.6, len + 0.5),
      { color: '#d8dadb', cell: CELL.water, period: [4, 4] },
      m,
    )
    for (const side of [-1, 1])
      p.add(
        new THREE.BoxGeometry(0.8, 3.5, len + 0.5),
        concrete,
        m
          .clone()
          .multiply(new THREE.Matrix4().makeTranslation((side * (gateW * 1.5 + 0.8)) / 2, 1.5, 0)),
      )
  }
  const basin = h.stillingBasin
  const basinY = groundY(layout, basin.x, basin.z)
  p.box(basin.x, basinY + 0.2, basin.z, basin.w, 0.4, basin.d, {
    color: '#7aa0b2',
    cell: CELL.water,
    period: [5, 5],
  })
  for (const [x, z, w, d] of [
    [basin.x - basin.w / 2, basin.z, 1.2, basin.d],
    [basin.x + basin.w / 2, basin.z, 1.2, basin.d],
    [basin.x, basin.z + basin.d / 2, basin.w, 1.2],
  ] as const)
    p.box(x, basinY + 1.5, z, w, 3, d, concrete)
  // Powerhouse: turbine hall with a window band and a lower service bay; transformers beside.
  const ph = h.powerhouse
  const phY = groundY(layout, ph.x, ph.z)
  p.box(ph.x, phY + 11, ph.z, ph.w, 22, ph.d, {
    color: '#e4e1da',
    cell: CELL.windows,
    period: [5, 22],
  })
  p.box(ph.x, phY + 22.4, ph.z, ph.w + 0.6, 0.8, ph.d + 0.6, { color: '#8e959b' })
  p.box(ph.x + ph.w / 2 + 7, phY + 5, ph.z, 14, 10, ph.d * 0.7, {
    color: '#d8d4cc',
    cell: CELL.door,
    period: [6, 10],
  })
  p.box(ph.x, phY + 1.5, ph.z + ph.d / 2 + 6, ph.w * 0.8, 3, 12, {
    color: '#6f95a8',
    cell: CELL.water,
    period: [5, 5],
  })
  for (let i = 0; i < h.penstocks; i++) {
    const dx = (i - (h.penstocks - 1) / 2) * 7
    const curve = new THREE.CatmullRomCurve3(
      h.penstockPath.map(([x, y, z]) => new THREE.Vector3(x + dx, y + 1, z)),
    )
    const tube = new THREE.TubeGeometry(curve, h.penstockPath.length * 2, 2.6, 8, false)
    p.add(tube, { color: '#6a5446', cell: CELL.seams, period: [0.1, 0.5], ownUv: true })
    // Anchor blocks every few samples down the slope.
    for (let k = 2; k < h.penstockPath.length - 1; k += 4) {
      const q = h.penstockPath[k]
      if (q) p.box(q[0] + dx, q[1] - 0.5, q[2], 7, 4.5, 6, concrete)
    }
  }
  const top = h.penstockPath[0]
  if (top) {
    p.box(top[0], top[1] + 6, top[2] + 4, 18, 12, 14, {
      color: '#d8d4cc',
      cell: CELL.seams,
      period: [3, 12],
    })
    p.cylinder(top[0] + 22, top[1], top[2] + 6, 6, 6, 24, 16, concrete)
  }
  return p.build()
}

/**
 * The cooling layer's solids: pipe racks (`near`: drawn only near the camera) and the
 * seawater works (`far`: drawn from any distance).
 */
export function coolingSolids(layout: CampusLayout): {
  near: THREE.BufferGeometry | null
  far: THREE.BufferGeometry | null
} {
  const racks = new Parts()
  const steel: Style = { color: '#7f8890' }
  const cladding: Style = { color: '#c7ccd0', cell: CELL.seams, period: [0.25, 1.2], ownUv: true }
  const p = racks
  for (const rack of layout.plant.pipeRacks) {
    const r = rack.rect
    const bays = Math.max(1, Math.round(r.w / 8))
    const west = r.x - r.w / 2
    const level = 1.8
    for (let i = 0; i <= bays; i++) {
      const x = west + (r.w * i) / bays
      for (const side of [-1, 1])
        p.box(x, rack.heightM / 2, r.z + (side * (r.d - 0.3)) / 2, 0.3, rack.heightM, 0.3, steel)
      for (let l = 0; l < rack.levels; l++)
        p.box(x, rack.heightM - l * level, r.z, 0.25, 0.35, r.d, steel)
    }
    const perLevel = Math.ceil(rack.pipes / rack.levels)
    for (let k = 0; k < rack.pipes; k++) {
      const l = Math.floor(k / perLevel)
      const j = k % perLevel
      const z = r.z - r.d / 2 + 0.4 + (j + 0.5) * (rack.boreM + 0.4) - 0.2
      const y = rack.heightM - l * level + 0.2 + rack.boreM / 2
      p.tube(r.x, y, z, rack.boreM / 2, r.w, 10, cladding)
      // Down into the yard at the west end, into the building at the east end.
      p.cylinder(
        west + 1 + j * (rack.boreM + 0.6),
        0.3,
        r.z + r.d / 2 + 1.2,
        rack.boreM / 2,
        rack.boreM / 2,
        y - 0.3,
        8,
        cladding,
      )
    }
  }
  const works = new Parts()
  const sea = layout.intake
  if (sea) {
    const p = works
    const ph = sea.pumphouse
    p.box(ph.x, 5, ph.z, ph.w, 10, ph.d, { color: '#e2dfd8', cell: CELL.windows, period: [4, 10] })
    p.box(ph.x, 10.3, ph.z, ph.w + 0.6, 0.6, ph.d + 0.6, { color: '#8e959b' })
    const pipe = (route: readonly Point[], dx: number, color: string) => {
      for (let i = 0; i + 1 < route.length; i++) {
        const a = route[i]
        const b = route[i + 1]
        if (!a || !b) continue
        const len = Math.hypot(b.x - a.x, b.z - a.z)
        const ya = Math.max(groundY(layout, a.x, a.z), -1) + 1.2
        const yb = Math.max(groundY(layout, b.x, b.z), -1) + 1.2
        const yaw = Math.atan2(b.x - a.x, b.z - a.z)
        const m = new THREE.Matrix4()
          .makeTranslation((a.x + b.x) / 2 + dx, (ya + yb) / 2, (a.z + b.z) / 2)
          .multiply(new THREE.Matrix4().makeRotationY(yaw))
          .multiply(new THREE.Matrix4().makeRotationX(Math.PI / 2 - Math.atan2(yb - ya, len)))
        p.add(new THREE.CylinderGeometry(1.1, 1.1, len, 10, 1, true), { color }, m)
      }
    }
    pipe(sea.pipe, -1.6, '#5f7f97')
    pipe(sea.pipe, 1.6, '#8a6d57')
    pipe(sea.intakePipe, 0, '#5f7f97')
    pipe(sea.outfallPipe, 0, '#8a6d57')
    const o = sea.outfall
    const oy = groundY(layout, o.x, o.z)
    p.box(o.x, oy + 1.5, o.z, o.w, 5, 1.2, {
      color: '#c9c5bb',
      cell: CELL.concrete,
      period: [4, 4],
    })
    for (const side of [-1, 1])
      p.box(o.x + (side * o.w) / 2, oy + 1, o.z + o.d / 4, 1, 4, o.d / 2, { color: '#c9c5bb' })
    const head = sea.intakeHead
    const sl = layout.terrain.seaLevelYM ?? groundY(layout, head.x, head.z)
    p.cylinder(head.x, sl - 4, head.z, 5, 4.2, 5.5, 16, {
      color: '#c9c5bb',
      cell: CELL.concrete,
      period: [4, 4],
    })
    p.cylinder(head.x, sl + 1.5, head.z, 0.3, 0.3, 4, 6, { color: '#e0b43c' })
  }
  return { near: mergeAll([racks.build()]), far: mergeAll([works.build()]) }
}

/** How many gantries, towers and apparatus the layout's switchyard and lines have. */
export function switchyardCounts(layout: CampusLayout) {
  const sw = layout.plant.switchyard
  return {
    gantries: sw.gantries.length + (layout.hydro ? 1 : 0),
    breakers: sw.apparatus.filter((a) => a.kind === 'breaker').length,
    disconnectors: sw.apparatus.filter((a) => a.kind === 'disconnector').length,
    lineTowers: lineRoutes(layout).reduce(
      (n, r) => n + r.points.filter((t) => !t.gantry).length,
      0,
    ),
  }
}

export { STAMP_STRIDE }
