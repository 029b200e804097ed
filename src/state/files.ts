import {
  MAX_SCENARIO_BYTES,
  formatProblem,
  isProgrammeDocument,
  parseProgramme,
  parseScenario,
  parseScenarioJson,
  scenarioToJson,
  type Programme,
  type Scenario,
} from '../model'

/**
 * Scenario files: one scenario is exactly the command line's scenario file (version 1); a
 * collection wraps several. Both are validated with the model's own schema.
 */
export const COLLECTION_FORMAT = 'campus-planner/scenarios'

/** Most scenarios one import may hold. */
export const MAX_IMPORT_SCENARIOS = 200

export type ImportResult =
  | {
      readonly ok: true
      readonly scenarios: readonly Scenario[]
      /** A programme file (`"kind": "programme"`): opened as a programme, no scenario saved. */
      readonly programme?: Programme
    }
  | { readonly ok: false; readonly problems: readonly string[] }

/** Refuses a file by its size before it is read; null when the size is fine. */
export function checkImportSize(bytes: number): string | null {
  if (bytes > MAX_SCENARIO_BYTES) {
    const mb = (bytes / 1_000_000).toFixed(1)
    return `The file is ${mb} MB; scenario files are under 1 MB. Nothing was imported.`
  }
  if (bytes === 0) return 'The file is empty. Nothing was imported.'
  return null
}

/** Parses an imported file: one scenario, a collection, or a list of scenarios. All or nothing. */
export function parseImport(text: string): ImportResult {
  const size = checkImportSize(text.length)
  if (size !== null) return { ok: false, problems: [size] }
  let doc: unknown
  try {
    doc = JSON.parse(text)
  } catch {
    const single = parseScenarioJson(text)
    return single.ok
      ? { ok: true, scenarios: [single.scenario] }
      : { ok: false, problems: single.problems.map(formatProblem) }
  }
  if (isProgrammeDocument(doc)) {
    const programme = parseProgramme(doc)
    return programme.ok
      ? { ok: true, scenarios: [], programme: programme.programme }
      : { ok: false, problems: programme.problems.map(formatProblem) }
  }
  const list = collectionItems(doc)
  if (list === null) {
    const single = parseScenario(doc)
    return single.ok
      ? { ok: true, scenarios: [single.scenario] }
      : { ok: false, problems: single.problems.map(formatProblem) }
  }
  if (list.length === 0) return { ok: false, problems: ['the file holds no scenarios'] }
  if (list.length > MAX_IMPORT_SCENARIOS) {
    return {
      ok: false,
      problems: [
        `the file holds ${list.length} scenarios; at most ${MAX_IMPORT_SCENARIOS} at once`,
      ],
    }
  }
  const scenarios: Scenario[] = []
  const problems: string[] = []
  list.forEach((item, i) => {
    const parsed = parseScenario(item)
    if (parsed.ok) scenarios.push(parsed.scenario)
    else for (const p of parsed.problems) problems.push(`scenario ${i + 1}: ${formatProblem(p)}`)
  })
  return problems.length === 0 ? { ok: true, scenarios } : { ok: false, problems }
}

/** The items of a collection (`{ scenarios: [...] }` or a bare list); null for a single scenario. */
function collectionItems(doc: unknown): readonly unknown[] | null {
  if (Array.isArray(doc)) return doc
  if (typeof doc === 'object' && doc !== null && 'scenarios' in doc) {
    const items = (doc as { scenarios: unknown }).scenarios
    return Array.isArray(items) ? items : []
  }
  return null
}

/** One scenario as a file: the command line's format. */
export function exportScenario(scenario: Scenario): string {
  return scenarioToJson(scenario)
}

/** Several scenarios as one file. */
export function exportCollection(scenarios: readonly Scenario[]): string {
  return `${JSON.stringify({ format: COLLECTION_FORMAT, version: 1, scenarios }, null, 2)}\n`
}

/** A safe file name for a scenario: letters, digits and dashes. */
export function fileNameFor(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
  return `${slug || 'scenario'}.json`
}

/** What an import did, in one sentence for its notice. */
export function importSummary(result: Extract<ImportResult, { ok: true }>): string {
  if (result.programme !== undefined)
    return `Opened the programme “${result.programme.name}” (${result.programme.campuses.length} campuses).`
  return result.scenarios.length === 1
    ? `Imported and opened “${result.scenarios[0]?.name ?? ''}”.`
    : `Imported ${result.scenarios.length} scenarios into Scenarios.`
}
