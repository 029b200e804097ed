/**
 * The hydro plant: a powerhouse at the foot of the mountain north of the fence, a dam at the
 * top of the slope with its reservoir basin behind it on the plateau, and penstocks that
 * follow the ground down from the dam to the powerhouse.
 */
import { switchyardClass } from '../equipment'
import { entrySpanM } from '../switchyard'
import { terrainHeightM, type Landform } from '../terrain'
import type { Placed } from '../yards'
import type { Gantry, HydroPlant, Rect, TerrainSpec } from '../types'

/** Installed MW per penstock (at most six). */
const MW_PER_PENSTOCK = 150
/** Spillway gates: 12 m wide between 3 m piers; two, plus one per 250 MW, at most eight. */
const GATE_M = 12
const PIER_M = 3
/** Stilling basin at the foot of the chute, metres deep (along z). */
const BASIN_D_M = 40

/** Gates of the spillway for a plant of `hydroMw`. */
export function spillwayGates(hydroMw: number): number {
  return Math.min(8, 2 + Math.ceil(hydroMw / 250))
}

/** The powerhouse, growing with MW, 40 m north of the fence on its axis; null without hydro. */
export function layoutPowerhouse(hydroMw: number, fence: Rect, placed: Placed): Rect | null {
  if (hydroMw <= 0) return null
  const w = Math.min(200, 30 + 0.06 * hydroMw)
  const d = Math.min(80, 24 + 0.02 * hydroMw)
  const rect: Rect = { x: 0, z: fence.z - fence.d / 2 - 40 - d / 2, w, d }
  placed.footprints.push({ kind: 'powerhouse', rect })
  return rect
}

/** The dam at the top of the slope and the reservoir basin north of it, both growing with MW. */
export function planDam(
  hydroMw: number,
  mountain: NonNullable<TerrainSpec['mountain']>,
): { readonly dam: Rect; readonly basin: Rect } {
  const damLength = Math.min(1200, 160 + 0.3 * hydroMw)
  const damZ = mountain.footZ - mountain.slopeM - 25
  const reach = Math.min(2000, 350 + 0.6 * hydroMw)
  return {
    dam: { x: 0, z: damZ, w: damLength, d: 14 },
    basin: { x: 0, z: damZ - 7 - reach / 2, w: damLength, d: reach },
  }
}

/**
 * The plant below its `powerhouse`: the dam and basin on the landform's mountain (null when
 * there is none), the penstock path sampled every ≈ 20 m down the terrain. Head: the
 * reservoir level above the powerhouse on the pad.
 */
export function layoutHydro(
  hydroMw: number,
  powerhouse: Rect,
  land: Landform,
  kv: number,
  placed: Placed,
): HydroPlant | null {
  if (land.mountain === null) return null
  const { dam, basin } = planDam(hydroMw, land.mountain)
  placed.footprints.push({ kind: 'dam', rect: dam })
  const plateauYM = land.mountain.plateauYM
  const spec: TerrainSpec = { ...land, basin, extentM: 1e6 }
  const reservoirLevelYM = plateauYM + 8
  const startZ = dam.z + dam.d / 2 + 8
  const endZ = powerhouse.z - powerhouse.d / 2
  const path = downhill(spec, 0, startZ, endZ, 2)

  // The spillway east of the powerhouse's line, as far as the dam allows; its chute runs down
  // the slope into a stilling basin at the mountain's foot.
  const gates = spillwayGates(hydroMw)
  const spillW = gates * GATE_M + (gates + 1) * PIER_M
  const spillX = Math.min(
    powerhouse.x + powerhouse.w / 2 + 40 + spillW / 2,
    dam.x + dam.w / 2 - 10 - spillW / 2,
  )
  const spillway: Rect = { x: spillX, z: dam.z, w: spillW, d: dam.d }
  const footZ = land.mountain.footZ
  const stillingBasin: Rect = { x: spillX, z: footZ + 5 + BASIN_D_M / 2, w: spillW, d: BASIN_D_M }
  placed.footprints.push({ kind: 'basin', rect: stillingBasin })
  const chutePath = downhill(spec, spillX, dam.z + dam.d / 2, stillingBasin.z - BASIN_D_M / 2, 0.5)

  const cls = switchyardClass(kv)
  const gantry: Gantry = {
    x: powerhouse.x - powerhouse.w / 2 - 10,
    z: powerhouse.z,
    yaw: Math.PI / 2,
    spanM: entrySpanM(cls),
    heightM: cls.entryHeightM,
  }
  return {
    mw: hydroMw,
    headM: reservoirLevelYM,
    dam,
    damHeightM: 40,
    damCrestYM: reservoirLevelYM + 6,
    reservoir: basin,
    reservoirLevelYM,
    powerhouse,
    penstocks: Math.min(6, Math.ceil(hydroMw / MW_PER_PENSTOCK)),
    penstockPath: path,
    spillway,
    spillwayGates: gates,
    chutePath,
    stillingBasin,
    gantry,
  }
}

/**
 * A path down the ground at `x` from `startZ` to `endZ`, sampled every ≈ 20 m, `lift` metres
 * over it; it never climbs (over a bump it runs in a cutting or tunnel).
 */
function downhill(
  spec: TerrainSpec,
  x: number,
  startZ: number,
  endZ: number,
  lift: number,
): [number, number, number][] {
  const path: [number, number, number][] = []
  const steps = Math.max(8, Math.ceil((endZ - startZ) / 20))
  let y = Infinity
  for (let i = 0; i <= steps; i++) {
    const z = startZ + ((endZ - startZ) * i) / steps
    y = Math.min(y, terrainHeightM(spec, x, z) + lift)
    path.push([x, y, z])
  }
  return path
}
