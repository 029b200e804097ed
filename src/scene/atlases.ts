import type * as THREE from 'three'
import { paintAtlas, type Painter } from './tiledMaterial'

/**
 * Procedural textures (painted once on a 2D canvas; nothing is downloaded). Each is a
 * four-slot atlas for `tiledMaterial`: [top | +z face | −z face | ±x faces]; one tile is one
 * real unit. Side slots are painted with the unit's top edge at the canvas top.
 */

const fill =
  (color: string): Painter =>
  (ctx, s) => {
    ctx.fillStyle = color
    ctx.fillRect(0, 0, s, s)
  }

function frame(ctx: CanvasRenderingContext2D, s: number, color: string, px: number): void {
  ctx.strokeStyle = color
  ctx.lineWidth = px
  ctx.strokeRect(px / 2, px / 2, s - px, s - px)
}

/** Rack front: dark door, server trays, lit status LEDs (the only pixels bright enough to glow). */
const rackFront: Painter = (ctx, s) => {
  ctx.fillStyle = '#1f242b'
  ctx.fillRect(0, 0, s, s)
  const trays = 18
  for (let i = 0; i < trays; i++) {
    const y = s * 0.06 + ((s * 0.88) / trays) * i
    ctx.fillStyle = i % 6 === 5 ? '#2c333c' : '#323a45'
    ctx.fillRect(s * 0.1, y, s * 0.8, (s * 0.88) / trays - 1.5)
    ctx.fillStyle = i % 3 === 0 ? '#7dffc8' : '#79c8ff'
    ctx.fillRect(s * 0.14, y + 1.5, s * 0.05, 2.5)
    ctx.fillRect(s * 0.72, y + 1.5, s * 0.12, 2)
  }
  frame(ctx, s, '#15191e', 4)
}

const rackRear: Painter = (ctx, s) => {
  ctx.fillStyle = '#242a31'
  ctx.fillRect(0, 0, s, s)
  ctx.fillStyle = '#3b4654'
  ctx.fillRect(s * 0.2, s * 0.05, s * 0.08, s * 0.9)
  ctx.fillRect(s * 0.72, s * 0.05, s * 0.08, s * 0.9)
  ctx.fillStyle = '#7ab6d9'
  ctx.fillRect(s * 0.21, s * 0.1, s * 0.06, s * 0.8)
  frame(ctx, s, '#15191e', 4)
}

const rackTop: Painter = (ctx, s) => {
  fill('#2a3038')(ctx, s)
  frame(ctx, s, '#4a5562', 6)
}

const rackSide: Painter = (ctx, s) => {
  fill('#2b3139')(ctx, s)
  frame(ctx, s, '#1a1e23', 3)
}

/** Fans in a column along the unit's long (z) axis, seen from above. */
function fansTop(housing: string, fanCount: number, aspect: number, ring: string): Painter {
  return (ctx, s) => {
    ctx.fillStyle = housing
    ctx.fillRect(0, 0, s, s)
    const cell = s / fanCount
    for (let i = 0; i < fanCount; i++) {
      const cy = cell * (i + 0.5)
      const rx = s * 0.42
      const ry = Math.min(cell * 0.44, rx / aspect)
      ctx.fillStyle = ring
      ctx.beginPath()
      ctx.ellipse(s / 2, cy, rx, ry, 0, 0, Math.PI * 2)
      ctx.fill()
      ctx.fillStyle = '#20262c'
      ctx.beginPath()
      ctx.ellipse(s / 2, cy, rx * 0.86, ry * 0.86, 0, 0, Math.PI * 2)
      ctx.fill()
      ctx.strokeStyle = '#5a646e'
      ctx.lineWidth = 2
      for (let b = 0; b < 3; b++) {
        const a = (b * 2 * Math.PI) / 3 + i
        ctx.beginPath()
        ctx.moveTo(s / 2, cy)
        ctx.lineTo(s / 2 + Math.cos(a) * rx * 0.8, cy + Math.sin(a) * ry * 0.8)
        ctx.stroke()
      }
      ctx.fillStyle = '#8c969f'
      ctx.beginPath()
      ctx.ellipse(s / 2, cy, rx * 0.14, ry * 0.14, 0, 0, Math.PI * 2)
      ctx.fill()
    }
    frame(ctx, s, '#8a939b', 3)
  }
}

