import { AIR_CLASSES, AIR_CLASS_IDS, COOLING, COOLING_IDS } from './cooling'
import { RACKS, RACK_IDS } from './racks'
import { SITES, SITE_IDS } from './sites'
import { printable } from './text'

/**
 * The scenario file, version 1 (docs/ARCHITECTURE.md). One table, FIELDS, drives everything
 * about a parameter: the `Scenario` type and the `FieldPath` union are derived from it, and so
 * are the defaults, the file parser, `setField`, the command line, the URL keys, which fields a
 * phase may override and every control in the planner (label, unit, range, step, help).
 *
 * Why no schema library (valibot, zod): FIELDS has to exist anyway for the controls (label,
 * unit, step, help, group, URL key), so a library schema would be a second description
 * generated from it; its issues would still have to be mapped back to our messages (range with
 * unit, "unknown site … did you mean …", capped unknown keys), and the lenient reader that keeps
 * the good fields of a hand-edited link has no counterpart there. Measured in
 * docs/ARCHITECTURE.md (Schema): more code, not less.
 */
export const REDUNDANCY_IDS = ['N', 'N+1', '2N'] as const
export type Redundancy = (typeof REDUNDANCY_IDS)[number]

export type FieldGroup = 'site' | 'compute' | 'cooling' | 'power' | 'campus'

export const FIELD_GROUPS: readonly { readonly id: FieldGroup; readonly label: string }[] = [
  { id: 'site', label: 'Site & climate' },
  { id: 'compute', label: 'Compute' },
  { id: 'campus', label: 'Campus' },
  { id: 'cooling', label: 'Cooling' },
  { id: 'power', label: 'Power supply' },
]

/** What every field record holds. `P` is its path, `O` whether a phase may override it. */
interface FieldBase<P extends string, O extends boolean> {
  /** Path in the scenario file, e.g. `power.hydroMw`. */
  readonly path: P
  /** URL query key: the field's own name, power fields flattened (`hydroMw`). */
  readonly key: string
  readonly label: string
  readonly help: string
  readonly group: FieldGroup
  /** A phase may override it (`phases[i].buildings`): the campus's size, racks, cooling, power. */
  readonly phase: O
}

export interface NumberSpec<
  P extends string = string,
  O extends boolean = boolean,
> extends FieldBase<P, O> {
  readonly kind: 'number'
  readonly unit: string
  readonly min: number
  readonly max: number
  readonly step: number
  readonly integer: boolean
  readonly default: number
}

export interface EnumSpec<
  P extends string = string,
  V extends string = string,
  O extends boolean = boolean,
> extends FieldBase<P, O> {
  readonly kind: 'enum'
  readonly options: readonly { readonly value: V; readonly label: string }[]
  readonly default: V
}

export interface TextSpec<P extends string = string, O extends boolean = boolean> extends FieldBase<
  P,
  O
> {
  readonly kind: 'text'
  readonly maxLength: number
  readonly default: string
}

/** Any field record, before FIELDS narrows paths and values to the real ones. */
export type FieldSpec = NumberSpec | EnumSpec | TextSpec

interface Extras<O extends boolean> {
  /** Whole numbers only (counts). */
  readonly integer?: boolean
  /** A phase may override the field. */
  readonly phase?: O
}

const keyOf = (path: string): string => path.slice(path.lastIndexOf('.') + 1)

function num<const P extends string, const O extends boolean = false>(
  path: P,
  label: string,
  unit: string,
  [min, max, step]: readonly [number, number, number],
  defaultValue: number,
  group: FieldGroup,
  help: string,
  extras: Extras<O> = {},
): NumberSpec<P, O> {
  return {
    kind: 'number',
    path,
    key: keyOf(path),
    label,
    unit,
    min,
    max,
    step,
    integer: extras.integer ?? false,
    default: defaultValue,
    group,
    help,
    phase: (extras.phase ?? false) as O,
  }
}

function choice<const P extends string, const V extends string, const O extends boolean = false>(
  path: P,
  label: string,
  options: readonly { readonly value: V; readonly label: string }[],
  defaultValue: NoInfer<V>,
  group: FieldGroup,
  help: string,
  extras: Extras<O> = {},
): EnumSpec<P, V, O> {
  const phase = (extras.phase ?? false) as O
  return {
    kind: 'enum',
    path,
    key: keyOf(path),
    label,
    options,
    default: defaultValue,
    group,
    help,
    phase,
  }
}

function text<const P extends string>(
  path: P,
  label: string,
  maxLength: number,
  defaultValue: string,
  group: FieldGroup,
  help: string,
): TextSpec<P, false> {
  return {
    kind: 'text',
    path,
    key: keyOf(path),
    label,
    maxLength,
    default: defaultValue,
    group,
    help,
    phase: false,
  }
}

const PHASE = { phase: true } as const
const PHASE_COUNT = { integer: true, phase: true } as const

