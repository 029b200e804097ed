/**
 * Invariants of the plant's built detail (switchyard, stacks, lights, pipe racks, inverter
 * skids, trackers, hydro spillway, seawater works) for any layout: the violations found, each
 * naming the part and the rule it breaks (empty when it keeps them all). Used by
 * tests/layout.test.ts for every campus it checks, and by tests/layout-plant.test.ts.
 */
import {
  AVIATION_LIGHT_MIN_M,
  UNIT,
  rectContains,
  rectsOverlap,
  unitRect,
  type CampusLayout,
  type Gantry,
  type Rect,
} from '../src/layout'

const at = (r: Rect) =>
  `(${r.x.toFixed(1)}, ${r.z.toFixed(1)}) ${r.w.toFixed(1)} × ${r.d.toFixed(1)} m`

/** The ground a gantry stands on: its two legs and the line between them, 1 m wide. */
export function gantryRect(g: Gantry): Rect {
  const alongX = Math.abs(Math.cos(g.yaw)) > 0.5
  return alongX
    ? { x: g.x, z: g.z, w: g.spanM + 1, d: 1 }
    : { x: g.x, z: g.z, w: 1, d: g.spanM + 1 }
}

/** The ground of a bay's three poles (each about a metre across). */
function apparatusRect(a: { x: number; z: number; yaw: number }, poleM: number): Rect {
  const along = 2 * poleM + 1.2
  return Math.abs(Math.cos(a.yaw)) > 0.5
    ? { x: a.x, z: a.z, w: along, d: 1.2 }
    : { x: a.x, z: a.z, w: 1.2, d: along }
}

