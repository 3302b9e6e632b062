// The authorization matrix: for every Query and Mutation field of the generated schema,
// what each kind of viewer gets. A field missing from the table fails the test.
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
/** ALLOWED: the access rule lets the viewer through (the operation may still refuse its input). */
type Outcome = 'ALLOWED' | 'UNAUTHENTICATED' | 'FORBIDDEN';

const PUBLIC: Record<Viewer, Outcome> = {
  anonymous: 'ALLOWED',
  pending: 'ALLOWED',
  unverified: 'ALLOWED',
  requester: 'ALLOWED',
  colleague: 'ALLOWED',
  member: 'ALLOWED',
  moderator: 'ALLOWED',
  admin: 'ALLOWED',
};
const SIGNED_IN: Record<Viewer, Outcome> = { ...PUBLIC, anonymous: 'UNAUTHENTICATED' };
const MEMBERS: Record<Viewer, Outcome> = {
  ...SIGNED_IN,
  pending: 'FORBIDDEN',
  unverified: 'FORBIDDEN',
  requester: 'FORBIDDEN',
};
const MODERATORS: Record<Viewer, Outcome> = { ...MEMBERS, colleague: 'FORBIDDEN', member: 'FORBIDDEN' };
const ADMINS: Record<Viewer, Outcome> = { ...MODERATORS, moderator: 'FORBIDDEN' };
/** Référents of an ACTIVE organisation (the demo moderator is not one) and ADMINs. */
const REFERENTS: Record<Viewer, Outcome> = { ...MEMBERS, colleague: 'FORBIDDEN', moderator: 'FORBIDDEN' };

const NOWHERE = '00000000-0000-4000-8000-0000000000ff';
const post = toGlobalId('ExperiencePost', NOWHERE);
const template = toGlobalId('ClauseTemplate', NOWHERE);
const org = toGlobalId('Organisation', NOWHERE);
const user = toGlobalId('User', NOWHERE);
const collection = toGlobalId('Collection', NOWHERE);
const postInput = `{ title: "t", summary: "s", body: "b", themes: ["energie"], considerations: [SOCIAL], visibility: PUBLIC }`;
const templateInput = `{ title: "t", summary: "s", kind: AWARD_CRITERION, considerations: [SOCIAL], themes: ["energie"], legalReferences: [], body: "b", variables: [], visibility: PUBLIC }`;
const userInput = `{ email: "x", password: "x", displayName: "x" }`;