export const FIELDS = [
  text(
    'name',
    'Name',
    120,
    'Stargate Norway (Narvik)',
    'campus',
    'Shown on saved scenarios and exported images.',
  ),
  choice(
    'site',
    'Site',
    SITE_IDS.map((id) => ({ value: id, label: SITES[id].label })),
    'narvik',
    'site',
    'Built-in site: its hourly typical weather year, grid carbon and price, water stress and terrain.',
  ),
  num(
    'climateOffsetC',
    'Climate offset',
    '°C',
    [-5, 8, 0.5],
    0,
    'site',
    'What-if warming added to every hour of the typical year (relative humidity held).',
  ),
  choice(
    'rack',
    'Rack type',
    RACK_IDS.map((id) => ({ value: id, label: RACKS[id].label })),
    'gb300-nvl72',
    'compute',
    'GPU generation and rack: sets design power, GPUs per rack, FLOPS and the liquid share of heat.',
    PHASE,
  ),
  num(
    'utilization',
    'Utilization',
    '–',
    [0.3, 1, 0.01],
    0.85,
    'compute',
    'Mean compute power as a share of rack design power (training 0.8–0.9, inference 0.5–0.8).',
    PHASE,
  ),
  num(
    'buildings',
    'Buildings',
    'count',
    [1, 40, 1],
    2,
    'campus',
    'GPU buildings on the campus (a 4.5 GW programme is ~32 buildings).',
    PHASE_COUNT,
  ),
  num(
    'hallsPerBuilding',
    'Halls per building',
    'count',
    [1, 8, 1],
    4,
    'campus',
    'Data halls (white space rooms) in each building.',
    PHASE_COUNT,
  ),
  num(
    'racksPerHall',
    'Racks per hall',
    'count',
    [1, 600, 1],
    174,
    'campus',
    'Rack positions filled in each hall.',
    PHASE_COUNT,
  ),
  choice(
    'cooling',
    'Cooling',
    COOLING_IDS.map((id) => ({ value: id, label: COOLING[id].label })),
    'dlc-dry',
    'cooling',
    'How heat leaves the halls and the site.',
    PHASE,
  ),
  choice(
    'airClass',
    'IT air class',
    AIR_CLASS_IDS.map((id) => ({ value: id, label: AIR_CLASSES[id].label })),
    'A1',
    'cooling',
    'ASHRAE TC 9.9 envelope for the halls’ supply air: dew point and humidity limits, looser from Recommended to A4. With the outside-air economiser, outside air beyond it is not brought in and the halls are cooled mechanically.',
  ),
  num(
    'liquidSupplyC',
    'Liquid supply temperature',
    '°C',
    [17, 45, 1],
    30,
    'cooling',
    'Facility water supply to the CDUs (ASHRAE W17…W45). Warmer water means more free cooling.',
    PHASE,
  ),
  num(
    'heatReuseFraction',
    'Heat reuse',
    '–',
    [0, 0.5, 0.01],
    0,
    'cooling',
    'Share of the campus’s heat a heat customer takes at its peak (the coldest hours for district heating), instead of rejecting it.',
  ),
  choice(
    'heatReuseDemand',
    'Heat customer',
    [
      { value: 'district-heating', label: 'District heating (follows the season)' },
      { value: 'flat', label: 'Industry (flat all year)' },
    ],
    'district-heating',
    'cooling',
    'District heating takes heat in proportion to heating degree-hours over a hot-water base; an industrial customer takes the same share every hour.',
  ),
  num(
    'heatReuseSupplyC',
    'Heat network supply temperature',
    '°C',
    [30, 95, 1],
    60,
    'cooling',
    'Temperature the heat customer needs: 4th-generation district heating runs cooler than older networks. Above the loop’s return temperature a heat pump lifts it, and its electricity counts in facility energy.',
  ),
  choice(
    'redundancy',
    'Electrical redundancy',
    REDUNDANCY_IDS.map((id) => ({ value: id, label: id })),
    'N+1',
    'power',
    'UPS and distribution redundancy: sets UPS loading and so its losses.',
  ),
  num(
    'power.gridMw',
    'Grid import',
    'MW',
    [0, 20000, 10],
    0,
    'power',
    'Grid connection capacity. With no grid, hydro, wind, solar or gas configured, the site’s own grid is used, unlimited, at its mix and carbon factor.',
    PHASE,
  ),
  num(
    'power.ppaMw',
    'Clean-energy contract',
    'MW',
    [0, 20000, 10],
    0,
    'power',
    'A round-the-clock renewable supply contract (PPA) delivered through the grid, matched hour by hour against grid energy. It lowers market-based carbon and raises the renewable and carbon-free scores; location-based carbon still counts grid energy at the grid’s average.',
    PHASE,
  ),
  num(
    'power.hydroMw',
    'Hydro',
    'MW',
    [0, 20000, 10],
    0,
    'power',
    'A dedicated hydropower plant (turbine rating): dispatchable up to this, within its annual energy.',
    PHASE,
  ),
  num(
    'power.hydroCapacityFactor',
    'Hydro energy factor',
    '–',
    [0.1, 1, 0.01],
    0.48,
    'power',
    'The plant’s annual energy as a share of MW × 8760 h, which its reservoir spreads over the year: 0.48 is the Norwegian fleet average. Firm supply all year comes from the grid or a contract, not from a plant.',
    PHASE,
  ),
  num(
    'power.windTurbines',
    'Wind turbines',
    'count',
    [0, 2000, 1],
    0,
    'power',
    'On-site or contracted wind turbines, from the site’s hourly wind.',
    PHASE_COUNT,
  ),
  num(
    'power.windTurbineMw',
    'Turbine rating',
    'MW',
    [1, 20, 0.5],
    5,
    'power',
    'Rated power of each turbine.',
    PHASE,
  ),
  num(
    'power.solarMw',
    'Solar',
    'MW',
    [0, 20000, 10],
    0,
    'power',
    'Solar PV (AC), from the sun’s path at the site.',
    PHASE,
  ),
  num(
    'power.gasMw',
    'Gas turbines',
    'MW',
    [0, 20000, 10],
    0,
    'power',
    'On-site gas turbines, dispatched when other supply falls short.',
    PHASE,
  ),
  num(
    'power.batteryMwh',
    'Battery',
    'MWh',
    [0, 100000, 10],
    0,
    'power',
    'Battery storage (4-hour), charged from surplus wind and solar.',
    PHASE,
  ),
] as const satisfies readonly FieldSpec[]

