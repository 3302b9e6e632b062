// The authorization matrix: for every Query and Mutation field of the generated schema,
// what each kind of viewer gets, stated precisely: the access rule's refusal
// (UNAUTHENTICATED, FORBIDDEN) or, for viewers it lets through, the one answer the
// operation gives to the row's dummy input (no error, or that domain error). Any other
// answer fails the cell: an INTERNAL_SERVER_ERROR, a RATE_LIMITED, a NOT_FOUND where a
// refusal was due are never taken for "allowed". A field missing from the table fails too.
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { DATA_SOURCE, SeedRegistry, toGlobalId } from '@resocc/core';
import type { TestApp } from '@resocc/core/testing';
import { login } from '@resocc/members/testing';
import type { DataSource } from 'typeorm';
import { createPlatformTestApp } from '@resocc/api/testing';

/**
 * pending: user of a PENDING organisation; unverified: asked to join, never followed the
 * link; requester: verified, waiting for approval; colleague: approved member, not a
 * référent; member: approved member and référent of an ACTIVE organisation.
 */
type Viewer =
  'anonymous' | 'pending' | 'unverified' | 'requester' | 'colleague' | 'member' | 'moderator' | 'admin';
/** What the access rule does with a viewer: lets them through, or refuses with that code. */
type Access = 'ALLOWED' | 'UNAUTHENTICATED' | 'FORBIDDEN';
/**
 * What a viewer gets: no error at all (OK), or an error code; for BAD_USER_INPUT, with the
 * paths of the fields it names, so that only the expected input error counts.
 */
type Outcome = 'OK' | 'NOT_FOUND' | 'UNAUTHENTICATED' | 'FORBIDDEN' | `BAD_USER_INPUT(${string})`;

const PUBLIC: Record<Viewer, Access> = {
  anonymous: 'ALLOWED',
  pending: 'ALLOWED',
  unverified: 'ALLOWED',
  requester: 'ALLOWED',
  colleague: 'ALLOWED',
  member: 'ALLOWED',
  moderator: 'ALLOWED',
  admin: 'ALLOWED',
};
const SIGNED_IN: Record<Viewer, Access> = { ...PUBLIC, anonymous: 'UNAUTHENTICATED' };
const MEMBERS: Record<Viewer, Access> = {
  ...SIGNED_IN,
  pending: 'FORBIDDEN',
  unverified: 'FORBIDDEN',
  requester: 'FORBIDDEN',
};
const MODERATORS: Record<Viewer, Access> = { ...MEMBERS, colleague: 'FORBIDDEN', member: 'FORBIDDEN' };
const ADMINS: Record<Viewer, Access> = { ...MODERATORS, moderator: 'FORBIDDEN' };
/** Référents of an ACTIVE organisation (the demo moderator is not one) and ADMINs. */
const REFERENTS: Record<Viewer, Access> = { ...MEMBERS, colleague: 'FORBIDDEN', moderator: 'FORBIDDEN' };

const NOWHERE = '00000000-0000-4000-8000-0000000000ff';
const post = toGlobalId('ExperiencePost', NOWHERE);
const template = toGlobalId('ClauseTemplate', NOWHERE);
const org = toGlobalId('Organisation', NOWHERE);
const user = toGlobalId('User', NOWHERE);
const collection = toGlobalId('Collection', NOWHERE);
const postInput = `{ title: "t", summary: "s", body: "b", themes: ["energie"], considerations: [SOCIAL], visibility: PUBLIC }`;
const templateInput = `{ title: "t", summary: "s", kind: AWARD_CRITERION, considerations: [SOCIAL], themes: ["energie"], legalReferences: [], body: "b", variables: [], visibility: PUBLIC }`;
const userInput = `{ email: "x", password: "x", displayName: "x" }`;

/**
 * One row per field: its operation with a dummy input, who the access rule lets through,
 * and what those it lets through get for that input.
 */
interface Row {
  operation: string;
  access: Record<Viewer, Access>;
  allowed: Outcome;
}

