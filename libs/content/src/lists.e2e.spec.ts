import { DATA_SOURCE, FieldErrors, SeedRegistry, SqlStatementCounter } from '@resocc/core';
import { type GraphQLResponse, dataOf } from '@resocc/core/testing';
import { MEMBER, MODERATOR, createMembersTestApp, login } from '@resocc/members/testing';
import { SearchIndexer, searchEntities } from '@resocc/search';
import type { DataSource } from 'typeorm';
import { ContentModule } from './content.module';
import { contentEntities } from './index';
import { DEMO_POSTS, DEMO_TEMPLATES } from './seed/demo-content';
import { VariableType } from './shared/enums';
import { validateVariables } from './templates/template-variables';
import type { TestApp } from './testing';

const FEED = `query($first: Int, $after: String) {
  experiencePosts(first: $first, after: $after) {
    totalCount
    edges { cursor node { id title publishedAt author { displayName } organisation { name } themes { slug label } clauseTemplates { id title } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

type Feed = {
  experiencePosts: {
    totalCount: number;
    edges: { node: { id: string; title: string; publishedAt: string | null; themes: { slug: string }[] } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string };
  };
};

describe('lists on the demo content', () => {
  let t: TestApp;
  let dataSource: DataSource;
  let memberToken: string;
  const count = async (sql: string): Promise<number> => Number((await dataSource.query(sql))[0].n);

  beforeAll(async () => {
    t = await createMembersTestApp(
      {},
      {
        imports: [ContentModule],
        entities: [...contentEntities, ...searchEntities],
        seeds: ['members-demo', 'content-demo'],
      },
    );
    dataSource = t.app.get<DataSource>(DATA_SOURCE);
    memberToken = (await login(t, MEMBER)).accessToken;
    // Statement counts must see only the requests: index the seed, then stop the background indexer.
    const indexer = t.app.get(SearchIndexer);
    await indexer.drain();
    await indexer.onApplicationShutdown();
  });
  afterAll(() => t.close());

  it('seeds at least 40 posts and 25 templates once, with consistent variables and citations', async () => {
    expect(DEMO_POSTS.length).toBeGreaterThanOrEqual(40);
    expect(DEMO_TEMPLATES.length).toBeGreaterThanOrEqual(25);
    expect(await count('SELECT count(*) AS n FROM experience_post')).toBe(DEMO_POSTS.length);
    expect(await count('SELECT count(*) AS n FROM clause_template')).toBe(DEMO_TEMPLATES.length);
    expect(await t.app.get(SeedRegistry).seed(dataSource)).toEqual([]);
    expect(await count('SELECT count(*) AS n FROM experience_post')).toBe(DEMO_POSTS.length);
    for (const template of DEMO_TEMPLATES) {
      const errors = new FieldErrors();
      validateVariables(
        template.body,
        template.variables.map((v) => ({ ...v, type: v.type as VariableType })),
        template.key,
        errors,
      );
      expect(errors.list).toEqual([]);
    }
    expect(
      await count('SELECT count(DISTINCT template_id) AS n FROM experience_post_template'),
    ).toBeGreaterThan(5);
  });

  it('shows anonymous viewers the public published posts and members the members-only ones too', async () => {
    const anonymous = await t.gql<Feed>(FEED, { first: 100 });
    const members = await t.gql<Feed>(FEED, { first: 100 }, { token: memberToken });
    const publicPublished = await count(
      `SELECT count(*) AS n FROM experience_post WHERE status = 'PUBLISHED' AND visibility = 'PUBLIC'`,
    );
    expect(anonymous.data?.experiencePosts.totalCount).toBe(publicPublished);
    expect(members.data?.experiencePosts.totalCount).toBeGreaterThan(publicPublished);
  });

  it('lists newest published first and pages through everything with cursors', async () => {
    const seen: { id: string; publishedAt: string | null }[] = [];
    let after: string | null = null;
    for (let i = 0; i < 20; i++) {
      const res: GraphQLResponse<Feed> = await t.gql<Feed>(
        FEED,
        { first: 7, after },
        { token: memberToken },
      );
      const page = dataOf(res).experiencePosts;
      seen.push(...page.edges.map((e) => e.node));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    const all = await t.gql<Feed>(FEED, { first: 100 }, { token: memberToken });
    expect(seen.map((p) => p.id)).toEqual(all.data?.experiencePosts.edges.map((e) => e.node.id));
    const dates = seen.filter((p) => p.publishedAt).map((p) => p.publishedAt as string);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('filters posts by theme, département and status, and templates by kind and considerations', async () => {
    const byTheme = await t.gql<Feed>(
      `{ experiencePosts(first: 100, themes: ["alimentation", "energie"]) { totalCount edges { node { id title publishedAt themes { slug } } } pageInfo { hasNextPage endCursor } } }`,
    );
    const nodes = dataOf(byTheme).experiencePosts.edges.map((e) => e.node);
    expect(nodes.length).toBeGreaterThan(0);
    expect(
      nodes.every((n) => n.themes.some((th) => th.slug === 'alimentation' || th.slug === 'energie')),
    ).toBe(true);

    const byDep = await t.gql<{ experiencePosts: { edges: { node: { departmentCode: string } }[] } }>(
      `{ experiencePosts(first: 100, departmentCode: "31") { edges { node { departmentCode } } } }`,
    );
    expect(byDep.data?.experiencePosts.edges.length).toBeGreaterThan(0);
    expect(byDep.data?.experiencePosts.edges.every((e) => e.node.departmentCode === '31')).toBe(true);

    const moderator = (await login(t, MODERATOR)).accessToken;
    const inReview = await t.gql<{ experiencePosts: { totalCount: number } }>(
      `{ experiencePosts(status: IN_REVIEW) { totalCount } }`,
      undefined,
      { token: moderator },
    );
    expect(inReview.data?.experiencePosts.totalCount).toBe(
      await count(`SELECT count(*) AS n FROM experience_post WHERE status = 'IN_REVIEW'`),
    );
    const anonymousInReview = await t.gql<{ experiencePosts: { totalCount: number } }>(
      `{ experiencePosts(status: IN_REVIEW) { totalCount } }`,
    );
    expect(anonymousInReview.data?.experiencePosts.totalCount).toBe(0);

    const byKind = await t.gql<{
      clauseTemplates: { edges: { node: { kind: string; considerations: string[] } }[] };
    }>(
      `{ clauseTemplates(first: 100, kind: RESERVED_CONTRACT, considerations: [SOCIAL]) { edges { node { kind considerations } } } }`,
      undefined,
      { token: memberToken },
    );
    expect(byKind.data?.clauseTemplates.edges.length).toBeGreaterThan(0);
    expect(
      byKind.data?.clauseTemplates.edges.every(
        (e) => e.node.kind === 'RESERVED_CONTRACT' && e.node.considerations.includes('SOCIAL'),
      ),
    ).toBe(true);
  });

  it('still gives the long texts of listed posts when asked, in one more statement for the page', async () => {
    const query = '{ experiencePosts(first: 30) { edges { node { id body bodyHtml outcomes } } } }';
    const { result, statements } = await SqlStatementCounter.measure(() =>
      t.gql<{
        experiencePosts: {
          edges: { node: { id: string; body: string; bodyHtml: string; outcomes: string | null } }[];
        };
      }>(query),
    );
    const nodes = dataOf(result).experiencePosts.edges.map((e) => e.node);
    expect(nodes.length).toBeGreaterThan(20);
    expect(nodes.every((n) => n.body.length > 50 && n.bodyHtml.startsWith('<'))).toBe(true);
    const single = await t.gql<{ node: { body: string; outcomes: string | null } }>(
      'query($id: ID!) { node(id: $id) { ... on ExperiencePost { body outcomes } } }',
      { id: nodes[0].id },
    );
    expect(single.data?.node).toEqual({ body: nodes[0].body, outcomes: nodes[0].outcomes });
    expect(statements).toBe(2);
  });

  it('costs the same number of SQL statements for a page of 5, 20 or 100 posts with author, organisation, themes and templates', async () => {
    const statements: Record<number, number> = {};
    for (const first of [5, 20, 100]) {
      const { result, statements: n } = await SqlStatementCounter.measure(() => t.gql<Feed>(FEED, { first }));
      expect(result.errors).toBeUndefined();
      expect(result.data?.experiencePosts.edges.length).toBe(
        Math.min(first, result.data?.experiencePosts.totalCount ?? 0),
      );
      statements[first] = n;
    }
    console.log(`SQL statements per feed page (anonymous): ${JSON.stringify(statements)}`);
    expect(statements[100]).toBe(statements[5]);
    expect(statements[20]).toBe(statements[5]);
    expect(statements[5]).toBeLessThanOrEqual(5);
  });
});