// ---------------------------------------------------------------------------------------------
// Types derived from FIELDS

/** One record of FIELDS, with its real path, value type and phase flag. */
export type Field = (typeof FIELDS)[number]
export type NumberField = Extract<Field, { readonly kind: 'number' }>
export type EnumField = Extract<Field, { readonly kind: 'enum' }>
export type TextField = Extract<Field, { readonly kind: 'text' }>

/** Every field's path: `'name' | 'site' | … | 'power.gridMw' | …`. */
export type FieldPath = Field['path']
/** The FIELDS record of one path. */
export type FieldOf<P extends FieldPath> = Extract<Field, { readonly path: P }>
/** A field's value type: `number`, the enum's ids (`SiteId`…) or `string`. */
export type FieldValue<P extends FieldPath> = FieldOf<P>['default']
/** Fields a phase may override, by path. */
export type PhaseFieldPath = Extract<Field, { readonly phase: true }>['path']

type Dotted = `${string}.${string}`
/** Nested groups of the file (`power`). */
type GroupName = FieldPath extends infer P ? (P extends `${infer G}.${string}` ? G : never) : never
type KeyIn<G extends string, P extends string> = P extends `${G}.${infer K}` ? K : never

type ScenarioShape = { readonly [P in Exclude<FieldPath, Dotted>]: FieldValue<P> } & {
  readonly [G in GroupName]: { readonly [P in FieldPath as KeyIn<G, P>]: FieldValue<P> }
}
type PhaseShape = { readonly [P in Exclude<PhaseFieldPath, Dotted>]?: FieldValue<P> } & {
  readonly [G in GroupName]?: { readonly [P in PhaseFieldPath as KeyIn<G, P>]?: FieldValue<P> }
}

/**
 * One step of the build-out: from `online` (a month, `YYYY-MM`) on, the campus is the one
 * before it with these overrides. What a phase leaves out carries over from the phase before;
 * the first phase carries over from the scenario's own fields.
 */
export interface Phase extends PhaseShape {
  readonly name: string
  readonly online: string
}

export interface Scenario extends ScenarioShape {
  readonly version: 1
  /** The build-out over time, 1 … MAX_PHASES in order of `online`; absent: one phase. */
  readonly phases?: readonly Phase[]
}

export type PowerSupply = Scenario['power']

// ---------------------------------------------------------------------------------------------
// Lookups

export const FIELD_BY_PATH: ReadonlyMap<string, Field> = new Map(FIELDS.map((f) => [f.path, f]))
export const FIELD_BY_KEY: ReadonlyMap<string, Field> = new Map(FIELDS.map((f) => [f.key, f]))

/** Fields a phase may override, in schema order. */
export const PHASE_FIELDS: readonly Extract<Field, { readonly phase: true }>[] = FIELDS.filter(
  (f): f is Extract<Field, { readonly phase: true }> => f.phase,
)

/** Whether `path` names a field. */
export function isFieldPath(path: string): path is FieldPath {
  return FIELD_BY_PATH.has(path)
}

/** The FIELDS record of a path, typed by it. */
export function fieldOf<P extends FieldPath>(path: P): FieldOf<P> {
  return FIELD_BY_PATH.get(path) as FieldOf<P>
}

function splitPath(path: string): readonly [string, string | undefined] {
  const dot = path.indexOf('.')
  return dot < 0 ? [path, undefined] : [path.slice(0, dot), path.slice(dot + 1)]
}