export function plantViolations(layout: CampusLayout): string[] {
  const out: string[] = []
  const add = (rule: string, detail: string) => {
    if (out.filter((o) => o.startsWith(rule)).length < 5) out.push(`${rule}: ${detail}`)
  }
  const plant = layout.plant
  const sub = layout.substation.rect
  const sw = plant.switchyard

  // Switchyard: every gantry, apparatus and conductor inside the substation, none on a
  // transformer; one entry gantry per incoming line, where that line lands.
  const transformers = layout.unitRows
    .filter((r) => r.kind === 'transformer')
    .flatMap((r) => Array.from({ length: r.count }, (_, i) => unitRect(r, i)))
  const solids = [
    ...sw.gantries.map((g, i) => ({ what: `gantry ${i}`, rect: gantryRect(g) })),
    ...sw.apparatus.map((a, i) => ({
      what: `${a.kind} ${i}`,
      rect: apparatusRect(a, sw.poleM),
    })),
  ]
  for (const s of solids) {
    if (!rectContains(sub, s.rect))
      add('switchyard part outside the substation', `${s.what} at ${at(s.rect)}`)
    for (const t of transformers)
      if (rectsOverlap(s.rect, t)) add('switchyard part on a transformer', `${s.what}`)
  }
  for (let i = 0; i < solids.length; i++)
    for (let j = i + 1; j < solids.length; j++) {
      const a = solids[i]
      const b = solids[j]
      if (a && b && rectsOverlap(a.rect, b.rect))
        add('switchyard parts overlap', `${a.what} and ${b.what}`)
    }
  sw.wires.forEach((w, i) => {
    for (const p of [w.a, w.b]) {
      if (!rectContains(sub, { x: p[0], z: p[2], w: 0, d: 0 }))
        add('conductor outside the substation', `wire ${i}`)
      if (!(p[1] > 0)) add('conductor on the ground', `wire ${i}`)
    }
  })
  for (const line of layout.lines) {
    const entry = sw.entries.find((e) => e.from === line.from)
    const g = entry ? sw.gantries[entry.gantry] : undefined
    const landing = line.from === 'grid' ? line.start : line.end
    if (!g || Math.hypot(g.x - landing.x, g.z - landing.z) > 1e-6)
      add('line not landing on its gantry', `${line.from} line`)
  }
  if (sw.entries.length !== layout.lines.length)
    add('entry gantries', `${sw.entries.length} for ${layout.lines.length} lines`)
  const breakers = sw.apparatus.filter((a) => a.kind === 'breaker').length
  if (breakers !== transformers.length + 2 * sw.entries.length)
    add(
      'breakers',
      `${breakers} for ${transformers.length} transformers, ${sw.entries.length} lines`,
    )

  // Gas-turbine stacks: one on each package; lights on every nacelle and every tall stack.
  const turbines = layout.unitRows
    .filter((r) => r.kind === 'gas-turbine')
    .flatMap((r) => Array.from({ length: r.count }, (_, i) => unitRect(r, i)))
  if (plant.stacks.length !== turbines.length)
    add('stacks', `${plant.stacks.length} for ${turbines.length} gas turbines`)
  plant.stacks.forEach((s, i) => {
    const r = { x: s.x, z: s.z, w: s.diameterM, d: s.diameterM }
    if (!turbines.some((t) => rectContains(t, r))) add('stack off its package', `stack ${i}`)
  })
  const tall = plant.stacks.filter((s) => s.heightM >= AVIATION_LIGHT_MIN_M).length
  const expectedLights = (layout.wind?.turbines.length ?? 0) + tall
  if (plant.aviationLights.length !== expectedLights)
    add('aviation lights', `${plant.aviationLights.length}, expected ${expectedLights}`)
  if (layout.wind)
    for (const l of plant.aviationLights.slice(0, layout.wind.turbines.length))
      if (l.heightM <= layout.wind.hubHeightM)
        add('aviation light below the hub', at({ ...l, w: 0, d: 0 }))

  // Pipe racks: one per cooling yard, in the gap between its building and the yard, its pipes
  // fitting across it.
  const coolingYards = layout.yards.filter((y) => y.kind === 'cooling')
  if (plant.pipeRacks.length !== coolingYards.length)
    add('pipe racks', `${plant.pipeRacks.length} for ${coolingYards.length} cooling yards`)
  for (const rack of plant.pipeRacks) {
    const b = layout.buildings[rack.building]
    const yard = coolingYards.find((y) => y.building === rack.building)
    if (!b || !yard) {
      add('pipe rack without its building and yard', `building ${rack.building}`)
      continue
    }
    const north = rack.rect.z - rack.rect.d / 2
    const south = rack.rect.z + rack.rect.d / 2
    if (north < b.rect.z + b.rect.d / 2 || south > yard.rect.z - yard.rect.d / 2)
      add('pipe rack not between building and yard', `building ${rack.building}`)
    const perLevel = Math.ceil(rack.pipes / rack.levels)
    if (perLevel * (rack.boreM + 0.3) > rack.rect.d)
      add('pipes do not fit the rack', `building ${rack.building}: ${rack.pipes} × ${rack.boreM} m`)
  }

  // Inverter skids: inside their yard, off its units and each other.
  const units = new Map<number, Rect[]>()
  layout.unitRows.forEach((r) => {
    // Solar stations stand in their block's road, among its trackers (checked below).
    if (r.kind === 'solar-block') return
    const list = units.get(r.yard) ?? []
    for (let i = 0; i < r.count; i++) list.push(unitRect(r, i))
    units.set(r.yard, list)
  })
  plant.inverters.forEach((skid, i) => {
    const yard = layout.yards[skid.yard]
    if (!yard || !rectContains(yard.rect, skid.rect))
      add('inverter outside its yard', `skid ${i} at ${at(skid.rect)}`)
  })
  const skidRects = plant.inverters.map((s) => s.rect)
  // A skid inside its yard can only stand on that yard's units (yards never overlap).
  const skidYards = new Set(plant.inverters.map((s) => s.yard))
  const unitRects = [...units].filter(([yard]) => skidYards.has(yard)).flatMap(([, r]) => r)
  if (crossOverlaps(skidRects, unitRects)) add('inverter on a unit', '')
  if (crossOverlaps(skidRects, skidRects, true)) add('inverters overlap', '')
  const skidsBy = (kind: string) =>
    plant.inverters.filter((s) => layout.yards[s.yard]?.kind === kind).length
  const solar = layout.yards.find((y) => y.kind === 'solar')
  if (skidsBy('solar') !== (solar?.units ?? 0))
    add('solar stations', `${skidsBy('solar')} for ${solar?.units ?? 0} blocks`)
  const battery = layout.yards.find((y) => y.kind === 'battery')
  if (battery && skidsBy('battery') < Math.ceil(battery.units / 4))
    add('battery inverters', `${skidsBy('battery')} for ${battery.units} containers`)

  // Trackers: rows inside their block, apart, clear of the station in the middle road.
  const t = plant.trackers
  if ((t === null) !== (solar === undefined)) add('trackers', 'present without a solar field')
  if (t) {
    const block = UNIT['solar-block']
    if (t.rowsPerBlock * t.rowPitchM > block.w + 1e-6) add('tracker rows wider than the block', '')
    if (t.rowPitchM <= t.panelWidthM) add('tracker rows overlap', `pitch ${t.rowPitchM} m`)
    if (t.trackerOffsetM + t.trackerLengthM / 2 > block.d / 2 + 1e-6)
      add('trackers outside the block', `${t.trackerOffsetM} m`)
    if (t.trackerOffsetM - t.trackerLengthM / 2 < 2 * 2.4)
      add('trackers on the inverter station', `${t.trackerOffsetM} m`)
  }

  // Hydro: the spillway on the dam, the chute down into the stilling basin outside the fence.
  const h = layout.hydro
  if (h) {
    if (!rectContains(h.dam, h.spillway)) add('spillway off the dam', at(h.spillway))
    if (rectsOverlap(h.stillingBasin, layout.fence)) add('stilling basin inside the fence', '')
    const ys = h.chutePath.map((p) => p[1])
    for (let i = 1; i < ys.length; i++)
      if ((ys[i] ?? 0) > (ys[i - 1] ?? 0) + 1e-6) add('chute climbs', `at point ${i}`)
    const last = h.chutePath[h.chutePath.length - 1]
    if (!last || Math.abs(last[2] - (h.stillingBasin.z - h.stillingBasin.d / 2)) > 1e-6)
      add('chute does not reach the basin', '')
  }

  // Seawater: the outfall headwall and the intake head beyond the fence, south of the plots.
  const sea = layout.intake
  if (sea) {
    if (rectsOverlap(sea.outfall, layout.fence)) add('outfall inside the fence', at(sea.outfall))
    if (sea.intakeHead.z <= sea.pumphouse.z) add('intake head not offshore', '')
  }
  return out
}

/**
 * Whether any rectangle of `a` overlaps one of `b` (or, with `same`, two of `a` overlap each
 * other): a sweep along x, so tens of thousands stay cheap.
 */
function crossOverlaps(a: readonly Rect[], b: readonly Rect[], same = false): boolean {
  type Item = { r: Rect; set: 0 | 1; i: number }
  const items: Item[] = [
    ...a.map((r, i) => ({ r, set: 0 as const, i })),
    ...(same ? [] : b.map((r, i) => ({ r, set: 1 as const, i }))),
  ].sort((p, q) => p.r.x - p.r.w / 2 - (q.r.x - q.r.w / 2))
  for (let k = 0; k < items.length; k++) {
    const p = items[k] as Item
    const east = p.r.x + p.r.w / 2
    for (let m = k + 1; m < items.length; m++) {
      const q = items[m] as Item
      if (q.r.x - q.r.w / 2 >= east) break
      if ((same || p.set !== q.set) && rectsOverlap(p.r, q.r)) return true
    }
  }
  return false
}
