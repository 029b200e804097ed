import type { CoolingId, SiteId, Terrain } from '../model'

/**
 * Placements of the campus, in metres and radians. World axes: x east, z south, y up; the
 * campus pad is flat at y = 0. Every rectangle is axis-aligned and given by its centre.
 */
export interface Rect {
  /** Centre, metres east. */
  readonly x: number
  /** Centre, metres south. */
  readonly z: number
  /** Extent along x, metres. */
  readonly w: number
  /** Extent along z, metres. */
  readonly d: number
}

export interface HallLayout {
  readonly index: number
  readonly building: number
  /** The hall's white space, including its CDU galleries along both long walls. */
  readonly rect: Rect
  /** Where the rack rows stand (inside `rect`). */
  readonly rackField: Rect
  /** Height of the hall floor above the pad, metres (halls are on the upper storey). */
  readonly floorYM: number
  readonly rows: number
  readonly racksPerRow: number
  readonly rackCount: number
  readonly gpuCount: number
  /** IT design power of the hall's racks, MW. */
  readonly itMw: number
  /** Index of the hall's first rack in `CampusLayout.racks`; its racks are contiguous. */
  readonly firstRack: number
  /** Index of the hall's first row in `CampusLayout.rackRows`; its rows are contiguous. */
  readonly firstRow: number
}

export interface BuildingLayout {
  readonly index: number
  readonly rect: Rect
  readonly heightM: number
  readonly firstHall: number
  readonly hallCount: number
}

/** One straight row of racks: racks side by side along x, fronts facing ±z. */
export interface RackRowLayout {
  readonly hall: number
  /** Centre of the row, metres. */
  readonly x: number
  readonly z: number
  readonly racks: number
  /** +1: fronts face +z (south); −1: fronts face −z. */
  readonly facing: 1 | -1
}

/** Every rack position: structure of arrays, so 192,000 racks stay cheap. */
export interface RackPlacements {
  readonly count: number
  /** Rack centres, metres. */
  readonly x: Float32Array
  readonly z: Float32Array
  /** +1: front faces +z; −1: front faces −z. */
  readonly facing: Int8Array
  readonly hall: Uint16Array
}

export type UnitKind =
  | 'dry-cooler'
  | 'adiabatic-cooler'
  | 'tower-cell'
  | 'chiller'
  | 'seawater-hx'
  | 'air-handler'
  | 'generator'
  | 'battery'
  | 'gas-turbine'
  | 'transformer'
  | 'solar-block'

/** Size of one unit of a kind, metres: `w` along x (the row's direction), `d` along z. */
export interface UnitSize {
  readonly w: number
  readonly d: number
  readonly h: number
}

/**
 * A row of identical units side by side along x, `pitchM` apart (one tiled box in the scene),
 * centred on (x, z); `unitCentre(row, i)` gives unit i's centre.
 */
export interface UnitRow {
  readonly kind: UnitKind
  readonly yard: number
  readonly x: number
  readonly z: number
  readonly count: number
  readonly pitchM: number
}

export type YardKind = 'cooling' | 'generators' | 'substation' | 'battery' | 'gas' | 'solar'

export interface Yard {
  readonly index: number
  readonly kind: YardKind
  /** The building a cooling or generator yard serves; null for campus-wide yards. */
  readonly building: number | null
  readonly rect: Rect
  readonly firstRow: number
  readonly rowCount: number
  readonly units: number
  /** MW thermal for cooling yards; MW electric (or MVA for the substation) otherwise. */
  readonly ratingMw: number
}

export interface Point {
  readonly x: number
  readonly z: number
}

export interface TransmissionLine {
  readonly from: 'grid' | 'hydro'
  /** Tower positions, first to last; the line ends in the substation's gantry. */
  readonly towers: readonly Point[]
  /** Where the line ends at each end (substation gantry, powerhouse), metres. */
  readonly start: Point
  readonly end: Point
  readonly kv: number
  /** Height of the line's lattice towers to the earth-wire peak, metres (by voltage). */
  readonly towerHeightM: number
}

