/**
 * The wind farm: one turbine per scenario turbine in staggered rows, 4 rotor diameters apart
 * across the wind and 7 along it, west of the pad and the reservoir, its south edge 250 m north
 * of the substation's centre (so north of the grid line and the access road).
 */
import type { PowerSupply } from '../../model'
import { turbineProportions } from '../equipment'
import {
  WIND_SPACING_ACROSS_D,
  WIND_SPACING_ALONG_D,
  hubHeightM,
  rotorDiameterM,
} from '../dimensions'
import type { Placed } from '../yards'
import type { Point, Rect, WindFarm } from '../types'

/** Footprint of a turbine's foundation and crane pad, metres square. */
const TURBINE_PAD_M = 20

export function layoutWind(
  power: Pick<PowerSupply, 'windTurbines' | 'windTurbineMw'>,
  pad: Rect,
  basin: Rect | null,
  substation: Rect,
  placed: Placed,
): WindFarm | null {
  const n = power.windTurbines
  if (n <= 0) return null
  const rotor = rotorDiameterM(power.windTurbineMw)
  const across = WIND_SPACING_ACROSS_D * rotor
  const along = WIND_SPACING_ALONG_D * rotor
  const cols = Math.ceil(Math.sqrt((n * WIND_SPACING_ALONG_D) / WIND_SPACING_ACROSS_D))
  const rows = Math.ceil(n / cols)
  const w = (Math.min(cols, n) - 1) * across + (rows > 1 ? across / 2 : 0) + rotor
  const d = (rows - 1) * along + rotor
  const westOf = Math.min(pad.x - pad.w / 2, basin ? basin.x - basin.w / 2 : Infinity) - 400
  const southEdge = substation.z - 250
  const rect: Rect = { x: westOf - w / 2, z: southEdge - d / 2, w, d }
  const turbines: Point[] = []
  for (let i = 0; i < n; i++) {
    const r = Math.floor(i / cols)
    const c = i % cols
    turbines.push({
      x: westOf - rotor / 2 - c * across - (r % 2) * (across / 2),
      z: southEdge - rotor / 2 - r * along,
    })
  }
  for (const t of turbines)
    placed.footprints.push({
      kind: 'turbine',
      rect: { x: t.x, z: t.z, w: TURBINE_PAD_M, d: TURBINE_PAD_M },
    })
  return {
    rect,
    turbineMw: power.windTurbineMw,
    rotorDiameterM: rotor,
    hubHeightM: hubHeightM(rotor),
    turbines,
    ...turbineProportions(rotor),
  }
}
