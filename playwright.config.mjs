// End-to-end tests drive the release build in Debian's Chromium (never a downloaded browser).
import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT || 4173);

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: /.*\.spec\.mjs$/,
  outputDir: 'target/e2e-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 5_000 },
  reporter: [['list']],
  use: {
    actionTimeout: 10_000,
    baseURL: `http://127.0.0.1:${port}/trailmap/`,
    viewport: { width: 1400, height: 900 },
    // Production pages register a service worker (sw.js); the specs run without it, so
    // each test loads from the server. tests/e2e/offline.spec.mjs allows it.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      args: [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `node tests/e2e/server.mjs`,
    // dist/: the production build; dist-selftest/: the same with the self-test pages.
    env: { PORT: String(port), BASE_PATH: '/trailmap/', DIST_DIR: process.env.DIST_DIR || 'dist', DIST_SELFTEST_DIR: process.env.DIST_SELFTEST_DIR || 'dist-selftest' },
    url: `http://127.0.0.1:${port}/trailmap/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
