// The API's V8 heap flags (apps/api/node-flags.json) are the same wherever it starts:
// npm start, the production image, and the benchmark (bench/lib/processes.ts reads the file).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');
const flags = JSON.parse(readFileSync(join(root, 'apps/api/node-flags.json'), 'utf8')) as string[];

describe('API heap flags', () => {
  it('bound the heap (old generation and young semi-spaces)', () => {
    expect(flags).toEqual([
      expect.stringMatching(/^--max-old-space-size=\d+$/),
      expect.stringMatching(/^--max-semi-space-size=\d+$/),
    ]);
  });

  it('are given by npm start', () => {
    const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(scripts['start']).toBe(`node ${flags.join(' ')} tools/start.mjs`);
  });

  it('are given by the production image', () => {
    const cmd = readFileSync(join(root, 'docker/Dockerfile'), 'utf8')
      .split('\n')
      .find((line) => line.startsWith('CMD '));
    expect(JSON.parse(cmd?.slice(4) ?? '[]')).toEqual([
      'node',
      '--enable-source-maps',
      ...flags,
      'dist/apps/api/src/main.js',
    ]);
  });
});
