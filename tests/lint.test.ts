import { ESLint } from 'eslint'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

/**
 * The layer table of docs/ARCHITECTURE.md is enforced by lint: a pure layer that imports a
 * higher one fails, whether the import names the folder index or a file inside it.
 */
const FIXTURE = 'tests/fixtures/lint/upward-imports.ts'
const code = readFileSync(FIXTURE, 'utf8')
const eslint = new ESLint()

async function restrictedImports(filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => code.split('\n')[m.line - 1] ?? '')
}

describe('layer lint', { timeout: 30_000 }, () => {
  it.each(['src/model/fixture.ts', 'src/layout/fixture.ts'])(
    'refuses every upward import from %s, folder index or file',
    async (filePath) => {
      const flagged = await restrictedImports(filePath)
      const imports = code.split('\n').filter((line) => line.startsWith('import '))
      expect(flagged).toEqual(imports)
    },
  )

  it('lets the planner import the store, in either form', async () => {
    const [result] = await eslint.lintText(
      "import { useCampus } from '../state'\nimport { formatNumber } from '../state/format'\nexport const used = [useCampus, formatNumber]\n",
      { filePath: 'src/ui/fixture.tsx' },
    )
    expect(result?.messages.filter((m) => m.ruleId === 'no-restricted-imports')).toEqual([])
  })

  it('refuses the scene in the planner and the planner in the scene', async () => {
    const ui = await eslint.lintText(
      "import { CampusView } from '../scene'\nexport const v = CampusView\n",
      {
        filePath: 'src/ui/fixture.tsx',
      },
    )
    const scene = await eslint.lintText(
      "import { Planner } from '../ui'\nexport const v = Planner\n",
      {
        filePath: 'src/scene/fixture.tsx',
      },
    )
    expect(ui[0]?.messages.map((m) => m.ruleId)).toContain('no-restricted-imports')
    expect(scene[0]?.messages.map((m) => m.ruleId)).toContain('no-restricted-imports')
  })
})
