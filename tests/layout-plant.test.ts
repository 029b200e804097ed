import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_SCENARIO,
  decodeClimate,
  simulate,
  type Climate,
  type Scenario,
  type SiteId,
  usesSiteGrid,
} from '../src/model'
import {
  FANS,
  GAS_STACK,
  GENSET,
  INVERTER_SKID,
  TRACKER,
  TRANSFORMER,
  UNIT,
  fanOffsets,
  hubHeightM,
  layoutCampus,
  pipesFor,
  rotorDiameterM,
  switchyardClass,
  towerHeightM,
  turbineProportions,
  type CampusLayout,
  type UnitKind,
} from '../src/layout'
import { planBatteryYard } from '../src/layout/yards'
import { spillwayGates } from '../src/layout/feeds/hydro'
import { planSubstation } from '../src/layout/switchyard'
import { plantViolations } from './plantInvariants'

/**
 * The plant's built detail at true scale (sizes against product classes and published
 * dimensions, stated per test), its counts per scenario, and that only what the scenario
 * supplies is drawn. Readouts come from the model with each site's climate asset.
 */

const climates = new Map<SiteId, Climate>()
function layoutOf(s: Scenario): CampusLayout {
  let c = climates.get(s.site)
  if (!c) {
    c = decodeClimate(JSON.parse(readFileSync(`assets/climate/${s.site}.json`, 'utf8')))
    climates.set(s.site, c)
  }
  return layoutCampus(s, simulate(s, c).readouts)
}

function scenario(
  patch: Partial<Omit<Scenario, 'power'>> & { power?: Partial<Scenario['power']> },
): Scenario {
  const { power, ...rest } = patch
  return { ...DEFAULT_SCENARIO, ...rest, power: { ...DEFAULT_SCENARIO.power, ...power } }
}

const NONE = { gridMw: 0, hydroMw: 0, windTurbines: 0, solarMw: 0, gasMw: 0, batteryMwh: 0 }
// A model year per layout: these get 10 s and stay far under it.
const YEARLY = { timeout: 10_000 }