const AUTHORIZATION_MATRIX: Record<string, Row> = {
  'Query.node': { operation: `{ node(id: "${post}") { id } }`, access: PUBLIC, allowed: 'OK' },
  'Query.me': { operation: `{ me { id } }`, access: PUBLIC, allowed: 'OK' },
  'Query.organisations': { operation: `{ organisations { totalCount } }`, access: PUBLIC, allowed: 'OK' },
  'Query.themes': { operation: `{ themes { slug } }`, access: PUBLIC, allowed: 'OK' },
  'Query.experiencePosts': { operation: `{ experiencePosts { totalCount } }`, access: PUBLIC, allowed: 'OK' },
  'Query.clauseTemplates': { operation: `{ clauseTemplates { totalCount } }`, access: PUBLIC, allowed: 'OK' },
  'Query.renderClauseTemplate': {
    operation: `{ renderClauseTemplate(id: "${template}", values: []) }`,
    access: PUBLIC,
    allowed: 'NOT_FOUND',
  },
  'Query.search': {
    operation: `{ search(input: { query: "clause" }) { totalHits } }`,
    access: PUBLIC,
    allowed: 'OK',
  },
  'Query.searchCompletions': {
    operation: `{ searchCompletions(input: { prefix: "clau" }) }`,
    access: PUBLIC,
    allowed: 'OK',
  },
  'Query.collections': { operation: `{ collections { id } }`, access: PUBLIC, allowed: 'OK' },
  'Query.moderationQueue': {
    operation: `{ moderationQueue { totalCount } }`,
    access: MODERATORS,
    allowed: 'OK',
  },
  'Query.reports': { operation: `{ reports { totalCount } }`, access: MODERATORS, allowed: 'OK' },
  'Query.moderationLog': { operation: `{ moderationLog { totalCount } }`, access: SIGNED_IN, allowed: 'OK' },
  'Query.notifications': { operation: `{ notifications { totalCount } }`, access: SIGNED_IN, allowed: 'OK' },
  'Mutation.applyForMembership': {
    operation: `mutation { applyForMembership(organisation: { name: "x", siret: "1", kind: ENTREPRISE, departmentCode: "34" }, user: ${userInput}) { id } }`,
    access: PUBLIC,
    allowed: 'BAD_USER_INPUT(organisation.name,organisation.siret,user.email,user.password,user.displayName)',
  },
  'Query.membershipRequests': {
    operation: `{ membershipRequests { totalCount } }`,
    access: REFERENTS,
    allowed: 'OK',
  },
  'Mutation.verifyEmail': {
    operation: `mutation { verifyEmail(token: "inconnu") }`,
    access: PUBLIC,
    allowed: 'BAD_USER_INPUT(token)',
  },
  'Mutation.resendVerification': {
    operation: `mutation { resendVerification(email: "personne@nulle-part.example") }`,
    access: PUBLIC,
    allowed: 'OK',
  },
  'Mutation.decideMembershipRequest': {
    operation: `mutation { decideMembershipRequest(userId: "${user}", approve: true) { id } }`,
    access: REFERENTS,
    allowed: 'NOT_FOUND',
  },
  'Mutation.removeMember': {
    operation: `mutation { removeMember(userId: "${user}") { id } }`,
    access: REFERENTS,
    allowed: 'NOT_FOUND',
  },
  'Mutation.setReferent': {
    operation: `mutation { setReferent(userId: "${user}", referent: true) { id } }`,
    access: REFERENTS,
    allowed: 'NOT_FOUND',
  },
  'Mutation.setOrganisationEmailDomains': {
    operation: `mutation { setOrganisationEmailDomains(id: "${org}", domains: []) { id } }`,
    access: ADMINS,
    allowed: 'NOT_FOUND',
  },
  'Mutation.registerUser': {
    operation: `mutation { registerUser(organisationSiret: "1", user: ${userInput}) { id } }`,
    access: PUBLIC,
    allowed: 'BAD_USER_INPUT(organisationSiret,user.email,user.password,user.displayName)',
  },
  'Mutation.login': {
    operation: `mutation { login(email: "acheteur@toulouse.example", password: "demo-password-2026") { accessToken } }`,
    access: PUBLIC,
    allowed: 'OK',
  },
  // Anyone may call it; an unknown refresh token is UNAUTHENTICATED whoever sends it.
  'Mutation.refreshSession': {
    operation: `mutation { refreshSession(refreshToken: "unknown") { accessToken } }`,
    access: PUBLIC,
    allowed: 'UNAUTHENTICATED',
  },
  'Mutation.logout': { operation: `mutation { logout(refreshToken: "x") }`, access: PUBLIC, allowed: 'OK' },
  'Mutation.approveOrganisation': {
    operation: `mutation { approveOrganisation(id: "${org}") { id } }`,
    access: ADMINS,
    allowed: 'NOT_FOUND',
  },
  'Mutation.rejectOrganisation': {
    operation: `mutation { rejectOrganisation(id: "${org}", reason: "motif") { id } }`,
    access: ADMINS,
    allowed: 'NOT_FOUND',
  },
  'Mutation.suspendOrganisation': {
    operation: `mutation { suspendOrganisation(id: "${org}", reason: "motif") { id } }`,
    access: ADMINS,
    allowed: 'NOT_FOUND',
  },
  'Mutation.setOrganisationTrusted': {
    operation: `mutation { setOrganisationTrusted(id: "${org}", trusted: true) { id } }`,
    access: ADMINS,
    allowed: 'NOT_FOUND',
  },
  'Mutation.grantRole': {
    operation: `mutation { grantRole(userId: "${user}", role: MODERATOR) { id } }`,
    access: ADMINS,
    allowed: 'NOT_FOUND',
  },
  'Mutation.revokeRole': {
    operation: `mutation { revokeRole(userId: "${user}", role: MODERATOR) { id } }`,
    access: ADMINS,
    allowed: 'NOT_FOUND',
  },
  'Mutation.createExperiencePost': {
    operation: `mutation { createExperiencePost(input: ${postInput.replace('"t"', '""')}) { id } }`,
    access: MEMBERS,
    allowed: 'BAD_USER_INPUT(input.title)',
  },
  'Mutation.updateExperiencePost': {
    operation: `mutation { updateExperiencePost(id: "${post}", expectedVersion: 1, input: ${postInput}) { id } }`,
    access: MEMBERS,
    allowed: 'NOT_FOUND',
  },
  'Mutation.submitExperiencePost': {
    operation: `mutation { submitExperiencePost(id: "${post}") { id } }`,
    access: MEMBERS,
    allowed: 'NOT_FOUND',
  },
  'Mutation.archiveExperiencePost': {
    operation: `mutation { archiveExperiencePost(id: "${post}") { id } }`,
    access: MEMBERS,
    allowed: 'NOT_FOUND',
  },
  'Mutation.createClauseTemplate': {
    operation: `mutation { createClauseTemplate(input: ${templateInput.replace('"t"', '""')}) { id } }`,
    access: MEMBERS,
    allowed: 'BAD_USER_INPUT(input.title)',
  },
  'Mutation.updateClauseTemplate': {
    operation: `mutation { updateClauseTemplate(id: "${template}", expectedVersion: 1, input: ${templateInput}) { id } }`,
    access: MEMBERS,
    allowed: 'NOT_FOUND',
  },
  'Mutation.submitClauseTemplate': {
    operation: `mutation { submitClauseTemplate(id: "${template}") { id } }`,
    access: MEMBERS,
    allowed: 'NOT_FOUND',
  },
  'Mutation.archiveClauseTemplate': {
    operation: `mutation { archiveClauseTemplate(id: "${template}") { id } }`,
    access: MEMBERS,
    allowed: 'NOT_FOUND',
  },
  'Mutation.reportContent': {
    operation: `mutation { reportContent(targetId: "${post}", reason: SPAM) { id } }`,
    access: MEMBERS,
    allowed: 'NOT_FOUND',
  },
  'Mutation.moderateContent': {
    operation: `mutation { moderateContent(targetId: "${post}", action: APPROVE) { id } }`,
    access: MODERATORS,
    allowed: 'NOT_FOUND',
  },
  'Mutation.moderateContentBulk': {
    operation: `mutation { moderateContentBulk(targetIds: ["${post}"], action: APPROVE) { id } }`,
    access: MODERATORS,
    allowed: 'NOT_FOUND',
  },
  'Mutation.createCollection': {
    operation: `mutation { createCollection(title: "", description: "") { id } }`,
    access: MODERATORS,
    allowed: 'BAD_USER_INPUT(title)',
  },
  'Mutation.updateCollection': {
    operation: `mutation { updateCollection(id: "${collection}", title: "Titre") { id } }`,
    access: MODERATORS,
    allowed: 'NOT_FOUND',
  },
  'Mutation.deleteCollection': {
    operation: `mutation { deleteCollection(id: "${collection}") }`,
    access: MODERATORS,
    allowed: 'NOT_FOUND',
  },
  'Mutation.setCollectionItems': {
    operation: `mutation { setCollectionItems(id: "${collection}", itemIds: []) { id } }`,
    access: MODERATORS,
    allowed: 'NOT_FOUND',
  },
  'Mutation.markNotificationsRead': {
    operation: `mutation { markNotificationsRead(ids: []) }`,
    access: SIGNED_IN,
    allowed: 'OK',
  },
  'Mutation.exportMyData': { operation: `mutation { exportMyData }`, access: SIGNED_IN, allowed: 'OK' },
  'Mutation.deleteMyAccount': {
    operation: `mutation { deleteMyAccount(password: "not-the-password") }`,
    access: SIGNED_IN,
    allowed: 'BAD_USER_INPUT(password)',
  },
};

