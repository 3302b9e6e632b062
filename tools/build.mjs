// Compiles the API and the libraries with SWC (CommonJS), rewriting the @resocc/* path
// aliases to relative requires. Takes about a second.
//
// A build never changes files that a running process may load. Layout of dist/:
//   builds/<id>/     one build, immutable once in place; <id> is a hash of everything that
//                    goes into it, so the same sources give the same folder
//   current          symlink to builds/<id>, swapped atomically (rename) after each build
//   apps, libs       fixed symlinks into current/, so dist/apps/api/src/main.js is the entry
//   .lock/           the build lock, shared by npm start, npm run build and the tests
// Node resolves the entry's symlinks, so a process loads every module from the one build it
// started on. Each process records a lease in its build (tools/dist-lease.cjs); a build is
// removed only when it is not current, no live process holds a lease on it, and it was
// last made current more than GRACE_MS ago.
//
// `node tools/build.mjs [--json]`; --json prints {id, dir, main, built, files, ms} on stdout.
import { transformFile } from '@swc/core';
import { createHash, randomBytes } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { leaseHeld, leaseText, processAlive } = require('./dist-lease.cjs');

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = join(root, 'dist');
const BUILDS = join(DIST, 'builds');
const CURRENT = join(DIST, 'current');
const LOCK = join(DIST, '.lock');
const ENTRY = 'apps/api/src/main.js';
/** A build made current this recently is kept: its process may not have taken its lease yet. */
const GRACE_MS = 10 * 60_000;
const LOCK_WAIT_MS = 5 * 60_000;

const sources = [
  'apps/api/src',
  'libs/shared/src',
  'libs/core/src',
  'libs/members/src',
  'libs/content/src',
  'libs/moderation/src',
  'libs/search/src',
];

function* walk(dir) {
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      if (entry === 'testing') continue;
      yield* walk(path);
    } else if (
      entry.endsWith('.ts') &&
      !entry.endsWith('.spec.ts') &&
      !entry.endsWith('.d.ts') &&
      entry !== 'testing.ts'
    ) {
      yield path;
    }
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ------------------------------------------------------------------------------ lock

/** The lock is a folder (mkdir is atomic) holding the owner's lease; a dead owner's lock is taken over. */
function tryLock() {
  try {
    mkdirSync(LOCK);
  } catch (error) {
    if (error.code !== 'EEXIST') throw error;
    const owner = join(LOCK, 'owner.json');
    // A lock without owner.json is being taken right now, unless it has been like that for long.
    const abandoned = existsSync(owner) ? !leaseHeld(owner) : Date.now() - statSync(LOCK).mtimeMs > 10_000;
    if (abandoned) {
      const aside = `${LOCK}.stale-${randomBytes(4).toString('hex')}`;
      try {
        renameSync(LOCK, aside);
        rmSync(aside, { recursive: true, force: true });
      } catch {
        // another waiter took it over first
      }
    }
    return undefined;
  }
  const text = leaseText();
  writeFileSync(join(LOCK, 'owner.json'), text);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    try {
      if (readFileSync(join(LOCK, 'owner.json'), 'utf8') === text)
        rmSync(LOCK, { recursive: true, force: true });
    } catch {
      // already gone
    }
  };
  process.once('exit', release);
  return release;
}

/** Runs `work` holding the build lock of this checkout. */
export async function withBuildLock(work) {
  mkdirSync(DIST, { recursive: true });
  const deadline = Date.now() + LOCK_WAIT_MS;
  let release;
  while (!(release = tryLock())) {
    if (Date.now() > deadline) {
      let holder = 'inconnu';
      try {
        holder = String(JSON.parse(readFileSync(join(LOCK, 'owner.json'), 'utf8')).pid);
      } catch {
        // unreadable
      }
      throw new Error(
        `Le verrou de construction ${LOCK} est tenu depuis plus de ${LOCK_WAIT_MS / 60_000} minutes ` +
          `(processus ${holder}) : attendez la fin de cette construction, ou supprimez ce dossier si ce processus n'existe plus.`,
      );
    }
    await sleep(100);
  }
  try {
    return await work();
  } finally {
    release();
  }
}

// ------------------------------------------------------------------------------ build

function buildId(files) {
  const hash = createHash('sha256');
  hash.update(`swc ${require('@swc/core/package.json').version}\0`);
  const lease = join(root, 'tools', 'dist-lease.cjs');
  for (const file of [
    fileURLToPath(import.meta.url),
    lease,
    join(root, '.swcrc'),
    join(root, 'tsconfig.base.json'),
  ]) {
    hash
      .update(`${relative(root, file)}\0`)
      .update(readFileSync(file))
      .update('\0');
  }
  for (const file of files)
    hash
      .update(`${relative(root, file)}\0`)
      .update(readFileSync(file))
      .update('\0');
  return hash.digest('hex').slice(0, 16);
}

