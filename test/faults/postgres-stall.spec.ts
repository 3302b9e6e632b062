// PostgreSQL stops answering without going away (kill -STOP on the postmaster and its
// children: a frozen server, a full disk, a network that drops packets): the API answers
// SERVICE_UNAVAILABLE (HTTP 503, Retry-After) within the request deadline instead of
// hanging, reports itself not ready, and serves again by itself once the server resumes.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EmbeddedDatabase, GRAPHQL_LIMITS, runMigrations, startEmbeddedDatabase } from '@resocc/core';
import {
  ADMIN,
  type ApiProcess,
  type GqlResponse,
  ProcessBed,
  buildApi,
  errorCode,
  login,
  readiness,
  waitFor,
} from '../support/api-process';

const READ = '{ experiencePosts(first: 3) { totalCount edges { node { id title } } } }';
const ME = '{ me { id } }';

interface Timed {
  ms: number;
  status: number;
  code?: string;
  retryAfter: string | null;
}

/** One GraphQL request and how long its answer took; a missing answer fails after `timeoutMs`. */
async function timed(port: number, query: string, token?: string, timeoutMs = 20_000): Promise<Timed> {
  const started = Date.now();
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const body = (await res.json()) as Omit<GqlResponse<unknown>, 'status'>;
  return {
    ms: Date.now() - started,
    status: res.status,
    code: errorCode({ status: res.status, ...body }),
    retryAfter: res.headers.get('retry-after'),
  };
}

/** The postmaster of a data folder and every process it started. */
function serverProcesses(dir: string): number[] {
  const postmaster = Number(readFileSync(join(dir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
  const children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(postmaster)], { encoding: 'utf8' })
    .split('\n')
    .map((line) => Number(line.trim()))
    .filter((pid) => pid > 0);
  return [postmaster, ...children];
}

function signal(pids: number[], name: 'SIGSTOP' | 'SIGCONT'): void {
  for (const pid of pids) {
    try {
      process.kill(pid, name);
    } catch {
      // a backend that ended meanwhile
    }
  }
}

describe('PostgreSQL stops answering (SIGSTOP)', () => {
  const bed = new ProcessBed();
  let dir: string;
  let db: EmbeddedDatabase;
  let api: ApiProcess;
  let stopped: number[] = [];

  beforeAll(async () => {
    await buildApi();
    dir = mkdtempSync(join(tmpdir(), 'resocc-stall-'));
    db = await startEmbeddedDatabase({ dataDir: dir });
    await runMigrations(db.ownerUrl, { appRole: db.appRole });
    api = await bed.api('api', db.appUrl, { SEED_DEMO: 'true' });
  });
  afterAll(async () => {
    signal(stopped, 'SIGCONT');
    await bed.close();
    await db?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers SERVICE_UNAVAILABLE with 503 and Retry-After within the deadline, and recovers without a restart', async () => {
    const token = await login(api.port, ADMIN);
    expect((await timed(api.port, READ)).code).toBeUndefined();
    expect((await timed(api.port, ME, token)).code).toBeUndefined();

    stopped = serverProcesses(dir);
    signal(stopped, 'SIGSTOP');
    try {
      // reads, an authenticated request (its viewer is read from the database) and a
      // mutation, side by side: none waits for the server, all say it is unavailable
      const first = await Promise.all([
        timed(api.port, READ),
        timed(api.port, READ),
        timed(api.port, ME, token),
        timed(api.port, `mutation { logout(refreshToken: "inconnu") }`, token),
      ]);
      // and once the pool has given up on its connections, new requests too
      const second = await Promise.all([timed(api.port, READ), timed(api.port, ME, token)]);
      for (const answer of [...first, ...second]) {
        expect(answer).toEqual({
          ms: expect.any(Number),
          status: 503,
          code: 'SERVICE_UNAVAILABLE',
          retryAfter: '5',
        });
        expect(answer.ms).toBeLessThan(GRAPHQL_LIMITS.timeoutMs);
      }
      expect(await readiness(api.port)).toBe(503);
      const health = await fetch(`http://127.0.0.1:${api.port}/health`, {
        signal: AbortSignal.timeout(2000),
      });
      expect(health.status).toBe(200);
      expect(api.alive()).toBe(true);
    } finally {
      signal(stopped, 'SIGCONT');
      stopped = [];
    }

    await waitFor('a read to succeed again', async () => {
      const answer = await timed(api.port, READ);
      return answer.status === 200 && answer.code === undefined ? true : undefined;
    });
    await waitFor('/health/ready to say 200', async () =>
      (await readiness(api.port)) === 200 ? true : undefined,
    );
    expect((await timed(api.port, ME, token)).code).toBeUndefined();
    // the same process served throughout
    expect(api.alive()).toBe(true);
  });
});
