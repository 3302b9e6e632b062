// Leak property test: a random world of organisations, users and content of every status
// and visibility; for random viewers and random ways in (node, lists, usedIn, the
// templates of a post, an organisation's posts, collections, search), nothing reachable
// ever breaks the visibility rule; and search counts (totalHits, facets) only what the
// viewer may see: the engine's numbers, which the resolver's re-check of the hits cannot fix.
import { createPlatformTestApp } from '@resocc/api/testing';
import { waitForSearchIndex } from '@resocc/content/testing';
import { DATA_SOURCE, SeedRegistry, toGlobalId } from '@resocc/core';
import type { TestApp } from '@resocc/core/testing';
import { login } from '@resocc/members/testing';
import fc from 'fast-check';
import type { DataSource } from 'typeorm';

/**
 * requesterA asked to join A (verified, not approved yet); removedA was a member of A and
 * was removed; unverifiedA never followed its link: none of them is a member.
 */
type Viewer =
  'anonymous' | 'pending' | 'requesterA' | 'removedA' | 'unverifiedA' | 'memberA' | 'memberB' | 'moderator';
type Status = 'DRAFT' | 'IN_REVIEW' | 'CHANGES_REQUESTED' | 'PUBLISHED' | 'REJECTED' | 'HIDDEN' | 'ARCHIVED';
interface Item {
  type: 'ExperiencePost' | 'ClauseTemplate';
  id: string;
  status: Status;
  visibility: 'PUBLIC' | 'MEMBERS';
  org: 'A' | 'B';
  /** the words of its title and body (search matches them) */
  words: string[];
  theme: string;
}

const STATUSES: Status[] = [
  'DRAFT',
  'IN_REVIEW',
  'CHANGES_REQUESTED',
  'PUBLISHED',
  'REJECTED',
  'HIDDEN',
  'ARCHIVED',
];
const WORDS = ['compost', 'chantier', 'cantine', 'serveur', 'lessive', 'papier'];
const THEMES = ['energie', 'alimentation', 'handicap'];

/** The rule, restated from the issue, independently of the code. */
function mayView(viewer: Viewer, item: Item): boolean {
  if (viewer === 'moderator') return true;
  const member = viewer === 'memberA' || viewer === 'memberB';
  if (member && item.org === (viewer === 'memberA' ? 'A' : 'B')) return true;
  return item.status === 'PUBLISHED' && (item.visibility === 'PUBLIC' || member);
}

const VIEWERS: Viewer[] = [
  'anonymous',
  'pending',
  'requesterA',
  'removedA',
  'unverifiedA',
  'memberA',
  'memberB',
  'moderator',
];

