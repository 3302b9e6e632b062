import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningPostgres, runMigrations, startEmbeddedPostgres } from '@resocc/core';
import type { TestApp } from '@resocc/core/testing';
import { createPlatformTestApp } from './testing/app';

describe('/health/ready follows the database', () => {
  let dir: string;
  let postgres: RunningPostgres;
  let t: TestApp;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'resocc-ready-'));
    postgres = await startEmbeddedPostgres({ dataDir: dir });
    await runMigrations(postgres.url);
    t = await createPlatformTestApp({
      database: { url: postgres.url, name: 'resocc', drop: async () => undefined },
    });
  });
  afterAll(async () => {
    await t.close();
    await postgres.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 503 while PostgreSQL is down and 200 again once it is back, without restarting', async () => {
    expect((await t.http().get('/health/ready')).status).toBe(200);

    const port = postgres.port;
    await postgres.stop();
    const down = await t.http().get('/health/ready');
    expect(down.status).toBe(503);
    expect(down.body.checks.database.ok).toBe(false);
    expect((await t.http().get('/health')).status).toBe(200);
    const query = await t.gql('{ themes { slug } }');
    expect(query.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');

    postgres = await startEmbeddedPostgres({ dataDir: dir, port });
    let status = 0;
    for (let i = 0; i < 50 && status !== 200; i++) {
      status = (await t.http().get('/health/ready')).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 200));
    }
    expect(status).toBe(200);
    const again = await t.gql<{ themes: unknown[] }>('{ themes { slug } }');
    expect(again.data?.themes).toHaveLength(11);
  });
});
