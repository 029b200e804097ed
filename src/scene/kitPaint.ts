import * as THREE from 'three'
import { ATLAS_COLS, ATLAS_ROWS, CELL_IDS, CELL_PAD_PX, CELL_PX, type CellId } from './kitCells'

/**
 * Paints the buildings' atlas (`kitCells.ts`) once on 2D canvases (nothing downloaded). Each
 * cell is painted twice: its colour, and its material (height, roughness, light). The height
 * becomes a normal map here, so ribs, slats and panel joints catch the light without a single
 * extra triangle. Loaded with a dynamic import (`kitMaterial.ts`), outside the initial script.
 */

/**
 * Paints one cell: `c` is the colour pass, `m` the material pass in which red is height,
 * green roughness and blue where the surface gives light at night (windows). Both are
 * translated to the cell's corner; `s` is the cell's size in pixels; the cell's top row is
 * the top of the tile (for walls, its upper edge).
 */
type CellPainter = (c: CanvasRenderingContext2D, m: CanvasRenderingContext2D, s: number) => void

/** A material-pass colour from height (0…1), roughness (0…1) and light (0…1). */
function mat(height: number, rough: number, light = 0): string {
  const b = (v: number) => Math.round(Math.min(1, Math.max(0, v)) * 255)
  return `rgb(${b(height)},${b(rough)},${b(light)})`
}

function rect(
  ctx: CanvasRenderingContext2D,
  style: string,
  x: number,
  y: number,
  w: number,
  h: number,
): void {
  ctx.fillStyle = style
  ctx.fillRect(x, y, w, h)
}

/** Fills both passes. */
function base(
  c: CanvasRenderingContext2D,
  m: CanvasRenderingContext2D,
  s: number,
  colour: string,
  height: number,
  rough: number,
): void {
  rect(c, colour, 0, 0, s, s)
  rect(m, mat(height, rough), 0, 0, s, s)
}

/** Fine speckle over the colour pass (deterministic), for concrete, membrane and asphalt. */
function speckle(
  c: CanvasRenderingContext2D,
  s: number,
  light: string,
  dark: string,
  n: number,
): void {
  let seed = 12345
  const next = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff
    return seed / 0x7fffffff
  }
  for (let i = 0; i < n; i++) {
    rect(c, next() < 0.5 ? light : dark, Math.floor(next() * s), Math.floor(next() * s), 1, 1)
  }
}

/** Glass pane: dark, sky-tinted toward the top, lit at night. */
function glass(
  c: CanvasRenderingContext2D,
  m: CanvasRenderingContext2D,
  x: number,
  y: number,
  w: number,
  h: number,
  light = 1,
): void {
  const g = c.createLinearGradient(0, y, 0, y + h)
  g.addColorStop(0, '#6d8599')
  g.addColorStop(0.55, '#3b4c5c')
  g.addColorStop(1, '#2a3642')
  c.fillStyle = g
  c.fillRect(x, y, w, h)
  rect(m, mat(0.3, 0.08, light), x, y, w, h)
}