describe('no way in shows a viewer what they may not see', () => {
  let t: TestApp;
  /** The posts of the collection, as they were curated (some have left PUBLISHED since). */
  let curated: Item[] = [];
  const items = new Map<string, Item>();
  const tokens: Partial<Record<Viewer, string>> = {};
  let orgIds: { A: string; B: string };

  beforeAll(async () => {
    t = await createPlatformTestApp();
    const dataSource = t.app.get<DataSource>(DATA_SOURCE);
    await t.app.get(SeedRegistry).seed(dataSource, ['members-demo']);
    const authors: { email: string; id: string; organisation_id: string }[] = await dataSource.query(
      `SELECT email, id, organisation_id FROM user_account WHERE email = ANY($1)`,
      [['acheteuse@montpellier.example', 'acheteur@toulouse.example', 'moderation@reseau.example']],
    );
    const a = authors.find((u) => u.email === 'acheteuse@montpellier.example');
    const b = authors.find((u) => u.email === 'acheteur@toulouse.example');
    const curator = authors.find((u) => u.email === 'moderation@reseau.example');
    if (!a || !b || !curator) throw new Error('demo members missing');
    orgIds = { A: a.organisation_id, B: b.organisation_id };

    // A random world, from a fixed seed: 120 posts and 60 templates of every status and visibility.
    const world = fc.sample(
      fc.record({
        status: fc.constantFrom(...STATUSES),
        visibility: fc.constantFrom('PUBLIC' as const, 'MEMBERS' as const),
        org: fc.constantFrom('A' as const, 'B' as const),
        words: fc.subarray(WORDS, { minLength: 1, maxLength: 3 }),
        theme: fc.constantFrom(...THEMES),
      }),
      { numRuns: 180, seed: 20261129 },
    );
    for (const [index, spec] of world.entries()) {
      const type = index < 120 ? 'experience_post' : 'clause_template';
      const author = spec.org === 'A' ? a : b;
      const extra =
        type === 'experience_post'
          ? { columns: ', body_html, department_code', values: `, '', '34'` }
          : { columns: ', kind, variables', values: `, 'AWARD_CRITERION', '[]'` };
      // Every item starts PUBLISHED and PUBLIC; it takes its own status and visibility later,
      // once it has been indexed like that (see below).
      const [row] = await dataSource.query(
        `INSERT INTO ${type} (title, summary, body, themes, visibility, status, author_id, organisation_id, published_at${extra.columns})
         VALUES ($1, 'résumé', $2, ARRAY[$3]::varchar[], 'PUBLIC', 'PUBLISHED', $4, $5,
                 now() - ($6 || ' minutes')::interval${extra.values})
         RETURNING id`,
        [
          `Essai ${spec.words.join(' ')} ${index}`,
          spec.words.join(' '),
          spec.theme,
          author.id,
          author.organisation_id,
          String(index),
        ],
      );
      items.set(row.id, {
        type: type === 'experience_post' ? 'ExperiencePost' : 'ClauseTemplate',
        id: row.id,
        status: spec.status,
        visibility: spec.visibility,
        org: spec.org,
        words: spec.words,
        theme: spec.theme,
      });
    }
    const all = [...items.values()];
    const posts = all.filter((i) => i.type === 'ExperiencePost');
    const templates = all.filter((i) => i.type === 'ClauseTemplate');
    // Every post cites three templates, whatever their status.
    for (const [i, post] of posts.entries()) {
      const cited = [0, 1, 2].map((k) => templates[(i * 7 + k * 13) % templates.length].id);
      await dataSource.query(
        `INSERT INTO experience_post_template (post_id, template_id, position) SELECT $1, unnest($2::uuid[]), generate_series(0, 2)`,
        [post.id, cited],
      );
    }
    // Collections hold items that were published when curated; some have left PUBLISHED since.
    const [collection] = await dataSource.query(
      `INSERT INTO collection (title, description, curator_id) VALUES ('Sélection', '', $1) RETURNING id`,
      [curator.id],
    );
    await dataSource.query(
      `INSERT INTO collection_item (collection_id, position, target_type, target_id) SELECT $1, ord - 1, $2, id FROM unnest($3::uuid[]) WITH ORDINALITY AS u(id, ord)`,
      [collection.id, 'ExperiencePost', posts.slice(0, 40).map((p) => p.id)],
    );
    curated = posts.slice(0, 40);
    // The whole world is indexed while every item is PUBLISHED and PUBLIC; then each item
    // takes its own status and visibility. Leaving PUBLISHED must take an item out of the
    // index (a delete) and becoming members-only must change it there: the hits the resolver
    // re-checks would hide either mistake, the counts must not.
    const ids = { EXPERIENCE_POST: posts.map((p) => p.id), CLAUSE_TEMPLATE: templates.map((p) => p.id) };
    for (const [type, list] of Object.entries(ids))
      await dataSource.query(
        `INSERT INTO search_outbox (document_type, document_id) SELECT $1, unnest($2::uuid[])`,
        [type, list],
      );
    await waitForSearchIndex(t);
    const [{ indexed }] = await dataSource.query(`SELECT count(*)::int AS indexed FROM search_document`);
    if (indexed !== items.size) throw new Error(`${indexed} of ${items.size} items were indexed`);
    for (const [type, table] of [
      ['EXPERIENCE_POST', 'experience_post'],
      ['CLAUSE_TEMPLATE', 'clause_template'],
    ] as const) {
      const final = ids[type].map((id) => {
        const item = items.get(id) as Item;
        return { id, status: item.status, visibility: item.visibility };
      });
      await dataSource.query(
        `UPDATE ${table} t SET status = s.status::content_status, visibility = s.visibility::visibility,
           published_at = CASE WHEN s.status IN ('PUBLISHED', 'HIDDEN') THEN t.published_at END
         FROM jsonb_to_recordset($1::jsonb) AS s(id uuid, status text, visibility text) WHERE t.id = s.id`,
        [JSON.stringify(final)],
      );
      await dataSource.query(
        `INSERT INTO search_outbox (document_type, document_id) SELECT $1, unnest($2::uuid[])`,
        [type, ids[type]],
      );
    }
    await waitForSearchIndex(t);

    await dataSource.query(
      `INSERT INTO user_account (email, display_name, password_hash, organisation_id, email_verified_at, membership_approved_at, referent)
       SELECT v.email, v.name, $1, $2, v.verified, NULL, false
       FROM (VALUES ('demande@a.example', 'Demande', now()), ('retire@a.example', 'Retiré', now()),
                    ('non-verifie@a.example', 'Non vérifié', NULL::timestamptz)) AS v(email, name, verified)`,
      [
        (await dataSource.query(`SELECT password_hash FROM user_account WHERE id = $1`, [a.id]))[0]
          .password_hash,
        a.organisation_id,
      ],
    );
    await dataSource.query(
      `INSERT INTO membership_request (user_id, organisation_id)
       SELECT id, organisation_id FROM user_account WHERE email IN ('demande@a.example', 'non-verifie@a.example')`,
    );
    tokens.requesterA = (await login(t, 'demande@a.example')).accessToken;
    tokens.removedA = (await login(t, 'retire@a.example')).accessToken;
    tokens.unverifiedA = (await login(t, 'non-verifie@a.example')).accessToken;
    tokens.pending = (await login(t, 'candidat@pending.example')).accessToken;
    tokens.memberA = (await login(t, 'acheteuse@montpellier.example')).accessToken;
    tokens.memberB = (await login(t, 'acheteur@toulouse.example')).accessToken;
    tokens.moderator = (await login(t, 'moderation@reseau.example')).accessToken;
  });
  afterAll(() => t.close());

  const localId = (globalId: string): string =>
    Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1];

  /** Collects every post or template id in a response. */
  function reachable(value: unknown, found: string[] = []): string[] {
    if (Array.isArray(value)) value.forEach((v) => reachable(v, found));
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (
        (record['__typename'] === 'ExperiencePost' || record['__typename'] === 'ClauseTemplate') &&
        typeof record['id'] === 'string'
      ) {
        found.push(localId(record['id']));
      }
      Object.values(record).forEach((v) => reachable(v, found));
    }
    return found;
  }

  /**
   * What search must answer for `word`: the world's PUBLISHED items the viewer may see that
   * hold the word (only this world is indexed), their count and their themes facet.
   */
  function searchable(viewer: Viewer, word: string): { ids: string[]; themes: Record<string, number> } {
    const found = [...items.values()].filter(
      (i) => i.status === 'PUBLISHED' && mayView(viewer, i) && i.words.includes(word),
    );
    const themes: Record<string, number> = {};
    for (const i of found) themes[i.theme] = (themes[i.theme] ?? 0) + 1;
    return { ids: found.map((i) => i.id).sort(), themes };
  }
  type SearchAnswer = {
    search: {
      totalHits: number;
      hits: { node: { id: string } }[];
      facets: { name: string; values: { value: string; count: number }[] }[];
    };
  };
  const SEARCH_COUNTS = `query($query: String!, $first: Int) { search(input: { query: $query, first: $first }) {
    totalHits hits { node { ... on ExperiencePost { id } ... on ClauseTemplate { id } } } facets { name values { value count } } } }`;
  /** Differences between what search answered and what the viewer may see; none when it holds. */
  function searchDifferences(viewer: Viewer, word: string, first: number, answer: SearchAnswer): string[] {
    const expected = searchable(viewer, word);
    const got = answer.search;
    const problems: string[] = [];
    if (got.totalHits !== expected.ids.length)
      problems.push(`totalHits ${got.totalHits}, ${expected.ids.length} visible`);
    const hits = got.hits.map((h) => localId(h.node.id));
    if (hits.length !== Math.min(first, expected.ids.length))
      problems.push(`${hits.length} hits on a page of ${first}, ${expected.ids.length} visible`);
    const stray = hits.filter((id) => !expected.ids.includes(id));
    if (stray.length) problems.push(`hits the viewer may not see: ${stray.join(', ')}`);
    const themes = Object.fromEntries(
      (got.facets.find((f) => f.name === 'themes')?.values ?? []).map((v) => [v.value, v.count]),
    );
    if (
      JSON.stringify(Object.entries(themes).sort()) !== JSON.stringify(Object.entries(expected.themes).sort())
    )
      problems.push(`themes facet ${JSON.stringify(themes)}, visible ${JSON.stringify(expected.themes)}`);
    const types = (got.facets.find((f) => f.name === 'type')?.values ?? []).reduce((n, v) => n + v.count, 0);
    if (types !== expected.ids.length)
      problems.push(`type facet counts ${types}, ${expected.ids.length} visible`);
    return problems;
  }

  const USED_IN = `usedIn(first: 50) { edges { node { __typename id } } }`;
  const POST = `__typename id clauseTemplates { __typename id ${USED_IN} }`;
  const TEMPLATE = `__typename id ${USED_IN}`;
  const CONTENT = `__typename ... on ExperiencePost { id clauseTemplates { __typename id } } ... on ClauseTemplate { id ${USED_IN} }`;

  const ways = (
    item: Item,
    word: string,
    theme: string,
    status: Status,
    first: number,
  ): { name: string; query: string }[] => [
    { name: 'node', query: `{ node(id: "${toGlobalId(item.type, item.id)}") { ${CONTENT} } }` },
    {
      name: 'experiencePosts',
      query: `{ experiencePosts(first: ${first}, themes: ["${theme}"], status: ${status}) { edges { node { ${POST} } } } }`,
    },
    {
      name: 'clauseTemplates',
      query: `{ clauseTemplates(first: ${first}, themes: ["${theme}"]) { edges { node { ${TEMPLATE} } } } }`,
    },
    {
      name: 'organisation',
      query: `{ node(id: "${toGlobalId('Organisation', orgIds[item.org])}") { ... on Organisation { experiencePosts(first: ${first}) { edges { node { __typename id clauseTemplates { __typename id } } } } } } }`,
    },
    // Items only: with their templates and usedIn lists, every collection's 200 possible items
    // cost more than the request budget allows (the other ways reach those lists).
    {
      name: 'collections',
      query: `{ collections { items { __typename ... on ExperiencePost { id } ... on ClauseTemplate { id } } } }`,
    },
    {
      name: 'search',
      query: `{ search(input: { query: "${word}", first: ${first} }) { hits { node { ${CONTENT} } } } }`,
    },
  ];

  it('holds for 1,000 random viewers and ways in', async () => {
    const all = [...items.values()];
    let reached = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<Viewer>(...VIEWERS),
        fc.nat(all.length - 1),
        fc.nat(5),
        fc.constantFrom(...WORDS),
        fc.constantFrom(...THEMES),
        fc.constantFrom(...STATUSES),
        fc.integer({ min: 1, max: 50 }),
        async (viewer, itemIndex, wayIndex, word, theme, status, first) => {
          const way = ways(all[itemIndex], word, theme, status, first)[wayIndex];
          const res = await t.gql(way.query, undefined, { token: tokens[viewer] });
          if (res.errors) throw new Error(`${way.name} failed for ${viewer}: ${JSON.stringify(res.errors)}`);
          if (way.name === 'search') {
            const counted = await t.gql<SearchAnswer>(
              SEARCH_COUNTS,
              { query: word, first },
              { token: tokens[viewer] },
            );
            if (!counted.data)
              throw new Error(`search failed for ${viewer}: ${JSON.stringify(counted.errors)}`);
            const problems = searchDifferences(viewer, word, first, counted.data);
            if (problems.length) throw new Error(`search "${word}" for ${viewer}: ${problems.join('; ')}`);
          }
          for (const id of reachable(res.data)) {
            const item = items.get(id);
            if (!item) continue; // demo content outside this world
            reached++;
            if (!mayView(viewer, item))
              throw new Error(
                `${viewer} reached ${item.type} ${item.status}/${item.visibility} of ${item.org} through ${way.name}`,
              );
          }
        },
      ),
      { numRuns: 1000, seed: 4242 },
    );
    expect(reached).toBeGreaterThan(1000);
  });

  it('never lets a collection or search show an item that is not PUBLISHED, nor search count one', async () => {
    for (const viewer of VIEWERS) {
      const collections = await t.gql<{ collections: { items: { id: string }[] }[] }>(
        `{ collections { items { ... on ExperiencePost { id } } } }`,
        undefined,
        { token: tokens[viewer] },
      );
      expect(collections.errors).toBeUndefined();
      const shown = collections.data?.collections.flatMap((c) => c.items.map((i) => localId(i.id)));
      // The collection holds 40 posts; the viewer sees exactly those still PUBLISHED that they may see.
      expect({ viewer, shown: shown?.sort() }).toEqual({
        viewer,
        shown: curated
          .filter((i) => i.status === 'PUBLISHED' && mayView(viewer, i))
          .map((i) => i.id)
          .sort(),
      });
      for (const word of WORDS) {
        const search = await t.gql<SearchAnswer>(
          SEARCH_COUNTS,
          { query: word, first: 100 },
          { token: tokens[viewer] },
        );
        expect(search.errors).toBeUndefined();
        expect({
          viewer,
          word,
          problems: search.data ? searchDifferences(viewer, word, 100, search.data) : ['no data'],
        }).toEqual({
          viewer,
          word,
          problems: [],
        });
      }
    }
  });
});
