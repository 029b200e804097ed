// Builds the app, then runs the Playwright journeys against the production build.
import { execSync } from 'node:child_process'

const run = (command) => execSync(command, { stdio: 'inherit', env: process.env })
run('npx vite build --logLevel warn')
run('npx playwright test')
