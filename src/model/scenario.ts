import { COOLING, COOLING_IDS, type CoolingId } from './cooling'
import { RACKS, RACK_IDS, type RackId } from './racks'
import { SITES, SITE_IDS, type SiteId } from './sites'

/**
 * The scenario file, version 1 (docs/ARCHITECTURE.md). One schema, FIELDS, drives its type's
 * defaults, validation, the command line, the URL keys and every control in the planner.
 */
export const REDUNDANCY_IDS = ['N', 'N+1', '2N'] as const
export type Redundancy = (typeof REDUNDANCY_IDS)[number]

export interface PowerSupply {
  readonly gridMw: number
  readonly hydroMw: number
  readonly hydroCapacityFactor: number
  readonly windTurbines: number
  readonly windTurbineMw: number
  readonly solarMw: number
  readonly gasMw: number
  readonly batteryMwh: number
}

export interface Scenario {
  readonly version: 1
  readonly name: string
  readonly site: SiteId
  readonly climateOffsetC: number
  readonly buildings: number
  readonly hallsPerBuilding: number
  readonly racksPerHall: number
  readonly rack: RackId
  readonly utilization: number
  readonly cooling: CoolingId
  readonly liquidSupplyC: number
  readonly redundancy: Redundancy
  readonly heatReuseFraction: number
  readonly power: PowerSupply
}

export type FieldGroup = 'site' | 'compute' | 'cooling' | 'power' | 'campus'

export const FIELD_GROUPS: readonly { readonly id: FieldGroup; readonly label: string }[] = [
  { id: 'site', label: 'Site & climate' },
  { id: 'compute', label: 'Compute' },
  { id: 'campus', label: 'Campus' },
  { id: 'cooling', label: 'Cooling' },
  { id: 'power', label: 'Power supply' },
]

interface FieldBase {
  /** Path in the scenario file, e.g. `power.hydroMw`. */
  readonly path: string
  /** URL query key: the field's own name, power fields flattened (`hydroMw`). */
  readonly key: string
  readonly label: string
  readonly help: string
  readonly group: FieldGroup
}

export interface NumberField extends FieldBase {
  readonly kind: 'number'
  readonly unit: string
  readonly min: number
  readonly max: number
  readonly step: number
  readonly integer: boolean
  readonly default: number
}

export interface EnumField extends FieldBase {
  readonly kind: 'enum'
  readonly options: readonly { readonly value: string; readonly label: string }[]
  readonly default: string
}

export interface TextField extends FieldBase {
  readonly kind: 'text'
  readonly maxLength: number
  readonly default: string
}

export type Field = NumberField | EnumField | TextField

function num(
  path: string,
  label: string,
  unit: string,
  [min, max, step]: readonly [number, number, number],
  defaultValue: number,
  group: FieldGroup,
  help: string,
  integer = false,
): NumberField {
  const key = path.split('.').pop() ?? path
  return {
    kind: 'number',
    path,
    key,
    label,
    unit,
    min,
    max,
    step,
    integer,
    default: defaultValue,
    group,
    help,
  }
}

function choice(
  path: string,
  label: string,
  options: readonly { value: string; label: string }[],
  defaultValue: string,
  group: FieldGroup,
  help: string,
): EnumField {
  return { kind: 'enum', path, key: path, label, options, default: defaultValue, group, help }
}

