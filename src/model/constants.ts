/**
 * Every engineering constant the model uses, with its unit, source and confidence.
 * H = primary/official or several consistent sources; M = consistent secondary sources or
 * well-known engineering values; L = single secondary source or derived.
 * docs/MODEL.md explains each one; tests may override them through `Assumptions`.
 */
export type Confidence = 'H' | 'M' | 'L'

export interface Constant {
  readonly value: number
  readonly unit: string
  readonly label: string
  readonly source: string
  readonly confidence: Confidence
}

function constant(
  value: number,
  unit: string,
  label: string,
  source: string,
  confidence: Confidence,
): Constant {
  return { value, unit, label, source, confidence }
}

const LEI =
  'Lei & Masanet, Resour. Conserv. Recycl. 182 (2022) 106323; repo nuoaleon/UEcalculator_dash_app'
const STUTTGART = 'Univ. Stuttgart, Energies 2023 16(9) 3661 (6,730 manufacturer models)'
const WP113 = 'Schneider Electric WP 113 loss form (no-load + proportional + square-law)'

export const CONSTANTS = {
  auxItFraction: constant(
    0.06,
    '–',
    'Auxiliary IT (network, storage, management) as a share of rack design power',
    'NVIDIA GB200 SuperPOD reference architecture (1.2 MW per 8-rack SU ⇒ 6–12 % over rack TDP)',
    'M',
  ),
  liquidDeltaK: constant(
    10,
    'K',
    'Facility water temperature rise, liquid loop',
    'ASHRAE TC 9.9 W-class practice; Lei ΔT 5–10 K',
    'M',
  ),
  chilledWaterSupplyC: constant(
    20,
    '°C',
    'Chilled water supply to air coolers (CRAH / fan walls)',
    'ASHRAE TC 9.9 2021 (H1/A1 air 18–27 °C)',
    'M',
  ),
  chilledWaterDeltaK: constant(
    8,
    'K',
    'Chilled water temperature rise, air loop',
    'Lei & Masanet facility-water ΔT 5–10 K',
    'M',
  ),
  approachDryK: constant(
    10,
    'K',
    'Dry cooler approach to outdoor dry bulb',
    `${STUTTGART}: median 10 K`,
    'M',
  ),
  approachTowerK: constant(
    4,
    'K',
    'Open cooling tower approach to wet bulb',
    `${LEI}: 2.8–6.7 K; Stuttgart median 5 K`,
    'M',
  ),
  approachHxK: constant(1.5, 'K', 'Plate heat exchanger approach', `${LEI}: 1–3 K`, 'M'),
  approachSeaK: constant(
    3,
    'K',
    'Seawater heat exchanger approach',
    'Engineering practice, titanium plate HX 2–5 K',
    'M',
  ),
  adiabaticEffectiveness: constant(
    0.8,
    '–',
    'Adiabatic pre-cooler (wetted pad) effectiveness',
    'Vendor data 0.6–0.9',
    'M',
  ),
  chillerEtaAirCooled: constant(
    0.45,
    '–',
    'Air-cooled chiller Carnot fraction',
    'Carnot-fraction model; gives COP 2.90 at 7 °C CHW / 35 °C (typical EER)',
    'M',
  ),
  chillerEtaWaterCooled: constant(
    0.6,
    '–',
    'Water-cooled chiller Carnot fraction (seawater condenser)',
    'Centrifugal chillers 0.5–0.7 of Carnot',
    'M',
  ),
  condenserApproachAirK: constant(
    12,
    'K',
    'Air-cooled condenser approach to dry bulb',
    'Engineering practice 8–15 K',
    'M',
  ),
  evaporatorApproachK: constant(
    3,
    'K',
    'Evaporator approach below chilled water supply',
    'Engineering practice',
    'M',
  ),
  chillerCopMax: constant(
    15,
    '–',
    'Cap on chiller COP at low lift',
    'Model reference §2.6 (cap 12–15)',
    'M',
  ),
  chillerMinPartLoad: constant(
    0.2,
    '–',
    'Lowest part-load ratio in the Lei chiller regression',
    LEI,
    'H',
  ),
  sfpDry: constant(
    0.025,
    'kWe/kWth',
    'Dry cooler fan power at full speed per kW rejected',
    `${STUTTGART} (dry coolers 0.01–0.05)`,
    'M',
  ),
  sfpTower: constant(
    0.012,
    'kWe/kWth',
    'Cooling tower fan power per kW rejected',
    `${STUTTGART}: 0.012–0.021`,
    'M',
  ),
  dryFanMinFlow: constant(
    0.15,
    '–',
    'Minimum dry-cooler fan airflow fraction',
    'EC fan turndown practice',
    'M',
  ),
  crahFanPressurePa: constant(
    500,
    'Pa',
    'CRAH / fan-wall total pressure',
    `${LEI}: 300–1000 Pa`,
    'M',
  ),
  crahFanEfficiency: constant(0.7, '–', 'CRAH fan + motor efficiency', `${LEI}: 0.65–0.9`, 'M'),
  airDeltaK: constant(
    14,
    'K',
    'Air temperature rise across IT (supply to return)',
    `${LEI}: 13.9–19.4 K`,
    'M',
  ),
  airDensityKgM3: constant(1.2, 'kg/m³', 'Air density', 'Standard air', 'H'),
  airCpKjKgK: constant(1.006, 'kJ/(kg·K)', 'Air specific heat', 'ASHRAE Fundamentals', 'H'),
  pumpLiquid: constant(
    0.012,
    'kWe/kWth',
    'CDU + facility pump power per kW of liquid-loop heat',
    'Model reference §7.2 (0.005–0.03)',
    'M',
  ),
  pumpAirLoop: constant(
    0.01,
    'kWe/kWth',
    'Chilled water pump power per kW of air-loop heat',
    'Model reference §7.2 (0.005–0.03)',
    'M',
  ),
  pumpCondenser: constant(
    0.008,
    'kWe/kWth',
    'Condenser / tower / seawater pump power per kW rejected',
    'Model reference §7.2 (0.005–0.03)',
    'M',
  ),
  towerLatentFraction: constant(
    0.85,
    '–',
    'Share of tower heat rejected by evaporation',
    'Model reference §2.6 (0.75–0.95)',
    'M',
  ),
  cyclesOfConcentration: constant(
    5,
    '–',
    'Cooling tower cycles of concentration',
    `${LEI}: 3–15`,
    'M',
  ),
  adiabaticBleed: constant(
    0.15,
    '–',
    'Adiabatic pad bleed as a share of evaporation',
    'Model reference §7.2 (0–0.5)',
    'M',
  ),
  closedLoopMakeupLPerKwh: constant(
    0.001,
    'L/kWh IT',
    'Make-up water of closed loops (leaks, maintenance)',
    'Model reference §7.2 (0–0.01)',
    'L',
  ),
  economizerSupplyAirC: constant(
    24,
    '°C',
    'Supply air set point, direct air economiser',
    'ASHRAE TC 9.9 recommended 18–27 °C',
    'M',
  ),
  upsNoLoad: constant(
    0.006,
    '–',
    'Double-conversion UPS no-load loss coefficient (c0 in c0/x + c1 + c2·x)',
    WP113,
    'M',
  ),
  upsProportional: constant(0.02, '–', 'Double-conversion UPS proportional loss (c1)', WP113, 'M'),
  upsSquare: constant(0.006, '–', 'Double-conversion UPS square-law loss (c2)', WP113, 'M'),
  upsLoadingN: constant(
    0.9,
    '–',
    'UPS loading at design, redundancy N',
    'Model reference §2.7 (0.8–0.9)',
    'M',
  ),
  upsLoadingN1: constant(
    0.8,
    '–',
    'UPS loading at design, redundancy N+1',
    'Model reference §7.2 (N+1 ⇒ x ≈ 0.8)',
    'M',
  ),
  upsLoading2N: constant(
    0.4,
    '–',
    'UPS loading at design, redundancy 2N',
    'Schneider WP 108 (2N sides ≤ 50 %, field 30–45 %)',
    'M',
  ),
  distributionLoss: constant(
    0.01,
    '–',
    'Busway, PDU, cable and rectifier losses as a share of IT',
    `${LEI}: 0–2 % hyperscale`,
    'M',
  ),
  transformerLoss: constant(
    0.008,
    '–',
    'MV/LV transformer losses (two stages) as a share of throughput',
    'Model reference §2.7 (0.5–1.5 %)',
    'M',
  ),
  lightingFraction: constant(
    0.005,
    '–',
    'Lighting, offices, security as a share of design IT',
    `${LEI} (0.2 % hyperscale … 2–5 % midsize)`,
    'M',
  ),
  hubHeightM: constant(
    100,
    'm',
    'Wind turbine hub height',
    'LBNL Land-Based Wind Market Report 2024 (new turbines 90–110 m)',
    'M',
  ),
  windShearExponent: constant(
    0.14,
    '–',
    'Wind shear (power-law) exponent, 10 m → hub',
    'Open terrain 1/7 power law',
    'M',
  ),
  windCutInMs: constant(3, 'm/s', 'Generic power curve cut-in speed', 'Model reference §3.3', 'M'),
  windRatedMs: constant(12, 'm/s', 'Generic power curve rated speed', 'Model reference §3.3', 'M'),
  windCutOutMs: constant(
    25,
    'm/s',
    'Generic power curve cut-out speed',
    'Model reference §3.3',
    'M',
  ),
  windFarmHaPerMw: constant(
    34.5,
    'ha/MW',
    'Wind farm total project area',
    'NREL TP-6A2-45834 (Denholm et al. 2009)',
    'H',
  ),
  windDirectHaPerMw: constant(
    0.3,
    'ha/MW',
    'Wind farm direct permanent land use',
    'NREL TP-6A2-45834 (Denholm et al. 2009)',
    'H',
  ),
  batteryHours: constant(
    4,
    'h',
    'Battery energy-to-power ratio',
    'Typical utility BESS (NREL ATB 2024: 2–10 h, 4 h most common)',
    'M',
  ),
  batteryRoundTrip: constant(
    0.88,
    '–',
    'Battery round-trip efficiency (applied on charge)',
    'NREL ATB 2024 (0.85–0.92)',
    'M',
  ),
  hydroLifecycleKgPerKwh: constant(
    0.026,
    'kg CO₂e/kWh',
    'Hydropower lifecycle emissions',
    'IPCC AR5 WG3 Annex III median via codecarbon carbon_intensity_per_source',
    'M',
  ),
  windLifecycleKgPerKwh: constant(
    0.026,
    'kg CO₂e/kWh',
    'Wind lifecycle emissions',
    'IPCC AR5 WG3 Annex III via codecarbon',
    'M',
  ),
  solarLifecycleKgPerKwh: constant(
    0.048,
    'kg CO₂e/kWh',
    'Utility solar lifecycle emissions',
    'IPCC AR5 WG3 Annex III via codecarbon',
    'M',
  ),
  gasKgPerKwh: constant(
    0.504,
    'kg CO₂/kWh',
    'On-site gas turbines (aeroderivative simple cycle, 9,500 Btu/kWh HHV × 53.06 kg/MMBtu)',
    'US EPA GHG Emission Factors Hub (53.06 kg CO₂/MMBtu)',
    'H',
  ),
  whiteSpaceLiquidM2PerRack: constant(
    4,
    'm²',
    'White space per liquid-cooled AI rack incl. aisles and in-row CDUs',
    'Model reference §5 (3–5 m²)',
    'L',
  ),
  whiteSpaceAirM2PerRack: constant(
    2.6,
    'm²',
    'White space per air-cooled rack incl. aisles',
    'Industry rule 25–30 sq ft per rack',
    'M',
  ),
  supportFloorKwPerM2: constant(
    3,
    'kW/m²',
    'IT design power per m² of electrical, mechanical and support rooms',
    'Calibrated: Stargate I Abilene ≈ 1.2 GW in ≈ 4 M sq ft (public statements)',
    'L',
  ),
  siteMwPerHa: constant(
    2.5,
    'MW/ha',
    'Campus land per MW of facility peak (fence line)',
    'Model reference §5 (1.5–10 MW/ha)',
    'L',
  ),
  gridPowerFactor: constant(
    0.95,
    '–',
    'Power factor for grid connection sizing',
    'Utility interconnection practice',
    'M',
  ),
  gridMargin: constant(
    1.1,
    '–',
    'Grid connection margin over facility peak',
    'Utility interconnection practice',
    'M',
  ),
  generatorUnitMw: constant(
    3,
    'MW',
    'Standby generator unit rating',
    'MTU 20V4000 / Cummins QSK95 class (3.0–3.5 MW)',
    'M',
  ),
  generatorDerate: constant(
    0.9,
    '–',
    'Generator loading limit',
    'ISO 8528-5 data-centre continuous rating practice',
    'M',
  ),
  airMaxRackKw: constant(
    50,
    'kW',
    'Highest rack heat that air cooling can carry (contained aisles, rear-door)',
    'Industry practice: air tops out at 40–60 kW per rack',
    'M',
  ),
  heatReuseMinSupplyC: constant(
    40,
    '°C',
    'Facility water temperature above which heat reuse needs no heat pump for low-temperature networks',
    'ASHRAE W40/W45 classes; 4th-generation district heating 50–60 °C',
    'L',
  ),
} as const satisfies Record<string, Constant>

export type ConstantKey = keyof typeof CONSTANTS

/** The numbers the simulation reads. Tests and what-ifs may override any of them. */
export type Assumptions = { readonly [K in ConstantKey]: number }

export const DEFAULT_ASSUMPTIONS: Assumptions = Object.fromEntries(
  Object.entries(CONSTANTS).map(([key, c]) => [key, c.value]),
) as Assumptions
