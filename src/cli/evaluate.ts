/**
 * `npm run --silent evaluate -- scenario.json [--json]`: a scenario file in, readouts out.
 * `-` reads standard input. Bad input exits 2 with one line per problem on stderr and nothing
 * on stdout (docs/ARCHITECTURE.md, command line contract).
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import {
  READOUT_GROUPS,
  READOUT_SPECS,
  SITES,
  evaluatePhases,
  evaluateProgramme,
  formatProblem,
  isProgrammeDocument,
  parseJsonText,
  parseProgramme,
  parseScenario,
  phasesOf,
  printable,
  printableJson,
  type PhaseView,
  type ProgrammeEvaluation,
  type TotalKey,
  type Readouts,
  type Scenario,
} from '../model'
import { loadClimate } from './loadClimate'

const USAGE = `usage: npm run --silent evaluate -- <scenario.json | programme.json | -> [--json]

Evaluates a campus scenario over its site's hourly typical year, or every campus of a
programme ("kind": "programme") and their totals.
  <file>   scenario or programme file (version 1, see README.md); - reads standard input
  --json   print the readouts as JSON instead of a table (with phases: the last phase's,
           and every phase's under "phases"; a programme: { total, campuses })
Exit status: 0 ok, 2 bad input (one line per problem on stderr), 1 other failure.`

export interface CliResult {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

/** The command, as a function of its arguments and standard input: testable without a process. */
export function runEvaluate(args: readonly string[], readStdin: () => string): CliResult {
  const flags = args.filter((a) => a.startsWith('--'))
  const files = args.filter((a) => !a.startsWith('--') || a === '-')
  if (flags.includes('--help')) return { code: 0, stdout: `${USAGE}\n`, stderr: '' }
  const unknown = flags.filter((f) => f !== '--json')
  if (unknown.length > 0 || files.length !== 1) {
    const why =
      unknown.length > 0
        ? `unknown option ${unknown.join(', ')}`
        : 'expected exactly one scenario file'
    return { code: 2, stdout: '', stderr: `${why}\n${USAGE}\n` }
  }
  const file = files[0] ?? '-'
  let text: string
  try {
    text = file === '-' ? readStdin() : readFileSync(file, 'utf8')
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error)
    return {
      code: 2,
      stdout: '',
      stderr: `${formatProblem({ path: '(file)', message: `cannot read ${file} (${reason})` })}\n`,
    }
  }
  const read = parseJsonText(text, 'a scenario')
  if (read.ok && isProgrammeDocument(read.doc)) {
    return runProgramme(read.doc, flags.includes('--json'))
  }
  const parsed = read.ok ? parseScenario(read.doc) : read
  if (!parsed.ok) {
    return {
      code: 2,
      stdout: '',
      stderr: parsed.problems.map((p) => `${formatProblem(p)}\n`).join(''),
    }
  }
  const scenario = parsed.scenario
  const phases = evaluatePhases(scenario, loadClimate(scenario.site))
  const json = flags.includes('--json')
  return {
    code: 0,
    stdout: json ? formatJson(scenario, phases) : formatTable(scenario, phases),
    stderr: '',
  }
}

/**
 * The readouts as JSON: the last phase's at the top level (a scenario without phases is one
 * phase) and, when the scenario has phases, `phases: [{ name, online, …readouts }]`.
 */
export function formatJson(scenario: Scenario, phases: readonly Readouts[]): string {
  const last = phases[phases.length - 1]
  const views = phasesOf(scenario)
  const doc =
    scenario.phases === undefined
      ? last
      : {
          ...last,
          phases: views.map((view, i) => ({ name: view.name, online: view.online, ...phases[i] })),
        }
  return `${printableJson(JSON.stringify(doc, null, 2))}\n`
}

