// The PostgreSQL engine's bounded window (what a query ranks, counts and facets when most
// of the corpus matches) and its rebuild-and-swap, on a real PostgreSQL.
import { createDataSource } from '@resocc/core';
import { createTestDatabase } from '@resocc/core/testing';
import type { DataSource } from 'typeorm';
import { PostgresSearchEngine, queryTokens, vocabularyOf } from './postgres.engine';
import type { SearchDocument, SearchRequest } from './search-engine';
import { doc } from './search-engine.contract';

function post(title: string, fields: Partial<SearchDocument> = {}): SearchDocument {
  return doc({
    title,
    summary: 'Retour d’expérience d’un acheteur public.',
    body: 'Le marché a été attribué après une consultation ouverte.',
    themes: ['dechets'],
    considerations: ['ENVIRONMENTAL'],
    departmentCode: '34',
    ...fields,
  });
}

const request = (query: string, more: Partial<SearchRequest> = {}): SearchRequest => ({
  query,
  filters: {},
  visibilities: ['PUBLIC'],
  offset: 0,
  limit: 20,
  ...more,
});

const WINDOW = 5;
// Eight documents about composting (one of them says so in its title only), two others.
const composting = Array.from({ length: 7 }, (_, i) =>
  post(`Collecte des biodéchets, lot ${i + 1}`, {
    body: 'Le compostage des déchets de cantine a réduit les tonnages enfouis.',
    themes: i % 2 === 0 ? ['dechets', 'alimentation'] : ['dechets'],
    type: i === 3 ? 'CLAUSE_TEMPLATE' : 'EXPERIENCE_POST',
  }),
);
const titled = post('Compostage partagé dans les écoles');
const others = [post('Ordinateurs reconditionnés'), post('Papier recyclé pour les services')];
const membersOnly = post('Compostage en établissement médico-social', { visibility: 'MEMBERS' });
const all = [...composting, titled, ...others, membersOnly];
// The newest WINDOW public composting documents: `titled` (newest), then the last four lots.
const newest = [titled, ...composting.slice(-4)].map((d) => d.key).sort();