export const FIELDS: readonly Field[] = [
  {
    kind: 'text',
    path: 'name',
    key: 'name',
    label: 'Name',
    maxLength: 120,
    default: 'Stargate Norway (Narvik)',
    group: 'campus',
    help: 'Shown on saved scenarios and exported images.',
  },
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
  ),
  num(
    'utilization',
    'Utilization',
    '–',
    [0.3, 1, 0.01],
    0.85,
    'compute',
    'Mean compute power as a share of rack design power (training 0.8–0.9, inference 0.5–0.8).',
  ),
  num(
    'buildings',
    'Buildings',
    'count',
    [1, 40, 1],
    2,
    'campus',
    'GPU buildings on the campus (a 4.5 GW programme is ~32 buildings).',
    true,
  ),
  num(
    'hallsPerBuilding',
    'Halls per building',
    'count',
    [1, 8, 1],
    4,
    'campus',
    'Data halls (white space rooms) in each building.',
    true,
  ),
  num(
    'racksPerHall',
    'Racks per hall',
    'count',
    [1, 600, 1],
    174,
    'campus',
    'Rack positions filled in each hall.',
    true,
  ),
  choice(
    'cooling',
    'Cooling',
    COOLING_IDS.map((id) => ({ value: id, label: COOLING[id].label })),
    'dlc-dry',
    'cooling',
    'How heat leaves the halls and the site.',
  ),
  num(
    'liquidSupplyC',
    'Liquid supply temperature',
    '°C',
    [17, 45, 1],
    30,
    'cooling',
    'Facility water supply to the CDUs (ASHRAE W17…W45). Warmer water means more free cooling.',
  ),
  num(
    'heatReuseFraction',
    'Heat reuse',
    '–',
    [0, 0.5, 0.01],
    0,
    'cooling',
    'Share of heat exported to district heating or industry instead of rejected.',
  ),
  choice(
    'redundancy',
    'Electrical redundancy',
    [
      { value: 'N', label: 'N' },
      { value: 'N+1', label: 'N+1' },
      { value: '2N', label: '2N' },
    ],
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
    'Grid connection capacity. With no supply at all configured, an unlimited grid is assumed.',
  ),
  num(
    'power.hydroMw',
    'Hydro',
    'MW',
    [0, 20000, 10],
    250,
    'power',
    'Hydropower capacity (plant or contract), dispatchable up to this.',
  ),
  num(
    'power.hydroCapacityFactor',
    'Hydro energy factor',
    '–',
    [0.1, 1, 0.01],
    1,
    'power',
    'Annual hydro energy as a share of MW × 8760 h: 1 = firm supply from a large regional system; 0.48 = the Norwegian fleet average for a dedicated plant.',
  ),
  num(
    'power.windTurbines',
    'Wind turbines',
    'count',
    [0, 2000, 1],
    0,
    'power',
    'On-site or contracted wind turbines, from the site’s hourly wind.',
    true,
  ),
  num(
    'power.windTurbineMw',
    'Turbine rating',
    'MW',
    [1, 20, 0.5],
    5,
    'power',
    'Rated power of each turbine.',
  ),
  num(
    'power.solarMw',
    'Solar',
    'MW',
    [0, 20000, 10],
    0,
    'power',
    'Solar PV (AC), from the sun’s path at the site.',
  ),
  num(
    'power.gasMw',
    'Gas turbines',
    'MW',
    [0, 20000, 10],
    0,
    'power',
    'On-site gas turbines, dispatched when other supply falls short.',
  ),
  num(
    'power.batteryMwh',
    'Battery',
    'MWh',
    [0, 100000, 10],
    0,
    'power',
    'Battery storage (4-hour), charged from surplus wind and solar.',
  ),
]

export const FIELD_BY_PATH: ReadonlyMap<string, Field> = new Map(FIELDS.map((f) => [f.path, f]))
export const FIELD_BY_KEY: ReadonlyMap<string, Field> = new Map(FIELDS.map((f) => [f.key, f]))

export const DEFAULT_SCENARIO: Scenario = buildDefault()

function buildDefault(): Scenario {
  const flat: Record<string, number | string> = {}
  for (const f of FIELDS) flat[f.path] = f.default
  return fromFlatPaths(flat)
}

