import type { TestApp } from '@resocc/core/testing';
import { DEMO_PASSWORD } from '../seed/members.seed';
import { LOGIN, MEMBER, OTHER_MEMBER, createMembersTestApp } from '../testing';

const APPLY = `mutation($o: OrganisationInput!, $u: NewUserInput!) { applyForMembership(organisation: $o, user: $u) { id } }`;

describe('brute-force protection', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createMembersTestApp();
  });
  afterAll(() => t.close());

  it('locks an e-mail after 10 failed sign-ins in 15 minutes, from any address, even with the right password', async () => {
    for (let i = 0; i < 10; i++) {
      const res = await t.gql(LOGIN, { email: MEMBER, password: `wrong-password-${i}` });
      expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
    const locked = await t.gql(LOGIN, { email: MEMBER, password: DEMO_PASSWORD });
    expect(locked.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    expect(locked.errors?.[0].extensions?.['retryAfterSeconds']).toBeGreaterThan(0);
    expect(locked.errors?.[0].message).toMatch(/Réessayez dans/);
    // other people are not affected
    const other = await t.gql(LOGIN, { email: OTHER_MEMBER, password: DEMO_PASSWORD });
    expect(other.errors).toBeUndefined();
  });

  it('locks an IP address after 30 failed sign-ins, whatever the e-mail', async () => {
    const ip = '198.51.100.7';
    for (let i = 0; i < 30; i++) {
      const res = await t.gql(
        LOGIN,
        { email: `guess${i}@nulle-part.example`, password: 'wrong-password' },
        { ip },
      );
      expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
    const blocked = await t.gql(LOGIN, { email: OTHER_MEMBER, password: DEMO_PASSWORD }, { ip });
    expect(blocked.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    const elsewhere = await t.gql(
      LOGIN,
      { email: OTHER_MEMBER, password: DEMO_PASSWORD },
      { ip: '198.51.100.8' },
    );
    expect(elsewhere.errors).toBeUndefined();
  });

  it('limits sign-ups per IP address (applyForMembership and registerUser alike)', async () => {
    const ip = '198.51.100.20';
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 11; i++) {
      const res =
        i % 2 === 0
          ? await t.gql(
              APPLY,
              {
                o: { name: 'x', siret: '1', kind: 'ENTREPRISE', departmentCode: '34' },
                u: { email: `a${i}@x.example`, password: 'p', displayName: 'd' },
              },
              { ip },
            )
          : await t.gql(
              `mutation { registerUser(organisationSiret: "1", user: { email: "b${i}@x.example", password: "p", displayName: "d" }) { id } }`,
              undefined,
              { ip },
            );
      codes.push(res.errors?.[0].extensions?.code);
    }
    expect(codes.slice(0, 10).every((code) => code === 'BAD_USER_INPUT')).toBe(true);
    expect(codes[10]).toBe('RATE_LIMITED');
  });

  it('keeps the counters in PostgreSQL, where every API process sees them', async () => {
    const second = await createMembersTestApp({ database: t.db });
    try {
      // the e-mail locked through the first process is locked through the second one too
      const res = await second.gql(LOGIN, { email: MEMBER, password: DEMO_PASSWORD });
      expect(res.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    } finally {
      await second.app.close();
    }
  });
});
