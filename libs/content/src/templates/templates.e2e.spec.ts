import { DATA_SOURCE } from '@resocc/core';
import { dataOf } from '@resocc/core/testing';
import { MEMBER, MODERATOR, OTHER_MEMBER, login, type Session } from '@resocc/members/testing';
import type { DataSource } from 'typeorm';
import { TEMPLATE_FIELDS, type TestApp, addAccount, createContentTestApp, validTemplate } from '../testing';

const CREATE = `mutation($input: ClauseTemplateInput!) { createClauseTemplate(input: $input) { ${TEMPLATE_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $input: ClauseTemplateInput!) { updateClauseTemplate(id: $id, expectedVersion: $v, input: $input) { ${TEMPLATE_FIELDS} } }`;
const SUBMIT = `mutation($id: ID!) { submitClauseTemplate(id: $id) { status } }`;
const ARCHIVE = `mutation($id: ID!) { archiveClauseTemplate(id: $id) { status } }`;
const HISTORY = `query($id: ID!) { node(id: $id) { ... on ClauseTemplate { revision body revisions {
  revision body textWithheld changeNote createdAt author { displayName } variables { name } } } } }`;
// Newest published first: the template the test has just published is on this short page (a
// page of 100 templates of 100 revisions of 50,000 characters is past the cost budget).
const LIST_HISTORY = `{ clauseTemplates(first: 2) { edges { node { id revisions { revision body textWithheld variables { name } } } } } }`;
const RENDER = `query($id: ID!, $values: [VariableValueInput!]!) { renderClauseTemplate(id: $id, values: $values) }`;

type Template = {
  id: string;
  version: number;
  revision: number;
  revisions: {
    revision: number;
    body: string;
    changeNote: string | null;
    author: { displayName: string };
    variables: { name: string }[];
  }[];
  [key: string]: unknown;
};

