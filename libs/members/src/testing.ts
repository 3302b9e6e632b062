// Test helpers of the members module (not part of its public face).
import type { DynamicModule, Type } from '@nestjs/common';
import { DATA_SOURCE, SeedRegistry } from '@resocc/core';
import { createTestApp, graphqlTestModule, type TestApp, type TestAppOptions } from '@resocc/core/testing';
import type { DataSource } from 'typeorm';
import { AuthService } from './auth/auth.service';
import { membersEntities } from './index';
import { MembersModule } from './members.module';
import { DEMO_PASSWORD } from './seed/members.seed';

/** Members module (and `extra` modules) over HTTP, on a fresh database seeded with the demo organisations and accounts (or `extra.seeds`). */
export async function createMembersTestApp(
  options: TestAppOptions = {},
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  extra: { imports?: (Type<unknown> | DynamicModule)[]; entities?: Function[]; seeds?: string[] } = {},
): Promise<TestApp> {
  const t = await createTestApp(
    graphqlTestModule({
      imports: [MembersModule, ...(extra.imports ?? [])],
      viewerResolver: AuthService,
      entities: [...membersEntities, ...(extra.entities ?? [])],
    }),
    options,
  );
  await t.app.get(SeedRegistry).seed(t.app.get<DataSource>(DATA_SOURCE), extra.seeds ?? ['members-demo']);
  return t;
}

export interface Session {
  accessToken: string;
  refreshToken: string;
  userId: string;
}

export const LOGIN = `mutation($email: String!, $password: String!) {
  login(email: $email, password: $password) { accessToken refreshToken expiresAt user { id email roles } }
}`;

export async function login(t: TestApp, email: string, password = DEMO_PASSWORD): Promise<Session> {
  const res = await t.gql<{ login: { accessToken: string; refreshToken: string; user: { id: string } } }>(
    LOGIN,
    {
      email,
      password,
    },
  );
  if (!res.data?.login) throw new Error(`login failed for ${email}: ${JSON.stringify(res.errors)}`);
  return {
    accessToken: res.data.login.accessToken,
    refreshToken: res.data.login.refreshToken,
    userId: res.data.login.user.id,
  };
}

export const ADMIN = 'admin@reseau.example';
export const MODERATOR = 'moderation@reseau.example';
export const MEMBER = 'acheteuse@montpellier.example';
export const OTHER_MEMBER = 'acheteur@toulouse.example';
export const PENDING_USER = 'candidat@pending.example';

export { TestInbox, type ReceivedMail } from './test-inbox';
import type { TestInbox } from './test-inbox';

export const VERIFY_EMAIL = `mutation($token: String!) { verifyEmail(token: $token) }`;

/** Follows the latest verification link sent to this address (black-box, through the inbox). */
export async function verifyThroughInbox(
  t: TestApp,
  inbox: TestInbox,
  email: string,
  count = 1,
): Promise<void> {
  const token = await inbox.verificationToken(email, count);
  const res = await t.gql(VERIFY_EMAIL, { token });
  if (res.errors) throw new Error(`verifyEmail failed for ${email}: ${JSON.stringify(res.errors)}`);
}
