import * as THREE from 'three'
import {
  BAY_APPARATUS,
  FANS,
  GENSET,
  INVERTER_SKID,
  TRANSFORMER,
  UNIT,
  fanOffsets,
  type SolarTrackers,
  type UnitKind,
  type WindFarm,
} from '../../layout'
import { CELL } from './plantMaterial'
import { Parts, type Style } from './parts'

/**
 * Equipment models at true scale for the plant material, one geometry per kind, in metres
 * around the unit's centre on the ground (y = 0 at the slab or pad): V-bank coolers with their
 * fans, chillers, tower cells with fan stacks, air handlers, plate exchangers, gen-sets with
 * stacks, battery containers, inverter skids, gas-turbine packages, grid transformers, bay
 * apparatus, tracker rows, wind turbines. Sizes come from the layout (`UNIT`, equipment.ts).
 */

const PAINT = {
  galv: '#d4d9dd',
  housing: '#e3e7ea',
  coil: '#a3adb5',
  steel: '#7c858d',
  darkSteel: '#50565c',
  shroud: '#c8cfd4',
  concrete: '#c4c1b8',
  white: '#f2f4f5',
  pad: '#d9c9a6',
  frp: '#c9cfd3',
  genset: '#5d6b75',
  transformer: '#7b868f',
  porcelain: '#8a5a3f',
  polymer: '#b9bec2',
  blue: '#3e6d8e',
  turbine: '#f3f4f5',
} as const

/** Translation to (x, y, z) after turning by `yaw` about y and `roll` about z. */
function place(x: number, y: number, z: number, yaw = 0, roll = 0): THREE.Matrix4 {
  return new THREE.Matrix4()
    .makeTranslation(x, y, z)
    .multiply(new THREE.Matrix4().makeRotationY(yaw))
    .multiply(new THREE.Matrix4().makeRotationZ(roll))
}

/** The same surface seen from the other side: triangles wound the other way, normals turned. */
function turnInside(g: THREE.BufferGeometry): THREE.BufferGeometry {
  const index = g.getIndex()
  if (index)
    for (let i = 0; i + 2 < index.count; i += 3) {
      const b = index.getX(i + 1)
      index.setX(i + 1, index.getX(i + 2))
      index.setX(i + 2, b)
    }
  const normal = g.getAttribute('normal')
  for (let i = 0; i < normal.count; i++)
    normal.setXYZ(i, -normal.getX(i), -normal.getY(i), -normal.getZ(i))
  return g
}

const s = (color: string, cell: number = CELL.none, period?: readonly [number, number]): Style =>
  period ? { color, cell, period } : { color, cell }

/** Fans of a unit on its top at `deckY`, each turned differently. */
function addFans(p: Parts, kind: UnitKind, deckY: number, blades: number, segments: number): void {
  const fans = FANS[kind]
  if (!fans) return
  fanOffsets(kind, UNIT[kind]).forEach((o, i) =>
    p.fan(o.x, deckY, o.z, fans.diameterM, fans.shroudM, blades, i * 2.1, PAINT.shroud, segments),
  )
}

/** V-bank dry or adiabatic cooler: legs, two inclined coils (with pads), end plates, fan deck. */
function vBankCooler(kind: 'dry-cooler' | 'adiabatic-cooler'): THREE.BufferGeometry {
  const u = UNIT[kind]
  const p = new Parts()
  const legH = 1.0
  const deckH = 0.35
  const deckY = u.h - deckH
  for (const x of [-1, 1])
    for (const z of [-0.47, 0, 0.47])
      p.box((x * (u.w - 0.14)) / 2, legH / 2, z * u.d, 0.14, legH, 0.14, s(PAINT.steel))
  for (const x of [-1, 1])
    p.box((x * (u.w - 0.2)) / 2, legH + 0.1, 0, 0.16, 0.2, u.d, s(PAINT.galv))
  const rise = deckY - legH - 0.1
  const run = u.w / 2 - 0.1
  const len = Math.hypot(rise, run)
  const angle = Math.atan2(run, rise)
  const coilStyle =
    kind === 'adiabatic-cooler'
      ? s(PAINT.pad, CELL.pad, [0.4, 0.4])
      : s(PAINT.coil, CELL.fins, [0.35, 0.35])
  for (const side of [-1, 1]) {
    p.add(
      new THREE.BoxGeometry(0.1, len, u.d - 0.3),
      coilStyle,
      place(side * (run / 2), legH + 0.1 + rise / 2, 0, 0, -side * angle),
    )
  }
  for (const z of [-1, 1])
    p.box(
      0,
      legH + 0.1 + rise / 2,
      (z * (u.d - 0.1)) / 2,
      u.w,
      rise,
      0.1,
      s(PAINT.galv, CELL.seams, [1.2, 1.2]),
    )
  p.box(0, deckY + deckH / 2, 0, u.w, deckH, u.d, s(PAINT.housing))
  if (kind === 'adiabatic-cooler')
    for (const x of [-1, 1])
      p.tube((x * (u.w - 0.3)) / 2, deckY - 0.15, 0, 0.06, u.d - 0.4, 6, s('#4f7fa8'), Math.PI / 2)
  addFans(p, kind, u.h, 5, 12)
  return p.build()
}

