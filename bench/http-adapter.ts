// Express or Fastify? Boots the same AppModule on both adapters against one embedded
// PostgreSQL and measures two GraphQL queries with autocannon (20 connections).
// Run: SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register bench/http-adapter.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import {
  PinoNestLogger,
  createHttpApp,
  createLogger,
  findFreePort,
  loadConfig,
  runMigrations,
  startEmbeddedPostgres,
} from '@resocc/core';
import autocannon from 'autocannon';
import { AppModule } from '@resocc/api';

const DURATION_S = Number(process.env['BENCH_DURATION'] ?? 10);
const QUERIES = {
  typename: '{ __typename }',
  themes: '{ themes { id slug label } }',
};

async function measure(port: number, query: string): Promise<{ rps: number; p50: number; p99: number }> {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
    connections: 20,
    duration: DURATION_S,
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`errors during the run: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99 };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'resocc-bench-adapter-'));
  const postgres = await startEmbeddedPostgres({ dataDir: dir });
  await runMigrations(postgres.url);
  const config = loadConfig({
    NODE_ENV: 'production',
    // Required in production; nothing is e-mailed during a benchmark.
    SMTP_URL: 'smtp://127.0.0.1:9',
    JWT_SECRET: 'b'.repeat(40),
    DATA_DIR: dir,
    LOG_LEVEL: 'warn',
    DATABASE_URL: postgres.url,
  });
  const logger = createLogger('warn');
  const root = AppModule.forRoot({ config, logger, databaseUrl: postgres.url });
  const results: Record<string, Record<string, { rps: number; p50: number; p99: number }>> = {};
  try {
    for (const adapter of ['fastify', 'express'] as const) {
      let app: INestApplication;
      if (adapter === 'fastify') {
        app = await createHttpApp(root, config, logger);
      } else {
        app = await NestFactory.create(root, new ExpressAdapter(), { logger: new PinoNestLogger(logger) });
        await app.init();
      }
      const port = await findFreePort();
      await app.listen(port, '127.0.0.1');
      results[adapter] = {};
      for (const [name, query] of Object.entries(QUERIES)) {
        await measure(port, query); // warm-up run, discarded
        results[adapter][name] = await measure(port, query);
      }
      await app.close();
    }
  } finally {
    await postgres.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    `machine: ${cpus().length} cores, Node ${process.version}, ${DURATION_S} s per run, 20 connections`,
  );
  for (const [adapter, byQuery] of Object.entries(results)) {
    for (const [name, r] of Object.entries(byQuery)) {
      console.log(
        `${adapter.padEnd(8)} ${name.padEnd(9)} ${String(r.rps).padStart(6)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms`,
      );
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