const PAINTERS = {
  /** Roof membrane: light grey single-ply with seams every 2 m (tile 8 m). */
  roof: (c, m, s) => {
    base(c, m, s, '#c3c8cb', 0.5, 0.85)
    speckle(c, s, '#cdd1d4', '#b7bcc0', 900)
    for (let i = 0; i < 4; i++) {
      rect(c, '#aeb4b8', (i * s) / 4, 0, 2, s)
      rect(m, mat(0.75, 0.7), (i * s) / 4, 0, 2, s)
    }
  },
  /** Wall cladding: light trapezoidal ribs every 0.25 m (tile 1 m wide, 6 m tall). */
  cladding: (c, m, s) => {
    base(c, m, s, '#dfe3e5', 0.5, 0.45)
    for (let i = 0; i < 4; i++) {
      const x = (i * s) / 4
      rect(c, '#d3d8db', x, 0, 5, s)
      rect(c, '#e9ecee', x + 5, 0, 3, s)
      rect(m, mat(0.4, 0.45), x, 0, 4, s)
      rect(m, mat(0.45, 0.45), x + 4, 0, 2, s)
      rect(m, mat(0.6, 0.45), x + 6, 0, 3, s)
    }
  },
  /** Darker cladding for stair cores and the gate house's base. */
  claddingDark: (c, m, s) => {
    base(c, m, s, '#7c868f', 0.5, 0.5)
    for (let i = 0; i < 4; i++) {
      const x = (i * s) / 4
      rect(c, '#6c757e', x, 0, 5, s)
      rect(m, mat(0.2, 0.5), x, 0, 4, s)
      rect(m, mat(0.8, 0.5), x + 6, 0, 3, s)
    }
  },
  /** Curtain wall: 1.5 m mullion bays, 4 m storeys, spandrel at the floor, glass above. */
  curtainWall: (c, m, s) => {
    base(c, m, s, '#a9b3bb', 0.6, 0.35)
    const spandrel = Math.round(s * 0.22)
    glass(c, m, 5, 5, s - 10, s - spandrel - 10)
    rect(c, '#46525d', 5, s - spandrel, s - 10, spandrel - 5)
    rect(m, mat(0.4, 0.3), 5, s - spandrel, s - 10, spandrel - 5)
    // Transom line at door-head height.
    rect(c, '#9aa5ad', 5, Math.round(s * 0.3), s - 10, 3)
    rect(m, mat(0.7, 0.35), 5, Math.round(s * 0.3), s - 10, 3)
  },
  /** Louvre bank: horizontal blades 0.1 m apart (tile 1 × 0.5 m) in a frame. */
  louvre: (c, m, s) => {
    base(c, m, s, '#3d454d', 0.2, 0.55)
    const blades = 5
    for (let i = 0; i < blades; i++) {
      const y = (i * s) / blades
      const g = c.createLinearGradient(0, y, 0, y + s / blades)
      g.addColorStop(0, '#9aa3ab')
      g.addColorStop(0.7, '#6d767e')
      g.addColorStop(1, '#2c3238')
      c.fillStyle = g
      c.fillRect(0, y, s, s / blades - 3)
      const h = m.createLinearGradient(0, y, 0, y + s / blades)
      h.addColorStop(0, mat(0.95, 0.5))
      h.addColorStop(1, mat(0.25, 0.5))
      m.fillStyle = h
      m.fillRect(0, y, s, s / blades - 3)
    }
    rect(c, '#7f8890', 0, 0, 3, s)
    rect(m, mat(0.8, 0.4), 0, 0, 3, s)
  },
  /** Double steel door with frame and vision panels (stretched over the opening). */
  door: (c, m, s) => {
    base(c, m, s, '#4b535b', 0.8, 0.4)
    for (const x of [0.08, 0.52]) {
      rect(c, '#8c969f', x * s, s * 0.06, s * 0.4, s * 0.94)
      rect(m, mat(0.45, 0.35), x * s, s * 0.06, s * 0.4, s * 0.94)
      glass(c, m, (x + 0.1) * s, s * 0.16, s * 0.2, s * 0.22, 0.6)
      rect(c, '#d7dbde', (x + 0.04) * s, s * 0.55, s * 0.32, 4)
      rect(m, mat(0.9, 0.3), (x + 0.04) * s, s * 0.55, s * 0.32, 4)
    }
  },
  /** Glazed entrance doors under a canopy line (stretched). */
  entrance: (c, m, s) => {
    base(c, m, s, '#5c6670', 0.8, 0.3)
    for (const x of [0.06, 0.52]) glass(c, m, x * s, s * 0.1, s * 0.42, s * 0.9)
    rect(c, '#c4ccd2', 0, 0, s, s * 0.08)
    rect(m, mat(0.95, 0.3), 0, 0, s, s * 0.08)
    rect(c, '#b9c1c7', s * 0.24, s * 0.55, s * 0.05, s * 0.1)
    rect(c, '#b9c1c7', s * 0.71, s * 0.55, s * 0.05, s * 0.1)
  },
  /** Sectional overhead door in a black dock seal, yellow bumpers (stretched). */
  loadingDoor: (c, m, s) => {
    base(c, m, s, '#1e2327', 0.9, 0.8)
    const x0 = s * 0.08
    const w = s * 0.84
    const panels = 6
    for (let i = 0; i < panels; i++) {
      const y = s * 0.06 + (i * s * 0.88) / panels
      rect(c, i === 2 ? '#8799a8' : '#b8c0c6', x0, y, w, (s * 0.88) / panels - 2)
      rect(m, mat(0.4, i === 2 ? 0.15 : 0.45, 0), x0, y, w, (s * 0.88) / panels - 2)
      rect(c, '#a6aeb4', x0, y + (s * 0.44) / panels, w, 1)
    }
    rect(c, '#e3b52b', s * 0.1, s * 0.94, s * 0.12, s * 0.06)
    rect(c, '#e3b52b', s * 0.78, s * 0.94, s * 0.12, s * 0.06)
  },
  /** Window: glass in a light frame, 1.2 m panes (tile 1.2 m wide, stretched in height). */
  window: (c, m, s) => {
    base(c, m, s, '#aab3ba', 0.8, 0.35)
    glass(c, m, 6, 6, s - 12, s - 12)
  },
  /** Cast concrete (plinths, kerbs, gate house base). */
  concrete: (c, m, s) => {
    base(c, m, s, '#b4b1aa', 0.5, 0.9)
    speckle(c, s, '#bfbcb5', '#a5a29b', 1400)
    rect(c, '#9d9a93', 0, 0, s, 1)
    rect(m, mat(0.3, 0.9), 0, 0, s, 1)
  },
  /** Metal coping and flashing on the parapet. */
  coping: (c, m, s) => {
    base(c, m, s, '#a4acb2', 0.5, 0.35)
    rect(c, '#8f979d', 0, s - 3, s, 3)
    rect(m, mat(0.2, 0.35), 0, s - 3, s, 3)
  },
  /** Air handler casing: panels, access doors, an intake louvre (stretched per side). */
  ahuSide: (c, m, s) => {
    base(c, m, s, '#cdd2d5', 0.5, 0.45)
    for (let i = 0; i < 5; i++) {
      rect(c, '#b7bdc1', (i * s) / 5, 0, 2, s)
      rect(m, mat(0.2, 0.45), (i * s) / 5, 0, 2, s)
    }
    for (let y = s * 0.15; y < s * 0.85; y += 6) {
      rect(c, '#6f787f', s * 0.04, y, s * 0.16, 3)
      rect(m, mat(0.9, 0.5), s * 0.04, y, s * 0.16, 3)
    }
    rect(c, '#aeb5ba', s * 0.44, s * 0.2, s * 0.12, s * 0.7)
    rect(c, '#3f4850', s * 0.53, s * 0.5, s * 0.02, s * 0.08)
  },
  /** Air handler from above: two fan outlets and service panels (stretched). */
  ahuTop: (c, m, s) => {
    base(c, m, s, '#d3d7da', 0.5, 0.5)
    for (const cx of [0.3, 0.7]) {
      c.fillStyle = '#8a939a'
      c.beginPath()
      c.arc(cx * s, s / 2, s * 0.17, 0, Math.PI * 2)
      c.fill()
      c.fillStyle = '#262c31'
      c.beginPath()
      c.arc(cx * s, s / 2, s * 0.14, 0, Math.PI * 2)
      c.fill()
      m.fillStyle = mat(0.1, 0.6)
      m.beginPath()
      m.arc(cx * s, s / 2, s * 0.15, 0, Math.PI * 2)
      m.fill()
      rect(c, '#9aa3aa', cx * s - 2, s / 2 - s * 0.14, 4, s * 0.28)
    }
  },
  /** Walkway grating (tile 0.5 m). */
  grating: (c, m, s) => {
    base(c, m, s, '#5d646a', 0.2, 0.7)
    for (let i = 0; i < s; i += 8) {
      rect(c, '#c8b24a', i, 0, 3, s)
      rect(m, mat(0.8, 0.6), i, 0, 3, s)
    }
    for (let i = 0; i < s; i += 32) rect(c, '#b39d3d', 0, i, s, 2)
  },
  /** Parking: asphalt with a double row of 2.5 × 5 m stalls across a 6.5 m aisle (one module). */
  parking: (c, m, s) => {
    base(c, m, s, '#4f555b', 0.5, 0.9)
    speckle(c, s, '#5a6066', '#464c52', 1200)
    const stall = (s * 5) / 16.5
    rect(c, '#e2e4e6', 0, 0, 3, stall)
    rect(c, '#e2e4e6', 0, s - stall, 3, stall)
    rect(c, '#d8dadc', 0, stall - 2, s, 2)
    rect(c, '#d8dadc', 0, s - stall, s, 2)
  },
  /** Barrier arm: red and white (tile 1 m). */
  barrier: (c, m, s) => {
    base(c, m, s, '#f1f1ef', 0.5, 0.4)
    rect(c, '#c8352c', 0, 0, s / 2, s)
  },
  /** Palisade gate leaf: vertical steel pales (tile 1 × 2.4 m). */
  palisade: (c, m, s) => {
    base(c, m, s, '#3f474e', 0.1, 0.5)
    for (let x = 2; x < s; x += 13) {
      rect(c, '#6b747c', x, 0, 7, s)
      rect(m, mat(0.8, 0.45), x, 0, 7, s)
    }
    rect(c, '#6b747c', 0, s * 0.15, s, 5)
    rect(c, '#6b747c', 0, s * 0.85, s, 5)
  },
  /** Ribbon windows over a solid base (gate house): tile 2 m × its height. */
  ribbon: (c, m, s) => {
    base(c, m, s, '#d5d9dc', 0.5, 0.5)
    glass(c, m, 3, s * 0.18, s - 6, s * 0.42)
    rect(c, '#7c868f', 0, s * 0.64, s, s * 0.36)
    rect(m, mat(0.5, 0.6), 0, s * 0.64, s, s * 0.36)
  },
  /** Containment roof panels: pale translucent-looking panels in a frame (tile 1.2 × 0.6 m). */
  containmentRoof: (c, m, s) => {
    base(c, m, s, '#b9c9d6', 0.4, 0.2)
    rect(c, '#69747e', 0, 0, s, 4)
    rect(c, '#69747e', 0, 0, 4, s)
    rect(m, mat(0.9, 0.4), 0, 0, s, 4)
    rect(m, mat(0.9, 0.4), 0, 0, 4, s)
  },
  /** Containment door: sliding glazed leaves in an aluminium frame, a sign (stretched). */
  containmentDoor: (c, m, s) => {
    base(c, m, s, '#8e98a0', 0.8, 0.35)
    for (const x of [0.05, 0.52]) {
      rect(c, '#a9bccb', x * s, s * 0.05, s * 0.43, s * 0.93)
      rect(m, mat(0.3, 0.12), x * s, s * 0.05, s * 0.43, s * 0.93)
    }
    rect(c, '#c93a2f', s * 0.38, s * 0.2, s * 0.24, s * 0.08)
  },
  /** CDU front: white cabinet, a lit status screen, vents (stretched). */
  cdu: (c, m, s) => {
    base(c, m, s, '#e3e6e8', 0.5, 0.45)
    rect(c, '#2a3b48', s * 0.3, s * 0.14, s * 0.4, s * 0.12)
    rect(c, '#59d38f', s * 0.33, s * 0.17, s * 0.2, s * 0.06)
    rect(m, mat(0.3, 0.2, 1), s * 0.3, s * 0.14, s * 0.4, s * 0.12)
    for (let y = s * 0.5; y < s * 0.92; y += 6) {
      rect(c, '#9da6ad', s * 0.12, y, s * 0.76, 3)
      rect(m, mat(0.15, 0.5), s * 0.12, y, s * 0.76, 3)
    }
    rect(c, '#1b4b8a', s * 0.08, s * 0.04, s * 0.22, s * 0.04)
  },
  /** Side and top of a cabinet (CDU, air handler in the hall). */
  cabinet: (c, m, s) => {
    base(c, m, s, '#d5d9dc', 0.5, 0.5)
    rect(c, '#bfc5c9', 0, 0, s, 3)
    rect(c, '#bfc5c9', 0, 0, 3, s)
  },
  /** Hall air handler front: three fans behind grilles (stretched). */
  crah: (c, m, s) => {
    base(c, m, s, '#dadee1', 0.5, 0.45)
    for (const cy of [0.22, 0.5, 0.78]) {
      c.fillStyle = '#3a4148'
      c.beginPath()
      c.arc(s / 2, cy * s, s * 0.12, 0, Math.PI * 2)
      c.fill()
      m.fillStyle = mat(0.1, 0.6)
      m.beginPath()
      m.arc(s / 2, cy * s, s * 0.12, 0, Math.PI * 2)
      m.fill()
      rect(c, '#7c858c', s / 2 - s * 0.12, cy * s - 1, s * 0.24, 2)
    }
  },
  /** Busway: copper-grey housing with a joint every 3 m and tap-off boxes. */
  busway: (c, m, s) => {
    base(c, m, s, '#9f9a90', 0.5, 0.35)
    rect(c, '#6e6a62', 0, 0, 4, s)
    rect(m, mat(0.9, 0.35), 0, 0, 4, s)
    rect(c, '#c8563c', s * 0.4, s * 0.2, s * 0.12, s * 0.6)
  },
  /** Cable tray: yellow wire mesh (tile 0.3 m). */
  tray: (c, m, s) => {
    base(c, m, s, '#6b6044', 0.2, 0.6)
    for (let i = 0; i < s; i += 16) {
      rect(c, '#e2bd3c', i, 0, 4, s)
      rect(c, '#e2bd3c', 0, i, s, 4)
      rect(m, mat(0.8, 0.4), i, 0, 4, s)
      rect(m, mat(0.8, 0.4), 0, i, s, 4)
    }
  },
  /** Painted steel (beams, gate posts). */
  steel: (c, m, s) => {
    base(c, m, s, '#5b646c', 0.5, 0.45)
    rect(c, '#4a5259', 0, 0, s, s * 0.1)
    rect(c, '#4a5259', 0, s * 0.9, s, s * 0.1)
  },
  /** Linear luminaire: always lit (tile 1.2 m). */
  luminaire: (c, m, s) => {
    base(c, m, s, '#eef2f5', 0.5, 0.3)
    rect(m, mat(0.5, 0.3, 1), 4, s * 0.2, s - 8, s * 0.6)
    rect(c, '#9aa3aa', 0, 0, 4, s)
  },
} satisfies Record<CellId, CellPainter>
export interface KitTextures {
  /** Colour (sRGB). */
  readonly color: THREE.Texture
  /** Normal x, y (R, G), roughness (B), light at night (A); linear. */
  readonly data: THREE.Texture
}

