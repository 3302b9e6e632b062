import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join, resolve } from 'node:path';
import { DEFAULT_DATABASE_TIMEOUTS, type DatabaseTimeouts } from '../database/timeouts';

export type NodeEnv = 'development' | 'production' | 'test';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

const NODE_ENVS: readonly NodeEnv[] = ['development', 'production', 'test'];
const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** One problem with one environment variable. */
export interface ConfigIssue {
  variable: string;
  message: string;
}

/** Thrown at start-up when the environment is invalid; names every offending variable. */
export class ConfigError extends Error {
  constructor(readonly issues: ConfigIssue[]) {
    super(
      `Invalid configuration:\n${issues.map((issue) => `  - ${issue.variable}: ${issue.message}`).join('\n')}`,
    );
    this.name = 'ConfigError';
  }
}

/** The validated configuration of one API process, read once at start-up. */
export class AppConfig {
  constructor(
    readonly port: number,
    readonly databaseUrl: string | undefined,
    readonly dataDir: string,
    readonly meiliUrl: string | undefined,
    readonly meiliMasterKey: string | undefined,
    readonly jwtSecret: string,
    readonly nodeEnv: NodeEnv,
    readonly logLevel: LogLevel,
    readonly seedDemo: boolean,
    readonly corsOrigins: string[],
    readonly smtpUrl: string | undefined,
    readonly reportHideThreshold: number,
    /** Where people open the platform's pages: links in e-mails start with it (no trailing slash). */
    readonly webUrl = 'http://localhost:3001',
    /**
     * Which proxies' X-Forwarded-For is believed (Fastify's trustProxy): false (none, the
     * default), a hop count, or addresses, CIDRs and proxy-addr keywords (loopback...).
     */
    readonly trustProxy: false | number | string[] = false,
    /** statement_timeout and the pool's wait (DATABASE_STATEMENT_TIMEOUT_MS, DATABASE_CONNECT_TIMEOUT_MS). */
    readonly databaseTimeouts: DatabaseTimeouts = DEFAULT_DATABASE_TIMEOUTS,
    /**
     * The owner role's connection (MIGRATION_DATABASE_URL), for migrations and operator
     * commands; the API itself never uses it. DATABASE_URL then names the API's own role.
     */
    readonly migrationDatabaseUrl: string | undefined = undefined,
  ) {}

  get isProduction(): boolean {
    return this.nodeEnv === 'production';
  }

  /** True when the API must start its own PostgreSQL. */
  get usesEmbeddedDatabase(): boolean {
    return this.databaseUrl === undefined;
  }
}

type Env = Record<string, string | undefined>;

function blankToUndefined(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function readInt(
  env: Env,
  name: string,
  fallback: number,
  min: number,
  max: number,
  issues: ConfigIssue[],
): number {
  const raw = blankToUndefined(env[name]);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    issues.push({ variable: name, message: `must be a whole number from ${min} to ${max}, got "${raw}"` });
    return fallback;
  }
  return Number(raw);
}

function readEnum<T extends string>(
  env: Env,
  name: string,
  allowed: readonly T[],
  fallback: T,
  issues: ConfigIssue[],
): T {
  const raw = blankToUndefined(env[name]);
  if (raw === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    issues.push({ variable: name, message: `must be one of ${allowed.join(', ')}, got "${raw}"` });
    return fallback;
  }
  return raw as T;
}

function readBool(env: Env, name: string, fallback: boolean, issues: ConfigIssue[]): boolean {
  const raw = blankToUndefined(env[name])?.toLowerCase();
  if (raw === undefined) return fallback;
  if (['true', '1', 'yes'].includes(raw)) return true;
  if (['false', '0', 'no'].includes(raw)) return false;
  issues.push({ variable: name, message: `must be true or false, got "${raw}"` });
  return fallback;
}

function readUrl(env: Env, name: string, protocols: string[], issues: ConfigIssue[]): string | undefined {
  const raw = blankToUndefined(env[name]);
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    issues.push({ variable: name, message: 'must be a valid URL' });
    return undefined;
  }
  if (!protocols.includes(url.protocol)) {
    issues.push({ variable: name, message: `must use ${protocols.join(' or ')}, got "${url.protocol}"` });
    return undefined;
  }
  return raw;
}

/** Reads (or creates once) a development secret kept in DATA_DIR. */
function developmentSecret(dataDir: string, fileName: string): string {
  const file = join(dataDir, fileName);
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored.length >= 32) return stored;
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/**
 * Validates the environment and returns the configuration, or throws a ConfigError naming
 * every bad variable. In development a JWT secret is generated once and kept in DATA_DIR.
 */
