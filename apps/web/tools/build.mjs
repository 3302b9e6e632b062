// Builds the web app (`next build`, Turbopack) unless the last build came from the same
// sources: `npm start` calls it on every start, so a fresh clone builds once (about 20 s)
// and later starts take no time. `--force` always builds.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('../../../', import.meta.url));
const app = join(root, 'apps/web');
const stamp = join(app, '.next', 'resocc-build.json');

function* walk(dir) {
  for (const entry of readdirSync(dir).sort()) {
    // what does not go into the build (tests, tool output) does not trigger one
    if (
      ['.next', 'node_modules', 'e2e', 'test-output', 'next-env.d.ts', 'playwright.config.ts'].includes(entry)
    )
      continue;
    if (entry.endsWith('.tsbuildinfo')) continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}

export function sourcesHash() {
  const hash = createHash('sha256');
  hash.update(`next ${require('next/package.json').version}\0`);
  for (const file of [...walk(app), join(root, 'package-lock.json')]) {
    hash
      .update(`${relative(root, file)}\0`)
      .update(readFileSync(file))
      .update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

export function buildWeb({ force = false, quiet = false } = {}) {
  const hash = sourcesHash();
  if (!force && existsSync(stamp) && existsSync(join(app, '.next', 'BUILD_ID'))) {
    try {
      if (JSON.parse(readFileSync(stamp, 'utf8')).hash === hash) return { built: false, hash };
    } catch {
      // unreadable stamp: build again
    }
  }
  const started = Date.now();
  if (!quiet) process.stderr.write('Construction du site web (next build, une vingtaine de secondes)...\n');
  const result = spawnSync(process.execPath, [require.resolve('next/dist/bin/next'), 'build', app], {
    cwd: root,
    stdio: quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status ?? result.signal})`);
  writeFileSync(stamp, `${JSON.stringify({ hash, builtAt: new Date().toISOString() })}\n`);
  return { built: true, hash, ms: Date.now() - started };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = buildWeb({ force: process.argv.includes('--force') });
  console.log(result.built ? `Web app built in ${result.ms} ms` : 'Web app is up to date');
}