/** Paints the atlas's two textures. */
export function paintKit(): KitTextures {
  const w = ATLAS_COLS * CELL_PX
  const h = ATLAS_ROWS * CELL_PX
  const colour = document.createElement('canvas')
  const material = document.createElement('canvas')
  colour.width = material.width = w
  colour.height = material.height = h
  const c = colour.getContext('2d')
  const m = material.getContext('2d', { willReadFrequently: true })
  if (!c || !m) throw new Error('2D canvas unavailable')
  const inner = CELL_PX - 2 * CELL_PAD_PX
  CELL_IDS.forEach((id, i) => {
    const x = (i % ATLAS_COLS) * CELL_PX
    const y = Math.floor(i / ATLAS_COLS) * CELL_PX
    for (const ctx of [c, m]) {
      ctx.save()
      ctx.translate(x + CELL_PAD_PX, y + CELL_PAD_PX)
      ctx.beginPath()
      ctx.rect(0, 0, inner, inner)
      ctx.clip()
    }
    PAINTERS[id](c, m, inner)
    c.restore()
    m.restore()
    // The pad repeats the cell's edges, so a tile's seam samples its own colour.
    for (const ctx of [c, m]) extendEdges(ctx, x, y)
  })
  const colorTexture = new THREE.CanvasTexture(colour)
  colorTexture.colorSpace = THREE.SRGBColorSpace
  colorTexture.flipY = false
  colorTexture.generateMipmaps = true
  colorTexture.minFilter = THREE.LinearMipmapLinearFilter
  const pixels = m.getImageData(0, 0, w, h).data
  const dataTexture = new THREE.DataTexture(materialData(pixels, w, h), w, h)
  dataTexture.colorSpace = THREE.NoColorSpace
  dataTexture.generateMipmaps = true
  dataTexture.minFilter = THREE.LinearMipmapLinearFilter
  dataTexture.magFilter = THREE.LinearFilter
  dataTexture.needsUpdate = true
  return { color: colorTexture, data: dataTexture }
}

