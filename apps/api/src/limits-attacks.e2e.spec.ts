// The attacks of issue 13 on the GraphQL limits, each as a client would send it.
import { getIntrospectionQuery } from 'graphql';
import { DATA_SOURCE, SeedRegistry } from '@resocc/core';
import type { TestApp } from '@resocc/core/testing';
import { POST_FIELDS } from '@resocc/content/testing';
import { MEMBER, login } from '@resocc/members/testing';
import type { DataSource } from 'typeorm';
import { createPlatformTestApp } from './testing/app';

/** `query { ...Fk }` with F0 = `body` and each Fi spreading F(i-1) twice: 2^k copies of `body`. */
function fragmentBomb(k: number, body = '__typename'): string {
  let query = `query { ...F${k} } fragment F0 on Query { ${body} }`;
  for (let i = 1; i <= k; i++) query += ` fragment F${i} on Query { ...F${i - 1} ...F${i - 1} }`;
  return query;
}

/** `depth` objects one in the other, as raw JSON (a client need not build them). */
function nestedVariablesBody(depth: number): string {
  return `{"query":"{ __typename }","variables":{"x":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}}`;
}

describe('attacks on the GraphQL limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createPlatformTestApp();
    await t.app.get(SeedRegistry).seed(t.app.get<DataSource>(DATA_SOURCE), ['members-demo', 'content-demo']);
  });
  afterAll(() => t.close());

  const postRaw = (body: string) =>
    t.http().post('/graphql').set('content-type', 'application/json').send(body);

  describe('fragment bombs', () => {
    it.each([
      { k: 22, body: '__typename', limit: 'MAX_COST' },
      { k: 90, body: '__typename', limit: 'MAX_COST' },
      { k: 22, body: 'a: __typename', limit: 'MAX_ALIASES' },
      { k: 90, body: 'themes { slug }', limit: 'MAX_COST' },
    ])(
      'refuses the bomb of $k levels of { $body } within a second, /health answering meanwhile',
      async ({ k, body, limit }) => {
        const started = Date.now();
        const [bomb, health] = await Promise.all([t.gql(fragmentBomb(k, body)), t.http().get('/health')]);
        expect(Date.now() - started).toBeLessThan(1000);
        expect(health.status).toBe(200);
        expect(bomb.status).toBe(400);
        expect(bomb.data ?? null).toBeNull();
        expect(bomb.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit });
      },
    );

    it('refuses fragment cycles without looping', async () => {
      const res = await t.gql(
        '{ ...A } fragment A on Query { themes { slug } ...B } fragment B on Query { ...A }',
      );
      expect(res.status).toBe(400);
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].message).toMatch(/Cannot spread fragment "A" within itself/);
    });
  });

  describe('the revisions of a template: 60 revisions of 40 KB', () => {
    let token: string;
    let id: string;
    const revisionBody = (i: number): string =>
      `Révision ${i} : le titulaire réserve des heures d'insertion, suivies chaque trimestre. `
        .repeat(500)
        .slice(0, 40_000);
    const input = (i: number) => ({
      title: 'Clause aux révisions nombreuses',
      summary: "Un modèle repris soixante fois, pour mesurer ce que l'historique renvoie.",
      kind: 'PERFORMANCE_CONDITION',
      considerations: ['SOCIAL'],
      themes: ['insertion-activite-economique'],
      legalReferences: [],
      body: revisionBody(i),
      variables: [],
      visibility: 'PUBLIC',
      ...(i > 1 ? { changeNote: `révision ${i}` } : {}),
    });
    const aliased = (count: number, fields: string): string =>
      `{ ${Array.from({ length: count }, (_, i) => `a${i}: node(id: "${id}") { ... on ClauseTemplate { ${fields} } }`).join(' ')} }`;

    beforeAll(async () => {
      ({ accessToken: token } = await login(t, MEMBER));
      const created = await t.gql<{ createClauseTemplate: { id: string; version: number } }>(
        'mutation($i: ClauseTemplateInput!) { createClauseTemplate(input: $i) { id version } }',
        { i: input(1) },
        { token },
      );
      if (!created.data) throw new Error(JSON.stringify(created.errors));
      id = created.data.createClauseTemplate.id;
      let version = created.data.createClauseTemplate.version;
      for (let i = 2; i <= 60; i++) {
        const updated = await t.gql<{ updateClauseTemplate: { version: number } }>(
          'mutation($id: ID!, $v: Int!, $i: ClauseTemplateInput!) { updateClauseTemplate(id: $id, expectedVersion: $v, input: $i) { version } }',
          { id, v: version, i: input(i) },
          { token },
        );
        if (!updated.data) throw new Error(JSON.stringify(updated.errors));
        version = updated.data.updateClauseTemplate.version;
      }
    });

    it('refuses revisions { body } aliased 15 times (36.9 MB before) with MAX_COST, and keeps serving', async () => {
      const query = aliased(15, 'revisions { body }');
      expect(query.length).toBeLessThan(2_100);
      const res = await t.gql(query, undefined, { token });
      expect(res.status).toBe(400);
      expect(res.data ?? null).toBeNull();
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'MAX_COST' });
      expect(res.errors?.[0].message).toMatch(
        /^Requête trop coûteuse : coût estimé [\d\s\u202f]+, 250\s000 au plus/,
      );
      expect((await t.http().get('/health')).status).toBe(200);
    });

    it('ends an answer past 5 MB (3 aliases, 7.4 MB) with one RESPONSE_SIZE error and no data', async () => {
      const res = await t.gql(aliased(3, 'revisions { body }'), undefined, { token });
      expect(res.data ?? null).toBeNull();
      expect(res.errors).toHaveLength(1);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'RESPONSE_SIZE' });
      expect((await t.http().get('/health')).status).toBe(200);
    });

    it('still answers the whole history of one template, texts included', async () => {
      type History = { a0: { revisions: { body: string }[] } };
      const res = await t.gql<History>(aliased(1, 'revisions { body }'), undefined, { token });
      expect(res.errors).toBeUndefined();
      expect(res.data?.a0.revisions).toHaveLength(60);
      expect(res.data?.a0.revisions[0].body).toBe(revisionBody(60));
    });
  });

  describe('pages of posts', () => {
    it('answers a page of 20 posts with all their fields', async () => {
      const res = await t.gql<{ experiencePosts: { edges: unknown[] } }>(
        `{ experiencePosts(first: 20) { totalCount edges { cursor node { ${POST_FIELDS} } } pageInfo { hasNextPage endCursor } } }`,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data?.experiencePosts.edges.length).toBeGreaterThan(0);
    });

    it('refuses a page of 100 posts with their bodies in Markdown and HTML, and answers it without them', async () => {
      const page = (fields: string) =>
        `query($n: Int) { experiencePosts(first: $n) { edges { node { ${fields} } } } }`;
      const refused = await t.gql(page('id title body bodyHtml'), { n: 100 });
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'MAX_COST' });
      expect((await t.gql(page('id title summary'), { n: 100 })).errors).toBeUndefined();
      expect((await t.gql(page('id title body bodyHtml'), { n: 20 })).errors).toBeUndefined();
    });
  });

  describe('variables', () => {
    it('answers variables nested 10,000 deep with a 400 in GraphQL’s shape, naming the variable', async () => {
      const res = await postRaw(nestedVariablesBody(10_000));
      expect(res.status).toBe(400);
      expect(res.body.errors[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        limit: 'VARIABLES',
        fields: [{ path: 'x' }],
      });
      expect(JSON.stringify(res.body)).not.toMatch(/RangeError|stack/);
    });

    it('accepts 20 levels of nesting and refuses 21', async () => {
      expect((await postRaw(nestedVariablesBody(20))).status).toBe(200);
      const res = await postRaw(nestedVariablesBody(21));
      expect(res.status).toBe(400);
      expect(res.body.errors[0].extensions.limit).toBe('VARIABLES');
    });

    it('refuses more than 10,000 values, in a GET request too', async () => {
      const many = await t.gql('{ __typename }', { ids: Array.from({ length: 10_001 }, () => 0) });
      expect(many.status).toBe(400);
      expect(many.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'VARIABLES' });
      expect(
        (await t.gql('{ __typename }', { ids: Array.from({ length: 5_000 }, () => 0) })).errors,
      ).toBeUndefined();
      const deep = `${'['.repeat(50)}${']'.repeat(50)}`;
      const get = await t
        .http()
        .get(
          `/graphql?query=${encodeURIComponent('{ __typename }')}&variables=${encodeURIComponent(`{"x":${deep}}`)}`,
        )
        .set('apollo-require-preflight', 'true');
      expect(get.status).toBe(400);
      expect(get.body.errors[0].extensions.limit).toBe('VARIABLES');
    });
  });

  describe('introspection in development', () => {
    it('answers the standard introspection query (GraphiQL, codegen)', async () => {
      const res = await t.gql<{ __schema: { types: { name: string }[] } }>(getIntrospectionQuery());
      expect(res.errors).toBeUndefined();
      expect(res.data?.__schema.types.map((type) => type.name)).toContain('ExperiencePost');
    });

    it('still refuses introspection nested past three lists', async () => {
      const res = await t.gql(
        '{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }',
      );
      expect(res.status).toBe(400);
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });
  });
});
