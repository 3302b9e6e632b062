import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '../testing/database';
import { runMigrations } from './data-source';
import { startEmbeddedDatabase } from './embedded-database';
import { startEmbeddedPostgres } from './embedded-postgres';
import { APP_ROLE, OWNER_ROLE, excessPrivileges, userOf } from './roles';

async function connect(url: string): Promise<Client> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = await connect(url);
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The SQLSTATE a statement fails with, or 'ok' when it succeeds. */
async function outcome(client: Client, sql: string): Promise<string> {
  try {
    await client.query(sql);
    return 'ok';
  } catch (error) {
    return String((error as { code?: unknown }).code);
  }
}

const INSUFFICIENT_PRIVILEGE = '42501';

describe("the API's database role (least privilege)", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('is a plain login role, not the owner, with no DDL and no TRUNCATE', async () => {
    expect(userOf(db.url)).toBe(APP_ROLE);
    expect(userOf(db.ownerUrl)).toBe(OWNER_ROLE);
    expect(await withClient(db.url, excessPrivileges)).toEqual([]);
    expect(await withClient(db.ownerUrl, excessPrivileges)).toContainEqual(
      expect.stringMatching(/^owns tables \(app_meta, .* and \d+ more\)$/),
    );
    await withClient(db.url, async (app) => {
      for (const sql of [
        'CREATE TABLE intruder (id int)',
        'CREATE FUNCTION intruder() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$',
        'CREATE SCHEMA intruder',
        'CREATE TEMPORARY TABLE intruder (id int)',
        'ALTER TABLE user_account ADD COLUMN intruder int',
        'DROP TABLE search_outbox',
        'TRUNCATE search_outbox',
        'CREATE INDEX intruder ON user_account (email)',
        `CREATE EXTENSION IF NOT EXISTS "uuid-ossp"`,
        `SET ROLE ${OWNER_ROLE}`,
        `ALTER ROLE ${APP_ROLE} SUPERUSER`,
        `GRANT ${OWNER_ROLE} TO ${APP_ROLE}`,
        'INSERT INTO typeorm_migrations (timestamp, name) VALUES (1, $$Intruder1$$)',
      ]) {
        expect([sql, await outcome(app, sql)]).toEqual([sql, INSUFFICIENT_PRIVILEGE]);
      }
    });
  });

  it('cannot update or delete a moderation event by any means it has', async () => {
    const app = await connect(db.url);
    try {
      // what the API does: append to the log and read it
      await app.query(
        `INSERT INTO moderation_event (action, target_type, target_id, from_status, to_status, reason)
         VALUES ('REJECT', 'EXPERIENCE_POST', gen_random_uuid(), 'IN_REVIEW', 'REJECTED', 'Hors sujet.')`,
      );
      const before = await app.query('SELECT id, reason FROM moderation_event ORDER BY id');
      expect(before.rowCount).toBeGreaterThan(0);

      const attacks: Record<string, string[]> = {
        'plain DELETE': ['DELETE FROM moderation_event'],
        'plain UPDATE': [`UPDATE moderation_event SET reason = 'réécrit'`],
        TRUNCATE: ['TRUNCATE moderation_event', 'TRUNCATE moderation_event CASCADE'],
        'triggers off by replication role, then DELETE': ['SET LOCAL session_replication_role = replica'],
        'replication role for the session': ['SET session_replication_role = replica'],
        'DISABLE TRIGGER': [
          'ALTER TABLE moderation_event DISABLE TRIGGER ALL',
          'ALTER TABLE moderation_event DISABLE TRIGGER moderation_event_append_only',
        ],
        'DROP TRIGGER': [
          'DROP TRIGGER moderation_event_append_only ON moderation_event',
          'DROP TRIGGER moderation_event_no_truncate ON moderation_event',
        ],
        'replace the trigger function': [
          `CREATE OR REPLACE FUNCTION refuse_moderation_event_change() RETURNS trigger LANGUAGE plpgsql
             AS $$ BEGIN RETURN OLD; END $$`,
        ],
        'take the table over': [
          `ALTER TABLE moderation_event OWNER TO ${APP_ROLE}`,
          'ALTER TABLE moderation_event RENAME TO moderation_event_old',
          'DROP TABLE moderation_event CASCADE',
          `CREATE RULE erase AS ON INSERT TO moderation_event DO INSTEAD NOTHING`,
        ],
      };
      for (const [attack, statements] of Object.entries(attacks)) {
        // one transaction per attack, each statement behind a savepoint: what succeeds
        // stays in force for the next statement, and is committed
        await app.query('BEGIN');
        const results: string[] = [];
        for (const sql of [...statements, 'DELETE FROM moderation_event']) {
          await app.query('SAVEPOINT attempt');
          const result = await outcome(app, sql);
          await app.query(result === 'ok' ? 'RELEASE SAVEPOINT attempt' : 'ROLLBACK TO SAVEPOINT attempt');
          results.push(result);
        }
        await app.query('COMMIT');
        // whatever came before, the DELETE is refused by privileges, not only by the trigger
        expect({ attack, results }).toEqual({ attack, results: results.map(() => INSUFFICIENT_PRIVILEGE) });
      }

      // a GRANT without the grant option only warns ("no privileges were granted"): nothing changes
      await app.query(`GRANT UPDATE, DELETE, TRUNCATE ON moderation_event TO ${APP_ROLE}`);
      expect(await outcome(app, 'DELETE FROM moderation_event')).toBe(INSUFFICIENT_PRIVILEGE);

      const after = await app.query('SELECT id, reason FROM moderation_event ORDER BY id');
      expect(after.rows).toEqual(before.rows);
    } finally {
      await app.end();
    }
  });

  it('gets row rights on tables created by later migrations, and the runtime rights again after each run', async () => {
    await withClient(db.ownerUrl, (owner) => owner.query('CREATE TABLE later_table (id int)'));
    await withClient(db.url, async (app) => {
      expect(await outcome(app, 'INSERT INTO later_table VALUES (1)')).toBe('ok');
      expect(await outcome(app, 'UPDATE later_table SET id = 2')).toBe('ok');
      expect(await outcome(app, 'DELETE FROM later_table')).toBe('ok');
      expect(await outcome(app, 'TRUNCATE later_table')).toBe(INSUFFICIENT_PRIVILEGE);
    });
    // rights widened by hand are brought back to the runtime set by the next migration run
    await withClient(db.ownerUrl, (owner) => owner.query(`GRANT ALL ON moderation_event TO ${APP_ROLE}`));
    expect(await runMigrations(db.ownerUrl, { appRole: APP_ROLE })).toEqual([]);
    await withClient(db.url, async (app) => {
      expect(await outcome(app, 'DELETE FROM moderation_event')).toBe(INSUFFICIENT_PRIVILEGE);
      expect(await excessPrivileges(app)).toEqual([]);
    });
  });

  it('builds the whole schema as the owner, without superuser rights, and grants the API role', async () => {
    const empty = await createTestDatabase({ empty: true });
    try {
      expect(await withClient(empty.ownerUrl, excessPrivileges)).not.toContain('is a superuser');
      expect((await runMigrations(empty.ownerUrl, { appRole: empty.appRole })).length).toBeGreaterThan(0);
      await withClient(empty.url, async (app) => {
        const { rows } = await app.query<{ n: number }>('SELECT count(*)::int AS n FROM theme');
        expect(rows[0].n).toBe(11);
        expect(await excessPrivileges(app)).toEqual([]);
        expect(await outcome(app, 'UPDATE moderation_event SET reason = NULL')).toBe(INSUFFICIENT_PRIVILEGE);
      });
    } finally {
      await empty.drop();
    }
  });
});