const VIEWERS: Viewer[] = [
  'anonymous',
  'pending',
  'unverified',
  'requester',
  'colleague',
  'member',
  'moderator',
  'admin',
];
const ACCOUNTS: Record<Exclude<Viewer, 'anonymous'>, string> = {
  pending: 'candidat@pending.example',
  unverified: 'non-verifiee@montpellier.example',
  requester: 'en-attente@montpellier.example',
  colleague: 'collegue@montpellier.example',
  member: 'acheteuse@montpellier.example',
  moderator: 'moderation@reseau.example',
  admin: 'admin@reseau.example',
};

/** Accounts in each state of the trust model, next to the demo ones (same password). */
async function addTrustAccounts(dataSource: DataSource): Promise<void> {
  await dataSource.query(
    `INSERT INTO user_account (email, display_name, password_hash, organisation_id, email_verified_at, membership_approved_at, referent)
     SELECT v.email, v.name, u.password_hash, u.organisation_id, v.verified, v.approved, false
     FROM user_account u, (VALUES
       ('non-verifiee@montpellier.example', 'Non vérifiée', NULL::timestamptz, NULL::timestamptz),
       ('en-attente@montpellier.example', 'En attente', now(), NULL),
       ('collegue@montpellier.example', 'Collègue', now(), now())
     ) AS v(email, name, verified, approved)
     WHERE u.email = 'acheteuse@montpellier.example'`,
  );
  await dataSource.query(
    `INSERT INTO membership_request (user_id, organisation_id)
     SELECT id, organisation_id FROM user_account WHERE email IN ('non-verifiee@montpellier.example', 'en-attente@montpellier.example')`,
  );
}

