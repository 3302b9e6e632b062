import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

function adminUrl(): string {
  const url = process.env['RESOCC_TEST_ADMIN_URL'];
  if (!url)
    throw new Error(
      'RESOCC_TEST_ADMIN_URL is not set: run the tests through Jest (tools/jest/global-setup.ts)',
    );
  return url;
}

/** A fresh, migrated database of its own, cloned from the run's template database. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = process.env['RESOCC_TEST_TEMPLATE'] ?? 'resocc_template';
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const client = new Client({ connectionString: adminUrl() });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
