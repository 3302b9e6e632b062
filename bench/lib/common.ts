// Shared by every benchmark: quick mode, options, percentiles, clean-up on signals.
import { cpus, hostname, totalmem } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');

/** `BENCH_QUICK=1` or `--quick`: about 10,000 documents and 5-second runs. */
export function isQuick(argv: readonly string[] = process.argv): boolean {
  const flag = process.env['BENCH_QUICK'];
  return argv.includes('--quick') || (flag !== undefined && flag !== '' && flag !== '0' && flag !== 'false');
}

/** The value after `--name` (or in `--name=value`), if any. */
export function argValue(name: string, argv: readonly string[] = process.argv): string | undefined {
  const index = argv.indexOf(`--${name}`);
  if (index >= 0 && index + 1 < argv.length) return argv[index + 1];
  const inline = argv.find((a) => a.startsWith(`--${name}=`));
  return inline?.slice(name.length + 3);
}

export interface CorpusSize {
  posts: number;
  templates: number;
}

/** Default 100,000 posts + 10,000 templates; quick 9,091 + 909; `--docs N` (or BENCH_DOCS) splits N 10:1. */
export function corpusSize(quick: boolean, argv: readonly string[] = process.argv): CorpusSize {
  const raw = argValue('docs', argv) ?? process.env['BENCH_DOCS'];
  const total = raw !== undefined ? Number(raw) : quick ? 10_000 : 110_000;
  if (!Number.isInteger(total) || total < 100)
    throw new Error(`--docs must be a whole number >= 100, got ${raw}`);
  const posts = Math.round((total * 10) / 11);
  return { posts, templates: total - posts };
}

/** Run length of the throughput runs: 30 s, 5 s in quick mode, or BENCH_DURATION. */
export function runSeconds(quick: boolean): number {
  const raw = process.env['BENCH_DURATION'];
  if (raw !== undefined && raw !== '') {
    const value = Number(raw);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`BENCH_DURATION must be a positive number`);
    return value;
  }
  return quick ? 5 : 30;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Nearest-rank percentile of unsorted samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1];
}

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
}

export function percentiles(samples: readonly number[]): Percentiles {
  return {
    p50: round(percentile(samples, 50), 2),
    p95: round(percentile(samples, 95), 2),
    p99: round(percentile(samples, 99), 2),
  };
}

export function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

export function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

export interface MachineInfo {
  hostname: string;
  cores: number;
  cpu_model: string;
  memory_mb: number;
  node: string;
  platform: string;
}

export function machineInfo(): MachineInfo {
  const cpuList = cpus();
  return {
    hostname: hostname(),
    cores: cpuList.length,
    cpu_model: cpuList[0]?.model.trim() ?? 'unknown',
    memory_mb: Math.round(totalmem() / 1024 / 1024),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
}

// ---------------------------------------------------------------------------------------
// Clean-up: every child process and embedded PostgreSQL registers how to stop it, so that
// Ctrl-C (or SIGTERM) on the benchmark still stops them; try/finally does the rest.

type Cleanup = () => Promise<void> | void;
const cleanups = new Set<Cleanup>();
let signalled = false;

/** Registers `fn` to run on SIGINT/SIGTERM; returns the function that unregisters it. */
export function onAbort(fn: Cleanup): () => void {
  cleanups.add(fn);
  return () => cleanups.delete(fn);
}

async function abort(signal: NodeJS.Signals): Promise<void> {
  if (signalled) return;
  signalled = true;
  log(`${signal}: stopping child processes and databases`);
  for (const fn of [...cleanups].reverse()) {
    try {
      await fn();
    } catch (error) {
      log(`clean-up failed: ${describeError(error)}`);
    }
  }
  process.exit(130);
}

process.once('SIGINT', () => void abort('SIGINT'));
process.once('SIGTERM', () => void abort('SIGTERM'));

/** Runs `main` as a script: prints the error and exits 1 when it fails. */
export function runScript(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      log(`FAILED: ${describeError(error)}`);
      process.exit(1);
    },
  );
}
