// Trust, black-box through GraphQL with a real SMTP server on loopback: verified e-mail,
// membership approved by référents, no account enumeration, no SIRET squatting, sign-in
// limits that do not lock the owner out.
import { validPost } from '@resocc/content/testing';
import { DATA_SOURCE, SeedRegistry } from '@resocc/core';
import type { GraphQLResponse, TestApp } from '@resocc/core/testing';
import {
  ADMIN,
  MEMBER,
  OTHER_MEMBER,
  TestInbox,
  VERIFY_EMAIL,
  login,
  type Session,
  verifyThroughInbox,
} from '@resocc/members/testing';
import type { DataSource } from 'typeorm';
import { createPlatformTestApp } from './testing/app';

const PASSWORD = 'un-mot-de-passe-solide';
const MONTPELLIER = '24345260100012';
const USER_FIELDS = `id email displayName emailVerified referent roles createdAt
  organisation { id name siret kind departmentCode membershipStatus trusted website }`;
const REGISTER = `mutation($siret: String!, $u: NewUserInput!) { registerUser(organisationSiret: $siret, user: $u) { ${USER_FIELDS} } }`;
const APPLY = `mutation($o: OrganisationInput!, $u: NewUserInput!) { applyForMembership(organisation: $o, user: $u) { ${USER_FIELDS} } }`;
const DECIDE = `mutation($id: ID!, $approve: Boolean!, $reason: String) {
  decideMembershipRequest(userId: $id, approve: $approve, reason: $reason) { roles }
}`;
const CREATE_POST = `mutation($input: ExperiencePostInput!) { createExperiencePost(input: $input) { id } }`;
const DRAFTS = `{ experiencePosts(first: 100, status: DRAFT) { edges { node { id title } } } }`;
const REQUESTS = `query($status: MembershipRequestStatus) {
  membershipRequests(first: 50, status: $status) { totalCount edges { node { status reason user { id email } organisation { name } } } }
}`;

const newUser = (email: string, displayName = 'Léa Achat') => ({ email, password: PASSWORD, displayName });
const organisation = (siret: string) => ({
  name: 'Commune de Lodève',
  siret,
  kind: 'COLLECTIVITE_TERRITORIALE',
  departmentCode: '34',
});

function ok<T>(res: GraphQLResponse<T>): T {
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  if (!res.data) throw new Error('no data');
  return res.data;
}

/** The answer with what differs between any two accounts (ids, dates) masked. */
function shape(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (key, v: unknown) => (key === 'id' || key === 'createdAt' ? `<${key}>` : v)),
  );
}