describe('plant at true scale', () => {
  it('sizes a 5 MW wind turbine like the onshore fleet: ~130 m hub, ~155 m rotor', () => {
    // LBNL Land-Based Wind Market Report 2024: new 5 MW-class rotors 150–170 m, hubs 100–150 m.
    const rotor = rotorDiameterM(5)
    expect(rotor).toBeGreaterThan(145)
    expect(rotor).toBeLessThan(165)
    const hub = hubHeightM(rotor)
    expect(hub).toBeGreaterThanOrEqual(120)
    expect(hub).toBeLessThanOrEqual(150)
    // Tower 4–5 m at the base (road-transport limit ≈ 4.5 m), 2.5–3.5 m at the top; nacelle
    // 12–16 m long; blade root chord 3.5–5 m.
    const p = turbineProportions(rotor)
    expect(p.towerBaseM).toBeGreaterThan(4)
    expect(p.towerBaseM).toBeLessThan(5)
    expect(p.towerTopM).toBeGreaterThan(2.5)
    expect(p.towerTopM).toBeLessThan(3.5)
    expect(p.nacelleLengthM).toBeGreaterThan(12)
    expect(p.nacelleLengthM).toBeLessThan(16)
    expect(p.bladeChordM).toBeGreaterThan(3.5)
    expect(p.bladeChordM).toBeLessThan(5)
  })

  it('puts 1.8–2.5 m fans on dry and adiabatic coolers, all fans inside their unit and apart', () => {
    for (const kind of ['dry-cooler', 'adiabatic-cooler'] as const) {
      const fans = FANS[kind]
      expect(fans?.diameterM).toBeGreaterThanOrEqual(1.8)
      expect(fans?.diameterM).toBeLessThanOrEqual(2.5)
    }
    // Tower cells: a 28–32 ft fan in a 40 ft cell; chiller fans under a metre.
    expect(FANS['tower-cell']?.diameterM).toBeGreaterThan(8.5)
    expect(FANS.chiller?.diameterM).toBeLessThan(1)
    for (const [kind, fans] of Object.entries(FANS) as [
      UnitKind,
      NonNullable<(typeof FANS)[UnitKind]>,
    ][]) {
      const unit = UNIT[kind]
      const offsets = fanOffsets(kind, unit)
      expect(offsets).toHaveLength(fans.across * fans.along)
      const r = fans.diameterM / 2
      for (const o of offsets) {
        expect(Math.abs(o.x) + r, kind).toBeLessThanOrEqual(unit.w / 2)
        expect(Math.abs(o.z) + r, kind).toBeLessThanOrEqual(unit.d / 2)
      }
      for (let i = 0; i < offsets.length; i++)
        for (let j = i + 1; j < offsets.length; j++) {
          const a = offsets[i]
          const b = offsets[j]
          if (a && b) expect(Math.hypot(a.x - b.x, a.z - b.z), kind).toBeGreaterThanOrEqual(2 * r)
        }
    }
  })

  it('draws 250 MVA transformers 8–12 m long that fit their place in the row', () => {
    // Published outlines of 250 MVA, 400/132 kV units: tanks 8–9 m, 11–12 m over coolers.
    expect(TRANSFORMER.lengthM).toBeGreaterThanOrEqual(8)
    expect(TRANSFORMER.lengthM).toBeLessThanOrEqual(12)
    expect(TRANSFORMER.lengthM).toBeLessThanOrEqual(UNIT.transformer.w)
    const width = TRANSFORMER.tankWidthM + 2 * (TRANSFORMER.radiatorDepthM + 0.2)
    expect(width).toBeLessThanOrEqual(UNIT.transformer.d)
    expect(TRANSFORMER.tankHeightM + TRANSFORMER.hvBushingM).toBeLessThan(
      switchyardClass(132).busHeightM,
    )
    expect(3 * TRANSFORMER.bushingSpacingM).toBeLessThan(TRANSFORMER.tankLengthM)
  })

  it('sizes stacks, gantries, towers, trackers and skids like their classes', () => {
    // Aeroderivative simple-cycle stacks 25–40 m, 3–4 m across; gen-set stacks above a 40 ft
    // container (2.9 m) by a few metres.
    expect(GAS_STACK.heightM).toBeGreaterThanOrEqual(25)
    expect(GAS_STACK.heightM).toBeLessThanOrEqual(40)
    expect(GAS_STACK.diameterM).toBeLessThan(UNIT['gas-turbine'].w)
    expect(GENSET.stackTopM).toBeGreaterThan(UNIT.generator.h)
    expect(GENSET.stackTopM).toBeLessThan(10)
    // Higher voltages: wider phase spacing, taller gantries and towers.
    const [a, b, c] = [132, 230, 400].map(switchyardClass)
    for (const [lo, hi] of [
      [a, b],
      [b, c],
    ] as const) {
      expect(hi?.phaseM).toBeGreaterThan(lo?.phaseM ?? Infinity)
      expect(hi?.busHeightM).toBeGreaterThan(lo?.busHeightM ?? Infinity)
      expect(hi?.entryHeightM).toBeGreaterThan(lo?.busHeightM ?? Infinity)
    }
    expect(towerHeightM(400)).toBeGreaterThan(towerHeightM(230))
    expect(towerHeightM(230)).toBeGreaterThan(towerHeightM(132))
    // 1P trackers: one 2.2–2.5 m module up, the axis about 2 m high, ±60° (industry range).
    expect(TRACKER.panelWidthM).toBeGreaterThanOrEqual(2.2)
    expect(TRACKER.panelWidthM).toBeLessThanOrEqual(2.5)
    expect(INVERTER_SKID.d).toBeLessThan(UNIT.battery.d)
  })

  it('sizes the pipes on a pipe rack from the heat at 2.5 m/s and a 10 K rise', () => {
    // 100 MW at 10 K: 2.39 m³/s; at 2.5 m/s 0.957 m² — one 1.10 m pipe each way.
    const one = pipesFor(100)
    expect(one.perDirection).toBe(1)
    expect(one.boreM).toBeCloseTo(Math.sqrt((4 * 0.957) / Math.PI), 2)
    const big = pipesFor(600)
    expect(big.perDirection).toBeGreaterThan(one.perDirection)
    expect(big.boreM).toBeLessThanOrEqual(1.2)
  })
})

