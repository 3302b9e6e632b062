import { DATA_SOURCE } from '@resocc/core';
import type { TestApp } from '@resocc/core/testing';
import type { DataSource } from 'typeorm';
import {
  ADMIN,
  MEMBER,
  OTHER_MEMBER,
  PENDING_USER,
  TestInbox,
  createMembersTestApp,
  login,
  type Session,
  verifyThroughInbox,
} from '../testing';

const APPLY = `mutation($o: OrganisationInput!, $u: NewUserInput!) {
  applyForMembership(organisation: $o, user: $u) { id email displayName roles organisation { id name siret membershipStatus website } }
}`;
const REGISTER = `mutation($siret: String!, $u: NewUserInput!) {
  registerUser(organisationSiret: $siret, user: $u) { id email roles organisation { name } }
}`;
const ORGS = `query($first: Int, $after: String, $kind: OrganisationKind, $dep: String, $status: MembershipStatus) {
  organisations(first: $first, after: $after, kind: $kind, departmentCode: $dep, membershipStatus: $status) {
    totalCount edges { node { id name siret membershipStatus membershipStatusReason kind departmentCode } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const ORG_STATUS = `mutation($id: ID!, $reason: String!) { suspendOrganisation(id: $id, reason: $reason) { membershipStatus membershipStatusReason } }`;

const newOrganisation = (siret: string) => ({
  name: 'Commune de Lodève',
  siret,
  kind: 'COLLECTIVITE_TERRITORIALE',
  departmentCode: '34',
  website: 'https://lodeve.example',
});
const newUser = (email: string) => ({ email, password: 'un-mot-de-passe-solide', displayName: 'Léa Achat' });

type OrgNode = {
  id: string;
  name: string;
  siret: string;
  membershipStatus: string;
  membershipStatusReason: string | null;
};

describe('joining, approval and the directory', () => {
  let t: TestApp;
  let inbox: TestInbox;
  let admin: Session;
  let dataSource: DataSource;
  const count = async (table: string): Promise<number> =>
    Number((await dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);

  async function orgId(siret: string): Promise<string> {
    const res = await t.gql<{ organisations: { edges: { node: OrgNode }[] } }>(
      ORGS,
      { first: 100 },
      { token: admin.accessToken },
    );
    const found = res.data?.organisations.edges.find((e) => e.node.siret === siret);
    if (!found) throw new Error(`no organisation ${siret}`);
    return found.node.id;
  }

  beforeAll(async () => {
    inbox = await TestInbox.start();
    t = await createMembersTestApp({ env: { SMTP_URL: inbox.smtpUrl } });
    admin = await login(t, ADMIN);
    dataSource = t.app.get<DataSource>(DATA_SOURCE);
  });
  afterAll(async () => {
    await t.close();
    await inbox.close();
  });

  it('creates a PENDING organisation and its first user, who signs in without the MEMBER role', async () => {
    const res = await t.gql(APPLY, {
      o: newOrganisation('213401425 0001 1'),
      u: newUser('Lea.Achat@Lodeve.example'),
    });
    expect(res.errors).toBeUndefined();
    expect(res.data?.['applyForMembership']).toMatchObject({
      email: 'lea.achat@lodeve.example',
      roles: [],
      organisation: {
        siret: '21340142500011',
        membershipStatus: 'PENDING',
        website: 'https://lodeve.example/',
      },
    });
    const session = await login(t, 'lea.achat@lodeve.example', 'un-mot-de-passe-solide');
    const me = await t.gql('{ me { roles organisation { membershipStatus } } }', undefined, {
      token: session.accessToken,
    });
    expect(me.data?.['me']).toEqual({ roles: [], organisation: { membershipStatus: 'PENDING' } });
  });

  it('names every bad field at once, in French, and writes nothing', async () => {
    const orgsBefore = await count('organisation');
    const usersBefore = await count('user_account');
    const res = await t.gql(APPLY, {
      o: {
        name: 'X',
        siret: '21340142500018',
        kind: 'ENTREPRISE',
        departmentCode: '20',
        website: 'ftp://site.example',
      },
      u: { email: 'pas-une-adresse', password: 'court', displayName: ' ' },
    });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const fields = res.errors?.[0].extensions?.fields ?? [];
    expect(fields.map((f) => f.path).sort()).toEqual([
      'organisation.departmentCode',
      'organisation.name',
      'organisation.siret',
      'organisation.website',
      'user.displayName',
      'user.email',
      'user.password',
    ]);
    expect(fields.find((f) => f.path === 'user.password')?.message).toBe(
      'Le mot de passe doit compter au moins 12 caractères.',
    );
    expect(await count('organisation')).toBe(orgsBefore);
    expect(await count('user_account')).toBe(usersBefore);
  });

  it('refuses the SIRET of an ACTIVE organisation, naming the field and saying to join it', async () => {
    const sameSiret = await t.gql(APPLY, {
      o: newOrganisation('24345260100012'),
      u: newUser('autre@lodeve.example'),
    });
    expect(sameSiret.errors?.[0].extensions?.fields).toEqual([
      { path: 'organisation.siret', message: expect.stringContaining('demandez plutôt à la rejoindre') },
    ]);
  });

  it('accepts the SIRET of a La Poste establishment by its own rule', async () => {
    const res = await t.gql(APPLY, {
      o: { ...newOrganisation('35600000000010'), name: 'La Poste — agence de Sète', kind: 'ENTREPRISE' },
      u: newUser('agence@laposte.example'),
    });
    expect(res.errors).toBeUndefined();
  });

  it('lets people ask to join an ACTIVE organisation by SIRET: MEMBER only once verified and approved', async () => {
    const res = await t.gql(REGISTER, { siret: '24345260100012', u: newUser('nouveau@montpellier.example') });
    expect(res.errors).toBeUndefined();
    expect(res.data?.['registerUser']).toMatchObject({
      roles: [],
      organisation: { name: 'Montpellier Méditerranée Métropole' },
    });
    const session = await login(t, 'nouveau@montpellier.example', 'un-mot-de-passe-solide');
    const me = () => t.gql('{ me { roles emailVerified } }', undefined, { token: session.accessToken });
    expect((await me()).data).toEqual({ me: { roles: [], emailVerified: false } });
    await verifyThroughInbox(t, inbox, 'nouveau@montpellier.example');
    expect((await me()).data).toEqual({ me: { roles: [], emailVerified: true } });
    const referent = await login(t, MEMBER);
    const decided = await t.gql(
      'mutation($id: ID!) { decideMembershipRequest(userId: $id, approve: true) { roles } }',
      { id: session.userId },
      { token: referent.accessToken },
    );
    expect(decided.errors).toBeUndefined();
    expect(decided.data).toEqual({ decideMembershipRequest: { roles: ['MEMBER'] } });
    expect((await me()).data).toEqual({ me: { roles: ['MEMBER'], emailVerified: true } });
  });

  it('refuses to join a PENDING, SUSPENDED or REJECTED organisation with a message that says so', async () => {
    const pending = await t.gql(REGISTER, { siret: '99344911800013', u: newUser('x1@pic.example') });
    expect(pending.errors?.[0].extensions?.fields?.[0]).toEqual({
      path: 'organisationSiret',
      message: expect.stringContaining('en attente de validation'),
    });

    const suspend = await t.gql(
      ORG_STATUS,
      { id: await orgId('30343231900018'), reason: 'Cotisation impayée' },
      { token: admin.accessToken },
    );
    expect(suspend.errors).toBeUndefined();
    const suspended = await t.gql(REGISTER, { siret: '30343231900018', u: newUser('x2@gers.example') });
    expect(suspended.errors?.[0].extensions?.fields?.[0].message).toContain('suspendue');

    await t.gql(APPLY, { o: newOrganisation('21340172200011'), u: newUser('x3@lodeve.example') });
    const reject = await t.gql(
      `mutation($id: ID!) { rejectOrganisation(id: $id, reason: "Hors du périmètre du réseau") { membershipStatus } }`,
      { id: await orgId('21340172200011') },
      { token: admin.accessToken },
    );
    expect(reject.data).toEqual({ rejectOrganisation: { membershipStatus: 'REJECTED' } });
    const rejected = await t.gql(REGISTER, { siret: '21340172200011', u: newUser('x4@lodeve.example') });
    expect(rejected.errors?.[0].extensions?.fields?.[0]).toEqual({
      path: 'organisationSiret',
      message: "Aucune organisation membre n'est inscrite avec ce SIRET.",
    });

    const unknown = await t.gql(REGISTER, { siret: '12345678900000', u: newUser('x5@nowhere.example') });
    expect(unknown.errors?.[0].extensions?.fields?.[0].path).toBe('organisationSiret');
  });

  it('records the time and reason of status changes; the reason is for the organisation and moderators only', async () => {
    const applicant = await login(t, 'x3@lodeve.example', 'un-mot-de-passe-solide');
    const own = await t.gql(
      '{ me { organisation { membershipStatus membershipStatusReason membershipStatusChangedAt } } }',
      undefined,
      {
        token: applicant.accessToken,
      },
    );
    expect(own.data?.['me']).toMatchObject({
      organisation: { membershipStatus: 'REJECTED', membershipStatusReason: 'Hors du périmètre du réseau' },
    });
    const id = await orgId('21340172200011');
    const member = await login(t, OTHER_MEMBER);
    const seenByMember = await t.gql(
      'query($id: ID!) { node(id: $id) { ... on Organisation { membershipStatusReason } } }',
      { id },
      {
        token: member.accessToken,
      },
    );
    expect(seenByMember.data).toEqual({ node: null });
  });

  it('approves a PENDING organisation: its verified first user becomes a MEMBER and référent; approving twice names the status', async () => {
    const id = await orgId('21340142500011');
    await verifyThroughInbox(t, inbox, 'lea.achat@lodeve.example');
    const approve = `mutation($id: ID!) { approveOrganisation(id: $id) { membershipStatus membershipStatusReason } }`;
    expect((await t.gql(approve, { id }, { token: admin.accessToken })).data).toEqual({
      approveOrganisation: { membershipStatus: 'ACTIVE', membershipStatusReason: null },
    });
    const session = await login(t, 'lea.achat@lodeve.example', 'un-mot-de-passe-solide');
    expect(
      (await t.gql('{ me { roles referent } }', undefined, { token: session.accessToken })).data,
    ).toEqual({
      me: { roles: ['MEMBER'], referent: true },
    });
    const again = await t.gql(approve, { id }, { token: admin.accessToken });
    expect(again.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'id', message: expect.stringContaining('déjà active') }],
    });
  });

  it('suspends an organisation: its sessions end, its users keep signing in but lose the MEMBER role', async () => {
    const member = await login(t, OTHER_MEMBER);
    const id = await orgId('24318159000015');
    const noReason = await t.gql(ORG_STATUS, { id, reason: ' ' }, { token: admin.accessToken });
    expect(noReason.errors?.[0].extensions?.fields?.[0].path).toBe('reason');
    await t.gql(ORG_STATUS, { id, reason: 'Manquements répétés à la charte' }, { token: admin.accessToken });
    const old = await t.gql('{ me { id } }', undefined, { token: member.accessToken });
    expect(old.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const fresh = await login(t, OTHER_MEMBER);
    const me = await t.gql('{ me { roles organisation { membershipStatus } } }', undefined, {
      token: fresh.accessToken,
    });
    expect(me.data).toEqual({ me: { roles: [], organisation: { membershipStatus: 'SUSPENDED' } } });
  });

  it('marks an organisation trusted', async () => {
    const id = await orgId('24345260100012');
    const res = await t.gql(
      `mutation($id: ID!) { setOrganisationTrusted(id: $id, trusted: true) { trusted } }`,
      { id },
      {
        token: admin.accessToken,
      },
    );
    expect(res.data).toEqual({ setOrganisationTrusted: { trusted: true } });
  });

  describe('directory', () => {
    it('shows anonymous viewers ACTIVE organisations only, moderators everything', async () => {
      const anonymous = await t.gql<{ organisations: { totalCount: number; edges: { node: OrgNode }[] } }>(
        ORGS,
        { first: 100 },
      );
      const statuses = new Set(anonymous.data?.organisations.edges.map((e) => e.node.membershipStatus));
      expect([...statuses]).toEqual(['ACTIVE']);
      expect(anonymous.data?.organisations.edges.every((e) => e.node.membershipStatusReason === null)).toBe(
        true,
      );
      const all = await t.gql<{ organisations: { totalCount: number } }>(
        ORGS,
        { first: 100 },
        { token: admin.accessToken },
      );
      expect(all.data?.organisations.totalCount).toBeGreaterThan(
        anonymous.data?.organisations.totalCount ?? 0,
      );
      const pending = await t.gql<{ organisations: { edges: { node: OrgNode }[] } }>(ORGS, {
        status: 'PENDING',
      });
      expect(pending.data?.organisations.edges).toEqual([]);
    });

    it("lets a pending organisation's user see their own organisation", async () => {
      const session = await login(t, PENDING_USER);
      const res = await t.gql<{ organisations: { edges: { node: OrgNode }[] } }>(
        ORGS,
        { status: 'PENDING' },
        { token: session.accessToken },
      );
      expect(res.data?.organisations.edges.map((e) => e.node.siret)).toEqual(['99344911800013']);
    });

    it('filters by kind and département, pages in name order, and names a bad département', async () => {
      const res = await t.gql<{
        organisations: { edges: { node: OrgNode & { kind: string; departmentCode: string } }[] };
      }>(ORGS, {
        kind: 'COLLECTIVITE_TERRITORIALE',
        dep: '34',
      });
      const nodes = res.data?.organisations.edges.map((e) => e.node) ?? [];
      expect(nodes.length).toBeGreaterThan(0);
      expect(nodes.every((n) => n.kind === 'COLLECTIVITE_TERRITORIALE' && n.departmentCode === '34')).toBe(
        true,
      );

      const names: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page: {
          data?: {
            organisations: {
              edges: { node: OrgNode }[];
              pageInfo: { hasNextPage: boolean; endCursor: string };
            };
          } | null;
        } = await t.gql(ORGS, { first: 4, after });
        names.push(...(page.data?.organisations.edges.map((e) => e.node.name) ?? []));
        if (!page.data?.organisations.pageInfo.hasNextPage) break;
        after = page.data.organisations.pageInfo.endCursor;
      }
      const all = await t.gql<{ organisations: { totalCount: number } }>(ORGS, { first: 100 });
      expect(names).toHaveLength(all.data?.organisations.totalCount ?? -1);
      expect([...names].sort()).toEqual(names);

      const bad = await t.gql(ORGS, { dep: '99' });
      expect(bad.errors?.[0].extensions?.fields).toEqual([
        { path: 'departmentCode', message: expect.any(String) },
      ]);
    });

    it('lists members to MEMBERs only and shows e-mail addresses to the user and admins only', async () => {
      const query = `query($id: ID!) { node(id: $id) { ... on Organisation { members(first: 10) { totalCount edges { node { displayName email } } } } } }`;
      const id = await orgId('24345260100012');
      const anonymous = await t.gql(query, { id });
      expect(anonymous.data?.['node']).toEqual({ members: { totalCount: 0, edges: [] } });
      const pending = await login(t, PENDING_USER);
      expect((await t.gql(query, { id }, { token: pending.accessToken })).data?.['node']).toEqual({
        members: { totalCount: 0, edges: [] },
      });

      const member = await login(t, MEMBER);
      type Members = {
        node: {
          members: { totalCount: number; edges: { node: { displayName: string; email: string | null } }[] };
        };
      };
      const seen = await t.gql<Members>(query, { id }, { token: member.accessToken });
      const edges = seen.data?.node.members.edges ?? [];
      expect(edges.length).toBeGreaterThanOrEqual(2);
      expect(edges.find((e) => e.node.displayName === 'Claire Dupont')?.node.email).toBe(MEMBER);
      expect(
        edges.filter((e) => e.node.displayName !== 'Claire Dupont').every((e) => e.node.email === null),
      ).toBe(true);

      const byAdmin = await t.gql<Members>(query, { id }, { token: admin.accessToken });
      expect(byAdmin.data?.node.members.edges.every((e) => e.node.email !== null)).toBe(true);
    });
  });

  describe('roles', () => {
    const GRANT = `mutation($id: ID!, $role: Role!) { grantRole(userId: $id, role: $role) { roles } }`;
    const REVOKE = `mutation($id: ID!, $role: Role!) { revokeRole(userId: $id, role: $role) { roles } }`;

    it('grants and revokes MODERATOR; MEMBER follows the organisation and cannot be granted', async () => {
      const member = await login(t, MEMBER);
      expect(
        (await t.gql(GRANT, { id: member.userId, role: 'MODERATOR' }, { token: admin.accessToken })).data,
      ).toEqual({
        grantRole: { roles: ['MEMBER', 'MODERATOR'] },
      });
      expect(
        (await t.gql(REVOKE, { id: member.userId, role: 'MODERATOR' }, { token: admin.accessToken })).data,
      ).toEqual({
        revokeRole: { roles: ['MEMBER'] },
      });
      const grantMember = await t.gql(
        GRANT,
        { id: member.userId, role: 'MEMBER' },
        { token: admin.accessToken },
      );
      expect(grantMember.errors?.[0].extensions?.fields?.[0].path).toBe('role');
    });

    it('never lets the last ADMIN lose the role', async () => {
      const res = await t.gql(REVOKE, { id: admin.userId, role: 'ADMIN' }, { token: admin.accessToken });
      expect(res.errors?.[0].extensions?.code).toBe('CONFLICT');
      const me = await t.gql('{ me { roles } }', undefined, { token: admin.accessToken });
      expect(me.data).toEqual({ me: { roles: ['MEMBER', 'MODERATOR', 'ADMIN'] } });

      const member = await login(t, MEMBER);
      await t.gql(GRANT, { id: member.userId, role: 'ADMIN' }, { token: admin.accessToken });
      // with two admins, either may go, but not both at once
      const [a, b] = await Promise.all([
        t.gql(REVOKE, { id: admin.userId, role: 'ADMIN' }, { token: admin.accessToken }),
        t.gql(REVOKE, { id: member.userId, role: 'ADMIN' }, { token: admin.accessToken }),
      ]);
      const succeeded = [a, b].filter((r) => !r.errors).length;
      expect(succeeded).toBe(1);
    });
  });
});
