// Feed benchmark (issue 8): the anonymous feed of 20 published posts with author,
// organisation and themes, through the real API process and through a raw baseline (plain
// Fastify + pg, bench/feed-baseline-server.ts) on the same database, with autocannon
// (20 connections, 30 s; 5 s in quick mode) after a warm-up; SQL statements per request
// for page sizes 5, 20 and 100 (in-process, SqlStatementCounter); peak RSS of the API.
// Run: SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register bench/feed.ts [--quick] [--docs N]
// BENCH_CPU_PROF=1 adds a profiled run (--cpu-prof) and lists the hottest functions.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SqlStatementCounter, findFreePort } from '@resocc/core';
import autocannon from 'autocannon';
import { ROOT, corpusSize, isQuick, log, round, runScript, runSeconds, sleep } from './lib/common';
import { type CorpusDatabase, createCorpusDatabase } from './lib/corpus';
import { type HotSpot, hotSpots, newestProfile } from './lib/cpu-profile';
import { graphql, postJson } from './lib/http';
import { startInProcessApp } from './lib/in-process';
import {
  type DistCopy,
  type RunningChild,
  prepareDist,
  startApiProcess,
  startChild,
  stopQuietly,
} from './lib/processes';

export const CONNECTIONS = 20;

export function feedQuery(first: number): string {
  return `{ experiencePosts(first: ${first}) { edges { node { id title summary publishedAt author { id displayName } organisation { id name } themes { slug label } } } } }`;
}

interface FeedData {
  experiencePosts: { edges: { node: { id: string } }[] };
}

export interface FeedResults {
  api_rps: number;
  baseline_rps: number;
  ratio: number;
  api_p50_ms: number;
  api_p99_ms: number;
  baseline_p50_ms: number;
  baseline_p99_ms: number;
  sql_per_request_5: number;
  sql_per_request_20: number;
  sql_per_request_100: number;
  /** The baseline answered byte-for-byte the same JSON as the API (after parsing). */
  same_response: boolean;
  connections: number;
  duration_s: number;
  api_peak_rss_mb: number;
  baseline_peak_rss_mb: number;
  cpu_profile?: { file: string; hottest: HotSpot[] };
}

export interface FeedOptions {
  corpus: CorpusDatabase;
  dist: DistCopy;
  quick: boolean;
}

interface Measured {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
}

async function cannon(port: number, duration: number): Promise<Measured> {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: feedQuery(20) }),
    connections: CONNECTIONS,
    duration,
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(
      `errors during the run on port ${port}: ${result.non2xx} non-2xx, ${result.errors} errors`,
    );
  return {
    rps: round(result.requests.average, 0),
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
  };
}

/** SQL statements of one anonymous feed request per page size, in-process, after warm-up. */
async function sqlPerRequest(corpus: CorpusDatabase): Promise<Record<5 | 20 | 100, number>> {
  const inProcess = await startInProcessApp(corpus.url, corpus.dir);
  try {
    const port = await inProcess.listen();
    const counts = {} as Record<5 | 20 | 100, number>;
    for (const size of [5, 20, 100] as const) {
      for (let i = 0; i < 3; i++) await graphql<FeedData>(port, feedQuery(size)); // warm-up
      // The indexer polls the outbox every second through the same counter: keep the smallest of 5.
      let least = Number.POSITIVE_INFINITY;
      for (let i = 0; i < 5; i++) {
        const before = SqlStatementCounter.count;
        const data = await graphql<FeedData>(port, feedQuery(size));
        least = Math.min(least, SqlStatementCounter.count - before);
        if (data.experiencePosts.edges.length === 0) throw new Error('the feed is empty');
      }
      counts[size] = least;
    }
    return counts;
  } finally {
    await inProcess.close();
  }
}

