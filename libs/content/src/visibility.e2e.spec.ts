import { DATA_SOURCE, toGlobalId } from '@resocc/core';
import { MEMBER, MODERATOR, OTHER_MEMBER, PENDING_USER, login } from '@resocc/members/testing';
import { FACET_NAMES, SearchIndexer } from '@resocc/search';
import type { DataSource } from 'typeorm';
import { ExperiencePostEntity, ExperiencePostTemplateEntity } from './posts/experience-post.entity';
import { ContentStatus, Visibility } from './shared/enums';
import { ClauseTemplateEntity } from './templates/clause-template.entity';
import { type TestApp, createContentTestApp } from './testing';

type ViewerKind = 'anonymous' | 'pending' | 'otherMember' | 'authorOrganisation' | 'moderator';
interface Item {
  id: string;
  status: ContentStatus;
  visibility: Visibility;
}

/** The rule as the issue states it, written independently of the code under test. */
function oracle(viewer: ViewerKind, item: Item): boolean {
  switch (viewer) {
    case 'moderator':
      return true;
    case 'authorOrganisation':
      return true; // every fixture belongs to the author's organisation
    case 'otherMember':
      return item.status === ContentStatus.PUBLISHED;
    case 'anonymous':
    case 'pending':
      return item.status === ContentStatus.PUBLISHED && item.visibility === Visibility.PUBLIC;
  }
}

const VIEWERS: ViewerKind[] = ['anonymous', 'pending', 'otherMember', 'authorOrganisation', 'moderator'];