const numberFormat = (digits: number): Intl.NumberFormat =>
  new Intl.NumberFormat('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })

/** Width of one value column, and of the label column (the longest label). */
const COLUMN = 14
const LABEL = Math.max(...READOUT_SPECS.map((s) => s.label.length))

/**
 * The readable table: readouts grouped as in the planner, then warnings. With phases, one
 * column per phase (headed by its name and month) and the warnings of each phase.
 */
export function formatTable(scenario: Scenario, phases: readonly Readouts[]): string {
  const lines: string[] = []
  const site = SITES[scenario.site]
  const views = phasesOf(scenario)
  const phased = scenario.phases !== undefined
  lines.push(
    `${printable(scenario.name)} — ${site.label}${site.climateQuality === 'synthesised' ? ' (synthesised climate)' : ''}`,
  )
  if (phased) {
    const head = (text: (v: PhaseView) => string): string =>
      `  ${''.padEnd(LABEL)}${views.map((v) => ` ${printable(text(v), COLUMN - 2).padStart(COLUMN)}`).join('')}`
    lines.push(
      '',
      head((v) => v.name),
      head((v) => v.online ?? ''),
    )
  }
  for (const group of READOUT_GROUPS) {
    lines.push('', group.label)
    for (const spec of READOUT_SPECS.filter((s) => s.group === group.id)) {
      // Shares print as percentages, as the planner shows them.
      const share = spec.unit === 'share'
      const format = numberFormat(share ? Math.max(0, spec.digits - 2) : spec.digits)
      const values = phases
        .map((r) => ` ${format.format(share ? r[spec.key] * 100 : r[spec.key]).padStart(COLUMN)}`)
        .join('')
      const unit = spec.unit === '–' || spec.unit === 'count' ? '' : share ? '%' : spec.unit
      lines.push(`  ${spec.label.padEnd(LABEL)}${values} ${unit}`.trimEnd())
    }
  }
  const warned = phases.some((r) => r.warnings.length > 0)
  lines.push('', warned ? 'Warnings' : 'No warnings.')
  phases.forEach((r, i) => {
    const view = views[i]
    if (phased && view !== undefined && r.warnings.length > 0)
      lines.push(`  ${printable(view.name)} (${view.online ?? ''})`)
    const indent = phased ? '    ' : '  '
    for (const w of r.warnings) lines.push(`${indent}[${w.severity}] ${w.code}: ${w.message}`)
  })
  return `${lines.join('\n')}\n`
}

/** A programme file (already JSON): every campus evaluated and the totals, or exit 2. */
function runProgramme(doc: unknown, json: boolean): CliResult {
  const parsed = parseProgramme(doc)
  if (!parsed.ok) {
    return {
      code: 2,
      stdout: '',
      stderr: parsed.problems.map((p) => `${formatProblem(p)}\n`).join(''),
    }
  }
  const result = evaluateProgramme(parsed.programme, loadClimate)
  return {
    code: 0,
    stdout: json
      ? formatProgrammeJson(parsed.programme.name, result)
      : formatProgrammeTable(parsed.programme.name, result),
    stderr: '',
  }
}

/**
 * A programme as JSON: `{ name, total, campuses }`. `total` holds the aggregated readouts
 * (docs/PROGRAMMES.md) and the programme's own warnings; each campus its id, name, place, site,
 * the distance to the site's reference point, its readouts (last phase) and, with phases,
 * `phases: [{ name, online, …readouts }]`.
 */
export function formatProgrammeJson(name: string, result: ProgrammeEvaluation): string {
  const doc = {
    name,
    total: { ...result.total, warnings: result.warnings },
    campuses: result.campuses.map((c) => {
      const views = phasesOf(c.campus.scenario)
      return {
        id: c.campus.id,
        name: c.campus.name,
        lat: c.campus.lat,
        lon: c.campus.lon,
        site: c.campus.scenario.site,
        siteDistanceKm: c.siteDistanceKm,
        ...c.readouts,
        ...(c.campus.scenario.phases === undefined
          ? {}
          : {
              phases: views.map((view, i) => ({
                name: view.name,
                online: view.online,
                ...c.phases[i]?.readouts,
              })),
            }),
      }
    }),
  }
  return `${printableJson(JSON.stringify(doc, null, 2))}\n`
}

/** One column of the programme table: a heading, a unit line and a cell per row. */
interface ProgrammeColumn {
  readonly head: string
  readonly unit: string
  readonly width: number
  readonly cell: (r: { readonly [K in TotalKey]: number }) => string
}

const fixed = (digits: number, scale = 1) => {
  const format = numberFormat(digits)
  return (value: number): string => format.format(value * scale)
}

const PROGRAMME_COLUMNS: readonly ProgrammeColumn[] = [
  { head: 'IT design', unit: 'MW', width: 10, cell: (r) => fixed(0)(r.itDesignMw) },
  { head: 'Peak', unit: 'MW', width: 8, cell: (r) => fixed(0)(r.facilityPeakMw) },
  { head: 'Energy', unit: 'GWh/yr', width: 9, cell: (r) => fixed(0)(r.energyGwhPerYear) },
  { head: 'PUE', unit: '', width: 6, cell: (r) => fixed(3)(r.pueAnnual) },
  { head: 'Water', unit: 'm³/yr', width: 12, cell: (r) => fixed(0)(r.waterM3PerYear) },
  { head: 'WUE', unit: 'L/kWh', width: 7, cell: (r) => fixed(3)(r.wueLPerKwh) },
  { head: 'CO₂', unit: 'kt/yr', width: 9, cell: (r) => fixed(0, 1e-3)(r.co2TonnesPerYear) },
  { head: 'CUE', unit: 'kg/kWh', width: 7, cell: (r) => fixed(3)(r.cueKgPerKwh) },
  { head: 'Renewable', unit: '%', width: 10, cell: (r) => fixed(1, 100)(r.renewableShare) },
  { head: 'GPUs', unit: '', width: 10, cell: (r) => fixed(0)(r.gpuCount) },
]

/** Width of the campus and site columns: longer names are cut, with `…`. */
const CAMPUS_COLUMN = 34
const SITE_COLUMN = 16

/**
 * The programme as a table: one row per campus (last phase) and a total row, then the
 * programme's warnings and each campus's.
 */
export function formatProgrammeTable(name: string, result: ProgrammeEvaluation): string {
  const count = result.campuses.length
  const lines: string[] = [`${printable(name)} — ${count} campus${count === 1 ? '' : 'es'}`, '']
  const row = (label: string, site: string, values: readonly string[]): string =>
    `${label.padEnd(CAMPUS_COLUMN)} ${site.padEnd(SITE_COLUMN)}${values.map((v, i) => ` ${v.padStart(PROGRAMME_COLUMNS[i]?.width ?? 8)}`).join('')}`.trimEnd()
  lines.push(
    row(
      '',
      '',
      PROGRAMME_COLUMNS.map((c) => c.head),
    ),
  )
  lines.push(
    row(
      'Campus',
      'Site',
      PROGRAMME_COLUMNS.map((c) => c.unit),
    ),
  )
  const rule = '-'.repeat(
    CAMPUS_COLUMN + 1 + SITE_COLUMN + PROGRAMME_COLUMNS.reduce((n, c) => n + c.width + 1, 0),
  )
  lines.push(rule)
  for (const c of result.campuses) {
    lines.push(
      row(
        printable(c.campus.name, CAMPUS_COLUMN - 1),
        c.campus.scenario.site,
        PROGRAMME_COLUMNS.map((col) => col.cell(c.readouts)),
      ),
    )
  }
  lines.push(rule)
  lines.push(
    row(
      'Total',
      '',
      PROGRAMME_COLUMNS.map((col) => col.cell(result.total)),
    ),
  )
  const warned =
    result.warnings.length > 0 || result.campuses.some((c) => c.readouts.warnings.length > 0)
  lines.push('', warned ? 'Warnings' : 'No warnings.')
  for (const w of result.warnings)
    lines.push(`  [${w.severity}] ${w.code}: ${printable(w.message)}`)
  for (const c of result.campuses) {
    if (c.readouts.warnings.length === 0) continue
    lines.push(`  ${printable(c.campus.name)} (${c.campus.id})`)
    for (const w of c.readouts.warnings) lines.push(`    [${w.severity}] ${w.code}: ${w.message}`)
  }
  return `${lines.join('\n')}\n`
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = runEvaluate(process.argv.slice(2), () => readFileSync(0, 'utf8'))
  process.stdout.write(result.stdout)
  process.stderr.write(result.stderr)
  process.exitCode = result.code
}
