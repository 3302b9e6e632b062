// Search benchmark (issue 5): a deterministic synthetic French corpus (100,000 posts and
// 10,000 clause templates; about 10,000 documents with --quick or BENCH_QUICK=1, or --docs N)
// loaded straight into an embedded PostgreSQL, bulk-indexed into the PostgreSQL engine,
// then 200 rotating queries (whole words, prefixes, typos, accent variants) at concurrency
// 1 and 8 on the engine directly and through the GraphQL API, and publish-to-searchable
// (posts published through the API by a trusted organisation, polled through `search`).
// Run: npm run bench:search [-- --quick] [-- --docs N]
import { relative } from 'node:path';
import { DATA_SOURCE } from '@resocc/core';
import {
  type SearchDocument,
  SearchAdmin,
  SearchDocumentSources,
  SearchEngines,
  type SearchRequest,
} from '@resocc/search';
import type { DataSource } from 'typeorm';
import {
  ROOT,
  corpusSize,
  isQuick,
  log,
  machineInfo,
  percentiles,
  round,
  runScript,
  sleep,
} from './lib/common';
import { type CorpusDatabase, LOAD_METHOD_LABELS, createCorpusDatabase } from './lib/corpus';
import { type BenchQuery, type QueryKind, benchQueries } from './lib/french';
import { graphql } from './lib/http';
import { startInProcessApp } from './lib/in-process';
import { type ApiProcess, type DistCopy, prepareDist, startApiProcess, stopQuietly } from './lib/processes';
import { markdownTable, resultBase, writeResults } from './lib/results';

const PAGE = 20;
const PUBLISHED_POSTS = 30;
/** Queries run before each measured series (JIT, caches), not recorded. */
const WARM_UP_QUERIES = 40;
const POLL_TIMEOUT_MS = 15_000;
/** Documents upserted again into the full index to measure the indexer's path. */
const UPSERTED = 10_000;

const SEARCH_QUERY = `query Search($input: SearchInput!) {
  search(input: $input) {
    totalHits
    hits { titleHighlight snippet node { __typename ... on ExperiencePost { id title } ... on ClauseTemplate { id title } } }
    facets { name values { value count } }
  }
}`;

interface SearchData {
  search: {
    totalHits: number;
    hits: { node: { __typename: string; id: string; title: string } }[];
  };
}

export interface SearchResults {
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  c8_p50_ms: number;
  c8_p95_ms: number;
  c8_p99_ms: number;
  /** p95 at concurrency 1 by kind of query. */
  p95_ms_by_kind: Record<QueryKind, number>;
  /**
   * Documents per second of a bulk load: PostgresSearchEngine.rebuild (a new table loaded,
   * indexed, analysed and swapped in), the documents built beforehand.
   */
  bulk_docs_per_s: number;
  /** Documents per second of PostgresSearchEngine.upsert (the indexer's path) into the full index. */
  upsert_docs_per_s: number;
  upsert_documents: number;
  bulk_documents: number;
  bulk_s: number;
  /** Time to build the documents from the database through the indexer's sources (not in bulk_docs_per_s). */
  build_documents_s: number;
  /** The whole `npm run search:reindex` path: read and build the documents, rebuild, repair. */
  reindex_docs_per_s: number;
  reindex_s: number;
  index_mb: number;
  api_p50_ms: number;
  api_p95_ms: number;
  api_p99_ms: number;
  api_c8_p50_ms: number;
  api_c8_p95_ms: number;
  api_c8_p99_ms: number;
  /** api_p95_ms / p95_ms: what GraphQL, hit resolution and HTTP add to the engine. */
  api_to_engine_p95_ratio: number;
  publish_to_searchable_p50_ms: number;
  publish_to_searchable_p95_ms: number;
  publish_to_searchable_max_ms: number;
  published_posts: number;
  queries: number;
  /** Share of the queries with at least one hit (anonymous viewer). */
  queries_with_hits: number;
  /** Share of the queries whose totalHits was exact (the others matched more than the engine's window). */
  queries_with_exact_totals: number;
  /** Of five common two-word queries, how many rank their planted old best document in the top 3 (issue 14). */
  planted_in_top3: number;
  /** Engine completions of the 200 queries' first 5 letters, anonymous viewer. */
  completions_p95_ms: number;
  /** Engine did-you-mean of the 50 typo queries, anonymous viewer. */
  suggestions_p95_ms: number;
  api_peak_rss_mb: number;
}

/** Common two-word queries, each with an old document that repeats them (issue 14). */
const PLANTED_QUERIES = [
  'restauration collective',
  'performance énergétique',
  'matériaux biosourcés',
  'véhicules électriques',
  'clause insertion',
];

