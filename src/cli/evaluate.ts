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
  formatProblem,
  parseScenarioJson,
  simulate,
  type Readouts,
  type Scenario,
} from '../model'
import { loadClimate } from './loadClimate'

const USAGE = `usage: npm run --silent evaluate -- <scenario.json | -> [--json]

Evaluates a campus scenario over its site's hourly typical year.
  <file>   scenario file (version 1, see README.md); - reads standard input
  --json   print the readouts as JSON instead of a table
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
    return { code: 2, stdout: '', stderr: `(file): cannot read ${file} (${reason})\n` }
  }
  const parsed = parseScenarioJson(text)
  if (!parsed.ok) {
    return {
      code: 2,
      stdout: '',
      stderr: parsed.problems.map((p) => `${formatProblem(p)}\n`).join(''),
    }
  }
  const scenario = parsed.scenario
  const { readouts } = simulate(scenario, loadClimate(scenario.site))
  const json = flags.includes('--json')
  return {
    code: 0,
    stdout: json ? `${JSON.stringify(readouts, null, 2)}\n` : formatTable(scenario, readouts),
    stderr: '',
  }
}

const numberFormat = (digits: number): Intl.NumberFormat =>
  new Intl.NumberFormat('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })

/** The readable table: readouts grouped as in the planner, then warnings. */
export function formatTable(scenario: Scenario, readouts: Readouts): string {
  const lines: string[] = []
  const site = SITES[scenario.site]
  lines.push(
    `${scenario.name} — ${site.label}${site.climateQuality === 'synthesised' ? ' (synthesised climate)' : ''}`,
  )
  for (const group of READOUT_GROUPS) {
    lines.push('', group.label)
    for (const spec of READOUT_SPECS.filter((s) => s.group === group.id)) {
      const value = numberFormat(spec.digits).format(readouts[spec.key])
      const unit = spec.unit === '–' || spec.unit === 'count' ? '' : spec.unit
      lines.push(`  ${spec.label.padEnd(28)} ${value.padStart(14)} ${unit}`.trimEnd())
    }
  }
  lines.push('', readouts.warnings.length === 0 ? 'No warnings.' : 'Warnings')
  for (const w of readouts.warnings) lines.push(`  [${w.severity}] ${w.code}: ${w.message}`)
  return `${lines.join('\n')}\n`
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = runEvaluate(process.argv.slice(2), () => readFileSync(0, 'utf8'))
  process.stdout.write(result.stdout)
  process.stderr.write(result.stderr)
  process.exitCode = result.code
}