function readPath(doc: object, path: string): unknown {
  const [head, tail] = splitPath(path)
  const value = (doc as Record<string, unknown>)[head]
  if (tail === undefined) return value
  return typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)[tail]
    : undefined
}

/** A copy of `doc` with one path set (groups copied, not shared). */
function writePath<T extends object>(doc: T, path: string, value: unknown): T {
  const [head, tail] = splitPath(path)
  if (tail === undefined) return { ...doc, [head]: value }
  const group = (doc as Record<string, unknown>)[head]
  return { ...doc, [head]: { ...(typeof group === 'object' ? group : {}), [tail]: value } }
}

/** Builds a scenario in schema order from values by path; a missing path takes its default. */
function buildScenario(values: ReadonlyMap<string, unknown>, phases?: readonly Phase[]): Scenario {
  let doc: object = { version: 1 }
  for (const f of FIELDS) doc = writePath(doc, f.path, values.get(f.path) ?? f.default)
  if (phases !== undefined && phases.length > 0) doc = { ...doc, phases }
  return doc as Scenario
}

export const DEFAULT_SCENARIO: Scenario = buildScenario(new Map())

// ---------------------------------------------------------------------------------------------
// Typed access

/** Reads a field's value out of a scenario by its path. */
export function getField<P extends FieldPath>(scenario: Scenario, path: P): FieldValue<P> {
  return readPath(scenario, path) as FieldValue<P>
}

export type SetFieldResult<P extends FieldPath = FieldPath> =
  | {
      readonly ok: true
      /** The new scenario; the same object when the value did not change. */
      readonly scenario: Scenario
      /** The value stored: clamped to the range and rounded for counts. */
      readonly value: FieldValue<P>
      /** The value stored differs from the one given (clamped or rounded). */
      readonly adjusted: boolean
    }
  | {
      readonly ok: false
      /** The scenario given, unchanged. */
      readonly scenario: Scenario
      /** Why the value was refused, naming the field: the file parser's words. */
      readonly problem: Problem
    }

/**
 * A number brought into its field's range (rounded to whole for counts); anything else as it
 * is, for `checkValue` to judge.
 */
export function fitValue(field: Field, value: unknown): unknown {
  if (field.kind !== 'number' || typeof value !== 'number' || !Number.isFinite(value)) return value
  const whole = field.integer ? Math.round(value) : value
  return Math.min(field.max, Math.max(field.min, whole))
}

/**
 * Sets one field of any value: numbers are clamped to the field's range (counts rounded), and
 * whatever `checkValue` still refuses (not a number, NaN, an unknown site, over-long text…) leaves
 * the scenario unchanged and says why. For values from people (a typed box, a link).
 */
export function trySetField<P extends FieldPath>(
  scenario: Scenario,
  path: P,
  value: unknown,
): SetFieldResult<P> {
  const field = FIELD_BY_PATH.get(path)
  if (field === undefined) {
    return { ok: false, scenario, problem: { path: shortKey(path), message: 'unknown field' } }
  }
  const fitted = fitValue(field, value)
  const problem = checkValue(field, fitted)
  if (problem !== null) return { ok: false, scenario, problem: { path, message: problem } }
  const next = readPath(scenario, path) === fitted ? scenario : writePath(scenario, path, fitted)
  return { ok: true, scenario: next, value: fitted as FieldValue<P>, adjusted: fitted !== value }
}

/**
 * A copy of the scenario with one field set: numbers clamped to the field's range (counts
 * rounded); a value `checkValue` refuses (NaN…) returns the scenario unchanged — use
 * `trySetField` to learn why. Returns the same object when nothing changes.
 */
export function setField<P extends FieldPath>(
  scenario: Scenario,
  path: P,
  value: FieldValue<P>,
): Scenario {
  return trySetField(scenario, path, value).scenario
}

// ---------------------------------------------------------------------------------------------
// Problems and checks

export interface Problem {
  /** Field path, e.g. `power.hydroMw` or `phases[1].online`; `(file)` for the whole document. */
  readonly path: string
  readonly message: string
}

/**
 * One line per problem, as the command line and the planner print them: control characters
 * and escape sequences from the input are written as visible escapes (`printable`).
 */
export function formatProblem(problem: Problem): string {
  return printable(`${problem.path}: ${problem.message}`)
}

/** A value from the input, described for a problem's message (strings cut at 40 characters). */
export function describeValue(value: unknown): string {
  if (typeof value === 'string')
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)
  if (typeof value === 'number') return String(value)
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  return typeof value === 'object' ? 'an object' : String(value)
}

