// One-shot migration runner for the production image (the compose "migrate" service):
// applies pending migrations as the owner role (MIGRATION_DATABASE_URL), then grants the
// API's role (the user DATABASE_URL names) its runtime rights, and exits.
// Once, for a database migrated before the roles existed, DATABASE_ADMIN_URL (a superuser)
// hands it and everything in it to the owner first (see the README, « Rôles PostgreSQL »).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { Client } = require('pg');
const {
  runMigrations,
  transferOwnership,
  userOf,
} = require('/app/dist/libs/core/src/database/data-source.js');

const ownerUrl = process.env.MIGRATION_DATABASE_URL;
const appUrl = process.env.DATABASE_URL;
const adminUrl = process.env.DATABASE_ADMIN_URL;
if (!ownerUrl || !appUrl) {
  console.error(
    "MIGRATION_DATABASE_URL (the owner role) and DATABASE_URL (the API's role) are both required",
  );
  process.exit(1);
}
const owner = userOf(ownerUrl);
const appRole = userOf(appUrl);
if (appRole === owner) {
  console.error("DATABASE_URL must name the API's own role, not the owner (MIGRATION_DATABASE_URL's user)");
  process.exit(1);
}

async function takeOver() {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await transferOwnership(admin, owner);
  } finally {
    await admin.end();
  }
  console.log(`The database and its objects now belong to ${owner}.`);
}

(adminUrl ? takeOver() : Promise.resolve())
  .then(() => runMigrations(ownerUrl, { appRole }))
  .then((applied) => {
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'No pending migration.');
    console.log(`Runtime rights granted to ${appRole}.`);
    process.exit(0);
  })
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