/** Air-cooled screw chiller: a panelled base, coil section, two lines of small fans. */
function chiller(): THREE.BufferGeometry {
  const u = UNIT.chiller
  const p = new Parts()
  p.box(0, 0.65, 0, u.w, 1.3, u.d, s(PAINT.white, CELL.seams, [1.1, 1.3]))
  p.box(0, 1.3 + 0.55, 0, u.w - 0.1, 1.1, u.d - 0.1, s(PAINT.coil, CELL.fins, [0.3, 0.3]))
  p.box(0, u.h - 0.1, 0, u.w, 0.2, u.d, s(PAINT.white))
  addFans(p, 'chiller', u.h, 5, 8)
  return p.build()
}

/** Counterflow tower cell: basin, louvred air inlet, casing, grated deck, fan stack, railing. */
function towerCell(): THREE.BufferGeometry {
  const u = UNIT['tower-cell']
  const fans = FANS['tower-cell']
  const p = new Parts()
  p.box(0, 0.6, 0, u.w + 0.4, 1.2, u.d + 0.4, s(PAINT.concrete, CELL.concrete, [3, 3]))
  p.box(0, 1.2 + 1.4, 0, u.w, 2.8, u.d, s(PAINT.frp, CELL.louvres, [0.5, 0.45]))
  p.box(0, 4.0 + 2.3, 0, u.w, 4.6, u.d, s(PAINT.frp, CELL.seams, [1.5, 4.6]))
  p.box(0, u.h - 0.2, 0, u.w, 0.4, u.d, s('#9aa3aa', CELL.grating, [0.8, 0.8]))
  for (const [x, z, w, d] of [
    [0, -u.d / 2 + 0.05, u.w, 0.06],
    [0, u.d / 2 - 0.05, u.w, 0.06],
    [-u.w / 2 + 0.05, 0, 0.06, u.d],
    [u.w / 2 - 0.05, 0, 0.06, u.d],
  ] as const)
    p.box(x, u.h + 0.55, z, w, 1.1, d, s('#e0b43c'))
  if (fans) {
    // The fan stack (velocity recovery): its outer and inner walls, the fan 1 m down inside.
    const r = fans.diameterM / 2
    p.cylinder(0, u.h, 0, r + 0.25, r + 0.45, fans.shroudM, 20, s(PAINT.frp), true)
    const inner = turnInside(
      new THREE.CylinderGeometry(r + 0.4, r + 0.2, fans.shroudM, 20, 1, true),
    )
    p.add(inner, s('#9ea7ae'), place(0, u.h + fans.shroudM / 2, 0))
    p.fan(0, u.h + 1, 0, fans.diameterM, 0, 8, 0, PAINT.frp, 20)
  }
  return p.build()
}

/** Economiser air handler: louvred box, four fans on top. */
function airHandler(): THREE.BufferGeometry {
  const u = UNIT['air-handler']
  const p = new Parts()
  p.box(0, (u.h - 0.3) / 2, 0, u.w, u.h - 0.3, u.d, s(PAINT.housing, CELL.louvres, [0.6, 0.6]))
  p.box(0, u.h - 0.15, 0, u.w, 0.3, u.d, s(PAINT.galv))
  addFans(p, 'air-handler', u.h, 6, 12)
  return p.build()
}