async function compile(files, out) {
  const swcrc = JSON.parse(readFileSync(join(root, '.swcrc'), 'utf8'));
  delete swcrc.$schema;
  const tsconfig = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8'));
  await Promise.all(
    files.map(async (file) => {
      const { code, map } = await transformFile(file, {
        ...swcrc,
        swcrc: false,
        filename: file,
        sourceMaps: true,
        jsc: { ...swcrc.jsc, baseUrl: root, paths: tsconfig.compilerOptions.paths },
      });
      const name = relative(root, file).replace(/\.ts$/, '.js');
      const target = join(out, name);
      mkdirSync(dirname(target), { recursive: true });
      // The entry takes its lease after the module body, so the source map's lines stay right.
      const lease =
        name === ENTRY ? `require(${JSON.stringify(relative(dirname(name), 'lease.js'))}).register();\n` : '';
      writeFileSync(target, `${code}\n${lease}//# sourceMappingURL=${target.split('/').pop()}.map\n`);
      if (map) writeFileSync(`${target}.map`, map);
    }),
  );
  copyFileSync(join(root, 'tools', 'dist-lease.cjs'), join(out, 'lease.js'));
}

/** Points `link` at `target` by renaming a fresh symlink over it (atomic for readers). */
function pointAt(link, target) {
  try {
    if (lstatSync(link).isSymbolicLink() && readlinkSync(link) === target) return;
  } catch {
    // missing
  }
  const fresh = `${link}.${process.pid}-${randomBytes(4).toString('hex')}`;
  symlinkSync(target, fresh);
  renameSync(fresh, link);
}

/** dist/apps and dist/libs of the old layout (real folders) move into a build of their own. */
function adoptOldLayout() {
  const old = ['apps', 'libs'].filter((name) => {
    try {
      return !lstatSync(join(DIST, name)).isSymbolicLink();
    } catch {
      return false;
    }
  });
  if (old.length === 0) return;
  const folder = join(BUILDS, `legacy-${Date.now()}`);
  mkdirSync(folder, { recursive: true });
  for (const name of old) renameSync(join(DIST, name), join(folder, name));
}

function leasesHeld(build) {
  let held = false;
  let names = [];
  try {
    names = readdirSync(join(build, '.leases'));
  } catch {
    return false;
  }
  for (const name of names) {
    const file = join(build, '.leases', name);
    if (leaseHeld(file)) held = true;
    else rmSync(file, { force: true });
  }
  return held;
}

/** Removes the builds that nothing runs or may be about to run; returns their names. */
function prune(keep) {
  const removed = [];
  for (const name of readdirSync(BUILDS)) {
    const path = join(BUILDS, name);
    try {
      const staging = /^\.staging-(\d+)-/.exec(name);
      if (staging) {
        if (!processAlive(Number(staging[1]))) rmSync(path, { recursive: true, force: true });
        continue;
      }
      if (name.startsWith('.') || keep.has(name)) continue;
      if (leasesHeld(path) || Date.now() - statSync(path).mtimeMs < GRACE_MS) continue;
      // Out of sight first, so nobody finds a half-removed build.
      const aside = join(BUILDS, `.staging-${process.pid}-removed-${randomBytes(4).toString('hex')}`);
      renameSync(path, aside);
      rmSync(aside, { recursive: true, force: true });
      removed.push(name);
    } catch (error) {
      // gone meanwhile, or not removable: it stays for the next build to try
      if (error.code !== 'ENOENT') console.error(`Could not remove dist/builds/${name}: ${error.message}`);
    }
  }
  return removed;
}

/** Builds the sources (or finds their build), makes it current and prunes old builds. */
export function build() {
  return withBuildLock(async () => {
    const started = Date.now();
    const files = sources.flatMap((source) => [...walk(join(root, source))]);
    const id = buildId(files);
    const dir = join(BUILDS, id);
    mkdirSync(BUILDS, { recursive: true });
    const built = !existsSync(dir);
    if (built) {
      const staging = join(BUILDS, `.staging-${process.pid}-${randomBytes(4).toString('hex')}`);
      try {
        await compile(files, staging);
        writeFileSync(
          join(staging, 'build.json'),
          `${JSON.stringify({ id, files: files.length, builtAt: new Date().toISOString() })}\n`,
        );
        try {
          renameSync(staging, dir);
        } catch (error) {
          // Only a builder that took over a lock it thought abandoned gets here: its build is the same.
          if (!existsSync(dir)) throw error;
        }
      } finally {
        rmSync(staging, { recursive: true, force: true });
      }
    }
    adoptOldLayout();
    // Made current now: the grace period starts, and mtime-based staleness checks see a fresh entry.
    const now = new Date();
    utimesSync(join(dir, ENTRY), now, now);
    utimesSync(dir, now, now);
    pointAt(CURRENT, relative(DIST, dir));
    pointAt(join(DIST, 'apps'), 'current/apps');
    pointAt(join(DIST, 'libs'), 'current/libs');
    const removed = prune(new Set([id]));
    return { id, dir, main: join(dir, ENTRY), built, files: files.length, removed, ms: Date.now() - started };
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // Ctrl-C during a build: the lock goes with the process (its 'exit' handler).
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(130));
  const result = await build();
  if (process.argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } else {
    const where = relative(root, result.dir);
    console.log(
      result.built
        ? `Built ${result.files} files into ${where} in ${result.ms} ms (now dist/current)`
        : `${where} is up to date (now dist/current, ${result.ms} ms)`,
    );
    if (result.removed.length > 0) console.log(`Removed unused builds: ${result.removed.join(', ')}`);
  }
}
