// npm run migration:run — applies pending migrations to DATABASE_URL (or the embedded database in DATA_DIR).
import { runMigrations } from '@resocc/core';
import { withDatabase } from './db';

withDatabase(async (url) => {
  const applied = await runMigrations(url);
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'No pending migration.');
}).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
