// `node apps/web/tools/codegen.mjs`: regenerates apps/web/src/gql from apps/api/schema.gql and
// the operations in apps/web/src. With --check it writes nothing and fails when the committed
// files differ from what the generator produces (stale after a schema or operation change).
import { generate } from '@graphql-codegen/cli';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import config from '../codegen.mjs';

const root = fileURLToPath(new URL('../../../', import.meta.url));
process.chdir(root);
const check = process.argv.includes('--check');

const outputs = await generate({ ...config, cwd: root }, !check);
if (!check) {
  console.log(`Generated ${outputs.length} files in apps/web/src/gql`);
  process.exit(0);
}
const stale = [];
const expected = new Set();
for (const { filename, content } of outputs) {
  const path = join(root, relative(root, filename));
  expected.add(path);
  if (!existsSync(path) || readFileSync(path, 'utf8') !== content) stale.push(relative(root, path));
}
const dir = join(root, 'apps/web/src/gql');
for (const name of existsSync(dir) ? readdirSync(dir) : []) {
  if (!expected.has(join(dir, name))) stale.push(`apps/web/src/gql/${name} (not generated any more)`);
}
if (stale.length > 0) {
  console.error(
    `Generated GraphQL code is stale: ${stale.join(', ')}.\nRun: node apps/web/tools/codegen.mjs (then commit apps/web/src/gql)`,
  );
  process.exit(1);
}
console.log(`apps/web/src/gql is up to date (${outputs.length} files)`);
