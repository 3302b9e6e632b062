import { DataSource, type DataSourceOptions, type EntityManager, type MixedList } from 'typeorm';
import { migrations } from './migrations';
import { SnakeNamingStrategy } from './naming-strategy';
import { SqlStatementCounter } from './sql-counter';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type EntityList = MixedList<Function>;

export interface DataSourceSettings {
  url: string;
  entities: EntityList;
  /** Pool size per process. */
  poolSize?: number;
  applicationName?: string;
}

/** The one place that says how we talk to PostgreSQL: migrations only, never synchronize. */
export function dataSourceOptions(settings: DataSourceSettings): DataSourceOptions {
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
      connectionTimeoutMillis: 5000,
      idleTimeoutMillis: 30000,
    },
  };
}

export function createDataSource(settings: DataSourceSettings): DataSource {
  return new DataSource(dataSourceOptions(settings));
}

/** Applies pending migrations with a data source of its own; returns their names. */
export async function runMigrations(url: string): Promise<string[]> {
  const dataSource = createDataSource({
    url,
    entities: [],
    poolSize: 1,
    applicationName: 'resocc-migrations',
  });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
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