function plantedDocuments(): SearchDocument[] {
  return PLANTED_QUERIES.map((query, i) => {
    const entityId = `00000000-0000-4000-8000-${String(990_000 + i).padStart(12, '0')}`;
    return {
      key: `EXPERIENCE_POST:${entityId}`,
      type: 'EXPERIENCE_POST',
      entityId,
      title: `${query} : ${query}, ${query}`,
      summary: `${query} et ${query}.`,
      body: `${query}. ${query}. ${query}.`,
      themes: [],
      considerations: [],
      kind: null,
      departmentCode: null,
      procedureType: null,
      visibility: 'PUBLIC',
      // Older than the whole corpus (it goes back four years from 2026-01-01).
      updatedAt: new Date(Date.UTC(2019, 0, 1 + i)).toISOString(),
    };
  });
}

export interface SearchOptions {
  corpus: CorpusDatabase;
  dist: DistCopy;
}

/** Runs every item with `concurrency` workers; returns each item's latency in ms (in item order). */
async function timed<T>(
  items: readonly T[],
  concurrency: number,
  run: (item: T) => Promise<unknown>,
): Promise<number[]> {
  const latencies: number[] = new Array<number>(items.length).fill(0);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (;;) {
        const index = next++;
        if (index >= items.length) return;
        const started = performance.now();
        await run(items[index]);
        latencies[index] = performance.now() - started;
      }
    }),
  );
  return latencies;
}

function engineRequest(query: string): SearchRequest {
  return { query, filters: {}, visibilities: ['PUBLIC'], offset: 0, limit: PAGE };
}

function letters(n: number): string {
  let out = '';
  let value = n;
  do {
    out = String.fromCharCode(97 + (value % 26)) + out;
    value = Math.floor(value / 26);
  } while (value > 0);
  return out;
}

async function publishToSearchable(port: number, count: number): Promise<number[]> {
  const login = await graphql<{ login: { accessToken: string } }>(
    port,
    `
      mutation Login($email: String!, $password: String!) {
        login(email: $email, password: $password) {
          accessToken
        }
      }
    `,
    { email: 'admin@reseau.example', password: 'demo-password-2026' },
  );
  const token = login.login.accessToken;
  const run = Date.now().toString(36);
  const latencies: number[] = [];
  for (let i = 0; i < count; i++) {
    // A word found nowhere else, so that the poll looks for exactly this post.
    const word = `zorglub${run}${letters(i * 7919)}`;
    const created = await graphql<{ createExperiencePost: { id: string } }>(
      port,
      `
        mutation Create($input: ExperiencePostInput!) {
          createExperiencePost(input: $input) {
            id
          }
        }
      `,
      {
        input: {
          title: `Retour d’expérience ${word} : clause sociale et restauration collective`,
          summary: `Publication mesurée par le banc d’essai (${word}).`,
          body: `## Contexte\n\nLa métropole a intégré une clause d’insertion (${word}) dans son marché de restauration collective.`,
          themes: ['alimentation', 'insertion-activite-economique'],
          considerations: ['SOCIAL', 'ENVIRONMENTAL'],
          visibility: 'PUBLIC',
          departmentCode: '34',
        },
      },
      token,
    );
    const id = created.createExperiencePost.id;
    const started = performance.now();
    const submitted = await graphql<{ submitExperiencePost: { status: string } }>(
      port,
      `
        mutation Submit($id: ID!) {
          submitExperiencePost(id: $id) {
            status
          }
        }
      `,
      { id },
      token,
    );
    if (submitted.submitExperiencePost.status !== 'PUBLISHED')
      throw new Error(
        `admin@reseau.example's organisation is not trusted: the post went to ${submitted.submitExperiencePost.status}`,
      );
    for (;;) {
      const found = await graphql<SearchData>(port, SEARCH_QUERY, { input: { query: word, first: 50 } });
      if (found.search.hits.some((h) => h.node.id === id)) {
        latencies.push(performance.now() - started);
        break;
      }
      if (performance.now() - started > POLL_TIMEOUT_MS)
        throw new Error(`post ${id} was not searchable ${POLL_TIMEOUT_MS} ms after it was published`);
      await sleep(5);
    }
  }
  return latencies;
}

