// The synthetic corpus: an embedded PostgreSQL in a temporary folder, migrated, with the
// members demo seed (authors and organisations), then posts and clause templates written
// straight into the tables (server-side COPY from CSV files; multi-row INSERT from
// jsonb_populate_recordset when COPY is refused), all PUBLISHED, never through the API.
import { chmodSync, closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DATA_SOURCE,
  type RunningPostgres,
  SeedRegistry,
  runMigrations,
  prepareDatabaseRoles,
  startEmbeddedPostgres,
} from '@resocc/core';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { type CorpusSize, log, onAbort, round } from './common';
import { CLAUSE_KINDS, SOCIAL_THEMES, postText, templateText } from './french';
import { startInProcessApp } from './in-process';
import { Random } from './random';

/** Occitanie's départements, most of the corpus, and a few from elsewhere. */
const DEPARTMENTS = ['09', '11', '12', '30', '31', '32', '34', '46', '48', '65', '66', '81', '82'];
const OTHER_DEPARTMENTS = ['13', '33', '69', '75', '2A', '971'];
const PROCEDURES = [
  'PROCEDURE_ADAPTEE',
  'APPEL_OFFRES_OUVERT',
  'APPEL_OFFRES_RESTREINT',
  'PROCEDURE_AVEC_NEGOCIATION',
  'DIALOGUE_COMPETITIF',
  'SANS_PUBLICITE_NI_MISE_EN_CONCURRENCE',
];
const CPV_CODES = [
  '55520000',
  '30213000',
  '45000000',
  '09310000',
  '34100000',
  '90910000',
  '18100000',
  '30190000',
  '77310000',
  '15000000',
  '39130000',
  '50110000',
];
/** Publication dates go back four years from this fixed instant (not from "now"). */
const EPOCH = Date.UTC(2026, 0, 1);
const FOUR_YEARS_S = 4 * 365 * 24 * 3600;

const STREAM_POST = 1;
const STREAM_TEMPLATE = 2;
const STREAM_LINK = 3;
const STREAM_ID_POST = 4;
const STREAM_ID_TEMPLATE = 5;
const STREAM_ID_REVISION = 6;

const postId = (i: number): string => Random.for(STREAM_ID_POST, i).uuid();
const templateId = (i: number): string => Random.for(STREAM_ID_TEMPLATE, i).uuid();

type Cell = string | number | null | readonly string[] | { readonly json: unknown };
type Row = Record<string, Cell>;

interface Author {
  id: string;
  organisation_id: string;
}

interface Table {
  name: string;
  columns: readonly string[];
  rows: () => Iterable<Row>;
}

function dates(r: Random): { publishedAt: string; createdAt: string; updatedAt: string } {
  const published = EPOCH - r.int(0, FOUR_YEARS_S) * 1000 - r.int(0, 999);
  const created = published - r.int(1, 30) * 86_400_000;
  const updated = published + (r.chance(0.2) ? r.int(1, 60) * 86_400_000 : 0);
  return {
    publishedAt: new Date(published).toISOString(),
    createdAt: new Date(created).toISOString(),
    updatedAt: new Date(updated).toISOString(),
  };
}

function considerationsOf(r: Random, themes: readonly string[]): string[] {
  const social = themes.some((t) => SOCIAL_THEMES.has(t));
  const environmental = themes.some((t) => !SOCIAL_THEMES.has(t));
  const out: string[] = [];
  if (social || r.chance(0.2)) out.push('SOCIAL');
  if (environmental || r.chance(0.2)) out.push('ENVIRONMENTAL');
  return out;
}

