import { Client } from 'pg';
import { type EmbeddedPostgresOptions, startEmbeddedPostgres } from './embedded-postgres';
import {
  APP_ROLE,
  OWNER_ROLE,
  type RoleLogin,
  derivedPassword,
  ensureLoginRole,
  transferOwnership,
  urlFor,
} from './roles';

/** Both roles of one database, as connection strings. */
export interface DatabaseRoles {
  /** The owner's: migrations and operator commands. */
  readonly ownerUrl: string;
  /** The API's (APP_ROLE). */
  readonly appUrl: string;
  readonly appRole: string;
}

/**
 * As a superuser connected to the database: creates the owner and API roles (or brings
 * them in line) and hands the database and its objects to the owner. The roles' passwords
 * derive from the superuser's, so every caller on the same cluster computes the same ones.
 * Migrations are the caller's: `runMigrations(ownerUrl, { appRole })`.
 */
export async function prepareDatabaseRoles(superuserUrl: string): Promise<DatabaseRoles> {
  const { owner, app } = embeddedLogins(superuserUrl);
  const client = new Client({ connectionString: superuserUrl, application_name: 'resocc-roles' });
  await client.connect();
  try {
    // roles are shared by the cluster's databases: one preparation at a time
    await client.query(`SELECT pg_advisory_lock(hashtext('resocc:roles'))`);
    await ensureLoginRole(client, owner);
    await ensureLoginRole(client, app);
    await transferOwnership(client, owner.name);
  } finally {
    await client.end();
  }
  return databaseRoles(superuserUrl);
}

/** The owner and API logins of the cluster `superuserUrl` belongs to. */
function embeddedLogins(superuserUrl: string): { owner: RoleLogin; app: RoleLogin } {
  const secret = decodeURIComponent(new URL(superuserUrl).password);
  return {
    owner: { name: OWNER_ROLE, password: derivedPassword(secret, OWNER_ROLE) },
    app: { name: APP_ROLE, password: derivedPassword(secret, APP_ROLE) },
  };
}

/** Both roles' connection strings to the database of `superuserUrl` (roles already prepared). */
export function databaseRoles(superuserUrl: string): DatabaseRoles {
  const { owner, app } = embeddedLogins(superuserUrl);
  return { ownerUrl: urlFor(superuserUrl, owner), appUrl: urlFor(superuserUrl, app), appRole: app.name };
}

export interface EmbeddedDatabase extends DatabaseRoles {
  /** The superuser's, on the `postgres` database. */
  readonly adminUrl: string;
  readonly port: number;
  stop(): Promise<void>;
}

/**
 * The embedded default: PostgreSQL in `dataDir` (see startEmbeddedPostgres) with the owner
 * and API roles ready. A data folder from before the roles existed is handed to the owner.
 */
export async function startEmbeddedDatabase(options: EmbeddedPostgresOptions): Promise<EmbeddedDatabase> {
  const server = await startEmbeddedPostgres(options);
  try {
    const roles = await prepareDatabaseRoles(server.url);
    return { ...roles, adminUrl: server.adminUrl, port: server.port, stop: () => server.stop() };
  } catch (error) {
    await server.stop();
    throw error;
  }
}
