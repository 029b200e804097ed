// Builds the app, then runs the Playwright journeys against the production build.
import { execSync } from 'node:child_process'

const run = (command) => execSync(command, { stdio: 'inherit', env: process.env })
run(`npx vite build --logLevel warn --outDir ${process.env.DIST_DIR ?? 'dist'}`)
run('npx playwright test')
