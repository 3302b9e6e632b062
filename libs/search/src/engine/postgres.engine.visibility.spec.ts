// The PostgreSQL engine's visibility filter, asked through the port as the API asks it: for
// every way matches are found (month by month, walking, the GIN index), every kind of query
// (empty, exact words, a prefix, a typo) and every set of visibilities, the hits, totalHits
// and every facet count only the documents of those visibilities. The API's resolver
// re-checks hits but takes totalHits and facets from here, so these numbers are the guarantee.
import { createDataSource } from '@resocc/core';
import { createTestDatabase } from '@resocc/core/testing';
import type { DataSource } from 'typeorm';
import { PostgresSearchEngine } from './postgres.engine';
import {
  type DocumentVisibility,
  FACET_NAMES,
  type FacetCount,
  type FacetName,
  type SearchDocument,
  type SearchResponse,
  byCountThenValue,
} from './search-engine';
import { doc } from './search-engine.contract';

const THEMES = ['energie', 'alimentation', 'handicap'];
const DEPARTMENTS = ['34', '30', '31', '81'];
/** Every visibility set a viewer can have, and the empty one. */
const VISIBILITY_SETS: DocumentVisibility[][] = [['PUBLIC'], ['MEMBERS'], ['PUBLIC', 'MEMBERS'], []];

// 36 documents: every one about "méthanisation", every third one also about "digestat";
// visibilities, types, themes and départements spread so that each facet differs per set.
const corpus: SearchDocument[] = Array.from({ length: 36 }, (_, i) => {
  const template = i % 4 === 0;
  return doc({
    title: `Unité de méthanisation numéro ${i}${i % 3 === 0 ? ' et son digestat' : ''}`,
    summary: 'Retour d’expérience sur un marché de valorisation des biodéchets.',
    body: 'Le titulaire exploite l’installation et rend compte chaque trimestre.',
    type: template ? 'CLAUSE_TEMPLATE' : 'EXPERIENCE_POST',
    kind: template ? 'PERFORMANCE_CONDITION' : null,
    themes: [THEMES[i % THEMES.length], ...(i % 5 === 0 ? ['achats-ess'] : [])],
    considerations: i % 2 === 0 ? ['ENVIRONMENTAL'] : ['ENVIRONMENTAL', 'SOCIAL'],
    departmentCode: template ? null : DEPARTMENTS[i % DEPARTMENTS.length],
    procedureType: template ? null : 'PROCEDURE_ADAPTEE',
    visibility: i % 3 === 1 ? 'PUBLIC' : 'MEMBERS',
    // Spread over about a year, so that the monthly search walks several months.
    updatedAt: new Date(Date.UTC(2026, 10, 1) - i * 10 * 86_400_000).toISOString(),
  });
});

/** What the facets of exactly these documents are, counted here independently of the engine. */
function facetsOf(documents: readonly SearchDocument[]): Record<FacetName, FacetCount[]> {
  const count = (values: (string | null)[]): FacetCount[] => {
    const counts = new Map<string, number>();
    for (const value of values) if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
    return [...counts].map(([value, n]) => ({ value, count: n })).sort(byCountThenValue);
  };
  return {
    type: count(documents.map((d) => d.type)),
    themes: count(documents.flatMap((d) => d.themes)),
    considerations: count(documents.flatMap((d) => d.considerations)),
    kind: count(documents.map((d) => d.kind)),
    departmentCode: count(documents.map((d) => d.departmentCode)),
    procedureType: count(documents.map((d) => d.procedureType)),
  };
}

/** The newest first, as the engine's window takes them. */
const newestFirst = (documents: readonly SearchDocument[]): SearchDocument[] =>
  [...documents].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.key.localeCompare(b.key));

