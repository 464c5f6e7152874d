import { defineConfig } from '@playwright/test';
import base from './playwright.config';

const port = Number(process.env.MULTI_INSTANCE_PORT ?? 3420);

/** `bash e2e/multi-instance.sh`: the browser tests of several API instances behind nginx (see multi-instance/cluster.ts). */
export default defineConfig({
  ...base,
  testDir: './multi-instance',
  globalSetup: './multi-instance/global-setup.ts',
  webServer: undefined,
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: '../test-results/e2e-multi-instance.json' }]],
  use: { ...base.use, baseURL: `http://localhost:${port}` },
});
