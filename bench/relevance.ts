// Search relevance (issue 14): the judged queries of bench/relevance/judgments.json run
// against the demo corpus (the seeds, indexed through the indexer's sources) on the
// PostgreSQL engine and, when MEILI_URL is set, on Meilisearch. Prints recall@10,
// success@1, MRR, nDCG@10 and the zero-result rate per category and overall, and writes
// bench/results/<date>-relevance[-label].json and .md.
// Run: npm run search:relevance [-- --label before]
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import {
  DATA_SOURCE,
  type RunningPostgres,
  SeedRegistry,
  prepareDatabaseRoles,
  runMigrations,
  startEmbeddedPostgres,
} from '@resocc/core';
import { DEMO_POSTS, DEMO_TEMPLATES } from '@resocc/content/testing';
import {
  MeilisearchEngine,
  type SearchDocument,
  SearchDocumentSources,
  type SearchEngine,
  SearchEngines,
  SearchIndexer,
} from '@resocc/search';
import type { DataSource } from 'typeorm';
import { ROOT, argValue, log, machineInfo, onAbort, round, runScript } from './lib/common';
import { startInProcessApp } from './lib/in-process';

/** 3: a perfect answer; 2: relevant; 1: related (counts in nDCG only). */
export type Grade = 1 | 2 | 3;

export interface JudgedQuery {
  query: string;
  category: string;
  /** Demo keys (libs/content/src/seed/demo-content.ts) and their grades; unlisted documents are 0. */
  judgments: Record<string, Grade>;
}

export interface Metrics {
  queries: number;
  recall_at_10: number;
  success_at_1: number;
  mrr: number;
  ndcg_at_10: number;
  zero_result_rate: number;
}

const K = 10;
const JUDGMENTS = join(ROOT, 'bench', 'relevance', 'judgments.json');

function dcg(grades: readonly number[]): number {
  return grades.slice(0, K).reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0);
}

interface QueryScore {
  recall: number;
  /** null when the query has no perfect (grade 3) document. */
  success: number | null;
  reciprocalRank: number;
  ndcg: number;
  zero: boolean;
}

/** Scores one ranked list of demo keys against its judgments (relevant: grade >= 2). */
export function scoreQuery(ranked: readonly string[], judgments: Record<string, Grade>): QueryScore {
  const grades = ranked.map((key) => judgments[key] ?? 0);
  const relevant = Object.values(judgments).filter((g) => g >= 2).length;
  const found = grades.slice(0, K).filter((g) => g >= 2).length;
  const first = grades.findIndex((g) => g >= 2);
  const ideal = dcg(Object.values(judgments).sort((a, b) => b - a));
  const hasPerfect = Object.values(judgments).some((g) => g === 3);
  return {
    recall: relevant === 0 ? 1 : found / relevant,
    success: hasPerfect ? (grades[0] === 3 ? 1 : 0) : null,
    reciprocalRank: first >= 0 && first < K ? 1 / (first + 1) : 0,
    ndcg: ideal === 0 ? 1 : dcg(grades) / ideal,
    zero: ranked.length === 0,
  };
}

export function aggregate(scores: readonly QueryScore[]): Metrics {
  const mean = (values: number[]): number =>
    values.length === 0 ? 0 : round(values.reduce((a, b) => a + b, 0) / values.length, 3);
  return {
    queries: scores.length,
    recall_at_10: mean(scores.map((s) => s.recall)),
    success_at_1: mean(scores.flatMap((s) => (s.success === null ? [] : [s.success]))),
    mrr: mean(scores.map((s) => s.reciprocalRank)),
    ndcg_at_10: mean(scores.map((s) => s.ndcg)),
    zero_result_rate: mean(scores.map((s) => (s.zero ? 1 : 0))),
  };
}

function readJudgments(): JudgedQuery[] {
  const judged = JSON.parse(readFileSync(JUDGMENTS, 'utf8')) as JudgedQuery[];
  const keys = new Set([...DEMO_TEMPLATES, ...DEMO_POSTS].map((d) => d.key));
  for (const q of judged)
    for (const key of Object.keys(q.judgments))
      if (!keys.has(key)) throw new Error(`judgments.json: "${q.query}" judges unknown demo key ${key}`);
  return judged;
}

interface EngineRun {
  engine: string;
  overall: Metrics;
  byCategory: Record<string, Metrics>;
  failures: { query: string; category: string; ndcg: number; top: string[] }[];
}

async function evaluate(
  engine: SearchEngine,
  judged: readonly JudgedQuery[],
  keyOf: ReadonlyMap<string, string>,
): Promise<EngineRun> {
  const scores: QueryScore[] = [];
  const byCategory = new Map<string, QueryScore[]>();
  const failures: EngineRun['failures'] = [];
  for (const q of judged) {
    const response = await engine.search({
      query: q.query,
      filters: {},
      visibilities: ['PUBLIC', 'MEMBERS'],
      offset: 0,
      limit: K,
    });
    const ranked = response.hits.map((h) => keyOf.get(h.key) ?? h.key);
    const score = scoreQuery(ranked, q.judgments);
    scores.push(score);
    byCategory.set(q.category, [...(byCategory.get(q.category) ?? []), score]);
    if (score.ndcg < 0.75 || score.success === 0)
      failures.push({
        query: q.query,
        category: q.category,
        ndcg: round(score.ndcg, 2),
        top: ranked.slice(0, 3),
      });
  }
  return {
    engine: engine.name,
    overall: aggregate(scores),
    byCategory: Object.fromEntries([...byCategory].map(([c, s]) => [c, aggregate(s)])),
    failures,
  };
}

