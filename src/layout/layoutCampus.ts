import {
  DEFAULT_ASSUMPTIONS,
  SITES,
  usesSiteGrid,
  type Assumptions,
  type Readouts,
  type Scenario,
} from '../model'
import { layoutHalls, planBuilding } from './buildings'
import { layoutBuiltDetail } from './builtDetail'
import { layoutHydro, layoutPowerhouse } from './feeds/hydro'
import { layoutLines, towerBase } from './feeds/lines'
import { layoutSeawaterIntake, layoutSeawaterWorks } from './feeds/seawater'
import { layoutSolar } from './feeds/solar'
import { layoutWind } from './feeds/wind'
import { STREET_M } from './dimensions'
import type { CampusReserve } from './buildOut'
import { frameCampus } from './fence'
import { growRect, unionRect } from './geometry'
import { planHall } from './halls'
import { aviationLights, gasStacks, layoutPipeRacks } from './plantDetail'
import { placePlots, planPlotGrid, type PlotGrid } from './plots'
import { PERIMETER_INSET_M, layoutRoads } from './roads'
import { landformOf, terrainExtentM } from './terrain'
import type { CampusLayout, Rect } from './types'
import { placeUtilityColumn, planUtilityColumn } from './utilityColumn'
import { emptyPlaced, planCoolingYard, planGeneratorYard } from './yards'
import type { BuildingPlan } from './buildings'
import type { UtilityColumnPlan } from './utilityColumn'
import type { CoolingYardPlan, GeneratorYardPlan } from './yards'
import type { HallPlan } from './halls'

/** The readouts the layout sizes things from. */
export type LayoutReadouts = Pick<
  Readouts,
  | 'rackCount'
  | 'itDesignMw'
  | 'facilityPeakMw'
  | 'coolingDesignMwTh'
  | 'chillerCapacityMwTh'
  | 'buildingFloorM2'
  | 'whiteSpaceM2'
  | 'siteAreaHa'
  | 'backupGenerators'
  | 'gridConnectionMva'
>

/** The sizes of a campus's parts, before anything is placed (`layoutCampus`'s first step). */
export interface CampusPlan {
  readonly hall: HallPlan
  readonly building: BuildingPlan
  readonly cooling: CoolingYardPlan
  readonly generators: GeneratorYardPlan
  readonly grid: PlotGrid
  readonly column: UtilityColumnPlan
}

/** Sizes every part of a campus: hall, building, its yards, the plot grid, the utility column. */
export function planCampus(scenario: Scenario, readouts: LayoutReadouts): CampusPlan {
  const B = scenario.buildings
  const hall = planHall(
    scenario.racksPerHall,
    readouts.whiteSpaceM2 / Math.max(1, readouts.rackCount),
  )
  const building = planBuilding(scenario.hallsPerBuilding, hall, readouts.buildingFloorM2, B)
  const cooling = planCoolingYard(
    scenario.cooling,
    readouts.coolingDesignMwTh,
    readouts.chillerCapacityMwTh,
    B,
    building.w,
  )
  const generators = planGeneratorYard(readouts.backupGenerators, B, building.w)
  const grid = planPlotGrid(B, building.w, cooling.d, building.d, generators.d)
  const column = planUtilityColumn(
    scenario.power,
    readouts.gridConnectionMva,
    readouts.facilityPeakMw,
    usesSiteGrid(scenario),
  )
  return { hall, building, cooling, generators, grid, column }
}

/**
 * Places the whole campus from the scenario and its readouts (and the model assumptions they
 * were computed with): GPU buildings on plots, each with its halls and racks, its generator
 * yard north and cooling yard south; the utility column west of the plots; the fence; roads;
 * the power feeds (solar field, seawater intake, hydro plant, transmission lines, wind farm);
 * the terrain. Metres and radians (see `types.ts`); pure and deterministic. Each part is sized
 * first (`plan…`), then placed once the campus frame is known; see docs/SCENE.md.
 *
 * `reserve` (build-out phases, `buildOut.ts`): the plot grid, the utility column's blocks, the
 * fence and the pad are those reserved for every phase of the campus, so what a phase builds
 * stands where it will stand when the campus is complete; the scenario is one phase's campus.
 */
