import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { databaseRoles, prepareDatabaseRoles } from '../database/embedded-database';
import { APP_ROLE, OWNER_ROLE, grantRuntimeRights } from '../database/roles';

export interface TestDatabase {
  /** As the API's role (APP_ROLE): what the API and the tests connect as. */
  url: string;
  /** As the owner (OWNER_ROLE): migrations, operator commands, DDL. */
  ownerUrl: string;
  /** The API's role name. */
  appRole: string;
  name: string;
  drop(): Promise<void>;
}

export interface TestDatabaseOptions {
  /** An empty database (no migration applied), owned by the owner role. */
  empty?: boolean;
}

function adminUrl(): string {
  const url = process.env['RESOCC_TEST_ADMIN_URL'];
  if (!url)
    throw new Error(
      'RESOCC_TEST_ADMIN_URL is not set: run the tests through Jest (tools/jest/global-setup.ts)',
    );
  return url;
}

function databaseUrl(name: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * The template database, migrated by the Jest global setup as the superuser, is handed
 * once to the owner role and given the API role's rights, as a deployment's would be.
 * Called under a lock: nobody else is connected to the template meanwhile.
 */
async function prepareTemplate(admin: Client, template: string): Promise<void> {
  const { rows } = await admin.query<{ owner: string }>(
    'SELECT pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = $1',
    [template],
  );
  if (rows[0]?.owner === OWNER_ROLE) return;
  const roles = await prepareDatabaseRoles(databaseUrl(template));
  const owner = new Client({ connectionString: roles.ownerUrl });
  await owner.connect();
  try {
    await grantRuntimeRights(owner, roles.appRole);
  } finally {
    await owner.end();
  }
}

/**
 * A fresh, migrated database of its own, cloned from the run's template database, owned by
 * the owner role; `url` connects as the API's role, so a missing grant fails the test.
 */
export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const template = process.env['RESOCC_TEST_TEMPLATE'] ?? 'resocc_template';
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    // one preparation at a time; clones wait for it (CREATE DATABASE refuses a template
    // someone is connected to), then nobody connects to the template again
    const lock = `hashtext('resocc:test-template')`;
    await admin.query(`SELECT pg_advisory_lock(${lock})`);
    await prepareTemplate(admin, template);
    await admin.query(`SELECT pg_advisory_unlock(${lock})`);
    await admin.query(
      `CREATE DATABASE ${name} TEMPLATE ${options.empty ? 'template0' : template} OWNER ${OWNER_ROLE}`,
    );
    // database-level rights are not copied from the template
    await admin.query(`REVOKE ALL ON DATABASE ${name} FROM PUBLIC`);
    await admin.query(`GRANT CONNECT ON DATABASE ${name} TO ${APP_ROLE}`);
  } finally {
    await admin.end();
  }
  const roles = databaseRoles(databaseUrl(name));
  return {
    url: roles.appUrl,
    ownerUrl: roles.ownerUrl,
    appRole: roles.appRole,
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
