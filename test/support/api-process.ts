// Real API processes for the fault and replica suites: the API built into dist/, run as
// `node dist/apps/api/src/main.js` on a PostgreSQL the suite owns, spoken to over
// 127.0.0.1 only. A ProcessBed records every process and database it starts so that
// afterAll can stop them all, whatever happened in the tests.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import {
  type RunningPostgres,
  findFreePort,
  fromGlobalId,
  runMigrations,
  startEmbeddedPostgres,
} from '@resocc/core';

const ROOT = join(__dirname, '..', '..');
const MAIN = join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js');
/** Everything the build compiles lives below these folders. */
const SOURCES = ['apps', 'libs'];

/** Every process of a suite shares the database, so they share the signing secret too. */
export const JWT_SECRET = 'fault-and-replica-suites-shared-jwt-secret-0123456789';
export const DEMO_PASSWORD = 'demo-password-2026';
/** ADMIN+MODERATOR of the trusted network organisation: its posts publish on submit. */
export const ADMIN = 'admin@reseau.example';
/** A MEMBER of an untrusted organisation. */
export const MEMBER = 'acheteuse@montpellier.example';

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

// ------------------------------------------------------------------------------- build

function newestSourceMs(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceMs(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts'))
      newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function distIsStale(): boolean {
  if (!existsSync(MAIN)) return true;
  const built = statSync(MAIN).mtimeMs;
  return SOURCES.some((source) => newestSourceMs(join(ROOT, source)) > built);
}

/**
 * Runs tools/build.mjs when dist/ is missing or older than the sources. A lock folder keeps
 * two Jest workers of these suites from rebuilding (and so emptying) dist/ at the same time.
 */
export async function buildApi(): Promise<void> {
  const lock = join(tmpdir(), `resocc-build-${createHash('sha1').update(ROOT).digest('hex').slice(0, 12)}`);
  for (let i = 0; ; i++) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 120_000) rmSync(lock, { recursive: true, force: true });
      if (i >= 1200) throw new Error(`build lock ${lock} still held after 120 s`);
      await sleep(100);
    }
  }
  try {
    if (distIsStale())
      execFileSync(process.execPath, [join(ROOT, 'tools', 'build.mjs')], { cwd: ROOT, stdio: 'ignore' });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------------------------- GraphQL

export interface GqlError {
  message: string;
  extensions?: { code?: string; [key: string]: unknown };
}

export interface GqlResponse<D> {
  status: number;
  data?: D | null;
  errors?: GqlError[];
}

export interface RequestOptions {
  token?: string;
  /** Client address, sent as X-Forwarded-For (believed only by processes run with TRUST_PROXY=loopback). */
  ip?: string;
  timeoutMs?: number;
}

/** One GraphQL operation over HTTP; rejects only when no HTTP answer comes back. */
export async function gql<D = Record<string, unknown>>(
  port: number,
  query: string,
  variables: Record<string, unknown> = {},
  options: RequestOptions = {},
): Promise<GqlResponse<D>> {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.ip ? { 'x-forwarded-for': options.ip } : {}),
    },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
  });
  const body = (await res.json()) as Omit<GqlResponse<D>, 'status'>;
  return { status: res.status, ...body };
}

export function errorCode(res: GqlResponse<unknown>): string | undefined {
  return res.errors?.[0]?.extensions?.code;
}

