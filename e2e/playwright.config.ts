import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3100);
const dataDir = path.join(os.tmpdir(), `yhdessa-e2e-${process.pid}-${Date.now()}`);

export default defineConfig({
  testDir: './tests',
  // Ceilings, not waits: on a busy 2-core machine a browser context's first screen can take 10 s or more.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: '../test-results/e2e.json' }]],
  use: {
    baseURL: `http://localhost:${port}`,
    locale: 'fi-FI',
    // The municipality's day: the server decides "today" in Europe/Helsinki, and so does a browser in
    // Finland. On a UTC machine the two disagree between 22:00 and 24:00 UTC.
    timezoneId: 'Europe/Helsinki',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
        '--disable-quic',
      ],
    },
  },
  webServer: {
    // The real product as `pnpm start` runs it: the compiled API (`pnpm build`, run.sh) and the built
    // web client on one origin, demo data on a fresh embedded database.
    command: 'node --enable-source-maps ../apps/api/dist/server.js',
    cwd: __dirname,
    url: `http://localhost:${port}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    env: {
      PORT: String(port),
      DEMO: '1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      // Invitation links in the outbox point at this server.
      PUBLIC_URL: `http://localhost:${port}`,
      WEB_DIST: path.resolve(__dirname, '../apps/web/dist'),
    },
  },
});
