// dist/ as tools/build.mjs keeps it: immutable builds under dist/builds, a `current` pointer
// swapped atomically, leases that keep a build while a process runs it, one build lock.
import { type ChildProcess, spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findFreePort } from '@resocc/core';
import { ROOT, type Started, graphql, npmRunBuild, startBuilt, stop, waitForAnswer } from './processes';

const DIST = join(ROOT, 'dist');
const BUILDS = join(DIST, 'builds');
const LOCK = join(DIST, '.lock');
const DAY_AGO = new Date(Date.now() - 24 * 3600_000);

/** A node process of the test's own; resolves once it has written `ready` on stdout. */
async function nodeProcess(args: string[], children: ChildProcess[]): Promise<ChildProcess> {
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  let err = '';
  child.stderr?.on('data', (c: Buffer) => (err += c.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`exited (${code}) before ready: ${err}`)));
  });
  return child;
}

/** A build folder made by hand, last made current a day ago, with the lease module every build has. */
function fakeBuild(name: string): string {
  const dir = join(BUILDS, name);
  mkdirSync(join(dir, '.leases'), { recursive: true });
  copyFileSync(join(ROOT, 'tools', 'dist-lease.cjs'), join(dir, 'lease.js'));
  return dir;
}

function exitedPid(): Promise<number> {
  const gone = spawn('true', [], { stdio: 'ignore' });
  return new Promise((resolve) => gone.once('exit', () => resolve(gone.pid ?? -1)));
}

describe('dist/ builds', () => {
  const children: ChildProcess[] = [];
  const apis: Started[] = [];
  const made: string[] = [];

  afterEach(async () => {
    await Promise.all(apis.splice(0).map((api) => stop(api, 'SIGKILL')));
    for (const child of children.splice(0)) child.kill('SIGKILL');
    for (const path of made.splice(0)) rmSync(path, { recursive: true, force: true });
  });

  it('keeps the builds that live processes run, and removes those that nothing runs', async () => {
    expect((await npmRunBuild()).code).toBe(0);
    const port = await findFreePort();
    const dataDir = mkdtempSync(join(tmpdir(), 'resocc-builds-'));
    made.push(dataDir);
    const api = startBuilt({ PORT: String(port), DATA_DIR: dataDir });
    apis.push(api);
    await waitForAnswer(port, api, 120_000);
    const own = realpathSync(join(DIST, 'current'));
    const ownLease = join(own, '.leases', String(api.pid));
    expect(existsSync(ownLease)).toBe(true);

    const tag = Math.random().toString(36).slice(2, 8);
    const held = fakeBuild(`test-held-${tag}`);
    const reused = fakeBuild(`test-reused-${tag}`);
    const dead = fakeBuild(`test-dead-${tag}`);
    const unused = fakeBuild(`test-unused-${tag}`);
    const recent = fakeBuild(`test-recent-${tag}`);
    made.push(held, reused, dead, unused, recent);
    // A process running the build `held`, as the entry of a real build registers itself.
    const runner = await nodeProcess(
      [
        '-e',
        `require(${JSON.stringify(join(held, 'lease.js'))}).register(); console.log('ready'); setInterval(() => {}, 1000)`,
      ],
      children,
    );
    // Its pid in a lease of another start time: a reused pid holds nothing.
    writeFileSync(
      join(reused, '.leases', String(runner.pid)),
      JSON.stringify({ pid: runner.pid, startTime: '1' }),
    );
    const gone = await exitedPid();
    writeFileSync(join(dead, '.leases', String(gone)), JSON.stringify({ pid: gone }));
    for (const dir of [held, reused, dead, unused]) utimesSync(dir, DAY_AGO, DAY_AGO);

    const result = await npmRunBuild();
    expect(result.code).toBe(0);
    expect({
      held: existsSync(held),
      recent: existsSync(recent),
      own: existsSync(own),
      reused: existsSync(reused),
      dead: existsSync(dead),
      unused: existsSync(unused),
    }).toEqual({ held: true, recent: true, own: true, reused: false, dead: false, unused: false });

    expect((await graphql(port, '{ __typename }')).data?.['__typename']).toBe('Query');
    expect(await stop(api)).toBe(0);
    expect(existsSync(ownLease)).toBe(false);
  }, 240_000);

  const holdLock = (ms: number): string[] => [
    '--input-type=module',
    '-e',
    `import { withBuildLock } from ${JSON.stringify(pathToFileURL(join(ROOT, 'tools', 'build.mjs')).href)};
     await withBuildLock(async () => { console.log('ready'); await new Promise((r) => setTimeout(r, ${ms})); });
     console.log('released');`,
  ];

  it('npm run build waits while another process holds the build lock', async () => {
    const holder = await nodeProcess(holdLock(3000), children);
    let released = false;
    holder.stdout?.on('data', (c: Buffer) => (released ||= c.toString().includes('released')));
    const result = await npmRunBuild();
    expect(result.code).toBe(0);
    expect(released).toBe(true);
  }, 120_000);

  it('npm run build takes over the lock of a builder that was killed while holding it', async () => {
    const holder = await nodeProcess(holdLock(600_000), children);
    const owner = JSON.parse(readFileSync(join(LOCK, 'owner.json'), 'utf8')) as { pid: number };
    expect(owner.pid).toBe(holder.pid);
    holder.kill('SIGKILL');
    await new Promise((r) => holder.once('exit', r));

    const startedAt = Date.now();
    expect((await npmRunBuild()).code).toBe(0);
    expect(Date.now() - startedAt).toBeLessThan(30_000);
  }, 120_000);
});
