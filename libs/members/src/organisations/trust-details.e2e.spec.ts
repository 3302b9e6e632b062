// The trust model's details: requests expire, new links are rate-limited, the last référent
// hands over before leaving, personal data includes requests and verifications, and in
// development without SMTP every e-mail lands in DATA_DIR/mail.
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATA_SOURCE } from '@resocc/core';
import type { TestApp } from '@resocc/core/testing';
import type { DataSource } from 'typeorm';
import { DEMO_PASSWORD } from '../seed/members.seed';
import { MEMBER, TestInbox, createMembersTestApp, login, verifyThroughInbox } from '../testing';

const PASSWORD = 'un-mot-de-passe-solide';
const REGISTER = `mutation($siret: String!, $u: NewUserInput!) { registerUser(organisationSiret: $siret, user: $u) { id } }`;
const MONTPELLIER = '24345260100012';
const newUser = (email: string) => ({ email, password: PASSWORD, displayName: 'Léa Achat' });

async function until(check: () => boolean, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('trust details', () => {
  let t: TestApp;
  let inbox: TestInbox;
  let dataSource: DataSource;

  beforeAll(async () => {
    inbox = await TestInbox.start();
    t = await createMembersTestApp({ env: { SMTP_URL: inbox.smtpUrl } });
    dataSource = t.app.get<DataSource>(DATA_SOURCE);
  });
  afterAll(async () => {
    await t.close();
    await inbox.close();
  });

  it('expires requests after 30 days: they can no longer be approved', async () => {
    const res = await t.gql<{ registerUser: { id: string } }>(REGISTER, {
      siret: MONTPELLIER,
      u: newUser('ancienne@montpellier.example'),
    });
    expect(res.errors).toBeUndefined();
    await verifyThroughInbox(t, inbox, 'ancienne@montpellier.example');
    await dataSource.query(
      `UPDATE membership_request SET created_at = now() - interval '31 days'
       WHERE user_id = (SELECT id FROM user_account WHERE email = 'ancienne@montpellier.example')`,
    );
    const referent = await login(t, MEMBER);
    const list = await t.gql<{
      membershipRequests: { edges: { node: { status: string; user: { email: string } } }[] };
    }>(`{ membershipRequests(first: 50) { edges { node { status user { email } } } } }`, undefined, {
      token: referent.accessToken,
    });
    expect(list.errors).toBeUndefined();
    expect(
      list.data?.membershipRequests.edges.find((e) => e.node.user.email === 'ancienne@montpellier.example')
        ?.node.status,
    ).toBe('EXPIRED');
    const decide = await t.gql(
      'mutation($id: ID!) { decideMembershipRequest(userId: $id, approve: true) { roles } }',
      { id: res.data?.registerUser.id },
      { token: referent.accessToken },
    );
    expect(decide.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('limits new verification links per address, with the same answer for every address', async () => {
    const RESEND = `mutation($e: String!) { resendVerification(email: $e) }`;
    await t.gql(REGISTER, { siret: MONTPELLIER, u: newUser('relance@montpellier.example') });
    const answers: unknown[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await t.gql(RESEND, { e: 'relance@montpellier.example' }, { ip: `10.4.0.${i + 1}` });
      answers.push(res.errors?.[0].extensions?.code ?? res.data);
    }
    expect(answers).toEqual([
      { resendVerification: true },
      { resendVerification: true },
      { resendVerification: true },
      'RATE_LIMITED',
    ]);
    // The first link plus three new ones; only the newest works.
    await inbox.waitFor('relance@montpellier.example', /Confirmez/, 4);
    const first = /token=([A-Za-z0-9_-]+)/.exec(inbox.to('relance@montpellier.example')[0].text)?.[1];
    const stale = await t.gql(`mutation($t: String!) { verifyEmail(token: $t) }`, { t: first });
    expect(stale.errors?.[0].extensions?.fields?.[0].path).toBe('token');
    await verifyThroughInbox(t, inbox, 'relance@montpellier.example', 4);
    const bad = await t.gql(RESEND, { e: 'pas une adresse' });
    expect(bad.errors?.[0].extensions?.fields?.[0].path).toBe('email');
  });

  it('keeps a référent while the organisation has other members: the last one cannot erase the account', async () => {
    const referent = await login(t, MEMBER); // the only référent of Montpellier
    const colleague = (await login(t, 'relance@montpellier.example', PASSWORD)).userId;
    const approved = await t.gql(
      'mutation($id: ID!) { decideMembershipRequest(userId: $id, approve: true) { roles } }',
      { id: colleague },
      { token: referent.accessToken },
    );
    expect(approved.data).toEqual({ decideMembershipRequest: { roles: ['MEMBER'] } });
    const res = await t.gql(
      'mutation($p: String!) { deleteMyAccount(password: $p) }',
      { p: DEMO_PASSWORD },
      {
        token: referent.accessToken,
      },
    );
    expect(res.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect((await t.gql('{ me { email } }', undefined, { token: referent.accessToken })).data).toEqual({
      me: { email: MEMBER },
    });
  });

  it('exports requests, verifications and the référent role, and erases them', async () => {
    await t.gql(REGISTER, { siret: MONTPELLIER, u: newUser('export@montpellier.example') });
    await verifyThroughInbox(t, inbox, 'export@montpellier.example');
    const session = await login(t, 'export@montpellier.example', PASSWORD);
    const res = await t.gql<{ exportMyData: string }>('mutation { exportMyData }', undefined, {
      token: session.accessToken,
    });
    expect(res.errors).toBeUndefined();
    const document = JSON.parse(res.data?.exportMyData ?? '{}') as Record<string, Record<string, unknown>>;
    expect(document['account']).toMatchObject({
      referent: false,
      membershipApprovedAt: null,
      emailVerifiedAt: expect.any(String),
    });
    expect(document['membership']['membershipRequests']).toEqual([
      expect.objectContaining({ status: 'PENDING', reason: null }),
    ]);
    expect(document['membership']['emailVerifications']).toEqual([
      expect.objectContaining({ usedAt: expect.any(String) }),
    ]);
    expect(res.data?.exportMyData).not.toMatch(/token|[0-9a-f]{64}/i);
    const erased = await t.gql(
      'mutation($p: String!) { deleteMyAccount(password: $p) }',
      { p: PASSWORD },
      {
        token: session.accessToken,
      },
    );
    expect(erased.errors).toBeUndefined();
    const left: { n: number }[] = await dataSource.query(
      `SELECT (SELECT count(*) FROM membership_request WHERE user_id = $1)
            + (SELECT count(*) FROM email_verification WHERE user_id = $1)
            + (SELECT count(*) FROM known_address WHERE user_id = $1)
            + (SELECT count(*) FROM email_outbox WHERE user_id = $1) AS n`,
      [Buffer.from(session.userId, 'base64url').toString('utf8').split(':')[1]],
    );
    expect(Number(left[0].n)).toBe(0);
  });
});

describe('e-mail in development without SMTP_URL', () => {
  it('writes each e-mail to DATA_DIR/mail as an .eml file and logs its subject and links', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'resocc-mail-'));
    const t = await createMembersTestApp({ env: { NODE_ENV: 'development', DATA_DIR: dataDir } });
    try {
      const res = await t.gql(REGISTER, { siret: MONTPELLIER, u: newUser('essai@montpellier.example') });
      expect(res.errors).toBeUndefined();
      const dir = join(dataDir, 'mail');
      await until(() => {
        try {
          return readdirSync(dir).some((f) => f.endsWith('.eml'));
        } catch {
          return false;
        }
      });
      const file = readdirSync(dir).find((f) => f.endsWith('.eml')) as string;
      const eml = readFileSync(join(dir, file), 'utf8');
      expect(eml).toMatch(/^To: essai@montpellier\.example$/m);
      const line = t.logs.lines.find((l) => l['msg'] === 'e-mail written to a file');
      expect(line).toMatchObject({
        to: 'essai@montpellier.example',
        subject: "[RES'OCC] Confirmez votre adresse e-mail",
        links: [expect.stringMatching(/^http:\/\/localhost:3001\/verification\?token=/)],
      });
    } finally {
      await t.close();
    }
  });
});