/** Plate heat exchanger skid: frame, plate pack, blue end plates, nozzles. */
function seawaterHx(): THREE.BufferGeometry {
  const u = UNIT['seawater-hx']
  const p = new Parts()
  p.box(0, 0.15, 0, u.w, 0.3, u.d, s(PAINT.steel))
  p.box(0, 1.5, 0, 1.6, 2.3, u.d - 1.6, s('#c6ccd1', CELL.fins, [0.15, 2.3]))
  for (const z of [-1, 1]) p.box(0, 1.6, (z * (u.d - 1)) / 2, 2.2, 2.6, 0.35, s(PAINT.blue))
  p.box(0, 2.85, 0, 0.3, 0.2, u.d - 0.6, s(PAINT.steel))
  for (const x of [-0.5, 0.5])
    for (const y of [0.8, 2.2]) p.tube(x, y, u.d / 2 - 0.1, 0.22, 1.2, 8, s('#8fa3b2'), Math.PI / 2)
  return p.build()
}

/** 3 MW gen-set: 40 ft container, radiator on the roof at one end, silencers and two stacks. */
function genset(): THREE.BufferGeometry {
  const u = UNIT.generator
  const p = new Parts()
  const boxH = 2.9
  p.box(0, boxH / 2, 0, u.w, boxH, u.d, s(PAINT.genset, CELL.ribs, [0.6, 3]))
  p.box(
    0,
    boxH + 0.6,
    u.d / 2 - GENSET.radiatorM / 2,
    u.w,
    1.2,
    GENSET.radiatorM,
    s('#4c5860', CELL.louvres, [0.5, 0.4]),
  )
  p.box(
    0,
    boxH + 1.22,
    u.d / 2 - GENSET.radiatorM / 2,
    u.w - 0.2,
    0.04,
    GENSET.radiatorM - 0.2,
    s('#3a4248', CELL.grating, [0.6, 0.6]),
  )
  for (let k = 0; k < GENSET.stacks; k++) {
    const x = (k - (GENSET.stacks - 1) / 2) * 1.2
    p.tube(x, boxH + 0.55, -1.2, 0.45, 4.2, 8, s(PAINT.darkSteel), Math.PI / 2)
    p.cylinder(
      x,
      boxH + 0.5,
      -3.4,
      GENSET.stackDiameterM / 2,
      GENSET.stackDiameterM / 2,
      GENSET.stackTopM - boxH - 0.5,
      8,
      s('#3b3f44'),
    )
  }
  return p.build()
}

/** 20 ft battery container with its HVAC unit on one end. */
function battery(): THREE.BufferGeometry {
  const u = UNIT.battery
  const p = new Parts()
  p.box(0, u.h / 2, 0, u.w, u.h, u.d - 0.3, s(PAINT.white, CELL.ribs, [0.5, 3]))
  p.box(0, 1.6, u.d / 2 - 0.15, 1.8, 1.6, 0.3, s('#cfd5da', CELL.louvres, [0.4, 0.3]))
  return p.build()
}

/** Inverter/transformer skid: base, inverter cabinet with doors, a small oil transformer. */
function inverterSkid(): THREE.BufferGeometry {
  const k = INVERTER_SKID
  const p = new Parts()
  p.box(0, 0.15, 0, k.w, 0.3, k.d, s(PAINT.steel))
  p.box(
    -k.w / 4 + 0.1,
    0.3 + 1.15,
    0,
    k.w / 2 - 0.2,
    2.3,
    k.d - 0.2,
    s(PAINT.housing, CELL.door, [1.2, 2.3]),
  )
  p.box(k.w / 4 + 0.2, 0.3 + 0.9, 0, 1.4, 1.8, 1.2, s(PAINT.transformer, CELL.seams, [1, 1]))
  for (const z of [-1, 1])
    p.box(
      k.w / 4 + 0.2,
      0.3 + 0.8,
      z * 0.85,
      1.3,
      1.3,
      0.3,
      s(PAINT.transformer, CELL.radiator, [0.3, 1.3]),
    )
  for (let i = -1; i <= 1; i++)
    p.cylinder(k.w / 4 + 0.2 + i * 0.4, 2.1, 0, 0.08, 0.05, 0.5, 6, s(PAINT.polymer))
  return p.build()
}

