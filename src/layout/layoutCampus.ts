import { RACKS, SITES, type Readouts, type Scenario } from '../model'
import {
  AISLE_M,
  BATTERY_MWH_PER_UNIT,
  FENCE_MARGIN_M,
  HALL_SPACING_M,
  LANE_M,
  MIN_GALLERY_M,
  PAD_MARGIN_M,
  RACK_D_M,
  RACK_W_M,
  ROAD_WIDTH_M,
  ROW_END_CLEARANCE_M,
  ROW_PITCH_M,
  SINK_UNIT,
  SPINE_CORRIDOR_M,
  STOREYS,
  STOREY_HEIGHT_M,
  STREET_M,
  SUPPORT_BAND_M,
  TOWER_SPAN_M,
  UNIT,
  WIND_SPACING_ACROSS_D,
  WIND_SPACING_ALONG_D,
  YARD_GAP_M,
  hubHeightM,
  rotorDiameterM,
} from './dimensions'
import { seedOf, terrainHeightM } from './terrain'
import type {
  BuildingLayout,
  CampusLayout,
  Footprint,
  HallLayout,
  HydroPlant,
  Point,
  RackRowLayout,
  Rect,
  SeawaterIntake,
  TerrainSpec,
  TransmissionLine,
  UnitKind,
  UnitRow,
  WindFarm,
  Yard,
  YardKind,
} from './types'

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

/** A run of unit rows, packed in a yard of known width: positions relative to its top-left. */
interface Packing {
  readonly rows: readonly { kind: UnitKind; count: number; dz: number }[]
  readonly w: number
  readonly d: number
  readonly units: number
}

/** Packs `count` units of a kind into rows of at most `perRow`, after `d0` metres of depth. */
function packRows(
  kind: UnitKind,
  count: number,
  perRow: number,
  into: { kind: UnitKind; count: number; dz: number }[] = [],
  d0 = 0,
): { rows: { kind: UnitKind; count: number; dz: number }[]; d: number } {
  const unit = UNIT[kind]
  let d = d0
  let left = count
  while (left > 0) {
    if (d > 0) d += LANE_M[kind]
    const n = Math.min(perRow, left)
    into.push({ kind, count: n, dz: d + unit.d / 2 })
    d += unit.d
    left -= n
  }
  return { rows: into, d }
}

/** A square-ish yard of one unit kind. */
function squareYard(kind: UnitKind, count: number): Packing {
  const unit = UNIT[kind]
  const perRow = Math.max(1, Math.ceil(Math.sqrt((count * (unit.d + LANE_M[kind])) / unit.pitchM)))
  const { rows, d } = packRows(kind, count, perRow)
  return { rows, w: Math.min(perRow, count) * unit.pitchM, d, units: count }
}

/**
 * Places the whole campus from the scenario and its readouts: GPU buildings and halls with
 * every rack, cooling and generator yards per building, the substation, gas and battery
 * yards, the power feeds (hydro plant, wind farm, solar field), transmission lines, roads,
 * parking and the fence. Metres and radians (see `types.ts`); pure and deterministic.
 */
