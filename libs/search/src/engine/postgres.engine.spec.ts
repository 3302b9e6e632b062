import { createDataSource } from '@resocc/core';
import { createTestDatabase } from '@resocc/core/testing';
import { PostgresSearchEngine } from './postgres.engine';
import { runSearchEngineContract } from './search-engine.contract';

runSearchEngineContract('PostgreSQL', async () => {
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
});