describe('switchyard', () => {
  it('gives each incoming line an entry gantry and each transformer and line a bay', () => {
    const plan = planSubstation(1200, 230, ['hydro', 'grid'])
    expect(plan.entryDz).toHaveLength(2)
    expect(plan.transformerRows.reduce((n, r) => n + r.count, 0)).toBe(5)
    expect(plan.entryDz[1]! - plan.entryDz[0]!).toBeGreaterThanOrEqual(7 * plan.cls.phaseM)
    expect(plan.d).toBeGreaterThanOrEqual(plan.entryDz[1]! + 3.5 * plan.cls.phaseM)
  })

  it(
    'lands the scenario’s lines: the site’s grid by default, hydro and grid, none for wind alone',
    YEARLY,
    () => {
      const entries = (l: CampusLayout) => l.plant.switchyard.entries.map((e) => e.from)
      // No supply of its own: the site's grid comes in (the model's usesSiteGrid).
      const narvik = layoutOf(DEFAULT_SCENARIO)
      expect(usesSiteGrid(DEFAULT_SCENARIO)).toBe(true)
      expect(entries(narvik)).toEqual(['grid'])
      const hydroOnly = layoutOf(scenario({ power: { ...NONE, hydroMw: 250 } }))
      expect(entries(hydroOnly)).toEqual(['hydro'])
      const both = layoutOf(scenario({ power: { gridMw: 200, hydroMw: 250 } }))
      expect(entries(both)).toEqual(['hydro', 'grid'])
      // Hydro's line lands north of the grid's, so the two never cross.
      const [h, g] = both.plant.switchyard.entries.map(
        (e) => both.plant.switchyard.gantries[e.gantry]?.z ?? NaN,
      )
      expect(h).toBeLessThan(g ?? -Infinity)
      const windOnly = layoutOf(scenario({ power: { ...NONE, windTurbines: 20 } }))
      expect(entries(windOnly)).toEqual([])
      expect(windOnly.lines).toEqual([])
      for (const l of [narvik, hydroOnly, both, windOnly]) {
        expect(plantViolations(l)).toEqual([])
        const sw = l.plant.switchyard
        const tx = l.transformers.length
        expect(sw.apparatus.filter((a) => a.kind === 'breaker')).toHaveLength(
          tx + 2 * sw.entries.length,
        )
        expect(sw.apparatus.filter((a) => a.kind === 'disconnector')).toHaveLength(
          tx + 2 * sw.entries.length,
        )
        // A busbar gantry at each end of every transformer.
        expect(sw.gantries.length).toBeGreaterThanOrEqual(tx + sw.entries.length + 2)
      }
    },
  )
})

