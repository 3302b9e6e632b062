import { createDataSource, pendingSchemaChanges, runMigrations } from '@resocc/core';
import { createTestDatabase, type TestDatabase } from '@resocc/core/testing';
import { Client } from 'pg';
import { entities } from './entities';

describe('migrations', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('match the entities: generating a migration against the migrated database yields nothing', async () => {
    const dataSource = createDataSource({ url: db.url, entities });
    await dataSource.initialize();
    try {
      const { up } = await pendingSchemaChanges(dataSource);
      // On failure: run `npm run migration:generate -- <Name>` and commit the new migration.
      expect(up).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });

  it('are all applied to the template and running them again changes nothing', async () => {
    expect(await runMigrations(db.ownerUrl, { appRole: db.appRole })).toEqual([]);
  });

  it('build the whole schema from an empty database, as the owner, for the API role', async () => {
    const empty = await createTestDatabase({ empty: true });
    try {
      const applied = await runMigrations(empty.ownerUrl, { appRole: empty.appRole });
      expect(applied.length).toBeGreaterThan(0);
      const client = new Client({ connectionString: empty.url });
      await client.connect();
      const { rows } = await client.query<{ count: string }>('SELECT count(*) FROM theme');
      await client.end();
      expect(Number(rows[0].count)).toBe(11);
    } finally {
      await empty.drop();
    }
  });
});
