/**
 * End-to-end tests (`npm run test:e2e`): Debian's Chromium drives a Sesame started by
 * e2e/global-setup.ts on its own ports (identity 3100, portal 3101; SESAME_E2E_PORT for others)
 * and its own fresh database under test-results/e2e-server/, never the developer's ./data.
 */
import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumExecutablePath } from './e2e/support/chromium.ts';
import { identityPort, portalUrl } from './e2e/support/sesame-server.ts';

export default defineConfig({
  testDir: 'e2e',
  // A run beside another (SESAME_E2E_PORT) keeps its own traces and failure screenshots.
  outputDir: `test-results/playwright${identityPort === 3100 ? '' : `-${identityPort}`}`,
  globalSetup: './e2e/global-setup.ts',
  // One server, one demo account: tests run one after the other.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    baseURL: portalUrl,
    browserName: 'chromium',
    launchOptions: {
      // `npx playwright install` cannot run here: the system's Chromium (Debian package).
      executablePath: chromiumExecutablePath,
      args: chromiumArgs,
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
