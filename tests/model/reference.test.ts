/**
 * Reference cases U1–U12 and S1–S5 of the model reference (shared research notes, §8),
 * each with its tolerance and status: HAND = derived by hand from the formulas (tight),
 * PROTO = an independent implementation of the specification (medium), PUB = published.
 */
import { describe, expect, it } from 'vitest'
import { loadClimate } from '../../src/cli/loadClimate'
import {
  DEFAULT_ASSUMPTIONS,
  DEFAULT_SCENARIO,
  adiabaticSinkC,
  adiabaticWaterLPerKwh,
  carnotChillerCop,
  evaluate,
  freeCoolingFraction,
  latentHeatKjPerKg,
  leiChillerCop,
  simulate,
  towerMakeupLPerKwh,
  upsLossFraction,
  wetBulbC,
  windProfile,
  SITES,
  type Assumptions,
  type Scenario,
} from '../../src/model'

const scenario = (overrides: Partial<Scenario>): Scenario => ({ ...DEFAULT_SCENARIO, ...overrides })
const gridOnly = { ...DEFAULT_SCENARIO.power, hydroMw: 0 }
const within = (actual: number, expected: number, tolerance: number): void => {
  expect(
    Math.abs(actual - expected),
    `${actual} vs ${expected} ± ${tolerance}`,
  ).toBeLessThanOrEqual(tolerance)
}

