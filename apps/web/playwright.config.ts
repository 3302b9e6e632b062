// Browser tests: Debian's Chromium against the built web app and the real API (embedded
// PostgreSQL in a temporary DATA_DIR, demo data). Every port is configurable
// (E2E_API_PORT, E2E_WEB_PORT, E2E_OFFICIAL_PORT); unset, free ports are picked once here and
// handed to the workers through the environment.
import { defineConfig, devices } from '@playwright/test';
import type { Options } from './e2e/fixtures';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

function freePort(): string {
  return execFileSync(
    process.execPath,
    [
      '-e',
      "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})",
    ],
    { encoding: 'utf8' },
  );
}

// Distinct picks: two closed listeners can be given the same port (once in CI the server
// whose API must not answer served a result page, most likely because its API port was
// also this run's live API port).
const picked = new Set<string>();
for (const name of [
  'E2E_API_PORT',
  'E2E_WEB_PORT',
  'E2E_OFFICIAL_PORT',
  'E2E_BROKEN_PORT',
  'E2E_DEAD_API_PORT',
]) {
  if (process.env[name] === undefined || process.env[name] === '') {
    let port = freePort();
    while (picked.has(port)) port = freePort();
    process.env[name] = port;
  }
  picked.add(process.env[name] as string);
}
process.env['E2E_DATA_DIR'] ??= mkdtempSync(join(tmpdir(), 'resocc-web-e2e-'));

function setting(name: string): string {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
}
const apiPort = setting('E2E_API_PORT');
const webPort = setting('E2E_WEB_PORT');
const officialPort = setting('E2E_OFFICIAL_PORT');
const brokenPort = setting('E2E_BROKEN_PORT');
const dataDir = setting('E2E_DATA_DIR');
const apiUrl = `http://127.0.0.1:${apiPort}`;
const server = join(root, 'apps', 'web', 'server.mjs');
const webEnv = {
  API_URL: apiUrl,
  WEB_HOST: '127.0.0.1',
  NEXT_TELEMETRY_DISABLED: '1',
  NODE_ENV: 'production',
  PATH: process.env['PATH'] ?? '',
};

export default defineConfig<Options>({
  testDir: './e2e',
  testMatch: '**/*.e2e.ts',
  // Playwright empties its outputDir: never test-results/, where Jest's JSON lives.
  outputDir: './test-output',
  forbidOnly: true,
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: join(root, 'test-results', 'web-e2e.playwright.json') }]],
  use: {
    baseURL: `http://127.0.0.1:${webPort}`,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    trace: 'off',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: [
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [
    { name: 'avec-js', use: { ...devices['Desktop Chrome'], noScript: false } },
    // The same journeys and accessibility checks with every script of the app blocked.
    {
      name: 'sans-js',
      testMatch: ['**/journey.e2e.ts', '**/a11y.e2e.ts'],
      use: { ...devices['Desktop Chrome'], noScript: true },
    },
  ],
  webServer: [
    {
      command: `node tools/build.mjs && node dist/apps/api/src/main.js`,
      cwd: root,
      url: `${apiUrl}/health/ready`,
      env: { PORT: apiPort, DATA_DIR: dataDir, LOG_LEVEL: 'warn', PATH: process.env['PATH'] ?? '' },
      timeout: 120_000,
      reuseExistingServer: false,
      gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: `node ${server}`,
      cwd: root,
      url: `http://127.0.0.1:${webPort}/robots.txt`,
      env: { ...webEnv, WEB_PORT: webPort, WEB_URL: `http://127.0.0.1:${webPort}` },
      timeout: 60_000,
      reuseExistingServer: false,
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    },
    {
      // An operator entitled to the State's identity, with its own name.
      command: `node ${server}`,
      cwd: root,
      url: `http://127.0.0.1:${officialPort}/robots.txt`,
      env: {
        ...webEnv,
        WEB_PORT: officialPort,
        WEB_URL: `http://127.0.0.1:${officialPort}`,
        OFFICIAL_STATE_IDENTITY: 'true',
        NETWORK_NAME: 'Achats responsables de l’État',
      },
      timeout: 60_000,
      reuseExistingServer: false,
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    },
    {
      // A web server whose API does not answer (E2E_DEAD_API_PORT: a free port nobody listens on).
      command: `node ${server}`,
      cwd: root,
      url: `http://127.0.0.1:${brokenPort}/robots.txt`,
      env: {
        ...webEnv,
        API_URL: `http://127.0.0.1:${setting('E2E_DEAD_API_PORT')}`,
        WEB_PORT: brokenPort,
        WEB_URL: `http://127.0.0.1:${brokenPort}`,
      },
      timeout: 60_000,
      reuseExistingServer: false,
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    },
  ],
});
