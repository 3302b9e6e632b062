// The API as a newcomer runs it, for the process suites: `npm start` (tools/start.mjs with
// the heap flags of apps/api/node-flags.json) or the built entry, with no variables but
// PORT and DATA_DIR (and WEB_PORT=off unless a test sets it), spoken to over 127.0.0.1.
import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
export const MAIN = join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js');
const NODE_FLAGS = JSON.parse(readFileSync(join(ROOT, 'apps', 'api', 'node-flags.json'), 'utf8')) as string[];

export interface Started {
  readonly child: ChildProcess;
  readonly pid: number;
  output(): string;
  readonly exited: Promise<number | null>;
}

function spawnNode(args: string[], env: Record<string, string>): Started {
  let output = '';
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    // WEB_PORT=off: these suites are about the API's process; the web app's start has its own test.
    env: { PATH: process.env['PATH'] ?? '', LOG_LEVEL: 'warn', WEB_PORT: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, pid: child.pid ?? -1, output: () => output, exited };
}

/** `npm start`: builds, then runs the API in the same process. */
export function npmStart(env: Record<string, string>): Started {
  return spawnNode([...NODE_FLAGS, join(ROOT, 'tools', 'start.mjs')], env);
}

/** `node dist/apps/api/src/main.js`: the built API, as the image and the fault suites run it. */
export function startBuilt(env: Record<string, string>): Started {
  return spawnNode([MAIN], env);
}

/** `npm run build`, resolving with its exit code and output. */
export function npmRunBuild(): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(ROOT, 'tools', 'build.mjs')], { cwd: ROOT }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr }),
    );
  });
}

export async function graphql(
  port: number,
  query: string,
): Promise<{ data?: Record<string, unknown>; errors?: unknown[] }> {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
    signal: AbortSignal.timeout(10_000),
  });
  return (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
}

export async function waitForAnswer(port: number, started: Started, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
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

/** Sends `signal` unless the process has ended, and resolves with its exit code. */
export async function stop(started: Started, signal: NodeJS.Signals = 'SIGINT'): Promise<number | null> {
  if (started.child.exitCode === null && started.child.signalCode === null) started.child.kill(signal);
  return started.exited;
}

export function postgresProcessesFor(dir: string): number {
  return execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes('postgres') && line.includes(dir)).length;
}