/** Checks one value against its field; returns the problem, or null when it is valid. */
export function checkValue(field: FieldSpec, value: unknown): string | null {
  switch (field.kind) {
    case 'number': {
      if (typeof value !== 'number') return `must be a number (got ${describeValue(value)})`
      if (!Number.isFinite(value)) return 'must be a finite number'
      if (value < field.min || value > field.max) {
        const unit = field.unit === '–' || field.unit === 'count' ? '' : ` ${field.unit}`
        return `must be between ${field.min} and ${field.max}${unit} (got ${describeValue(value)})`
      }
      if (field.integer && !Number.isInteger(value))
        return `must be a whole number (got ${describeValue(value)})`
      return null
    }
    case 'enum': {
      if (typeof value !== 'string')
        return `must be one of ${listOptions(field)} (got ${describeValue(value)})`
      if (!field.options.some((o) => o.value === value)) {
        const hint = closest(
          value,
          field.options.map((o) => o.value),
        )
        const unknownWhat =
          field.path === 'site'
            ? 'unknown site'
            : field.path === 'rack'
              ? 'unknown rack'
              : 'unknown value'
        return `${unknownWhat} ${describeValue(value)}${hint ? ` (did you mean "${hint}"?)` : ''}; expected one of ${listOptions(field)}`
      }
      return null
    }
    case 'text': {
      if (typeof value !== 'string') return `must be text (got ${describeValue(value)})`
      if (value.length > field.maxLength)
        return `must be at most ${field.maxLength} characters (got ${value.length})`
      return null
    }
  }
}

function listOptions(field: EnumSpec): string {
  return field.options.map((o) => o.value).join(', ')
}

/** Longest name the "did you mean" search compares (longer names get no hint). */
const HINT_MAX_LENGTH = 64

/** The known name nearest to `name` by edit distance, when it is a plausible misspelling. */
export function closest(name: string, candidates: readonly string[]): string | null {
  if (name.length > HINT_MAX_LENGTH) return null
  let best: string | null = null
  let bestDistance = Infinity
  for (const candidate of candidates) {
    const d = editDistance(name.toLowerCase(), candidate.toLowerCase())
    if (d < bestDistance) {
      best = candidate
      bestDistance = d
    }
  }
  return best !== null && bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : null
}

function editDistance(a: string, b: string): number {
  if (a.length > HINT_MAX_LENGTH || b.length > HINT_MAX_LENGTH) return Infinity
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      )
    }
    previous = current
  }
  return previous[b.length] ?? Infinity
}

/** Longest key echoed in a problem's path; longer keys are cut with `…`. */
const KEY_ECHO_LENGTH = 40

/** A key from the input, cut for echoing. */
export function shortKey(key: string): string {
  return key.length > KEY_ECHO_LENGTH ? `${key.slice(0, KEY_ECHO_LENGTH)}…` : key
}

/** The message for an unknown key, with a "did you mean" among `known` when one is close. */
export function unknownFieldMessage(key: string, known: readonly string[]): string {
  const hint = closest(key, known)
  return `unknown field${hint ? ` (did you mean "${hint}"?)` : ''}`
}

/**
 * Unknown keys named one by one (with a hint each); the rest of a reading's unknown keys are
 * counted in one problem, so a file of thousands of stray keys costs no more than ten.
 */
export const MAX_UNKNOWN_NAMED = 10

/** The one problem that counts the unknown keys past the first MAX_UNKNOWN_NAMED. */
export function moreUnknownProblem(where: string, unknownCount: number): Problem | null {
  const more = unknownCount - MAX_UNKNOWN_NAMED
  return more > 0
    ? {
        path: where,
        message: `has ${more} more unknown field${more === 1 ? '' : 's'} (only the first ${MAX_UNKNOWN_NAMED} are named)`,
      }
    : null
}

// ---------------------------------------------------------------------------------------------
// Phases: the contract

/** Most phases a scenario may hold. */
export const MAX_PHASES = 12
/** Years a phase may come online in. */
export const PHASE_YEARS = { min: 1990, max: 2100 } as const

/** A phase's `name`: text like the scenario's name. Default `Phase <n>` (n counts from 1). */
export const PHASE_NAME_FIELD: TextSpec<'name', false> = {
  kind: 'text',
  path: 'name',
  key: 'name',
  label: 'Phase name',
  maxLength: 120,
  default: '',
  group: 'campus',
  help: 'Shown on the timeline, the command line’s columns and exported images.',
  phase: false,
}

/** The name a phase gets when it gives none. */
export function defaultPhaseName(index: number): string {
  return `Phase ${index + 1}`
}

/** Checks a phase's `online`: a month `YYYY-MM`, 01 … 12, in PHASE_YEARS. */
export function checkMonth(value: unknown): string | null {
  const expected = 'a month "YYYY-MM", e.g. "2026-06"'
  if (typeof value !== 'string') return `must be ${expected} (got ${describeValue(value)})`
  const match = /^(\d{4})-(\d{2})$/.exec(value)
  if (match === null) return `must be ${expected} (got ${describeValue(value)})`
  const year = Number(match[1])
  const month = Number(match[2])
  if (month < 1 || month > 12) return `has no month ${match[2]}: months are 01 to 12`
  if (year < PHASE_YEARS.min || year > PHASE_YEARS.max)
    return `must be between ${PHASE_YEARS.min} and ${PHASE_YEARS.max} (got ${describeValue(value)})`
  return null
}