export async function runSearchBench(options: SearchOptions): Promise<SearchResults> {
  const { corpus, dist } = options;
  const queries: BenchQuery[] = benchQueries(200);

  // 1. In-process: bulk indexing, then the engine measured directly.
  const inProcess = await startInProcessApp(corpus.url, corpus.dir);
  let bulk: {
    documents: number;
    buildSeconds: number;
    upsertSeconds: number;
    incrementalDocuments: number;
    incrementalSeconds: number;
    reindexDocuments: number;
    reindexSeconds: number;
  };
  let engineC1: number[];
  let engineC8: number[];
  let withHits = 0;
  let exactTotals = 0;
  let indexMb: number;
  let plantedInTop3 = 0;
  let completions: number[];
  let suggestions: number[];
  try {
    const dataSource = inProcess.app.get<DataSource>(DATA_SOURCE);
    const engine = inProcess.app.get(SearchEngines).postgres;
    log("search: building the documents from the database (the indexer's sources)");
    let started = performance.now();
    const documents: SearchDocument[] = [];
    for (const source of inProcess.app.get(SearchDocumentSources).all())
      for await (const batch of source.published(1000)) documents.push(...batch);
    const buildSeconds = (performance.now() - started) / 1000;
    async function* inBatches(): AsyncIterable<SearchDocument[]> {
      for (let i = 0; i < documents.length; i += 1000) yield documents.slice(i, i + 1000);
    }
    log(`search: bulk indexing ${documents.length} documents into the PostgreSQL engine (rebuild)`);
    started = performance.now();
    await engine.rebuild(inBatches());
    const upsertSeconds = (performance.now() - started) / 1000;
    const incremental = documents.slice(0, Math.min(UPSERTED, documents.length));
    log(
      `search: ${documents.length} documents in ${round(upsertSeconds, 2)} s; upserting ${incremental.length} again`,
    );
    started = performance.now();
    await engine.upsert(incremental);
    const incrementalSeconds = (performance.now() - started) / 1000;
    log('search: now the whole `search:reindex` path (SearchAdmin.reindex)');
    started = performance.now();
    const reindexed = await inProcess.app.get(SearchAdmin).reindex();
    const reindexSeconds = (performance.now() - started) / 1000;
    bulk = {
      documents: documents.length,
      buildSeconds,
      upsertSeconds,
      incrementalDocuments: incremental.length,
      incrementalSeconds,
      reindexDocuments: reindexed.documents,
      reindexSeconds,
    };
    log(`search: reindex of ${reindexed.documents} documents in ${round(reindexSeconds, 2)} s`);
    const planted = plantedDocuments();
    await engine.upsert(planted);
    await dataSource.query('ANALYZE search_document, search_vocabulary');
    const [size] = (await dataSource.query(
      `SELECT pg_total_relation_size('search_document') + pg_total_relation_size('search_vocabulary') AS bytes`,
    )) as { bytes: string }[];
    indexMb = round(Number(size.bytes) / 1024 / 1024, 0);

    log(`search: ${queries.length} queries on the engine (warm-up, concurrency 1, concurrency 8)`);
    for (const q of queries.slice(0, WARM_UP_QUERIES)) await engine.search(engineRequest(q.text));
    engineC1 = await timed(queries, 1, async (q) => {
      const response = await engine.search(engineRequest(q.text));
      if (response.hits.length > 0) withHits++;
      if (response.totalHitsExact) exactTotals++;
    });
    engineC8 = await timed(queries, 8, (q) => engine.search(engineRequest(q.text)));
    for (const [i, query] of PLANTED_QUERIES.entries()) {
      const found = await engine.search(engineRequest(query));
      const position = found.hits.findIndex((h) => h.key === planted[i].key);
      log(
        `search: planted old document for « ${query} »: ${position < 0 ? 'not on page 1' : `#${position + 1}`}`,
      );
      if (position >= 0 && position < 3) plantedInTop3++;
    }
    completions = await timed(queries, 1, (q) => engine.completions(q.text.slice(0, 5), ['PUBLIC'], 8));
    suggestions = await timed(
      queries.filter((q) => q.kind === 'typo'),
      1,
      (q) => engine.suggestion(q.text, ['PUBLIC']),
    );
    await engine.delete(planted.map((d) => d.key));
  } finally {
    await inProcess.close();
  }

  // 2. The API process: the same queries through GraphQL, then publish-to-searchable.
  let api: ApiProcess | undefined;
  try {
    api = await startApiProcess({ dist, databaseUrl: corpus.appUrl });
    const port = api.port;
    const viaApi = (q: BenchQuery): Promise<SearchData> =>
      graphql<SearchData>(port, SEARCH_QUERY, { input: { query: q.text, first: PAGE } });
    log(`search: ${queries.length} queries through the API (pid ${api.pid}): warm-up, concurrency 1, 8`);
    for (const q of queries.slice(0, WARM_UP_QUERIES)) await viaApi(q);
    const apiC1 = await timed(queries, 1, viaApi);
    const apiC8 = await timed(queries, 8, viaApi);
    log(`search: publish-to-searchable, ${PUBLISHED_POSTS} posts`);
    const publish = await publishToSearchable(port, PUBLISHED_POSTS);
    const peak = api.peakRssMb();
    await stopQuietly(api);

    const c1 = percentiles(engineC1);
    const c8 = percentiles(engineC8);
    const a1 = percentiles(apiC1);
    const a8 = percentiles(apiC8);
    const p = percentiles(publish);
    const byKind = Object.fromEntries(
      (['words', 'prefix', 'typo', 'accents'] as const).map((kind) => [
        kind,
        percentiles(engineC1.filter((_, i) => queries[i].kind === kind)).p95,
      ]),
    ) as Record<QueryKind, number>;
    return {
      p50_ms: c1.p50,
      p95_ms: c1.p95,
      p99_ms: c1.p99,
      c8_p50_ms: c8.p50,
      c8_p95_ms: c8.p95,
      c8_p99_ms: c8.p99,
      p95_ms_by_kind: byKind,
      bulk_docs_per_s: Math.round(bulk.documents / bulk.upsertSeconds),
      bulk_documents: bulk.documents,
      bulk_s: round(bulk.upsertSeconds, 2),
      upsert_docs_per_s: Math.round(bulk.incrementalDocuments / bulk.incrementalSeconds),
      upsert_documents: bulk.incrementalDocuments,
      build_documents_s: round(bulk.buildSeconds, 2),
      reindex_docs_per_s: Math.round(bulk.reindexDocuments / bulk.reindexSeconds),
      reindex_s: round(bulk.reindexSeconds, 2),
      index_mb: indexMb,
      api_p50_ms: a1.p50,
      api_p95_ms: a1.p95,
      api_p99_ms: a1.p99,
      api_c8_p50_ms: a8.p50,
      api_c8_p95_ms: a8.p95,
      api_c8_p99_ms: a8.p99,
      api_to_engine_p95_ratio: round(a1.p95 / c1.p95, 2),
      publish_to_searchable_p50_ms: p.p50,
      publish_to_searchable_p95_ms: p.p95,
      publish_to_searchable_max_ms: round(Math.max(...publish), 2),
      published_posts: publish.length,
      queries: queries.length,
      queries_with_hits: round(withHits / queries.length, 2),
      queries_with_exact_totals: round(exactTotals / queries.length, 2),
      planted_in_top3: plantedInTop3,
      completions_p95_ms: percentiles(completions).p95,
      suggestions_p95_ms: percentiles(suggestions).p95,
      api_peak_rss_mb: peak,
    };
  } finally {
    await stopQuietly(api);
  }
}

