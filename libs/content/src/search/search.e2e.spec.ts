import { DATA_SOURCE } from '@resocc/core';
import type { GraphQLResponse } from '@resocc/core/testing';
import {
  ADMIN,
  MEMBER,
  MODERATOR,
  OTHER_MEMBER,
  PENDING_USER,
  login,
  type Session,
} from '@resocc/members/testing';
import {
  type DocumentVisibility,
  FACET_NAMES,
  type FacetCount,
  type FacetName,
  SearchAdmin,
  SearchEngines,
  SearchIndexer,
  byCountThenValue,
} from '@resocc/search';
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
type Facet = { name: string; values: FacetCount[] };
type SearchResult = {
  totalHits: number;
  totalHitsExact: boolean;
  hits: Hit[];
  facets: Facet[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
};
type Result = { search: SearchResult };

/** Who searches: the demo accounts (MEMBER writes the posts of these tests). */
type Viewer = 'anonymous' | 'pending' | 'author' | 'otherMember' | 'moderator';
const VIEWERS: Viewer[] = ['anonymous', 'pending', 'author', 'otherMember', 'moderator'];
/** The rule as the search sees it, written independently of the code: only PUBLISHED items are indexed. */
const mayRead = (viewer: Viewer, visibility: string): boolean =>
  visibility === 'PUBLIC' || viewer === 'author' || viewer === 'otherMember' || viewer === 'moderator';

/** A published post of a corpus, as the test wrote it. */
interface Written {
  id: string;
  title: string;
  visibility: 'PUBLIC' | 'MEMBERS';
  themes: string[];
  departmentCode: string;
}

/** What the facets must say of exactly these posts (all of them experience posts written from validPost). */
function facetsOf(posts: readonly Written[]): Facet[] {
  const count = (values: string[]): FacetCount[] => {
    const counts = new Map<string, number>();
    for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
    return [...counts].map(([value, n]) => ({ value, count: n })).sort(byCountThenValue);
  };
  const base = validPost();
  const expected: Record<FacetName, FacetCount[]> = {
    type: count(posts.map(() => 'EXPERIENCE_POST')),
    themes: count(posts.flatMap((p) => p.themes)),
    considerations: count(posts.flatMap(() => base['considerations'] as string[])),
    kind: [],
    departmentCode: count(posts.map((p) => p.departmentCode)),
    procedureType: count(posts.map(() => base['procedureType'] as string)),
  };
  return FACET_NAMES.map((name) => ({ name, values: expected[name] }));
}

describe('search through the API', () => {
  let t: TestApp;
  let member: Session;
  let dataSource: DataSource;
  let indexer: SearchIndexer;
  const tokens: Partial<Record<Viewer, string>> = {};

  const search = (input: Record<string, unknown>, token?: string): Promise<GraphQLResponse<Result>> =>
    t.gql<Result>(SEARCH, { input }, { token });
  /** The search result; an error fails the test (it never reads as "nothing found"). */
  async function searched(input: Record<string, unknown>, token?: string): Promise<SearchResult> {
    const res = await search(input, token);
    if (res.errors || !res.data)
      throw new Error(`search ${JSON.stringify(input)} failed: ${JSON.stringify(res.errors)}`);
    return res.data.search;
  }
  const titles = async (query: string, token?: string): Promise<string[]> =>
    (await searched({ query, first: 100 }, token)).hits.map((h) => h.node.title);

  /** Waits (5 s at most) until `check` holds; returns how long it took. */
  async function eventually(check: () => Promise<boolean>): Promise<number> {
    const started = Date.now();
    while (!(await check())) {
      if (Date.now() - started > 5000) throw new Error('the index did not follow within 5 s');
      await new Promise((r) => setTimeout(r, 20));
    }
    return Date.now() - started;
  }

  async function mutate<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    const res = await t.gql<T>(query, variables, { token: member.accessToken });
    if (res.errors || !res.data) throw new Error(`${query} failed: ${JSON.stringify(res.errors)}`);
    return res.data;
  }

  async function draft(title: string, overrides: Record<string, unknown> = {}): Promise<string> {
    const created = await mutate<{ createExperiencePost: { id: string } }>(
      'mutation($input: ExperiencePostInput!) { createExperiencePost(input: $input) { id } }',
      { input: validPost({ title, ...overrides }) },
    );
    return created.createExperiencePost.id;
  }

  async function publish(title: string, overrides: Record<string, unknown> = {}): Promise<string> {
    const id = await draft(title, overrides);
    const submitted = await mutate<{ submitExperiencePost: { status: string } }>(
      'mutation($id: ID!) { submitExperiencePost(id: $id) { status } }',
      { id },
    );
    expect(submitted.submitExperiencePost.status).toBe('PUBLISHED');
    return id;
  }

  const localId = (globalId: string): string => Buffer.from(globalId, 'base64url').toString().split(':')[1];

  async function hide(id: string): Promise<void> {
    const workflow = t.app.get(ContentWorkflowService);
    await dataSource.transaction((m) =>
      workflow.apply(m, { type: 'ExperiencePost', id: localId(id) }, ContentTransition.HIDE, null),
    );
  }

  async function archive(id: string): Promise<void> {
    const res = await mutate<{ archiveExperiencePost: { status: string } }>(
      'mutation($id: ID!) { archiveExperiencePost(id: $id) { status } }',
      { id },
    );
    expect(res.archiveExperiencePost.status).toBe('ARCHIVED');
  }

  /**
   * Posts whose titles hold `word`: five stay published (two PUBLIC, three MEMBERS), and
   * three that hold the word were published once and left (archived, hidden) or never were
   * (a draft). The index is drained before it returns.
   */
  async function corpus(word: string): Promise<{ published: Written[]; gone: string[] }> {
    const specs: Omit<Written, 'id' | 'title'>[] = [
      { visibility: 'PUBLIC', themes: ['energie'], departmentCode: '34' },
      { visibility: 'PUBLIC', themes: ['energie', 'alimentation'], departmentCode: '30' },
      { visibility: 'MEMBERS', themes: ['alimentation'], departmentCode: '30' },
      { visibility: 'MEMBERS', themes: ['handicap'], departmentCode: '31' },
      { visibility: 'MEMBERS', themes: ['energie'], departmentCode: '34' },
    ];
    const published: Written[] = [];
    for (const [i, spec] of specs.entries()) {
      const title = `Marché ${word} numéro ${i + 1}`;
      published.push({ ...spec, title, id: await publish(title, spec) });
    }
    const archived = await publish(`Marché ${word} archivé`, { themes: ['handicap'], departmentCode: '81' });
    const hidden = await publish(`Marché ${word} masqué`, {
      visibility: 'MEMBERS',
      themes: ['handicap'],
      departmentCode: '81',
    });
    const drafted = await draft(`Marché ${word} en brouillon`, {
      themes: ['handicap'],
      departmentCode: '81',
    });
    await indexer.drain();
    await archive(archived);
    await hide(hidden);
    await indexer.drain();
    return { published, gone: [archived, hidden, drafted] };
  }

  beforeAll(async () => {
    t = await createContentTestApp();
    member = await login(t, MEMBER);
    const admin = await login(t, ADMIN);
    dataSource = t.app.get<DataSource>(DATA_SOURCE);
    indexer = t.app.get(SearchIndexer);
    tokens.pending = (await login(t, PENDING_USER)).accessToken;
    tokens.author = member.accessToken;
    tokens.otherMember = (await login(t, OTHER_MEMBER)).accessToken;
    tokens.moderator = (await login(t, MODERATOR)).accessToken;
    const org = await t.gql<{ me: { organisation: { id: string } } }>(
      '{ me { organisation { id } } }',
      undefined,
      { token: member.accessToken },
    );
    const trusted = await t.gql(
      'mutation($id: ID!) { setOrganisationTrusted(id: $id, trusted: true) { trusted } }',
      { id: org.data?.me.organisation.id },
      { token: admin.accessToken },
    );
    if (trusted.errors) throw new Error(`setOrganisationTrusted failed: ${JSON.stringify(trusted.errors)}`);
  });
  afterAll(() => t.close());

  it('makes a published post searchable shortly after commit, never its draft', async () => {
    const id = await draft('Brouillon sur les gobelets compostables');
    await indexer.drain();
    expect(await titles('gobelets compostables', member.accessToken)).toEqual([]);
    expect(
      Number(
        (await dataSource.query(`SELECT count(*) AS n FROM search_document WHERE title LIKE 'Brouillon%'`))[0]
          .n,
      ),
    ).toBe(0);

    const started = Date.now();
    await mutate('mutation($id: ID!) { submitExperiencePost(id: $id) { status } }', { id });
    await eventually(async () => (await titles('gobelets compostables')).length === 1);
    console.log(`publish to searchable: ${Date.now() - started} ms`);
  });

  it('drops an item from anonymous results, and from their count, when it is archived, hidden or made members-only', async () => {
    const archived = await publish('Mobilier de bureau issu du réemploi');
    const hidden = await publish('Vêtements de travail en fibres recyclées');
    const restricted = await publish('Flotte de vélos à assistance électrique');
    await eventually(
      async () =>
        (await titles('mobilier')).length === 1 &&
        (await titles('fibres recyclées')).length === 1 &&
        (await titles('vélos électrique')).length === 1,
    );

    await archive(archived);
    await hide(hidden);
    await mutate(
      'mutation($id: ID!, $input: ExperiencePostInput!) { updateExperiencePost(id: $id, expectedVersion: 2, input: $input) { status visibility } }',
      {
        id: restricted,
        input: validPost({ title: 'Flotte de vélos à assistance électrique', visibility: 'MEMBERS' }),
      },
    );
    // The engine's count, not only the hits the resolver re-checks: what left the index
    // (archived, hidden) or left PUBLIC is no longer counted for anonymous viewers.
    const counted = async (query: string, token?: string): Promise<number> =>
      (await searched({ query }, token)).totalHits;
    const took = await eventually(
      async () =>
        (await counted('mobilier')) === 0 &&
        (await counted('fibres recyclées')) === 0 &&
        (await counted('vélos électrique')) === 0,
    );
    console.log(`unpublish, hide and restrict leave anonymous results in ${took} ms`);
    expect(await titles('vélos électrique', member.accessToken)).toEqual([
      'Flotte de vélos à assistance électrique',
    ]);
    // Members may read what is still published, but nothing counts what left PUBLISHED.
    expect(await counted('mobilier', member.accessToken)).toBe(0);
    expect(await counted('fibres recyclées', member.accessToken)).toBe(0);
    expect(await counted('vélos électrique', member.accessToken)).toBe(1);
  });

  it('counts in totalHits and in every facet only what each viewer may see', async () => {
    const { published } = await corpus('géothermie');
    for (const viewer of VIEWERS) {
      const visible = published.filter((p) => mayRead(viewer, p.visibility));
      const result = await searched({ query: 'géothermie', first: 100 }, tokens[viewer]);
      expect({ viewer, ids: result.hits.map((h) => h.node.id).sort() }).toEqual({
        viewer,
        ids: visible.map((p) => p.id).sort(),
      });
      expect({ viewer, totalHits: result.totalHits, exact: result.totalHitsExact }).toEqual({
        viewer,
        totalHits: visible.length,
        exact: true,
      });
      expect({ viewer, facets: result.facets }).toEqual({ viewer, facets: facetsOf(visible) });

      // One hit per page: the count and the next page still say how many the viewer may see.
      const first = await searched({ query: 'géothermie', first: 1 }, tokens[viewer]);
      expect({ viewer, totalHits: first.totalHits, next: first.pageInfo.hasNextPage }).toEqual({
        viewer,
        totalHits: visible.length,
        next: visible.length > 1,
      });
      // A filter narrows the count, never widens it past the viewer's share.
      const food = await searched({ query: 'géothermie', themes: ['alimentation'] }, tokens[viewer]);
      const visibleFood = visible.filter((p) => p.themes.includes('alimentation'));
      expect({ viewer, food: food.totalHits }).toEqual({ viewer, food: visibleFood.length });
      expect({ viewer, facets: food.facets }).toEqual({ viewer, facets: facetsOf(visibleFood) });
    }
  });

  it('filters by visibility in the engine itself: asked through its port, it never returns or counts what the request excludes', async () => {
    const { published, gone } = await corpus('aquaponie');
    const engines = t.app.get(SearchEngines);
    const key = (id: string): string => `EXPERIENCE_POST:${localId(id)}`;
    const mine = new Set([...published.map((p) => key(p.id)), ...gone.map(key)]);
    /** What the index must count for these visibilities: the database's PUBLISHED content. */
    const publishedIn = async (visibilities: DocumentVisibility[]): Promise<number> => {
      const [{ n }] = await dataSource.query(
        `SELECT (SELECT count(*) FROM experience_post WHERE status = 'PUBLISHED' AND visibility::text = ANY($1))
              + (SELECT count(*) FROM clause_template WHERE status = 'PUBLISHED' AND visibility::text = ANY($1)) AS n`,
        [visibilities],
      );
      return Number(n);
    };
    for (const visibilities of [['PUBLIC'], ['MEMBERS'], ['PUBLIC', 'MEMBERS']] as DocumentVisibility[][]) {
      const expected = published.filter((p) => visibilities.includes(p.visibility));
      // '' lists the whole index: this corpus's part of it is checked, and the count against the database.
      for (const query of ['aquaponie', 'aquapo', '']) {
        const response = await engines.search({ query, filters: {}, visibilities, offset: 0, limit: 100 });
        const keys = response.hits
          .map((h) => h.key)
          .filter((k) => mine.has(k))
          .sort();
        expect({ visibilities, query, keys }).toEqual({
          visibilities,
          query,
          keys: expected.map((p) => key(p.id)).sort(),
        });
        expect({ visibilities, query, totalHits: response.totalHits }).toEqual({
          visibilities,
          query,
          totalHits: query === '' ? await publishedIn(visibilities) : expected.length,
        });
        expect({
          visibilities,
          query,
          types: response.facets.type.reduce((sum, f) => sum + f.count, 0),
        }).toEqual({
          visibilities,
          query,
          types: response.totalHits,
        });
      }
      const themes = (
        await engines.search({ query: 'aquaponie', filters: {}, visibilities, offset: 0, limit: 1 })
      ).facets.themes;
      expect({ visibilities, themes }).toEqual({
        visibilities,
        themes: facetsOf(expected).find((f) => f.name === 'themes')?.values,
      });
    }
    // What left PUBLISHED left every engine the indexer writes to.
    for (const engine of engines.writers) {
      const listed = new Set((await engine.listKeys()).map((k) => k.key));
      expect({ engine: engine.name, gone: gone.map(key).filter((k) => listed.has(k)) }).toEqual({
        engine: engine.name,
        gone: [],
      });
      expect({
        engine: engine.name,
        published: published.map((p) => key(p.id)).filter((k) => !listed.has(k)),
      }).toEqual({ engine: engine.name, published: [] });
    }
  });

  it('answers with highlights, facets adding up to totalHits, and cursor pages', async () => {
    for (let i = 0; i < 7; i++)
      await publish(`Isolation thermique des écoles, lot ${i + 1}`, {
        themes: ['energie', 'batiment-travaux-publics'],
      });
    await indexer.drain();
    const result = await searched({ query: 'isolation thermique', first: 3 });
    expect(result.totalHits).toBe(7);
    expect(result.totalHitsExact).toBe(true);
    expect(result.hits[0].titleHighlight).toMatch(/<mark>Isolation<\/mark> <mark>thermique<\/mark>/);
    const typeFacet = result.facets.find((f) => f.name === 'type');
    expect(typeFacet?.values.reduce((s, v) => s + v.count, 0)).toBe(7);
    expect(result.facets.map((f) => f.name)).toEqual([...FACET_NAMES]);
    const seen = new Set(result.hits.map((h) => h.node.id));
    let after = result.pageInfo.endCursor;
    while (after) {
      const next = await searched({ query: 'isolation thermique', first: 3, after });
      next.hits.forEach((h) => seen.add(h.node.id));
      after = next.pageInfo.hasNextPage ? next.pageInfo.endCursor : null;
    }
    expect(seen.size).toBe(7);
  });

  it('filters by type, theme and département, and names bad filter values', async () => {
    await publish('Centrale photovoltaïque sur le toit du gymnase', {
      themes: ['energie'],
      departmentCode: '34',
    });
    await publish('Ombrières photovoltaïques du parking', { themes: ['energie'], departmentCode: '34' });
    await publish('Restaurant scolaire alimenté par le photovoltaïque', {
      themes: ['alimentation'],
      departmentCode: '30',
    });
    await indexer.drain();
    expect((await searched({ query: 'photovoltaïque' })).totalHits).toBe(3);
    expect((await searched({ query: 'photovoltaïque', types: ['CLAUSE_TEMPLATE'] })).totalHits).toBe(0);
    expect(
      (await searched({ query: 'photovoltaïque', themes: ['energie'], departmentCodes: ['34'] })).totalHits,
    ).toBe(2);
    expect((await searched({ query: 'photovoltaïque', departmentCodes: ['30'] })).totalHits).toBe(1);
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

  it('shows and counts for each viewer exactly what they may see (randomised over statuses, visibilities, viewers and queries)', async () => {
    const [author] = await dataSource.query(`SELECT id, organisation_id FROM user_account WHERE email = $1`, [
      OTHER_MEMBER,
    ]);
    // Words no other test writes, nor any synonym of theirs (text/synonyms.ts): a query of them
    // matches this world only. Every item's
    // body holds all of them, so every query below matches every item of the world.
    const words = [
      'bitume',
      'lessive',
      'papeterie',
      'serveur',
      'gouttiere',
      'chantier',
      'gilet',
      'pneumatique',
    ];
    let seed = 42;
    // The high bits of the generator: its low bits follow a short cycle (seed % 2 merely
    // alternates, which made every published item of the world PUBLIC).
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor((seed / 2147483648) * n);
    };
    const statuses = Object.values(ContentStatus);
    const world = new Map<string, { status: string; visibility: string }>();
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
      world.set(row.id as string, { status, visibility });
    }
    await dataSource.query(
      `INSERT INTO search_outbox (document_type, document_id) SELECT 'EXPERIENCE_POST', unnest($1::uuid[])`,
      [[...world.keys()]],
    );
    await indexer.drain();
    // Search shows PUBLISHED items only, whoever asks (the author's drafts are not indexed).
    const allowed = (viewer: Viewer, item: { status: string; visibility: string }): boolean =>
      item.status === 'PUBLISHED' && mayRead(viewer, item.visibility);
    const expectedFor = (viewer: Viewer): string[] =>
      [...world].filter(([, item]) => allowed(viewer, item)).map(([id]) => id);
    const publicCount = expectedFor('anonymous').length;
    expect(publicCount).toBeGreaterThan(0);
    expect(expectedFor('otherMember').length).toBeGreaterThan(publicCount);

    let checked = 0;
    for (let run = 0; run < 60; run++) {
      const viewer = VIEWERS[random(VIEWERS.length)];
      const query =
        `${words[random(words.length)]} ${random(2) ? words[random(words.length)].slice(0, 4) : ''}`.trim();
      const result = await searched({ query, first: 100 }, tokens[viewer]);
      for (const hit of result.hits) {
        const item = world.get(localId(hit.node.id));
        expect({ viewer, query, hit: item && allowed(viewer, item) }).toEqual({ viewer, query, hit: true });
        checked++;
      }
      const expected = expectedFor(viewer);
      expect({ viewer, query, ids: result.hits.map((h) => localId(h.node.id)).sort() }).toEqual({
        viewer,
        query,
        ids: [...expected].sort(),
      });
      expect({
        viewer,
        query,
        totalHits: result.totalHits,
        facets: result.facets.filter((f) => f.name === 'type' || f.name === 'themes'),
      }).toEqual({
        viewer,
        query,
        totalHits: expected.length,
        facets: [
          { name: 'type', values: [{ value: 'EXPERIENCE_POST', count: expected.length }] },
          { name: 'themes', values: [{ value: 'dechets', count: expected.length }] },
        ],
      });
    }
    expect(checked).toBeGreaterThan(50);
    // nothing unpublished ever reached the index
    const [{ n }] = await dataSource.query(
      `SELECT count(*) AS n FROM search_document d JOIN experience_post p ON d.entity_id = p.id WHERE p.status <> 'PUBLISHED'`,
    );
    expect(Number(n)).toBe(0);
  });

  it('rebuilds the whole index (search:reindex) while a post is published, then search:verify finds no difference', async () => {
    // search:reindex creates and swaps tables: it runs as the owner role, as the command does.
    const operator = await createContentTestApp({ database: { ...t.db, url: t.db.ownerUrl } });
    const admin = operator.app.get(SearchAdmin);
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
    await operator.close();
  });
});