describe('unit reference cases (HAND)', () => {
  it('U1 wet bulb by enthalpy equality, and latent heat', () => {
    within(wetBulbC(20, 40, 101325), 12.3, 0.05)
    within(wetBulbC(35, 30, 101325), 21.4, 0.05)
    within(latentHeatKjPerKg(30), 2430.04, 0.05)
  })

  it('U2 Lei & Masanet water-cooled chiller COP regression', () => {
    within(leiChillerCop(0.8, 29.4), 6.517, 0.005)
    within(leiChillerCop(0.5, 15), 10.823, 0.005)
  })

  it('U3 Carnot-fraction air-cooled chiller (evaporator 3 K below, condenser 12 K above ambient)', () => {
    within(carnotChillerCop(0.45, 18 - 3, 35 + 12, 15), 4.052, 0.005)
    within(carnotChillerCop(0.45, 7 - 3, 35 + 12, 15), 2.9, 0.005)
  })

  it('U4 free-cooling fraction, supply 30 °C, ΔT 10 K, approach 10 K', () => {
    expect(freeCoolingFraction(30, 40, 15, 10)).toBe(1)
    expect(freeCoolingFraction(30, 40, 25, 10)).toBe(0.5)
    expect(freeCoolingFraction(30, 40, 32, 10)).toBe(0)
  })

  it('U5 tower make-up per MWh rejected at 30 °C wet bulb, f_lat 0.85, CoC 5', () => {
    within(towerMakeupLPerKwh(30, DEFAULT_ASSUMPTIONS, 0.85) * 1000, 1574, 2)
  })

  it('U6 adiabatic water at 35 °C / 22 °C wet bulb, ε 0.8, supply 30 °C, ΔT 10 K, bleed 0.15', () => {
    const sink = adiabaticSinkC(35, 22, 0.8)
    within(sink, 24.6, 0.01)
    within((35 - sink) / (40 - 2 - sink), 0.776, 0.01)
    within(adiabaticWaterLPerKwh(35, sink, 40, 0.15), 1.329, 0.01)
  })

  it('U7 UPS loss fraction, double conversion at x = 0.5 / 0.25 / 0.9, and eco mode at 0.5', () => {
    within(upsLossFraction(0.5, DEFAULT_ASSUMPTIONS) * 100, 3.5, 0.01)
    within(upsLossFraction(0.25, DEFAULT_ASSUMPTIONS) * 100, 4.55, 0.01)
    within(upsLossFraction(0.9, DEFAULT_ASSUMPTIONS) * 100, 3.21, 0.01)
    const eco: Assumptions = {
      ...DEFAULT_ASSUMPTIONS,
      upsNoLoad: 0.002,
      upsProportional: 0.005,
      upsSquare: 0.003,
    }
    within(upsLossFraction(0.5, eco) * 100, 1.05, 0.01)
  })

  it('U8 one GB300 NVL72 rack: 180 / 360 / 1,080 PFLOPS dense (matches NVIDIA and Verda rack figures)', () => {
    const r = evaluate(
      scenario({ buildings: 1, hallsPerBuilding: 1, racksPerHall: 1 }),
      loadClimate('narvik'),
    )
    expect(r.computeBf16Pflops).toBe(180)
    expect(r.computeFp8Pflops).toBe(360)
    expect(r.computeFp4Pflops).toBe(1080)
  })

  it('U8b one MI355X rack: 128 × 5.0 PF dense FP8 = 640 PF (AMD ISSCC 2026; the catalog held MI350X figures)', () => {
    const r = evaluate(
      scenario({ rack: 'mi355x', buildings: 1, hallsPerBuilding: 1, racksPerHall: 1 }),
      loadClimate('narvik'),
    )
    expect(r.computeFp8Pflops).toBe(640)
    expect(r.computeBf16Pflops).toBe(320)
    expect(r.computeFp4Pflops).toBe(1280)
  })

  it('U9 IT power of 1,389 GB300 racks at 135 kW, aux 0.06, utilization 0.85', () => {
    const r = evaluate(
      scenario({ buildings: 3, hallsPerBuilding: 1, racksPerHall: 463 }),
      loadClimate('narvik'),
    )
    expect(r.rackCount).toBe(1389)
    within(r.itDesignMw, 198.8, 198.8 * 0.001)
    within(r.itAverageMw, 170.6, 170.6 * 0.001)
    within(r.itEnergyGwhPerYear, 1494.8, 1494.8 * 0.001)
  })

  it('U10 wind: 50 × 5 MW at Narvik’s calibrated CF 0.35 gives 766.5 GWh/yr; 8,625 ha', () => {
    const climate = loadClimate('narvik')
    const perMw = windProfile(climate, DEFAULT_ASSUMPTIONS, SITES.narvik.wind.capacityFactor)
    // The site's wind is calibrated to a net CF of 0.35 (bisection to 1e-7): 250 MW × 8,760 h ×
    // 0.35 = 766.5 GWh, ±0.01 %.
    const gwh = (perMw.reduce((sum, x) => sum + x, 0) * 250) / 1000
    within(gwh, 766.5, 766.5 * 1e-4)
    const r = evaluate(
      scenario({ power: { ...DEFAULT_SCENARIO.power, windTurbines: 50, windTurbineMw: 5 } }),
      climate,
    )
    expect(r.windFarmAreaHa).toBeCloseTo(8625, 6)
    expect(250 * DEFAULT_ASSUMPTIONS.windDirectHaPerMw).toBeCloseTo(75, 6)
  })

  it('U11 CUE = emission factor × PUE for a single supply (ERCOT, NO4, on-site gas)', () => {
    const abilene = evaluate(
      scenario({ site: 'abilene', power: { ...gridOnly, gridMw: 5000 } }),
      loadClimate('abilene'),
    )
    within(abilene.cueKgPerKwh, 0.3178 * abilene.pueAnnual, 0.001)
    // NO4: the reference's 0.0517 is the lifecycle factor; location-based carbon (GHG Protocol
    // Scope 2) uses the direct factor, 3.63 % gas × 0.504 kg/kWh = 0.018 (docs/MODEL.md).
    const narvik = evaluate(
      scenario({ power: { ...gridOnly, gridMw: 5000 } }),
      loadClimate('narvik'),
    )
    within(narvik.cueKgPerKwh, 0.018 * narvik.pueAnnual, 0.001)
    within(
      narvik.co2LifecycleTonnesPerYear / (narvik.itEnergyGwhPerYear * 1000),
      0.0517 * narvik.pueAnnual,
      0.001,
    )
    // The reference's 0.53 kg/kWh is an industrial simple cycle; we use the EPA factor for an
    // aeroderivative simple cycle (9,500 Btu/kWh × 53.06 kg/MMBtu = 0.504 kg/kWh).
    const gas = evaluate(
      scenario({ site: 'abilene', power: { ...gridOnly, gasMw: 5000 } }),
      loadClimate('abilene'),
    )
    within(gas.cueKgPerKwh, 0.504 * gas.pueAnnual, 0.001)
  })

  it('U12 GB200 SuperPOD scalable unit: 8 × 132 kW × (1 + 0.12) ≈ NVIDIA’s 1.2 MW (±5 %)', () => {
    const a: Assumptions = { ...DEFAULT_ASSUMPTIONS, auxItFraction: 0.12 }
    const r = evaluate(
      scenario({ rack: 'gb200-nvl72', buildings: 1, hallsPerBuilding: 1, racksPerHall: 8 }),
      loadClimate('narvik'),
      a,
    )
    within(r.itDesignMw, 1.183, 0.001)
    within(r.itDesignMw, 1.2, 1.2 * 0.05)
  })
})

