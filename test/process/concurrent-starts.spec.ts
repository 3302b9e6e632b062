// Several `npm start` from one checkout: a build never pulls the files from under another
// process, and two instances never share (or stop) one embedded database.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from '@resocc/core';
import {
  type Started,
  graphql,
  npmRunBuild,
  npmStart,
  postgresProcessesFor,
  stop,
  waitForAnswer,
} from './processes';

async function twoFreePorts(): Promise<[number, number]> {
  const first = await findFreePort();
  for (;;) {
    const second = await findFreePort();
    if (second !== first) return [first, second];
  }
}

async function themes(port: number): Promise<unknown> {
  const res = await graphql(port, '{ themes { slug } }');
  return res.errors ?? res.data?.['themes'];
}

describe('two npm start from one checkout', () => {
  const dirs: string[] = [];
  const running: Started[] = [];
  const dataDir = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'resocc-concurrent-'));
    dirs.push(dir);
    return dir;
  };

  afterEach(async () => {
    await Promise.all(running.splice(0).map((started) => stop(started, 'SIGKILL')));
  });
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('both serve on their own PORT and DATA_DIR, while npm run build runs again and again meanwhile', async () => {
    const [portA, portB] = await twoFreePorts();
    const [dirA, dirB] = [dataDir(), dataDir()];
    const a = npmStart({ PORT: String(portA), DATA_DIR: dirA });
    const b = npmStart({ PORT: String(portB), DATA_DIR: dirB });
    running.push(a, b);
    const builds = (async () => {
      const results: { code: number; output: string }[] = [];
      for (let i = 0; i < 8; i++) results.push(await npmRunBuild());
      return results;
    })();

    try {
      await Promise.all([waitForAnswer(portA, a, 120_000), waitForAnswer(portB, b, 120_000)]);
    } finally {
      await builds; // none left running into the next test
    }
    for (const result of await builds) expect(result).toEqual({ code: 0, output: expect.any(String) });
    const [seenA, seenB] = [await themes(portA), await themes(portB)];
    expect(Array.isArray(seenA) && seenA.length > 0).toBe(true);
    expect(seenB).toEqual(seenA);

    expect(await stop(a)).toBe(0);
    expect(await stop(b)).toBe(0);
    expect(postgresProcessesFor(dirA) + postgresProcessesFor(dirB)).toBe(0);
  }, 240_000);

  it('a second start on the same DATA_DIR stops at once, in French and naming the folder, and leaves the first its database', async () => {
    const [portA, portB] = await twoFreePorts();
    const dir = dataDir();
    const first = npmStart({ PORT: String(portA), DATA_DIR: dir });
    running.push(first);
    await waitForAnswer(portA, first, 120_000);
    const before = await themes(portA);

    const startedAt = Date.now();
    const second = npmStart({ PORT: String(portB), DATA_DIR: dir });
    running.push(second);
    const code = await Promise.race([
      second.exited,
      new Promise<string>((r) => setTimeout(() => r('still running after 30 s'), 30_000)),
    ]);
    expect(code).toBe(1);
    expect(Date.now() - startedAt).toBeLessThan(30_000);
    expect(second.output()).toContain(`Le dossier de données ${dir} est déjà utilisé`);

    expect(first.child.exitCode).toBeNull();
    expect(await themes(portA)).toEqual(before);
    expect(await stop(first)).toBe(0);
    expect(postgresProcessesFor(dir)).toBe(0);
  }, 240_000);
});
