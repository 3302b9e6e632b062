// npm start: compile (about a second) and run the API in this process, so Ctrl-C
// reaches it directly and it can stop its embedded PostgreSQL cleanly. The API runs from
// the build folder this build produced (dist/builds/<id>), which later builds leave alone
// while this process runs (see tools/build.mjs).
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// In a child process: SWC's native binding and its memory stay out of the API's heap.
const output = execFileSync(process.execPath, [join(root, 'tools/build.mjs'), '--json'], {
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
});
const { main } = JSON.parse(output.trim().split('\n').pop());
process.setSourceMapsEnabled(true);
createRequire(import.meta.url)(main);
