// The render amplification: a body of {{x}} 10,000 times (saved before the placeholder
// bound) filled with a 5,000-character value was 50 MB per call, and 16 aliases of it took
// the process down. Now the body is refused when written and the call when rendered.
import { DATA_SOURCE } from '@resocc/core';
import type { TestApp } from '@resocc/core/testing';
import { MEMBER, login, type Session } from '@resocc/members/testing';
import type { DataSource } from 'typeorm';
import { createContentTestApp, validTemplate } from '../testing';

describe('rendering bounds', () => {
  let t: TestApp;
  let author: Session;
  beforeAll(async () => {
    t = await createContentTestApp();
    author = await login(t, MEMBER);
  });
  afterAll(() => t.close());

  it('refuses a template body with more than 200 placeholders, naming the body', async () => {
    const res = await t.gql(
      'mutation($input: ClauseTemplateInput!) { createClauseTemplate(input: $input) { id } }',
      {
        input: validTemplate({
          body: '{{x}} '.repeat(201),
          variables: [{ name: 'x', label: 'Valeur', type: 'TEXT', required: true }],
        }),
      },
      { token: author.accessToken },
    );
    expect(res.errors?.[0].extensions?.fields).toEqual([
      { path: 'input.body', message: expect.stringContaining('200 au plus') },
    ]);
  });

  it('refuses 15 aliased renders of a 10,000-placeholder body with a clear error, and keeps answering', async () => {
    const created = await t.gql<{ createClauseTemplate: { id: string } }>(
      'mutation($input: ClauseTemplateInput!) { createClauseTemplate(input: $input) { id } }',
      {
        input: validTemplate({
          body: 'Texte {{x}}.',
          variables: [{ name: 'x', label: 'Valeur', type: 'TEXT', required: true }],
        }),
      },
      { token: author.accessToken },
    );
    expect(created.errors).toBeUndefined();
    const id = created.data?.createClauseTemplate.id as string;
    const localId = Buffer.from(id, 'base64url').toString('utf8').split(':')[1];
    await t.app
      .get<DataSource>(DATA_SOURCE)
      .query(`UPDATE clause_template SET body = repeat('{{x}}', 10000) WHERE id = $1`, [localId]);
    const value = 'a'.repeat(5000);
    const aliases = Array.from(
      { length: 15 },
      (_, i) => `r${i}: renderClauseTemplate(id: $id, values: [{ name: "x", value: $v }])`,
    ).join('\n');
    const res = await t.gql(
      `query($id: ID!, $v: String!) { ${aliases} }`,
      { id, v: value },
      {
        token: author.accessToken,
      },
    );
    expect(res.status).toBeLessThan(500);
    const errors = res.errors;
    if (!errors) throw new Error('expected the renders to be refused');
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) {
      expect(error.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ path: 'values', message: expect.stringContaining('100') }],
      });
    }
    expect(JSON.stringify(res).length).toBeLessThan(100_000);
    const alive = await t.gql('{ themes { slug } }');
    expect(alive.errors).toBeUndefined();
  });
});