describe('migrations on tables another role owns', () => {
  it('fail saying whose tables they are and how to hand them over', async () => {
    const empty = await createTestDatabase({ empty: true });
    try {
      // a database migrated before the owner role existed: the superuser's tables
      const superuser = new URL(String(process.env['RESOCC_TEST_ADMIN_URL']));
      superuser.pathname = `/${empty.name}`;
      await runMigrations(superuser.toString());
      await expect(runMigrations(empty.ownerUrl, { appRole: empty.appRole })).rejects.toThrow(
        /^Tables of this database belong to postgres, not to resocc_owner .*transferOwnership/,
      );
    } finally {
      await empty.drop();
    }
  });
});

describe('the embedded database', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'resocc-roles-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('hands a data folder migrated by the superuser (before roles) to the owner, and serves the API role', async () => {
    // a data folder as earlier versions left it: everything owned by the superuser
    const legacy = await startEmbeddedPostgres({ dataDir: dir });
    try {
      await runMigrations(legacy.url);
    } finally {
      await legacy.stop();
    }

    const embedded = await startEmbeddedDatabase({ dataDir: dir });
    try {
      expect(await runMigrations(embedded.ownerUrl, { appRole: embedded.appRole })).toEqual([]);
      expect(userOf(embedded.appUrl)).toBe(APP_ROLE);
      const owners = await withClient(embedded.ownerUrl, async (owner) => {
        const { rows } = await owner.query<{ owner: string }>(
          `SELECT DISTINCT pg_get_userbyid(relowner) AS owner FROM pg_class
           WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'S', 'v')
           UNION SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()`,
        );
        return rows.map((r) => r.owner);
      });
      expect(owners).toEqual([OWNER_ROLE]);
      await withClient(embedded.appUrl, async (app) => {
        expect(await excessPrivileges(app)).toEqual([]);
        expect(await outcome(app, 'SET session_replication_role = replica')).toBe(INSUFFICIENT_PRIVILEGE);
        const { rows } = await app.query<{ n: number }>('SELECT count(*)::int AS n FROM theme');
        expect(rows[0].n).toBe(11);
      });
    } finally {
      await embedded.stop();
    }
  });
});
