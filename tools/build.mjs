// Compiles the API and the libraries with SWC into dist/ (CommonJS), rewriting the
// @resocc/* path aliases to relative requires. Takes about a second.
import { transformFile } from '@swc/core';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist');
const swcrc = JSON.parse(readFileSync(join(root, '.swcrc'), 'utf8'));
delete swcrc.$schema;
const tsconfig = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8'));

const sources = [
  'apps/api/src',
  'libs/core/src',
  'libs/members/src',
  'libs/content/src',
  'libs/moderation/src',
  'libs/search/src',
];

function* walk(dir) {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      if (entry === 'testing') continue;
      yield* walk(path);
    } else if (
      entry.endsWith('.ts') &&
      !entry.endsWith('.spec.ts') &&
      !entry.endsWith('.d.ts') &&
      entry !== 'testing.ts'
    ) {
      yield path;
    }
  }
}

const started = Date.now();
rmSync(out, { recursive: true, force: true });
let count = 0;
await Promise.all(
  sources.flatMap((source) =>
    [...walk(join(root, source))].map(async (file) => {
      const { code, map } = await transformFile(file, {
        ...swcrc,
        swcrc: false,
        filename: file,
        sourceMaps: true,
        jsc: { ...swcrc.jsc, baseUrl: root, paths: tsconfig.compilerOptions.paths },
      });
      const target = join(out, relative(root, file)).replace(/\.ts$/, '.js');
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, `${code}\n//# sourceMappingURL=${target.split('/').pop()}.map\n`);
      if (map) writeFileSync(`${target}.map`, map);
      count++;
    }),
  ),
);
console.log(`Built ${count} files into dist/ in ${Date.now() - started} ms`);
