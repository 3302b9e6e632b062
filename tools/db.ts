// Shared by the database scripts: the database they act on is DATABASE_URL, or the
// embedded PostgreSQL in DATA_DIR (started for the script's duration).
import { type RunningPostgres, loadConfig, startEmbeddedPostgres } from '@resocc/core';

export async function withDatabase<T>(
  work: (url: string) => Promise<T>,
  options: { throwaway?: boolean } = {},
): Promise<T> {
  const config = loadConfig();
  let embedded: RunningPostgres | undefined;
  let url = config.databaseUrl;
  if (url === undefined || options.throwaway) {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = options.throwaway ? mkdtempSync(join(tmpdir(), 'resocc-migrations-')) : config.dataDir;
    try {
      embedded = await startEmbeddedPostgres({ dataDir: dir });
      url = embedded.url;
      return await work(url);
    } finally {
      await embedded?.stop();
      if (options.throwaway) rmSync(dir, { recursive: true, force: true });
    }
  }
  return work(url);
}