export function layoutCampus(scenario: Scenario, readouts: LayoutReadouts): CampusLayout {
  const site = SITES[scenario.site]
  const rackSpec = RACKS[scenario.rack]
  const B = scenario.buildings
  const H = scenario.hallsPerBuilding
  const R = scenario.racksPerHall
  const rackCount = B * H * R
  const whiteSpacePerRackM2 = readouts.whiteSpaceM2 / Math.max(1, readouts.rackCount)

  // Hall: rows of racks about twice as long as the rows are deep, CDU galleries on the long
  // walls sized so that the hall's area is its share of the white space.
  const racksPerRow = Math.ceil(R / Math.ceil(Math.sqrt(R / 8)))
  const rowsPerHall = Math.ceil(R / racksPerRow)
  const fieldW = racksPerRow * RACK_W_M
  const fieldD = rowsPerHall * RACK_D_M + (rowsPerHall + 1) * AISLE_M
  const hallW = fieldW + 2 * ROW_END_CLEARANCE_M
  const galleryM = Math.max(MIN_GALLERY_M, (R * whiteSpacePerRackM2 - hallW * fieldD) / (2 * hallW))
  const hallD = fieldD + 2 * galleryM

  // Building: halls in two rows either side of a spine corridor; the footprint is the gross
  // floor (white space plus electrical and mechanical rooms) over the storeys.
  const hallRowsN = H >= 2 ? 2 : 1
  const hallCols = Math.ceil(H / hallRowsN)
  const footprintM2 = readouts.buildingFloorM2 / B / STOREYS
  const minW = hallCols * hallW + (hallCols + 1) * HALL_SPACING_M
  const minD = hallRowsN * hallD + (hallRowsN - 1) * SPINE_CORRIDOR_M + 2 * SUPPORT_BAND_M
  const bw = Math.max(minW, Math.sqrt(footprintM2 * 1.8))
  const bd = Math.max(minD, footprintM2 / bw)
  const heightM = STOREYS * STOREY_HEIGHT_M

  // Cooling yard per building (north of it): heat-rejection units for the heat the chillers
  // do not carry, then the chillers. Generator yard per building (south of it).
  const sinkKind = SINK_UNIT[scenario.cooling]
  const chillerMw = Math.max(0, readouts.chillerCapacityMwTh)
  const sinkMw = Math.max(0, readouts.coolingDesignMwTh - chillerMw)
  const sinkUnitsPerBuilding = Math.max(1, Math.ceil(sinkMw / UNIT[sinkKind].ratingMw / B))
  const chillersPerBuilding = chillerMw > 0 ? Math.ceil(chillerMw / UNIT.chiller.ratingMw / B) : 0
  const coolingPack = packRows(sinkKind, sinkUnitsPerBuilding, perRowIn(bw, sinkKind))
  const coolingRows = coolingPack.rows
  let coolingD = coolingPack.d
  if (chillersPerBuilding > 0)
    coolingD = packRows(
      'chiller',
      chillersPerBuilding,
      perRowIn(bw, 'chiller'),
      coolingRows,
      coolingD,
    ).d
  const gensPerBuilding = Math.ceil(readouts.backupGenerators / B)
  const genPack = packRows('generator', gensPerBuilding, perRowIn(bw, 'generator'))
  const genD = genPack.d
  const plotD = coolingD + YARD_GAP_M + bd + (genD > 0 ? YARD_GAP_M + genD : 0)

  // Buildings on a grid of plots, streets between them; the campus about 1.6 times as wide.
  const idealCols = Math.sqrt((B * (plotD + STREET_M) * 1.6) / (bw + STREET_M))
  let gridCols = Math.min(B, Math.max(1, Math.round(idealCols)))
  // Prefer a nearby column count that leaves no plot of the last row empty.
  for (let c = Math.max(1, gridCols - 2); c <= Math.min(B, gridCols + 2); c++) {
    const empty = (n: number) => Math.ceil(B / n) * n - B
    if (
      empty(c) < empty(gridCols) ||
      (empty(c) === empty(gridCols) && Math.abs(c - idealCols) < Math.abs(gridCols - idealCols))
    )
      gridCols = c
  }
  const gridRows = Math.ceil(B / gridCols)
  const gridW = gridCols * bw + (gridCols - 1) * STREET_M
  const gridD = gridRows * plotD + (gridRows - 1) * STREET_M

  // Utility column, west of the plots: substation, gas turbines, batteries, entrance.
  const mva = Math.max(1, readouts.gridConnectionMva)
  const transformerCount = Math.max(2, Math.ceil(mva / UNIT.transformer.ratingMw))
  const transformersPerRow = Math.min(transformerCount, 8)
  const substationPack = packRows('transformer', transformerCount, transformersPerRow, [], 40)
  const substationW = transformersPerRow * UNIT.transformer.pitchM + 30
  const substationD = substationPack.d + 40
  const gasUnits = Math.ceil(scenario.power.gasMw / UNIT['gas-turbine'].ratingMw)
  const gasPack = gasUnits > 0 ? squareYard('gas-turbine', gasUnits) : null
  const batteryUnits = Math.ceil(scenario.power.batteryMwh / BATTERY_MWH_PER_UNIT)
  const batteryPack = batteryUnits > 0 ? squareYard('battery', batteryUnits) : null
  const parkingSpaces = Math.min(2000, Math.ceil(40 + 0.4 * readouts.facilityPeakMw))
  const parkingAreaM2 = parkingSpaces * 25
  const parkingW = Math.max(60, Math.sqrt(parkingAreaM2 * 2))
  const parkingD = parkingAreaM2 / parkingW
  const adminW = 36
  const adminD = 24
  const entranceW = adminW + 20 + parkingW
  const entranceD = Math.max(adminD, parkingD)
  const columnBlocks: {
    kind: 'substation' | 'gas' | 'battery' | 'entrance'
    w: number
    d: number
  }[] = [{ kind: 'substation', w: substationW, d: substationD }]
  if (gasPack) columnBlocks.push({ kind: 'gas', w: gasPack.w + 20, d: gasPack.d + 20 })
  if (batteryPack)
    columnBlocks.push({ kind: 'battery', w: batteryPack.w + 20, d: batteryPack.d + 20 })
  columnBlocks.push({ kind: 'entrance', w: entranceW, d: entranceD })
  const columnW = Math.max(...columnBlocks.map((b) => b.w))
  const columnD =
    columnBlocks.reduce((sum, b) => sum + b.d, 0) + (columnBlocks.length - 1) * STREET_M

  // Fence around plots and column, grown evenly to at least the model's campus land.
  const rawMinX = -STREET_M - columnW - FENCE_MARGIN_M
  const rawMaxX = gridW + FENCE_MARGIN_M
  const rawMinZ = -FENCE_MARGIN_M
  const rawMaxZ = Math.max(gridD, columnD) + FENCE_MARGIN_M
  let fw = rawMaxX - rawMinX
  let fd = rawMaxZ - rawMinZ
  const landM2 = readouts.siteAreaHa * 10_000
  if (fw * fd < landM2) {
    const grow = (-(fw + fd) + Math.sqrt((fw + fd) ** 2 - 4 * (fw * fd - landM2))) / 4
    fw += 2 * grow
    fd += 2 * grow
  }
  // Shift so the fence is centred on the origin.
  const ox = -(rawMinX + rawMaxX) / 2
  const oz = -(rawMinZ + rawMaxZ) / 2
  const fence: Rect = { x: 0, z: 0, w: fw, d: fd }
  const developed: Rect = {
    x: ox + (rawMinX + rawMaxX) / 2,
    z: oz + (rawMinZ + rawMaxZ) / 2,
    w: rawMaxX - rawMinX - 2 * FENCE_MARGIN_M,
    d: rawMaxZ - rawMinZ - 2 * FENCE_MARGIN_M,
  }
  const fMinX = -fw / 2
  const fMaxX = fw / 2
  const fMinZ = -fd / 2
  const fMaxZ = fd / 2

  const footprints: Footprint[] = []
  const yards: Yard[] = []
  const unitRows: UnitRow[] = []
  const addYard = (
    kind: YardKind,
    building: number | null,
    rect: Rect,
    left: number,
    top: number,
    rows: readonly { kind: UnitKind; count: number; dz: number }[],
    ratingMw: number,
  ): Yard => {
    const firstRow = unitRows.length
    let units = 0
    for (const row of rows) {
      const pitch = UNIT[row.kind].pitchM
      unitRows.push({
        kind: row.kind,
        yard: yards.length,
        x: left + (row.count * pitch) / 2,
        z: top + row.dz,
        count: row.count,
        pitchM: pitch,
      })
      units += row.count
    }
    const yard: Yard = {
      index: yards.length,
      kind,
      building,
      rect,
      firstRow,
      rowCount: rows.length,
      units,
      ratingMw,
    }
    yards.push(yard)
    footprints.push({ kind: 'yard', rect })
    return yard
  }

  // Buildings, halls, racks.
  const buildings: BuildingLayout[] = []
  const halls: HallLayout[] = []
  const rackRows: RackRowLayout[] = []
  const rackX = new Float32Array(rackCount)
  const rackZ = new Float32Array(rackCount)
  const rackFacing = new Int8Array(rackCount)
  const rackHall = new Uint16Array(rackCount)
  let rack = 0
  const hallItMw = (readouts.itDesignMw * R) / Math.max(1, readouts.rackCount)
  const floorYM = STOREY_HEIGHT_M * (STOREYS - 1)
  const hallGapX = (bw - hallCols * hallW) / (hallCols + 1)
  for (let b = 0; b < B; b++) {
    const col = b % gridCols
    const row = Math.floor(b / gridCols)
    const plotLeft = ox + col * (bw + STREET_M)
    const plotTop = oz + row * (plotD + STREET_M)
    const bx = plotLeft + bw / 2
    const genTop = plotTop
    const bz = plotTop + (genD > 0 ? genD + YARD_GAP_M : 0) + bd / 2
    const rect: Rect = { x: bx, z: bz, w: bw, d: bd }
    buildings.push({ index: b, rect, heightM, firstHall: halls.length, hallCount: H })
    footprints.push({ kind: 'building', rect })

    // Cooling south of the building (toward the usual view), generators north of it.
    const coolingTop = bz + bd / 2 + YARD_GAP_M
    addYard(
      'cooling',
      b,
      { x: bx, z: coolingTop + coolingD / 2, w: bw, d: coolingD },
      plotLeft,
      coolingTop,
      coolingRows,
      readouts.coolingDesignMwTh / B,
    )
    if (genD > 0) {
      addYard(
        'generators',
        b,
        { x: bx, z: genTop + genD / 2, w: bw, d: genD },
        plotLeft,
        genTop,
        genPack.rows,
        gensPerBuilding * UNIT.generator.ratingMw,
      )
    }

    for (let h = 0; h < H; h++) {
      const hc = h % hallCols
      const hr = Math.floor(h / hallCols)
      const hx = bx - bw / 2 + hallGapX * (hc + 1) + hallW * (hc + 0.5)
      const hz =
        hallRowsN === 1 ? bz : bz + (hr === 0 ? -1 : 1) * (SPINE_CORRIDOR_M / 2 + hallD / 2)
      const hallIndex = halls.length
      const firstRack = rack
      const firstRow = rackRows.length
      const left = hx - fieldW / 2
      const top = hz - fieldD / 2
      let placed = 0
      for (let r = 0; r < rowsPerHall; r++) {
        const n = Math.min(racksPerRow, R - placed)
        const z = top + AISLE_M + RACK_D_M / 2 + r * ROW_PITCH_M
        const facing: 1 | -1 = r % 2 === 0 ? 1 : -1
        rackRows.push({ hall: hallIndex, x: left + (n * RACK_W_M) / 2, z, racks: n, facing })
        for (let j = 0; j < n; j++) {
          rackX[rack] = left + (j + 0.5) * RACK_W_M
          rackZ[rack] = z
          rackFacing[rack] = facing
          rackHall[rack] = hallIndex
          rack++
        }
        placed += n
      }
      halls.push({
        index: hallIndex,
        building: b,
        rect: { x: hx, z: hz, w: hallW, d: hallD },
        rackField: { x: hx, z: hz, w: fieldW, d: fieldD },
        floorYM,
        rows: rowsPerHall,
        racksPerRow,
        rackCount: R,
        gpuCount: R * rackSpec.gpusPerRack,
        itMw: hallItMw,
        firstRack,
        firstRow,
      })
    }
  }

  // Utility column blocks, right-aligned to the gap road west of the plots.
  const columnRight = ox - STREET_M
  let columnTop = oz
  let substation: Yard | null = null
  const transformers: Point[] = []
  let parking: Rect = { x: 0, z: 0, w: 0, d: 0 }
  let admin: Rect = parking
  const columnRoadsZ: number[] = []
  for (const block of columnBlocks) {
    const left = columnRight - block.w
    const rect: Rect = { x: left + block.w / 2, z: columnTop + block.d / 2, w: block.w, d: block.d }
    if (block.kind === 'substation') {
      substation = addYard('substation', null, rect, left + 15, columnTop, substationPack.rows, mva)
      for (let i = substation.firstRow; i < substation.firstRow + substation.rowCount; i++) {
        const r = unitRows[i]
        if (!r) continue
        for (let k = 0; k < r.count; k++)
          transformers.push({ x: r.x - ((r.count - 1) * r.pitchM) / 2 + k * r.pitchM, z: r.z })
      }
    } else if (block.kind === 'gas' && gasPack) {
      addYard('gas', null, rect, left + 10, columnTop + 10, gasPack.rows, scenario.power.gasMw)
    } else if (block.kind === 'battery' && batteryPack) {
      addYard(
        'battery',
        null,
        rect,
        left + 10,
        columnTop + 10,
        batteryPack.rows,
        scenario.power.batteryMwh / 4,
      )
    } else {
      admin = { x: left + adminW / 2, z: columnTop + adminD / 2, w: adminW, d: adminD }
      parking = {
        x: columnRight - parkingW / 2,
        z: columnTop + parkingD / 2,
        w: parkingW,
        d: parkingD,
      }
      footprints.push({ kind: 'admin', rect: admin }, { kind: 'parking', rect: parking })
    }
    columnTop += block.d + STREET_M
    columnRoadsZ.push(columnTop - STREET_M / 2)
  }
  columnRoadsZ.pop()
  if (substation === null) throw new Error('substation not placed')

  // Roads: perimeter inside the fence, streets between plots and column blocks, access road.
  const roads: Rect[] = []
  const inset = 15
  roads.push(
    { x: 0, z: fMinZ + inset, w: fw - 2 * inset + ROAD_WIDTH_M, d: ROAD_WIDTH_M },
    { x: 0, z: fMaxZ - inset, w: fw - 2 * inset + ROAD_WIDTH_M, d: ROAD_WIDTH_M },
    { x: fMinX + inset, z: 0, w: ROAD_WIDTH_M, d: fd - 2 * inset },
    { x: fMaxX - inset, z: 0, w: ROAD_WIDTH_M, d: fd - 2 * inset },
  )
  // A spine road from the north to the south perimeter between the utility column and the
  // plots; streets between plots; a ring round the plots.
  const gapRoadX = ox - STREET_M / 2
  roads.push({ x: gapRoadX, z: 0, w: ROAD_WIDTH_M, d: fd - 2 * inset })
  const plotsTop = oz - STREET_M / 2
  const plotsBottom = oz + gridD + STREET_M / 2
  const plotsRight = ox + gridW + STREET_M / 2
  const plotsMidZ = (plotsTop + plotsBottom) / 2
  for (let c = 1; c <= gridCols; c++) {
    const x = c === gridCols ? plotsRight : ox + c * (bw + STREET_M) - STREET_M / 2
    roads.push({ x, z: plotsMidZ, w: ROAD_WIDTH_M, d: plotsBottom - plotsTop + ROAD_WIDTH_M })
  }
  for (let r = 0; r <= gridRows; r++) {
    const z = r === gridRows ? plotsBottom : oz + r * (plotD + STREET_M) - STREET_M / 2
    roads.push({ x: (gapRoadX + plotsRight) / 2, z, w: plotsRight - gapRoadX, d: ROAD_WIDTH_M })
  }
  const westRoadX = fMinX + inset
  for (const z of columnRoadsZ)
    roads.push({ x: (westRoadX + gapRoadX) / 2, z, w: gapRoadX - westRoadX, d: ROAD_WIDTH_M })
  const accessLengthM = 1500
  roads.push({
    x: westRoadX - accessLengthM / 2,
    z: parking.z,
    w: accessLengthM,
    d: ROAD_WIDTH_M,
  })

  // Solar field east of the fence.
  let solarRect: Rect | null = null
  if (scenario.power.solarMw > 0) {
    const blocks = Math.ceil(scenario.power.solarMw / UNIT['solar-block'].ratingMw)
    const perRow = Math.ceil(Math.sqrt(blocks))
    const pack = packRows('solar-block', blocks, perRow)
    const w = Math.min(perRow, blocks) * UNIT['solar-block'].pitchM
    const left = fMaxX + 150
    solarRect = { x: left + w / 2, z: 0, w, d: pack.d }
    addYard('solar', null, solarRect, left, -pack.d / 2, pack.rows, scenario.power.solarMw)
  }

  // Seawater intake at the shore, south of the fence.
  let intake: SeawaterIntake | null = null
  if (scenario.cooling === 'dlc-seawater') {
    const px = ox + gridW / 2
    const pumphouse: Rect = { x: px, z: fMaxZ + 30 + 8, w: 24, d: 16 }
    intake = {
      pumphouse,
      pipe: [
        { x: px, z: pumphouse.z - 8 },
        { x: px, z: fMaxZ - inset },
        { x: px, z: oz + gridD },
      ],
    }
    footprints.push({ kind: 'intake', rect: pumphouse })
  }

  // Hydro powerhouse at the foot of the mountain, north of the fence.
  const hydroMw = scenario.power.hydroMw
  let powerhouse: Rect | null = null
  if (hydroMw > 0) {
    const w = Math.min(200, 30 + 0.06 * hydroMw)
    const d = Math.min(80, 24 + 0.02 * hydroMw)
    powerhouse = { x: 0, z: fMinZ - 40 - d / 2, w, d }
    footprints.push({ kind: 'powerhouse', rect: powerhouse })
  }

  // The flat pad: fence, solar field, powerhouse and intake, with a margin.
  const padParts = [fence, solarRect, powerhouse, intake?.pumphouse ?? null].filter(
    (r): r is Rect => r !== null,
  )
  const pad = grow(union(padParts), PAD_MARGIN_M)
  const seaSide = site.terrain === 'fjord' || site.terrain === 'coastal'
  const mountainSide = site.terrain === 'fjord' || hydroMw > 0
  const plateauYM = site.terrain === 'fjord' ? 420 : 260
  const slopeM = plateauYM / Math.tan((24 * Math.PI) / 180)
  const footZ = pad.z - pad.d / 2 - 20

  let basin: Rect | null = null
  let dam: Rect | null = null
  if (hydroMw > 0) {
    const damLength = Math.min(1200, 160 + 0.3 * hydroMw)
    const damZ = footZ - slopeM - 25
    dam = { x: 0, z: damZ, w: damLength, d: 14 }
    const reach = Math.min(2000, 350 + 0.6 * hydroMw)
    basin = { x: 0, z: damZ - 7 - reach / 2, w: damLength, d: reach }
    footprints.push({ kind: 'dam', rect: dam })
  }

  const terrainBase: Omit<TerrainSpec, 'extentM'> = {
    kind: site.terrain,
    pad,
    padBlendM: 150,
    seaLevelYM: seaSide ? -2 : null,
    shoreZ: seaSide ? pad.z + pad.d / 2 + 40 : null,
    mountain: mountainSide ? { footZ, slopeM, plateauYM } : null,
    basin,
    seed: seedOf(site.id),
  }

  let hydro: HydroPlant | null = null
  if (hydroMw > 0 && powerhouse && dam && basin) {
    const spec: TerrainSpec = { ...terrainBase, extentM: 1e6 }
    const reservoirLevelYM = plateauYM + 8
    const startZ = dam.z + dam.d / 2 + 8
    const endZ = powerhouse.z - powerhouse.d / 2
    const path: [number, number, number][] = []
    const steps = Math.max(8, Math.ceil((endZ - startZ) / 20))
    // The pipe follows the ground down and never climbs: over a bump it runs in a tunnel.
    let y = Infinity
    for (let i = 0; i <= steps; i++) {
      const z = startZ + ((endZ - startZ) * i) / steps
      y = Math.min(y, terrainHeightM(spec, 0, z) + 2)
      path.push([0, y, z])
    }
    hydro = {
      mw: hydroMw,
      headM: reservoirLevelYM,
      dam,
      damHeightM: 40,
      damCrestYM: reservoirLevelYM + 6,
      reservoir: basin,
      reservoirLevelYM,
      powerhouse,
      penstocks: Math.min(6, Math.ceil(hydroMw / 150)),
      penstockPath: path,
    }
  }

  // Transmission lines: from the powerhouse, and to the grid, into the substation's gantries.
  const lines: TransmissionLine[] = []
  const sub = substation.rect
  const kv = mva > 1500 ? 400 : mva > 300 ? 230 : 132
  if (powerhouse) {
    const z = sub.z - 12
    const route: Point[] = [
      { x: powerhouse.x - powerhouse.w / 2 - 5, z: powerhouse.z },
      { x: fMinX - 40, z: powerhouse.z },
      { x: fMinX - 40, z },
      { x: sub.x - sub.w / 2 + 8, z },
    ]
    lines.push({
      from: 'hydro',
      towers: towersAlong(route, [true, true, false]),
      start: route[0] ?? route[1] ?? { x: 0, z: 0 },
      end: route[3] ?? { x: 0, z: 0 },
      kv,
    })
  }
  const p = scenario.power
  const noSupply = p.gridMw + p.hydroMw + p.windTurbines + p.solarMw + p.gasMw === 0
  if (p.gridMw > 0 || noSupply) {
    const z = sub.z + 12
    const route: Point[] = [
      { x: sub.x - sub.w / 2 + 8, z },
      { x: fMinX - 60, z },
      { x: fMinX - 60 - 2400, z },
    ]
    const towers = towersAlong(route, [false, true])
    towers.push(route[2] ?? { x: 0, z })
    lines.push({
      from: 'grid',
      towers,
      start: route[0] ?? { x: 0, z },
      end: route[2] ?? { x: 0, z },
      kv,
    })
  }
  for (const line of lines)
    for (const t of line.towers)
      footprints.push({ kind: 'tower', rect: { x: t.x, z: t.z, w: 12, d: 12 } })

  // Wind farm west of everything, north of the grid line and the access road.
  let wind: WindFarm | null = null
  if (p.windTurbines > 0) {
    const n = p.windTurbines
    const rotor = rotorDiameterM(p.windTurbineMw)
    const across = WIND_SPACING_ACROSS_D * rotor
    const along = WIND_SPACING_ALONG_D * rotor
    const cols = Math.ceil(Math.sqrt((n * WIND_SPACING_ALONG_D) / WIND_SPACING_ACROSS_D))
    const rows = Math.ceil(n / cols)
    const w = (Math.min(cols, n) - 1) * across + (rows > 1 ? across / 2 : 0) + rotor
    const d = (rows - 1) * along + rotor
    const westOf = Math.min(pad.x - pad.w / 2, basin ? basin.x - basin.w / 2 : Infinity) - 400
    const southEdge = sub.z - 250
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
    wind = {
      rect,
      turbineMw: p.windTurbineMw,
      rotorDiameterM: rotor,
      hubHeightM: hubHeightM(rotor),
      turbines,
    }
    for (const t of turbines)
      footprints.push({ kind: 'turbine', rect: { x: t.x, z: t.z, w: 20, d: 20 } })
  }

  // Everything placed, and the terrain around it.
  const boundParts: Rect[] = [pad, ...roads]
  if (basin) boundParts.push(basin)
  if (dam) boundParts.push(dam)
  if (wind) boundParts.push(wind.rect)
  for (const line of lines)
    for (const t of [...line.towers, line.start, line.end])
      boundParts.push({ x: t.x, z: t.z, w: 12, d: 12 })
  const bounds = grow(union(boundParts), 50)
  const reach = Math.max(
    Math.abs(bounds.x - bounds.w / 2),
    Math.abs(bounds.x + bounds.w / 2),
    Math.abs(bounds.z - bounds.d / 2),
    Math.abs(bounds.z + bounds.d / 2),
  )
  const fjordReach = site.terrain === 'fjord' ? (terrainBase.shoreZ ?? 0) + 6000 : 0
  const terrain: TerrainSpec = { ...terrainBase, extentM: Math.max(reach + 3000, fjordReach, 6000) }

  return {
    site: site.id,
    cooling: scenario.cooling,
    bounds,
    fence,
    developed,
    terrain,
    buildings,
    halls,
    rackRows,
    racks: { count: rackCount, x: rackX, z: rackZ, facing: rackFacing, hall: rackHall },
    yards,
    unitRows,
    substation,
    transformers,
    lines,
    hydro,
    wind,
    intake,
    roads,
    parking,
    admin,
    footprints,
  }
}