async function startBaseline(databaseUrl: string): Promise<RunningChild & { port: number }> {
  const port = await findFreePort();
  const running = startChild({
    name: 'baseline',
    args: ['-r', '@swc-node/register', join(ROOT, 'bench', 'feed-baseline-server.ts')],
    env: {
      PATH: process.env['PATH'] ?? '',
      SWC_NODE_PROJECT: join(ROOT, 'tsconfig.base.json'),
      DATABASE_URL: databaseUrl,
      PORT: String(port),
    },
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (!running.alive()) throw new Error(`the baseline server exited:\n${running.output()}`);
    try {
      const response = await postJson(port, '/graphql', { query: feedQuery(1) });
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await running.stop(5000);
      throw new Error(`the baseline server did not answer:\n${running.output()}`);
    }
    await sleep(50);
  }
  return { ...running, port };
}

/** Both sides must answer the same thing: compares the parsed JSON of one request each. */
async function sameResponse(apiPort: number, baselinePort: number): Promise<boolean> {
  const body = { query: feedQuery(20) };
  const [api, baseline] = await Promise.all([
    postJson(apiPort, '/graphql', body),
    postJson(baselinePort, '/graphql', body),
  ]);
  const a = JSON.stringify(JSON.parse(api.body));
  const b = JSON.stringify(JSON.parse(baseline.body));
  if (a !== b) {
    let at = 0;
    while (at < a.length && a[at] === b[at]) at++;
    log(`WARNING: the baseline's answer differs from the API's at character ${at}:`);
    log(`  API:      …${a.slice(Math.max(0, at - 80), at + 120)}`);
    log(`  baseline: …${b.slice(Math.max(0, at - 80), at + 120)}`);
    return false;
  }
  return true;
}

export async function runFeedBench(options: FeedOptions): Promise<FeedResults> {
  const { corpus, dist, quick } = options;
  const duration = runSeconds(quick);
  const warmUp = quick ? 2 : 5;

  log('feed: SQL statements per request (in-process)');
  const sql = await sqlPerRequest(corpus);
  log(`feed: SQL per request: 5 -> ${sql[5]}, 20 -> ${sql[20]}, 100 -> ${sql[100]}`);

  let api: Awaited<ReturnType<typeof startApiProcess>> | undefined;
  let baseline: Awaited<ReturnType<typeof startBaseline>> | undefined;
  try {
    api = await startApiProcess({ dist, databaseUrl: corpus.appUrl });
    baseline = await startBaseline(corpus.url);
    const same = await sameResponse(api.port, baseline.port);

    log(`feed: API (pid ${api.pid}), ${warmUp} s warm-up then ${duration} s, ${CONNECTIONS} connections`);
    await cannon(api.port, warmUp);
    const apiRun = await cannon(api.port, duration);
    log(`feed: API ${apiRun.rps} req/s, p50 ${apiRun.p50} ms, p99 ${apiRun.p99} ms`);

    log(`feed: baseline (pid ${baseline.pid}), ${warmUp} s warm-up then ${duration} s`);
    await cannon(baseline.port, warmUp);
    const baselineRun = await cannon(baseline.port, duration);
    log(`feed: baseline ${baselineRun.rps} req/s, p50 ${baselineRun.p50} ms, p99 ${baselineRun.p99} ms`);

    const apiPeak = api.peakRssMb();
    const baselinePeak = baseline.peakRssMb();
    await stopQuietly(api);
    await stopQuietly(baseline);

    const results: FeedResults = {
      api_rps: apiRun.rps,
      baseline_rps: baselineRun.rps,
      ratio: round(apiRun.rps / baselineRun.rps, 3),
      api_p50_ms: apiRun.p50,
      api_p99_ms: apiRun.p99,
      baseline_p50_ms: baselineRun.p50,
      baseline_p99_ms: baselineRun.p99,
      sql_per_request_5: sql[5],
      sql_per_request_20: sql[20],
      sql_per_request_100: sql[100],
      same_response: same,
      connections: CONNECTIONS,
      duration_s: duration,
      api_peak_rss_mb: apiPeak,
      baseline_peak_rss_mb: baselinePeak,
    };

    if (process.env['BENCH_CPU_PROF'] === '1') {
      const dir = join(ROOT, 'bench', 'results', 'cpu-profiles');
      mkdirSync(dir, { recursive: true });
      log(`feed: profiled API run (--cpu-prof into ${dir}), ${duration} s`);
      api = await startApiProcess({ dist, databaseUrl: corpus.appUrl, cpuProfileDir: dir });
      await cannon(api.port, warmUp);
      await cannon(api.port, duration);
      await stopQuietly(api);
      const file = newestProfile(dir);
      if (file) {
        results.cpu_profile = { file, hottest: hotSpots(file, 10) };
        for (const spot of results.cpu_profile.hottest)
          log(`  ${String(spot.self_percent).padStart(5)} %  ${spot.place}`);
      }
    }
    return results;
  } finally {
    await stopQuietly(api);
    await stopQuietly(baseline);
  }
}

if (require.main === module) {
  runScript(async () => {
    const quick = isQuick();
    const dist = prepareDist();
    let corpus: CorpusDatabase | undefined;
    try {
      corpus = await createCorpusDatabase(corpusSize(quick));
      const feed = await runFeedBench({ corpus, dist, quick });
      console.log(JSON.stringify({ feed }, null, 2));
    } finally {
      await corpus?.stop();
      dist.remove();
    }
  });
}
