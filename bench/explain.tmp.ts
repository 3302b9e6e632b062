import { readFileSync } from 'node:fs';
import { createDataSource } from '@resocc/core';
import { PostgresSearchEngine } from '@resocc/search';
async function main(): Promise<void> {
  const ds = createDataSource({ url: readFileSync('/tmp/corpus-url', 'utf8'), entities: [] });
  await ds.initialize();
  const engine = new PostgresSearchEngine(ds);
  const original = ds.query.bind(ds);
  let last: [string, unknown[]] = ['', []];
  (ds as unknown as { query: (s: string, p?: unknown[]) => Promise<unknown> }).query = (s: string, p?: unknown[]) => { last = [s, p ?? []]; return original(s, p); };
  const q = process.argv[2];
  await engine.search({ query: q, filters: {}, visibilities: ['PUBLIC'], offset: 0, limit: 20 });
  const plan = (await original(`EXPLAIN (ANALYZE, BUFFERS, TIMING) ${last[0]}`, last[1])) as { 'QUERY PLAN': string }[];
  console.log(plan.map((r) => r['QUERY PLAN']).filter((l) => /actual time/.test(l) && /CTE|Scan|Sort|Aggregate|Nested|Limit|Subquery/.test(l)).slice(0, 60).join('\n'));
  console.log(plan.slice(-3).map((r) => r['QUERY PLAN']).join('\n'));
  await ds.destroy();
}
void main();