export interface HydroPlant {
  readonly mw: number
  /** Gross head: reservoir level above the powerhouse, metres. */
  readonly headM: number
  readonly dam: Rect
  readonly damHeightM: number
  /** Crest elevation of the dam, metres above the pad. */
  readonly damCrestYM: number
  /** Reservoir behind the dam: an ellipse in this rectangle, north of the dam. */
  readonly reservoir: Rect
  readonly reservoirLevelYM: number
  readonly powerhouse: Rect
  readonly penstocks: number
  /** Centre line of the penstock(s), dam to powerhouse, with elevations (x, y, z). */
  readonly penstockPath: readonly (readonly [number, number, number])[]
  /** The gated spillway section of the dam (on its crest), its gates and its chute down the
   * slope (x, y, z, following the ground) into a stilling basin at the mountain's foot. */
  readonly spillway: Rect
  readonly spillwayGates: number
  readonly chutePath: readonly (readonly [number, number, number])[]
  readonly stillingBasin: Rect
  /** The powerhouse's line-exit gantry, where the line to the substation starts. */
  readonly gantry: Gantry
}

export interface WindFarm {
  readonly rect: Rect
  readonly turbineMw: number
  readonly rotorDiameterM: number
  readonly hubHeightM: number
  /** Tower base positions. */
  readonly turbines: readonly Point[]
  /** Proportions from the rotor (`turbineProportions`), metres. */
  readonly towerBaseM: number
  readonly towerTopM: number
  readonly nacelleLengthM: number
  readonly nacelleHeightM: number
  readonly bladeChordM: number
}

export interface SeawaterIntake {
  readonly pumphouse: Rect
  /** Pipe route from the shore to the cooling yards, metres. */
  readonly pipe: readonly Point[]
  /** The intake head offshore and the pipe to it from the pumphouse, metres. */
  readonly intakeHead: Point
  readonly intakePipe: readonly Point[]
  /** The outfall headwall at the shore and the return pipe to it from the plots. */
  readonly outfall: Rect
  readonly outfallPipe: readonly Point[]
}

/** The land cover, soil and trees round a site (`SITE_BIOME` in terrain.ts). */
export type Biome =
  'fjord' | 'boreal' | 'scrub' | 'desert' | 'desert-coast' | 'tropical-coast' | 'farmland'

export interface TerrainSpec {
  readonly kind: Terrain
  readonly biome: Biome
  /** Flat campus pad at y = 0 (with a blend margin around it). */
  readonly pad: Rect
  readonly padBlendM: number
  /** Half-size of the terrain square around the origin, metres. */
  readonly extentM: number
  /** Sea or fjord surface, metres (below the pad), or null inland. */
  readonly seaLevelYM: number | null
  /** Shore line: land south of this z slopes under the sea (fjord, coastal). */
  readonly shoreZ: number | null
  /** Mountain side north of the pad (fjord sites, hydro plants). */
  readonly mountain: {
    readonly footZ: number
    readonly slopeM: number
    readonly plateauYM: number
  } | null
  /** The reservoir basin on the plateau, when there is a hydro plant. */
  readonly basin: Rect | null
  readonly seed: number
}

export type FootprintKind =
  | 'building'
  | 'yard'
  | 'parking'
  | 'admin'
  | 'powerhouse'
  | 'dam'
  | 'intake'
  | 'turbine'
  | 'tower'
  | 'piperack'
  | 'basin'

export interface Footprint {
  readonly kind: FootprintKind
  readonly rect: Rect
}

export interface CampusLayout {
  readonly site: SiteId
  readonly cooling: CoolingId
  /** Everything placed lies inside this rectangle. */
  readonly bounds: Rect
  /** The campus fence line (at least the model's campus land, `siteAreaHa`). */
  readonly fence: Rect
  /** The built-up part inside the fence: buildings, yards, the utility column. */
  readonly developed: Rect
  readonly terrain: TerrainSpec
  readonly buildings: readonly BuildingLayout[]
  readonly halls: readonly HallLayout[]
  readonly rackRows: readonly RackRowLayout[]
  readonly racks: RackPlacements
  readonly yards: readonly Yard[]
  readonly unitRows: readonly UnitRow[]
  readonly substation: Yard
  readonly transformers: readonly Point[]
  readonly lines: readonly TransmissionLine[]
  readonly hydro: HydroPlant | null
  readonly wind: WindFarm | null
  readonly intake: SeawaterIntake | null
  readonly roads: readonly Rect[]
  readonly parking: Rect
  readonly admin: Rect
  /** Every solid footprint on the ground (roads excluded): none overlaps another. */
  readonly footprints: readonly Footprint[]
  /** Built detail: façades, rooftop plant, hall fit-out, gate, fence posts, parking, trucks. */
  readonly detail: BuiltDetail
  /** Built detail of the plant: switchyard, stacks, lights, pipe racks, inverters, trackers. */
  readonly plant: PlantLayout
}