function tables(size: CorpusSize, themeSlugs: readonly string[], authors: readonly Author[]): Table[] {
  const posts: Table = {
    name: 'experience_post',
    columns: [
      'id',
      'title',
      'summary',
      'body',
      'body_html',
      'themes',
      'considerations',
      'procedure_type',
      'cpv_codes',
      'contract_year',
      'department_code',
      'outcomes',
      'visibility',
      'status',
      'author_id',
      'organisation_id',
      'version',
      'published_at',
      'created_at',
      'updated_at',
    ],
    *rows() {
      for (let i = 0; i < size.posts; i++) {
        const r = Random.for(STREAM_POST, i);
        const themes = r.sample(themeSlugs, r.int(1, 3));
        const text = postText(r, themes);
        const author = r.pick(authors);
        const when = dates(r);
        const year = Number(when.publishedAt.slice(0, 4));
        yield {
          id: postId(i),
          title: text.title,
          summary: text.summary,
          body: text.body,
          body_html: text.bodyHtml,
          themes,
          considerations: considerationsOf(r, themes),
          procedure_type: r.chance(0.9) ? r.pick(PROCEDURES) : null,
          cpv_codes: r.sample(CPV_CODES, r.int(0, 2)),
          contract_year: r.chance(0.8) ? year - r.int(0, 1) : null,
          department_code: r.chance(0.92)
            ? r.pick(DEPARTMENTS)
            : r.chance(0.5)
              ? r.pick(OTHER_DEPARTMENTS)
              : null,
          outcomes: text.outcomes,
          visibility: r.chance(0.7) ? 'PUBLIC' : 'MEMBERS',
          status: 'PUBLISHED',
          author_id: author.id,
          organisation_id: author.organisation_id,
          version: 1,
          published_at: when.publishedAt,
          created_at: when.createdAt,
          updated_at: when.updatedAt,
        };
      }
    },
  };
  const templateRow = (i: number): Row & { body: string; variables: { json: unknown } } => {
    const r = Random.for(STREAM_TEMPLATE, i);
    const themes = r.sample(themeSlugs, r.int(1, 2));
    const kind = r.pick(CLAUSE_KINDS);
    const text = templateText(r, kind, themes);
    const author = r.pick(authors);
    const when = dates(r);
    return {
      id: templateId(i),
      title: text.title.slice(0, 200),
      summary: text.summary,
      kind,
      considerations: considerationsOf(r, themes),
      themes,
      legal_references: text.legalReferences,
      body: text.body,
      variables: { json: text.variables },
      revision: 1,
      visibility: r.chance(0.6) ? 'PUBLIC' : 'MEMBERS',
      status: 'PUBLISHED',
      author_id: author.id,
      organisation_id: author.organisation_id,
      version: 1,
      published_at: when.publishedAt,
      created_at: when.createdAt,
      updated_at: when.updatedAt,
    };
  };
  const templates: Table = {
    name: 'clause_template',
    columns: [
      'id',
      'title',
      'summary',
      'kind',
      'considerations',
      'themes',
      'legal_references',
      'body',
      'variables',
      'revision',
      'visibility',
      'status',
      'author_id',
      'organisation_id',
      'version',
      'published_at',
      'created_at',
      'updated_at',
    ],
    *rows() {
      for (let i = 0; i < size.templates; i++) yield templateRow(i);
    },
  };
  const revisions: Table = {
    name: 'clause_template_revision',
    columns: ['id', 'template_id', 'revision', 'body', 'variables', 'change_note', 'author_id', 'created_at'],
    *rows() {
      for (let i = 0; i < size.templates; i++) {
        const t = templateRow(i);
        yield {
          id: Random.for(STREAM_ID_REVISION, i).uuid(),
          template_id: t.id,
          revision: 1,
          body: t.body,
          variables: t.variables,
          change_note: null,
          author_id: t.author_id,
          created_at: t.created_at,
        };
      }
    },
  };
  const links: Table = {
    name: 'experience_post_template',
    columns: ['post_id', 'template_id', 'position'],
    *rows() {
      if (size.templates === 0) return;
      for (let i = 0; i < size.posts; i++) {
        const r = Random.for(STREAM_LINK, i);
        if (!r.chance(0.25)) continue;
        yield { post_id: postId(i), template_id: templateId(r.int(0, size.templates - 1)), position: 1 };
      }
    },
  };
  return [templates, revisions, posts, links];
}

// ---------------------------------------------------------------------------------------

function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}

function csvField(value: Cell): string {
  if (value === null) return '';
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'number') return String(value);
  else if (Array.isArray(value)) text = arrayLiteral(value as readonly string[]);
  else text = JSON.stringify((value as { json: unknown }).json);
  return `"${text.replace(/"/g, '""')}"`;
}

function jsonValue(value: Cell): unknown {
  if (value !== null && typeof value === 'object' && !Array.isArray(value))
    return (value as { json: unknown }).json;
  return value;
}

export type LoadMethod = 'copy' | 'insert';

export const LOAD_METHOD_LABELS: Record<LoadMethod, string> = {
  copy: 'server-side COPY ... FROM a CSV file (FORMAT csv)',
  insert: 'multi-row INSERT ... SELECT FROM jsonb_populate_recordset, 2,000 rows per statement',
};

