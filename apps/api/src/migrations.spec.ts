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
    expect(await runMigrations(db.url)).toEqual([]);
  });

  it('build the whole schema from an empty database', async () => {
    const admin = new Client({ connectionString: process.env['RESOCC_TEST_ADMIN_URL'] });
    await admin.connect();
    const name = `${db.name}_empty`;
    await admin.query(`CREATE DATABASE ${name} TEMPLATE template0`);
    try {
      const url = db.url.replace(new RegExp(`/${db.name}$`), `/${name}`);
      const applied = await runMigrations(url);
      expect(applied.length).toBeGreaterThan(0);
      const client = new Client({ connectionString: url });
      await client.connect();
      const { rows } = await client.query<{ count: string }>('SELECT count(*) FROM theme');
      await client.end();
      expect(Number(rows[0].count)).toBe(11);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
