import { createHmac } from 'node:crypto';
import { Client, type ClientBase, escapeIdentifier, escapeLiteral } from 'pg';

/**
 * Least privilege in PostgreSQL. Two roles per deployment:
 * - the OWNER owns the database and every object in it; migrations (and operator commands
 *   such as search:reindex) run as it;
 * - the APP role is what the API connects as: it reads and writes rows, nothing more (no
 *   DDL, no TRUNCATE, no UPDATE or DELETE on append-only tables, no superuser power, so no
 *   `session_replication_role` to switch triggers off).
 */
export const OWNER_ROLE = 'resocc_owner';
export const APP_ROLE = 'resocc_app';

/** Tables the API may read and append to, never change: their history is the point. */
export const APPEND_ONLY_TABLES: readonly string[] = ['moderation_event'];

/** Tables the API may read only. */
export const READ_ONLY_TABLES: readonly string[] = ['typeorm_migrations'];

export interface RoleLogin {
  name: string;
  password: string;
}

/** A login role with no attribute beyond LOGIN (as opposed to CREATEROLE, BYPASSRLS...). */
const PLAIN_LOGIN = 'LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS';

/**
 * A password for `role` derived from a secret (the embedded cluster's superuser password):
 * stable across starts and Jest workers, so nothing more needs to be stored.
 */
export function derivedPassword(secret: string, role: string): string {
  return createHmac('sha256', secret).update(`resocc-role:${role}`).digest('base64url');
}

/** The same connection string for another user. */
export function urlFor(url: string, login: RoleLogin): string {
  const result = new URL(url);
  result.username = encodeURIComponent(login.name);
  result.password = encodeURIComponent(login.password);
  return result.toString();
}

/** The user a connection string names. */
export function userOf(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

/**
 * Creates the login role or brings it in line (attributes, password), as a role that may
 * (a superuser or CREATEROLE). Callers that may race (Jest workers) hold a lock.
 */
export async function ensureLoginRole(admin: ClientBase, login: RoleLogin): Promise<void> {
  const exists = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [login.name]);
  const verb = exists.rowCount === 0 ? 'CREATE' : 'ALTER';
  await admin.query(
    `${verb} ROLE ${escapeIdentifier(login.name)} WITH ${PLAIN_LOGIN} PASSWORD ${escapeLiteral(login.password)}`,
  );
}

/**
 * Makes `owner` own the current database and every object of its `public` schema (tables,
 * sequences, views, functions, types, text search configurations) that another role owns,
 * objects of extensions excepted. Run as a superuser; for databases migrated before the
 * owner role existed. Idempotent. docker/migrate.mjs runs it given DATABASE_ADMIN_URL.
 */
export async function transferOwnership(admin: ClientBase, owner: string): Promise<void> {
  await admin.query(
    `ALTER DATABASE ${escapeIdentifier(await currentDatabase(admin))} OWNER TO ${escapeIdentifier(owner)}`,
  );
  await admin.query(`DO $$
    DECLARE
      target regrole := ${escapeLiteral(owner)}::regrole;
      item record;
    BEGIN
      FOR item IN
        SELECT format('ALTER %s %s OWNER TO %I',
                 CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                   WHEN 'S' THEN 'SEQUENCE' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END,
                 c.oid::regclass, target) AS statement
        FROM pg_class c
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
          AND c.relowner <> target
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                            AND d.objid = c.oid AND d.deptype = 'e')
          -- a sequence that belongs to a column moves with its table
          AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d
                     WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                       AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')))
        UNION ALL
        SELECT format('ALTER %s %s OWNER TO %I',
                 CASE p.prokind WHEN 'p' THEN 'PROCEDURE' WHEN 'a' THEN 'AGGREGATE' ELSE 'FUNCTION' END,
                 p.oid::regprocedure, target)
        FROM pg_proc p
        WHERE p.pronamespace = 'public'::regnamespace AND p.proowner <> target
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass
                            AND d.objid = p.oid AND d.deptype = 'e')
        UNION ALL
        SELECT format('ALTER %s %s OWNER TO %I', CASE t.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END,
                 t.oid::regtype, target)
        FROM pg_type t
        WHERE t.typnamespace = 'public'::regnamespace AND t.typowner <> target
          AND (t.typtype IN ('e', 'd', 'r')
               OR (t.typtype = 'c' AND (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c'))
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass
                            AND d.objid = t.oid AND d.deptype = 'e')
        UNION ALL
        SELECT format('ALTER TEXT SEARCH CONFIGURATION %s OWNER TO %I', c.oid::regconfig, target)
        FROM pg_ts_config c
        WHERE c.cfgnamespace = 'public'::regnamespace AND c.cfgowner <> target
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_ts_config'::regclass
                            AND d.objid = c.oid AND d.deptype = 'e')
      LOOP
        EXECUTE item.statement;
      END LOOP;
    END $$`);
}

async function currentDatabase(client: ClientBase): Promise<string> {
  const { rows } = await client.query<{ name: string }>('SELECT current_database() AS name');
  return rows[0].name;
}

