import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EmbeddedDatabase, runMigrations, startEmbeddedDatabase } from '@resocc/core';
import type { TestApp } from '@resocc/core/testing';
import { createPlatformTestApp } from './testing/app';

describe('/health/ready follows the database', () => {
  let dir: string;
  let postgres: EmbeddedDatabase;
  let t: TestApp;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'resocc-ready-'));
    postgres = await startEmbeddedDatabase({ dataDir: dir });
    await runMigrations(postgres.ownerUrl, { appRole: postgres.appRole });
    t = await createPlatformTestApp({
      database: {
        url: postgres.appUrl,
        ownerUrl: postgres.ownerUrl,
        appRole: postgres.appRole,
        name: 'resocc',
        drop: async () => undefined,
      },
    });
  });
  afterAll(async () => {
    await t.close();
    await postgres.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 503 while PostgreSQL is down and 200 again once it is back, without restarting', async () => {
    const up = await t.http().get('/health/ready');
    expect(up.status).toBe(200);
    expect(up.body).toEqual({ status: 'ready', checks: { database: 'up' } });

    const port = postgres.port;
    await postgres.stop();
    t.logs.lines.length = 0;
    const down = await t.http().get('/health/ready');
    expect(down.status).toBe(503);
    // anonymous callers learn up or down per dependency, no internal error text
    expect(down.body).toEqual({ status: 'not ready', checks: { database: 'down' } });
    expect(down.text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|connect|timeout/i);
    // the reason is in the logs, once per outage
    const failures = () => t.logs.lines.filter((l) => l['msg'] === 'readiness check failed');
    expect(failures()).toEqual([
      expect.objectContaining({
        level: 40,
        check: 'database',
        err: expect.objectContaining({ message: expect.any(String) }),
      }),
    ]);
    expect((await t.http().get('/health/ready')).status).toBe(503);
    expect(failures().filter((l) => Number(l['level']) >= 40)).toHaveLength(1);

    expect((await t.http().get('/health')).status).toBe(200);
    const query = await t.gql('{ themes { slug } }');
    expect(query.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');

    postgres = await startEmbeddedDatabase({ dataDir: dir, port });
    let status = 0;
    for (let i = 0; i < 50 && status !== 200; i++) {
      status = (await t.http().get('/health/ready')).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 200));
    }
    expect(status).toBe(200);
    expect(t.logs.lines.filter((l) => l['msg'] === 'readiness check up again')).toHaveLength(1);
    const again = await t.gql<{ themes: unknown[] }>('{ themes { slug } }');
    expect(again.data?.themes).toHaveLength(11);
  });

  it('answers a request the database cannot serve with SERVICE_UNAVAILABLE, HTTP 503 and Retry-After', async () => {
    const port = postgres.port;
    await postgres.stop();
    try {
      const res = await t.gql('{ themes { slug } }');
      expect(res.errors?.[0].extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 5 });
      expect(res.errors?.[0].message).toBe(
        'Le service est momentanément indisponible. Réessayez dans quelques secondes.',
      );
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
    } finally {
      postgres = await startEmbeddedDatabase({ dataDir: dir, port });
    }
  });
});
