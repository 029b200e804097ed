import type { CampusLayout, Rect } from '../layout'
import type { CameraViewId } from '../state'

export type Vec3 = readonly [number, number, number]

export interface CameraPose {
  readonly position: Vec3
  readonly target: Vec3
}

export const CAMERA_FOV_DEG = 40

/** Distance at which a rectangle of this size fills the view (a little margin). */
function fitDistance(r: Rect, aspect: number): number {
  const half = Math.tan(((CAMERA_FOV_DEG / 2) * Math.PI) / 180)
  return Math.max(r.d / 2 / half, r.w / 2 / (half * aspect)) * 1.1
}

/**
 * Looks at `r` from the south-south-east (over the fjord on the Norwegian sites, with the
 * mountains behind), `elevationDeg` above the horizon.
 */
function obliqueAt(r: Rect, aspect: number, elevationDeg: number, targetY = 0): CameraPose {
  const el = (elevationDeg * Math.PI) / 180
  // Seen at this elevation, the rectangle's depth shrinks to about d·sin(el) on screen.
  const seen: Rect = { ...r, d: r.d * Math.sin(el) + r.w * 0.12 }
  const distance = fitDistance(seen, aspect) + 20
  const az = (-24 * Math.PI) / 180
  const horizontal = Math.cos(el) * distance
  return {
    position: [
      r.x - Math.sin(az) * horizontal,
      targetY + Math.sin(el) * distance,
      r.z + Math.cos(az) * horizontal,
    ],
    target: [r.x, targetY, r.z],
  }
}

/** The named camera views (state's CAMERA_VIEWS) for a layout; `aspect` is width over height. */
export function namedView(layout: CampusLayout, view: CameraViewId, aspect: number): CameraPose {
  switch (view) {
    case 'overview':
      return obliqueAt(grow(layout.developed, 30), aspect, 30)
    case 'top': {
      const r = grow(layout.developed, 80)
      const d = fitDistance(r, aspect)
      // A hair south of straight down, so the orbit keeps north up.
      return { position: [r.x, d, r.z + 0.01 * d], target: [r.x, 0, r.z] }
    }
    case 'hall': {
      const hall = layout.halls[0]
      if (!hall) return obliqueAt(layout.developed, aspect, 26)
      const f = hall.rackField
      const y = hall.floorYM
      return {
        position: [f.x + f.w * 0.55, y + 11, f.z + f.d * 1.15],
        target: [f.x - f.w * 0.05, y + 0.5, f.z],
      }
    }
    case 'cooling': {
      const yard = layout.yards.find((y) => y.kind === 'cooling')
      if (!yard) return obliqueAt(layout.developed, aspect, 26)
      const r = yard.rect
      const focus: Rect = { x: r.x - r.w / 4, z: r.z, w: r.w / 2, d: Math.max(r.d, 30) }
      return obliqueAt(focus, aspect, 28, 2)
    }
    case 'power':
      return powerView(layout, aspect)
  }
}

function powerView(layout: CampusLayout, aspect: number): CameraPose {
  const hydro = layout.hydro
  if (hydro) {
    const top = hydro.dam
    const bottom = hydro.powerhouse
    const span: Rect = {
      x: (top.x + bottom.x) / 2,
      z: (top.z + bottom.z) / 2,
      w: Math.max(top.w, bottom.w) + 400,
      d: Math.abs(bottom.z - top.z) + 300,
    }
    return obliqueAt(span, aspect, 24, hydro.headM * 0.45)
  }
  const wind = layout.wind
  const nearest = wind?.turbines[0]
  if (wind && nearest) {
    // The turbines nearest the campus, close enough to see the rotors turn.
    const span = Math.min(Math.max(wind.rect.w, wind.rect.d), 9 * wind.rotorDiameterM)
    const focus: Rect = { x: nearest.x - span / 3, z: nearest.z - span / 3, w: span, d: span }
    return obliqueAt(focus, aspect, 14, wind.hubHeightM)
  }
  const solar = layout.yards.find((y) => y.kind === 'solar')
  if (solar) return obliqueAt(solar.rect, aspect, 30)
  const gas = layout.yards.find((y) => y.kind === 'gas')
  if (gas) return obliqueAt(grow(gas.rect, 60), aspect, 30)
  return obliqueAt(grow(layout.substation.rect, 80), aspect, 30)
}

function grow(r: Rect, m: number): Rect {
  return { x: r.x, z: r.z, w: r.w + 2 * m, d: r.d + 2 * m }
}
