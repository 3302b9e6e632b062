import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HealthService, findFreePort } from '@resocc/core';
import { createTestApp, graphqlTestModule, type TestApp } from '@resocc/core/testing';
import { SearchModule } from '../search.module';

// Stands in for the Meilisearch server, which cannot run here: it answers GET /health
// as Meilisearch documents it ({"status":"available"}) and can be switched off.
function fakeMeilisearchHealth(): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.url === '/health') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"available"}');
    } else {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('/health/ready with MEILI_URL', () => {
  let t: TestApp;
  let server: Server;
  let port: number;

  beforeAll(async () => {
    server = await fakeMeilisearchHealth();
    port = (server.address() as AddressInfo).port;
    t = await createTestApp(graphqlTestModule({ imports: [SearchModule] }), {
      env: { MEILI_URL: `http://127.0.0.1:${port}` },
    });
  });
  afterAll(async () => {
    await t.close();
    server.close();
  });

  it('is ready while the search engine answers and not ready once it stops', async () => {
    const health = t.app.get(HealthService);
    expect(await health.readiness()).toEqual({
      ready: true,
      checks: { database: { ok: true }, search: { ok: true } },
    });
    await new Promise((r) => server.close(r));
    const report = await health.readiness();
    expect(report.ready).toBe(false);
    expect(report.checks['search'].ok).toBe(false);
    expect(report.checks['database'].ok).toBe(true);
  });

  it('is not ready when MEILI_URL points nowhere, and checks no search server without MEILI_URL', async () => {
    const other = await createTestApp(graphqlTestModule({ imports: [SearchModule] }), {
      env: { MEILI_URL: `http://127.0.0.1:${await findFreePort()}` },
    });
    expect((await other.app.get(HealthService).readiness()).ready).toBe(false);
    await other.close();
    const none = await createTestApp(graphqlTestModule({ imports: [SearchModule] }));
    expect(Object.keys((await none.app.get(HealthService).readiness()).checks)).toEqual(['database']);
    await none.close();
  });
});
