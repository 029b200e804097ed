import { create } from 'zustand'
import { OPENING_SCENARIO } from './presets'
import { type Climate, type ReadoutKey, type Scenario, type SiteId } from '../model'

/** Layers the viewer can show or hide (toggled with `visible`, never remounted). */
export type LayerId = 'power' | 'cooling' | 'compute' | 'site'

/**
 * Named camera views, in the toolbar's order (the scene computes each from the layout);
 * 'custom' carries its own position and target. The one list of views: the toolbar, the link's
 * `cam=`, the export dialog, captions and file names all read it.
 */
export const CAMERA_VIEWS = ['overview', 'top', 'hall', 'cooling', 'power'] as const
export type CameraViewId = (typeof CAMERA_VIEWS)[number]

/** Names of the camera views as people read them (buttons, file names, captions). */
export const CAMERA_VIEW_LABELS: Readonly<Record<CameraViewId | 'current' | 'custom', string>> = {
  overview: 'Overview',
  top: 'Top plan',
  hall: 'Hall interior',
  cooling: 'Cooling yard',
  power: 'Power feed',
  current: 'Current view',
  custom: 'Custom view',
}

export interface CameraState {
  readonly view: CameraViewId | 'custom'
  /** Metres, world space; present for 'custom'. */
  readonly position?: readonly [number, number, number]
  readonly target?: readonly [number, number, number]
}

/** Kinds of asset the user can select in the 3D view. */
export type SelectKind =
  | 'hall'
  | 'building'
  | 'cooling'
  | 'generators'
  | 'substation'
  | 'battery'
  | 'gas'
  | 'solar'
  | 'hydro'
  | 'wind'
  | 'line'

/** What the user clicked: an asset kind and its index within that kind. */
export interface Selection {
  readonly kind: SelectKind
  readonly index: number
}

export type Units = 'si' | 'imperial'

/** A message to the user that outlives the action that raised it (bad link, corrupt storage). */
export interface Notice {
  readonly id: number
  readonly tone: 'info' | 'warning' | 'error'
  readonly title: string
  /** One line per item, rendered as text. */
  readonly details: readonly string[]
}

/** A scenario saved in the browser under its own id; its name is `scenario.name`. */
export interface SavedScenario {
  readonly id: string
  readonly savedAtMs: number
  readonly scenario: Scenario
}

/** The planner's lower drawer: charts, power flow, methodology, comparison. */
export type DrawerTab = 'charts' | 'flow' | 'method' | 'compare'

export interface CampusState {
  /** The source of truth: readouts and layout are derived from it, never stored. */
  readonly scenario: Scenario
  /** The phase shown (0-based; read through `selectPhaseIndex`, which clamps it to the phases present). */
  readonly phaseIndex: number
  /** Climates loaded so far (lazily, one site at a time). */
  readonly climates: Readonly<Partial<Record<SiteId, Climate>>>
  readonly selection: Selection | null
  readonly layers: Readonly<Record<LayerId, boolean>>
  readonly camera: CameraState
  readonly units: Units
  /** Viewer presentation: roofs cut away to show racks; rotors turning; sun position. */
  readonly xray: boolean
  readonly motion: boolean
  /** Local solar time for the sun, hours 0…24. */
  readonly timeOfDayH: number
  /** Day of the year for the sun, 1 … 365 (172 = 21 June). */
  readonly dayOfYear: number
  /** A slider is held down: the 3D view stays at its busy resolution until it is let go. */
  readonly dragging: boolean
  /** Earlier scenarios, oldest first (undo), and undone ones, most recent last (redo). */
  readonly past: readonly Scenario[]
  readonly future: readonly Scenario[]
  /** Scenario A of the comparison (the current scenario is B); null when nothing is pinned. */
  readonly compareA: Scenario | null
  readonly saved: readonly SavedScenario[]
  readonly notices: readonly Notice[]
  readonly drawer: DrawerTab | null
  /** Readout the methodology panel scrolls to. */
  readonly methodKey: ReadoutKey | null
}

export const DEFAULT_LAYERS: Readonly<Record<LayerId, boolean>> = {
  power: true,
  cooling: true,
  compute: true,
  site: true,
}

export const DEFAULT_CAMERA: CameraState = { view: 'overview' }

export const useCampus = create<CampusState>()(() => ({
  scenario: OPENING_SCENARIO,
  phaseIndex: 0,
  climates: {},
  selection: null,
  layers: DEFAULT_LAYERS,
  camera: DEFAULT_CAMERA,
  units: 'si',
  xray: true,
  motion: true,
  timeOfDayH: 14,
  dayOfYear: 172,
  dragging: false,
  past: [],
  future: [],
  compareA: null,
  saved: [],
  notices: [],
  drawer: null,
  methodKey: null,
}))