function extendEdges(ctx: CanvasRenderingContext2D, x: number, y: number): void {
  const p = CELL_PAD_PX
  const inner = CELL_PX - 2 * p
  const c = ctx.canvas
  ctx.drawImage(c, x + p, y + p, inner, 1, x + p, y, inner, p)
  ctx.drawImage(c, x + p, y + p + inner - 1, inner, 1, x + p, y + p + inner, inner, p)
  ctx.drawImage(c, x + p, y, 1, CELL_PX, x, y, p, CELL_PX)
  ctx.drawImage(c, x + p + inner - 1, y, 1, CELL_PX, x + p + inner, y, p, CELL_PX)
}

/**
 * The material pass as the data texture: the height's slope, wrapped within each cell so tiles
 * join, becomes the normal's x and y (R, G); roughness (B) and light (A) are copied.
 */
function materialData(pixels: Uint8ClampedArray, w: number, h: number): Uint8Array {
  const out = new Uint8Array(w * h * 4)
  const p = CELL_PAD_PX
  const inner = CELL_PX - 2 * p
  const strength = 1.6
  const heightAt = (x: number, y: number) => (pixels[(y * w + x) * 4] ?? 0) / 255
  for (let y = 0; y < h; y++) {
    const cy = Math.floor(y / CELL_PX) * CELL_PX + p
    for (let x = 0; x < w; x++) {
      const cx = Math.floor(x / CELL_PX) * CELL_PX + p
      // Neighbours wrap inside the cell's used area.
      const ix = Math.min(inner - 1, Math.max(0, x - cx))
      const iy = Math.min(inner - 1, Math.max(0, y - cy))
      const l = cx + ((ix + inner - 1) % inner)
      const r = cx + ((ix + 1) % inner)
      const u = cy + ((iy + inner - 1) % inner)
      const d = cy + ((iy + 1) % inner)
      const yy = cy + iy
      const xx = cx + ix
      const dx = (heightAt(r, yy) - heightAt(l, yy)) * strength
      // Canvas y runs down the tile; the tile's v (and the normal's y) runs up.
      const dy = (heightAt(xx, u) - heightAt(xx, d)) * strength
      const inv = 1 / Math.hypot(dx, dy, 1)
      const o = (y * w + x) * 4
      out[o] = Math.round((-dx * inv * 0.5 + 0.5) * 255)
      out[o + 1] = Math.round((-dy * inv * 0.5 + 0.5) * 255)
      out[o + 2] = pixels[o + 1] ?? 0
      out[o + 3] = pixels[o + 2] ?? 0
    }
  }
  return out
}
