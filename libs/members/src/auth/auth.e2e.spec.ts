import { DATA_SOURCE } from '@resocc/core';
import type { TestApp } from '@resocc/core/testing';
import jwt from 'jsonwebtoken';
import type { DataSource } from 'typeorm';
import { LOGIN, MEMBER, PENDING_USER, createMembersTestApp, login } from '../testing';
import { DEMO_PASSWORD } from '../seed/members.seed';

const ME = '{ me { id displayName email roles organisation { name membershipStatus } } }';
const REFRESH = `mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken expiresAt user { email } } }`;
const LOGOUT = `mutation($t: String!) { logout(refreshToken: $t) }`;

describe('sign-in and sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createMembersTestApp();
  });
  afterAll(() => t.close());

  it('signs in with a case- and space-insensitive e-mail and returns a 15-minute access token', async () => {
    const before = Date.now();
    const res = await t.gql<{
      login: { accessToken: string; expiresAt: string; user: { email: string; roles: string[] } };
    }>(LOGIN, { email: '  Acheteuse@MONTPELLIER.example ', password: DEMO_PASSWORD });
    expect(res.errors).toBeUndefined();
    const payload = res.data?.login;
    expect(payload?.user).toEqual({ id: expect.any(String), email: MEMBER, roles: ['MEMBER'] });
    const lifetime = new Date(payload?.expiresAt ?? 0).getTime() - before;
    expect(lifetime).toBeGreaterThan(14 * 60 * 1000);
    expect(lifetime).toBeLessThanOrEqual(15 * 60 * 1000 + 1000);
    const decoded = jwt.decode(payload?.accessToken ?? '', { complete: true });
    expect(decoded?.header.alg).toBe('HS256');
    expect(decoded?.payload).toMatchObject({ iss: 'resocc', aud: 'resocc-api' });
  });

  it('shows the signed-in user through me, and null when anonymous', async () => {
    const session = await login(t, MEMBER);
    const me = await t.gql(ME, undefined, { token: session.accessToken });
    expect(me.data?.['me']).toMatchObject({
      email: MEMBER,
      roles: ['MEMBER'],
      organisation: { membershipStatus: 'ACTIVE' },
    });
    expect((await t.gql(ME)).data).toEqual({ me: null });
  });

  it('lets a user of a PENDING organisation sign in without the MEMBER role', async () => {
    const session = await login(t, PENDING_USER);
    const me = await t.gql(ME, undefined, { token: session.accessToken });
    expect(me.data?.['me']).toMatchObject({ roles: [], organisation: { membershipStatus: 'PENDING' } });
  });

  it('refuses tampered, foreign, expired and algorithm-swapped tokens with UNAUTHENTICATED', async () => {
    const session = await login(t, MEMBER);
    const [header, payload, signature] = session.accessToken.split('.');
    const claims = jwt.decode(session.accessToken) as jwt.JwtPayload;
    const secret = t.config.jwtSecret;
    const forged = [
      `${header}.${payload}.${signature.slice(0, -2)}xx`,
      jwt.sign({ ...claims }, 'another-secret-another-secret-another-secret'),
      jwt.sign({ ...claims, exp: Math.floor(Date.now() / 1000) - 10 }, secret),
      jwt.sign({ ...claims, aud: 'someone-else' }, secret),
      jwt.sign({ ...claims, iss: 'someone-else' }, secret),
      jwt.sign({ ...claims }, secret, { algorithm: 'HS512' }),
      `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`,
      'not-a-jwt',
    ];
    for (const token of forged) {
      const res = await t.gql(ME, undefined, { token });
      expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(res.data ?? null).toBeNull();
    }
  });

  it('rotates refresh tokens: each works once, and reusing one ends the whole session family', async () => {
    const first = await login(t, MEMBER);
    const second = await t.gql<{ refreshSession: { accessToken: string; refreshToken: string } }>(REFRESH, {
      t: first.refreshToken,
    });
    expect(second.errors).toBeUndefined();
    const pair = second.data?.refreshSession;
    expect(pair?.refreshToken).not.toBe(first.refreshToken);
    expect((await t.gql(ME, undefined, { token: pair?.accessToken })).data?.['me']).toMatchObject({
      email: MEMBER,
    });

    // Within the grace period (a second tab), the first token again gets the same successor.
    const sameTab = await t.gql<{ refreshSession: { refreshToken: string } }>(REFRESH, {
      t: first.refreshToken,
    });
    expect(sameTab.errors).toBeUndefined();
    expect(sameTab.data?.refreshSession.refreshToken).toBe(pair?.refreshToken);

    // After the grace period: reuse, so the family (and the new pair) is revoked.
    await t.app
      .get<DataSource>(DATA_SOURCE)
      .query(
        `UPDATE session SET rotated_at = rotated_at - interval '11 seconds' WHERE rotated_at IS NOT NULL`,
      );
    const reuse = await t.gql(REFRESH, { t: first.refreshToken });
    expect(reuse.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const afterReuse = await t.gql(REFRESH, { t: pair?.refreshToken });
    expect(afterReuse.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(ME, undefined, { token: pair?.accessToken })).errors?.[0].extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('gives two concurrent refreshes of the same token the same successor: the user stays signed in', async () => {
    const session = await login(t, MEMBER);
    type Refreshed = { refreshSession: { accessToken: string; refreshToken: string } };
    const results = await Promise.all([
      t.gql<Refreshed>(REFRESH, { t: session.refreshToken }),
      t.gql<Refreshed>(REFRESH, { t: session.refreshToken }),
    ]);
    expect(results.map((r) => r.errors)).toEqual([undefined, undefined]);
    const [a, b] = results.map((r) => r.data?.refreshSession);
    expect(a?.refreshToken).toBe(b?.refreshToken);
    for (const pair of [a, b]) {
      expect((await t.gql(ME, undefined, { token: pair?.accessToken })).data?.['me']).toMatchObject({
        email: MEMBER,
      });
    }
    const next = await t.gql<Refreshed>(REFRESH, { t: a?.refreshToken });
    expect(next.errors).toBeUndefined();
  });

  it('ends the session on logout: refresh and access tokens stop working', async () => {
    const session = await login(t, MEMBER);
    const other = await login(t, MEMBER);
    expect((await t.gql(LOGOUT, { t: session.refreshToken })).data).toEqual({ logout: true });
    expect((await t.gql(LOGOUT, { t: session.refreshToken })).data).toEqual({ logout: false });
    expect((await t.gql(REFRESH, { t: session.refreshToken })).errors?.[0].extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    expect((await t.gql(ME, undefined, { token: session.accessToken })).errors?.[0].extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    // another device of the same person keeps its own session
    expect((await t.gql(ME, undefined, { token: other.accessToken })).data?.['me']).toMatchObject({
      email: MEMBER,
    });
  });

  it('gives the same answer for a wrong password and an unknown e-mail, and never echoes the password', async () => {
    const wrong = await t.gql(LOGIN, { email: MEMBER, password: 'not-the-password-1' });
    const unknown = await t.gql(LOGIN, {
      email: 'personne@nulle-part.example',
      password: 'not-the-password-1',
    });
    expect(wrong.errors?.[0]).toEqual(unknown.errors?.[0]);
    expect(wrong.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(wrong.errors?.[0].message).toBe('Adresse e-mail ou mot de passe incorrect.');
    expect(JSON.stringify(t.logs.lines)).not.toContain('not-the-password-1');
    expect(JSON.stringify(t.logs.lines)).not.toContain(DEMO_PASSWORD);
  });

  it('spends the same argon2 work on unknown e-mails as on wrong passwords', async () => {
    const time = async (email: string): Promise<number> => {
      const started = process.hrtime.bigint();
      await t.gql(LOGIN, { email, password: 'still-not-the-password' });
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    await time('warm-up@nulle-part.example');
    const wrong: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 4; i++) {
      wrong.push(await time('acheteur@toulouse.example'));
      unknown.push(await time(`inconnu${i}@nulle-part.example`));
    }
    const median = (values: number[]): number =>
      [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    // Without the dummy verification an unknown e-mail answers several times faster.
    expect(median(unknown)).toBeGreaterThan(median(wrong) * 0.5);
    console.log(
      `login timing (median ms): wrong password ${median(wrong).toFixed(1)}, unknown e-mail ${median(unknown).toFixed(1)}`,
    );
  });
});
