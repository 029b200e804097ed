/**
 * The substation as an air-insulated switchyard. West to east: a line-entry gantry for each
 * incoming line (the line lands on it), the line's bay (disconnector, breaker), a north–south
 * main busbar on gantries; then rows of grid transformers, each row with a bay band north of it:
 * an east–west busbar on gantries fed from the main busbar, and per transformer a bay
 * (disconnector, breaker) down to its HV bushings.
 */
import { UNIT } from './dimensions'
import { BAY_APPARATUS, TRANSFORMER, switchyardClass, type SwitchyardClass } from './equipment'
import type { PackedRow } from './yards'
import type { BayApparatus, Gantry, Point3, Rect, Switchyard, UnitRow, Wire } from './types'

/** Transformers per substation row, at most. */
export const TRANSFORMERS_PER_ROW = 8
/** Clear ground south of the last transformer row and east of the rows, metres. */
const SOUTH_CLEARANCE_M = 24
const EAST_SIDE_M = 12
/** Sag of busbar spans and of bay connections, metres. */
const BUS_SAG_M = 0.5
const DROP_SAG_M = 0.8
/** Longest busbar span between gantries, metres. */
const MAX_BUS_SPAN_M = 30

export type LineSource = 'grid' | 'hydro'

export interface SubstationPlan {
  readonly mva: number
  readonly kv: number
  readonly cls: SwitchyardClass
  /** Incoming lines, north to south, and their entry gantries' distance from the top, metres. */
  readonly lines: readonly LineSource[]
  readonly entryDz: readonly number[]
  readonly transformerRows: readonly PackedRow[]
  /** Width of the band west of the transformer rows (line entries, line bays, main busbar). */
  readonly westBandM: number
  readonly w: number
  readonly d: number
}

/** The span of a line-entry gantry: six conductors (two circuits) `phaseM` apart. */
export function entrySpanM(cls: SwitchyardClass): number {
  return 7 * cls.phaseM
}

/** The span of a busbar gantry: three phases `phaseM` apart. */
export function busSpanM(cls: SwitchyardClass): number {
  return 4 * cls.phaseM
}

/**
 * Sizes the switchyard for `mva` at `kv`: 250 MVA transformers (at least two, up to eight a
 * row), each row behind its bay band; a west band for the main busbar and the line bays; deep
 * enough for every incoming line's entry gantry.
 */
export function planSubstation(
  mva: number,
  kv: number,
  lines: readonly LineSource[],
): SubstationPlan {
  const cls = switchyardClass(kv)
  const unit = UNIT.transformer
  const count = Math.max(2, Math.ceil(mva / unit.ratingMw))
  const perRow = Math.min(count, TRANSFORMERS_PER_ROW)
  const transformerRows: PackedRow[] = []
  let d = 0
  for (let left = count; left > 0; left -= perRow) {
    d += cls.bandM
    transformerRows.push({ kind: 'transformer', count: Math.min(perRow, left), dz: d + unit.d / 2 })
    d += unit.d
  }
  const entryPitch = entrySpanM(cls) + 10
  const entryDz = lines.map((_, i) => 8 + entryPitch * (i + 0.5))
  const depth = Math.max(d + SOUTH_CLEARANCE_M, 8 + entryPitch * lines.length + 4)
  const westBandM = 40 + 5 * cls.phaseM
  return {
    mva,
    kv,
    cls,
    lines,
    entryDz,
    transformerRows,
    westBandM,
    w: westBandM + perRow * unit.pitchM + EAST_SIDE_M,
    d: depth,
  }
}

/**
 * The switchyard's gantries, bay apparatus and conductors in the substation's `rect`, with the
 * transformer rows already placed (`rows`, north to south).
 */
