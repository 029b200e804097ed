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
}

export interface WindFarm {
  readonly rect: Rect
  readonly turbineMw: number
  readonly rotorDiameterM: number
  readonly hubHeightM: number
  /** Tower base positions. */
  readonly turbines: readonly Point[]
}

export interface SeawaterIntake {
  readonly pumphouse: Rect
  /** Pipe route from the shore to the cooling yards, metres. */
  readonly pipe: readonly Point[]
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
  'building' | 'yard' | 'parking' | 'admin' | 'powerhouse' | 'dam' | 'intake' | 'turbine' | 'tower'

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
}
