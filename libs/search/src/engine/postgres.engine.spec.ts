import { createDataSource } from '@resocc/core';
import { createTestDatabase } from '@resocc/core/testing';
import { PostgresSearchEngine } from './postgres.engine';
import { type EngineUnderTest, runSearchEngineContract } from './search-engine.contract';
import { runSynonymContract } from './search-engine.synonyms.contract';

async function postgresEngine(): Promise<EngineUnderTest> {
  const db = await createTestDatabase();
  const dataSource = createDataSource({ url: db.url, entities: [] });
  await dataSource.initialize();
  return {
    engine: new PostgresSearchEngine(dataSource),
    async cleanup() {
      await dataSource.destroy();
      await db.drop();
    },
  };
}

runSearchEngineContract('PostgreSQL', postgresEngine);
runSynonymContract('PostgreSQL', postgresEngine);
