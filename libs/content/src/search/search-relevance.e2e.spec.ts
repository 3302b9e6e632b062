// What issue 14 made searchable, through the API on a real PostgreSQL: the fields around a
// document (theme labels, organisation, département, CPV codes and labels, kind, legal
// references), identifiers in any spelling, did-you-mean and completions, for each viewer.
import { ADMIN, MEMBER, login, type Session } from '@resocc/members/testing';
import { SearchIndexer } from '@resocc/search';
import { type TestApp, createContentTestApp, validPost, validTemplate } from '../testing';

const SEARCH = `query($input: SearchInput!) {
  search(input: $input) {
    totalHits
    suggestion
    hits { node { __typename ... on ExperiencePost { title } ... on ClauseTemplate { title } } }
  }
}`;
const COMPLETIONS = `query($input: SearchCompletionsInput!) { searchCompletions(input: $input) }`;

type Result = {
  search: { totalHits: number; suggestion: string | null; hits: { node: { title: string } }[] };
};

describe('search relevance through the API', () => {
  let t: TestApp;
  let member: Session;

  async function searched(query: string, token?: string): Promise<Result['search']> {
    const res = await t.gql<Result>(SEARCH, { input: { query, first: 50 } }, { token });
    if (res.errors || !res.data) throw new Error(`search "${query}" failed: ${JSON.stringify(res.errors)}`);
    return res.data.search;
  }
  const titles = async (query: string, token?: string): Promise<string[]> =>
    (await searched(query, token)).hits.map((h) => h.node.title);

  async function mutate<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    const res = await t.gql<T>(query, variables, { token: member.accessToken });
    if (res.errors || !res.data) throw new Error(`${query} failed: ${JSON.stringify(res.errors)}`);
    return res.data;
  }

  async function publishPost(input: Record<string, unknown>): Promise<void> {
    const created = await mutate<{ createExperiencePost: { id: string } }>(
      'mutation($input: ExperiencePostInput!) { createExperiencePost(input: $input) { id } }',
      { input: validPost(input) },
    );
    await mutate('mutation($id: ID!) { submitExperiencePost(id: $id) { status } }', {
      id: created.createExperiencePost.id,
    });
  }

  async function publishTemplate(input: Record<string, unknown>): Promise<void> {
    const created = await mutate<{ createClauseTemplate: { id: string } }>(
      'mutation($input: ClauseTemplateInput!) { createClauseTemplate(input: $input) { id } }',
      { input: validTemplate(input) },
    );
    await mutate('mutation($id: ID!) { submitClauseTemplate(id: $id) { status } }', {
      id: created.createClauseTemplate.id,
    });
  }

  const NEUTRAL = { summary: 'Un retour sur un achat.', body: 'Le marché a été attribué.', outcomes: '' };
  const TABLETS = 'Tablettes pour les médiathèques';
  const HEATING = 'Géothermie des piscines';
  const HIDDEN = 'Serres en aquaponique';
  const RESERVED = 'Marché de blanchisserie';

  beforeAll(async () => {
    t = await createContentTestApp();
    member = await login(t, MEMBER);
    const admin = await login(t, ADMIN);
    const org = await t.gql<{ me: { organisation: { id: string } } }>(
      '{ me { organisation { id } } }',
      undefined,
      {
        token: member.accessToken,
      },
    );
    const trusted = await t.gql(
      'mutation($id: ID!) { setOrganisationTrusted(id: $id, trusted: true) { trusted } }',
      { id: org.data?.me.organisation.id },
      { token: admin.accessToken },
    );
    if (trusted.errors) throw new Error(`setOrganisationTrusted failed: ${JSON.stringify(trusted.errors)}`);
    await publishPost({
      ...NEUTRAL,
      title: TABLETS,
      themes: ['numerique-responsable'],
      cpvCodes: ['30213100-6'],
      departmentCode: '34',
      contractYear: 2023,
    });
    await publishPost({
      ...NEUTRAL,
      title: HEATING,
      themes: ['energie'],
      cpvCodes: ['09310000-5'],
      departmentCode: '30',
      contractYear: 2021,
    });
    await publishPost({ ...NEUTRAL, title: HIDDEN, themes: ['alimentation'], visibility: 'MEMBERS' });
    await publishTemplate({
      title: RESERVED,
      summary: 'Un marché pour les travailleurs handicapés.',
      kind: 'RESERVED_CONTRACT',
      themes: ['handicap'],
      legalReferences: ['CCP art. L2113-12'],
      body: "Le marché est attribué en application de l'article R. 2152-7 et de la loi n° 2005-102.",
      variables: [],
    });
    await t.app.get(SearchIndexer).drain();
  });
  afterAll(() => t.close());

  it.each([
    ['the theme label', 'numérique responsable', [TABLETS]],
    ['the département name', 'Hérault', [TABLETS]],
    ['another département name', 'gard', [HEATING]],
    ['a CPV code with its check digit', '30213100-6', [TABLETS]],
    ['a CPV code without it', '30213100', [TABLETS]],
    ['a CPV code after « CPV »', 'CPV 09310000', [HEATING]],
    ['a CPV label', 'ordinateurs portables', [TABLETS]],
    ['the contract year', '2021', [HEATING]],
    ['a legal reference as written', 'L2113-12', [RESERVED]],
    ['a legal reference with a dot and a space', 'L. 2113-12', [RESERVED]],
    ['a legal reference after « article »', 'article L2113-12', [RESERVED]],
    ['a legal reference of the body', 'R2152-7', [RESERVED]],
    ['a law number', '2005-102', [RESERVED]],
    ['the kind label', 'réservé', [RESERVED]],
  ])('finds a document by %s (« %s »)', async (_what, query, expected) => {
    expect(await titles(query)).toEqual(expected);
  });

  it('finds every document of an organisation by its name', async () => {
    expect((await titles('Montpellier Méditerranée Métropole')).sort()).toEqual(
      [HEATING, RESERVED, TABLETS].sort(),
    );
  });

  it('does not confuse one legal reference, CPV code or year with a neighbour', async () => {
    expect(await titles('L2113-13')).toEqual([]);
    expect(await titles('30213300')).toEqual([]);
    expect(await titles('2022')).toEqual([]);
  });

  it('offers « Essayez : … » only when nothing matches, from words the viewer may see', async () => {
    const far = await searched('jeaothermmie');
    expect(far).toMatchObject({ totalHits: 0, suggestion: 'geothermie' });
    expect((await searched('géothermie')).suggestion).toBeNull();
    // A word only a members-only post has is never suggested to an anonymous viewer.
    expect((await searched('aquaponiquessx')).suggestion).toBeNull();
    expect((await searched('aquaponiquessx', member.accessToken)).suggestion).toBe('aquaponique');
  });

  it('completes the last word from words the viewer may see, and bounds its answer', async () => {
    const complete = async (prefix: string, token?: string, first?: number) => {
      const res = await t.gql<{ searchCompletions: string[] }>(
        COMPLETIONS,
        { input: { prefix, first } },
        { token },
      );
      if (res.errors || !res.data) throw new Error(`completions failed: ${JSON.stringify(res.errors)}`);
      return res.data.searchCompletions;
    };
    expect(await complete('piscines géoth')).toEqual(['piscines geothermie']);
    expect(await complete("l'aquapon", member.accessToken)).toEqual(["l'aquaponique"]);
    expect(await complete('aquapon')).toEqual([]);
    expect(await complete('aquapon', member.accessToken)).toEqual(['aquaponique']);
    const tooMany = await t.gql(COMPLETIONS, { input: { prefix: 'a', first: 21 } });
    expect(tooMany.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });
});
