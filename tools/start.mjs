// npm start: compile (about a second) and run the API in this process, so Ctrl-C
// reaches it directly and it can stop its embedded PostgreSQL cleanly.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
execFileSync(process.execPath, [join(root, 'tools/build.mjs')], { stdio: ['ignore', 'ignore', 'inherit'] });
process.setSourceMapsEnabled(true);
createRequire(import.meta.url)(join(root, 'dist/apps/api/src/main.js'));
