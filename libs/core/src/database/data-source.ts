import { Client } from 'pg';
import { DataSource, type DataSourceOptions, type EntityManager, type MixedList } from 'typeorm';
import { BoundedClient } from './bounded-client';
import { migrations } from './migrations';
import { SnakeNamingStrategy } from './naming-strategy';
import { grantRuntimeRights } from './roles';
import { SqlStatementCounter } from './sql-counter';
import { DEFAULT_DATABASE_TIMEOUTS, type DatabaseTimeouts, STALLED_SERVER_GRACE_MS } from './timeouts';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type EntityList = MixedList<Function>;

export interface DataSourceSettings {
  url: string;
  entities: EntityList;
  /** Pool size per process. */
  poolSize?: number;
  applicationName?: string;
  /** Time bounds (default: DEFAULT_DATABASE_TIMEOUTS). */
  timeouts?: Partial<DatabaseTimeouts>;
}

/** The one place that says how we talk to PostgreSQL: migrations only, never synchronize. */
export function dataSourceOptions(settings: DataSourceSettings): DataSourceOptions {
  const { statementTimeoutMs, connectTimeoutMs } = { ...DEFAULT_DATABASE_TIMEOUTS, ...settings.timeouts };
  return {
    type: 'postgres',
    url: settings.url,
    entities: settings.entities,
    migrations,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    uuidExtension: 'pgcrypto',
    migrationsRun: false,
    logging: ['query'],
    logger: new SqlStatementCounter(),
    namingStrategy: new SnakeNamingStrategy(),
    applicationName: settings.applicationName ?? 'resocc-api',
    extra: {
      max: settings.poolSize ?? 10,
      // Waiting for a pooled connection (a free one, or a new one to open) is bounded too.
      connectionTimeoutMillis: connectTimeoutMs,
      idleTimeoutMillis: 30000,
      keepAlive: true,
      Client: BoundedClient,
      // The server cancels a statement past statement_timeout; a server that does not answer
      // at all (stopped, frozen) is given up on by the client a little later.
      ...(statementTimeoutMs > 0
        ? {
            statement_timeout: statementTimeoutMs,
            query_timeout: statementTimeoutMs + STALLED_SERVER_GRACE_MS,
          }
        : {}),
    },
  };
}

export function createDataSource(settings: DataSourceSettings): DataSource {
  return new DataSource(dataSourceOptions(settings));
}

export interface MigrationRunOptions {
  /**
   * The API's role: after the run, it gets exactly its runtime rights on every table
   * (grantRuntimeRights). Omitted: rights are left as they are.
   */
  appRole?: string;
}

/**
 * Applies pending migrations with a data source of its own, as the role `url` names (the
 * owner), then grants the API's role its rights; returns the names of the migrations applied.
 * No statement timeout: building an index on a large table takes its time.
 */
export async function runMigrations(url: string, options: MigrationRunOptions = {}): Promise<string[]> {
  const dataSource = createDataSource({
    url,
    entities: [],
    poolSize: 1,
    applicationName: 'resocc-migrations',
    timeouts: { statementTimeoutMs: 0 },
  });
  await dataSource.initialize();
  try {
    const applied = await dataSource
      .runMigrations({ transaction: 'each' })
      .catch(async (error: unknown) => Promise.reject(await explainOwnership(url, error)));
    if (options.appRole !== undefined) {
      const owner = new Client({ connectionString: url, application_name: 'resocc-migrations' });
      await owner.connect();
      try {
        await grantRuntimeRights(owner, options.appRole);
      } finally {
        await owner.end();
      }
    }
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}

/**
 * Migrations can only change tables their role owns: when a run failed and other roles own
 * some tables (a database migrated before the owner role existed), say so plainly.
 */
async function explainOwnership(url: string, error: unknown): Promise<unknown> {
  const client = new Client({ connectionString: url, application_name: 'resocc-migrations' });
  await client.connect();
  const [{ me, others }] = (
    await client.query<{ me: string; others: string | null }>(
      `SELECT current_user AS me,
       (SELECT string_agg(DISTINCT pg_get_userbyid(relowner), ', ') FROM pg_class
         WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p')
           AND NOT pg_has_role(relowner, 'USAGE')) AS others`,
    )
  ).rows;
  await client.end();
  if (others === null) return error;
  return new Error(
    `Tables of this database belong to ${others}, not to ${me} (the role migrations run as): ` +
      `hand them to ${me} first (transferOwnership as a superuser; docker/migrate.mjs does it given DATABASE_ADMIN_URL)`,
    { cause: error },
  );
}

/** The SQL that would bring the database in line with the entities (empty when in sync). */
export async function pendingSchemaChanges(
  dataSource: DataSource,
): Promise<{ up: string[]; down: string[] }> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return {
    up: sql.upQueries.map((q) => q.query),
    down: sql.downQueries.map((q) => q.query),
  };
}

export type { EntityManager };

// Re-exported here: the core library's index exports this module's names.
export * from './roles';
export * from './timeouts';
export * from './embedded-database';