/** Builds a scenario from values keyed by field path; every path must be present. */
function fromFlatPaths(flat: Readonly<Record<string, number | string>>): Scenario {
  const get = (path: string): number | string => {
    const value = flat[path]
    if (value === undefined) throw new Error(`missing ${path}`)
    return value
  }
  const n = (path: string): number => get(path) as number
  return {
    version: 1,
    name: get('name') as string,
    site: get('site') as SiteId,
    climateOffsetC: n('climateOffsetC'),
    buildings: n('buildings'),
    hallsPerBuilding: n('hallsPerBuilding'),
    racksPerHall: n('racksPerHall'),
    rack: get('rack') as RackId,
    utilization: n('utilization'),
    cooling: get('cooling') as CoolingId,
    liquidSupplyC: n('liquidSupplyC'),
    redundancy: get('redundancy') as Redundancy,
    heatReuseFraction: n('heatReuseFraction'),
    power: {
      gridMw: n('power.gridMw'),
      hydroMw: n('power.hydroMw'),
      hydroCapacityFactor: n('power.hydroCapacityFactor'),
      windTurbines: n('power.windTurbines'),
      windTurbineMw: n('power.windTurbineMw'),
      solarMw: n('power.solarMw'),
      gasMw: n('power.gasMw'),
      batteryMwh: n('power.batteryMwh'),
    },
  }
}

/** Reads a field's value out of a scenario by its path. */
export function getField(scenario: Scenario, path: string): number | string {
  const [head, tail] = path.split('.')
  const record = scenario as unknown as Record<string, unknown>
  const value =
    tail === undefined ? record[head ?? ''] : (record[head ?? ''] as Record<string, unknown>)[tail]
  return value as number | string
}

/** Returns a copy of the scenario with one field set (no validation: see `checkValue`). */
export function setField(scenario: Scenario, path: string, value: number | string): Scenario {
  const [head, tail] = path.split('.')
  if (head === undefined) return scenario
  if (tail === undefined) return { ...scenario, [head]: value }
  return { ...scenario, power: { ...scenario.power, [tail]: value } }
}

export interface Problem {
  /** Field path, e.g. `power.hydroMw`; `(file)` for the document as a whole. */
  readonly path: string
  readonly message: string
}

/** One line per problem, as the command line and the planner print them. */
export function formatProblem(problem: Problem): string {
  return `${problem.path}: ${problem.message}`
}

function describe(value: unknown): string {
  if (typeof value === 'string')
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)
  if (typeof value === 'number') return String(value)
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  return typeof value === 'object' ? 'an object' : String(value)
}

/** Checks one value against its field; returns the problem, or null when it is valid. */
export function checkValue(field: Field, value: unknown): string | null {
  switch (field.kind) {
    case 'number': {
      if (typeof value !== 'number') return `must be a number (got ${describe(value)})`
      if (!Number.isFinite(value)) return 'must be a finite number'
      if (value < field.min || value > field.max) {
        const unit = field.unit === '–' || field.unit === 'count' ? '' : ` ${field.unit}`
        return `must be between ${field.min} and ${field.max}${unit} (got ${describe(value)})`
      }
      if (field.integer && !Number.isInteger(value))
        return `must be a whole number (got ${describe(value)})`
      return null
    }
    case 'enum': {
      if (typeof value !== 'string')
        return `must be one of ${listOptions(field)} (got ${describe(value)})`
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
        return `${unknownWhat} ${describe(value)}${hint ? ` (did you mean "${hint}"?)` : ''}; expected one of ${listOptions(field)}`
      }
      return null
    }
    case 'text': {
      if (typeof value !== 'string') return `must be text (got ${describe(value)})`
      if (value.length > field.maxLength)
        return `must be at most ${field.maxLength} characters (got ${value.length})`
      return null
    }
  }
}

function listOptions(field: EnumField): string {
  return field.options.map((o) => o.value).join(', ')
}