describe('PostgreSQL search engine: the visibility filter covers hits, totalHits and facets', () => {
  let dataSource: DataSource;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const db = await createTestDatabase();
    drop = db.drop;
    dataSource = createDataSource({ url: db.url, entities: [] });
    await dataSource.initialize();
    await new PostgresSearchEngine(dataSource).upsert(corpus);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await drop();
  });

  const search = (
    engine: PostgresSearchEngine,
    query: string,
    visibilities: DocumentVisibility[],
    limit = 100,
  ): Promise<SearchResponse> => engine.search({ query, filters: {}, visibilities, offset: 0, limit });

  /** The answer reduced to what the test compares, with the visibility set named in failures. */
  const summary = (visibilities: DocumentVisibility[], query: string, response: SearchResponse) => ({
    visibilities,
    query,
    keys: response.hits.map((h) => h.key).sort(),
    totalHits: response.totalHits,
    totalHitsExact: response.totalHitsExact,
    facets: Object.fromEntries(FACET_NAMES.map((name) => [name, response.facets[name]])),
  });
  const expected = (visibilities: DocumentVisibility[], query: string, documents: SearchDocument[]) => ({
    visibilities,
    query,
    keys: documents.map((d) => d.key).sort(),
    totalHits: documents.length,
    totalHitsExact: true,
    facets: facetsOf(documents),
  });

  // query -> the documents it must match, whatever their visibility
  const QUERIES: [string, (d: SearchDocument) => boolean][] = [
    ['', () => true],
    ['méthanisation', () => true],
    ['digestat', (d) => d.title.includes('digestat')],
    // The last word as a prefix; every document has the first word (matching strategy `last`).
    ['unité digest', () => true],
    ['digectat', (d) => d.title.includes('digestat')], // one typo
  ];

  for (const strategy of ['monthly', 'walk', 'index', 'auto'] as const) {
    describe(`matches found ${strategy === 'auto' ? 'as the engine chooses' : strategy}`, () => {
      const engine = (window?: number): PostgresSearchEngine =>
        new PostgresSearchEngine(dataSource, { strategy, window });

      it.each(QUERIES)(
        '"%s": only the requested visibilities are returned and counted',
        async (query, matches) => {
          for (const visibilities of VISIBILITY_SETS) {
            const visible = corpus.filter((d) => matches(d) && visibilities.includes(d.visibility));
            const response = await search(engine(), query, visibilities);
            expect(summary(visibilities, query, response)).toEqual(expected(visibilities, query, visible));
          }
        },
      );

      it('a page of one still counts every visible match, and no other', async () => {
        for (const visibilities of VISIBILITY_SETS) {
          const visible = corpus.filter((d) => visibilities.includes(d.visibility));
          const response = await search(engine(), 'méthanisation', visibilities, 1);
          expect({ visibilities, hits: response.hits.length, totalHits: response.totalHits }).toEqual({
            visibilities,
            hits: Math.min(1, visible.length),
            totalHits: visible.length,
          });
        }
      });

      it('a bounded window counts the newest visible matches, older title matches are ranked too: hidden ones take no place', async () => {
        const window = 5;
        for (const visibilities of VISIBILITY_SETS) {
          const visible = newestFirst(corpus.filter((d) => visibilities.includes(d.visibility)));
          const response = await search(engine(window), 'méthanisation', visibilities);
          const inWindow = visible.slice(0, window);
          // Counted and faceted: the window. Ranked: it and every older title match (all here).
          expect(summary(visibilities, 'méthanisation', response)).toEqual({
            ...expected(visibilities, 'méthanisation', inWindow),
            // (Walking, used for short prefixes, looks for title matches in the window only.)
            keys: (strategy === 'walk' ? inWindow : visible).map((d) => d.key).sort(),
            totalHits: inWindow.length,
            totalHitsExact: visible.length <= window,
          });
        }
      });
    });
  }

  it('follows a document whose visibility changes, and forgets a deleted one, in every count', async () => {
    const engine = new PostgresSearchEngine(dataSource);
    const extra = doc({
      title: 'Méthanisation agricole, réservée aux membres',
      themes: ['mobilite-vehicules'],
      visibility: 'PUBLIC',
      updatedAt: new Date(Date.UTC(2026, 10, 2)).toISOString(),
    });
    const counts = async (visibilities: DocumentVisibility[]) => {
      const response = await search(engine, 'méthanisation', visibilities);
      return {
        visibilities,
        listed: response.hits.some((h) => h.key === extra.key),
        totalHits: response.totalHits,
        theme: response.facets.themes.find((f) => f.value === 'mobilite-vehicules')?.count ?? 0,
      };
    };
    const publicCount = corpus.filter((d) => d.visibility === 'PUBLIC').length;
    const membersCount = corpus.filter((d) => d.visibility === 'MEMBERS').length;
    try {
      await engine.upsert([extra]);
      expect(await counts(['PUBLIC'])).toEqual({
        visibilities: ['PUBLIC'],
        listed: true,
        totalHits: publicCount + 1,
        theme: 1,
      });
      // Made members-only: the upsert moves it out of PUBLIC in the index itself.
      await engine.upsert([{ ...extra, visibility: 'MEMBERS', updatedAt: new Date().toISOString() }]);
      expect(await counts(['PUBLIC'])).toEqual({
        visibilities: ['PUBLIC'],
        listed: false,
        totalHits: publicCount,
        theme: 0,
      });
      expect(await counts(['MEMBERS'])).toEqual({
        visibilities: ['MEMBERS'],
        listed: true,
        totalHits: membersCount + 1,
        theme: 1,
      });
      // Deleted (unpublished): no visibility set finds or counts it any more.
      await engine.delete([extra.key]);
      for (const visibilities of VISIBILITY_SETS)
        expect(await counts(visibilities)).toEqual({
          visibilities,
          listed: false,
          totalHits: corpus.filter((d) => visibilities.includes(d.visibility)).length,
          theme: 0,
        });
      expect((await engine.listKeys()).map((k) => k.key)).not.toContain(extra.key);
    } finally {
      await engine.delete([extra.key]);
    }
  });
});