export function layoutSwitchyard(
  plan: SubstationPlan,
  rect: Rect,
  rows: readonly UnitRow[],
): Switchyard {
  const { cls } = plan
  const P = cls.phaseM
  const H = cls.busHeightM
  const mainH = H + 3
  const west = rect.x - rect.w / 2
  const top = rect.z - rect.d / 2
  const gantries: Gantry[] = []
  const apparatus: BayApparatus[] = []
  const wires: Wire[] = []
  const wire = (a: Point3, b: Point3, sagM: number) => wires.push({ a, b, sagM })
  const breakerH = BAY_APPARATUS.breaker.heightM
  const discH = BAY_APPARATUS.disconnector.heightM

  // Main busbar, north to south, on gantries whose beams run east–west.
  const mainX = west + plan.westBandM - 8 - 2 * P
  const mainPhase = (k: number) => mainX + (k - 1) * P
  const mainStops: number[] = []

  // Line entries: gantry, then per circuit a disconnector and a breaker, then up to the bus.
  const entryX = west + 6
  const lineDiscX = west + 15
  const lineBreakerX = west + 23
  const entries: { from: LineSource; gantry: number }[] = []
  plan.lines.forEach((from, i) => {
    const z = top + (plan.entryDz[i] ?? 0)
    entries.push({ from, gantry: gantries.length })
    gantries.push({
      x: entryX,
      z,
      yaw: Math.PI / 2,
      spanM: entrySpanM(cls),
      heightM: cls.entryHeightM,
    })
    for (const circuit of [-1, 1]) {
      const cz = z + circuit * 1.5 * P
      apparatus.push(
        { kind: 'disconnector', x: lineDiscX, z: cz, yaw: Math.PI / 2 },
        { kind: 'breaker', x: lineBreakerX, z: cz, yaw: Math.PI / 2 },
      )
      for (let k = 0; k < 3; k++) {
        const gz = z + circuit * (0.5 + k) * P
        const pz = cz + (k - 1) * cls.poleM * circuit
        wire([entryX, cls.entryHeightM, gz], [lineDiscX, discH, pz], DROP_SAG_M)
        wire([lineDiscX, discH, pz], [lineBreakerX, breakerH, pz], DROP_SAG_M * 0.5)
        wire([lineBreakerX, breakerH, pz], [mainPhase(k), mainH, pz], DROP_SAG_M)
        mainStops.push(pz)
      }
    }
  })

  // Each transformer row: an east–west busbar in its bay band, a bay to each transformer.
  const unit = UNIT.transformer
  for (const row of rows) {
    const rowTop = row.z - unit.d / 2
    const busZ = rowTop - cls.bandM + 2 + 2 * P
    const busPhaseZ = (k: number) => busZ + (k - 1) * P
    const firstX = row.x - (row.count * row.pitchM) / 2
    const stops: number[] = [mainX + 2 * P + 2]
    for (let j = 0; j <= row.count; j++) stops.push(firstX + j * row.pitchM)
    for (const x of stops.slice(1))
      gantries.push({ x, z: busZ, yaw: Math.PI / 2, spanM: busSpanM(cls), heightM: H })
    for (let k = 0; k < 3; k++) {
      for (let s = 0; s + 1 < stops.length; s++)
        wire([stops[s] ?? 0, H, busPhaseZ(k)], [stops[s + 1] ?? 0, H, busPhaseZ(k)], BUS_SAG_M)
      // Fed from the main busbar above.
      wire([mainPhase(k), mainH, busPhaseZ(k)], [stops[0] ?? 0, H, busPhaseZ(k)], DROP_SAG_M)
      mainStops.push(busPhaseZ(k))
    }
    const breakerZ = rowTop - 7
    const discZ = breakerZ - 7
    for (let j = 0; j < row.count; j++) {
      const cx = firstX + (j + 0.5) * row.pitchM
      apparatus.push(
        { kind: 'disconnector', x: cx, z: discZ, yaw: 0 },
        { kind: 'breaker', x: cx, z: breakerZ, yaw: 0 },
      )
      for (let k = 0; k < 3; k++) {
        const px = cx + (k - 1) * cls.poleM
        wire([px, H, busPhaseZ(k)], [px, discH, discZ], DROP_SAG_M)
        wire([px, discH, discZ], [px, breakerH, breakerZ], DROP_SAG_M * 0.5)
        wire(
          [px, breakerH, breakerZ],
          [
            cx + (k - 1) * TRANSFORMER.bushingSpacingM,
            TRANSFORMER.tankHeightM + TRANSFORMER.hvBushingM,
            row.z - TRANSFORMER.tankWidthM / 2 + 0.7,
          ],
          DROP_SAG_M,
        )
      }
    }
  }

  // Gantries along the main busbar: at its ends and at most MAX_BUS_SPAN_M apart.
  if (mainStops.length > 0) {
    const north = Math.min(...mainStops) - P
    const south = Math.max(...mainStops) + P
    const spans = Math.max(1, Math.ceil((south - north) / MAX_BUS_SPAN_M))
    const zs: number[] = []
    for (let i = 0; i <= spans; i++) zs.push(north + ((south - north) * i) / spans)
    for (const z of zs) gantries.push({ x: mainX, z, yaw: 0, spanM: busSpanM(cls), heightM: mainH })
    for (let k = 0; k < 3; k++)
      for (let i = 0; i + 1 < zs.length; i++)
        wire([mainPhase(k), mainH, zs[i] ?? 0], [mainPhase(k), mainH, zs[i + 1] ?? 0], BUS_SAG_M)
  }
  return { kv: cls.kv, phaseM: P, poleM: cls.poleM, gantries, apparatus, wires, entries }
}
