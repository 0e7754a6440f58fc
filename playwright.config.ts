import { defineConfig } from '@playwright/test';

/**
 * Browser tests against the demo, in Debian's Chromium (Playwright cannot download its own
 * browsers here). Playwright starts the demo's backend and frontend unless they already run,
 * and stops what it started. Screenshots of every test land in test-results/browser.
 */
export default defineConfig({
  testDir: 'packages/app/e2e-tests',
  timeout: 180_000,
  expect: { timeout: 60_000 },
  forbidOnly: !!process.env.CI,
  workers: 1,
  reporter: [['list']],
  outputDir: 'test-results/browser',
  webServer: [
    {
      command:
        'yarn workspace @infra-atlas/emulators start --gcp-port 7100 --seed k8s-infra --bigquery-port 7101 --github-port 7200 --github-seed k8s-infra',
      port: 7100,
      reuseExistingServer: true,
      timeout: 120_000,
    },
    {
      command:
        'yarn workspace backend start --config ../../app-config.yaml --config ../../app-config.demo.yaml',
      url: 'http://localhost:7007/.backstage/health/v1/readiness',
      reuseExistingServer: true,
      timeout: 300_000,
    },
    {
      // The demo's configuration too, as scripts/demo.sh gives it (its data notice).
      command:
        'yarn workspace app start --config ../../app-config.yaml --config ../../app-config.demo.yaml',
      url: 'http://localhost:3000',
      reuseExistingServer: true,
      timeout: 300_000,
    },
  ],
  use: {
    baseURL: 'http://localhost:3000',
    screenshot: 'on',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // This machine has no network beyond loopback: keep Chromium from reaching out.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
