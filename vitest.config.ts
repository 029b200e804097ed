import { defineConfig } from 'vitest/config'

// Unit tests run in Node with no DOM: the model and layout prove their purity here.
// Browser journeys live in tests/browser and run through Playwright (npm run test:browser).
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/browser/**', 'node_modules/**'],
    pool: 'threads',
    maxWorkers: 2,
    reporters: ['default', ['json', { outputFile: 'test-results/unit.json' }]],
  },
})