export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): AppConfig {
  const issues: ConfigIssue[] = [];
  const nodeEnv = readEnum(env, 'NODE_ENV', NODE_ENVS, 'development', issues);
  const port = readInt(env, 'PORT', 3000, 1, 65535, issues);
  const databaseUrl = readUrl(env, 'DATABASE_URL', ['postgres:', 'postgresql:'], issues);
  const dataDir = resolve(cwd, blankToUndefined(env['DATA_DIR']) ?? '.data');
  const meiliUrl = readUrl(env, 'MEILI_URL', ['http:', 'https:'], issues);
  const meiliMasterKey = blankToUndefined(env['MEILI_MASTER_KEY']);
  if (meiliUrl !== undefined && meiliMasterKey === undefined && nodeEnv === 'production') {
    issues.push({
      variable: 'MEILI_MASTER_KEY',
      message: 'is required with MEILI_URL when NODE_ENV=production',
    });
  }
  const logLevel = readEnum(env, 'LOG_LEVEL', LOG_LEVELS, nodeEnv === 'test' ? 'silent' : 'info', issues);
  const seedDemo = readBool(env, 'SEED_DEMO', databaseUrl === undefined, issues);
  const corsOrigins: string[] = [];
  for (const origin of (blankToUndefined(env['CORS_ORIGINS']) ?? '').split(',').map((o) => o.trim())) {
    if (origin === '') continue;
    try {
      const url = new URL(origin);
      if (url.origin !== origin.replace(/\/$/, '')) throw new Error('not an origin');
      corsOrigins.push(url.origin);
    } catch {
      issues.push({
        variable: 'CORS_ORIGINS',
        message: `"${origin}" is not an origin such as https://example.fr`,
      });
    }
  }
  const smtpUrl = readUrl(env, 'SMTP_URL', ['smtp:', 'smtps:'], issues);
  if (smtpUrl === undefined && nodeEnv === 'production' && blankToUndefined(env['SMTP_URL']) === undefined) {
    issues.push({
      variable: 'SMTP_URL',
      message: 'is required when NODE_ENV=production (sign-up sends verification links by e-mail)',
    });
  }
  const webUrl = (readUrl(env, 'WEB_URL', ['http:', 'https:'], issues) ?? 'http://localhost:3001').replace(
    /\/+$/,
    '',
  );
  const reportHideThreshold = readInt(env, 'REPORT_HIDE_THRESHOLD', 3, 1, 1000, issues);

  const trustProxy = readTrustProxy(env, issues);
  const databaseTimeouts: DatabaseTimeouts = {
    statementTimeoutMs: readInt(
      env,
      'DATABASE_STATEMENT_TIMEOUT_MS',
      DEFAULT_DATABASE_TIMEOUTS.statementTimeoutMs,
      0,
      600_000,
      issues,
    ),
    connectTimeoutMs: readInt(
      env,
      'DATABASE_CONNECT_TIMEOUT_MS',
      DEFAULT_DATABASE_TIMEOUTS.connectTimeoutMs,
      100,
      60_000,
      issues,
    ),
  };
  const migrationDatabaseUrl = readMigrationUrl(env, databaseUrl, issues);

  let jwtSecret = blankToUndefined(env['JWT_SECRET']);
  if (jwtSecret !== undefined && jwtSecret.length < 32) {
    issues.push({ variable: 'JWT_SECRET', message: 'must be at least 32 characters long' });
  } else if (jwtSecret === undefined && nodeEnv === 'production') {
    issues.push({ variable: 'JWT_SECRET', message: 'is required when NODE_ENV=production' });
  }
  if (issues.length > 0) throw new ConfigError(issues);
  jwtSecret ??= developmentSecret(dataDir, 'jwt-secret');

  return new AppConfig(
    port,
    databaseUrl,
    dataDir,
    meiliUrl,
    meiliMasterKey,
    jwtSecret,
    nodeEnv,
    logLevel,
    seedDemo,
    corsOrigins,
    smtpUrl,
    reportHideThreshold,
    webUrl,
    trustProxy,
    databaseTimeouts,
    migrationDatabaseUrl,
  );
}

/**
 * MIGRATION_DATABASE_URL: the owner role, for migrations. It goes with DATABASE_URL (the
 * API's role, which migrations grant the runtime rights to) and must name another user.
 */
function readMigrationUrl(
  env: Env,
  databaseUrl: string | undefined,
  issues: ConfigIssue[],
): string | undefined {
  const url = readUrl(env, 'MIGRATION_DATABASE_URL', ['postgres:', 'postgresql:'], issues);
  if (url === undefined) return undefined;
  if (databaseUrl === undefined) {
    if (blankToUndefined(env['DATABASE_URL']) === undefined)
      issues.push({
        variable: 'MIGRATION_DATABASE_URL',
        message: "needs DATABASE_URL too (the API's role, which migrations grant its rights to)",
      });
    return undefined;
  }
  if (new URL(url).username === new URL(databaseUrl).username) {
    issues.push({
      variable: 'MIGRATION_DATABASE_URL',
      message: "must connect as the owner role, not as DATABASE_URL's user (the API's role)",
    });
    return undefined;
  }
  return url;
}

const PROXY_KEYWORDS = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** TRUST_PROXY: unset (trust no proxy), a hop count, or a comma-separated list of addresses or CIDRs. */
function readTrustProxy(env: Env, issues: ConfigIssue[]): false | number | string[] {
  const raw = blankToUndefined(env['TRUST_PROXY']);
  if (raw === undefined || raw.toLowerCase() === 'false') return false;
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    if (hops >= 1 && hops <= 10) return hops;
    issues.push({ variable: 'TRUST_PROXY', message: `a hop count must be from 1 to 10, got "${raw}"` });
    return false;
  }
  const entries = raw
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  const bad = entries.filter((entry) => {
    if (PROXY_KEYWORDS.has(entry)) return false;
    const [address, bits, ...rest] = entry.split('/');
    const version = isIP(address);
    if (version === 0 || rest.length > 0) return true;
    if (bits === undefined) return false;
    return !/^\d{1,3}$/.test(bits) || Number(bits) > (version === 4 ? 32 : 128);
  });
  if (bad.length > 0) {
    issues.push({
      variable: 'TRUST_PROXY',
      message: `must be a hop count or addresses/CIDRs such as 10.0.0.0/8 (or loopback), got "${bad.join(', ')}"`,
    });
    return false;
  }
  return entries;
}
