// npm run schema:generate — rewrites apps/api/schema.gql from the code (through its test).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const result = spawnSync(
  process.execPath,
  [join(__dirname, 'jest', 'run.mjs'), 'api', 'apps/api', '--testPathPatterns', 'schema.spec'],
  { stdio: 'inherit', env: { ...process.env, UPDATE_SCHEMA: '1' }, cwd: join(__dirname, '..') },
);
process.exit(result.status ?? 1);
