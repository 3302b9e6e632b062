import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from './embedded-postgres';

function postgresProcessesFor(dir: string): number {
  const out = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
  return out.split('\n').filter((line) => line.includes('postgres') && line.includes(dir)).length;
}

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

describe('embedded PostgreSQL', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'resocc-embedded-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps its data across restarts and leaves no process behind when stopped', async () => {
    const first = await startEmbeddedPostgres({ dataDir: dir });
    await query(first.url, `CREATE TABLE kept (v text); INSERT INTO kept VALUES ('bonjour')`);
    await first.stop();
    expect(postgresProcessesFor(dir)).toBe(0);

    const second = await startEmbeddedPostgres({ dataDir: dir });
    expect(await query<{ v: string }>(second.url, 'SELECT v FROM kept')).toEqual([{ v: 'bonjour' }]);
    await second.stop();
    expect(postgresProcessesFor(dir)).toBe(0);
  });

  it('uses UTF-8 and a locale in which French text search works', async () => {
    const pg = await startEmbeddedPostgres({ dataDir: dir });
    try {
      const [row] = await query<{ enc: string; ts: string }>(
        pg.url,
        `SELECT pg_encoding_to_char(encoding) AS enc, to_tsvector('french', 'Les clauses sociales')::text AS ts
         FROM pg_database WHERE datname = current_database()`,
      );
      expect(row.enc).toBe('UTF8');
      expect(row.ts).toContain("'claus'");
    } finally {
      await pg.stop();
    }
  });

  it('recovers when a previous server was killed without stopping', async () => {
    const pg = await startEmbeddedPostgres({ dataDir: dir });
    const [{ pid }] = await query<{ pid: number }>(pg.adminUrl, 'SELECT pg_backend_pid() AS pid');
    expect(pid).toBeGreaterThan(0);
    // Simulate a crash of the API: the postmaster stays behind with its lock file.
    const postmasterPid = Number(
      execFileSync('head', ['-1', join(dir, 'postgres', 'postmaster.pid')], { encoding: 'utf8' }).trim(),
    );
    const again = await startEmbeddedPostgres({ dataDir: dir });
    expect(await query<{ one: number }>(again.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    expect(existsSync(`/proc/${postmasterPid}`)).toBe(false);
    await again.stop();
    await pg.stop();
    expect(postgresProcessesFor(dir)).toBe(0);
  });
});