const AUTHORIZATION_MATRIX: Record<string, { operation: string; outcomes: Record<Viewer, Outcome> }> = {
  'Query.node': { operation: `{ node(id: "${post}") { id } }`, outcomes: PUBLIC },
  'Query.me': { operation: `{ me { id } }`, outcomes: PUBLIC },
  'Query.organisations': { operation: `{ organisations { totalCount } }`, outcomes: PUBLIC },
  'Query.themes': { operation: `{ themes { slug } }`, outcomes: PUBLIC },
  'Query.experiencePosts': { operation: `{ experiencePosts { totalCount } }`, outcomes: PUBLIC },
  'Query.clauseTemplates': { operation: `{ clauseTemplates { totalCount } }`, outcomes: PUBLIC },
  'Query.renderClauseTemplate': {
    operation: `{ renderClauseTemplate(id: "${template}", values: []) }`,
    outcomes: PUBLIC,
  },
  'Query.search': { operation: `{ search(input: { query: "clause" }) { totalHits } }`, outcomes: PUBLIC },
  'Query.collections': { operation: `{ collections { id } }`, outcomes: PUBLIC },
  'Query.moderationQueue': { operation: `{ moderationQueue { totalCount } }`, outcomes: MODERATORS },
  'Query.reports': { operation: `{ reports { totalCount } }`, outcomes: MODERATORS },
  'Query.moderationLog': { operation: `{ moderationLog { totalCount } }`, outcomes: SIGNED_IN },
  'Query.notifications': { operation: `{ notifications { totalCount } }`, outcomes: SIGNED_IN },
  'Mutation.applyForMembership': {
    operation: `mutation { applyForMembership(organisation: { name: "x", siret: "1", kind: ENTREPRISE, departmentCode: "34" }, user: ${userInput}) { id } }`,
    outcomes: PUBLIC,
  },
  'Query.membershipRequests': { operation: `{ membershipRequests { totalCount } }`, outcomes: REFERENTS },
  'Mutation.verifyEmail': { operation: `mutation { verifyEmail(token: "inconnu") }`, outcomes: PUBLIC },
  'Mutation.resendVerification': {
    operation: `mutation { resendVerification(email: "personne@nulle-part.example") }`,
    outcomes: PUBLIC,
  },
  'Mutation.decideMembershipRequest': {
    operation: `mutation { decideMembershipRequest(userId: "${user}", approve: true) { id } }`,
    outcomes: REFERENTS,
  },
  'Mutation.removeMember': {
    operation: `mutation { removeMember(userId: "${user}") { id } }`,
    outcomes: REFERENTS,
  },
  'Mutation.setReferent': {
    operation: `mutation { setReferent(userId: "${user}", referent: true) { id } }`,
    outcomes: REFERENTS,
  },
  'Mutation.setOrganisationEmailDomains': {
    operation: `mutation { setOrganisationEmailDomains(id: "${org}", domains: []) { id } }`,
    outcomes: ADMINS,
  },
  'Mutation.registerUser': {
    operation: `mutation { registerUser(organisationSiret: "1", user: ${userInput}) { id } }`,
    outcomes: PUBLIC,
  },
  'Mutation.login': {
    operation: `mutation { login(email: "acheteur@toulouse.example", password: "demo-password-2026") { accessToken } }`,
    outcomes: PUBLIC,
  },
  // Anyone may call it; an unknown refresh token is UNAUTHENTICATED whoever sends it.
  'Mutation.refreshSession': {
    operation: `mutation { refreshSession(refreshToken: "unknown") { accessToken } }`,
    outcomes: {
      anonymous: 'UNAUTHENTICATED',
      pending: 'UNAUTHENTICATED',
      unverified: 'UNAUTHENTICATED',
      requester: 'UNAUTHENTICATED',
      colleague: 'UNAUTHENTICATED',
      member: 'UNAUTHENTICATED',
      moderator: 'UNAUTHENTICATED',
      admin: 'UNAUTHENTICATED',
    },
  },
  'Mutation.logout': { operation: `mutation { logout(refreshToken: "x") }`, outcomes: PUBLIC },
  'Mutation.approveOrganisation': {
    operation: `mutation { approveOrganisation(id: "${org}") { id } }`,
    outcomes: ADMINS,
  },
  'Mutation.rejectOrganisation': {
    operation: `mutation { rejectOrganisation(id: "${org}", reason: "motif") { id } }`,
    outcomes: ADMINS,
  },
  'Mutation.suspendOrganisation': {
    operation: `mutation { suspendOrganisation(id: "${org}", reason: "motif") { id } }`,
    outcomes: ADMINS,
  },
  'Mutation.setOrganisationTrusted': {
    operation: `mutation { setOrganisationTrusted(id: "${org}", trusted: true) { id } }`,
    outcomes: ADMINS,
  },
  'Mutation.grantRole': {
    operation: `mutation { grantRole(userId: "${user}", role: MODERATOR) { id } }`,
    outcomes: ADMINS,
  },
  'Mutation.revokeRole': {
    operation: `mutation { revokeRole(userId: "${user}", role: MODERATOR) { id } }`,
    outcomes: ADMINS,
  },
  'Mutation.createExperiencePost': {
    operation: `mutation { createExperiencePost(input: ${postInput.replace('"t"', '""')}) { id } }`,
    outcomes: MEMBERS,
  },
  'Mutation.updateExperiencePost': {
    operation: `mutation { updateExperiencePost(id: "${post}", expectedVersion: 1, input: ${postInput}) { id } }`,
    outcomes: MEMBERS,
  },
  'Mutation.submitExperiencePost': {
    operation: `mutation { submitExperiencePost(id: "${post}") { id } }`,
    outcomes: MEMBERS,
  },
  'Mutation.archiveExperiencePost': {
    operation: `mutation { archiveExperiencePost(id: "${post}") { id } }`,
    outcomes: MEMBERS,
  },
  'Mutation.createClauseTemplate': {
    operation: `mutation { createClauseTemplate(input: ${templateInput.replace('"t"', '""')}) { id } }`,
    outcomes: MEMBERS,
  },
  'Mutation.updateClauseTemplate': {
    operation: `mutation { updateClauseTemplate(id: "${template}", expectedVersion: 1, input: ${templateInput}) { id } }`,
    outcomes: MEMBERS,
  },
  'Mutation.submitClauseTemplate': {
    operation: `mutation { submitClauseTemplate(id: "${template}") { id } }`,
    outcomes: MEMBERS,
  },
  'Mutation.archiveClauseTemplate': {
    operation: `mutation { archiveClauseTemplate(id: "${template}") { id } }`,
    outcomes: MEMBERS,
  },
  'Mutation.reportContent': {
    operation: `mutation { reportContent(targetId: "${post}", reason: SPAM) { id } }`,
    outcomes: MEMBERS,
  },
  'Mutation.moderateContent': {
    operation: `mutation { moderateContent(targetId: "${post}", action: APPROVE) { id } }`,
    outcomes: MODERATORS,
  },
  'Mutation.moderateContentBulk': {
    operation: `mutation { moderateContentBulk(targetIds: ["${post}"], action: APPROVE) { id } }`,
    outcomes: MODERATORS,
  },
  'Mutation.createCollection': {
    operation: `mutation { createCollection(title: "", description: "") { id } }`,
    outcomes: MODERATORS,
  },
  'Mutation.updateCollection': {
    operation: `mutation { updateCollection(id: "${collection}", title: "Titre") { id } }`,
    outcomes: MODERATORS,
  },
  'Mutation.deleteCollection': {
    operation: `mutation { deleteCollection(id: "${collection}") }`,
    outcomes: MODERATORS,
  },
  'Mutation.setCollectionItems': {
    operation: `mutation { setCollectionItems(id: "${collection}", itemIds: []) { id } }`,
    outcomes: MODERATORS,
  },
  'Mutation.markNotificationsRead': {
    operation: `mutation { markNotificationsRead(ids: []) }`,
    outcomes: SIGNED_IN,
  },
  'Mutation.exportMyData': { operation: `mutation { exportMyData }`, outcomes: SIGNED_IN },
  'Mutation.deleteMyAccount': {
    operation: `mutation { deleteMyAccount(password: "not-the-password") }`,
    outcomes: SIGNED_IN,
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

  const cases = Object.entries(AUTHORIZATION_MATRIX).flatMap(([field, row]) =>
    VIEWERS.map((viewer) => [field, viewer, row.outcomes[viewer], row.operation] as const),
  );
  it.each(cases)('%s as %s: %s', async (_field, viewer, expected, operation) => {
    const res = await t.gql(operation, undefined, { token: tokens[viewer] });
    const code = res.errors?.[0]?.extensions?.code;
    const outcome: Outcome = code === 'UNAUTHENTICATED' || code === 'FORBIDDEN' ? code : 'ALLOWED';
    expect(outcome).toBe(expected);
    expect(res.status).toBeLessThan(500);
  });
});
