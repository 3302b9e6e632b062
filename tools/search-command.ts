// npm run search:reindex | npm run search:verify
// Acts on DATABASE_URL (and MEILI_URL when set), or on the embedded database in DATA_DIR.
import { createLogger, loadConfig, runMigrations } from '@resocc/core';
import { SearchAdmin, SearchIndexer } from '@resocc/search';
import { createApp } from '../apps/api/src/bootstrap';
import { withDatabase } from './db';

const command = process.argv[2];
if (command !== 'reindex' && command !== 'verify') {
  console.error('Usage: search-command.ts reindex|verify');
  process.exit(2);
}

withDatabase(async (url) => {
  const config = loadConfig();
  if (!config.databaseUrl) await runMigrations(url);
  const app = await createApp({ config, logger: createLogger('warn'), databaseUrl: url });
  try {
    const admin = app.get(SearchAdmin);
    if (command === 'reindex') {
      const started = Date.now();
      const { documents } = await admin.reindex();
      console.log(`Reindexed ${documents} documents in ${Date.now() - started} ms.`);
      return 0;
    }
    await app.get(SearchIndexer).drain();
    let differences = 0;
    for (const report of await admin.verify()) {
      const count = report.missing.length + report.stale.length + report.extra.length;
      differences += count;
      console.log(
        `${report.engine}: ${count === 0 ? 'index matches the database' : `${count} difference(s)`}`,
      );
      for (const key of report.missing) console.log(`  missing  ${key}`);
      for (const key of report.stale) console.log(`  stale    ${key}`);
      for (const key of report.extra) console.log(`  extra    ${key}`);
    }
    const dead = await admin.deadLetters();
    if (dead.length > 0) {
      console.log(`dead letters: ${dead.length} document(s) the engine kept refusing (npm run search:reindex retries them)`);
      for (const letter of dead)
        console.log(`  dead     ${letter.key} after ${letter.attempts} attempts: ${letter.lastError ?? ''}`);
    }
    return differences === 0 && dead.length === 0 ? 0 : 1;
  } finally {
    await app.close();
  }
})
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