/**
 * The API role's rights, granted by the owner (the role migrations run as) after every
 * migration run, in one transaction so that a running API never sees them half done:
 * rows of every table (read only for READ_ONLY_TABLES, read and append for
 * APPEND_ONLY_TABLES), its sequences, and nothing else. Default privileges give tables
 * the owner creates later the same row rights until the next run sets them exactly.
 */
export async function grantRuntimeRights(owner: ClientBase, appRole: string): Promise<void> {
  const [{ me, database }] = (
    await owner.query<{ me: string; database: string }>(
      'SELECT current_user AS me, current_database() AS database',
    )
  ).rows;
  if (me === appRole) {
    throw new Error(
      `The API's role (${appRole}) must not be the role migrations run as: give the API a role of its own`,
    );
  }
  const app = escapeIdentifier(appRole);
  const existing = new Set(
    (
      await owner.query<{ name: string }>(
        `SELECT relname AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p')`,
      )
    ).rows.map((r) => r.name),
  );
  const statements = [
    // connecting, and nothing else at the database level (no schemas, no temporary tables)
    `REVOKE ALL ON DATABASE ${escapeIdentifier(database)} FROM PUBLIC, ${app}`,
    `GRANT CONNECT ON DATABASE ${escapeIdentifier(database)} TO ${app}`,
    // PostgreSQL 15 and later already refuse CREATE on public to PUBLIC; older ones do not.
    `REVOKE CREATE ON SCHEMA public FROM PUBLIC`,
    `GRANT USAGE ON SCHEMA public TO ${app}`,
    // ALL also removes TRUNCATE, REFERENCES, TRIGGER (and MAINTAIN on PostgreSQL 17).
    `REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${app}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app}`,
    `REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${app}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${app}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${app}`,
    ...APPEND_ONLY_TABLES.filter((t) => existing.has(t)).map(
      (t) => `REVOKE UPDATE, DELETE ON ${escapeIdentifier(t)} FROM ${app}, PUBLIC`,
    ),
    ...READ_ONLY_TABLES.filter((t) => existing.has(t)).map(
      (t) => `REVOKE INSERT, UPDATE, DELETE ON ${escapeIdentifier(t)} FROM ${app}, PUBLIC`,
    ),
  ];
  await owner.query('BEGIN');
  try {
    for (const statement of statements) await owner.query(statement);
    await owner.query('COMMIT');
  } catch (error) {
    await owner.query('ROLLBACK');
    throw error;
  }
}

/**
 * What makes a connection's role more powerful than the API needs, in words (empty when
 * it has only row rights): superuser, role attributes, ownership, DDL, TRUNCATE.
 */
export async function excessPrivileges(client: ClientBase): Promise<string[]> {
  const { rows } = await client.query<{
    rolsuper: boolean;
    rolbypassrls: boolean;
    rolcreaterole: boolean;
    rolcreatedb: boolean;
    rolreplication: boolean;
    create_in_schema: boolean;
    create_in_database: boolean;
    temporary: boolean;
    owned: string[] | null;
    truncatable: string[] | null;
  }>(
    `SELECT r.rolsuper, r.rolbypassrls, r.rolcreaterole, r.rolcreatedb, r.rolreplication,
       has_schema_privilege('public', 'CREATE') AS create_in_schema,
       has_database_privilege(current_database(), 'CREATE') AS create_in_database,
       has_database_privilege(current_database(), 'TEMPORARY') AS temporary,
       (SELECT array_agg(c.relname::text ORDER BY c.relname) FROM pg_class c
          WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
            AND pg_has_role(c.relowner, 'USAGE')) AS owned,
       (SELECT array_agg(c.relname::text ORDER BY c.relname) FROM pg_class c
          WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
            AND has_table_privilege(c.oid, 'TRUNCATE') AND NOT pg_has_role(c.relowner, 'USAGE')) AS truncatable
     FROM pg_roles r WHERE r.rolname = current_user`,
  );
  const role = rows[0];
  const problems: string[] = [];
  if (role.rolsuper) problems.push('is a superuser');
  if (role.rolbypassrls) problems.push('bypasses row-level security');
  if (role.rolcreaterole) problems.push('may create roles');
  if (role.rolcreatedb) problems.push('may create databases');
  if (role.rolreplication) problems.push('is a replication role');
  if (role.create_in_schema) problems.push('may create objects in schema public');
  if (role.create_in_database) problems.push('may create schemas in the database');
  if (role.temporary && !role.rolsuper) problems.push('may create temporary tables');
  if (role.owned) problems.push(`owns tables (${someOf(role.owned)})`);
  if (role.truncatable && !role.rolsuper) problems.push(`may truncate tables (${someOf(role.truncatable)})`);
  return problems;
}

/** A few names of a list, and how many more. */
function someOf(names: string[]): string {
  const shown = names.slice(0, 4).join(', ');
  return names.length > 4 ? `${shown} and ${names.length - 4} more` : shown;
}

/** excessPrivileges of the role `url` connects as. */
export async function excessPrivilegesOf(url: string, connectTimeoutMs = 5000): Promise<string[]> {
  const client = new Client({
    connectionString: url,
    connectionTimeoutMillis: connectTimeoutMs,
    application_name: 'resocc-role-check',
  });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await excessPrivileges(client);
  } finally {
    await client.end();
  }
}