describe('trust', () => {
  let t: TestApp;
  let inbox: TestInbox;
  let dataSource: DataSource;
  let admin: Session;
  let referent: Session;

  beforeAll(async () => {
    inbox = await TestInbox.start();
    t = await createPlatformTestApp({ env: { SMTP_URL: inbox.smtpUrl } });
    dataSource = t.app.get<DataSource>(DATA_SOURCE);
    await t.app.get(SeedRegistry).seed(dataSource, ['members-demo']);
    admin = await login(t, ADMIN);
    referent = await login(t, MEMBER); // référent of Montpellier
  });
  afterAll(async () => {
    await t.close();
    await inbox.close();
  });

  /** Asks to join Montpellier and signs in; the account is neither verified nor approved. */
  async function requester(email: string, ip = '10.1.0.1'): Promise<Session> {
    ok(await t.gql(REGISTER, { siret: MONTPELLIER, u: newUser(email) }, { ip }));
    return login(t, email, PASSWORD);
  }

  it('gives a new account no content right before it follows the link in its e-mail, nor after until approved', async () => {
    const session = await requester('nouvelle@montpellier.example');
    const me = () => t.gql('{ me { roles emailVerified } }', undefined, { token: session.accessToken });
    expect(ok(await me())).toEqual({ me: { roles: [], emailVerified: false } });
    const create = await t.gql(CREATE_POST, { input: validPost() }, { token: session.accessToken });
    expect(create.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    // A draft of the organisation, which the newcomer must not see until approved.
    const draft = ok(
      await t.gql<{ createExperiencePost: { id: string } }>(
        CREATE_POST,
        { input: validPost({ title: 'Brouillon interne de Montpellier' }) },
        { token: referent.accessToken },
      ),
    ).createExperiencePost.id;

    const mail = await inbox.waitFor('nouvelle@montpellier.example', /Confirmez votre adresse/);
    expect(mail.subject).toBe("[RES'OCC] Confirmez votre adresse e-mail");
    expect(mail.text).toMatch(/http:\/\/localhost:3001\/verification\?token=[A-Za-z0-9_-]{43}/);
    await verifyThroughInbox(t, inbox, 'nouvelle@montpellier.example');
    expect(ok(await me())).toEqual({ me: { roles: [], emailVerified: true } });
    // Verified but not approved: still no content right, none of the organisation's drafts.
    expect(
      (await t.gql(CREATE_POST, { input: validPost() }, { token: session.accessToken })).errors?.[0]
        .extensions?.code,
    ).toBe('FORBIDDEN');
    const hidden = ok(
      await t.gql<{ experiencePosts: { edges: { node: { id: string } }[] } }>(DRAFTS, undefined, {
        token: session.accessToken,
      }),
    );
    expect(hidden.experiencePosts.edges.map((e) => e.node.id)).not.toContain(draft);
    const node = await t.gql(
      `query($id: ID!) { node(id: $id) { id } }`,
      { id: draft },
      { token: session.accessToken },
    );
    expect(node.errors).toBeUndefined();
    expect(node.data).toEqual({ node: null });

    // The référent sees the request and approves it: the same access token has the rights at once.
    const requests = ok(
      await t.gql<{ membershipRequests: { edges: { node: { user: { id: string; email: string } } }[] } }>(
        REQUESTS,
        { status: 'PENDING' },
        { token: referent.accessToken },
      ),
    );
    expect(requests.membershipRequests.edges.map((e) => e.node.user.email)).toContain(
      'nouvelle@montpellier.example',
    );
    expect(
      ok(await t.gql(DECIDE, { id: session.userId, approve: true }, { token: referent.accessToken })),
    ).toEqual({
      decideMembershipRequest: { roles: ['MEMBER'] },
    });
    const seen = ok(
      await t.gql<{ experiencePosts: { edges: { node: { id: string } }[] } }>(DRAFTS, undefined, {
        token: session.accessToken,
      }),
    );
    expect(seen.experiencePosts.edges.map((e) => e.node.id)).toContain(draft);
    expect(ok(await t.gql(CREATE_POST, { input: validPost() }, { token: session.accessToken }))).toBeTruthy();
    await inbox.waitFor('nouvelle@montpellier.example', /acceptée/);
  });

  it('lets the verification link serve once, and names the field when it is wrong', async () => {
    await requester('une-fois@montpellier.example');
    const token = await inbox.verificationToken('une-fois@montpellier.example');
    expect(ok(await t.gql(VERIFY_EMAIL, { token }))).toEqual({ verifyEmail: true });
    const again = await t.gql(VERIFY_EMAIL, { token });
    expect(again.errors?.[0].extensions?.fields).toEqual([
      { path: 'token', message: expect.stringContaining('déjà servi') },
    ]);
    const bad = await t.gql(VERIFY_EMAIL, { token: 'x'.repeat(43) });
    expect(bad.errors?.[0].extensions?.fields?.[0].path).toBe('token');
    // An expired link says so.
    await requester('trop-tard@montpellier.example');
    const late = await inbox.verificationToken('trop-tard@montpellier.example');
    await dataSource.query(`UPDATE email_verification SET expires_at = now() - interval '1 second'
      WHERE user_id = (SELECT id FROM user_account WHERE email = 'trop-tard@montpellier.example')`);
    const expired = await t.gql(VERIFY_EMAIL, { token: late });
    expect(expired.errors?.[0].extensions?.fields?.[0].message).toContain('expiré');
  });

  it('lets an ADMIN and a référent decide; a member of another organisation and a non-référent colleague cannot', async () => {
    const a = await requester('demande-a@montpellier.example');
    const b = await requester('demande-b@montpellier.example');
    await verifyThroughInbox(t, inbox, 'demande-a@montpellier.example');
    await verifyThroughInbox(t, inbox, 'demande-b@montpellier.example');

    const outsider = await login(t, OTHER_MEMBER); // référent of Toulouse
    const byOutsider = await t.gql(DECIDE, { id: a.userId, approve: true }, { token: outsider.accessToken });
    expect(byOutsider.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const outsiderList = await t.gql<{
      membershipRequests: { edges: { node: { user: { email: string } } }[] };
    }>(REQUESTS, {}, { token: outsider.accessToken });
    expect(outsiderList.errors).toBeUndefined();
    expect(JSON.stringify(outsiderList.data)).not.toContain('demande-a@');

    // A colleague approved earlier (nouvelle@) is a member but not a référent.
    const colleague = await login(t, 'nouvelle@montpellier.example', PASSWORD);
    const byColleague = await t.gql(
      DECIDE,
      { id: a.userId, approve: true },
      { token: colleague.accessToken },
    );
    expect(byColleague.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const byRequester = await t.gql(DECIDE, { id: b.userId, approve: true }, { token: a.accessToken });
    expect(byRequester.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    expect(ok(await t.gql(DECIDE, { id: a.userId, approve: true }, { token: admin.accessToken }))).toEqual({
      decideMembershipRequest: { roles: ['MEMBER'] },
    });
    expect(ok(await t.gql(DECIDE, { id: b.userId, approve: true }, { token: referent.accessToken }))).toEqual(
      {
        decideMembershipRequest: { roles: ['MEMBER'] },
      },
    );
    const twice = await t.gql(
      DECIDE,
      { id: b.userId, approve: false, reason: 'Doublon' },
      { token: referent.accessToken },
    );
    expect(twice.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('sends the référent’s refusal and its reason to the requester, and requires a reason', async () => {
    const session = await requester('refusee@montpellier.example');
    await verifyThroughInbox(t, inbox, 'refusee@montpellier.example');
    const noReason = await t.gql(
      DECIDE,
      { id: session.userId, approve: false },
      { token: referent.accessToken },
    );
    expect(noReason.errors?.[0].extensions?.fields?.[0].path).toBe('reason');
    ok(
      await t.gql(
        DECIDE,
        { id: session.userId, approve: false, reason: 'Cette personne ne travaille pas à la Métropole.' },
        { token: referent.accessToken },
      ),
    );
    const mail = await inbox.waitFor('refusee@montpellier.example', /n'a pas été acceptée/);
    expect(mail.text).toContain('Cette personne ne travaille pas à la Métropole.');
    const notifications = ok(
      await t.gql<{ notifications: { edges: { node: { kind: string; message: string } }[] } }>(
        '{ notifications(first: 10) { edges { node { kind message } } } }',
        undefined,
        { token: session.accessToken },
      ),
    );
    expect(notifications.notifications.edges.map((e) => e.node)).toEqual([
      {
        kind: 'MEMBERSHIP_REFUSED',
        message: expect.stringContaining('Cette personne ne travaille pas à la Métropole.'),
      },
    ]);
    const me = ok(await t.gql('{ me { roles } }', undefined, { token: session.accessToken }));
    expect(me).toEqual({ me: { roles: [] } });
  });

  it('answers sign-ups the same for an address with an account and one without, and tells the owner', async () => {
    const existing = await t.gql(
      REGISTER,
      { siret: MONTPELLIER, u: newUser(OTHER_MEMBER, 'Quelqu’un') },
      { ip: '10.2.0.1' },
    );
    const fresh = await t.gql(
      REGISTER,
      { siret: MONTPELLIER, u: newUser('jamais-vue@montpellier.example', 'Quelqu’un') },
      { ip: '10.2.0.2' },
    );
    expect(existing.errors).toBeUndefined();
    expect(fresh.errors).toBeUndefined();
    const a = existing.data?.['registerUser'] as Record<string, unknown>;
    const b = fresh.data?.['registerUser'] as Record<string, unknown>;
    expect(shape({ ...a, email: '<email>' })).toEqual(shape({ ...b, email: '<email>' }));
    expect(Object.keys(a)).toEqual(Object.keys(b));
    // Neither account can be looked up by its id by anyone else.
    for (const id of [a['id'], b['id']]) {
      expect(ok(await t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id }))).toEqual({ node: null });
    }
    const notice = await inbox.waitFor(OTHER_MEMBER, /Tentative d'inscription/);
    expect(notice.text).toContain('Aucun nouveau compte');

    const appliedExisting = await t.gql(
      APPLY,
      { o: organisation('21340142500011'), u: newUser(ADMIN, 'Quelqu’un') },
      { ip: '10.2.0.3' },
    );
    const appliedFresh = await t.gql(
      APPLY,
      { o: organisation('21340172200011'), u: newUser('candidate@lodeve.example', 'Quelqu’un') },
      { ip: '10.2.0.4' },
    );
    expect(appliedExisting.errors).toBeUndefined();
    expect(appliedFresh.errors).toBeUndefined();
    const strip = (r: GraphQLResponse) => {
      const user = r.data?.['applyForMembership'] as Record<string, unknown> & {
        organisation: Record<string, unknown>;
      };
      return shape({ ...user, email: '<email>', organisation: { ...user.organisation, siret: '<siret>' } });
    };
    expect(strip(appliedExisting)).toEqual(strip(appliedFresh));

    const resent = await Promise.all(
      [OTHER_MEMBER, 'personne@nulle-part.example'].map((email) =>
        t.gql(`mutation($e: String!) { resendVerification(email: $e) }`, { e: email }, { ip: '10.2.0.5' }),
      ),
    );
    expect(resent.map((r) => r.data)).toEqual([{ resendVerification: true }, { resendVerification: true }]);
  });

  it('lets nobody squat an address: a sign-up replaces an account that never confirmed it', async () => {
    const victim = 'victime@montpellier.example';
    ok(
      await t.gql(
        REGISTER,
        { siret: MONTPELLIER, u: { ...newUser(victim), password: 'mot-de-passe-de-l-intrus' } },
        { ip: '10.5.0.1' },
      ),
    );
    const stale = await inbox.verificationToken(victim, 1);
    ok(await t.gql(REGISTER, { siret: MONTPELLIER, u: newUser(victim) }, { ip: '10.5.0.2' }));
    // The intruder's link stops working; the newest confirms the account with the owner's password.
    await inbox.waitFor(victim, /Confirmez/, 2);
    expect((await t.gql(VERIFY_EMAIL, { token: stale })).errors?.[0].extensions?.fields?.[0].path).toBe(
      'token',
    );
    await verifyThroughInbox(t, inbox, victim, 2);
    const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { user { emailVerified } } }`;
    expect(
      (await t.gql(LOGIN, { e: victim, p: 'mot-de-passe-de-l-intrus' })).errors?.[0].extensions?.code,
    ).toBe('UNAUTHENTICATED');
    expect(ok(await t.gql(LOGIN, { e: victim, p: PASSWORD }))).toEqual({
      login: { user: { emailVerified: true } },
    });
  });

  it('lets a REJECTED or expired application be made again for its SIRET, with the history for admins', async () => {
    const siret = '21340189700011';
    ok(
      await t.gql(
        APPLY,
        { o: organisation(siret), u: newUser('premier@lodeve.example') },
        { ip: '10.3.0.1' },
      ),
    );
    // Pending, with a live link: the SIRET is taken for now.
    const blocked = await t.gql(
      APPLY,
      { o: organisation(siret), u: newUser('second@lodeve.example') },
      { ip: '10.3.0.2' },
    );
    expect(blocked.errors?.[0].extensions?.fields?.[0].path).toBe('organisation.siret');
    // The applicant never confirms: once the link has expired, the application no longer holds the SIRET.
    await dataSource.query(`UPDATE email_verification SET expires_at = now() - interval '1 second'
      WHERE user_id = (SELECT id FROM user_account WHERE email = 'premier@lodeve.example')`);
    const second = await t.gql(
      APPLY,
      { o: organisation(siret), u: newUser('second@lodeve.example') },
      { ip: '10.3.0.3' },
    );
    expect(second.errors).toBeUndefined();
    const orgId = (second.data?.['applyForMembership'] as { organisation: { id: string } }).organisation.id;
    ok(
      await t.gql(
        `mutation($id: ID!) { rejectOrganisation(id: $id, reason: "Hors du périmètre") { id } }`,
        { id: orgId },
        {
          token: admin.accessToken,
        },
      ),
    );
    const third = await t.gql(
      APPLY,
      { o: organisation(siret), u: newUser('troisieme@lodeve.example') },
      { ip: '10.3.0.4' },
    );
    expect(third.errors).toBeUndefined();
    const thirdId = (third.data?.['applyForMembership'] as { organisation: { id: string } }).organisation.id;
    const history = ok(
      await t.gql<{
        node: { applicationHistory: { membershipStatus: string; membershipStatusReason: string }[] };
      }>(
        `query($id: ID!) { node(id: $id) { ... on Organisation { applicationHistory { membershipStatus membershipStatusReason } } } }`,
        { id: thirdId },
        { token: admin.accessToken },
      ),
    );
    expect(history.node.applicationHistory).toEqual([
      { membershipStatus: 'REJECTED', membershipStatusReason: 'Hors du périmètre' },
      { membershipStatus: 'REJECTED', membershipStatusReason: expect.stringContaining('expirée') },
    ]);
    // An ACTIVE organisation's SIRET still cannot be applied for.
    const active = await t.gql(
      APPLY,
      { o: organisation(MONTPELLIER), u: newUser('x@lodeve.example') },
      { ip: '10.3.0.5' },
    );
    expect(active.errors?.[0].extensions?.fields?.[0].path).toBe('organisation.siret');
  });

  it('accepts at once a verified address on a domain an ADMIN verified for the organisation', async () => {
    const orgs = ok(
      await t.gql<{ organisations: { edges: { node: { id: string; siret: string } }[] } }>(
        `{ organisations(first: 100) { edges { node { id siret } } } }`,
      ),
    );
    const id = orgs.organisations.edges.find((e) => e.node.siret === MONTPELLIER)?.node.id;
    const bad = await t.gql(
      `mutation($id: ID!, $d: [String!]!) { setOrganisationEmailDomains(id: $id, domains: $d) { verifiedEmailDomains } }`,
      { id, d: ['montpellier3m.example', 'gmail.com'] },
      { token: admin.accessToken },
    );
    expect(bad.errors?.[0].extensions?.fields).toEqual([
      { path: 'domains.1', message: expect.stringContaining('ouverte à tous') },
    ]);
    expect(
      ok(
        await t.gql(
          `mutation($id: ID!, $d: [String!]!) { setOrganisationEmailDomains(id: $id, domains: $d) { verifiedEmailDomains } }`,
          { id, d: ['@Montpellier3m.example'] },
          { token: admin.accessToken },
        ),
      ),
    ).toEqual({ setOrganisationEmailDomains: { verifiedEmailDomains: ['montpellier3m.example'] } });
    const session = await requester('agent@montpellier3m.example');
    await verifyThroughInbox(t, inbox, 'agent@montpellier3m.example');
    expect(ok(await t.gql('{ me { roles } }', undefined, { token: session.accessToken }))).toEqual({
      me: { roles: ['MEMBER'] },
    });
  });

  it('lets référents remove members (access ends at once) and name référents, never removing the last one', async () => {
    const colleague = await login(t, 'nouvelle@montpellier.example', PASSWORD);
    const SET = `mutation($id: ID!, $r: Boolean!) { setReferent(userId: $id, referent: $r) { referent } }`;
    const REMOVE = `mutation($id: ID!) { removeMember(userId: $id) { roles } }`;
    const last = await t.gql(SET, { id: referent.userId, r: false }, { token: referent.accessToken });
    expect(last.errors?.[0].extensions?.code).toBe('CONFLICT');
    const byColleague = await t.gql(SET, { id: colleague.userId, r: true }, { token: colleague.accessToken });
    expect(byColleague.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(ok(await t.gql(SET, { id: colleague.userId, r: true }, { token: referent.accessToken }))).toEqual({
      setReferent: { referent: true },
    });
    expect(ok(await t.gql(SET, { id: colleague.userId, r: false }, { token: referent.accessToken }))).toEqual(
      {
        setReferent: { referent: false },
      },
    );
    expect(ok(await t.gql(REMOVE, { id: colleague.userId }, { token: referent.accessToken }))).toEqual({
      removeMember: { roles: [] },
    });
    const after = await t.gql(CREATE_POST, { input: validPost() }, { token: colleague.accessToken });
    expect(after.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('does not let a flood of failed sign-ins from one address stop the owner at the address it used before', async () => {
    const owner = '10.9.0.1';
    await login(t, OTHER_MEMBER); // signs in at least once from the owner's address
    const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`;
    ok(await t.gql(LOGIN, { e: OTHER_MEMBER, p: 'demo-password-2026' }, { ip: owner }));
    const codes: string[] = [];
    for (let i = 0; i < 14; i++) {
      const res = await t.gql(
        LOGIN,
        { e: OTHER_MEMBER, p: `mauvais-mot-de-passe-${i}` },
        { ip: `10.8.0.${i + 1}` },
      );
      codes.push(String(res.errors?.[0].extensions?.code));
    }
    // At most 10 guesses from elsewhere, then RATE_LIMITED, even with the right password.
    expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(10);
    expect(codes.slice(10)).toEqual(['RATE_LIMITED', 'RATE_LIMITED', 'RATE_LIMITED', 'RATE_LIMITED']);
    const elsewhere = await t.gql(LOGIN, { e: OTHER_MEMBER, p: 'demo-password-2026' }, { ip: '10.8.0.99' });
    expect(elsewhere.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    // The owner, from the address that signed in before, is not locked out.
    expect(ok(await t.gql(LOGIN, { e: OTHER_MEMBER, p: 'demo-password-2026' }, { ip: owner }))).toBeTruthy();
    // Account deletion checks the password in the same budget.
    const session = await login(t, MEMBER);
    const tooLong = await t.gql(
      `mutation($p: String!) { deleteMyAccount(password: $p) }`,
      { p: 'x'.repeat(257) },
      { token: session.accessToken },
    );
    expect(tooLong.errors?.[0].extensions?.fields).toEqual([
      { path: 'password', message: 'Le mot de passe ne peut dépasser 256 caractères.' },
    ]);
    const loginTooLong = await t.gql(LOGIN, { e: MEMBER, p: 'x'.repeat(257) });
    expect(loginTooLong.errors?.[0].extensions?.fields).toEqual(tooLong.errors?.[0].extensions?.fields);
  });
});