function perRowIn(widthM: number, kind: UnitKind): number {
  return Math.max(1, Math.floor(widthM / UNIT[kind].pitchM))
}

/** Towers along a route: at every corner and evenly between, on segments flagged true. */
function towersAlong(route: readonly Point[], spanned: readonly boolean[]): Point[] {
  const towers: Point[] = []
  for (let i = 0; i + 1 < route.length; i++) {
    const a = route[i]
    const b = route[i + 1]
    if (!a || !b) continue
    if (i > 0) towers.push(a)
    if (!spanned[i]) continue
    const length = Math.hypot(b.x - a.x, b.z - a.z)
    const spans = Math.max(1, Math.ceil(length / TOWER_SPAN_M))
    for (let k = 1; k < spans; k++)
      towers.push({ x: a.x + ((b.x - a.x) * k) / spans, z: a.z + ((b.z - a.z) * k) / spans })
  }
  return towers
}

function union(rects: readonly Rect[]): Rect {
  let minX = Infinity
  let maxX = -Infinity
  let minZ = Infinity
  let maxZ = -Infinity
  for (const r of rects) {
    minX = Math.min(minX, r.x - r.w / 2)
    maxX = Math.max(maxX, r.x + r.w / 2)
    minZ = Math.min(minZ, r.z - r.d / 2)
    maxZ = Math.max(maxZ, r.z + r.d / 2)
  }
  return { x: (minX + maxX) / 2, z: (minZ + maxZ) / 2, w: maxX - minX, d: maxZ - minZ }
}