// Built detail: what a building, a hall and the site are made of, at true scale (BUILDINGS).

/** A box: footprint `rect`, standing from height `y` to `y + h`, metres. */
export interface Solid {
  readonly rect: Rect
  readonly y: number
  readonly h: number
}

/** A side of an axis-aligned block, by the way it faces: north is −z, east is +x. */
export type Face = 'north' | 'south' | 'east' | 'west'

export type OpeningKind =
  'door' | 'entrance' | 'loading-door' | 'louvre' | 'clerestory' | 'stair-window'

/**
 * Something flat on a wall: a door, a loading-bay door, a louvre bank or a window. Centre
 * (`x`, `z`) on the wall's outer face relative to the building's centre, sill `y` above the
 * pad, `w` along the wall and `h` tall, metres.
 */
export interface Opening {
  readonly kind: OpeningKind
  readonly face: Face
  readonly x: number
  readonly z: number
  readonly y: number
  readonly w: number
  readonly h: number
}

export type RoofItemKind = 'air-handler' | 'exhaust-fan' | 'stair-core' | 'walkway'

/** A piece of rooftop plant, relative to the building's centre; `y` is the roof level. */
export interface RoofItem extends Solid {
  readonly kind: RoofItemKind
}

/**
 * The built detail every GPU building shares (they are all alike), relative to the building's
 * centre: the main block (halls upstairs, electrical rooms below) and, at its east end, a
 * glazed office block and the loading apron with its bays.
 */
export interface BuildingKit {
  readonly main: Rect
  readonly mainHeightM: number
  /** Parapet round the main block's roof: height above the roof and thickness, metres. */
  readonly parapetM: number
  readonly parapetThicknessM: number
  readonly office: Rect
  readonly officeStoreys: number
  readonly officeHeightM: number
  readonly apron: Rect
  readonly openings: readonly Opening[]
  readonly roof: readonly RoofItem[]
  /** Where a truck stands at each loading bay, its trailer's rear at the door. */
  readonly bays: readonly Rect[]
}

export type HallItemKind =
  | 'containment-roof'
  | 'containment-door'
  | 'cdu'
  | 'crah'
  | 'busway'
  | 'cable-tray'
  | 'supply-pipe'
  | 'return-pipe'
  | 'beam'
  | 'light'

/**
 * A piece of a hall's fit-out relative to the hall's centre, `y` above the hall floor. Pipes
 * are round: `h` is their diameter and they run along the longer side of `rect`.
 */
export interface HallItem extends Solid {
  readonly kind: HallItemKind
}

/** A person standing: feet at (x, z), facing `yaw` (radians, 0: +z), `heightM` tall. */
export interface Figure {
  readonly x: number
  readonly z: number
  readonly yaw: number
  readonly heightM: number
}

/** The fit-out every hall shares (they are all alike), relative to the hall's centre and floor. */
export interface HallKit {
  /** Which aisles are contained: the hot ones (backs of racks) or the cold ones (fronts). */
  readonly containment: 'hot' | 'cold'
  readonly containedAisles: number
  /** Coolant distribution units (liquid-cooled racks) and air handlers in the galleries. */
  readonly cdus: number
  readonly crahs: number
  /** Clear height from the hall floor to the underside of the roof, metres. */
  readonly ceilingM: number
  readonly items: readonly HallItem[]
  readonly people: readonly Figure[]
}

/** A parked vehicle: centre (x, z), heading `yaw` (radians, 0: nose toward +z), paint index. */
export interface Vehicle {
  readonly x: number
  readonly z: number
  readonly yaw: number
  readonly colour: number
}

/** Where the access road crosses the fence: the gap, the gate house and the barrier arm. */
export interface Gate {
  /** The gap in the (west) fence line the access road passes through. */
  readonly opening: Rect
  readonly house: Rect
  readonly houseHeightM: number
  /** The barrier arm across the road, just inside the fence (lowered). */
  readonly barrier: Rect
}

/** Fence posts, structure of arrays (thousands round a large campus). */
export interface PostPlacements {
  readonly count: number
  readonly x: Float32Array
  readonly z: Float32Array
  readonly spacingM: number
  readonly heightM: number
}