/** Finned coil face: fine vertical lines in a frame. */
function coil(base: string, line: string, framing: string): Painter {
  return (ctx, s) => {
    ctx.fillStyle = base
    ctx.fillRect(0, 0, s, s)
    ctx.strokeStyle = line
    ctx.lineWidth = 1
    for (let x = 6; x < s - 4; x += 4) {
      ctx.beginPath()
      ctx.moveTo(x, s * 0.12)
      ctx.lineTo(x, s * 0.9)
      ctx.stroke()
    }
    ctx.fillStyle = framing
    ctx.fillRect(0, 0, s, s * 0.12)
    ctx.fillRect(0, s * 0.9, s, s * 0.1)
    frame(ctx, s, framing, 4)
  }
}

function louvres(base: string, slat: string): Painter {
  return (ctx, s) => {
    ctx.fillStyle = base
    ctx.fillRect(0, 0, s, s)
    ctx.fillStyle = slat
    for (let y = s * 0.1; y < s * 0.92; y += 7) ctx.fillRect(s * 0.06, y, s * 0.88, 3)
    frame(ctx, s, '#7d868e', 3)
  }
}

function panel(base: string, edge: string): Painter {
  return (ctx, s) => {
    ctx.fillStyle = base
    ctx.fillRect(0, 0, s, s)
    frame(ctx, s, edge, 4)
  }
}

/** Container side with doors and a ribbed skin. */
function containerSide(base: string, rib: string, door: string): Painter {
  return (ctx, s) => {
    ctx.fillStyle = base
    ctx.fillRect(0, 0, s, s)
    ctx.fillStyle = rib
    for (let x = 3; x < s; x += 6) ctx.fillRect(x, 0, 2, s)
    ctx.fillStyle = door
    ctx.fillRect(s * 0.3, s * 0.25, s * 0.4, s * 0.75)
    frame(ctx, s, '#3e444a', 3)
  }
}

const roofTop: Painter = (ctx, s) => {
  ctx.fillStyle = '#cfd4d8'
  ctx.fillRect(0, 0, s, s)
  ctx.strokeStyle = '#c2c8cd'
  ctx.lineWidth = 2
  for (let x = 0; x < s; x += s / 4) {
    ctx.beginPath()
    ctx.moveTo(x, 0)
    ctx.lineTo(x, s)
    ctx.stroke()
  }
}

/** Building wall: light cladding, a dark louvre band, vertical ribs; one tile = 8 m × full height. */
const wall: Painter = (ctx, s) => {
  ctx.fillStyle = '#e9ebec'
  ctx.fillRect(0, 0, s, s)
  ctx.fillStyle = '#dfe2e4'
  for (let x = 0; x < s; x += 8) ctx.fillRect(x, 0, 3, s)
  ctx.fillStyle = '#5e6b78'
  ctx.fillRect(0, s * 0.14, s, s * 0.1)
  ctx.fillStyle = '#7f8c98'
  ctx.fillRect(0, s * 0.6, s, s * 0.05)
  ctx.fillStyle = '#b9c0c6'
  ctx.fillRect(0, s * 0.97, s, s * 0.03)
}

/** Raised floor tiles (4 × 4 per tile of 2.4 m) and the hall's inner walls. */
const hallFloor: Painter = (ctx, s) => {
  ctx.fillStyle = '#d5dade'
  ctx.fillRect(0, 0, s, s)
  ctx.strokeStyle = '#bfc6cc'
  ctx.lineWidth = 2
  for (let i = 0; i <= 4; i++) {
    ctx.beginPath()
    ctx.moveTo((i * s) / 4, 0)
    ctx.lineTo((i * s) / 4, s)
    ctx.moveTo(0, (i * s) / 4)
    ctx.lineTo(s, (i * s) / 4)
    ctx.stroke()
  }
}

