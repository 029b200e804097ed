/** docs/MODEL.md stays true to the code: every constant, catalog entry and readout is named there. */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { loadClimate } from '../src/cli/loadClimate'
import {
  CONSTANTS,
  COOLING_IDS,
  DEFAULT_SCENARIO,
  RACK_IDS,
  SITE_IDS,
  evaluate,
} from '../src/model'

const model = readFileSync('docs/MODEL.md', 'utf8')
const readme = readFileSync('README.md', 'utf8')

describe('documentation', () => {
  it.each(Object.keys(CONSTANTS))('MODEL.md documents the constant %s', (key) => {
    expect(model).toContain(`\`${key}\``)
  })

  it('MODEL.md lists every rack, cooling technology and site', () => {
    for (const id of [...RACK_IDS, ...COOLING_IDS, ...SITE_IDS])
      expect(model, id).toContain(`\`${id}\``)
  })

  it('MODEL.md explains every readout the model returns', () => {
    const readouts = evaluate(DEFAULT_SCENARIO, loadClimate('narvik'))
    for (const key of Object.keys(readouts)) expect(model, key).toContain(`\`${key}\``)
  })

  it('README names the quick start, the test command and the command line', () => {
    expect(readme).toContain('npm run dev')
    expect(readme).toContain('npm test')
    expect(readme).toContain('npm run --silent evaluate --')
  })
})