describe('clause templates', () => {
  let t: TestApp;
  let member: Session;
  let dataSource: DataSource;
  const localId = (globalId: string): string =>
    Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1];

  async function create(overrides: Record<string, unknown> = {}): Promise<Template> {
    const res = await t.gql<{ createClauseTemplate: Template }>(
      CREATE,
      { input: validTemplate(overrides) },
      { token: member.accessToken },
    );
    if (!res.data?.createClauseTemplate) throw new Error(JSON.stringify(res.errors));
    return res.data.createClauseTemplate;
  }

  /** Replaces the body with one using the single variable {{heures}}: a new revision. */
  async function rewrite(
    id: string,
    v: number,
    body: string,
    changeNote: string,
    overrides: Record<string, unknown> = {},
  ): Promise<Template> {
    const res = await t.gql<{ updateClauseTemplate: Template }>(
      UPDATE,
      {
        id,
        v,
        input: validTemplate({
          ...overrides,
          body,
          variables: [{ name: 'heures', label: "Nombre d'heures", type: 'NUMBER', required: true }],
          changeNote,
        }),
      },
      { token: member.accessToken },
    );
    expect(res.errors).toBeUndefined();
    return res.data?.updateClauseTemplate as Template;
  }

  beforeAll(async () => {
    t = await createContentTestApp();
    member = await login(t, MEMBER);
    dataSource = t.app.get<DataSource>(DATA_SOURCE);
  });
  afterAll(() => t.close());

  it('creates a DRAFT at revision 1 with its variables', async () => {
    const template = await create();
    expect(template).toMatchObject({
      status: 'DRAFT',
      revision: 1,
      version: 1,
      kind: 'PERFORMANCE_CONDITION',
      legalReferences: ['CCP art. L2112-2'],
      variables: [
        { name: 'heures', type: 'NUMBER', required: true, options: null },
        { name: 'taux', type: 'PERCENT', required: true, options: null },
        { name: 'debut', type: 'DATE', required: false, options: null },
      ],
    });
    expect(template.revisions).toEqual([
      {
        revision: 1,
        body: validTemplate()['body'],
        changeNote: 'Version initiale',
        author: { displayName: 'Claire Dupont' },
        variables: [{ name: 'heures' }, { name: 'taux' }, { name: 'debut' }],
      },
    ]);
  });

  it('names undeclared placeholders, unused or misnamed variables and CHOICE without options; writes nothing', async () => {
    const before = Number((await dataSource.query('SELECT count(*) AS n FROM clause_template'))[0].n);
    const res = await t.gql(
      CREATE,
      {
        input: validTemplate({
          body: 'Le titulaire réserve {{heures}} heures pour {{public_vise}}.',
          variables: [
            { name: 'heures', label: 'Heures', type: 'NUMBER', required: true },
            { name: 'taux', label: 'Part', type: 'PERCENT', required: true },
            { name: '9lives', label: 'X', type: 'TEXT', required: false },
            { name: 'choix', label: 'Choix', type: 'CHOICE', required: true },
          ],
        }),
      },
      { token: member.accessToken },
    );
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions?.fields?.map((f) => f.path)).toEqual([
      'input.variables.1.name',
      'input.variables.2.name',
      'input.variables.3.name',
      'input.variables.3.options',
      'input.body',
    ]);
    expect(res.errors?.[0].extensions?.fields?.[4].message).toContain('{{public_vise}}');
    expect(Number((await dataSource.query('SELECT count(*) AS n FROM clause_template'))[0].n)).toBe(before);
  });

  it('adds an immutable revision when body or variables change, newest first; other edits keep the revision', async () => {
    const template = await create();
    const retitled = await t.gql<{ updateClauseTemplate: Template }>(
      UPDATE,
      { id: template.id, v: 1, input: validTemplate({ title: 'Nouveau titre' }) },
      { token: member.accessToken },
    );
    expect(retitled.data?.updateClauseTemplate).toMatchObject({
      title: 'Nouveau titre',
      revision: 1,
      version: 2,
    });

    const newBody = 'Le titulaire réserve {{heures}} heures à des publics éloignés de l’emploi.';
    const updated = await rewrite(template.id, 2, newBody, 'Simplification : sans pourcentage');
    expect(updated).toMatchObject({ revision: 2, version: 3, body: newBody });
    expect(updated?.revisions.map((r) => [r.revision, r.changeNote])).toEqual([
      [2, 'Simplification : sans pourcentage'],
      [1, 'Version initiale'],
    ]);
    expect(updated?.revisions[1].body).toBe(validTemplate()['body']);

    await expect(
      dataSource.query(`UPDATE clause_template_revision SET body = 'réécrit' WHERE template_id = $1`, [
        localId(template.id),
      ]),
    ).rejects.toThrow(/immutable/);
  });

  it('refuses a stale version with CONFLICT', async () => {
    const template = await create();
    await t.gql(
      UPDATE,
      { id: template.id, v: 1, input: validTemplate({ title: 'A' }) },
      { token: member.accessToken },
    );
    const stale = await t.gql(
      UPDATE,
      { id: template.id, v: 1, input: validTemplate({ title: 'B' }) },
      { token: member.accessToken },
    );
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  it("lets a colleague read a template but only its author and the organisation's référents change it", async () => {
    const writer = await addAccount(t, { email: 'juriste@montpellier.example', colleagueOf: MEMBER });
    const colleague = await addAccount(t, { email: 'acheteur2@montpellier.example', colleagueOf: MEMBER });
    const created = await t.gql<{ createClauseTemplate: Template }>(
      CREATE,
      { input: validTemplate({ title: 'Modèle de la juriste' }) },
      { token: writer.accessToken },
    );
    expect(created.errors).toBeUndefined();
    const id = created.data?.createClauseTemplate.id as string;
    const retitle = (v: number, title: string) => ({ id, v, input: validTemplate({ title }) });
    const read = await t.gql<{ node: { body: string } | null }>(
      HISTORY,
      { id },
      { token: colleague.accessToken },
    );
    expect(read.errors).toBeUndefined();
    expect(read.data?.node?.body).toBe(validTemplate()['body']);
    for (const refused of [
      await t.gql(UPDATE, retitle(1, 'Par le collègue'), { token: colleague.accessToken }),
      await t.gql(SUBMIT, { id }, { token: colleague.accessToken }),
      await t.gql(ARCHIVE, { id }, { token: colleague.accessToken }),
    ]) {
      expect(refused.data).toBeNull();
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(refused.errors?.[0].message).toContain('référents de son organisation');
    }
    const [row] = await dataSource.query('SELECT title, version, status FROM clause_template WHERE id = $1', [
      localId(id),
    ]);
    expect(row).toEqual({ title: 'Modèle de la juriste', version: 1, status: 'DRAFT' });

    const allowed = async (session: Session, query: string, variables: Record<string, unknown>) => {
      const res = await t.gql<Record<string, { version?: number; status: string }>>(query, variables, {
        token: session.accessToken,
      });
      expect(res.errors).toBeUndefined();
      return Object.values(res.data ?? {})[0];
    };
    expect((await allowed(member, UPDATE, retitle(1, 'Relu par la référente'))).version).toBe(2);
    expect((await allowed(writer, UPDATE, retitle(2, 'Repris par la juriste'))).version).toBe(3);
    expect((await allowed(writer, SUBMIT, { id })).status).toBe('IN_REVIEW');
    expect((await allowed(member, ARCHIVE, { id })).status).toBe('ARCHIVED');
  });

  it("shows earlier revisions' text only to the template's organisation and to moderators", async () => {
    const template = await create({ title: 'Modèle à deux révisions' });
    const newBody = 'Le titulaire réserve {{heures}} heures aux personnes éloignées de l’emploi.';
    await rewrite(template.id, 1, newBody, 'Sans pourcentage', { title: 'Modèle à deux révisions' });
    await dataSource.query(
      `UPDATE clause_template SET status = 'PUBLISHED', published_at = now() WHERE id = $1`,
      [localId(template.id)],
    );

    type Revision = {
      revision: number;
      body: string;
      textWithheld: boolean;
      changeNote: string | null;
      createdAt: string;
      author: { displayName: string };
      variables: { name: string }[];
    };
    const historyFor = async (token?: string): Promise<Revision[]> => {
      const res = await t.gql<{ node: { revision: number; body: string; revisions: Revision[] } | null }>(
        HISTORY,
        { id: template.id },
        { token },
      );
      const { node } = dataOf(res);
      expect(node).toMatchObject({ revision: 2, body: newBody });
      if (!node) throw new Error('the template is not visible');
      return node.revisions;
    };
    const current = {
      revision: 2,
      body: newBody,
      textWithheld: false,
      changeNote: 'Sans pourcentage',
      author: { displayName: 'Claire Dupont' },
      variables: [{ name: 'heures' }],
    };
    const withheld = {
      revision: 1,
      body: '',
      textWithheld: true,
      changeNote: 'Version initiale',
      author: { displayName: 'Claire Dupont' },
      variables: [],
    };
    const earlier = {
      ...withheld,
      body: validTemplate()['body'],
      textWithheld: false,
      variables: [{ name: 'heures' }, { name: 'taux' }, { name: 'debut' }],
    };

    const other = await login(t, OTHER_MEMBER);
    for (const token of [undefined, other.accessToken]) {
      const revisions = await historyFor(token);
      expect(revisions).toMatchObject([current, withheld]);
      expect(revisions[1].createdAt).toEqual(expect.any(String));
      expect(JSON.stringify(revisions)).not.toContain('taux');
    }
    const colleague = await addAccount(t, { email: 'lectrice@montpellier.example', colleagueOf: MEMBER });
    const moderator = await login(t, MODERATOR);
    for (const token of [member.accessToken, colleague.accessToken, moderator.accessToken]) {
      expect(await historyFor(token)).toMatchObject([current, earlier]);
    }

    // Lists give the same answer as node(id).
    type Listed = { clauseTemplates: { edges: { node: { id: string; revisions: Revision[] } }[] } };
    const listed = async (token?: string): Promise<Revision[] | undefined> => {
      const res = await t.gql<Listed>(LIST_HISTORY, undefined, { token });
      expect(res.errors).toBeUndefined();
      return res.data?.clauseTemplates.edges.find((e) => e.node.id === template.id)?.node.revisions;
    };
    expect(await listed()).toMatchObject([
      { revision: 2, body: newBody, textWithheld: false },
      { revision: 1, body: '', textWithheld: true, variables: [] },
    ]);
    expect(await listed(colleague.accessToken)).toMatchObject([
      { revision: 2 },
      { revision: 1, body: validTemplate()['body'], textWithheld: false },
    ]);
  });

  describe('rendering', () => {
    let publishedId: string;
    beforeAll(async () => {
      const template = await create({
        body: 'Réserver {{heures}} heures ({{taux}} %) dès le {{debut}} pour {{public}}. {{note}}',
        variables: [
          { name: 'heures', label: "Nombre d'heures", type: 'NUMBER', required: true },
          { name: 'taux', label: 'Part des heures', type: 'PERCENT', required: true },
          { name: 'debut', label: 'Date de début', type: 'DATE', required: true },
          { name: 'public', label: 'Public', type: 'CHOICE', required: true, options: ['jeunes', 'seniors'] },
          { name: 'note', label: 'Note', type: 'TEXT', required: false },
        ],
      });
      publishedId = template.id;
      await dataSource.query(
        `UPDATE clause_template SET status = 'PUBLISHED', published_at = now() WHERE id = $1`,
        [localId(publishedId)],
      );
    });

    it('fills the placeholders as plain text, values never read as placeholders', async () => {
      const res = await t.gql(RENDER, {
        id: publishedId,
        values: [
          { name: 'heures', value: '1500' },
          { name: 'taux', value: '7' },
          { name: 'debut', value: '2026-09-01' },
          { name: 'public', value: 'jeunes' },
          { name: 'note', value: '{{heures}} <script>' },
        ],
      });
      expect(res.data).toEqual({
        renderClauseTemplate: 'Réserver 1500 heures (7 %) dès le 2026-09-01 pour jeunes. {{heures}} <script>',
      });
    });

    it('names every missing or ill-typed value in one BAD_USER_INPUT', async () => {
      const res = await t.gql(RENDER, {
        id: publishedId,
        values: [
          { name: 'heures', value: 'beaucoup' },
          { name: 'taux', value: '101' },
          { name: 'debut', value: '01/09/2026' },
        ],
      });
      expect(res.errors?.[0].extensions?.fields?.map((f) => f.path)).toEqual([
        'values.heures',
        'values.taux',
        'values.debut',
        'values.public',
      ]);
    });

    it('is NOT_FOUND for a template the viewer may not see', async () => {
      const draft = await create();
      const other = await login(t, OTHER_MEMBER);
      const res = await t.gql(RENDER, { id: draft.id, values: [] }, { token: other.accessToken });
      expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    });
  });
});
