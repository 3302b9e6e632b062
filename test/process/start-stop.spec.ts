// The API as a newcomer runs it: a real process on the embedded PostgreSQL, no variables
// but PORT and DATA_DIR, stopped with a signal.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from '@resocc/core';
import { buildApi } from '../support/api-process';

const ROOT = join(__dirname, '..', '..');
const MAIN = join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js');

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function start(env: Record<string, string>): Started {
  let output = '';
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function graphql(port: number, query: string): Promise<{ data?: Record<string, unknown> }> {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return (await res.json()) as { data?: Record<string, unknown> };
}

async function waitForAnswer(port: number, started: Started): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (started.child.exitCode !== null) throw new Error(`API exited early:\n${started.output()}`);
    try {
      const res = await graphql(port, '{ __typename }');
      if (res.data?.['__typename'] === 'Query') return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`API did not answer:\n${started.output()}`);
}

function postgresProcessesFor(dir: string): number {
  return execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes('postgres') && line.includes(dir)).length;
}

describe('npm start on the embedded database', () => {
  let dataDir: string;
  beforeAll(async () => {
    await buildApi();
    dataDir = mkdtempSync(join(tmpdir(), 'resocc-process-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts on an empty DATA_DIR, keeps its data across a restart and leaves no postgres behind', async () => {
    const port = await findFreePort();
    const first = start({ PORT: String(port), DATA_DIR: dataDir });
    await waitForAnswer(port, first);
    expect(first.output()).toContain(`http://localhost:${port}/graphql`);
    const before = await graphql(port, '{ themes { id } }');
    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);
    expect(postgresProcessesFor(dataDir)).toBe(0);

    const second = start({ PORT: String(port), DATA_DIR: dataDir });
    await waitForAnswer(port, second);
    const after = await graphql(port, '{ themes { id } }');
    expect(after.data?.['themes']).toEqual(before.data?.['themes']);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(postgresProcessesFor(dataDir)).toBe(0);
  });

  it('stops with a non-zero exit and names the variable when the configuration is bad', async () => {
    const bad = start({ PORT: 'abc', DATA_DIR: dataDir });
    expect(await bad.exited).not.toBe(0);
    expect(bad.output()).toContain('PORT');
    expect(postgresProcessesFor(dataDir)).toBe(0);
  });
});
