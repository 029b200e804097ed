import * as THREE from 'three'
import { RACK_D_M, RACK_H_M, RACK_W_M, STOREY_HEIGHT_M, UNIT, type UnitKind } from '../layout'
import { atlas, type AtlasId } from './atlases'
import { tiledMaterial } from './tiledMaterial'

/** The scene's calm palette (sRGB hex). */
export const PALETTE = {
  asphalt: '#676d73',
  concrete: '#c9c7bf',
  gravel: '#b3b0a6',
  fence: '#59606a',
  steel: '#6d747b',
  penstock: '#6a5446',
  dam: '#bdbab1',
  turbine: '#f3f4f5',
  water: '#4d7d95',
  line: '#3b4046',
  tower: '#8f979e',
  trunk: '#5a4a3a',
  hover: '#ffffff',
  selected: '#f29e38',
} as const

/** Atlas and tile for each unit kind: one tile per unit along the row, full height, full depth. */
const UNIT_ATLAS: Readonly<Record<UnitKind, AtlasId>> = {
  'dry-cooler': 'dryCooler',
  'adiabatic-cooler': 'adiabatic',
  'tower-cell': 'tower',
  chiller: 'chiller',
  'seawater-hx': 'seawaterHx',
  'air-handler': 'airHandler',
  generator: 'generator',
  battery: 'battery',
  'gas-turbine': 'gasTurbine',
  transformer: 'transformer',
  'solar-block': 'solar',
}

const unitMaterials = new Map<UnitKind, THREE.Material>()

/** The tiled material of a unit kind (created on first use, shared after). */
export function unitMaterial(kind: UnitKind): THREE.Material {
  let material = unitMaterials.get(kind)
  if (!material) {
    const unit = UNIT[kind]
    material = tiledMaterial({
      atlas: atlas(UNIT_ATLAS[kind]),
      tileM: [unit.pitchM, unit.h, unit.d],
    })
    unitMaterials.set(kind, material)
  }
  return material
}

let shared: ReturnType<typeof createShared> | null = null

function createShared() {
  const lambert = (color: string, extra: THREE.MeshLambertMaterialParameters = {}) =>
    new THREE.MeshLambertMaterial({ color, ...extra })
  const flat = (color: string) =>
    lambert(color, { polygonOffset: true, polygonOffsetFactor: -1, polygonOffsetUnits: -4 })
  return {
    rack: tiledMaterial({ atlas: atlas('rack'), tileM: [RACK_W_M, RACK_H_M, RACK_D_M], glow: 1.4 }),
    building: tiledMaterial({ atlas: atlas('building'), tileM: [8, 2 * STOREY_HEIGHT_M, 8] }),
    hall: tiledMaterial({
      atlas: atlas('hall'),
      tileM: [2.4, STOREY_HEIGHT_M, 2.4],
      side: THREE.DoubleSide,
    }),
    parking: tiledMaterial({ atlas: atlas('parking'), tileM: [2.6, 1, 5.5], polygonOffset: true }),
    gantry: tiledMaterial({ atlas: atlas('plain'), tileM: [6, 6, 6] }),
    road: flat(PALETTE.asphalt),
    slab: flat(PALETTE.concrete),
    gravel: flat(PALETTE.gravel),
    fence: lambert(PALETTE.fence, { transparent: true, opacity: 0.55, depthWrite: false }),
    steel: lambert(PALETTE.steel),
    penstock: lambert(PALETTE.penstock),
    dam: lambert(PALETTE.dam),
    turbine: lambert(PALETTE.turbine),
    tower: lambert(PALETTE.tower),
    foliage: lambert('#ffffff'),
    line: new THREE.LineBasicMaterial({ color: PALETTE.line }),
    water: lambert(PALETTE.water),
    terrain: lambert('#ffffff', { vertexColors: true }),
    hoverEdges: new THREE.LineBasicMaterial({
      color: PALETTE.hover,
      depthTest: false,
      transparent: true,
    }),
    selectedEdges: new THREE.LineBasicMaterial({
      color: PALETTE.selected,
      depthTest: false,
      transparent: true,
    }),
    selectedFill: new THREE.MeshBasicMaterial({
      color: PALETTE.selected,
      transparent: true,
      opacity: 0.16,
      depthWrite: false,
    }),
    pick: new THREE.MeshBasicMaterial({ visible: false }),
  }
}

/** Materials shared by the whole scene, created once on first use. */
export function materials(): ReturnType<typeof createShared> {
  shared ??= createShared()
  return shared
}