/** The known name nearest to `name` by edit distance, when it is a plausible misspelling. */
function closest(name: string, candidates: readonly string[]): string | null {
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
  if (a.length > 64 || b.length > 64) return Infinity
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

const TOP_LEVEL_KEYS = [
  'version',
  ...FIELDS.filter((f) => !f.path.includes('.')).map((f) => f.path),
  'power',
]
const POWER_KEYS = FIELDS.filter((f) => f.path.startsWith('power.')).map((f) => f.key)

export type ParseResult =
  | { readonly ok: true; readonly scenario: Scenario }
  | { readonly ok: false; readonly problems: readonly Problem[] }

/**
 * Validates a parsed scenario document strictly: unknown fields, wrong types and values out of
 * range are problems naming the field path. Missing fields take their defaults.
 */
export function parseScenario(input: unknown): ParseResult {
  const { scenario, problems } = readScenario(input)
  return problems.length === 0 ? { ok: true, scenario } : { ok: false, problems }
}

/**
 * Reads what it can: every bad field is reported and replaced by its default, so a hand-edited
 * link still opens. `parseScenario` is the strict form.
 */
export function readScenario(input: unknown): { scenario: Scenario; problems: Problem[] } {
  const problems: Problem[] = []
  const values: Record<string, number | string> = {}
  for (const f of FIELDS) values[f.path] = f.default

  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    problems.push({ path: '(file)', message: `must be a JSON object (got ${describe(input)})` })
    return { scenario: fromFlatPaths(values), problems }
  }
  const doc = input as Record<string, unknown>
  if (!('version' in doc)) problems.push({ path: 'version', message: 'is required and must be 1' })
  else if (doc.version !== 1)
    problems.push({ path: 'version', message: `must be 1 (got ${describe(doc.version)})` })

  for (const key of Object.keys(doc)) {
    if (!TOP_LEVEL_KEYS.includes(key)) problems.push(unknownField(key, key, TOP_LEVEL_KEYS))
  }
  const power = doc.power
  if (power !== undefined) {
    if (typeof power !== 'object' || power === null || Array.isArray(power)) {
      problems.push({ path: 'power', message: `must be an object (got ${describe(power)})` })
    } else {
      for (const key of Object.keys(power)) {
        if (!POWER_KEYS.includes(key)) problems.push(unknownField(`power.${key}`, key, POWER_KEYS))
      }
    }
  }
  for (const f of FIELDS) {
    const [head, tail] = f.path.split('.')
    const container = tail === undefined ? doc : doc[head ?? '']
    if (typeof container !== 'object' || container === null) continue
    const raw = (container as Record<string, unknown>)[tail ?? head ?? '']
    if (raw === undefined) continue
    const problem = checkValue(f, raw)
    if (problem === null) values[f.path] = raw as number | string
    else problems.push({ path: f.path, message: problem })
  }
  return { scenario: fromFlatPaths(values), problems }
}

function unknownField(path: string, key: string, known: readonly string[]): Problem {
  const hint = closest(key, known)
  return { path, message: `unknown field${hint ? ` (did you mean "${hint}"?)` : ''}` }
}

/** Largest scenario file the app and command line accept, bytes. */
export const MAX_SCENARIO_BYTES = 1_000_000

/** Parses scenario JSON text strictly; the problems name the field or the file. */
export function parseScenarioJson(text: string): ParseResult {
  if (text.length > MAX_SCENARIO_BYTES) {
    return {
      ok: false,
      problems: [
        {
          path: '(file)',
          message: `is too large (${text.length} bytes; a scenario is under 1 MB)`,
        },
      ],
    }
  }
  if (text.trim() === '') return { ok: false, problems: [{ path: '(file)', message: 'is empty' }] }
  let doc: unknown
  try {
    doc = JSON.parse(text)
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    return { ok: false, problems: [{ path: '(file)', message: `is not valid JSON (${detail})` }] }
  }
  return parseScenario(doc)
}

/** The scenario as a file: every field written, in schema order. */
export function scenarioToJson(scenario: Scenario): string {
  return `${JSON.stringify(scenario, null, 2)}\n`
}

/** Total racks on the campus. */
export function rackCountOf(scenario: Scenario): number {
  return scenario.buildings * scenario.hallsPerBuilding * scenario.racksPerHall
}