/** Aeroderivative gas-turbine package (its stack is drawn apart): enclosures, inlet house, duct. */
function gasTurbine(): THREE.BufferGeometry {
  const u = UNIT['gas-turbine']
  const p = new Parts()
  const z0 = -u.d / 2
  p.box(0, 0.2, 0, u.w, 0.4, u.d, s(PAINT.concrete))
  p.box(0, 0.4 + 3.2, z0 + 4.5, 7, 6.4, 8, s('#aab3ba', CELL.louvres, [0.6, 0.8]))
  p.box(0, 0.4 + 3.6, z0 + 14, 8, 7.2, 11, s('#b9c1c7', CELL.seams, [1.5, 3.6]))
  p.box(0, 7.6 + 2.6, z0 + 13, u.w, 5.2, 7, s('#cdd4d9', CELL.louvres, [0.5, 0.5]))
  p.box(0, 12.8 + 0.2, z0 + 13, u.w + 0.4, 0.4, 7.4, s('#9aa3aa'))
  p.box(0, 4.4, z0 + 20.5, 4.2, 4.2, 4, s('#8c959c', CELL.seams, [1, 1]))
  p.box(3.4, 1.9, z0 + 7, 2.6, 3, 4, s('#c0c7cc', CELL.door, [2.6, 3]))
  return p.build()
}

/** A 250 MVA transformer on its plinth (length along x), HV bushings north, a fire wall east. */
function transformer(): THREE.BufferGeometry {
  const t = TRANSFORMER
  const p = new Parts()
  const plinth = 0.6
  p.box(
    0,
    plinth / 2,
    0,
    t.lengthM - 0.4,
    plinth,
    UNIT.transformer.d - 0.6,
    s(PAINT.concrete, CELL.concrete, [2, 2]),
  )
  const tankY = plinth + t.tankHeightM / 2
  p.box(
    0,
    tankY,
    0,
    t.tankLengthM,
    t.tankHeightM,
    t.tankWidthM,
    s(PAINT.transformer, CELL.seams, [1.4, 1.2]),
  )
  p.box(
    0,
    plinth + t.tankHeightM + 0.15,
    0,
    t.tankLengthM + 0.2,
    0.3,
    t.tankWidthM + 0.2,
    s(PAINT.transformer),
  )
  for (const z of [-1, 1]) {
    const rz = z * (t.tankWidthM / 2 + 0.2 + t.radiatorDepthM / 2)
    p.box(
      0,
      plinth + 0.3 + t.radiatorHeightM / 2,
      rz,
      t.tankLengthM - 1.2,
      t.radiatorHeightM,
      t.radiatorDepthM,
      s('#848f98', CELL.radiator, [0.35, t.radiatorHeightM]),
    )
  }
  for (const x of [-1, 1])
    p.box(
      (x * (t.lengthM - 0.4 - (t.lengthM - t.tankLengthM) / 2)) / 2,
      plinth + 1.6,
      0,
      (t.lengthM - t.tankLengthM) / 2 - 0.2,
      3.2,
      2,
      s(PAINT.transformer, CELL.seams, [1, 1]),
    )
  const top = plinth + t.tankHeightM + 0.3
  p.tube(
    0,
    top + 1.1,
    t.tankWidthM / 2 - 0.4,
    t.conservatorDiameterM / 2,
    5.2,
    10,
    s(PAINT.transformer),
    0,
  )
  for (const x of [-2, 2])
    p.box(x, top + 0.3, t.tankWidthM / 2 - 0.4, 0.2, 0.6, 0.2, s(PAINT.steel))
  for (let i = -1; i <= 1; i++) {
    p.cylinder(i * t.bushingSpacingM, top, -t.tankWidthM / 2 + 0.7, 0.32, 0.16, t.hvBushingM, 8, {
      color: PAINT.porcelain,
      cell: CELL.sheds,
      period: [1, 0.32],
      ownUv: true,
    })
    p.cylinder(i * 1.0, top, 0.4, 0.16, 0.1, t.lvBushingM, 6, {
      color: PAINT.porcelain,
      cell: CELL.sheds,
      period: [1, 0.3],
      ownUv: true,
    })
  }
  return p.build()
}

