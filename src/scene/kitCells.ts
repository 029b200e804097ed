import * as THREE from 'three'

/**
 * The buildings' texture atlas, as the scene's instance data and shader see it: a grid of
 * cells, one per surface kind — roof membrane, wall cladding, curtain wall, louvres, doors,
 * loading doors, windows, concrete, rooftop plant, grating, parking, hall fit-out — and how
 * each repeats. The cells are painted by `kitPaint.ts`, loaded after the first frame so its
 * painters stay out of the initial script; `kitMaterial.ts` samples the textures.
 */

export const CELL_PX = 128
export const ATLAS_COLS = 8
export const ATLAS_ROWS = 4
/** Pixels left round each cell's used area, so mipmaps bleed less between neighbours. */
export const CELL_PAD_PX = 2

/** How a cell repeats: one tile every `u` × `v` metres (0: stretched once over the face). */
export interface CellTile {
  readonly u: number
  readonly v: number
  /** Its light (B of the material pass) is always on: hall luminaires, screens. */
  readonly alwaysLit?: boolean
}

const TILES = {
  /** Roof membrane: light grey single-ply with seams every 2 m (tile 8 m). */
  roof: { u: 8, v: 8 },
  /** Wall cladding: light trapezoidal ribs every 0.25 m (tile 1 m wide, 6 m tall). */
  cladding: { u: 1, v: 6 },
  /** Darker cladding for stair cores and the gate house's base. */
  claddingDark: { u: 1, v: 6 },
  /** Curtain wall: 1.5 m mullion bays, 4 m storeys, spandrel at the floor, glass above. */
  curtainWall: { u: 1.5, v: 4 },
  /** Louvre bank: horizontal blades 0.1 m apart (tile 1 × 0.5 m) in a frame. */
  louvre: { u: 1, v: 0.5 },
  /** Double steel door with frame and vision panels (stretched over the opening). */
  door: { u: 0, v: 0 },
  /** Glazed entrance doors under a canopy line (stretched). */
  entrance: { u: 0, v: 0 },
  /** Sectional overhead door in a black dock seal, yellow bumpers (stretched). */
  loadingDoor: { u: 0, v: 0 },
  /** Window: glass in a light frame, 1.2 m panes (tile 1.2 m wide, stretched in height). */
  window: { u: 1.2, v: 0 },
  /** Cast concrete (plinths, kerbs, gate house base). */
  concrete: { u: 3, v: 3 },
  /** Metal coping and flashing on the parapet. */
  coping: { u: 2, v: 2 },
  /** Air handler casing: panels, access doors, an intake louvre (stretched per side). */
  ahuSide: { u: 0, v: 0 },
  /** Air handler from above: two fan outlets and service panels (stretched). */
  ahuTop: { u: 0, v: 0 },
  /** Walkway grating (tile 0.5 m). */
  grating: { u: 0.5, v: 0.5 },
  /** Parking: asphalt with a double row of 2.5 × 5 m stalls across a 6.5 m aisle (one module). */
  parking: { u: 2.5, v: 16.5 },
  /** Barrier arm: red and white (tile 1 m). */
  barrier: { u: 1, v: 0 },
  /** Palisade gate leaf: vertical steel pales (tile 1 × 2.4 m). */
  palisade: { u: 1, v: 2.4 },
  /** Ribbon windows over a solid base (gate house): tile 2 m × its height. */
  ribbon: { u: 2, v: 0 },
  /** Containment roof panels: pale translucent-looking panels in a frame (tile 1.2 × 0.6 m). */
  containmentRoof: { u: 1.2, v: 0.6 },
  /** Containment door: sliding glazed leaves in an aluminium frame, a sign (stretched). */
  containmentDoor: { u: 0, v: 0 },
  /** CDU front: white cabinet, a lit status screen, vents (stretched). */
  cdu: { u: 0, v: 0, alwaysLit: true },
  /** Side and top of a cabinet (CDU, air handler in the hall). */
  cabinet: { u: 0, v: 0 },
  /** Hall air handler front: three fans behind grilles (stretched). */
  crah: { u: 0, v: 0 },
  /** Busway: copper-grey housing with a joint every 3 m and tap-off boxes. */
  busway: { u: 3, v: 0 },
  /** Cable tray: yellow wire mesh (tile 0.3 m). */
  tray: { u: 0.3, v: 0.3 },
  /** Painted steel (beams, gate posts). */
  steel: { u: 0, v: 0 },
  /** Linear luminaire: always lit (tile 1.2 m). */
  luminaire: { u: 1.2, v: 0, alwaysLit: true },
} satisfies Record<string, CellTile>

export type CellId = keyof typeof TILES

/** Every cell, in atlas order (row by row from the top left). */
export const CELL_IDS = Object.keys(TILES) as CellId[]

/** The atlas index of a cell. */
export const CELL: Readonly<Record<CellId, number>> = Object.fromEntries(
  CELL_IDS.map((id, i) => [id, i]),
) as Record<CellId, number>

/** Per cell: tile u, v (metres; 0 stretched) and whether it is always lit. */
export function cellTiles(): THREE.Vector4[] {
  const out: THREE.Vector4[] = []
  for (let i = 0; i < ATLAS_COLS * ATLAS_ROWS; i++) {
    const id = CELL_IDS[i]
    const tile: CellTile | undefined = id ? TILES[id] : undefined
    out.push(new THREE.Vector4(tile?.u ?? 0, tile?.v ?? 0, tile?.alwaysLit ? 1 : 0, 0))
  }
  return out
}