// ---------------------------------------------------------------------------------------------
// Reading a document

/**
 * A reading in progress: its problems so far and how many unknown keys it has met. One reading
 * spans a whole document (a scenario, or a programme of scenarios), so the unknown-key cap holds
 * for the document, not for each part of it.
 */
export interface DocumentReading {
  readonly problems: Problem[]
  unknownCount: number
}

type Reading = DocumentReading

/** A new, empty reading. */
export function newReading(): DocumentReading {
  return { problems: [], unknownCount: 0 }
}

/**
 * Notes an unknown key: named (message built only then) while fewer than MAX_UNKNOWN_NAMED have
 * been, otherwise only counted; `finishReading` adds the count.
 */
export function noteUnknownKey(r: DocumentReading, path: string, message: () => string): void {
  r.unknownCount++
  if (r.unknownCount <= MAX_UNKNOWN_NAMED)
    r.problems.push({ path: shortKey(path), message: message() })
}

/** The reading's problems, ending with the count of unnamed unknown keys (at `where`), if any. */
export function finishReading(r: DocumentReading, where: string): Problem[] {
  const more = moreUnknownProblem(where, r.unknownCount)
  return more === null ? r.problems : [...r.problems, more]
}

const unknownKey = noteUnknownKey

/** A JSON object (not null, not a list). */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * Reads `fields` from `doc` (nested groups as objects) into `values` by path: unknown keys are
 * problems with a hint among the keys allowed here; keys that name a field not allowed here get
 * `notHere`; bad values are problems naming `prefix + path`.
 */
function readFields(
  r: Reading,
  doc: Record<string, unknown>,
  prefix: string,
  fields: readonly Field[],
  extraKeys: readonly string[],
  values: Map<string, unknown>,
  notHere: string,
): void {
  const groups = new Map<string, Set<string>>()
  const top = new Set(extraKeys)
  for (const f of fields) {
    const [head, tail] = splitPath(f.path)
    if (tail === undefined) top.add(head)
    else {
      top.add(head)
      let keys = groups.get(head)
      if (keys === undefined) groups.set(head, (keys = new Set()))
      keys.add(tail)
    }
  }
  const topList = [...top]
  for (const key of Object.keys(doc)) {
    if (top.has(key)) continue
    unknownKey(r, prefix + key, () =>
      FIELD_BY_PATH.has(key) ? notHere : unknownFieldMessage(key, topList),
    )
  }
  for (const [group, keys] of groups) {
    const sub = doc[group]
    if (sub === undefined) continue
    if (!isRecord(sub)) {
      r.problems.push({
        path: prefix + group,
        message: `must be an object (got ${describeValue(sub)})`,
      })
      continue
    }
    const keyList = [...keys]
    for (const key of Object.keys(sub)) {
      if (keys.has(key)) continue
      unknownKey(r, `${prefix}${group}.${key}`, () =>
        FIELD_BY_PATH.has(`${group}.${key}`) ? notHere : unknownFieldMessage(key, keyList),
      )
    }
  }
  for (const f of fields) {
    const raw = readPath(doc, f.path)
    if (raw === undefined) continue
    const problem = checkValue(f, raw)
    if (problem === null) values.set(f.path, raw)
    else r.problems.push({ path: prefix + f.path, message: problem })
  }
}

const PHASE_KEYS_TEXT = [
  'name',
  'online',
  ...new Set(PHASE_FIELDS.map((f) => splitPath(f.path)[0])),
].join(', ')

/**
 * Reads `phases` leniently: the first MAX_PHASES are read; a phase that is not an object, has
 * no valid `online` or is out of order is dropped; a bad name or override is dropped from its
 * phase. Every such case is a problem naming `phases[i]…`.
 */
