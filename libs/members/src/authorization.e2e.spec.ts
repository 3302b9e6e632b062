import { DATA_SOURCE, toGlobalId } from '@resocc/core';
import type { TestApp } from '@resocc/core/testing';
import type { DataSource } from 'typeorm';
import { ADMIN, MEMBER, MODERATOR, PENDING_USER, createMembersTestApp, login } from './testing';

type Viewer = 'anonymous' | 'pending' | 'member' | 'moderator' | 'admin';
/** 'OK' or the error code the viewer must get. */
type Outcome = 'OK' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'BAD_USER_INPUT' | 'NOT_FOUND';

const NOWHERE_ORG = toGlobalId('Organisation', '00000000-0000-4000-8000-000000000001');
const NOWHERE_USER = toGlobalId('User', '00000000-0000-4000-8000-000000000002');
const ADMIN_ONLY = {
  anonymous: 'UNAUTHENTICATED',
  pending: 'FORBIDDEN',
  member: 'FORBIDDEN',
  moderator: 'FORBIDDEN',
  admin: 'NOT_FOUND',
} as const;
const SIGNED_IN = {
  anonymous: 'UNAUTHENTICATED',
  pending: 'OK',
  member: 'OK',
  moderator: 'OK',
  admin: 'OK',
} as const;
const EVERYONE = { anonymous: 'OK', pending: 'OK', member: 'OK', moderator: 'OK', admin: 'OK' } as const;

/** The members part of the authorization matrix: every operation, every kind of viewer. */
const MATRIX: { operation: string; query: string; expected: Record<Viewer, Outcome> }[] = [
  { operation: 'me', query: '{ me { id } }', expected: EVERYONE },
  { operation: 'organisations', query: '{ organisations { totalCount } }', expected: EVERYONE },
  {
    operation: 'applyForMembership',
    query: `mutation { applyForMembership(organisation: { name: "x", siret: "1", kind: ENTREPRISE, departmentCode: "34" }, user: { email: "x", password: "x", displayName: "x" }) { id } }`,
    expected: {
      anonymous: 'BAD_USER_INPUT',
      pending: 'BAD_USER_INPUT',
      member: 'BAD_USER_INPUT',
      moderator: 'BAD_USER_INPUT',
      admin: 'BAD_USER_INPUT',
    },
  },
  {
    operation: 'registerUser',
    query: `mutation { registerUser(organisationSiret: "1", user: { email: "y", password: "x", displayName: "x" }) { id } }`,
    expected: {
      anonymous: 'BAD_USER_INPUT',
      pending: 'BAD_USER_INPUT',
      member: 'BAD_USER_INPUT',
      moderator: 'BAD_USER_INPUT',
      admin: 'BAD_USER_INPUT',
    },
  },
  {
    operation: 'login',
    query: `mutation { login(email: "personne@nulle-part.example", password: "wrong-password") { accessToken } }`,
    expected: {
      anonymous: 'UNAUTHENTICATED',
      pending: 'UNAUTHENTICATED',
      member: 'UNAUTHENTICATED',
      moderator: 'UNAUTHENTICATED',
      admin: 'UNAUTHENTICATED',
    },
  },
  {
    operation: 'refreshSession',
    query: `mutation { refreshSession(refreshToken: "unknown") { accessToken } }`,
    expected: {
      anonymous: 'UNAUTHENTICATED',
      pending: 'UNAUTHENTICATED',
      member: 'UNAUTHENTICATED',
      moderator: 'UNAUTHENTICATED',
      admin: 'UNAUTHENTICATED',
    },
  },
  { operation: 'logout', query: `mutation { logout(refreshToken: "unknown") }`, expected: EVERYONE },
  {
    operation: 'approveOrganisation',
    query: `mutation { approveOrganisation(id: "${NOWHERE_ORG}") { id } }`,
    expected: ADMIN_ONLY,
  },
  {
    operation: 'rejectOrganisation',
    query: `mutation { rejectOrganisation(id: "${NOWHERE_ORG}", reason: "motif") { id } }`,
    expected: ADMIN_ONLY,
  },
  {
    operation: 'suspendOrganisation',
    query: `mutation { suspendOrganisation(id: "${NOWHERE_ORG}", reason: "motif") { id } }`,
    expected: ADMIN_ONLY,
  },
  {
    operation: 'setOrganisationTrusted',
    query: `mutation { setOrganisationTrusted(id: "${NOWHERE_ORG}", trusted: true) { id } }`,
    expected: ADMIN_ONLY,
  },
  {
    operation: 'grantRole',
    query: `mutation { grantRole(userId: "${NOWHERE_USER}", role: MODERATOR) { id } }`,
    expected: ADMIN_ONLY,
  },
  {
    operation: 'revokeRole',
    query: `mutation { revokeRole(userId: "${NOWHERE_USER}", role: MODERATOR) { id } }`,
    expected: ADMIN_ONLY,
  },
  { operation: 'exportMyData', query: `mutation { exportMyData }`, expected: SIGNED_IN },
  {
    operation: 'deleteMyAccount',
    query: `mutation { deleteMyAccount(password: "not-the-password") }`,
    expected: {
      anonymous: 'UNAUTHENTICATED',
      pending: 'BAD_USER_INPUT',
      member: 'BAD_USER_INPUT',
      moderator: 'BAD_USER_INPUT',
      admin: 'BAD_USER_INPUT',
    },
  },
];

describe('authorization matrix of the members operations', () => {
  let t: TestApp;
  const tokens: Partial<Record<Viewer, string>> = {};
  beforeAll(async () => {
    t = await createMembersTestApp();
    tokens.pending = (await login(t, PENDING_USER)).accessToken;
    tokens.member = (await login(t, MEMBER)).accessToken;
    tokens.moderator = (await login(t, MODERATOR)).accessToken;
    tokens.admin = (await login(t, ADMIN)).accessToken;
  });
  afterAll(() => t.close());
  // Each cell starts from fresh counters: the sign-up rows share one address per row (five
  // attempts per address and quarter of an hour), so a cell must not spend the next one's budget.
  beforeEach(() => t.app.get<DataSource>(DATA_SOURCE).query('DELETE FROM rate_limit_counter'));

  const viewers: Viewer[] = ['anonymous', 'pending', 'member', 'moderator', 'admin'];
  it.each(
    MATRIX.flatMap((row) =>
      viewers.map((viewer) => [row.operation, viewer, row.expected[viewer], row.query] as const),
    ),
  )('%s as %s: %s', async (_operation, viewer, expected, query) => {
    const res = await t.gql(query, undefined, { token: tokens[viewer] });
    // Every error's code: a second error, or one without a code, is not the expected answer.
    expect(res.errors?.map((e) => String(e.extensions?.code)).join(' + ') ?? 'OK').toBe(expected);
    expect(res.status).toBe(200);
  });
});
