import { readFileSync } from 'node:fs';
import { createDataSource, runMigrations } from '@resocc/core';
import { PostgresSearchEngine, type SearchDocument } from '@resocc/search';
import { benchQueries } from './lib/french';
import { percentiles } from './lib/common';
async function main(): Promise<void> {
  const url = readFileSync('/tmp/corpus-url', 'utf8');
  const ds = createDataSource({ url, entities: [] });
  await ds.initialize();
  if (process.argv.includes('--migrate')) {
    await ds.query('ALTER TABLE search_document DROP COLUMN IF EXISTS head');
    await ds.destroy();
    await runMigrations(url);
    await ds.initialize();
    // Rebuild from the index itself (documents as stored; extra fields empty but codes from text).
    const rows: SearchDocument[] = (await ds.query(`SELECT key, type, entity_id::text AS "entityId", title, summary, body, themes, considerations, kind, department_code AS "departmentCode", procedure_type AS "procedureType", visibility, updated_at AS "updatedAt" FROM search_document`)).map((r: SearchDocument & { updatedAt: Date | string }) => ({ ...r, updatedAt: new Date(r.updatedAt).toISOString(), labels: r.themes.map((t) => t.replace(/-/g, ' ')), codes: r.departmentCode ? [r.departmentCode] : [] }));
    const planted: SearchDocument = { key: 'EXPERIENCE_POST:00000000-0000-4000-8000-00000000abcd', type: 'EXPERIENCE_POST', entityId: '00000000-0000-4000-8000-00000000abcd', title: "Clause d'insertion : la clause insertion des marchés de travaux, clause d'insertion sociale", summary: "Clause d'insertion et clause insertion.", body: "La clause d'insertion, clause insertion, clause d'insertion.", themes: [], considerations: [], kind: null, departmentCode: null, procedureType: null, visibility: 'PUBLIC', updatedAt: new Date(Date.UTC(2021, 0, 1)).toISOString() };
    rows.push(planted);
    async function* it(): AsyncIterable<SearchDocument[]> { for (let i = 0; i < rows.length; i += 1000) yield rows.slice(i, i + 1000); }
    const t = performance.now();
    await new PostgresSearchEngine(ds).rebuild(it());
    console.log('rebuild s', ((performance.now() - t) / 1000).toFixed(1), rows.length);
  }
  const engine = new PostgresSearchEngine(ds);
  const req = (query: string) => ({ query, filters: {}, visibilities: ['PUBLIC' as const], offset: 0, limit: 20 });
  for (const q of ['clause insertion', "clause d'insertion", 'insertion clause']) {
    const r = await engine.search(req(q));
    console.log(q, r.totalHits, r.totalHitsExact, r.hits.findIndex((h) => h.key.endsWith('abcd')));
  }
  const queries = benchQueries(200);
  for (const q of queries.slice(0, 40)) await engine.search(req(q.text));
  const lat: number[] = [];
  const byKind: Record<string, number[]> = {};
  let withHits = 0;
  for (const q of queries) { const t = performance.now(); const r = await engine.search(req(q.text)); const ms = performance.now() - t; lat.push(ms); (byKind[q.kind] ??= []).push(ms); if (r.hits.length) withHits++; }
  console.log('search', percentiles(lat), 'hits', withHits);
  for (const [k, v] of Object.entries(byKind)) console.log(k, percentiles(v));
  const worst = queries.map((q, i) => [lat[i], q.text] as const).sort((a, b) => b[0] - a[0]).slice(0, 8);
  console.log(worst);
  const comp: number[] = [];
  for (const q of queries) { const t = performance.now(); await engine.completions(q.text.slice(0, 5), ['PUBLIC'], 8); comp.push(performance.now() - t); }
  console.log('completions', percentiles(comp));
  const sug: number[] = [];
  for (const q of queries.filter((q) => q.kind === 'typo')) { const t = performance.now(); await engine.suggestion(q.text, ['PUBLIC']); sug.push(performance.now() - t); }
  console.log('suggestions', percentiles(sug));
  await ds.destroy();
}
void main();