/**
 * A bay's three-pole apparatus (poles `poleM` apart along x): a live-tank breaker on steel
 * supports, or a centre-break disconnector with its blades.
 */
function apparatus(kind: 'breaker' | 'disconnector', poleM: number): THREE.BufferGeometry {
  const p = new Parts()
  const h = BAY_APPARATUS[kind].heightM
  const span = 2 * poleM + 1
  const beamY = 2.3
  p.box(0, beamY, 0, span, 0.3, 0.4, s(PAINT.galv))
  for (const x of [-1, 1])
    p.box((x * (span - 0.3)) / 2, beamY / 2, 0, 0.25, beamY, 0.25, s(PAINT.galv))
  const sheds: Style = { color: PAINT.polymer, cell: CELL.sheds, period: [1, 0.25], ownUv: true }
  for (let k = -1; k <= 1; k++) {
    const x = k * poleM
    if (kind === 'breaker') {
      p.cylinder(x, beamY + 0.15, 0, 0.2, 0.16, h - beamY - 1.6, 8, sheds)
      p.cylinder(x, h - 1.45, 0, 0.26, 0.26, 1.1, 8, s('#9ea6ad'))
      p.box(x, h - 0.2, 0, 1.2, 0.25, 0.25, s('#b6bdc3'))
    } else {
      for (const z of [-0.7, 0.7])
        p.cylinder(x, beamY + 0.15, z, 0.15, 0.12, h - beamY - 0.5, 8, sheds)
      p.box(x, h - 0.3, 0, 0.12, 0.12, 1.9, s('#b6bdc3'))
    }
  }
  if (kind === 'breaker')
    p.box(span / 2 + 0.5, 1.2, 0, 0.8, 1.4, 0.6, s('#9aa3aa', CELL.door, [0.8, 1.4]))
  return p.build()
}

/**
 * A tracker row `length` long on its axis at y = 0 (the instance stands at the axis height):
 * the panel and its torque tube (tilting) and piles down to the ground at −axisHeight.
 */
function trackerRow(t: SolarTrackers): THREE.BufferGeometry {
  const p = new Parts()
  const len = t.trackerLengthM
  p.box(0, 0.12, 0, t.panelWidthM, 0.05, len, {
    ...s('#ffffff', CELL.solar, [t.panelWidthM, 1.134]),
    motion: 1,
  })
  p.box(0, 0.07, 0, 0.1, 0.06, len, { ...s('#9aa3aa'), motion: 1 })
  // Piles about every 20 m (real trackers have one every 7–9 m: fewer keep it light).
  const posts = Math.max(2, Math.round(len / 20))
  for (let i = 0; i < posts; i++) {
    const z = -len / 2 + 1 + ((len - 2) * i) / (posts - 1)
    p.box(0, -t.axisHeightM / 2, z, 0.15, t.axisHeightM, 0.15, s('#8d949a'))
  }
  return p.build()
}

/** Wind turbine: tapered tower, nacelle, hub; rotor axis along +z (the instance yaws it). */
function turbineBody(w: WindFarm): THREE.BufferGeometry {
  const p = new Parts()
  const hub = w.hubHeightM
  p.cylinder(0, -3, 0, w.towerBaseM / 2 + 2.5, w.towerBaseM / 2 + 2.5, 3.4, 12, s(PAINT.concrete))
  p.cylinder(
    0,
    0,
    0,
    w.towerBaseM / 2,
    w.towerTopM / 2,
    hub - w.nacelleHeightM / 2,
    16,
    s(PAINT.turbine),
  )
  const nl = w.nacelleLengthM
  const nh = w.nacelleHeightM
  p.box(0, hub, nl * 0.28, nh * 1.15, nh, nl, s('#eceeef', CELL.seams, [nl / 3, nh]))
  p.box(0, hub + nh / 2 + 0.3, nl * 0.45, nh * 0.5, 0.6, nl * 0.3, s('#d9dcde'))
  return p.build()
}

