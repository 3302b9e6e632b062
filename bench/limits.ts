// The attacks of issue 13 on the GraphQL limits, against a real API process (run from the
// sources, NODE_ENV=development so introspection is on): how long the fragment bombs take
// and whether /health answers meanwhile, how many bytes the revisions attack gets back,
// nested variables, the standard introspection query.
//
//   SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register bench/limits.ts --label before
//
// Writes bench/results/<YYYY-MM-DD>-<host>-limits-<label>.json and prints it. The API and
// its embedded PostgreSQL run in temporary folders and are stopped at the end (the API with
// SIGKILL when a request keeps it busy).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { getIntrospectionQuery } from 'graphql';
import { findFreePort, runMigrations, startEmbeddedPostgres, type RunningPostgres } from '@resocc/core';
import { DEMO_PASSWORD } from '@resocc/members';
import { ROOT, argValue, log, machineInfo, onAbort, runScript, sleep } from './lib/common';
import { API_NODE_FLAGS, type RunningChild, startChild } from './lib/processes';

/** Every request goes out on its own connection, so that a busy API cannot hold back the others. */
function send(
  port: number,
  method: 'GET' | 'POST',
  path: string,
  body: string | undefined,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<{ status: number; bytes: number; text: string; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method,
        agent: false,
        headers: {
          ...(body !== undefined
            ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) }
            : {}),
          ...headers,
        },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let bytes = 0;
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          // keep the start only: the point is to count the bytes, not to hold them
          if (bytes <= 64 * 1024) chunks.push(chunk);
        });
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            bytes,
            text: Buffer.concat(chunks).toString('utf8'),
            ms: performance.now() - started,
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

interface Outcome {
  status: number | null;
  ms: number;
  response_bytes: number | null;
  request_bytes: number;
  code?: string;
  limit?: string;
  message?: string;
  error?: string;
  /** Slowest GET /health answer while the request ran (null when it never answered). */
  health_max_ms?: number | null;
}

function summarise(text: string): Pick<Outcome, 'code' | 'limit' | 'message'> {
  const at = text.indexOf('"errors"');
  if (at < 0) return {};
  const code = /"code":"([A-Z_]+)"/.exec(text.slice(at))?.[1];
  const limit = /"limit":"([A-Z_]+)"/.exec(text.slice(at))?.[1];
  const message = /"message":"((?:[^"\\]|\\.)*)"/.exec(text.slice(at))?.[1];
  return { code, limit, message: message?.slice(0, 200) };
}

class Api {
  private child: RunningChild | undefined;
  port = 0;

  constructor(private readonly databaseUrl: string) {}

  async start(): Promise<void> {
    this.port = await findFreePort();
    const dataDir = mkdtempSync(join(tmpdir(), 'resocc-bench-limits-api-'));
    this.child = startChild({
      name: 'API',
      args: [...API_NODE_FLAGS, '-r', '@swc-node/register', join(ROOT, 'apps/api/src/main.ts')],
      env: {
        PATH: process.env['PATH'] ?? '',
        SWC_NODE_PROJECT: join(ROOT, 'tsconfig.base.json'),
        NODE_ENV: 'development',
        JWT_SECRET: randomBytes(32).toString('base64url'),
        DATABASE_URL: this.databaseUrl,
        SEED_DEMO: 'true',
        DATA_DIR: dataDir,
        PORT: String(this.port),
        LOG_LEVEL: 'warn',
      },
    });
    const deadline = Date.now() + 120_000;
    for (;;) {
      if (!this.child.alive()) throw new Error(`the API exited:\n${this.child.output()}`);
      try {
        const res = await send(this.port, 'GET', '/health', undefined, {}, 1000);
        if (res.status === 200) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`the API did not start:\n${this.child.output()}`);
      await sleep(100);
    }
  }

  peakRssMb(): number {
    return this.child?.peakRssMb() ?? 0;
  }

  alive(): boolean {
    return this.child?.alive() ?? false;
  }

  /** SIGKILL: a request may keep the event loop busy for hours. */
  async kill(): Promise<void> {
    await this.child?.stop(2000);
  }

  async graphql(
    query: string,
    variables: Record<string, unknown> | undefined,
    token: string | undefined,
    timeoutMs: number,
  ): Promise<{ status: number; bytes: number; text: string; ms: number }> {
    return send(
      this.port,
      'POST',
      '/graphql',
      JSON.stringify({ query, variables }),
      token ? { authorization: `Bearer ${token}` } : {},
      timeoutMs,
    );
  }
}