/** The HTTP status of GET /health/ready. */
export async function readiness(port: number): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${port}/health/ready`, { signal: AbortSignal.timeout(10_000) });
  await res.arrayBuffer();
  return res.status;
}

export const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }';

export async function login(port: number, email: string): Promise<string> {
  const res = await gql<{ login: { accessToken: string } }>(port, LOGIN, { e: email, p: DEMO_PASSWORD });
  if (!res.data?.login) throw new Error(`login ${email} failed: ${JSON.stringify(res.errors)}`);
  return res.data.login.accessToken;
}

export interface PostRef {
  id: string;
  version: number;
}

const POST_FIELDS = 'id version';

export function postInput(title: string, body = `Texte de ${title}.`): Record<string, unknown> {
  return {
    title,
    summary: `Résumé de ${title}.`,
    body,
    themes: ['numerique-responsable'],
    considerations: ['ENVIRONMENTAL'],
    visibility: 'PUBLIC',
  };
}

/** Sends a mutation that returns a post and reads it, or throws with the errors. */
async function postMutation(
  port: number,
  token: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<PostRef> {
  const res = await gql<Record<string, PostRef>>(port, query, variables, { token });
  const post = res.data ? Object.values(res.data)[0] : undefined;
  if (!post) throw new Error(`mutation failed: ${JSON.stringify(res.errors)}`);
  return post;
}

export function createPost(port: number, token: string, input: Record<string, unknown>): Promise<PostRef> {
  return postMutation(
    port,
    token,
    `mutation($input: ExperiencePostInput!) { createExperiencePost(input: $input) { ${POST_FIELDS} } }`,
    { input },
  );
}

export function submitPost(port: number, token: string, id: string): Promise<PostRef> {
  return postMutation(
    port,
    token,
    `mutation($id: ID!) { submitExperiencePost(id: $id) { ${POST_FIELDS} } }`,
    { id },
  );
}

export const UPDATE_POST = `mutation($id: ID!, $v: Int!, $input: ExperiencePostInput!) {
  updateExperiencePost(id: $id, expectedVersion: $v, input: $input) { ${POST_FIELDS} title }
}`;

const SEARCH = `query($q: String!) {
  search(input: { query: $q, first: 50 }) { totalHits hits { node { ... on ExperiencePost { id } } } }
}`;

/** What an anonymous search for `words` finds: its total and the database ids of the posts hit, sorted. */
export async function searchPosts(port: number, words: string): Promise<{ total: number; ids: string[] }> {
  const res = await gql<{ search: { totalHits: number; hits: { node: { id?: string } }[] } }>(port, SEARCH, {
    q: words,
  });
  if (!res.data) throw new Error(`search failed: ${JSON.stringify(res.errors)}`);
  const ids = res.data.search.hits.map((h) => localId(h.node.id ?? ''));
  return { total: res.data.search.totalHits, ids: ids.sort() };
}

/** The database id behind a GraphQL global id. */
export function localId(globalId: string): string {
  const decoded = fromGlobalId(globalId);
  if (!decoded) throw new Error(`not a global id: ${globalId}`);
  return decoded.id;
}

/** Polls `probe` until it returns a value (not undefined), at most `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 30_000,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (let i = 0; i < Math.ceil(timeoutMs / intervalMs) + 1; i++) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) break;
    await sleep(intervalMs);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

// ------------------------------------------------------------------------------- processes

export interface ApiProcess {
  readonly name: string;
  readonly port: number;
  readonly pid: number;
  /** The last 20 000 characters the process wrote. */
  output(): string;
  alive(): boolean;
  /** Resolves with the exit signal or code once the process has ended. */
  readonly exited: Promise<string>;
  /** SIGTERM, then SIGKILL after 10 s. */
  stop(): Promise<string>;
  /** kill -9. */
  kill(): Promise<string>;
}

function spawnApi(name: string, env: Record<string, string>): ApiProcess {
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', LOG_LEVEL: 'warn', JWT_SECRET, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const append = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const exited = new Promise<string>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? String(code))),
  );
  const alive = (): boolean => child.exitCode === null && child.signalCode === null;
  const end = async (signal: NodeJS.Signals): Promise<string> => {
    if (alive()) child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    const how = await exited;
    clearTimeout(timer);
    return how;
  };
  return {
    name,
    port: Number(env['PORT']),
    pid: child.pid ?? -1,
    output: () => output,
    alive,
    exited,
    stop: () => end('SIGTERM'),
    kill: () => end('SIGKILL'),
  };
}