/** Writes the table as CSV into `dir` (readable by the postgres user) and COPYs it in. */
async function copyTable(client: Client, table: Table, dir: string): Promise<number> {
  const file = join(dir, `${table.name}.csv`);
  const fd = openSync(file, 'w', 0o644);
  let count = 0;
  try {
    let chunk: string[] = [];
    for (const row of table.rows()) {
      chunk.push(table.columns.map((c) => csvField(row[c] ?? null)).join(','));
      count++;
      if (chunk.length >= 2000) {
        writeSync(fd, `${chunk.join('\n')}\n`);
        chunk = [];
      }
    }
    if (chunk.length > 0) writeSync(fd, `${chunk.join('\n')}\n`);
  } finally {
    closeSync(fd);
  }
  chmodSync(file, 0o644);
  try {
    const path = file.replace(/'/g, "''");
    await client.query(`COPY ${table.name} (${table.columns.join(', ')}) FROM '${path}' WITH (FORMAT csv)`);
  } finally {
    rmSync(file, { force: true });
  }
  return count;
}

async function insertTable(client: Client, table: Table): Promise<number> {
  const columns = table.columns.join(', ');
  let count = 0;
  let batch: Record<string, unknown>[] = [];
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    await client.query(
      `INSERT INTO ${table.name} (${columns}) SELECT ${columns} FROM jsonb_populate_recordset(NULL::${table.name}, $1::jsonb)`,
      [JSON.stringify(batch)],
    );
    batch = [];
  };
  for (const row of table.rows()) {
    batch.push(Object.fromEntries(table.columns.map((c) => [c, jsonValue(row[c] ?? null)])));
    count++;
    if (batch.length >= 2000) await flush();
  }
  await flush();
  return count;
}

export interface LoadReport {
  method: LoadMethod;
  rows: Record<string, number>;
  seconds: number;
}

/** Loads the corpus into the (migrated, seeded) database at `url`. */
export async function loadCorpus(url: string, size: CorpusSize, workDir: string): Promise<LoadReport> {
  const client = new Client({ connectionString: url, application_name: 'resocc-bench-load' });
  await client.connect();
  try {
    const themes: { slug: string }[] = (await client.query('SELECT slug FROM theme ORDER BY position')).rows;
    const authors: Author[] = (
      await client.query(
        `SELECT u.id, u.organisation_id FROM user_account u JOIN organisation o ON o.id = u.organisation_id
         WHERE o.membership_status = 'ACTIVE' AND u.deleted_at IS NULL ORDER BY u.email`,
      )
    ).rows;
    if (themes.length === 0) throw new Error('no theme in the database: the migrations did not run');
    if (authors.length === 0) throw new Error('no author in the database: the members demo seed did not run');
    const csvDir = join(workDir, 'csv');
    mkdirSync(csvDir, { recursive: true, mode: 0o755 });
    chmodSync(csvDir, 0o755);
    const started = performance.now();
    // BENCH_LOAD=insert forces the fallback (a database whose server cannot read our files).
    let method: LoadMethod = process.env['BENCH_LOAD'] === 'insert' ? 'insert' : 'copy';
    const rows: Record<string, number> = {};
    for (const table of tables(
      size,
      themes.map((t) => t.slug),
      authors,
    )) {
      if (method === 'copy') {
        try {
          rows[table.name] = await copyTable(client, table, csvDir);
          continue;
        } catch (error) {
          if (Object.keys(rows).length > 0) throw error;
          log(`COPY refused (${String(error)}): falling back to multi-row INSERT`);
          method = 'insert';
        }
      }
      rows[table.name] = await insertTable(client, table);
    }
    await client.query('ANALYZE');
    return { method, rows, seconds: round((performance.now() - started) / 1000, 2) };
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------

export interface CorpusDatabase {
  readonly dir: string;
  /** The owner's connection (migrations, bulk loads, the in-process app that rebuilds the index). */
  readonly url: string;
  /** The API role's connection (row rights only): what an API process in production gets. */
  readonly appUrl: string;
  readonly size: CorpusSize;
  readonly load: LoadReport;
  stop(): Promise<void>;
}

/** Embedded PostgreSQL in a temporary folder, migrated, members demo seed, then the corpus. */
export async function createCorpusDatabase(size: CorpusSize): Promise<CorpusDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'resocc-bench-'));
  let postgres: RunningPostgres | undefined;
  const stop = async (): Promise<void> => {
    await postgres?.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  const unregister = onAbort(stop);
  try {
    log(`corpus: starting an embedded PostgreSQL in ${dir}`);
    postgres = await startEmbeddedPostgres({ dataDir: dir });
    const roles = await prepareDatabaseRoles(postgres.url);
    await runMigrations(roles.ownerUrl, { appRole: roles.appRole });
    const app = await startInProcessApp(roles.ownerUrl, dir);
    try {
      await app.app.get(SeedRegistry).seed(app.app.get<DataSource>(DATA_SOURCE), ['members-demo']);
    } finally {
      await app.close();
    }
    log(`corpus: generating and loading ${size.posts} posts and ${size.templates} templates`);
    const load = await loadCorpus(postgres.url, size, dir);
    log(`corpus: loaded in ${load.seconds} s with ${LOAD_METHOD_LABELS[load.method]}`);
    const url = roles.ownerUrl;
    return {
      dir,
      url,
      appUrl: roles.appUrl,
      size,
      load,
      stop: async () => {
        unregister();
        await stop();
      },
    };
  } catch (error) {
    unregister();
    await stop();
    throw error;
  }
}