/** The site's detail: gate, fence posts, parking stalls and the vehicles in them, kerbs. */
export interface SiteDetail {
  readonly gate: Gate
  readonly posts: PostPlacements
  /** Marked parking stalls (each 2.5 × 5 m) and the cars parked in some of them. */
  readonly stalls: readonly Rect[]
  readonly cars: readonly Vehicle[]
  /** Trucks standing at loading bays, world positions. */
  readonly trucks: readonly Vehicle[]
  /** Kerbs along the roads inside the fence (0.3 m wide), broken at junctions. */
  readonly kerbs: readonly Rect[]
  readonly adminHeightM: number
  readonly adminStoreys: number
}

/** The built detail of a campus: each building's and each hall's (relative), and the site's. */
export interface BuiltDetail {
  readonly building: BuildingKit
  readonly hall: HallKit
  readonly site: SiteDetail
}

/** A steel lattice portal: two legs `spanM` apart joined by a beam `heightM` up. */
export interface Gantry {
  readonly x: number
  readonly z: number
  /** 0: the beam runs along x; π/2: along z. */
  readonly yaw: number
  readonly spanM: number
  readonly heightM: number
}

/** A point in space, metres (x east, y up, z south). */
export type Point3 = readonly [number, number, number]

/** A conductor strung from `a` to `b` (busbar, dropper, bay connection), sagging `sagM`. */
export interface Wire {
  readonly a: Point3
  readonly b: Point3
  readonly sagM: number
}

/** A bay's three-pole apparatus; its poles stand `poleM` apart along its local x (yaw). */
export interface BayApparatus {
  readonly kind: 'breaker' | 'disconnector'
  readonly x: number
  readonly z: number
  readonly yaw: number
}

/**
 * The substation's air-insulated switchyard: line-entry gantries on its west side where the
 * incoming lines land, a north–south main busbar, an east–west busbar north of each
 * transformer row on gantries, and a bay (disconnector, breaker) from the busbar to each
 * transformer and to each line.
 */
export interface Switchyard {
  readonly kv: number
  readonly phaseM: number
  readonly poleM: number
  readonly gantries: readonly Gantry[]
  readonly apparatus: readonly BayApparatus[]
  readonly wires: readonly Wire[]
  /** The line-entry gantry (index into `gantries`) of each incoming line. */
  readonly entries: readonly { readonly from: 'grid' | 'hydro'; readonly gantry: number }[]
}

/** An exhaust stack standing on the ground, metres. */
export interface Stack {
  readonly x: number
  readonly z: number
  readonly heightM: number
  readonly diameterM: number
}

/** A red obstruction light, `heightM` above the ground at (x, z). */
export interface AviationLight {
  readonly x: number
  readonly z: number
  readonly heightM: number
}

/** A pipe rack from a building to its cooling yard (in the gap between them). */
export interface PipeRack {
  readonly building: number
  readonly rect: Rect
  readonly heightM: number
  /** Supply and return pipes together, and their bore, metres. */
  readonly pipes: number
  readonly boreM: number
  /** Levels of pipes on the rack (more where one level would not fit across it). */
  readonly levels: number
}

/** An inverter/transformer skid: battery power conversion or a solar block's station. */
export interface InverterSkid {
  readonly rect: Rect
  readonly yard: number
}

/**
 * The solar field's single-axis trackers, the same in every 5 MW block: `rowsPerBlock` rows
 * `rowPitchM` apart across x, each split into a north and a south tracker `trackerLengthM`
 * long on either side of the block's middle road.
 */
export interface SolarTrackers {
  readonly rowsPerBlock: number
  readonly rowPitchM: number
  readonly trackerLengthM: number
  /** Distance from the block's centre line to each tracker's centre, metres (north and south). */
  readonly trackerOffsetM: number
  readonly panelWidthM: number
  readonly axisHeightM: number
  readonly maxTiltDeg: number
  /** DC capacity of one block, MW. */
  readonly dcMwPerBlock: number
}

export interface PlantLayout {
  readonly switchyard: Switchyard
  /** Gas-turbine exhaust stacks (gen-set stacks are part of each gen-set). */
  readonly stacks: readonly Stack[]
  readonly aviationLights: readonly AviationLight[]
  readonly pipeRacks: readonly PipeRack[]
  readonly inverters: readonly InverterSkid[]
  readonly trackers: SolarTrackers | null
}
