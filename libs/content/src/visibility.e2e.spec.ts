import { DATA_SOURCE, toGlobalId } from '@resocc/core';
import { MEMBER, MODERATOR, OTHER_MEMBER, PENDING_USER, login } from '@resocc/members/testing';
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
    for (const edge of res.data?.experiencePosts.edges ?? []) {
      expect(edge.node.clauseTemplates.map((c) => local(c.id)).sort()).toEqual(expected(viewer, templates));
    }
    const publishedVisible = expected(
      viewer,
      posts.filter((p) => p.status === ContentStatus.PUBLISHED),
    );
    for (const edge of res.data?.clauseTemplates.edges ?? []) {
      expect(edge.node.usedIn.edges.map((e) => local(e.node.id)).sort()).toEqual(publishedVisible);
      expect(edge.node.usedIn.totalCount).toBe(publishedVisible.length);
    }
  });

  it.each(VIEWERS)('Organisation.experiencePosts follows the rule for %s', async (viewer) => {
    const res = await t.gql<{ node: { experiencePosts: { edges: { node: { id: string } }[] } } | null }>(
      'query($id: ID!) { node(id: $id) { ... on Organisation { experiencePosts(first: 100) { edges { node { id } } } } } }',
      { id: toGlobalId('Organisation', organisationId) },
      { token: tokens[viewer] },
    );
    expect(res.data?.node?.experiencePosts.edges.map((e) => local(e.node.id)).sort()).toEqual(
      expected(viewer, posts),
    );
  });
});
