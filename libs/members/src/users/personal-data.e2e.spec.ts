import { DATA_SOURCE } from '@resocc/core';
import type { TestApp } from '@resocc/core/testing';
import type { DataSource } from 'typeorm';
import { DEMO_PASSWORD } from '../seed/members.seed';
import { ADMIN, LOGIN, MEMBER, OTHER_MEMBER, createMembersTestApp, login } from '../testing';

describe('personal data (RGPD)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createMembersTestApp();
  });
  afterAll(() => t.close());

  it('exports everything held on the viewer as JSON, never a password or token hash', async () => {
    const session = await login(t, MEMBER);
    const res = await t.gql<{ exportMyData: string }>('mutation { exportMyData }', undefined, {
      token: session.accessToken,
    });
    expect(res.errors).toBeUndefined();
    const raw = res.data?.exportMyData ?? '';
    const document = JSON.parse(raw) as Record<string, unknown>;
    expect(document).toMatchObject({
      format: 'resocc-personal-data/1',
      account: { email: MEMBER, displayName: 'Claire Dupont' },
      organisation: { name: 'Montpellier Méditerranée Métropole', siret: '24345260100012' },
    });
    expect(Array.isArray(document['sessions'])).toBe(true);
    expect((document['sessions'] as unknown[]).length).toBeGreaterThanOrEqual(1);
    expect(raw).not.toMatch(/argon2|passwordHash|tokenHash|\$argon/);
    expect(raw).not.toContain(session.refreshToken);
  });

  it('asks for the password before erasing, naming the field', async () => {
    const session = await login(t, OTHER_MEMBER);
    const res = await t.gql(
      'mutation($p: String!) { deleteMyAccount(password: $p) }',
      { p: 'not-my-password' },
      {
        token: session.accessToken,
      },
    );
    expect(res.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'password' }],
    });
    expect((await t.gql('{ me { email } }', undefined, { token: session.accessToken })).data).toEqual({
      me: { email: OTHER_MEMBER },
    });
  });

  it('erases the account: sessions end, sign-in fails, the user shows as "ancien membre" and the e-mail is free again', async () => {
    const session = await login(t, OTHER_MEMBER);
    const userId = session.userId;
    const res = await t.gql(
      'mutation($p: String!) { deleteMyAccount(password: $p) }',
      { p: DEMO_PASSWORD },
      {
        token: session.accessToken,
      },
    );
    expect(res.data).toEqual({ deleteMyAccount: true });

    expect(
      (await t.gql('{ me { id } }', undefined, { token: session.accessToken })).errors?.[0].extensions?.code,
    ).toBe('UNAUTHENTICATED');
    const again = await t.gql(LOGIN, { email: OTHER_MEMBER, password: DEMO_PASSWORD });
    expect(again.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

    const admin = await login(t, ADMIN);
    const node = await t.gql(
      'query($id: ID!) { node(id: $id) { ... on User { displayName email roles } } }',
      { id: userId },
      {
        token: admin.accessToken,
      },
    );
    expect(node.data).toEqual({ node: { displayName: 'ancien membre', email: null, roles: [] } });

    const dataSource = t.app.get<DataSource>(DATA_SOURCE);
    const rows = await dataSource.query(
      `SELECT email, password_hash, display_name FROM user_account WHERE display_name = 'ancien membre'`,
    );
    expect(rows).toEqual([{ email: null, password_hash: null, display_name: 'ancien membre' }]);
    const sessions = await dataSource.query(
      `SELECT count(*)::int AS n FROM session s JOIN user_account u ON u.id = s.user_id WHERE u.display_name = 'ancien membre'`,
    );
    expect(sessions).toEqual([{ n: 0 }]);

    const rejoin = await t.gql(
      `mutation { registerUser(organisationSiret: "24318159000015", user: { email: "${OTHER_MEMBER}", password: "un-nouveau-depart-2026", displayName: "Julien M." }) { id } }`,
    );
    expect(rejoin.errors).toBeUndefined();
  });

  it('refuses to erase the last active administrator', async () => {
    const admin = await login(t, ADMIN);
    const res = await t.gql(
      'mutation($p: String!) { deleteMyAccount(password: $p) }',
      { p: DEMO_PASSWORD },
      {
        token: admin.accessToken,
      },
    );
    expect(res.errors?.[0].extensions?.code).toBe('CONFLICT');
  });
});
