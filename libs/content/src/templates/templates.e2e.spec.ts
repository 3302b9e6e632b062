import { DATA_SOURCE } from '@resocc/core';
import { MEMBER, OTHER_MEMBER, login, type Session } from '@resocc/members/testing';
import type { DataSource } from 'typeorm';
import { TEMPLATE_FIELDS, type TestApp, createContentTestApp, validTemplate } from '../testing';

const CREATE = `mutation($input: ClauseTemplateInput!) { createClauseTemplate(input: $input) { ${TEMPLATE_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $input: ClauseTemplateInput!) { updateClauseTemplate(id: $id, expectedVersion: $v, input: $input) { ${TEMPLATE_FIELDS} } }`;
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
    const rewritten = await t.gql<{ updateClauseTemplate: Template }>(
      UPDATE,
      {
        id: template.id,
        v: 2,
        input: validTemplate({
          body: newBody,
          variables: [{ name: 'heures', label: "Nombre d'heures", type: 'NUMBER', required: true }],
          changeNote: 'Simplification : sans pourcentage',
        }),
      },
      { token: member.accessToken },
    );
    const updated = rewritten.data?.updateClauseTemplate;
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
