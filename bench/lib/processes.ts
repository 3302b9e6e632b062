// Child processes of the benchmarks: the real API (`node dist/apps/api/src/main.js`) and the
// raw baseline server, with their peak RSS; and a private copy of dist/ to run the API from.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, rmdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { findFreePort } from '@resocc/core';
import { ROOT, log, onAbort, sleep } from './common';
import { waitForGraphQL } from './http';

/** The V8 heap flags the API runs with in production (npm start and docker/Dockerfile too). */
export const API_NODE_FLAGS = JSON.parse(
  readFileSync(join(ROOT, 'apps', 'api', 'node-flags.json'), 'utf8'),
) as string[];

// ---------------------------------------------------------------------------------------
// dist/: others may rebuild it at any time (tests do), so the API runs from a private copy.

export interface DistCopy {
  /** Folder holding apps/ and libs/ (compiled), inside the repository so node_modules resolves. */
  readonly root: string;
  readonly main: string;
  remove(): void;
}

function countFiles(dir: string): number {
  let count = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    count += entry.isDirectory() ? countFiles(join(dir, entry.name)) : 1;
  }
  return count;
}

/** `node tools/build.mjs`, then copies dist/ to bench/.work/<pid>/dist (retried if a concurrent build races). */
export function prepareDist(): DistCopy {
  const target = join(ROOT, 'bench', '.work', String(process.pid));
  const root = join(target, 'dist');
  const remove = (): void => {
    rmSync(target, { recursive: true, force: true });
    try {
      rmdirSync(dirname(target)); // bench/.work, when no other run uses it
    } catch {
      // not empty, or already gone
    }
  };
  let lastError: unknown;
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      remove();
      // tools/build.mjs --json names the immutable build it made (dist/builds/<id>): copy that one.
      const out = execFileSync(process.execPath, [join(ROOT, 'tools', 'build.mjs'), '--json'], {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
        encoding: 'utf8',
      });
      const source = (JSON.parse(out.trim().split('\n').pop() ?? '{}') as { dir: string }).dir;
      const built = countFiles(source);
      mkdirSync(target, { recursive: true });
      cpSync(source, root, { recursive: true });
      const main = join(root, 'apps', 'api', 'src', 'main.js');
      if (!existsSync(main) || countFiles(root) !== built)
        throw new Error('dist/ changed while it was copied');
      onAbort(remove);
      return { root, main, remove };
    } catch (error) {
      lastError = error;
      log(`building dist/ failed (attempt ${attempt}): ${String(error)}`);
    }
  }
  remove();
  throw lastError;
}

// ---------------------------------------------------------------------------------------

function readStatusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

export interface ChildOptions {
  name: string;
  args: string[];
  env: Record<string, string>;
  cwd?: string;
}

export interface RunningChild {
  readonly name: string;
  readonly child: ChildProcess;
  readonly pid: number;
  alive(): boolean;
  /** The last 8 kB of stdout and stderr. */
  output(): string;
  /** Peak resident memory so far, in MB: the larger of VmHWM and the 100 ms samples of VmRSS. */
  peakRssMb(): number;
  /** SIGINT, then SIGKILL after `graceMs`; resolves with the exit code. */
  stop(graceMs?: number): Promise<number | null>;
}

export function startChild(options: ChildOptions): RunningChild {
  const child = spawn(process.execPath, options.args, {
    cwd: options.cwd ?? ROOT,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error(`could not start ${options.name}`);
  const pid = child.pid;
  let output = '';
  const append = (chunk: Buffer): void => {
    output = (output + chunk.toString('utf8')).slice(-8192);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let peakKb = 0;
  const sample = (): void => {
    const rss = readStatusKb(pid, 'VmRSS');
    const hwm = readStatusKb(pid, 'VmHWM');
    peakKb = Math.max(peakKb, rss ?? 0, hwm ?? 0);
  };
  const sampler = setInterval(sample, 100);
  sampler.unref();
  const alive = (): boolean => child.exitCode === null && child.signalCode === null;
  let stopping: Promise<number | null> | undefined;
  const stop = (graceMs = 20_000): Promise<number | null> => {
    stopping ??= (async () => {
      if (alive()) sample();
      clearInterval(sampler);
      if (alive()) {
        child.kill('SIGINT');
        const timer = setTimeout(() => {
          log(`${options.name} (pid ${pid}) did not stop within ${graceMs} ms: SIGKILL`);
          child.kill('SIGKILL');
        }, graceMs);
        const code = await exited;
        clearTimeout(timer);
        return code;
      }
      return child.exitCode;
    })();
    return stopping;
  };
  const unregister = onAbort(async () => {
    await stop(5000);
  });
  void exited.then(() => unregister());
  // A benchmark that exits without stop() still takes its children down.
  const killOnExit = (): void => {
    if (alive()) child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  void exited.then(() => process.removeListener('exit', killOnExit));
  return {
    name: options.name,
    child,
    pid,
    alive,
    output: () => output,
    peakRssMb: () => {
      if (alive()) sample();
      return Math.round(peakKb / 1024);
    },
    stop,
  };
}

export interface ApiProcess extends RunningChild {
  readonly port: number;
}

export interface ApiProcessOptions {
  dist: DistCopy;
  databaseUrl: string;
  /** Writes a V8 CPU profile (`--cpu-prof`) into this folder when the process exits. */
  cpuProfileDir?: string;
}

/** The real API process on an existing database: NODE_ENV=production, LOG_LEVEL=warn, no seeding. */
export async function startApiProcess(options: ApiProcessOptions): Promise<ApiProcess> {
  const port = await findFreePort();
  const dataDir = join(tmpdir(), `resocc-bench-api-${process.pid}-${port}`);
  // The heap flags production starts the API with (npm start, docker/Dockerfile).
  const args = [
    ...API_NODE_FLAGS,
    ...(options.cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', options.cpuProfileDir] : []),
    options.dist.main,
  ];
  const running = startChild({
    name: 'API',
    args,
    env: {
      PATH: process.env['PATH'] ?? '',
      NODE_ENV: 'production',
      // Required in production; nothing is e-mailed during a benchmark.
      SMTP_URL: 'smtp://127.0.0.1:9',
      JWT_SECRET: randomBytes(32).toString('base64url'),
      DATABASE_URL: options.databaseUrl,
      DATA_DIR: dataDir,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'false',
    },
  });
  try {
    await waitForGraphQL(port, 60_000, running.alive, running.output);
  } catch (error) {
    await running.stop(5000);
    throw error;
  }
  return { ...running, port };
}

/** Stops a child and waits a moment so that its port and memory are released. */
export async function stopQuietly(child: RunningChild | undefined): Promise<void> {
  if (!child) return;
  await child.stop();
  await sleep(200);
}
