// kill -9 of the API in the middle of concurrent writes: every row PostgreSQL kept is whole,
// every published post is indexed or still in the outbox, and the next process finishes the
// index work the killed one left.
import type { Client } from 'pg';
import {
  ADMIN,
  type ApiProcess,
  type OwnedDatabase,
  ProcessBed,
  buildApi,
  createPost,
  indexConverged,
  indexState,
  localId,
  login,
  postInput,
  searchPosts,
  submitPost,
  waitFor,
} from '../support/api-process';

/** 2 mutations a post plus the sign-in stay under the 120 mutations a minute of one user. */
const POSTS = 50;
const CONCURRENCY = 8;
const KILL_AFTER_PUBLISHED = 15;
const WORD = 'wombatcoupure';

const titleOf = (n: number): string => `Coupure brutale ${WORD} ${n}`;
const bodyOf = (n: number): string => `Écrit pendant la coupure, numéro ${n}. `.repeat(40).trim();

interface PostRow {
  id: string;
  title: string;
  summary: string;
  body: string;
  body_html: string;
  status: string;
  version: number;
  published: boolean;
}

describe('kill -9 during writes', () => {
  const bed = new ProcessBed();
  let db: OwnedDatabase;
  let first: ApiProcess;
  let indexBlocker: Client | undefined;

  beforeAll(async () => {
    await buildApi();
    db = await bed.database();
    first = await bed.api('first', db.url, { SEED_DEMO: 'true' });
    await indexConverged(db);
  });
  afterAll(async () => {
    await indexBlocker?.end().catch(() => undefined);
    await bed.close();
  });

  it('keeps whole rows and an outbox entry for every post the index lacks, then converges', async () => {
    const token = await login(first.port, ADMIN);
    // Hold the index back (writes to search_document wait on this lock) so that the kill
    // finds index work pending, as it would behind a slow search engine.
    indexBlocker = await db.connect();
    await indexBlocker.query('BEGIN');
    await indexBlocker.query('LOCK TABLE search_document IN EXCLUSIVE MODE');

    const created = new Map<string, number>();
    const published = new Set<string>();
    let next = 0;
    let killed = false;
    let cut = 0;
    let kill: Promise<string> | undefined;
    const worker = async (): Promise<void> => {
      while (!killed && next < POSTS) {
        const n = next++;
        try {
          const post = await createPost(first.port, token, postInput(titleOf(n), bodyOf(n)));
          created.set(localId(post.id), n);
          await submitPost(first.port, token, post.id);
          published.add(localId(post.id));
        } catch {
          cut++;
        }
        if (published.size >= KILL_AFTER_PUBLISHED && !killed) {
          killed = true;
          kill = first.kill();
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    expect(await kill).toBe('SIGKILL');
    // the kill came mid-way: requests were in flight and posts were never written
    expect(cut).toBeGreaterThan(0);
    expect(next).toBeLessThan(POSTS);

    await indexBlocker.query('COMMIT');
    await indexBlocker.end();
    indexBlocker = undefined;
    // PostgreSQL ends the killed process's sessions (rolling back what they left open)
    await waitFor('the killed process to have no session left', async () => {
      const [{ n }] = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name LIKE 'resocc-%'`,
      );
      return n === 0 ? true : undefined;
    });

    const rows = await db.query<PostRow>(
      `SELECT id, title, summary, body, body_html, status, version, published_at IS NOT NULL AS published
       FROM experience_post WHERE title LIKE $1`,
      [`Coupure brutale ${WORD} %`],
    );
    // acknowledged writes are durable
    expect(rows.length).toBeGreaterThanOrEqual(created.size);
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect([...created.keys()].filter((id) => !byId.has(id))).toEqual([]);
    expect([...published].filter((id) => byId.get(id)?.status !== 'PUBLISHED')).toEqual([]);
    // every row is whole: its fields belong together and its version matches its status
    const broken = rows
      .filter((r) => {
        const n = Number(r.title.split(' ').pop());
        const draft = r.status === 'DRAFT' && r.version === 1 && !r.published;
        const live = r.status === 'PUBLISHED' && r.version === 2 && r.published;
        return (
          r.title !== titleOf(n) ||
          r.summary !== `Résumé de ${titleOf(n)}.` ||
          r.body !== bodyOf(n) ||
          !r.body_html.includes(`numéro ${n}.`) ||
          !(draft || live)
        );
      })
      .map((r) => ({ id: r.id, title: r.title, status: r.status, version: r.version }));
    expect(broken).toEqual([]);
    // every published post is in the index or has index work waiting in the outbox
    const outbox = await db.query<{ document_id: string }>(
      `SELECT DISTINCT document_id FROM search_outbox WHERE document_type = 'EXPERIENCE_POST'`,
    );
    const waiting = new Set(outbox.map((r) => r.document_id));
    const before = await indexState(db);
    const indexed = new Set(before.indexed);
    expect(before.published.filter((id) => !indexed.has(id) && !waiting.has(id))).toEqual([]);
    expect(before.pending).toBeGreaterThan(0);

    const second = await bed.api('second', db.url);
    // Rows the killed indexer had claimed come back when their lease expires (20 s, no
    // longer renewed): the next process then writes them.
    const after = await indexConverged(db, 60_000);
    expect(after.indexed).toEqual(after.published);
    const mine = rows.filter((r) => r.status === 'PUBLISHED').map((r) => r.id);
    expect(mine.length).toBeGreaterThanOrEqual(KILL_AFTER_PUBLISHED);
    expect(mine.every((id) => after.indexed.includes(id))).toBe(true);

    expect(await searchPosts(second.port, WORD)).toEqual({ total: mine.length, ids: [...mine].sort() });
    await second.stop();
  });
});