function readPhases(r: Reading, raw: unknown, prefix = ''): Phase[] {
  if (raw === undefined) return []
  const where = `${prefix}phases`
  if (!Array.isArray(raw)) {
    r.problems.push({
      path: where,
      message: `must be a list of phases (got ${describeValue(raw)})`,
    })
    return []
  }
  if (raw.length === 0) {
    r.problems.push({ path: where, message: `must hold 1 to ${MAX_PHASES} phases (got none)` })
    return []
  }
  if (raw.length > MAX_PHASES) {
    r.problems.push({
      path: where,
      message: `may hold at most ${MAX_PHASES} phases (got ${raw.length})`,
    })
  }
  const phases: Phase[] = []
  let previous: { index: number; online: string } | null = null
  const count = Math.min(raw.length, MAX_PHASES)
  for (let i = 0; i < count; i++) {
    const item: unknown = raw[i]
    const at = `${where}[${i}]`
    if (!isRecord(item)) {
      const message =
        item === undefined ? 'is missing' : `must be an object (got ${describeValue(item)})`
      r.problems.push({ path: at, message })
      continue
    }
    const values = new Map<string, unknown>()
    readFields(
      r,
      item,
      `${at}.`,
      PHASE_FIELDS,
      ['name', 'online'],
      values,
      `cannot change from one phase to the next; a phase may set ${PHASE_KEYS_TEXT}`,
    )
    let name = defaultPhaseName(i)
    if (item.name !== undefined) {
      const problem = checkValue(PHASE_NAME_FIELD, item.name)
      if (problem === null) name = item.name as string
      else r.problems.push({ path: `${at}.name`, message: problem })
    }
    if (item.online === undefined) {
      r.problems.push({
        path: `${at}.online`,
        message: 'is required: the month the phase comes online, "YYYY-MM"',
      })
      continue
    }
    const monthProblem = checkMonth(item.online)
    if (monthProblem !== null) {
      r.problems.push({ path: `${at}.online`, message: monthProblem })
      continue
    }
    const online = item.online as string
    if (previous !== null && online <= previous.online) {
      r.problems.push({
        path: `${at}.online`,
        message: `must be later than ${where}[${previous.index}].online ("${previous.online}"): phases are listed in the order they come online (got "${online}")`,
      })
      continue
    }
    previous = { index: i, online }
    let phase: object = { name, online }
    for (const f of PHASE_FIELDS) {
      const value = values.get(f.path)
      if (value !== undefined) phase = writePath(phase, f.path, value)
    }
    phases.push(phase as Phase)
  }
  return phases
}

/**
 * Reads a list of phases leniently, as the file parser reads `phases` (same rules, same
 * problem paths `phases[i]…`): the address bar's reader uses it. A hole in the list (`undefined`)
 * is a missing phase. Unknown keys past MAX_UNKNOWN_NAMED are counted in one problem at `where`.
 */
export function readPhaseList(
  raw: readonly unknown[],
  where: string,
): { phases: readonly Phase[]; problems: Problem[] } {
  const r = newReading()
  const phases = readPhases(r, raw)
  return { phases, problems: finishReading(r, where) }
}

export type ParseResult =
  | { readonly ok: true; readonly scenario: Scenario }
  | { readonly ok: false; readonly problems: readonly Problem[] }

/**
 * Validates a parsed scenario document strictly: unknown fields, wrong types, values out of
 * range and bad phases are problems naming the field path. Missing fields take their defaults.
 */
export function parseScenario(input: unknown): ParseResult {
  const { scenario, problems } = readScenario(input)
  return problems.length === 0 ? { ok: true, scenario } : { ok: false, problems }
}

/**
 * Reads what it can: every bad field is reported and replaced by its default (a bad phase or
 * override is left out), so a hand-edited document still opens. `parseScenario` is the strict
 * form. Unknown keys are named up to MAX_UNKNOWN_NAMED and counted beyond, so the work is
 * bounded by the document's size, whatever it holds.
 */
export function readScenario(input: unknown): { scenario: Scenario; problems: Problem[] } {
  const r = newReading()
  const scenario = readScenarioInto(r, input, '')
  return { scenario, problems: finishReading(r, '(file)') }
}

/**
 * `readScenario` for a scenario inside a larger document: its problems go to `r` with paths
 * under `prefix` (`campuses[3].scenario.racksPerHall`), and its unknown keys count towards the
 * document's cap. With `prefix` '' the paths are the scenario file's own.
 */
export function readScenarioInto(r: DocumentReading, input: unknown, prefix: string): Scenario {
  const values = new Map<string, unknown>()
  if (!isRecord(input)) {
    const path = prefix === '' ? '(file)' : prefix.replace(/\.$/, '')
    r.problems.push({ path, message: `must be a JSON object (got ${describeValue(input)})` })
    return buildScenario(values)
  }
  if (!('version' in input))
    r.problems.push({ path: `${prefix}version`, message: 'is required and must be 1' })
  else if (input.version !== 1)
    r.problems.push({
      path: `${prefix}version`,
      message: `must be 1 (got ${describeValue(input.version)})`,
    })
  readFields(r, input, prefix, FIELDS, ['version', 'phases'], values, 'unknown field')
  const phases = readPhases(r, input.phases, prefix)
  return buildScenario(values, phases)
}

/** Largest scenario file the app and command line accept, bytes. */
export const MAX_SCENARIO_BYTES = 1_000_000

/**
 * Parses scenario JSON text strictly; the problems name the field or the file. A leading
 * UTF-8 byte-order mark is ignored, as browsers ignore it when they read a file.
 */
export function parseScenarioJson(text: string): ParseResult {
  const json = parseJsonText(text, 'a scenario')
  return json.ok ? parseScenario(json.doc) : json
}

/**
 * JSON text of a document read as the app and the command line read files: over
 * MAX_SCENARIO_BYTES it is refused before parsing, a UTF-8 byte-order mark is skipped, and empty
 * or malformed text is one `(file)` problem. `what` names the document in the size message.
 */
