// npm run migration:run — applies pending migrations as the owner role (MIGRATION_DATABASE_URL,
// or the embedded database in DATA_DIR), then grants the API's role (DATABASE_URL's user) its
// runtime rights.
import { runMigrations } from '@resocc/core';
import { withDatabase } from './db';

withDatabase(async (url, { appRole }) => {
  const applied = await runMigrations(url, { appRole });
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'No pending migration.');
  if (appRole) console.log(`Runtime rights granted to ${appRole}.`);
}).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