function grow(r: Rect, m: number): Rect {
  return { x: r.x, z: r.z, w: r.w + 2 * m, d: r.d + 2 * m }
}

/** True when two rectangles share interior area (touching edges do not overlap). */
export function rectsOverlap(a: Rect, b: Rect): boolean {
  return Math.abs(a.x - b.x) * 2 < a.w + b.w - 1e-6 && Math.abs(a.z - b.z) * 2 < a.d + b.d - 1e-6
}

/** True when `inner` lies inside `outer` (within a millimetre). */
export function rectContains(outer: Rect, inner: Rect): boolean {
  return (
    inner.x - inner.w / 2 >= outer.x - outer.w / 2 - 1e-3 &&
    inner.x + inner.w / 2 <= outer.x + outer.w / 2 + 1e-3 &&
    inner.z - inner.d / 2 >= outer.z - outer.d / 2 - 1e-3 &&
    inner.z + inner.d / 2 <= outer.z + outer.d / 2 + 1e-3
  )
}

/** The footprint of one unit of a row. */
export function unitRect(row: UnitRow, i: number): Rect {
  const unit = UNIT[row.kind]
  return {
    x: row.x - ((row.count - 1) * row.pitchM) / 2 + i * row.pitchM,
    z: row.z,
    w: unit.w,
    d: unit.d,
  }
}
