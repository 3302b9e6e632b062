// The search engine fails during 1,000 writes: no write fails, nothing is lost, and the
// index converges once the engine is back (search:verify finds no difference).
import { createPlatformTestApp } from '@resocc/api/testing';
import { PostService } from '@resocc/content';
import { validPost } from '@resocc/content/testing';
import { DATA_SOURCE, Role, SeedRegistry, type Viewer } from '@resocc/core';
import type { TestApp } from '@resocc/core/testing';
import { SearchAdmin, SearchEngines, SearchIndexer } from '@resocc/search';
import type { DataSource } from 'typeorm';

describe('search engine failure during writes', () => {
  let t: TestApp;
  let dataSource: DataSource;
  beforeAll(async () => {
    t = await createPlatformTestApp();
    dataSource = t.app.get<DataSource>(DATA_SOURCE);
    await t.app.get(SeedRegistry).seed(dataSource, ['members-demo']);
  });
  afterAll(() => t.close());

  it('loses none of 1,000 writes made while the engine fails, and converges once it is back', async () => {
    const engines = t.app.get(SearchEngines);
    const indexer = t.app.get(SearchIndexer);
    const posts = t.app.get(PostService);
    const [author] = await dataSource.query(`SELECT id, organisation_id FROM user_account WHERE email = $1`, [
      'acheteuse@montpellier.example',
    ]);
    await dataSource.query(`UPDATE organisation SET trusted = true WHERE id = $1`, [author.organisation_id]);
    const viewer: Viewer = {
      userId: author.id,
      organisationId: author.organisation_id,
      roles: [Role.MEMBER],
      referent: false,
    };
    // Fault injection: every write to the engine fails until restored.
    const upsert = jest
      .spyOn(engines.postgres, 'upsert')
      .mockRejectedValue(new Error('search engine down (fault injection)'));
    for (let i = 0; i < 500; i++) {
      const post = await posts.create(
        viewer,
        validPost({ title: `Panne simulée ${i}`, clauseTemplateIds: [] }) as never,
      );
      const published = await posts.submit(viewer, post.id); // writes never fail because of the index
      expect(published.status).toBe('PUBLISHED');
    }
    expect(upsert).toHaveBeenCalled();
    expect(await indexer.pending()).toBeGreaterThan(0);
    const [{ failed }] = await dataSource.query(
      `SELECT count(*)::int AS failed FROM search_outbox WHERE attempts > 0`,
    );
    expect(failed).toBeGreaterThan(0);

    upsert.mockRestore();
    await dataSource.query(`UPDATE search_outbox SET available_at = now()`); // skip the remaining backoff
    await indexer.drain();
    expect(await indexer.pending()).toBe(0);
    const [{ n }] = await dataSource.query(
      `SELECT count(*)::int AS n FROM search_document WHERE title LIKE 'Panne simulée %'`,
    );
    expect(n).toBe(500);
    expect(await t.app.get(SearchAdmin).verify()).toEqual([
      { engine: 'postgres', missing: [], stale: [], extra: [] },
    ]);
  });
});
