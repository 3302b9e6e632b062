// One-shot migration runner for the production image (the compose "migrate" service):
// applies pending migrations to DATABASE_URL and exits.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { runMigrations } = require('/app/dist/libs/core/src/database/data-source.js');

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is required');
  process.exit(1);
}
runMigrations(url)
  .then((applied) => {
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'No pending migration.');
    process.exit(0);
  })
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
