// The search outbox is written by database triggers and drained without a transaction
// across the network: plain SQL reaches the index, a document the engine keeps refusing is
// set aside without holding back the others, an engine that does not answer counts toward
// no dead letter, claims are committed before the engine is called, and an expired lease is
// claimed again.
import { createPlatformTestApp } from '@resocc/api/testing';
import { DATA_SOURCE, SeedRegistry } from '@resocc/core';
import type { TestApp } from '@resocc/core/testing';
import { DEAD_LETTER_ATTEMPTS, SearchAdmin, SearchEngines, SearchIndexer } from '@resocc/search';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';

const SEARCH = `query($q: String!) { search(input: { query: $q, first: 50 }) { totalHits hits { node { ... on ExperiencePost { id title } ... on ClauseTemplate { id title } } } } }`;

describe('search outbox by triggers, indexer by leases', () => {
  let t: TestApp;
  let db: DataSource;
  let owner: Client;
  let indexer: SearchIndexer;
  let author: { id: string; organisation_id: string };

  beforeAll(async () => {
    t = await createPlatformTestApp();
    db = t.app.get<DataSource>(DATA_SOURCE);
    await t.app.get(SeedRegistry).seed(db, ['members-demo', 'content-demo']);
    indexer = t.app.get(SearchIndexer);
    await indexer.drain();
    // The tests drive the indexer themselves: stop its LISTEN and polling.
    await indexer.onApplicationShutdown();
    owner = new Client({ connectionString: t.db.ownerUrl });
    await owner.connect();
    [author] = await db.query(`SELECT id, organisation_id FROM user_account WHERE email = $1`, [
      'acheteuse@montpellier.example',
    ]);
  });
  afterAll(async () => {
    await owner.end();
    await t.close();
  });

  /** Inserts a post with plain SQL (as the API's role), the way no service would. */
  async function insertPost(title: string, status = 'PUBLISHED'): Promise<string> {
    const [{ id }] = await db.query(
      `INSERT INTO experience_post (title, summary, body, body_html, themes, visibility, status, author_id, organisation_id, published_at)
       VALUES ($1, 'Résumé inséré en SQL.', 'Corps.', '<p>Corps.</p>', '{numerique-responsable}', 'PUBLIC', $2::content_status, $3, $4,
               CASE WHEN $2::text = 'PUBLISHED' THEN now() END)
       RETURNING id`,
      [title, status, author.id, author.organisation_id],
    );
    return id;
  }

  async function outboxRows(documentId?: string): Promise<number> {
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM search_outbox WHERE $1::uuid IS NULL OR document_id = $1::uuid`,
      [documentId ?? null],
    );
    return n;
  }

  async function indexed(id: string): Promise<boolean> {
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM search_document WHERE entity_id = $1`, [id]);
    return n === 1;
  }

  async function search(q: string): Promise<string[]> {
    const res = await t.gql<{ search: { hits: { node: { id: string } }[] } }>(SEARCH, { q });
    expect(res.errors).toBeUndefined();
    // Global ids: base64 of `ExperiencePost:<uuid>`.
    return (res.data?.search.hits ?? []).map((h) =>
      Buffer.from(h.node.id, 'base64').toString('utf8').replace(/^ExperiencePost:/, ''),
    );
  }

  /** Runs claims until nothing is ready, making every row ready again (backoff skipped) `rounds` times. */
  async function drainRounds(rounds: number): Promise<void> {
    for (let i = 0; i < rounds; i++) {
      await db.query(`UPDATE search_outbox SET available_at = now() WHERE dead_at IS NULL`);
      while ((await indexer.drainOnce()).claimed > 0) {
        // until nothing is ready
      }
    }
  }

  describe('triggers', () => {
    it('sends a published post changed by plain SQL to the index', async () => {
      const [post] = await db.query(
        `SELECT id FROM experience_post WHERE status = 'PUBLISHED' AND visibility = 'PUBLIC' ORDER BY published_at LIMIT 1`,
      );
      await db.query(`UPDATE experience_post SET title = 'Titre réécrit zébrure' WHERE id = $1`, [post.id]);
      expect(await outboxRows(post.id)).toBe(1);
      expect(await search('zébrure')).toEqual([]);
      await indexer.drain();
      expect(await search('zébrure')).toEqual([post.id]);
    });

    it('indexes a published row inserted by plain SQL, removes it when deleted, and ignores drafts', async () => {
      const before = await outboxRows();
      const draft = await insertPost('Brouillon inséré quetzal', 'DRAFT');
      await db.query(`UPDATE experience_post SET summary = 'Encore un brouillon.' WHERE id = $1`, [draft]);
      expect(await outboxRows()).toBe(before);

      const id = await insertPost('Publication insérée quetzal');
      await indexer.drain();
      expect(await search('quetzal')).toEqual([id]);

      await db.query(`DELETE FROM experience_post WHERE id = $1`, [id]);
      expect(await outboxRows(id)).toBe(1);
      await indexer.drain();
      expect(await indexed(id)).toBe(false);
      expect(await search('quetzal')).toEqual([]);
    });

    it('takes a post out of the index when plain SQL unpublishes it', async () => {
      const id = await insertPost('Bientôt archivé ornithorynque');
      await indexer.drain();
      expect(await search('ornithorynque')).toEqual([id]);
      await db.query(`UPDATE experience_post SET status = 'ARCHIVED' WHERE id = $1`, [id]);
      await indexer.drain();
      // Gone from the index itself, not only filtered out by the API's re-check.
      expect(await indexed(id)).toBe(false);
      expect(await search('ornithorynque')).toEqual([]);
    });

    it('writes one row per changed published document when one statement changes many', async () => {
      const [{ published }] = await db.query(
        `SELECT count(*)::int AS published FROM experience_post WHERE status = 'PUBLISHED'`,
      );
      expect(published).toBeGreaterThan(10);
      await db.query(`UPDATE experience_post SET summary = summary || ' ' WHERE status IN ('PUBLISHED', 'DRAFT')`);
      expect(await outboxRows()).toBe(published);
      await indexer.drain();
    });

    it("rebuilds the published documents that show a theme's label or an organisation's name when it changes", async () => {
      const [{ withTheme }] = await db.query(
        `SELECT (SELECT count(*) FROM experience_post WHERE status = 'PUBLISHED' AND 'numerique-responsable' = ANY(themes))
              + (SELECT count(*) FROM clause_template WHERE status = 'PUBLISHED' AND 'numerique-responsable' = ANY(themes))
           AS "withTheme"`,
      );
      expect(Number(withTheme)).toBeGreaterThan(0);
      expect(await search('hippocampe')).toEqual([]);
      await owner.query(`UPDATE theme SET label = 'Numérique hippocampe' WHERE slug = 'numerique-responsable'`);
      expect(await outboxRows()).toBe(Number(withTheme));
      await indexer.drain();
      // The documents now carry the new label: a search by it finds them (posts among them).
      expect((await search('hippocampe')).length).toBeGreaterThan(0);

      const [{ ofOrganisation }] = await db.query(
        `SELECT (SELECT count(*) FROM experience_post WHERE status = 'PUBLISHED' AND organisation_id = $1)
              + (SELECT count(*) FROM clause_template WHERE status = 'PUBLISHED' AND organisation_id = $1)
           AS "ofOrganisation"`,
        [author.organisation_id],
      );
      expect(Number(ofOrganisation)).toBeGreaterThan(0);
      await db.query(`UPDATE organisation SET trusted = NOT trusted WHERE id = $1`, [author.organisation_id]);
      expect(await outboxRows()).toBe(0); // nothing a document shows
      expect(await search('salamandre')).toEqual([]);
      await db.query(`UPDATE organisation SET name = name || ' salamandre' WHERE id = $1`, [author.organisation_id]);
      expect(await outboxRows()).toBe(Number(ofOrganisation));
      await indexer.drain();
      expect((await search('salamandre')).length).toBeGreaterThan(0);
    });
  });

  describe('indexer', () => {
    it('sets aside a document the engine keeps refusing, and lets the rest of its batch through', async () => {
      // A real refusal by the engine: the index table rejects one title.
      await owner.query(`ALTER TABLE search_document ADD CONSTRAINT poison CHECK (title NOT LIKE '%empoisonné%')`);
      let poisonedId = '';
      try {
        const good = [
          await insertPost('Voisin sain un'),
          await insertPost('Voisin sain deux'),
          await insertPost('Voisin sain trois'),
        ];
        const poisoned = await insertPost('Document empoisonné');
        poisonedId = poisoned;
        await drainRounds(DEAD_LETTER_ATTEMPTS + 2);

        for (const id of good) expect(await indexed(id)).toBe(true);
        expect(await indexed(poisoned)).toBe(false);
        expect(await indexer.pending()).toBe(0);
        const dead = await t.app.get(SearchAdmin).deadLetters();
        expect(dead).toEqual([
          expect.objectContaining({
            key: `EXPERIENCE_POST:${poisoned}`,
            attempts: DEAD_LETTER_ATTEMPTS,
            lastError: expect.stringContaining('poison'),
          }),
        ]);
        expect(t.logs.lines.filter((l) => String(l['msg']).includes('set aside as a dead letter'))).toHaveLength(1);

        // A later document is not held back by the dead letter.
        const later = await insertPost('Arrivé après la lettre morte');
        await indexer.drain();
        expect(await indexed(later)).toBe(true);
      } finally {
        await owner.query(`ALTER TABLE search_document DROP CONSTRAINT poison`);
      }
      // search:verify shows it missing from the index (and lists the dead letter); search:reindex,
      // run as the owner, rewrites everything and clears dead letters.
      const [report] = await t.app.get(SearchAdmin).verify();
      expect(report.missing).toEqual([`EXPERIENCE_POST:${poisonedId}`]);
    });

    it('counts no attempt toward a dead letter while the engine does not answer at all', async () => {
      const engine = t.app.get(SearchEngines).postgres;
      const down = new Error('search engine down (fault injection)');
      const upsert = jest.spyOn(engine, 'upsert').mockRejectedValue(down);
      const stats = jest.spyOn(engine, 'stats').mockRejectedValue(down);
      const id = await insertPost('Écrit pendant la panne');
      try {
        await drainRounds(DEAD_LETTER_ATTEMPTS + 2);
        const [row] = await db.query(
          `SELECT attempts, dead_at, claim_token FROM search_outbox WHERE document_id = $1`,
          [id],
        );
        expect(row).toEqual({ attempts: 0, dead_at: null, claim_token: null });
        expect(upsert).toHaveBeenCalled();
      } finally {
        upsert.mockRestore();
        stats.mockRestore();
      }
      await db.query(`UPDATE search_outbox SET available_at = now()`);
      await indexer.drain();
      expect(await indexed(id)).toBe(true);
    });

    it('commits its claim before calling the engine, and holds no transaction meanwhile', async () => {
      const engine = t.app.get(SearchEngines).postgres;
      let release = (): void => undefined;
      const gate = new Promise<void>((r) => (release = r));
      let entered = (): void => undefined;
      const called = new Promise<void>((r) => (entered = r));
      const real = engine.upsert.bind(engine);
      const upsert = jest.spyOn(engine, 'upsert').mockImplementation(async (documents) => {
        entered();
        await gate;
        return real(documents);
      });
      try {
        const id = await insertPost('Écriture lente');
        const first = indexer.drainOnce();
        await called;
        // Another connection sees the claim: it was committed.
        const claimed = await owner.query(
          `SELECT claim_token, claimed_until > now() AS live FROM search_outbox WHERE document_id = $1`,
          [id],
        );
        expect(claimed.rows).toEqual([{ claim_token: expect.any(String), live: true }]);
        const idle = await owner.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity
           WHERE datname = current_database() AND state LIKE 'idle in transaction%'`,
        );
        expect(idle.rows[0].n).toBe(0);
        // A second claim while the first holds the document takes nothing.
        expect(await indexer.drainOnce()).toEqual({ claimed: 0, failed: 0 });
        release();
        expect(await first).toEqual({ claimed: 1, failed: 0 });
        expect(await outboxRows(id)).toBe(0);
        expect(await indexed(id)).toBe(true);
      } finally {
        release();
        upsert.mockRestore();
      }
    });

    it('leaves rows another live claim holds, and takes them again once its lease has expired', async () => {
      const id = await insertPost('Bail expiré');
      // As if another process had claimed the row and then died.
      await db.query(
        `UPDATE search_outbox SET claim_token = gen_random_uuid(), claimed_until = now() + interval '1 minute'
         WHERE document_id = $1`,
        [id],
      );
      expect(await indexer.drainOnce()).toEqual({ claimed: 0, failed: 0 });
      expect(await indexed(id)).toBe(false);
      await db.query(`UPDATE search_outbox SET claimed_until = now() - interval '1 second' WHERE document_id = $1`, [
        id,
      ]);
      expect(await indexer.drainOnce()).toEqual({ claimed: 1, failed: 0 });
      expect(await indexed(id)).toBe(true);
      expect(await outboxRows(id)).toBe(0);
    });
  });
});
