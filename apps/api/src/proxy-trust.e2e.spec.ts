// X-Forwarded-For is believed only from the proxies TRUST_PROXY names: rotating it from
// anywhere else changes nothing, so per-address limits hold.
import { DATA_SOURCE, SeedRegistry } from '@resocc/core';
import type { TestApp } from '@resocc/core/testing';
import type { DataSource } from 'typeorm';
import { createPlatformTestApp } from './testing/app';

const REGISTER = `mutation($u: NewUserInput!) { registerUser(organisationSiret: "24345260100012", user: $u) { id } }`;
const LOGIN = `mutation($e: String!) { login(email: $e, password: "pas-le-bon-mot-de-passe") { accessToken } }`;

async function codes(count: number, send: (i: number) => Promise<string | undefined>): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < count; i++) seen.push((await send(i)) ?? 'OK');
  return seen;
}

describe.each([
  { trustProxy: '', believed: false },
  { trustProxy: 'loopback', believed: true },
])('TRUST_PROXY="$trustProxy"', ({ trustProxy, believed }) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createPlatformTestApp({ env: { TRUST_PROXY: trustProxy } });
    await t.app.get(SeedRegistry).seed(t.app.get<DataSource>(DATA_SOURCE), ['members-demo']);
  });
  afterAll(() => t.close());

  it(`${believed ? 'believes' : 'ignores'} a rotating X-Forwarded-For for the sign-up limit per address`, async () => {
    const seen = await codes(12, async (i) => {
      const res = await t.gql(
        REGISTER,
        {
          u: {
            email: `xff-${i}@montpellier.example`,
            password: 'un-mot-de-passe-solide',
            displayName: 'Essai',
          },
        },
        { ip: `203.0.113.${i + 1}` },
      );
      return res.errors?.[0].extensions?.code;
    });
    expect(seen).toEqual(
      believed ? Array(12).fill('OK') : [...Array(10).fill('OK'), 'RATE_LIMITED', 'RATE_LIMITED'],
    );
  });

  it(`${believed ? 'believes' : 'ignores'} a rotating X-Forwarded-For for failed sign-ins per address`, async () => {
    const seen = await codes(32, async (i) => {
      const res = await t.gql(LOGIN, { e: `inconnu-${i}@nulle-part.example` }, { ip: `198.51.100.${i + 1}` });
      return res.errors?.[0].extensions?.code;
    });
    expect(seen).toEqual(
      believed
        ? Array(32).fill('UNAUTHENTICATED')
        : [...Array(30).fill('UNAUTHENTICATED'), 'RATE_LIMITED', 'RATE_LIMITED'],
    );
  });
});