/** Sends one request while GET /health is asked every 100 ms on fresh connections. */
async function attack(
  api: Api,
  body: string,
  token: string | undefined,
  timeoutMs: number,
): Promise<Outcome> {
  let running = true;
  let healthMax: number | null = 0;
  const watcher = (async () => {
    while (running) {
      try {
        const res = await send(api.port, 'GET', '/health', undefined, {}, timeoutMs);
        if (healthMax !== null) healthMax = Math.max(healthMax, res.ms);
      } catch {
        healthMax = null;
        return;
      }
      await sleep(100);
    }
  })();
  const started = performance.now();
  let outcome: Outcome;
  try {
    const res = await send(
      api.port,
      'POST',
      '/graphql',
      body,
      token ? { authorization: `Bearer ${token}` } : {},
      timeoutMs,
    );
    outcome = {
      status: res.status,
      ms: Math.round(res.ms),
      response_bytes: res.bytes,
      request_bytes: Buffer.byteLength(body),
      ...summarise(res.text),
    };
  } catch (error) {
    outcome = {
      status: null,
      ms: Math.round(performance.now() - started),
      response_bytes: null,
      request_bytes: Buffer.byteLength(body),
      error: error instanceof Error ? error.message : String(error),
    };
  }
  running = false;
  await watcher;
  return { ...outcome, health_max_ms: healthMax === null ? null : Math.round(healthMax) };
}

/** `query { ...Fk }` with F0 = { __typename } and each Fi spreading F(i-1) twice. */
export function fragmentBomb(k: number): string {
  let query = `query { ...F${k} } fragment F0 on Query { __typename }`;
  for (let i = 1; i <= k; i++) query += ` fragment F${i} on Query { ...F${i - 1} ...F${i - 1} }`;
  return query;
}

function bomb(api: Api, k: number, timeoutMs: number): Promise<Outcome> {
  return attack(api, JSON.stringify({ query: fragmentBomb(k) }), undefined, timeoutMs);
}

const TEMPLATE_INPUT = (body: string, note?: string): Record<string, unknown> => ({
  title: 'Clause de mesure des limites',
  summary: 'Un modèle dont chaque révision pèse 40 ko, pour mesurer la taille des réponses.',
  kind: 'PERFORMANCE_CONDITION',
  considerations: ['SOCIAL'],
  themes: ['insertion-activite-economique'],
  legalReferences: [],
  body,
  variables: [],
  visibility: 'PUBLIC',
  ...(note ? { changeNote: note } : {}),
});

function revisionBody(i: number): string {
  const line = `Révision ${i} : le titulaire réserve des heures d'insertion, suivies chaque trimestre. `;
  return line.repeat(Math.ceil(40_000 / line.length)).slice(0, 40_000);
}

async function templateWithRevisions(api: Api, token: string, revisions: number): Promise<string> {
  const create = await api.graphql(
    'mutation($i: ClauseTemplateInput!) { createClauseTemplate(input: $i) { id version } }',
    { i: TEMPLATE_INPUT(revisionBody(1)) },
    token,
    30_000,
  );
  const created = (
    JSON.parse(create.text) as { data?: { createClauseTemplate?: { id: string; version: number } } }
  ).data?.createClauseTemplate;
  if (!created) throw new Error(`createClauseTemplate failed: ${create.text.slice(0, 500)}`);
  let version = created.version;
  for (let i = 2; i <= revisions; i++) {
    const res = await api.graphql(
      'mutation($id: ID!, $v: Int!, $i: ClauseTemplateInput!) { updateClauseTemplate(id: $id, expectedVersion: $v, input: $i) { version revision } }',
      { id: created.id, v: version, i: TEMPLATE_INPUT(revisionBody(i), `révision ${i}`) },
      token,
      30_000,
    );
    const updated = (JSON.parse(res.text) as { data?: { updateClauseTemplate?: { version: number } } }).data
      ?.updateClauseTemplate;
    if (!updated) throw new Error(`updateClauseTemplate failed: ${res.text.slice(0, 500)}`);
    version = updated.version;
  }
  return created.id;
}

function revisionsAttack(id: string, aliases: number): string {
  const fields = Array.from(
    { length: aliases },
    (_, i) => `a${i}: node(id: "${id}") { ... on ClauseTemplate { revisions { body } } }`,
  );
  return `{ ${fields.join(' ')} }`;
}

