import { DATA_SOURCE } from '@resocc/core';
import { ADMIN, MEMBER, OTHER_MEMBER, PENDING_USER, login, type Session } from '@resocc/members/testing';
import { FACET_NAMES, SearchAdmin, SearchIndexer } from '@resocc/search';
import type { DataSource } from 'typeorm';
import { ContentStatus, Visibility } from '../shared/enums';
import { type TestApp, createContentTestApp, validPost } from '../testing';
import { ContentTransition } from '../workflow/content-state-machine';
import { ContentWorkflowService } from '../workflow/content-workflow.service';

const SEARCH = `query($input: SearchInput!) {
  search(input: $input) {
    totalHits
    totalHitsExact
    hits { titleHighlight snippet node { __typename ... on ExperiencePost { id title status visibility } ... on ClauseTemplate { id title status visibility } } }
    facets { name values { value count } }
    pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}`;

type Hit = {
  titleHighlight: string;
  snippet: string;
  node: { __typename: string; id: string; title: string; status: string; visibility: string };
};
type Result = {
  search: {
    totalHits: number;
    totalHitsExact: boolean;
    hits: Hit[];
    facets: { name: string; values: { value: string; count: number }[] }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

describe('search through the API', () => {
  let t: TestApp;
  let member: Session;
  let admin: Session;
  let dataSource: DataSource;
  let indexer: SearchIndexer;

  const search = (input: Record<string, unknown>, token?: string) =>
    t.gql<Result>(SEARCH, { input }, { token });
  const titles = async (query: string, token?: string): Promise<string[]> =>
    ((await search({ query, first: 100 }, token)).data?.search.hits ?? []).map((h) => h.node.title);

  /** Waits (5 s at most) until `check` holds; returns how long it took. */
  async function eventually(check: () => Promise<boolean>): Promise<number> {
    const started = Date.now();
    while (!(await check())) {
      if (Date.now() - started > 5000) throw new Error('the index did not follow within 5 s');
      await new Promise((r) => setTimeout(r, 20));
    }
    return Date.now() - started;
  }

  async function publish(title: string, overrides: Record<string, unknown> = {}): Promise<string> {
    const created = await t.gql<{ createExperiencePost: { id: string } }>(
      'mutation($input: ExperiencePostInput!) { createExperiencePost(input: $input) { id } }',
      { input: validPost({ title, ...overrides }) },
      { token: member.accessToken },
    );
    const id = created.data?.createExperiencePost.id as string;
    const submitted = await t.gql<{ submitExperiencePost: { status: string } }>(
      'mutation($id: ID!) { submitExperiencePost(id: $id) { status } }',
      { id },
      { token: member.accessToken },
    );
    expect(submitted.data?.submitExperiencePost.status).toBe('PUBLISHED');
    return id;
  }

  beforeAll(async () => {
    t = await createContentTestApp();
    member = await login(t, MEMBER);
    admin = await login(t, ADMIN);
    dataSource = t.app.get<DataSource>(DATA_SOURCE);
    indexer = t.app.get(SearchIndexer);
    const org = await t.gql<{ me: { organisation: { id: string } } }>(
      '{ me { organisation { id } } }',
      undefined,
      { token: member.accessToken },
    );
    await t.gql(
      'mutation($id: ID!) { setOrganisationTrusted(id: $id, trusted: true) { trusted } }',
      { id: org.data?.me.organisation.id },
      { token: admin.accessToken },
    );
  });
  afterAll(() => t.close());

  it('makes a published post searchable shortly after commit, never its draft', async () => {
    const created = await t.gql<{ createExperiencePost: { id: string } }>(
      'mutation($input: ExperiencePostInput!) { createExperiencePost(input: $input) { id } }',
      { input: validPost({ title: 'Brouillon sur les gobelets compostables' }) },
      { token: member.accessToken },
    );
    await indexer.drain();
    expect(await titles('gobelets compostables', member.accessToken)).toEqual([]);
    expect(
      Number(
        (await dataSource.query(`SELECT count(*) AS n FROM search_document WHERE title LIKE 'Brouillon%'`))[0]
          .n,
      ),
    ).toBe(0);

    const started = Date.now();
    await t.gql(
      'mutation($id: ID!) { submitExperiencePost(id: $id) { status } }',
      { id: created.data?.createExperiencePost.id },
      { token: member.accessToken },
    );
    await eventually(async () => (await titles('gobelets compostables')).length === 1);
    console.log(`publish to searchable: ${Date.now() - started} ms`);
  });

  it('drops an item from anonymous results when it is archived, hidden or made members-only', async () => {
    const archived = await publish('Mobilier de bureau issu du réemploi');
    const hidden = await publish('Vêtements de travail en fibres recyclées');
    const restricted = await publish('Flotte de vélos à assistance électrique');
    await eventually(
      async () =>
        (await titles('réemploi mobilier')).length === 1 &&
        (await titles('fibres recyclées')).length === 1 &&
        (await titles('vélos électrique')).length === 1,
    );

    await t.gql(
      'mutation($id: ID!) { archiveExperiencePost(id: $id) { status } }',
      { id: archived },
      { token: member.accessToken },
    );
    const workflow = t.app.get(ContentWorkflowService);
    const hiddenId = Buffer.from(hidden, 'base64url').toString().split(':')[1];
    await dataSource.transaction((m) =>
      workflow.apply(m, { type: 'ExperiencePost', id: hiddenId }, ContentTransition.HIDE, null),
    );
    await t.gql(
      'mutation($id: ID!, $input: ExperiencePostInput!) { updateExperiencePost(id: $id, expectedVersion: 2, input: $input) { status visibility } }',
      {
        id: restricted,
        input: validPost({ title: 'Flotte de vélos à assistance électrique', visibility: 'MEMBERS' }),
      },
      { token: member.accessToken },
    );
    const took = await eventually(
      async () =>
        (await titles('réemploi mobilier')).length === 0 &&
        (await titles('fibres recyclées')).length === 0 &&
        (await titles('vélos électrique')).length === 0,
    );
    console.log(`unpublish, hide and restrict leave anonymous results in ${took} ms`);
    expect(await titles('vélos électrique', member.accessToken)).toEqual([
      'Flotte de vélos à assistance électrique',
    ]);
  });

  it('answers with highlights, facets adding up to totalHits, and cursor pages', async () => {
    for (let i = 0; i < 7; i++)
      await publish(`Isolation thermique des écoles, lot ${i + 1}`, {
        themes: ['energie', 'batiment-travaux-publics'],
      });
    await indexer.drain();
    const first = await search({ query: 'isolation thermique', first: 3 });
    const result = first.data?.search;
    expect(result?.totalHits).toBe(7);
    expect(result?.totalHitsExact).toBe(true);
    expect(result?.hits[0].titleHighlight).toMatch(/<mark>Isolation<\/mark> <mark>thermique<\/mark>/);
    const typeFacet = result?.facets.find((f) => f.name === 'type');
    expect(typeFacet?.values.reduce((s, v) => s + v.count, 0)).toBe(7);
    expect(result?.facets.map((f) => f.name)).toEqual([...FACET_NAMES]);
    const seen = new Set(result?.hits.map((h) => h.node.id));
    let after = result?.pageInfo.endCursor;
    while (after) {
      const next = (await search({ query: 'isolation thermique', first: 3, after })).data?.search;
      next?.hits.forEach((h) => seen.add(h.node.id));
      after = next?.pageInfo.hasNextPage ? next.pageInfo.endCursor : null;
    }
    expect(seen.size).toBe(7);
  });

  it('filters by type, theme and département, and names bad filter values', async () => {
    const res = await search({ query: 'isolation', types: ['CLAUSE_TEMPLATE'] });
    expect(res.data?.search.totalHits).toBe(0);
    const byTheme = await search({ query: 'isolation', themes: ['energie'], departmentCodes: ['34'] });
    expect(byTheme.data?.search.totalHits).toBe(7);
    const bad = await search({
      query: 'x'.repeat(201),
      themes: ['inconnu'],
      departmentCodes: ['20'],
      first: 101,
    });
    expect(bad.errors?.[0].extensions?.fields?.map((f) => f.path)).toEqual([
      'input.query',
      'input.themes.0',
      'input.departmentCodes.0',
    ]);
    const badFirst = await search({ query: 'x', first: 101 });
    expect(badFirst.errors?.[0].extensions?.fields?.map((f) => f.path)).toEqual(['input.first']);
    const badCursor = await search({ query: 'x', after: 'nope' });
    expect(badCursor.errors?.[0].extensions?.fields?.map((f) => f.path)).toEqual(['input.after']);
  });

  it('never shows a viewer a hit they may not see (randomised over statuses, visibilities, viewers and queries)', async () => {
    const [author] = await dataSource.query(`SELECT id, organisation_id FROM user_account WHERE email = $1`, [
      OTHER_MEMBER,
    ]);
    const words = ['compost', 'bitume', 'lessive', 'papier', 'serveur', 'cantine', 'chantier', 'gilet'];
    let seed = 42;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const statuses = Object.values(ContentStatus);
    const ids: string[] = [];
    for (let i = 0; i < 120; i++) {
      const status = statuses[random(statuses.length)];
      const visibility = random(2) === 0 ? Visibility.PUBLIC : Visibility.MEMBERS;
      const [row] = await dataSource.query(
        `INSERT INTO experience_post (title, summary, body, body_html, themes, visibility, status, author_id, organisation_id, published_at)
         VALUES ($1, 'résumé', $2, '', '{dechets}', $3, $4::content_status, $5, $6, CASE WHEN $4::text = 'PUBLISHED' THEN now() END) RETURNING id`,
        [
          `Essai ${words[random(words.length)]} ${words[random(words.length)]} ${i}`,
          words.join(' '),
          visibility,
          status,
          author.id,
          author.organisation_id,
        ],
      );
      ids.push(row.id);
    }
    await dataSource.query(
      `INSERT INTO search_outbox (document_type, document_id) SELECT 'EXPERIENCE_POST', unnest($1::uuid[])`,
      [ids],
    );
    await indexer.drain();
    const pending = await login(t, PENDING_USER);
    const viewers: {
      name: string;
      token?: string;
      allowed: (status: string, visibility: string) => boolean;
    }[] = [
      { name: 'anonymous', allowed: (s, v) => s === 'PUBLISHED' && v === 'PUBLIC' },
      { name: 'pending', token: pending.accessToken, allowed: (s, v) => s === 'PUBLISHED' && v === 'PUBLIC' },
      { name: 'member', token: member.accessToken, allowed: (s) => s === 'PUBLISHED' },
    ];
    let checked = 0;
    for (let run = 0; run < 60; run++) {
      const viewer = viewers[random(viewers.length)];
      const query =
        `${words[random(words.length)]} ${random(2) ? words[random(words.length)].slice(0, 4) : ''}`.trim();
      const res = await search({ query, first: 100 }, viewer.token);
      for (const hit of res.data?.search.hits ?? []) {
        expect(viewer.allowed(hit.node.status, hit.node.visibility)).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
    // nothing unpublished ever reached the index
    const [{ n }] = await dataSource.query(
      `SELECT count(*) AS n FROM search_document d JOIN experience_post p ON d.entity_id = p.id WHERE p.status <> 'PUBLISHED'`,
    );
    expect(Number(n)).toBe(0);
  });

  it('rebuilds the whole index (search:reindex) while a post is published, then search:verify finds no difference', async () => {
    const admin = t.app.get(SearchAdmin);
    // A document the database does not publish: the rebuild must drop it.
    await dataSource.query(
      `INSERT INTO search_document (key, type, entity_id, title, summary, body, visibility, updated_at)
       VALUES ('EXPERIENCE_POST:00000000-0000-4000-8000-00000000dead', 'EXPERIENCE_POST',
               '00000000-0000-4000-8000-00000000dead', 'Orphelin', '', '', 'PUBLIC', now())`,
    );
    await publish('Marché de reprographie publié avant la reconstruction');
    await indexer.drain();
    const rebuilding = admin.reindex();
    await publish('Marché de reprographie publié pendant la reconstruction');
    const { documents } = await rebuilding;
    await indexer.drain();
    expect(documents).toBeGreaterThan(0);
    expect(await admin.verify()).toEqual([{ engine: 'postgres', missing: [], stale: [], extra: [] }]);
    expect((await titles('reprographie reconstruction')).sort()).toEqual([
      'Marché de reprographie publié avant la reconstruction',
      'Marché de reprographie publié pendant la reconstruction',
    ]);
    expect(await titles('orphelin')).toEqual([]);
  });
});
