// One embedded PostgreSQL per Jest run: a free port, a temporary folder, and a migrated
// template database that each test file clones into a database of its own.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { runMigrations, startEmbeddedPostgres } from '../../libs/core/src/database';

export const TEMPLATE_DATABASE = 'resocc_template';

export default async function globalSetup(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'resocc-test-pg-'));
  const postgres = await startEmbeddedPostgres({ dataDir: dir, database: TEMPLATE_DATABASE });
  await runMigrations(postgres.url);
  const admin = new Client({ connectionString: postgres.adminUrl });
  await admin.connect();
  await admin.query(`ALTER DATABASE ${TEMPLATE_DATABASE} WITH IS_TEMPLATE true`);
  await admin.end();
  process.env['RESOCC_TEST_ADMIN_URL'] = postgres.adminUrl;
  process.env['RESOCC_TEST_TEMPLATE'] = TEMPLATE_DATABASE;
  (globalThis as { __RESOCC_PG__?: unknown }).__RESOCC_PG__ = { postgres, dir };
}
