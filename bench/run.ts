// npm run bench: every benchmark in one run on this machine, side by side:
//   start-up (cold and warm `npm start`), then one synthetic corpus in an embedded PostgreSQL
//   shared by the feed benchmark (API vs raw Fastify + pg baseline, SQL per request) and the
//   search benchmark (bulk indexing, engine and API latencies, publish-to-searchable).
// Writes bench/results/<YYYY-MM-DD>-<host>.json (nested: `search.p50_ms` is { search: { p50_ms } })
// and a Markdown table next to it. BENCH_QUICK=1 (or --quick): about 10,000 documents and
// 5-second runs, written to <...>-quick.json/.md. Exits 1 when a benchmark fails.
import { relative } from 'node:path';
import { Client } from 'pg';
import {
  type MachineInfo,
  ROOT,
  corpusSize,
  describeError,
  isQuick,
  log,
  machineInfo,
  round,
  runScript,
} from './lib/common';
import { type CorpusDatabase, LOAD_METHOD_LABELS, createCorpusDatabase } from './lib/corpus';
import { type DistCopy, prepareDist } from './lib/processes';
import { markdownTable, missingKeys, resultBase, writeResults } from './lib/results';
import { type FeedResults, runFeedBench } from './feed';
import { type SearchResults, runSearchBench } from './search';
import { type StartupResults, runStartupBench } from './startup';
import { type WebResults, runWebBench } from './web';

interface Results {
  date: string;
  quick: boolean;
  command: string;
  duration_s?: number;
  machine: MachineInfo & { postgres?: string };
  corpus: {
    documents: number;
    posts: number;
    templates: number;
    load_method?: string;
    load_s?: number;
  };
  search?: SearchResults;
  feed?: FeedResults;
  memory?: { api_peak_rss_mb: number };
  startup?: StartupResults;
  web?: WebResults;
  steps_s: Record<string, number>;
  failed?: string[];
}

async function postgresVersion(url: string): Promise<string> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    return rows[0].server_version;
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const quick = isQuick();
  const size = corpusSize(quick);
  const extraArgs = process.argv.slice(2).filter((a) => a !== '--quick');
  const results: Results = {
    date: new Date().toISOString(),
    quick,
    command: `${quick ? 'BENCH_QUICK=1 ' : ''}npm run bench${extraArgs.length > 0 ? ` -- ${extraArgs.join(' ')}` : ''}`,
    machine: machineInfo(),
    corpus: { documents: size.posts + size.templates, ...size },
    steps_s: {},
  };
  const failed: string[] = [];
  const started = performance.now();
  const step = async (name: string, work: () => Promise<void>): Promise<boolean> => {
    const at = performance.now();
    log(`=== ${name} ===`);
    try {
      await work();
      return true;
    } catch (error) {
      failed.push(name);
      log(`${name} FAILED: ${describeError(error)}`);
      return false;
    } finally {
      results.steps_s[name] = round((performance.now() - at) / 1000, 1);
    }
  };

  await step('startup', async () => {
    results.startup = await runStartupBench();
  });
  await step('web', async () => {
    results.web = await runWebBench({ quick });
  });

  const setup: { dist?: DistCopy; corpus?: CorpusDatabase } = {};
  try {
    const ready = await step('setup', async () => {
      setup.dist = prepareDist();
      const corpus = await createCorpusDatabase(size);
      setup.corpus = corpus;
      results.machine.postgres = await postgresVersion(corpus.url);
      results.corpus.load_method = LOAD_METHOD_LABELS[corpus.load.method];
      results.corpus.load_s = corpus.load.seconds;
    });
    const { dist, corpus } = setup;
    if (ready && dist && corpus) {
      // The feed first: the search benchmark publishes posts, which would become the feed's first page.
      await step('feed', async () => {
        results.feed = await runFeedBench({ dist, corpus, quick });
      });
      await step('search', async () => {
        results.search = await runSearchBench({ dist, corpus });
      });
    }
  } finally {
    await setup.corpus?.stop();
    setup.dist?.remove();
  }

  const peaks = [results.feed?.api_peak_rss_mb, results.search?.api_peak_rss_mb].filter(
    (v): v is number => typeof v === 'number',
  );
  if (peaks.length > 0) results.memory = { api_peak_rss_mb: Math.max(...peaks) };
  results.duration_s = round((performance.now() - started) / 1000, 1);

  const missing = missingKeys(results);
  if (failed.length > 0 || missing.length > 0) {
    results.failed = [...failed, ...missing.map((k) => `missing ${k}`)];
    console.log(JSON.stringify(results, null, 2));
    throw new Error(`benchmark failed: ${results.failed.join(', ')} (nothing written to bench/results)`);
  }

  const m = results.machine;
  const c = results.corpus;
  const feed = results.feed;
  const profile = feed?.cpu_profile;
  const markdown = markdownTable(
    results as unknown as Record<string, unknown>,
    ['search', 'feed', 'memory', 'startup', 'web'],
    quick,
    {
      title: `Benchmark ${results.date.slice(0, 10)} on ${m.hostname}${quick ? ' (quick mode)' : ''}`,
      lines: [
        `Command: \`${results.command}\` (${results.duration_s} s in all).`,
        `Machine: ${m.cores} cores (${m.cpu_model}), ${Math.round(m.memory_mb / 1024)} GB, Node ${m.node}, PostgreSQL ${m.postgres ?? '?'}.`,
        `Corpus: ${c.posts.toLocaleString('en-US')} posts + ${c.templates.toLocaleString('en-US')} clause templates = ` +
          `${c.documents.toLocaleString('en-US')} documents, loaded with ${c.load_method} in ${c.load_s} s.`,
        `Search: ${results.search?.queries} rotating queries (words, prefixes, typos, accent variants), anonymous, 20 per page; ` +
          '`p*_ms` on the engine at concurrency 1, `c8_*` at concurrency 8, `api_*` through GraphQL.',
        `Web: ${results.web?.concurrency} concurrent clients, ${results.web?.duration_s} s per page (home, a search, a report), ` +
          'time to the last byte of the compressed HTML; transfer sizes from Chromium with an empty cache (`*_kb`, on the wire).',
        `Feed: autocannon, ${feed?.connections} connections, ${feed?.duration_s} s per side after a warm-up; API process ` +
          `(NODE_ENV=production, LOG_LEVEL=warn) vs plain Fastify + pg; same JSON: ${feed?.same_response ? 'yes' : 'NO'}.`,
        ...(quick ? ['Quick mode: no targets apply (they are for the full corpus and 30-second runs).'] : []),
        ...(profile
          ? [
              '',
              `Hottest functions of the feed (\`${relative(ROOT, profile.file)}\`):`,
              '',
              ...profile.hottest.slice(0, 5).map((h) => `- ${h.self_percent} % ${h.place}`),
            ]
          : []),
      ],
    },
  );
  const ordered = {
    date: results.date,
    quick: results.quick,
    command: results.command,
    duration_s: results.duration_s,
    machine: results.machine,
    corpus: results.corpus,
    search: results.search,
    feed: results.feed,
    memory: results.memory,
    startup: results.startup,
    web: results.web,
    steps_s: results.steps_s,
  };
  const written = writeResults(resultBase(quick), ordered, markdown);
  process.stdout.write(markdown);
  log(`written: ${relative(ROOT, written.json)} and ${relative(ROOT, written.markdown)}`);
}

runScript(main);