/** Three blades and a spinner, in the xy plane around the hub (spins about z: motion 2). */
function turbineRotor(w: WindFarm): { geometry: THREE.BufferGeometry; blades: number } {
  const p = new Parts()
  const r = w.rotorDiameterM / 2
  const chord = w.bladeChordM
  const blades = 3
  const spin: Style = { color: PAINT.turbine, motion: 2 }
  for (let b = 0; b < blades; b++) {
    const a = (b * 2 * Math.PI) / blades
    // Root, then a blade that tapers from its widest chord to a narrow tip.
    const root = new THREE.BoxGeometry(chord * 0.55, r * 0.08, chord * 0.55)
    p.add(root, spin, place(-Math.sin(a) * r * 0.08, Math.cos(a) * r * 0.08, 0, 0, a))
    const blade = new THREE.BoxGeometry(chord, r * 0.9, chord * 0.18, 1, 3, 1)
    const pos = blade.getAttribute('position')
    for (let i = 0; i < pos.count; i++) {
      const t = pos.getY(i) / (r * 0.9) + 0.5
      const width = t < 0.15 ? 0.75 + t * 1.6 : 1 - 0.8 * (t - 0.15)
      pos.setX(i, pos.getX(i) * width + chord * 0.18 * (1 - t))
      pos.setZ(i, pos.getZ(i) * (1 - 0.6 * t))
    }
    blade.computeVertexNormals()
    p.add(blade, spin, place(-Math.sin(a) * r * 0.56, Math.cos(a) * r * 0.56, 0, 0, a))
  }
  p.add(new THREE.SphereGeometry(chord * 0.75, 8, 5).scale(1, 1, 1.5), {
    color: '#e6e8ea',
    motion: 2,
  })
  // In front of the nacelle (upwind, −z); the instance stands at hub height.
  const geometry = p.build().translate(0, 0, -(w.nacelleLengthM * 0.22 + chord * 0.4))
  return { geometry, blades }
}

const cache = new Map<string, THREE.BufferGeometry>()

function cached(key: string, make: () => THREE.BufferGeometry): THREE.BufferGeometry {
  let g = cache.get(key)
  if (!g) {
    g = make()
    cache.set(key, g)
  }
  return g
}

/** The detail model of a unit kind (null: the kind keeps its tiled box near too). */
export function unitModel(kind: UnitKind): THREE.BufferGeometry | null {
  switch (kind) {
    case 'dry-cooler':
    case 'adiabatic-cooler':
      return cached(kind, () => vBankCooler(kind))
    case 'chiller':
      return cached(kind, chiller)
    case 'tower-cell':
      return cached(kind, towerCell)
    case 'air-handler':
      return cached(kind, airHandler)
    case 'seawater-hx':
      return cached(kind, seawaterHx)
    case 'generator':
      return cached(kind, genset)
    case 'battery':
      return cached(kind, battery)
    case 'gas-turbine':
      return cached(kind, gasTurbine)
    case 'transformer':
      return cached(kind, transformer)
    case 'solar-block':
      return null
  }
}

export function inverterModel(): THREE.BufferGeometry {
  return cached('inverter', inverterSkid)
}

export function apparatusModel(
  kind: 'breaker' | 'disconnector',
  poleM: number,
): THREE.BufferGeometry {
  return cached(`${kind}-${poleM}`, () => apparatus(kind, poleM))
}

export function trackerModel(t: SolarTrackers): THREE.BufferGeometry {
  return cached(`tracker-${t.trackerLengthM}-${t.panelWidthM}-${t.axisHeightM}`, () =>
    trackerRow(t),
  )
}

const rotors = new Map<string, { geometry: THREE.BufferGeometry; blades: number }>()

export function turbineModels(w: WindFarm): {
  body: THREE.BufferGeometry
  rotor: THREE.BufferGeometry
  blades: number
} {
  const key = `${w.rotorDiameterM}-${w.hubHeightM}`
  let rotor = rotors.get(key)
  if (!rotor) {
    rotor = turbineRotor(w)
    rotors.set(key, rotor)
  }
  return {
    body: cached(`body-${key}`, () => turbineBody(w)),
    rotor: rotor.geometry,
    blades: rotor.blades,
  }
}
