import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS } from './src/main/pdf/chromium'
import { findChromium } from './src/main/pdf/find-chromium'

export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: 2,
  // Mouse-driven journeys (text selection, canvas drags) can miss once on a loaded 2-core
  // machine; one retry in CI, reported as flaky, never hides a test that fails twice.
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  outputDir: 'test-results',
  use: {
    browserName: 'chromium',
    viewport: { width: 1400, height: 900 },
    trace: 'retain-on-failure',
    launchOptions: {
      // CHROMIUM_PATH, else Debian's chromium, else Playwright's own browser where installed.
      executablePath: findChromium(),
      args: CHROMIUM_ARGS,
    },
  },
})
