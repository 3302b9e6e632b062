// Start-up benchmark (issue 8): `npm start` (node tools/start.mjs: build, embedded
// PostgreSQL, migrations, demo seed) on an empty DATA_DIR until the first answer to
// `{ __typename }` (cold), then a second start on the same DATA_DIR (warm). Each start is
// stopped with SIGINT; no postgres may outlive it.
// Run: SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register bench/startup.ts
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from '@resocc/core';
import { ROOT, log, onAbort, round, runScript, sleep } from './lib/common';
import { waitForGraphQL } from './lib/http';
import { API_NODE_FLAGS, type RunningChild, startChild } from './lib/processes';

export interface StartupResults {
  cold_s: number;
  warm_s: number;
  /** PostgreSQL servers still running for the DATA_DIR after a stop (must be 0; they are killed). */
  postgres_left_behind: number;
}

function postmastersFor(dataDir: string): number[] {
  const lines = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).split('\n');
  return lines
    .filter((line) => line.includes('postgres') && line.includes(dataDir))
    .map((line) => Number(line.trim().split(/\s+/)[0]))
    .filter((pid) => Number.isInteger(pid) && pid > 0 && pid !== process.pid);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Stops PostgreSQL servers left running for `dataDir`; returns how many there were. */
async function stopLeftovers(dataDir: string): Promise<number> {
  const pids = postmastersFor(dataDir);
  for (const pid of pids) process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100 && pids.some(alive); i++) await sleep(100);
  for (const pid of pids.filter(alive)) process.kill(pid, 'SIGKILL');
  return pids.length;
}

async function timedStart(dataDir: string, label: string): Promise<{ seconds: number; leftovers: number }> {
  const port = await findFreePort();
  const started = performance.now();
  let child: RunningChild | undefined;
  try {
    child = startChild({
      name: `npm start (${label})`,
      args: [...API_NODE_FLAGS, join(ROOT, 'tools', 'start.mjs')], // what npm start runs
      // What a newcomer has: no variables but PORT and DATA_DIR (development, embedded database).
      // WEB_PORT=off: the API's own start-up (the web app has its figures in bench/web.ts)
      env: {
        PATH: process.env['PATH'] ?? '',
        PORT: String(port),
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        WEB_PORT: 'off',
      },
    });
    const running = child;
    await waitForGraphQL(port, 180_000, running.alive, running.output);
    const seconds = (performance.now() - started) / 1000;
    const code = await running.stop(30_000);
    if (code !== 0) log(`startup: the ${label} start exited with code ${code}:\n${running.output()}`);
    const leftovers = await stopLeftovers(dataDir);
    if (leftovers > 0) log(`startup: WARNING ${leftovers} postgres process(es) outlived the ${label} start`);
    log(`startup: ${label} ${round(seconds, 2)} s`);
    return { seconds, leftovers };
  } finally {
    await child?.stop(10_000);
  }
}

export async function runStartupBench(): Promise<StartupResults> {
  const dataDir = mkdtempSync(join(tmpdir(), 'resocc-bench-startup-'));
  const cleanUp = async (): Promise<void> => {
    await stopLeftovers(dataDir);
    rmSync(dataDir, { recursive: true, force: true });
  };
  const unregister = onAbort(cleanUp);
  try {
    log(`startup: node tools/start.mjs on an empty DATA_DIR (${dataDir})`);
    const cold = await timedStart(dataDir, 'cold');
    const warm = await timedStart(dataDir, 'warm');
    return {
      cold_s: round(cold.seconds, 2),
      warm_s: round(warm.seconds, 2),
      postgres_left_behind: cold.leftovers + warm.leftovers,
    };
  } finally {
    unregister();
    await cleanUp();
  }
}

if (require.main === module) {
  runScript(async () => {
    const startup = await runStartupBench();
    console.log(JSON.stringify({ startup }, null, 2));
  });
}