function table(run: EngineRun): string {
  const row = (name: string, m: Metrics): string =>
    `| ${name} | ${m.queries} | ${m.recall_at_10.toFixed(3)} | ${m.success_at_1.toFixed(3)} | ${m.mrr.toFixed(3)} | ${m.ndcg_at_10.toFixed(3)} | ${(m.zero_result_rate * 100).toFixed(1)} % |`;
  return [
    `### ${run.engine}`,
    '',
    '| category | queries | recall@10 | success@1 | MRR | nDCG@10 | zero results |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...Object.entries(run.byCategory)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([c, m]) => row(c, m)),
    row('**overall**', run.overall),
    '',
  ].join('\n');
}

/** Demo corpus: seeds into a fresh embedded PostgreSQL; every published document indexed. */
async function main(): Promise<void> {
  const label = argValue('label');
  const judged = readJudgments();
  const dir = mkdtempSync(join(tmpdir(), 'resocc-relevance-'));
  let postgres: RunningPostgres | undefined;
  const stop = async (): Promise<void> => {
    await postgres?.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  const unregister = onAbort(stop);
  try {
    log(`relevance: embedded PostgreSQL in ${dir}`);
    postgres = await startEmbeddedPostgres({ dataDir: dir });
    const roles = await prepareDatabaseRoles(postgres.url);
    await runMigrations(roles.ownerUrl, { appRole: roles.appRole });
    const app = await startInProcessApp(roles.ownerUrl, dir);
    const runs: EngineRun[] = [];
    try {
      const dataSource = app.app.get<DataSource>(DATA_SOURCE);
      await app.app.get(SeedRegistry).seed(dataSource);
      // The indexer drains the seeds' outbox first: the rebuild below replaces what it wrote.
      await app.app.get(SearchIndexer).drain();
      const documents: SearchDocument[] = [];
      for (const source of app.app.get(SearchDocumentSources).all())
        for await (const batch of source.published(1000)) documents.push(...batch);
      // Index keys -> demo keys, through the titles (stable: the judgments name demo keys).
      const byTitle = new Map([...DEMO_TEMPLATES, ...DEMO_POSTS].map((d) => [d.title, d.key]));
      const keyOf = new Map(documents.map((d) => [d.key, byTitle.get(d.title) ?? d.key]));
      const postgresEngine = app.app.get(SearchEngines).postgres;
      async function* once(): AsyncIterable<SearchDocument[]> {
        yield documents;
      }
      await postgresEngine.rebuild(once());
      log(`relevance: ${documents.length} documents, ${judged.length} judged queries`);
      runs.push(await evaluate(postgresEngine, judged, keyOf));
      const meiliUrl = process.env['MEILI_URL'];
      if (meiliUrl) {
        const meili = new MeilisearchEngine({
          url: meiliUrl,
          masterKey: process.env['MEILI_MASTER_KEY'],
          indexUid: 'relevance',
        });
        await meili.ensureReady();
        await meili.reindexInto(once());
        runs.push(await evaluate(meili, judged, keyOf));
      } else log('relevance: MEILI_URL is not set, Meilisearch skipped');
    } finally {
      await app.close();
    }
    const date = new Date().toISOString();
    const markdown = [
      `## Search relevance ${date.slice(0, 10)}${label ? ` (${label})` : ''}`,
      '',
      `Command: \`npm run search:relevance${label ? ` -- --label ${label}` : ''}\`; ${judged.length} judged queries (bench/relevance/judgments.json) over the demo corpus, members' view, top ${K}.`,
      '',
      ...runs.map(table),
    ].join('\n');
    process.stdout.write(`${markdown}\n`);
    for (const run of runs) {
      process.stdout.write(
        `\n${run.engine}: queries below nDCG 0.75 or without the perfect document first\n`,
      );
      for (const f of run.failures)
        process.stdout.write(`  [${f.category}] ${f.query}: ${f.ndcg} ${f.top.join(', ')}\n`);
    }
    const base = join(ROOT, 'bench', 'results', `${date.slice(0, 10)}-relevance${label ? `-${label}` : ''}`);
    writeFileSync(
      `${base}.json`,
      `${JSON.stringify({ date, label, machine: machineInfo(), runs }, null, 2)}\n`,
    );
    writeFileSync(`${base}.md`, `${markdown}\n`);
    log(`written: ${relative(ROOT, base)}.json and .md`);
  } finally {
    unregister();
    await stop();
  }
}

if (require.main === module) runScript(main);
