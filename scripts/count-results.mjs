// Prints one line, "N passed, N failed", from the unit (vitest) and browser (Playwright) JSON
// reports that `npm test` writes to test-results/. A suite that did not run counts nothing;
// exits 1 when nothing ran at all.
import { existsSync, readFileSync } from 'node:fs'

let passed = 0
let failed = 0
let reports = 0

if (existsSync('test-results/unit.json')) {
  const unit = JSON.parse(readFileSync('test-results/unit.json', 'utf8'))
  passed += unit.numPassedTests
  failed += unit.numFailedTests
  reports++
}
if (existsSync('test-results/browser.json')) {
  const { stats } = JSON.parse(readFileSync('test-results/browser.json', 'utf8'))
  passed += stats.expected
  failed += stats.unexpected + stats.flaky
  reports++
}
console.log(`${passed} passed, ${failed} failed`)
process.exitCode = reports === 0 || passed === 0 ? 1 : 0
