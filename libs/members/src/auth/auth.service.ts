import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  ANONYMOUS_VIEWER,
  BadUserInputError,
  FieldErrors,
  RateLimiter,
  type RateLimitRule,
  TransactionRunner,
  UnauthenticatedError,
  type Viewer,
  type ViewerResolver,
} from '@resocc/core';
import { GraphQLError } from 'graphql';
import { effectiveRoles } from '../users/roles';
import type { UserEntity } from '../users/user.entity';
import { UserRepository } from '../users/user.repository';
import { normaliseEmail } from '../validation';
import { AccessTokens } from './access-tokens';
import { needsRehash, hashPassword, verifyPassword } from './passwords';
import { SessionRepository } from './session.repository';

export const REFRESH_TOKEN_TTL_DAYS = 30;

/** Failed sign-ins: 10 per e-mail and 30 per IP address in 15 minutes. */
export const LOGIN_FAILURES_PER_EMAIL: RateLimitRule = {
  name: 'login-email',
  limit: 10,
  windowSeconds: 15 * 60,
};
export const LOGIN_FAILURES_PER_IP: RateLimitRule = { name: 'login-ip', limit: 30, windowSeconds: 15 * 60 };

const WRONG_CREDENTIALS = 'Adresse e-mail ou mot de passe incorrect.';
const SESSION_ENDED = 'Votre session a expiré ou a été fermée : reconnectez-vous.';

export interface IssuedSession {
  accessToken: string;
  refreshToken: string;
  expiresAt: Date;
  user: UserEntity;
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

@Injectable()
export class AuthService implements ViewerResolver {
  constructor(
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly tokens: AccessTokens,
    private readonly limiter: RateLimiter,
    private readonly tx: TransactionRunner,
  ) {}

  private async startSession(user: UserEntity, familyId: string = randomUUID()): Promise<IssuedSession> {
    const refreshToken = randomBytes(32).toString('base64url');
    await this.sessions.insert({
      familyId,
      userId: user.id,
      tokenHash: hashToken(refreshToken),
      expiresAt: new Date(Date.now() + REFRESH_TOKEN_TTL_DAYS * 24 * 3600 * 1000),
    });
    const { token, expiresAt } = this.tokens.issue({ userId: user.id, familyId });
    return { accessToken: token, refreshToken, expiresAt, user };
  }

  /**
   * A wrong password and an unknown e-mail give the same error after the same argon2
   * work; failures count per e-mail and per IP address.
   */
  async login(email: string, password: string, ip: string): Promise<IssuedSession> {
    const errors = new FieldErrors();
    errors.check(email.trim() !== '', 'email', "L'adresse e-mail est obligatoire.");
    errors.check(password !== '', 'password', 'Le mot de passe est obligatoire.');
    errors.check(password.length <= 1024, 'password', 'Mot de passe trop long.');
    errors.throwIfAny();
    const normalised = normaliseEmail(email);
    // Each attempt is counted before the password is checked, in one statement, so that
    // concurrent attempts cannot all slip under the limit; a success gives its hit back.
    await this.limiter.consume(LOGIN_FAILURES_PER_EMAIL, normalised);
    await this.limiter.consume(LOGIN_FAILURES_PER_IP, ip);
    const user = await this.users.findByEmail(normalised);
    const ok = await verifyPassword(user?.passwordHash, password);
    if (!user || !ok) throw new UnauthenticatedError(WRONG_CREDENTIALS);
    await this.limiter.reset(LOGIN_FAILURES_PER_EMAIL, normalised);
    await this.limiter.release(LOGIN_FAILURES_PER_IP, ip);
    if (user.passwordHash && needsRehash(user.passwordHash)) {
      user.passwordHash = await hashPassword(password);
      await this.tx.run((m) => this.users.save(user, m));
    }
    return this.startSession(user);
  }

  /** Exchanges a refresh token for a new pair; a token used twice ends its whole family. */
  async refresh(refreshToken: string): Promise<IssuedSession> {
    const session = refreshToken ? await this.sessions.findByTokenHash(hashToken(refreshToken)) : null;
    if (!session) throw new UnauthenticatedError(SESSION_ENDED);
    if (session.revokedAt) throw new UnauthenticatedError(SESSION_ENDED);
    if (session.rotatedAt) {
      // Reuse of a rotated token: someone else may hold the family. End it for everyone.
      await this.sessions.revokeFamily(session.familyId, 'reuse-detected');
      throw new UnauthenticatedError(SESSION_ENDED);
    }
    const user = await this.users.findById(session.userId);
    if (!user || user.deletedAt) throw new UnauthenticatedError(SESSION_ENDED);
    const claimed = await this.tx.run((m) => this.sessions.claimForRotation(session.id, m));
    if (!claimed) {
      const current = await this.sessions.findByTokenHash(hashToken(refreshToken));
      if (current?.rotatedAt) await this.sessions.revokeFamily(session.familyId, 'reuse-detected');
      throw new UnauthenticatedError(SESSION_ENDED);
    }
    return this.startSession(user, session.familyId);
  }

  /** Ends the session the refresh token belongs to; false when it was already over. */
  async logout(refreshToken: string): Promise<boolean> {
    const session = refreshToken ? await this.sessions.findByTokenHash(hashToken(refreshToken)) : null;
    if (!session) return false;
    return (await this.sessions.revokeFamily(session.familyId, 'logout')) > 0;
  }

  /** Turns "Authorization: Bearer <jwt>" into the viewer; a bad or ended token is UNAUTHENTICATED. */
  async resolve(authorization: string | undefined): Promise<Viewer> {
    if (authorization === undefined || authorization.trim() === '') return ANONYMOUS_VIEWER;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    const claims = match ? this.tokens.verify(match[1]) : null;
    const row = claims ? await this.sessions.viewerFor(claims.userId, claims.familyId) : null;
    if (!row) {
      throw new GraphQLError(SESSION_ENDED, {
        extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
      });
    }
    const roles = effectiveRoles(row);
    return {
      userId: row.userId,
      organisationId: row.organisationId,
      roles,
      referent: row.referent && roles.length > 0,
    };
  }

  /** Checks the viewer's own password (account deletion); BAD_USER_INPUT naming `password` when wrong. */
  async assertPassword(user: UserEntity, password: string): Promise<void> {
    if (!(await verifyPassword(user.passwordHash, password))) {
      throw BadUserInputError.field('password', 'Mot de passe incorrect.');
    }
  }
}