describe('authorization matrix', () => {
  let t: TestApp;
  const tokens: Partial<Record<Viewer, string>> = {};
  beforeAll(async () => {
    t = await createPlatformTestApp();
    await t.app.get(SeedRegistry).seed(t.app.get<DataSource>(DATA_SOURCE), ['members-demo']);
    await addTrustAccounts(t.app.get<DataSource>(DATA_SOURCE));
    for (const [viewer, email] of Object.entries(ACCOUNTS))
      tokens[viewer as Viewer] = (await login(t, email)).accessToken;
  });
  afterAll(() => t.close());

  it('has a row for every Query and Mutation field of the schema, and no row for a field that does not exist', () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const fields = [
      ...Object.keys(schema.getQueryType()?.getFields() ?? {}).map((f) => `Query.${f}`),
      ...Object.keys(schema.getMutationType()?.getFields() ?? {}).map((f) => `Mutation.${f}`),
    ].sort();
    expect(Object.keys(AUTHORIZATION_MATRIX).sort()).toEqual(fields);
  });

  // Each cell starts from fresh counters: budgets spent by other cells (sign-ups per
  // address, mutations per user) must not decide what this one gets.
  beforeEach(() => t.app.get<DataSource>(DATA_SOURCE).query('DELETE FROM rate_limit_counter'));

  const cases = Object.entries(AUTHORIZATION_MATRIX).flatMap(([field, row]) =>
    VIEWERS.map((viewer) => {
      const access = row.access[viewer];
      const expected: Outcome = access === 'ALLOWED' ? row.allowed : access;
      return [field, viewer, expected, row.operation] as const;
    }),
  );
  it.each(cases)('%s as %s: %s', async (_field, viewer, expected, operation) => {
    const res = await t.gql(operation, undefined, { token: tokens[viewer] });
    // Every error the answer holds, so that a second one (or one without a code) is seen too.
    const outcome =
      res.errors === undefined
        ? 'OK'
        : res.errors
            .map((e) =>
              e.extensions?.code === 'BAD_USER_INPUT'
                ? `BAD_USER_INPUT(${(e.extensions.fields ?? []).map((f) => f.path).join(',')})`
                : String(e.extensions?.code),
            )
            .join(' + ');
    expect(outcome).toBe(expected);
    expect(res.status).toBe(200);
  });
});