export function parseJsonText(
  text: string,
  what: string,
):
  | { readonly ok: true; readonly doc: unknown }
  | { readonly ok: false; readonly problems: readonly Problem[] } {
  if (text.length > MAX_SCENARIO_BYTES) {
    return {
      ok: false,
      problems: [
        {
          path: '(file)',
          message: `is too large (${text.length} bytes; ${what} is under 1 MB)`,
        },
      ],
    }
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  if (body.trim() === '') return { ok: false, problems: [{ path: '(file)', message: 'is empty' }] }
  try {
    return { ok: true, doc: JSON.parse(body) as unknown }
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    return { ok: false, problems: [{ path: '(file)', message: `is not valid JSON (${detail})` }] }
  }
}

/** The scenario as a file: every field written, in schema order, then its phases. */
export function scenarioToJson(scenario: Scenario): string {
  return `${JSON.stringify(scenario, null, 2)}\n`
}

/** Total racks on the campus. */
export function rackCountOf(scenario: Scenario): number {
  return scenario.buildings * scenario.hallsPerBuilding * scenario.racksPerHall
}

// ---------------------------------------------------------------------------------------------
// Phases: effective scenarios

/** One phase of a scenario as a single-phase scenario, with its name and date. */
export interface PhaseView {
  /** 0-based position in `phases`. */
  readonly index: number
  /** The phase's name; the scenario's name when it has no phases. */
  readonly name: string
  /** `YYYY-MM`; null when the scenario has no phases. */
  readonly online: string | null
  /** The campus from this phase on: a scenario without `phases`. */
  readonly scenario: Scenario
}

const phaseViews = new WeakMap<Scenario, readonly PhaseView[]>()

/** `scenario` with a phase's overrides applied. */
function applyPhase(scenario: Scenario, phase: Phase): Scenario {
  let next = scenario
  for (const f of PHASE_FIELDS) {
    const value = readPath(phase, f.path)
    if (value !== undefined && value !== readPath(next, f.path))
      next = writePath(next, f.path, value)
  }
  return next
}

/**
 * Every phase of a scenario as its own single-phase scenario, carry-over applied (the first
 * from the scenario's own fields). A scenario without phases is one phase: itself. Memoised
 * per scenario object, so the same scenario always gives the same (identical) objects.
 */
export function phasesOf(scenario: Scenario): readonly PhaseView[] {
  let views = phaseViews.get(scenario)
  if (views !== undefined) return views
  const phases = scenario.phases
  if (phases === undefined || phases.length === 0) {
    views = [{ index: 0, name: scenario.name, online: null, scenario }]
  } else {
    let current = withPhases(scenario, undefined)
    views = phases.map((phase, index) => {
      current = applyPhase(current, phase)
      return { index, name: phase.name, online: phase.online, scenario: current }
    })
  }
  phaseViews.set(scenario, views)
  return views
}

/** One effective single-phase scenario per phase (stable identities, see `phasesOf`). */
export function phaseScenarios(scenario: Scenario): readonly Scenario[] {
  return phasesOf(scenario).map((view) => view.scenario)
}

/** How many phases: 1 for a scenario without phases. */
export function phaseCount(scenario: Scenario): number {
  return scenario.phases?.length ?? 1
}

/** `index` as a valid phase index of `scenario`: whole, 0 … phaseCount − 1. */
export function clampPhaseIndex(scenario: Scenario, index: number): number {
  const last = phaseCount(scenario) - 1
  if (!Number.isFinite(index)) return index > 0 ? last : 0
  return Math.min(last, Math.max(0, Math.round(index)))
}

/** The campus at one phase (index clamped); the scenario itself when it has no phases. */
export function scenarioAtPhase(scenario: Scenario, index: number): Scenario {
  const views = phasesOf(scenario)
  return (views[clampPhaseIndex(scenario, index)] ?? views[0])?.scenario ?? scenario
}

/** The campus once every phase is built: the last phase (what `evaluate` reports). */
export function finalScenario(scenario: Scenario): Scenario {
  return scenario.phases === undefined ? scenario : scenarioAtPhase(scenario, Infinity)
}

/**
 * The scenario with these phases (none: without `phases`). The phases are taken as they are:
 * for phases from people, read them with `readPhaseList` or `parseScenario` first.
 */
export function withPhases(scenario: Scenario, phases: readonly Phase[] | undefined): Scenario {
  if (phases === undefined || phases.length === 0) {
    if (scenario.phases === undefined) return scenario
    return buildScenario(new Map(FIELDS.map((f) => [f.path, readPath(scenario, f.path)])))
  }
  return { ...scenario, phases }
}

/** A phase's own value for a field; undefined when the phase leaves it to carry over. */
export function phaseValue<P extends PhaseFieldPath>(
  phase: Phase,
  path: P,
): FieldValue<P> | undefined {
  return readPath(phase, path) as FieldValue<P> | undefined
}