function nestedVariables(depth: number): string {
  return `{"query":"query { __typename }","variables":{"x":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}}`;
}

async function main(): Promise<void> {
  const label = argValue('label') ?? 'run';
  const timeoutMs = Number(argValue('timeout-ms') ?? 30_000);
  const dir = mkdtempSync(join(tmpdir(), 'resocc-bench-limits-'));
  let postgres: RunningPostgres | undefined;
  const stopAll: Array<() => Promise<void>> = [];
  const unregister = onAbort(async () => {
    for (const stop of stopAll.reverse()) await stop();
  });
  const results: Record<string, unknown> = {
    label,
    date: new Date().toISOString(),
    machine: machineInfo(),
    command: `SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register bench/limits.ts --label ${label}`,
    request_timeout_ms: timeoutMs,
  };
  try {
    log(`limits: starting an embedded PostgreSQL in ${dir}`);
    postgres = await startEmbeddedPostgres({ dataDir: dir });
    const pg = postgres;
    stopAll.push(async () => {
      await pg.stop();
      rmSync(dir, { recursive: true, force: true });
    });
    await runMigrations(postgres.url);
    let api = new Api(postgres.url);
    stopAll.push(() => api.kill());
    await api.start();
    log(`limits: API on port ${api.port}`);

    // 1. The revisions attack: a template of 60 revisions of 40 KB, revisions { body } aliased.
    const login = await api.graphql(
      'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }',
      { e: 'acheteuse@montpellier.example', p: DEMO_PASSWORD },
      undefined,
      30_000,
    );
    const token = (JSON.parse(login.text) as { data?: { login?: { accessToken: string } } }).data?.login
      ?.accessToken;
    if (!token) throw new Error(`login failed: ${login.text.slice(0, 300)}`);
    log('limits: writing a template with 60 revisions of 40 KB');
    const templateId = await templateWithRevisions(api, token, 60);
    const revisions: Record<string, Outcome> = {};
    for (const aliases of [1, 3, 15]) {
      const outcome = await attack(
        api,
        JSON.stringify({ query: revisionsAttack(templateId, aliases) }),
        token,
        timeoutMs,
      );
      revisions[`aliases_${aliases}`] = outcome;
      log(`limits: revisions x${aliases}: ${JSON.stringify(outcome)}`);
    }
    results['revisions_attack'] = { revisions: 60, revision_chars: 40_000, ...revisions };
    results['api_alive_after_revisions'] = api.alive();

    // 2. Variables nested 10,000 deep.
    const nested = nestedVariables(10_000);
    const nestedOutcome = await attack(api, nested, undefined, timeoutMs);
    results['nested_variables_10000'] = nestedOutcome;
    log(`limits: nested variables: ${JSON.stringify(nestedOutcome)}`);

    // 3. The standard introspection query (development).
    const introspection = await attack(
      api,
      JSON.stringify({ query: getIntrospectionQuery() }),
      undefined,
      timeoutMs,
    );
    results['introspection_query'] = introspection;
    log(`limits: introspection: ${JSON.stringify({ ...introspection, message: introspection.message })}`);

    // 4. Fragment bombs, k = 16 .. 22 then 90; a bomb that gets no answer leaves the API
    //    busy, so it is killed and started again for the next one.
    const bombs: Record<string, Outcome> = {};
    for (const k of [16, 18, 20, 22, 90]) {
      const outcome = await bomb(api, k, timeoutMs);
      bombs[`k_${k}`] = outcome;
      log(`limits: fragment bomb k=${k}: ${JSON.stringify(outcome)}`);
      if (outcome.status === null && k !== 90) {
        log('limits: the API is stuck, starting it again');
        await api.kill();
        api = new Api(postgres.url);
        stopAll.push(() => api.kill());
        await api.start();
      }
    }
    results['fragment_bombs'] = bombs;
    results['api_peak_rss_mb'] = api.peakRssMb();
  } finally {
    for (const stop of stopAll.reverse()) {
      try {
        await stop();
      } catch (error) {
        log(`clean-up failed: ${String(error)}`);
      }
    }
    unregister();
  }
  const file = join(
    ROOT,
    'bench',
    'results',
    `${new Date().toISOString().slice(0, 10)}-${hostname()}-limits-${label}.json`,
  );
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  log(`limits: written to ${file}`);
}

runScript(main);