describe('plant per scenario', () => {
  it(
    'lights every nacelle and every stack of 30 m or more, nothing without turbines or gas',
    YEARLY,
    () => {
      const wind = layoutOf(scenario({ power: { windTurbines: 300, windTurbineMw: 5 } }))
      expect(wind.plant.aviationLights).toHaveLength(300)
      const hub = wind.wind?.hubHeightM ?? Infinity
      for (const l of wind.plant.aviationLights) expect(l.heightM).toBeGreaterThan(hub)
      expect(plantViolations(wind)).toEqual([])
      expect(layoutOf(DEFAULT_SCENARIO).plant.aviationLights).toEqual([])

      const gas = layoutOf(
        scenario({ site: 'abilene', power: { ...NONE, gridMw: 750, gasMw: 360 } }),
      )
      expect(gas.plant.stacks).toHaveLength(8)
      expect(gas.plant.aviationLights).toHaveLength(8)
      for (const s of gas.plant.stacks) expect(s.heightM).toBe(GAS_STACK.heightM)
      expect(plantViolations(gas)).toEqual([])
    },
  )

  it('fills solar blocks with tracker rows for the DC of their rating', YEARLY, () => {
    const l = layoutOf(scenario({ site: 'phoenix', power: { ...NONE, gridMw: 100, solarMw: 200 } }))
    const t = l.plant.trackers
    if (!t) throw new Error('no trackers')
    const block = UNIT['solar-block']
    // DC at least the block's AC rating × 1.3, within one row of it.
    const rowMw = t.dcMwPerBlock / t.rowsPerBlock
    expect(t.dcMwPerBlock).toBeGreaterThanOrEqual(block.ratingMw * TRACKER.dcAcRatio)
    expect(t.dcMwPerBlock - rowMw).toBeLessThan(block.ratingMw * TRACKER.dcAcRatio)
    // Ground coverage 0.2–0.45: rows apart enough to tilt to 60° without touching.
    const gcr = t.panelWidthM / t.rowPitchM
    expect(gcr).toBeGreaterThan(0.2)
    expect(gcr).toBeLessThan(0.45)
    expect(t.panelWidthM * Math.cos((t.maxTiltDeg * Math.PI) / 180)).toBeLessThan(t.rowPitchM)
    expect(
      t.axisHeightM - (t.panelWidthM / 2) * Math.sin((t.maxTiltDeg * Math.PI) / 180),
    ).toBeGreaterThan(0.5)
    const solar = l.yards.find((y) => y.kind === 'solar')
    expect(l.plant.inverters.filter((s) => s.yard === solar?.index)).toHaveLength(40)
    expect(plantViolations(l)).toEqual([])
    expect(layoutOf(DEFAULT_SCENARIO).plant.trackers).toBeNull()
  })

  it('pairs battery rows around inverter skids, one for every four containers', () => {
    for (const mwh of [4, 12, 400, 2001, 6000]) {
      const plan = planBatteryYard({ batteryMwh: mwh })
      if (!plan) throw new Error('no battery yard')
      const containers = plan.rows.reduce((n, r) => n + r.count, 0)
      expect(containers).toBe(Math.ceil(mwh / 4))
      expect(plan.skids.length).toBeGreaterThanOrEqual(containers / 4)
      expect(plan.skids.length).toBeLessThanOrEqual(containers / 2 + 1)
    }
  })

  it(
    'gives the dam a gated spillway and a chute, and the seawater campus an outfall',
    YEARLY,
    () => {
      expect(spillwayGates(100)).toBe(3)
      expect(spillwayGates(5000)).toBe(8)
      const narvik = layoutOf(scenario({ power: { hydroMw: 250 } }))
      const h = narvik.hydro
      if (!h) throw new Error('a hydro campus has a dam')
      expect(h.spillway.w).toBe(h.spillwayGates * 12 + (h.spillwayGates + 1) * 3)
      // The chute falls the height of the slope.
      const ys = h.chutePath.map((p) => p[1])
      expect((ys[0] ?? 0) - (ys[ys.length - 1] ?? 0)).toBeGreaterThan(300)
      expect(plantViolations(narvik)).toEqual([])

      const sea = layoutOf(scenario({ site: 'singapore', cooling: 'dlc-seawater' }))
      const works = sea.intake
      if (!works) throw new Error('no seawater works')
      expect(works.outfall.z).toBe(sea.terrain.shoreZ)
      expect(works.intakeHead.z).toBeGreaterThan(sea.terrain.shoreZ ?? Infinity)
      expect(plantViolations(sea)).toEqual([])
    },
  )

  it('runs a pipe rack from every building to its cooling yard', YEARLY, () => {
    const l = layoutOf(scenario({ buildings: 3 }))
    expect(l.plant.pipeRacks).toHaveLength(3)
    for (const r of l.plant.pipeRacks) expect(r.heightM).toBeGreaterThanOrEqual(5)
    expect(plantViolations(l)).toEqual([])
  })
})
