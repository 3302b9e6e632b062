import type { TestApp } from '@resocc/core/testing';
import { createPlatformTestApp } from './testing/app';

describe('GraphQL limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createPlatformTestApp();
  });
  afterAll(() => t.close());

  const refusal = async (query: string, variables?: Record<string, unknown>) => {
    const res = await t.gql(query, variables);
    expect(res.data ?? null).toBeNull();
    expect(JSON.stringify(res.errors)).not.toMatch(/stack|\.ts:|node_modules/);
    return res.errors?.[0].extensions;
  };

  it('refuses more than 8 levels of depth', async () => {
    const deep =
      '{ experiencePosts { edges { node { organisation { experiencePosts { edges { node { author { organisation { name } } } } } } } } } }';
    expect(await refusal(deep)).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'MAX_DEPTH' });
    const ok = await t.gql('{ experiencePosts { edges { node { author { organisation { name } } } } } }');
    expect(ok.errors).toBeUndefined();
  });

  it('refuses more than 15 aliases', async () => {
    const aliases = Array.from({ length: 16 }, (_, i) => `a${i}: themes { slug }`).join(' ');
    expect(await refusal(`{ ${aliases} }`)).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'MAX_ALIASES' });
    const fifteen = Array.from({ length: 15 }, (_, i) => `a${i}: __typename`).join(' ');
    expect((await t.gql(`{ ${fifteen} }`)).errors).toBeUndefined();
  });

  it('refuses more than 50 directives', async () => {
    const directives = Array.from({ length: 51 }, () => '@include(if: true)').join(' ');
    expect(await refusal(`{ themes ${directives} { slug } }`)).toMatchObject({
      code: 'BAD_USER_INPUT',
      limit: 'MAX_DIRECTIVES',
    });
  });

  it('refuses more than 1,000 tokens', async () => {
    const fields = Array.from({ length: 1100 }, () => '__typename').join(' ');
    expect(await refusal(`{ ${fields} }`)).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'MAX_TOKENS' });
  });

  it('refuses a query whose connections multiply past the cost limit', async () => {
    const costly = `{ experiencePosts(first: 100) { edges { node { clauseTemplates { usedIn(first: 100) { totalCount edges { node { title } } } } } } } }`;
    expect(await refusal(costly)).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'MAX_COST' });
  });

  it('refuses a page of more than 100 items and batched requests', async () => {
    expect(await refusal('{ experiencePosts(first: 101) { totalCount } }')).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'first' }],
    });
    const batch = await t
      .http()
      .post('/graphql')
      .set('content-type', 'application/json')
      .send([{ query: '{ __typename }' }, { query: '{ __typename }' }]);
    expect(batch.status).toBe(400);
    expect(batch.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'BATCHING' });
  });

  it('refuses a body over 1 MB with a GraphQL error', async () => {
    const res = await t
      .http()
      .post('/graphql')
      .set('content-type', 'application/json')
      .send({ query: '{ __typename }', variables: { padding: 'x'.repeat(1_100_000) } });
    expect(res.status).toBe(413);
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'BODY_SIZE' });
  });
});

describe('hostile input found by the fuzz test', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createPlatformTestApp();
  });
  afterAll(() => t.close());

  it('refuses cursors whose values are not of the list’s kinds', async () => {
    const cursor = Buffer.from(JSON.stringify(['x', 'y'])).toString('base64url');
    for (const query of [
      `{ clauseTemplates(after: "${cursor}") { totalCount } }`,
      `{ organisations(after: "${cursor}") { totalCount } }`,
    ]) {
      const res = await t.gql(query);
      expect(res.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ path: 'after' }],
      });
    }
  });

  it('refuses the NUL character, naming where it is', async () => {
    const res = await t.gql('mutation($e: String!) { login(email: $e, password: "x") { accessToken } }', {
      e: 'a\u0000b',
    });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'e' }] });
    const literal = await t.gql('{ experiencePosts(themes: ["\\u0000"]) { totalCount } }');
    expect(literal.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('answers an explicit null for a non-null argument as BAD_USER_INPUT naming it', async () => {
    const res = await t.gql('query($id: ID = "x") { node(id: $id) { id } }', { id: null });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'id' }] });
  });

  it('answers bodies that are not JSON in GraphQL’s shape', async () => {
    for (const body of ['{"query": ', '', '{"__proto__": {"x": 1}, "query": "{ __typename }"}']) {
      const res = await t.http().post('/graphql').set('content-type', 'application/json').send(body);
      expect(res.status).toBe(400);
      expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    }
  });
});

describe('production mode', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createPlatformTestApp({
      env: {
        NODE_ENV: 'production',
        CORS_ORIGINS: 'https://resocc.example.fr',
        SMTP_URL: 'smtp://127.0.0.1:9',
      },
    });
  });
  afterAll(() => t.close());

  it('turns introspection off and never suggests field names', async () => {
    const introspection = await t.gql('{ __schema { types { name } } }');
    expect(introspection.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const typo = await t.gql('{ themez { slug } }');
    expect(JSON.stringify(typo.errors)).not.toMatch(/Did you mean/);
    expect(typo.errors?.[0].message).toBe('Cannot query field "themez" on type "Query".');
  });

  it('serves no landing page and requires the CSRF header on GET', async () => {
    const page = await t.http().get('/graphql').set('accept', 'text/html');
    expect(page.text).not.toMatch(/<html/i);
    expect((await t.http().get('/graphql?query=%7B__typename%7D')).status).toBe(400);
  });

  it('sends security headers and allows only the configured origins', async () => {
    const allowed = await t
      .http()
      .post('/graphql')
      .set('origin', 'https://resocc.example.fr')
      .set('content-type', 'application/json')
      .send({ query: '{ __typename }' });
    expect(allowed.headers['access-control-allow-origin']).toBe('https://resocc.example.fr');
    expect(allowed.headers['x-content-type-options']).toBe('nosniff');
    expect(allowed.headers['strict-transport-security']).toBeDefined();
    expect(allowed.headers['content-security-policy']).toBeDefined();
    const foreign = await t
      .http()
      .post('/graphql')
      .set('origin', 'https://evil.example')
      .set('content-type', 'application/json')
      .send({ query: '{ __typename }' });
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('masks unexpected errors', async () => {
    const res = await t.gql('{ node(id: "VGhlbWU6bm90LWEtdXVpZA") { id } }');
    expect(JSON.stringify(res)).not.toMatch(/stack|QueryFailed|uuid/i);
  });
});