describe('the visibility rule, as a matrix over every status, visibility and kind of viewer', () => {
  let t: TestApp;
  const tokens: Partial<Record<ViewerKind, string>> = {};
  const posts: Item[] = [];
  const templates: Item[] = [];
  let organisationId: string;

  beforeAll(async () => {
    t = await createContentTestApp();
    const dataSource = t.app.get<DataSource>(DATA_SOURCE);
    const [author] = await dataSource.query(`SELECT id, organisation_id FROM user_account WHERE email = $1`, [
      MEMBER,
    ]);
    organisationId = author.organisation_id;
    let n = 0;
    for (const status of Object.values(ContentStatus)) {
      for (const visibility of Object.values(Visibility)) {
        n++;
        const common = {
          title: `${status} ${visibility}`,
          summary: 'résumé',
          status,
          visibility,
          authorId: author.id,
          organisationId: author.organisation_id,
          themes: ['energie'],
          publishedAt: status === ContentStatus.PUBLISHED ? new Date(Date.now() - n * 1000) : null,
        };
        const post = await dataSource
          .getRepository(ExperiencePostEntity)
          .save({ ...common, body: 'texte', bodyHtml: '<p>texte</p>' });
        const template = await dataSource.getRepository(ClauseTemplateEntity).save({
          ...common,
          kind: 'AWARD_CRITERION',
          body: 'clause',
          variables: [],
        } as Partial<ClauseTemplateEntity>);
        posts.push({ id: post.id, status, visibility });
        templates.push({ id: template.id, status, visibility });
      }
    }
    // every post cites every template
    await dataSource
      .getRepository(ExperiencePostTemplateEntity)
      .insert(
        posts.flatMap((p) =>
          templates.map((tpl, position) => ({ postId: p.id, templateId: tpl.id, position })),
        ),
      );
    // Every fixture goes through the indexer, which must keep what is not PUBLISHED out.
    await dataSource.query(
      `INSERT INTO search_outbox (document_type, document_id)
       SELECT 'EXPERIENCE_POST', unnest($1::uuid[]) UNION ALL SELECT 'CLAUSE_TEMPLATE', unnest($2::uuid[])`,
      [posts.map((p) => p.id), templates.map((p) => p.id)],
    );
    await t.app.get(SearchIndexer).drain();
    tokens.pending = (await login(t, PENDING_USER)).accessToken;
    tokens.otherMember = (await login(t, OTHER_MEMBER)).accessToken;
    tokens.authorOrganisation = (await login(t, MEMBER)).accessToken;
    tokens.moderator = (await login(t, MODERATOR)).accessToken;
  });
  afterAll(() => t.close());

  const expected = (viewer: ViewerKind, items: Item[]): string[] =>
    items
      .filter((i) => oracle(viewer, i))
      .map((i) => i.id)
      .sort();
  const local = (globalId: string): string =>
    Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1];

  it.each(VIEWERS)('node(id) shows %s exactly the items the rule allows', async (viewer) => {
    const seen: string[] = [];
    for (const [type, items] of [
      ['ExperiencePost', posts],
      ['ClauseTemplate', templates],
    ] as const) {
      for (const item of items) {
        const res = await t.gql<{ node: { id: string } | null }>(
          'query($id: ID!) { node(id: $id) { id } }',
          { id: toGlobalId(type, item.id) },
          { token: tokens[viewer] },
        );
        expect(res.errors).toBeUndefined();
        if (res.data?.node) seen.push(item.id);
      }
    }
    expect(seen.sort()).toEqual([...expected(viewer, posts), ...expected(viewer, templates)].sort());
  });

  it.each(VIEWERS)(
    'experiencePosts and clauseTemplates list for %s exactly the items the rule allows',
    async (viewer) => {
      const res = await t.gql<{
        experiencePosts: { totalCount: number; edges: { node: { id: string } }[] };
        clauseTemplates: { totalCount: number; edges: { node: { id: string } }[] };
      }>(
        '{ experiencePosts(first: 100) { totalCount edges { node { id } } } clauseTemplates(first: 100) { totalCount edges { node { id } } } }',
        undefined,
        { token: tokens[viewer] },
      );
      expect(res.errors).toBeUndefined();
      const postIds = res.data?.experiencePosts.edges.map((e) => local(e.node.id)).sort();
      const templateIds = res.data?.clauseTemplates.edges.map((e) => local(e.node.id)).sort();
      expect(postIds).toEqual(expected(viewer, posts));
      expect(templateIds).toEqual(expected(viewer, templates));
      expect(res.data?.experiencePosts.totalCount).toBe(postIds?.length);
      expect(res.data?.clauseTemplates.totalCount).toBe(templateIds?.length);
    },
  );

  it.each(VIEWERS)('status filters cannot widen what %s sees', async (viewer) => {
    for (const status of Object.values(ContentStatus)) {
      const res = await t.gql<{ experiencePosts: { edges: { node: { id: string } }[] } }>(
        'query($s: ContentStatus) { experiencePosts(first: 100, status: $s) { edges { node { id } } } }',
        { s: status },
        { token: tokens[viewer] },
      );
      expect(res.errors).toBeUndefined();
      const ids = res.data?.experiencePosts.edges.map((e) => local(e.node.id)).sort();
      expect(ids).toEqual(
        expected(
          viewer,
          posts.filter((p) => p.status === status),
        ),
      );
    }
  });

  it.each(VIEWERS)('post.clauseTemplates and template.usedIn follow the rule for %s', async (viewer) => {
    const res = await t.gql<{
      experiencePosts: { edges: { node: { id: string; clauseTemplates: { id: string }[] } }[] };
      clauseTemplates: {
        edges: { node: { id: string; usedIn: { totalCount: number; edges: { node: { id: string } }[] } } }[];
      };
    }>(
      '{ experiencePosts(first: 100) { edges { node { id clauseTemplates { id } } } } clauseTemplates(first: 100) { edges { node { id usedIn(first: 100) { totalCount edges { node { id } } } } } } }',
      undefined,
      { token: tokens[viewer] },
    );
    // An error, or lists that come back empty, must not pass for "nothing to check".
    expect(res.errors).toBeUndefined();
    const postEdges = res.data?.experiencePosts.edges;
    const templateEdges = res.data?.clauseTemplates.edges;
    expect(postEdges?.map((e) => local(e.node.id)).sort()).toEqual(expected(viewer, posts));
    expect(templateEdges?.map((e) => local(e.node.id)).sort()).toEqual(expected(viewer, templates));
    for (const edge of postEdges ?? []) {
      expect(edge.node.clauseTemplates.map((c) => local(c.id)).sort()).toEqual(expected(viewer, templates));
    }
    const publishedVisible = expected(
      viewer,
      posts.filter((p) => p.status === ContentStatus.PUBLISHED),
    );
    for (const edge of templateEdges ?? []) {
      expect(edge.node.usedIn.edges.map((e) => local(e.node.id)).sort()).toEqual(publishedVisible);
      expect(edge.node.usedIn.totalCount).toBe(publishedVisible.length);
    }
  });

  it.each(VIEWERS)(
    'Organisation.experiencePosts and clauseTemplates follow the rule for %s',
    async (viewer) => {
      type Ids = { totalCount: number; edges: { node: { id: string } }[] };
      const res = await t.gql<{ node: { experiencePosts: Ids; clauseTemplates: Ids } | null }>(
        'query($id: ID!) { node(id: $id) { ... on Organisation { experiencePosts(first: 100) { edges { node { id } } } ' +
          'clauseTemplates(first: 100) { totalCount edges { node { id } } } } } }',
        { id: toGlobalId('Organisation', organisationId) },
        { token: tokens[viewer] },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data?.node?.experiencePosts.edges.map((e) => local(e.node.id)).sort()).toEqual(
        expected(viewer, posts),
      );
      expect(res.data?.node?.clauseTemplates.edges.map((e) => local(e.node.id)).sort()).toEqual(
        expected(viewer, templates),
      );
      expect(res.data?.node?.clauseTemplates.totalCount).toBe(expected(viewer, templates).length);
    },
  );

  it.each(VIEWERS)(
    'search shows and counts for %s exactly the PUBLISHED items the rule allows, in the engine as in the hits',
    async (viewer) => {
      type Search = {
        search: {
          totalHits: number;
          hits: { node: { __typename: string; id: string } }[];
          facets: { name: string; values: { value: string; count: number }[] }[];
        };
      };
      const published = (items: Item[]): Item[] =>
        items.filter((i) => i.status === ContentStatus.PUBLISHED && oracle(viewer, i));
      const visiblePosts = published(posts);
      const visibleTemplates = published(templates);
      // '' lists the whole index (only this suite's fixtures); 'published' matches their titles.
      for (const query of ['', 'published']) {
        const res = await t.gql<Search>(
          `query($input: SearchInput!) { search(input: $input) { totalHits hits { node { __typename ... on ExperiencePost { id } ... on ClauseTemplate { id } } } facets { name values { value count } } } }`,
          { input: { query, first: 100 } },
          { token: tokens[viewer] },
        );
        expect(res.errors).toBeUndefined();
        const result = res.data?.search;
        const hits = (typename: string): string[] | undefined =>
          result?.hits
            .filter((h) => h.node.__typename === typename)
            .map((h) => local(h.node.id))
            .sort();
        expect({ query, posts: hits('ExperiencePost') }).toEqual({
          query,
          posts: visiblePosts.map((i) => i.id).sort(),
        });
        expect({ query, templates: hits('ClauseTemplate') }).toEqual({
          query,
          templates: visibleTemplates.map((i) => i.id).sort(),
        });
        // The count and the facets come from the engine: the resolver's re-check of the hits
        // cannot correct them, so they show whether the engine filtered for this viewer.
        expect({ query, totalHits: result?.totalHits }).toEqual({
          query,
          totalHits: visiblePosts.length + visibleTemplates.length,
        });
        const facet = (name: string) => result?.facets.find((f) => f.name === name)?.values;
        expect({ query, type: facet('type') }).toEqual({
          query,
          type: [
            { value: 'CLAUSE_TEMPLATE', count: visibleTemplates.length },
            { value: 'EXPERIENCE_POST', count: visiblePosts.length },
          ].filter((v) => v.count > 0),
        });
        expect({ query, themes: facet('themes') }).toEqual({
          query,
          themes: [{ value: 'energie', count: visiblePosts.length + visibleTemplates.length }],
        });
        expect({ query, kind: facet('kind') }).toEqual({
          query,
          kind: visibleTemplates.length ? [{ value: 'AWARD_CRITERION', count: visibleTemplates.length }] : [],
        });
        expect(result?.facets.map((f) => f.name)).toEqual([...FACET_NAMES]);
      }
    },
  );
});
