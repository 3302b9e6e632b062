import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'resocc-config-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function issuesOf(env: Record<string, string>): string[] {
    try {
      loadConfig({ DATA_DIR: dir, ...env });
    } catch (error) {
      if (error instanceof ConfigError) return error.issues.map((i) => i.variable);
      throw error;
    }
    return [];
  }

  it('starts with sensible defaults and no variable at all', () => {
    const config = loadConfig({}, dir);
    expect(config.port).toBe(3000);
    expect(config.usesEmbeddedDatabase).toBe(true);
    expect(config.dataDir).toBe(join(dir, '.data'));
    expect(config.seedDemo).toBe(true);
    expect(config.reportHideThreshold).toBe(3);
    expect(config.nodeEnv).toBe('development');
  });

  it('names the variable in the error for a bad value', () => {
    expect(() => loadConfig({ PORT: 'abc', DATA_DIR: dir })).toThrow(/PORT/);
    expect(issuesOf({ PORT: '70000' })).toEqual(['PORT']);
    expect(issuesOf({ DATABASE_URL: 'mysql://x' })).toEqual(['DATABASE_URL']);
    expect(issuesOf({ MEILI_URL: 'not a url' })).toEqual(['MEILI_URL']);
    expect(issuesOf({ LOG_LEVEL: 'loud' })).toEqual(['LOG_LEVEL']);
    expect(issuesOf({ SEED_DEMO: 'maybe' })).toEqual(['SEED_DEMO']);
    expect(issuesOf({ CORS_ORIGINS: 'https://ok.fr,not-an-origin' })).toEqual(['CORS_ORIGINS']);
    expect(issuesOf({ SMTP_URL: 'http://mail' })).toEqual(['SMTP_URL']);
    expect(issuesOf({ REPORT_HIDE_THRESHOLD: '0' })).toEqual(['REPORT_HIDE_THRESHOLD']);
    expect(issuesOf({ NODE_ENV: 'staging' })).toEqual(['NODE_ENV']);
  });

  it('reports every bad variable at once', () => {
    expect(issuesOf({ PORT: 'abc', LOG_LEVEL: 'loud' }).sort()).toEqual(['LOG_LEVEL', 'PORT']);
  });

  it('requires a JWT secret of at least 32 characters in production', () => {
    const smtp = { SMTP_URL: 'smtp://127.0.0.1:2525' };
    expect(issuesOf({ NODE_ENV: 'production', ...smtp })).toEqual(['JWT_SECRET']);
    expect(issuesOf({ NODE_ENV: 'production', JWT_SECRET: 'short', ...smtp })).toEqual(['JWT_SECRET']);
    const config = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), DATA_DIR: dir, ...smtp });
    expect(config.jwtSecret).toBe('x'.repeat(32));
    expect(config.isProduction).toBe(true);
  });

  it('requires SMTP_URL in production, naming it, and reads WEB_URL without a trailing slash', () => {
    expect(issuesOf({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) })).toEqual(['SMTP_URL']);
    expect(issuesOf({ WEB_URL: 'ftp://example.fr' })).toEqual(['WEB_URL']);
    expect(loadConfig({ DATA_DIR: dir, WEB_URL: 'https://achats.example.fr/' }).webUrl).toBe(
      'https://achats.example.fr',
    );
    expect(loadConfig({ DATA_DIR: dir }).webUrl).toBe('http://localhost:3001');
  });

  it('trusts no proxy unless TRUST_PROXY names them, and names a bad value', () => {
    expect(loadConfig({ DATA_DIR: dir }).trustProxy).toBe(false);
    expect(loadConfig({ DATA_DIR: dir, TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ DATA_DIR: dir, TRUST_PROXY: '172.18.0.0/16, ::1, loopback' }).trustProxy).toEqual([
      '172.18.0.0/16',
      '::1',
      'loopback',
    ]);
    expect(issuesOf({ TRUST_PROXY: 'everyone' })).toEqual(['TRUST_PROXY']);
    expect(issuesOf({ TRUST_PROXY: '10.0.0.0/40' })).toEqual(['TRUST_PROXY']);
    expect(issuesOf({ TRUST_PROXY: '0' })).toEqual(['TRUST_PROXY']);
  });

  it('generates a development JWT secret once and keeps it in DATA_DIR', () => {
    const first = loadConfig({ DATA_DIR: dir });
    const second = loadConfig({ DATA_DIR: dir });
    expect(first.jwtSecret.length).toBeGreaterThanOrEqual(32);
    expect(second.jwtSecret).toBe(first.jwtSecret);
    expect(readFileSync(join(dir, 'jwt-secret'), 'utf8').trim()).toBe(first.jwtSecret);
  });

  it('seeds demo data with DATABASE_URL only when SEED_DEMO=true', () => {
    expect(loadConfig({ DATA_DIR: dir, DATABASE_URL: 'postgres://u:p@db/x' }).seedDemo).toBe(false);
    expect(
      loadConfig({ DATA_DIR: dir, DATABASE_URL: 'postgres://u:p@db/x', SEED_DEMO: 'true' }).seedDemo,
    ).toBe(true);
    expect(loadConfig({ DATA_DIR: dir, SEED_DEMO: 'false' }).seedDemo).toBe(false);
  });

  it('reads CORS origins as a list', () => {
    expect(loadConfig({ DATA_DIR: dir, CORS_ORIGINS: 'https://a.fr, https://b.fr' }).corsOrigins).toEqual([
      'https://a.fr',
      'https://b.fr',
    ]);
  });

  it('bounds database waits by default and reads the bounds, naming a bad one', () => {
    expect(loadConfig({ DATA_DIR: dir }).databaseTimeouts).toEqual({
      statementTimeoutMs: 5000,
      connectTimeoutMs: 3000,
    });
    expect(
      loadConfig({ DATA_DIR: dir, DATABASE_STATEMENT_TIMEOUT_MS: '0', DATABASE_CONNECT_TIMEOUT_MS: '800' })
        .databaseTimeouts,
    ).toEqual({ statementTimeoutMs: 0, connectTimeoutMs: 800 });
    expect(issuesOf({ DATABASE_STATEMENT_TIMEOUT_MS: '5s' })).toEqual(['DATABASE_STATEMENT_TIMEOUT_MS']);
    expect(issuesOf({ DATABASE_CONNECT_TIMEOUT_MS: '0' })).toEqual(['DATABASE_CONNECT_TIMEOUT_MS']);
  });

  it("takes MIGRATION_DATABASE_URL (the owner) only with DATABASE_URL (the API's role) and another user", () => {
    const app = 'postgres://resocc_app:a@db/resocc';
    const owner = 'postgres://resocc_owner:o@db/resocc';
    const config = loadConfig({ DATA_DIR: dir, DATABASE_URL: app, MIGRATION_DATABASE_URL: owner });
    expect(config.databaseUrl).toBe(app);
    expect(config.migrationDatabaseUrl).toBe(owner);
    expect(loadConfig({ DATA_DIR: dir, DATABASE_URL: app }).migrationDatabaseUrl).toBeUndefined();
    expect(issuesOf({ MIGRATION_DATABASE_URL: owner })).toEqual(['MIGRATION_DATABASE_URL']);
    expect(
      issuesOf({ DATABASE_URL: app, MIGRATION_DATABASE_URL: 'postgres://resocc_app:x@db/resocc' }),
    ).toEqual(['MIGRATION_DATABASE_URL']);
    expect(issuesOf({ DATABASE_URL: app, MIGRATION_DATABASE_URL: 'mysql://o@db/x' })).toEqual([
      'MIGRATION_DATABASE_URL',
    ]);
  });
});
