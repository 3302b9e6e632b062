import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { type RunningPostgres, startEmbeddedPostgres } from './embedded-postgres';

const ROOT = join(__dirname, '..', '..', '..', '..');

function postgresProcessesFor(dir: string): number {
  const out = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
  return out.split('\n').filter((line) => line.includes('postgres') && line.includes(dir)).length;
}

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function waitUntilGone(pid: number): Promise<void> {
  for (let i = 0; i < 300 && alive(pid); i++) await new Promise((r) => setTimeout(r, 50));
}

function postmasterPid(dir: string): number {
  return Number(readFileSync(join(dir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
}

/** Another process (as an API would be) that runs the embedded PostgreSQL on `dir`. */
interface Launcher {
  child: ChildProcess;
  url: string;
}

const LAUNCHER = `
const { startEmbeddedPostgres } = require(${JSON.stringify(join(__dirname, 'embedded-postgres.ts'))});
startEmbeddedPostgres({ dataDir: process.argv[1] }).then(
  (pg) => {
    process.stdout.write(JSON.stringify({ url: pg.url }) + '\\n');
    process.on('SIGTERM', () => void pg.stop().then(() => process.exit(0)));
    setInterval(() => undefined, 1000);
  },
  (error) => {
    process.stderr.write(String(error) + '\\n');
    process.exit(1);
  },
);`;

async function launchElsewhere(dir: string, children: ChildProcess[]): Promise<Launcher> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', '-e', LAUNCHER, dir], {
    cwd: ROOT,
    env: { ...process.env, SWC_NODE_PROJECT: join(ROOT, 'tsconfig.base.json') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  let err = '';
  child.stderr?.on('data', (c: Buffer) => (err += c.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line && out.includes('\n')) resolve((JSON.parse(line) as { url: string }).url);
    });
    child.once('exit', (code) => reject(new Error(`launcher exited (${code}): ${err}`)));
  });
  return { child, url };
}

