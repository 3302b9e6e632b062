// Shared by the database scripts: they act as the OWNER role (migrations, reindex), on
// MIGRATION_DATABASE_URL (or DATABASE_URL alone, for a deployment without roles), or on the
// embedded PostgreSQL in DATA_DIR (started for the script's duration, its roles prepared).
import { type EmbeddedDatabase, loadConfig, startEmbeddedDatabase, userOf } from '@resocc/core';

export interface DatabaseTarget {
  /** The owner's connection: what the script works with. */
  ownerUrl: string;
  /** The API's role, when it is known: the one migrations grant its runtime rights to. */
  appRole?: string;
}

export async function withDatabase<T>(
  work: (url: string, target: DatabaseTarget) => Promise<T>,
  options: { throwaway?: boolean } = {},
): Promise<T> {
  const config = loadConfig();
  if (config.databaseUrl !== undefined && !options.throwaway) {
    if (config.migrationDatabaseUrl === undefined) {
      console.warn(
        "MIGRATION_DATABASE_URL is not set: working as DATABASE_URL's role, and granting no API role its rights",
      );
      return work(config.databaseUrl, { ownerUrl: config.databaseUrl });
    }
    const target = { ownerUrl: config.migrationDatabaseUrl, appRole: userOf(config.databaseUrl) };
    return work(target.ownerUrl, target);
  }
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dir = options.throwaway ? mkdtempSync(join(tmpdir(), 'resocc-migrations-')) : config.dataDir;
  let embedded: EmbeddedDatabase | undefined;
  try {
    embedded = await startEmbeddedDatabase({ dataDir: dir });
    return await work(embedded.ownerUrl, { ownerUrl: embedded.ownerUrl, appRole: embedded.appRole });
  } finally {
    await embedded?.stop();
    if (options.throwaway) rmSync(dir, { recursive: true, force: true });
  }
}