if (require.main === module) {
  runScript(async () => {
    const quick = isQuick();
    const started = performance.now();
    const dist = prepareDist();
    let corpus: CorpusDatabase | undefined;
    try {
      corpus = await createCorpusDatabase(corpusSize(quick));
      const search = await runSearchBench({ corpus, dist });
      const size = corpus.size;
      const results = {
        date: new Date().toISOString(),
        quick,
        command: `${quick && !process.argv.includes('--quick') ? 'BENCH_QUICK=1 ' : ''}npm run bench:search${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
        duration_s: round((performance.now() - started) / 1000, 1),
        machine: machineInfo(),
        corpus: {
          documents: size.posts + size.templates,
          ...size,
          load_method: LOAD_METHOD_LABELS[corpus.load.method],
          load_s: corpus.load.seconds,
        },
        search,
      };
      const markdown = markdownTable(results, ['search'], quick, {
        title: `Search benchmark ${results.date.slice(0, 10)} on ${results.machine.hostname}${quick ? ' (quick mode)' : ''}`,
        lines: [
          `Command: \`${results.command}\` (${results.duration_s} s in all).`,
          `Machine: ${results.machine.cores} cores, Node ${results.machine.node}.`,
          `Corpus: ${results.corpus.documents.toLocaleString('en-US')} documents, loaded with ${results.corpus.load_method}.`,
        ],
      });
      const written = writeResults(resultBase(quick, 'search'), results, markdown);
      process.stdout.write(markdown);
      log(`written: ${relative(ROOT, written.json)} and ${relative(ROOT, written.markdown)}`);
    } finally {
      await corpus?.stop();
      dist.remove();
    }
  });
}