describe('embedded PostgreSQL', () => {
  const dirs: string[] = [];
  const children: ChildProcess[] = [];
  const servers: RunningPostgres[] = [];
  const freshDir = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'resocc-embedded-'));
    dirs.push(dir);
    return dir;
  };
  /** A data folder with an initialised cluster and no server running. */
  const initialisedDir = async (): Promise<string> => {
    const dir = freshDir();
    await (await startEmbeddedPostgres({ dataDir: dir })).stop();
    return dir;
  };

  afterEach(async () => {
    for (const server of servers.splice(0)) await server.stop();
    for (const child of children.splice(0)) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
    }
  });
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('keeps its data across restarts and leaves no process behind when stopped', async () => {
    const dir = freshDir();
    const first = await startEmbeddedPostgres({ dataDir: dir });
    await query(first.url, `CREATE TABLE kept (v text); INSERT INTO kept VALUES ('bonjour')`);
    await first.stop();
    expect(postgresProcessesFor(dir)).toBe(0);

    const second = await startEmbeddedPostgres({ dataDir: dir });
    expect(await query<{ v: string }>(second.url, 'SELECT v FROM kept')).toEqual([{ v: 'bonjour' }]);
    await second.stop();
    expect(postgresProcessesFor(dir)).toBe(0);
  });

  it('uses UTF-8 and a locale in which French text search works', async () => {
    const pg = await startEmbeddedPostgres({ dataDir: freshDir() });
    servers.push(pg);
    const [row] = await query<{ enc: string; ts: string }>(
      pg.url,
      `SELECT pg_encoding_to_char(encoding) AS enc, to_tsvector('french', 'Les clauses sociales')::text AS ts
       FROM pg_database WHERE datname = current_database()`,
    );
    expect(row.enc).toBe('UTF8');
    expect(row.ts).toContain("'claus'");
  });

  it('leaves alone an unrelated process that a stale postmaster.pid names, and starts', async () => {
    const dir = await initialisedDir();
    const sleeper = spawn('sleep', ['1000'], { stdio: 'ignore' });
    children.push(sleeper);
    const pid = sleeper.pid ?? -1;
    writeFileSync(
      join(dir, 'postgres', 'postmaster.pid'),
      `${pid}\n${join(dir, 'postgres')}\n1700000000\n5432\n\n127.0.0.1\n  1234567  7\nready   \n`,
    );

    const pg = await startEmbeddedPostgres({ dataDir: dir });
    servers.push(pg);
    expect(await query<{ one: number }>(pg.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    expect(sleeper.exitCode).toBeNull();
    expect(sleeper.signalCode).toBeNull();
    expect(alive(pid)).toBe(true);
    expect(readFileSync(`/proc/${pid}/cmdline`, 'utf8')).toContain('sleep');
  });

  it('clears a postmaster.pid whose process has ended, and starts', async () => {
    const dir = await initialisedDir();
    const gone = spawn('true', [], { stdio: 'ignore' });
    await new Promise((r) => gone.once('exit', r));
    writeFileSync(join(dir, 'postgres', 'postmaster.pid'), `${gone.pid ?? -1}\n${join(dir, 'postgres')}\n`);

    const pg = await startEmbeddedPostgres({ dataDir: dir });
    servers.push(pg);
    expect(await query<{ one: number }>(pg.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });

  it('refuses at once, in French and naming the folder, to start on a folder whose server runs, and leaves that server serving', async () => {
    const dir = freshDir();
    const first = await launchElsewhere(dir, children);
    const firstPostmaster = postmasterPid(dir);
    await query(first.url, `CREATE TABLE kept (v text); INSERT INTO kept VALUES ('premier')`);

    const started = Date.now();
    await expect(startEmbeddedPostgres({ dataDir: dir })).rejects.toThrow(
      new RegExp(`^Le dossier de données ${dir} est déjà utilisé`),
    );
    expect(Date.now() - started).toBeLessThan(2000);

    expect(alive(firstPostmaster)).toBe(true);
    expect(postmasterPid(dir)).toBe(firstPostmaster);
    expect(await query<{ v: string }>(first.url, 'SELECT v FROM kept')).toEqual([{ v: 'premier' }]);
  });

  it('refuses to stop a server of this folder that a live program started without claiming the folder', async () => {
    const dir = freshDir();
    const first = await launchElsewhere(dir, children);
    const firstPostmaster = postmasterPid(dir);
    rmSync(join(dir, 'postgres.owner'));

    await expect(startEmbeddedPostgres({ dataDir: dir })).rejects.toThrow(
      new RegExp(
        `Un serveur PostgreSQL \\(processus ${firstPostmaster}\\) tourne déjà sur le dossier de données ${dir}`,
      ),
    );
    expect(alive(firstPostmaster)).toBe(true);
    expect(await query<{ one: number }>(first.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });

  it('stops the server that a launcher killed with SIGKILL left behind, then starts', async () => {
    const dir = freshDir();
    const first = await launchElsewhere(dir, children);
    const orphan = postmasterPid(dir);
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));
    expect(alive(orphan)).toBe(true);

    const again = await startEmbeddedPostgres({ dataDir: dir });
    servers.push(again);
    expect(await query<{ one: number }>(again.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    await waitUntilGone(orphan);
    expect(existsSync(`/proc/${orphan}`)).toBe(false);
    await again.stop();
    expect(postgresProcessesFor(dir)).toBe(0);
  });

  it('lets the folder be used again once its server has stopped', async () => {
    const dir = freshDir();
    const first = await startEmbeddedPostgres({ dataDir: dir });
    await expect(startEmbeddedPostgres({ dataDir: dir })).rejects.toThrow(/est déjà utilisé/);
    await first.stop();
    expect(existsSync(join(dir, 'postgres.owner'))).toBe(false);
    const second = await startEmbeddedPostgres({ dataDir: dir });
    servers.push(second);
    expect(await query<{ one: number }>(second.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });
});