const hallWall: Painter = (ctx, s) => {
  ctx.fillStyle = '#eef0f1'
  ctx.fillRect(0, 0, s, s)
  ctx.fillStyle = '#9aa7b3'
  ctx.fillRect(0, s * 0.72, s, s * 0.04)
  ctx.fillStyle = '#3f6f9c'
  ctx.fillRect(0, s * 0.1, s, s * 0.03)
}

const solarTop: Painter = (ctx, s) => {
  ctx.fillStyle = '#b9bfb0'
  ctx.fillRect(0, 0, s, s)
  const rows = 24
  for (let i = 0; i < rows; i++) {
    const y = (s * (i + 0.2)) / rows
    ctx.fillStyle = '#253d5c'
    ctx.fillRect(s * 0.02, y, s * 0.96, (s / rows) * 0.55)
    ctx.fillStyle = '#3a5a80'
    ctx.fillRect(s * 0.02, y, s * 0.96, 1)
  }
  ctx.fillStyle = '#a9ad9c'
  ctx.fillRect(s * 0.49, 0, s * 0.02, s)
}

const parkingTop: Painter = (ctx, s) => {
  ctx.fillStyle = '#5d646b'
  ctx.fillRect(0, 0, s, s)
  ctx.fillStyle = '#e6e8ea'
  ctx.fillRect(0, 0, 3, s * 0.45)
  ctx.fillRect(0, s * 0.55, 3, s * 0.45)
}

/** Speckle: many small marks of a few colours, deterministic (a fixed pseudo-random sequence). */
function speckle(base: string, marks: readonly string[], count: number, size: number): Painter {
  return (ctx, s) => {
    ctx.fillStyle = base
    ctx.fillRect(0, 0, s, s)
    let seed = 97
    const rand = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0
      return seed / 4294967296
    }
    for (let i = 0; i < count; i++) {
      ctx.fillStyle = marks[i % marks.length] ?? base
      const r = size * (0.5 + rand())
      ctx.fillRect(rand() * s, rand() * s, r, r)
    }
  }
}

/** Asphalt, one tile = 12 m of a 12 m road: edge lines and a dashed centre line (3 m dash, 9 m gap). */
const roadTop: Painter = (ctx, s) => {
  speckle('#4b5056', ['#43484e', '#555a60', '#3f4449', '#5b6066'], 900, 1.5)(ctx, s)
  ctx.fillStyle = '#e8e6df'
  ctx.fillRect(0, s * 0.075, s, s * 0.012)
  ctx.fillRect(0, s * 0.913, s, s * 0.012)
  ctx.fillStyle = '#e9d79a'
  ctx.fillRect(0, s * 0.494, s * 0.25, s * 0.012)
}

/** Concrete slab: 6 m panels with sawn joints and faint stains. */
const concreteTop: Painter = (ctx, s) => {
  speckle('#bdbab2', ['#b4b1a9', '#c4c1b9', '#aeaba3'], 500, 3)(ctx, s)
  ctx.strokeStyle = '#8f8c86'
  ctx.lineWidth = 1.5
  ctx.strokeRect(0.75, 0.75, s - 1.5, s - 1.5)
}

/** Crushed-stone yard surface. */
const gravelTop: Painter = speckle(
  '#a29f96',
  ['#8c8981', '#b5b2a9', '#97948b', '#c2bfb6', '#7f7c75'],
  2600,
  1.4,
)

const gantryRoof: Painter = (ctx, s) => {
  fill('#9aa1a8')(ctx, s)
  frame(ctx, s, '#7d858d', 6)
}

export type AtlasId =
  | 'rack'
  | 'dryCooler'
  | 'adiabatic'
  | 'tower'
  | 'chiller'
  | 'seawaterHx'
  | 'airHandler'
  | 'generator'
  | 'battery'
  | 'gasTurbine'
  | 'transformer'
  | 'solar'
  | 'building'
  | 'hall'
  | 'parking'
  | 'plain'
  | 'road'
  | 'concrete'
  | 'gravel'

