// The engine contract on a real Meilisearch server. It only runs when MEILI_URL is set
// (jest.preset.js leaves this file out otherwise, and tools/jest/run.mjs says so loudly).
import { randomBytes } from 'node:crypto';
import { MeilisearchEngine } from './meilisearch.engine';
import { type EngineUnderTest, runSearchEngineContract } from './search-engine.contract';
import { runSynonymContract } from './search-engine.synonyms.contract';

async function meilisearchEngine(): Promise<EngineUnderTest> {
  const url = process.env['MEILI_URL'] as string;
  const indexUid = `contract_${randomBytes(4).toString('hex')}`;
  const engine = new MeilisearchEngine({ url, masterKey: process.env['MEILI_MASTER_KEY'], indexUid });
  return {
    engine,
    async cleanup() {
      await fetch(new URL(`/indexes/${indexUid}`, url), {
        method: 'DELETE',
        headers: process.env['MEILI_MASTER_KEY']
          ? { authorization: `Bearer ${process.env['MEILI_MASTER_KEY']}` }
          : {},
      });
    },
  };
}

runSearchEngineContract('Meilisearch', meilisearchEngine);
runSynonymContract('Meilisearch', meilisearchEngine);