describe('PostgreSQL search engine: bounded window and rebuild', () => {
  let dataSource: DataSource;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const db = await createTestDatabase();
    drop = db.drop;
    // The rebuild creates and swaps tables: owner work, as search:reindex does it.
    dataSource = createDataSource({ url: db.ownerUrl, entities: [] });
    await dataSource.initialize();
    await new PostgresSearchEngine(dataSource).upsert(all);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await drop();
  });

  for (const strategy of ['monthly', 'walk', 'index', 'auto'] as const) {
    describe(`matches found ${strategy === 'auto' ? 'as the engine chooses' : strategy}`, () => {
      const engine = (): PostgresSearchEngine =>
        new PostgresSearchEngine(dataSource, { window: WINDOW, strategy });

      it('ranks, counts and facets the newest matches only, and says the count is a bound', async () => {
        const response = await engine().search(request('compostage'));
        expect(response.totalHits).toBe(WINDOW);
        expect(response.totalHitsExact).toBe(false);
        expect(response.hits.map((h) => h.key).sort()).toEqual(newest);
        // The title match ranks first.
        expect(response.hits[0].key).toBe(titled.key);
        const typeTotal = response.facets.type.reduce((sum, f) => sum + f.count, 0);
        expect(typeTotal).toBe(WINDOW);
        expect(response.facets.themes).toEqual([
          { value: 'dechets', count: 5 },
          { value: 'alimentation', count: 2 },
        ]);
      });

      it('pages through the window and stops at its end', async () => {
        const seen: string[] = [];
        for (let offset = 0; offset < 10; offset += 2) {
          const page = await engine().search(request('compostage', { offset, limit: 2 }));
          seen.push(...page.hits.map((h) => h.key));
        }
        expect(seen.sort()).toEqual(newest);
      });

      it('counts exactly when a filter narrows the matches to the window or fewer', async () => {
        const response = await engine().search(
          request('compostage', { filters: { themes: ['alimentation'] } }),
        );
        expect(response.totalHitsExact).toBe(true);
        expect(response.totalHits).toBe(4);
        expect(response.hits.map((h) => h.key).sort()).toEqual(
          composting
            .filter((d) => d.themes.includes('alimentation'))
            .map((d) => d.key)
            .sort(),
        );
      });

      it('a word no document has, nor any word near it, leaves the others to match', async () => {
        const response = await engine().search(request('compostage zyxwvutq'));
        const alone = await engine().search(request('compostage'));
        expect(response.hits.map((h) => h.key)).toEqual(alone.hits.map((h) => h.key));
        expect(await engine().search(request('zyxwvutq'))).toEqual({
          hits: [],
          totalHits: 0,
          totalHitsExact: true,
          facets: expect.objectContaining({ type: [] }),
        });
      });

      it('keeps members-only documents out of anonymous windows', async () => {
        const anonymous = await engine().search(request('compostage médico'));
        expect(anonymous.hits.map((h) => h.key)).not.toContain(membersOnly.key);
        const member = await engine().search(
          request('compostage médico', { visibilities: ['PUBLIC', 'MEMBERS'] }),
        );
        // The only document with both words first, then those with one.
        expect(member.hits[0].key).toBe(membersOnly.key);
        expect(member.hits.length).toBeGreaterThan(1);
      });

      it('ranks a document older than the window first when its title has the words most', async () => {
        const planted = post('Compostage : compostage partagé et compostage de quartier', {
          updatedAt: new Date(Date.UTC(2019, 0, 1)).toISOString(),
        });
        await engine().upsert([planted]);
        try {
          const response = await engine().search(request('compostage'));
          // Walking (many stems OR-ed: a short prefix) looks for title matches in the window only.
          const position = response.hits.map((h) => h.key).indexOf(planted.key);
          expect({ strategy, position }).toEqual({ strategy, position: strategy === 'walk' ? -1 : 0 });
          expect(response.totalHitsExact).toBe(false);
        } finally {
          await engine().delete([planted.key]);
        }
      });
    });
  }

  it('rebuilds into a new table swapped in whole: gone documents leave, indexes and typo words follow', async () => {
    const engine = new PostgresSearchEngine(dataSource, { window: WINDOW });
    const fresh = post('Méthanisation des boues de station d’épuration');
    const kept = [...composting.slice(0, 2), fresh];
    async function* batches(): AsyncIterable<SearchDocument[]> {
      yield kept.slice(0, 2);
      yield [kept[2], kept[0]]; // a repeated document is written once
    }
    const before: { indexname: string }[] = await dataSource.query(
      `SELECT indexname FROM pg_indexes WHERE tablename = 'search_document' ORDER BY indexname`,
    );

    expect(await engine.rebuild(batches())).toBe(3);

    expect((await engine.listKeys()).map((k) => k.key).sort()).toEqual(kept.map((d) => d.key).sort());
    const after: { indexname: string }[] = await dataSource.query(
      `SELECT indexname FROM pg_indexes WHERE tablename = 'search_document' ORDER BY indexname`,
    );
    expect(after).toEqual(before);
    const leftovers: unknown[] = await dataSource.query(
      `SELECT relname FROM pg_class WHERE relname LIKE 'search_document_next%' OR relname LIKE 'search_document_old%' OR relname LIKE '%\\_old' OR relname LIKE '%\\_next'`,
    );
    expect(leftovers).toEqual([]);
    // Found with a typo: the rebuild fed the vocabulary.
    const typo = await engine.search(request('methanisaton'));
    expect(typo.hits.map((h) => h.key)).toEqual([fresh.key]);
    // Words only the dropped documents had are no longer suggested.
    const left: { word: string }[] = await dataSource.query(
      `SELECT word FROM search_vocabulary WHERE word IN ('ordinateurs', 'partage', 'biodechets', 'methanisation') ORDER BY word`,
    );
    expect(left.map((r) => r.word)).toEqual(['biodechets', 'methanisation']);
    // Upserts go on into the swapped-in table.
    await engine.upsert([{ ...titled }]);
    expect((await engine.search(request('partagé'))).hits.map((h) => h.key)).toEqual([titled.key]);
  });
});

describe('words of queries and of the typo vocabulary', () => {
  it('folds case and accents the same way for both, ligatures and rarer letters included', () => {
    const text = 'Œuvre ÉLÉVATION naïve Ångström façade, cœur: 2026';
    expect(queryTokens(text)).toEqual([
      'oeuvre',
      'elevation',
      'naive',
      'angstrom',
      'facade',
      'coeur',
      '2026',
    ]);
    expect([...vocabularyOf([post(text, { summary: '', body: 'été les' })])].sort()).toEqual(
      ['2026', 'angstrom', 'coeur', 'elevation', 'ete', 'facade', 'les', 'naive', 'oeuvre'].sort(),
    );
  });
});