export function layoutCampus(
  scenario: Scenario,
  readouts: LayoutReadouts,
  assumptions: Pick<Assumptions, 'batteryHours'> = DEFAULT_ASSUMPTIONS,
  reserve: CampusReserve | null = null,
): CampusLayout {
  const site = SITES[scenario.site]
  const B = scenario.buildings
  const power = scenario.power

  // Sizes: hall, building, its yards, the plot grid, the utility column; then the fence.
  const plan = planCampus(scenario, readouts)
  const { building, cooling, generators } = plan
  // Build-out: the phase's own buildings on the grid and in the column blocks reserved for all.
  const grid: PlotGrid = reserve ? { ...reserve.grid, buildings: B } : plan.grid
  const column: UtilityColumnPlan = reserve
    ? { ...plan.column, blocks: reserve.blocks, w: reserve.columnW, d: reserve.columnD }
    : plan.column
  const frame = frameCampus(
    grid.w,
    grid.d,
    column.w,
    column.d,
    reserve ? reserve.siteAreaHa : readouts.siteAreaHa,
  )
  const { fence, ox, oz } = frame

  // Inside the fence: buildings with their yards, halls and racks, the utility column, roads.
  const placed = emptyPlaced()
  const buildings = placePlots(
    grid,
    building,
    cooling,
    generators,
    readouts.coolingDesignMwTh / B,
    ox,
    oz,
    placed,
  )
  const { halls, rackRows, racks } = layoutHalls(scenario, buildings, building, readouts)
  const utility = placeUtilityColumn(
    column,
    power,
    assumptions.batteryHours,
    ox - STREET_M,
    oz,
    placed,
  )
  const roads = layoutRoads(frame, grid, utility.streetsZ, utility.entranceZ)
  const pipeRacks = layoutPipeRacks(buildings, placed.yards, placed)

  // Outside the fence: solar east, seawater intake south, hydro powerhouse north; the pad
  // under all of them and the land around it; the dam on the mountain, lines, wind farm.
  const solar = layoutSolar(power, fence, placed)
  const plotsMidX = ox + grid.w / 2
  const pumphouse = layoutSeawaterIntake(
    scenario.cooling,
    fence,
    plotsMidX,
    oz + grid.d,
    PERIMETER_INSET_M,
    placed,
  )
  const powerhouse = layoutPowerhouse(power.hydroMw, fence, placed)
  const built = [fence, solar?.yard.rect, powerhouse, pumphouse?.pumphouse]
  if (reserve) {
    // The pad and mountain of the complete campus, whatever this phase has built yet.
    const scratch = emptyPlaced()
    built.push(
      layoutSolar({ solarMw: reserve.solarMw }, fence, scratch)?.yard.rect,
      layoutPowerhouse(reserve.hydroMw, fence, scratch),
    )
  }
  let land = landformOf(site, built.filter(isRect), (reserve ? reserve.hydroMw : power.hydroMw) > 0)
  const kv = utility.switchyard.kv
  const hydro = powerhouse ? layoutHydro(power.hydroMw, powerhouse, land, kv, placed) : null
  if (hydro) land = { ...land, basin: hydro.reservoir }
  const intake = pumphouse ? layoutSeawaterWorks(pumphouse, land.shoreZ, oz + grid.d, placed) : null
  const substation = utility.substation
  const lines = layoutLines(utility.switchyard, hydro?.gantry ?? null, fence, placed)
  const wind = layoutWind(power, land.pad, land.basin, substation.rect, placed)
  const stacks = gasStacks(placed.unitRows)

  // Everything placed, and the terrain around it.
  const boundParts: Rect[] = [land.pad, ...roads]
  if (hydro) boundParts.push(hydro.reservoir, hydro.dam, hydro.stillingBasin)
  if (intake) boundParts.push(intake.outfall, { ...intake.intakeHead, w: 20, d: 20 })
  if (wind) boundParts.push(wind.rect)
  for (const line of lines)
    for (const t of [...line.towers, line.start, line.end]) boundParts.push(towerBase(t))
  const bounds = growRect(unionRect(boundParts), 50)
  const detail = layoutBuiltDetail(
    scenario,
    building,
    buildings,
    readouts,
    fence,
    roads,
    utility,
    placed,
  )

  return {
    site: site.id,
    cooling: scenario.cooling,
    bounds,
    fence,
    developed: frame.developed,
    terrain: { ...land, extentM: terrainExtentM(land, bounds) },
    buildings,
    halls,
    rackRows,
    racks,
    yards: placed.yards,
    unitRows: placed.unitRows,
    substation,
    transformers: utility.transformers,
    lines,
    hydro,
    wind,
    intake,
    roads,
    parking: utility.parking,
    admin: utility.admin,
    footprints: placed.footprints,
    detail,
    plant: {
      switchyard: utility.switchyard,
      stacks,
      aviationLights: aviationLights(wind, stacks),
      pipeRacks,
      inverters: [...utility.inverters, ...(solar?.stations ?? [])],
      trackers: solar?.trackers ?? null,
    },
  }
}

function isRect(r: Rect | null | undefined): r is Rect {
  return r !== null && r !== undefined
}