describe('system reference cases (PROTO; PUB brackets)', () => {
  const stargateNorway = scenario({ buildings: 3, hallsPerBuilding: 1, racksPerHall: 463 })
  const abilene = scenario({
    site: 'abilene',
    rack: 'gb200-nvl72',
    buildings: 4,
    hallsPerBuilding: 3,
    racksPerHall: 463,
    power: gridOnly,
  })

  it('S1 Narvik, 1,389 GB300, direct liquid to dry coolers at 30 °C: PUE 1.091 ± 0.03, peak 1.178 ± 0.05, WUE ≈ 0', () => {
    const r = evaluate(stargateNorway, loadClimate('narvik'))
    within(r.pueAnnual, 1.091, 0.03)
    within(r.puePeak, 1.178, 0.05)
    within(r.facilityPeakMw, 234, 234 * 0.05)
    expect(r.wueLPerKwh).toBeLessThan(0.01)
  })

  it('S2 Abilene, 5,556 GB200, dry coolers: PUE 1.148 ± 0.03, design-hour PUE 1.318 ± 0.06', () => {
    const r = evaluate(abilene, loadClimate('abilene'))
    expect(r.rackCount).toBe(5556)
    within(r.pueAnnual, 1.148, 0.03)
    within(r.puePeak, 1.318, 0.06)
    within(r.facilityPeakMw, 1024, 1024 * 0.06)
  })

  it('S3 Abilene with towers (PUE 1.100, WUE 1.65) and adiabatic coolers (PUE 1.126, WUE 0.47)', () => {
    const tower = evaluate({ ...abilene, cooling: 'dlc-tower' }, loadClimate('abilene'))
    within(tower.pueAnnual, 1.1, 0.03)
    within(tower.wueLPerKwh, 1.65, 1.65 * 0.25)
    const adiabatic = evaluate({ ...abilene, cooling: 'dlc-adiabatic' }, loadClimate('abilene'))
    within(adiabatic.pueAnnual, 1.126, 0.03)
    within(adiabatic.wueLPerKwh, 0.47, 0.47 * 0.25)
  })

  // Lei & Masanet's example parameters for a legacy air-cooled hall with water-cooled chillers
  // and a water-side economiser (their case 2). Their published 5th–95th percentile bands per
  // climate zone (UE.csv) must contain our result, ±0.01.
  const lei: Assumptions = {
    ...DEFAULT_ASSUMPTIONS,
    auxItFraction: 0,
    chilledWaterSupplyC: 23.1,
    chilledWaterDeltaK: 7.5,
    approachTowerK: 6.5,
    approachHxK: 2.3,
    upsNoLoad: 0,
    upsProportional: 0.02,
    upsSquare: 0,
    distributionLoss: 0.0056,
    transformerLoss: 0,
    lightingFraction: 0.0018,
    // CRAH fans at 2.55 % of air heat: Δp = 0.0255 × ρ·c_p·ΔT·η.
    crahFanPressurePa: 0.0255 * 1.2 * 1006 * 14 * 0.7,
    pumpAirLoop: 0.012,
    pumpCondenser: 0,
    sfpTower: 0.01,
    // Lei & Masanet count all tower heat as evaporated (the reference's f_lat 1.0).
    towerLatentOverride: 1,
    cyclesOfConcentration: 5,
    closedLoopMakeupLPerKwh: 0,
  }
  const legacy = scenario({
    rack: 'h100-dgx',
    cooling: 'air-tower',
    utilization: 1,
    power: gridOnly,
  })

  it('S4 legacy air + towers inside Lei & Masanet’s bands: 3B (Abilene) and zone 7 (Narvik)', () => {
    const texas = evaluate({ ...legacy, site: 'abilene' }, loadClimate('abilene'), lei)
    expect(texas.pueAnnual).toBeGreaterThanOrEqual(1.08 - 0.01)
    expect(texas.pueAnnual).toBeLessThanOrEqual(1.192 + 0.01)
    expect(texas.wueLPerKwh).toBeGreaterThanOrEqual(1.743 - 0.01)
    expect(texas.wueLPerKwh).toBeLessThanOrEqual(2.611 + 0.01)
    const norway = evaluate(legacy, loadClimate('narvik'), lei)
    expect(norway.pueAnnual).toBeGreaterThanOrEqual(1.077 - 0.01)
    expect(norway.pueAnnual).toBeLessThanOrEqual(1.187 + 0.01)
    expect(norway.wueLPerKwh).toBeGreaterThanOrEqual(1.73 - 0.01)
    expect(norway.wueLPerKwh).toBeLessThanOrEqual(2.6 + 0.01)
  })

  it('S5 as S1 at 40 °C supply (Rubin-like): PUE 1.089 ± 0.03, no chillers on the liquid loop', () => {
    const r = evaluate({ ...stargateNorway, liquidSupplyC: 40 }, loadClimate('narvik'))
    within(r.pueAnnual, 1.089, 0.03)
    expect(r.warnings.map((w) => w.code)).not.toContain('DRY_NEEDS_CHILLERS')
  })

  it('PUB brackets: announced capacity lies between 0.85 × IT design and 1.25 × facility peak', () => {
    // Stargate Norway phase 1: 230 MW (OpenAI/Nscale/Aker, July 2025).
    const norway = evaluate(DEFAULT_SCENARIO, loadClimate('narvik'))
    expect(0.85 * norway.itDesignMw).toBeLessThanOrEqual(230)
    expect(1.25 * norway.facilityPeakMw).toBeGreaterThanOrEqual(230)
    // Stargate I Abilene: about 1.2 GW (Crusoe / OpenAI / Oracle).
    const texas = simulate({ ...abilene, racksPerHall: 464 }, loadClimate('abilene')).readouts
    expect(0.85 * texas.itDesignMw).toBeLessThanOrEqual(1200)
    expect(1.25 * texas.facilityPeakMw).toBeGreaterThanOrEqual(1200)
  })
})