async function waitForAnswer(api: ApiProcess): Promise<void> {
  const deadline = Date.now() + 45_000;
  for (let i = 0; i < 450 && Date.now() < deadline; i++) {
    if (!api.alive()) throw new Error(`API ${api.name} exited during start-up:\n${api.output()}`);
    try {
      const res = await gql<{ __typename: string }>(api.port, '{ __typename }', {}, { timeoutMs: 2000 });
      if (res.data?.__typename === 'Query') return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`API ${api.name} did not answer within 45 s:\n${api.output()}`);
}

/** A PostgreSQL server of the suite's own, migrated; it can be stopped and started again on its port. */
export class OwnedDatabase {
  constructor(
    readonly dir: string,
    private server: RunningPostgres,
  ) {}

  get url(): string {
    return this.server.url;
  }

  get port(): number {
    return this.server.port;
  }

  stop(): Promise<void> {
    return this.server.stop();
  }

  /** Starts the server again on the same data folder and port, so clients find it at the same address. */
  async restart(): Promise<void> {
    this.server = await startEmbeddedPostgres({ dataDir: this.dir, port: this.port });
  }

  /** A client of the test's own (for sessions that hold locks); the caller ends it. */
  async connect(): Promise<Client> {
    const client = new Client({ connectionString: this.url, connectionTimeoutMillis: 5000 });
    client.on('error', () => undefined);
    await client.connect();
    return client;
  }

  async query<R>(sql: string, params: unknown[] = []): Promise<R[]> {
    const client = await this.connect();
    try {
      return (await client.query(sql, params)).rows as R[];
    } finally {
      await client.end();
    }
  }
}

/** Starts and, in close(), stops every API process and PostgreSQL of one suite. */
export class ProcessBed {
  private readonly apis: ApiProcess[] = [];
  private readonly databases: OwnedDatabase[] = [];

  /** A fresh PostgreSQL on a free port, migrated (the API does not migrate with DATABASE_URL). */
  async database(): Promise<OwnedDatabase> {
    const dir = mkdtempSync(join(tmpdir(), 'resocc-faults-'));
    let server: RunningPostgres;
    try {
      server = await startEmbeddedPostgres({ dataDir: dir });
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
    const database = new OwnedDatabase(dir, server);
    this.databases.push(database);
    await runMigrations(database.url);
    return database;
  }

  /** Spawns the built API on `databaseUrl` and waits until it answers GraphQL. */
  async api(name: string, databaseUrl: string, env: Record<string, string> = {}): Promise<ApiProcess> {
    const port = await findFreePort();
    const api = spawnApi(name, { PORT: String(port), DATABASE_URL: databaseUrl, ...env });
    this.apis.push(api);
    await waitForAnswer(api);
    return api;
  }

  /** Kills the processes still running, stops the databases and removes their folders. */
  async close(): Promise<void> {
    await Promise.all(this.apis.map((api) => api.kill()));
    for (const database of this.databases) {
      await database.stop().catch(() => undefined);
      rmSync(database.dir, { recursive: true, force: true });
    }
  }
}

// ------------------------------------------------------------------------------- search index

export interface IndexState {
  /** Ids of the PUBLISHED experience posts. */
  published: string[];
  /** entity_id of every EXPERIENCE_POST search document (one entry per row). */
  indexed: string[];
  /** Rows left in search_outbox. */
  pending: number;
}

export async function indexState(db: OwnedDatabase): Promise<IndexState> {
  const published = await db.query<{ id: string }>(
    `SELECT id FROM experience_post WHERE status = 'PUBLISHED' ORDER BY id`,
  );
  const indexed = await db.query<{ entity_id: string }>(
    `SELECT entity_id FROM search_document WHERE type = 'EXPERIENCE_POST' ORDER BY entity_id`,
  );
  const [{ n }] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM search_outbox`);
  return { published: published.map((r) => r.id), indexed: indexed.map((r) => r.entity_id), pending: n };
}

/** Waits until the outbox is empty and the index holds exactly the published posts. */
export function indexConverged(db: OwnedDatabase, timeoutMs = 30_000): Promise<IndexState> {
  return waitFor(
    'the search index to hold exactly the published posts',
    async () => {
      const state = await indexState(db);
      const same = state.indexed.join() === state.published.join();
      return state.pending === 0 && same ? state : undefined;
    },
    timeoutMs,
    200,
  );
}