const PAINTERS: Record<AtlasId, readonly [Painter, Painter, Painter, Painter]> = {
  rack: [rackTop, rackFront, rackRear, rackSide],
  dryCooler: [
    fansTop('#c9d0d6', 5, 5, '#9aa4ad'),
    coil('#8f9aa3', '#75808a', '#c9d0d6'),
    coil('#8f9aa3', '#75808a', '#c9d0d6'),
    panel('#c9d0d6', '#a8b1b9'),
  ],
  adiabatic: [
    fansTop('#d3d7d1', 5, 5, '#9aa4ad'),
    coil('#b59f7a', '#9a8563', '#d3d7d1'),
    coil('#b59f7a', '#9a8563', '#d3d7d1'),
    panel('#d3d7d1', '#a8b1b9'),
  ],
  tower: [
    fansTop('#b8c2ca', 1, 1, '#6f7a84'),
    louvres('#aab4bc', '#7f8a94'),
    louvres('#aab4bc', '#7f8a94'),
    louvres('#aab4bc', '#7f8a94'),
  ],
  chiller: [
    fansTop('#eceff1', 4, 4.6, '#b5bdc4'),
    coil('#b8c3cc', '#93a0ab', '#eceff1'),
    coil('#b8c3cc', '#93a0ab', '#eceff1'),
    panel('#eceff1', '#c3cad0'),
  ],
  seawaterHx: [
    panel('#9fb2c0', '#6f8797'),
    coil('#5f87a6', '#446a88', '#2f4d66'),
    coil('#5f87a6', '#446a88', '#2f4d66'),
    panel('#2f4d66', '#243b4f'),
  ],
  airHandler: [
    fansTop('#d9dde0', 2, 2, '#a9b1b8'),
    louvres('#c9ced2', '#9aa3ab'),
    louvres('#c9ced2', '#9aa3ab'),
    panel('#d9dde0', '#b0b8bf'),
  ],
  generator: [
    panel('#66757f', '#3f4a52'),
    louvres('#6c7b86', '#4f5c66'),
    louvres('#6c7b86', '#4f5c66'),
    containerSide('#70808b', '#62717c', '#56636d'),
  ],
  battery: [
    panel('#f1f3f4', '#c9cfd4'),
    containerSide('#eef0f2', '#dde1e5', '#c5ccd2'),
    containerSide('#eef0f2', '#dde1e5', '#c5ccd2'),
    containerSide('#eef0f2', '#dde1e5', '#c5ccd2'),
  ],
  gasTurbine: [
    panel('#a3acb3', '#80898f'),
    louvres('#9aa3ab', '#7d868e'),
    panel('#9aa3ab', '#7d868e'),
    containerSide('#a3acb3', '#98a1a8', '#7d868e'),
  ],
  transformer: [
    panel('#7a858e', '#5d666e'),
    coil('#6e7982', '#58626a', '#7a858e'),
    coil('#6e7982', '#58626a', '#7a858e'),
    coil('#6e7982', '#58626a', '#7a858e'),
  ],
  solar: [solarTop, fill('#5b6660'), fill('#5b6660'), fill('#5b6660')],
  building: [roofTop, wall, wall, wall],
  hall: [hallFloor, hallWall, hallWall, hallWall],
  parking: [parkingTop, fill('#5d646b'), fill('#5d646b'), fill('#5d646b')],
  plain: [gantryRoof, fill('#d9dcde'), fill('#d9dcde'), fill('#d9dcde')],
  road: [roadTop, fill('#6b6f73'), fill('#6b6f73'), fill('#6b6f73')],
  concrete: [concreteTop, fill('#a9a69e'), fill('#a9a69e'), fill('#a9a69e')],
  gravel: [gravelTop, fill('#8e8b83'), fill('#8e8b83'), fill('#8e8b83')],
}

const cache = new Map<AtlasId, THREE.CanvasTexture>()

/** The atlas for a kind, painted on first use and shared after. */
export function atlas(id: AtlasId): THREE.CanvasTexture {
  let texture = cache.get(id)
  if (!texture) {
    const size = id === 'rack' || id === 'road' || id === 'gravel' || id === 'concrete' ? 128 : 64
    texture = paintAtlas(size, PAINTERS[id])
    cache.set(id, texture)
  }
  return texture
}
