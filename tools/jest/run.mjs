// Runs one project's Jest suite and records its JSON results in test-results/<name>.json,
// which .ci/run adds up into the final "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [name, projectRoot, ...rest] = process.argv.slice(2);
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
mkdirSync(join(root, 'test-results'), { recursive: true });
const jestBin = createRequire(import.meta.url).resolve('jest/bin/jest');
const args = [
  jestBin,
  '--config',
  join(root, projectRoot, 'jest.config.js'),
  '--json',
  '--outputFile',
  join(root, 'test-results', `${name}.json`),
  '--passWithNoTests',
  ...(process.env.CI ? ['--ci'] : []),
  ...rest,
];
if (name === 'search' && !process.env.MEILI_URL) {
  console.log(
    '\n*** SKIPPED: the Meilisearch run of the search engine contract suite (MEILI_URL is not set). ***\n',
  );
}
const result = spawnSync(process.execPath, args, { stdio: 'inherit', cwd: root });
process.exit(result.status ?? 1);
