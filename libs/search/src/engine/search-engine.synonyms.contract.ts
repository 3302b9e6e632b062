// The shared synonym list (text/synonyms.ts), one test per line, for every engine adapter:
// postgres.engine.spec.ts runs it always, meilisearch.engine.contract.spec.ts with MEILI_URL.
import type { EngineUnderTest } from './search-engine.contract';
import { doc } from './search-engine.contract';
import type { SearchDocument } from './search-engine';
import { SYNONYMS, synonymWords } from './text/synonyms';

/** Two forms of a line that share no word: a match between them can only come from the list. */
function disjoint(a: string, b: string): boolean {
  const words = new Set(synonymWords(a));
  return synonymWords(b).every(
    (w) => !words.has(w) && ![...words].some((v) => v.startsWith(w) || w.startsWith(v)),
  );
}

export function runSynonymContract(name: string, create: () => Promise<EngineUnderTest>): void {
  describe(`search engine synonyms: ${name}`, () => {
    let subject: EngineUnderTest;
    // One document per form of each line, saying nothing else a query could match.
    const documents = new Map<string, SearchDocument>();
    SYNONYMS.forEach((line, i) =>
      line.forEach((form, j) =>
        documents.set(`${i}:${j}`, doc({ title: `Fiche ${form}`, summary: `Référence ${i}x${j}` })),
      ),
    );

    beforeAll(async () => {
      subject = await create();
      await subject.engine.ensureReady();
      await subject.engine.upsert([...documents.values()]);
    });
    afterAll(() => subject.cleanup());

    it.each(SYNONYMS.map((line, i) => [line.join(' / '), i] as const))(
      '%s: each form finds the documents that use another',
      async (_name, i) => {
        const line = SYNONYMS[i];
        const missed: string[] = [];
        for (const [j, query] of line.entries())
          for (const [k, other] of line.entries()) {
            if (j === k || !disjoint(query, other)) continue;
            const response = await subject.engine.search({
              query,
              filters: {},
              visibilities: ['PUBLIC'],
              offset: 0,
              limit: 50,
            });
            const wanted = documents.get(`${i}:${k}`)?.key;
            if (!response.hits.some((h) => h.key === wanted)) missed.push(`« ${query} » -> « ${other} »`);
          }
        expect(missed).toEqual([]);
      },
    );
  });
}
