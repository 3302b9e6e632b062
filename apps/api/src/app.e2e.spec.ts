import { type TestApp, dataOf } from '@resocc/core/testing';
import { createPlatformTestApp } from './testing/app';

describe('the API over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createPlatformTestApp();
  });
  afterAll(() => t.close());

  it('answers { __typename } at /graphql', async () => {
    const res = await t.gql('{ __typename }');
    expect(res.status).toBe(200);
    expect(res.data).toEqual({ __typename: 'Query' });
  });

  it('lists the network themes in French, in order, and resolves one through node', async () => {
    const res = await t.gql<{ themes: { id: string; slug: string; label: string }[] }>(
      '{ themes { id slug label } }',
    );
    const { themes } = dataOf(res);
    expect(themes.map((theme) => theme.slug)).toEqual([
      'numerique-responsable',
      'alimentation',
      'batiment-travaux-publics',
      'energie',
      'mobilite-vehicules',
      'proprete-entretien',
      'textiles-vetements',
      'fournitures-bureau',
      'insertion-activite-economique',
      'handicap',
      'achats-ess',
    ]);
    expect(themes[8].label).toBe("Insertion par l'activité économique");

    const node = await t.gql('query($id: ID!) { node(id: $id) { __typename id ... on Theme { slug } } }', {
      id: themes[3].id,
    });
    expect(node.data).toEqual({ node: { __typename: 'Theme', id: themes[3].id, slug: 'energie' } });
  });

  it('answers /health and /health/ready', async () => {
    const alive = await t.http().get('/health');
    expect(alive.status).toBe(200);
    expect(alive.body).toEqual({ status: 'ok' });
    const ready = await t.http().get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready', checks: { database: 'up' } });
  });

  it('refuses a GET mutation-less request without the CSRF header (Apollo CSRF prevention)', async () => {
    const res = await t.http().get('/graphql?query=%7B__typename%7D');
    expect(res.status).toBe(400);
    const ok = await t.http().get('/graphql?query=%7B__typename%7D').set('apollo-require-preflight', 'true');
    expect(ok.status).toBe(200);
  });
});
