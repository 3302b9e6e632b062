import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  ANONYMOUS_VIEWER,
  AppConfig,
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
import { PASSWORD_MAX_LENGTH, normaliseEmail } from '../validation';
import { EmailVerificationRepository } from './email-verification.repository';
import { AccessTokens } from './access-tokens';
import { needsRehash, hashPassword, verifyPassword } from './passwords';
import { SessionRepository } from './session.repository';

export const REFRESH_TOKEN_TTL_DAYS = 30;

/**
 * Password guesses: 10 per account in 15 minutes from any number of addresses, and 30 per
 * IP address. An address the account signed in from successfully in the last 30 days has
 * its own budget of 10, so failures from elsewhere never lock the owner out of it.
 */
export const LOGIN_FAILURES_PER_EMAIL: RateLimitRule = {
  name: 'login-email',
  limit: 10,
  windowSeconds: 15 * 60,
};
export const LOGIN_FAILURES_FROM_KNOWN_ADDRESS: RateLimitRule = {
  name: 'login-known-address',
  limit: 10,
  windowSeconds: 15 * 60,
};
export const LOGIN_FAILURES_PER_IP: RateLimitRule = { name: 'login-ip', limit: 30, windowSeconds: 15 * 60 };
export const KNOWN_ADDRESS_DAYS = 30;

/** A second refresh with the same token within this delay gets the same successor (two tabs). */
export const REFRESH_GRACE_SECONDS = 10;

const WRONG_CREDENTIALS = 'Adresse e-mail ou mot de passe incorrect.';
const TOO_LONG = `Le mot de passe ne peut dépasser ${PASSWORD_MAX_LENGTH} caractères.`;
const SESSION_ENDED = 'Votre session a expiré ou a été fermée : reconnectez-vous.';

export interface IssuedSession {
  accessToken: string;
  refreshToken: string;
  expiresAt: Date;
  user: UserEntity;
}

interface RateLimitRuleKey {
  rule: RateLimitRule;
  subject: string;
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
    private readonly addresses: EmailVerificationRepository,
    private readonly config: AppConfig,
  ) {}

  private refreshExpiry(): Date {
    return new Date(Date.now() + REFRESH_TOKEN_TTL_DAYS * 24 * 3600 * 1000);
  }

  private async startSession(user: UserEntity): Promise<IssuedSession> {
    const familyId = randomUUID();
    const refreshToken = randomBytes(32).toString('base64url');
    await this.sessions.insert({
      familyId,
      userId: user.id,
      tokenHash: hashToken(refreshToken),
      expiresAt: this.refreshExpiry(),
    });
    return this.issued(user, familyId, refreshToken);
  }

  private issued(user: UserEntity, familyId: string, refreshToken: string): IssuedSession {
    const { token, expiresAt } = this.tokens.issue({ userId: user.id, familyId });
    return { accessToken: token, refreshToken, expiresAt, user };
  }

  /**
   * The refresh token that follows `token` in its family: derived from it with a server
   * secret, so that a second refresh within the grace period finds the same successor
   * (never stored in clear, never guessable without the token itself).
   */
  private successorOf(token: string): string {
    return createHmac('sha256', this.config.jwtSecret)
      .update(`refresh-successor:${token}`)
      .digest('base64url');
  }

  /** An IP address as stored in an account's history: keyed hash, never the address itself. */
  private addressHash(ip: string): string {
    return createHmac('sha256', this.config.jwtSecret).update(`sign-in-address:${ip}`).digest('hex');
  }

  /**
   * Counts one password guess against the account before the password is checked (in one
   * statement, so that concurrent guesses cannot all slip under the limit): from an
   * address the account recently signed in from, in that address's own budget.
   */
  private async countGuess(
    user: UserEntity | null,
    normalisedEmail: string,
    ip: string,
  ): Promise<RateLimitRuleKey> {
    await this.limiter.consume(LOGIN_FAILURES_PER_IP, ip);
    const since = new Date(Date.now() - KNOWN_ADDRESS_DAYS * 24 * 3600 * 1000);
    const known =
      user !== null && (await this.addresses.isKnownAddress(user.id, this.addressHash(ip), since));
    const key: RateLimitRuleKey = known
      ? { rule: LOGIN_FAILURES_FROM_KNOWN_ADDRESS, subject: `${user.id}:${this.addressHash(ip)}` }
      : { rule: LOGIN_FAILURES_PER_EMAIL, subject: normalisedEmail };
    await this.limiter.consume(key.rule, key.subject);
    return key;
  }

  private validatePassword(password: string, errors: FieldErrors): void {
    errors.check(password !== '', 'password', 'Le mot de passe est obligatoire.');
    errors.check(password.length <= PASSWORD_MAX_LENGTH, 'password', TOO_LONG);
  }

  /**
   * A wrong password and an unknown e-mail give the same error after the same argon2
   * work; guesses count per account and per IP address (see countGuess).
   */
  async login(email: string, password: string, ip: string): Promise<IssuedSession> {
    const errors = new FieldErrors();
    errors.check(email.trim() !== '', 'email', "L'adresse e-mail est obligatoire.");
    errors.check(email.length <= 254, 'email', "Cette adresse e-mail n'est pas valide.");
    this.validatePassword(password, errors);
    errors.throwIfAny();
    const normalised = normaliseEmail(email);
    const user = await this.users.findByEmail(normalised);
    const key = await this.countGuess(user, normalised, ip);
    const ok = await verifyPassword(user?.passwordHash, password);
    if (!user || !ok) throw new UnauthenticatedError(WRONG_CREDENTIALS);
    await this.succeeded(user, key, ip);
    if (user.passwordHash && needsRehash(user.passwordHash)) {
      user.passwordHash = await hashPassword(password);
      await this.tx.run((m) => this.users.save(user, m));
    }
    return this.startSession(user);
  }

  private async succeeded(user: UserEntity, key: RateLimitRuleKey, ip: string): Promise<void> {
    await this.limiter.reset(key.rule, key.subject);
    await this.limiter.release(LOGIN_FAILURES_PER_IP, ip);
    await this.addresses.rememberAddress(user.id, this.addressHash(ip));
  }

  /**
   * Checks the viewer's own password (account deletion and any other confirmation), in
   * the same budget as sign-in; BAD_USER_INPUT naming `password` when wrong.
   */
  async assertPassword(user: UserEntity, password: string, ip: string): Promise<void> {
    const errors = new FieldErrors();
    this.validatePassword(password, errors);
    errors.throwIfAny();
    const key = await this.countGuess(user, user.email ?? user.id, ip);
    if (!(await verifyPassword(user.passwordHash, password))) {
      throw BadUserInputError.field('password', 'Mot de passe incorrect.');
    }
    await this.succeeded(user, key, ip);
  }

  /**
   * Exchanges a refresh token for a new pair; a token used twice ends its whole family,
   * except a second use within REFRESH_GRACE_SECONDS (two tabs refreshing at once), which
   * gets the same successor.
   */
  async refresh(refreshToken: string): Promise<IssuedSession> {
    if (!refreshToken || refreshToken.length > 200) throw new UnauthenticatedError(SESSION_ENDED);
    const session = await this.sessions.findByTokenHash(hashToken(refreshToken));
    if (!session || session.revokedAt) throw new UnauthenticatedError(SESSION_ENDED);
    const user = await this.users.findById(session.userId);
    if (!user || user.deletedAt) throw new UnauthenticatedError(SESSION_ENDED);
    const successor = this.successorOf(refreshToken);
    if (!session.rotatedAt) {
      // Claim and successor in one transaction: a concurrent refresh waits on the row
      // lock, then finds the successor committed.
      const claimed = await this.tx.run(async (m) => {
        if (!(await this.sessions.claimForRotation(session.id, m))) return false;
        await this.sessions.insert(
          {
            familyId: session.familyId,
            userId: user.id,
            tokenHash: hashToken(successor),
            expiresAt: this.refreshExpiry(),
          },
          m,
        );
        return true;
      });
      if (claimed) return this.issued(user, session.familyId, successor);
    }
    return this.refreshAgain(refreshToken, successor, user);
  }

  /** A token already exchanged: the same successor within the grace period, else the family ends. */
  private async refreshAgain(
    refreshToken: string,
    successor: string,
    user: UserEntity,
  ): Promise<IssuedSession> {
    const current = await this.sessions.findByTokenHash(hashToken(refreshToken));
    if (!current || current.revokedAt) throw new UnauthenticatedError(SESSION_ENDED);
    const next = await this.sessions.findByTokenHash(hashToken(successor));
    const withinGrace =
      current.rotatedAt !== null && Date.now() - current.rotatedAt.getTime() <= REFRESH_GRACE_SECONDS * 1000;
    if (withinGrace && next && !next.revokedAt && !next.rotatedAt && next.expiresAt.getTime() > Date.now()) {
      return this.issued(user, current.familyId, successor);
    }
    // Reuse of a rotated token: someone else may hold the family. End it for everyone.
    await this.sessions.revokeFamily(current.familyId, 'reuse-detected');
    throw new UnauthenticatedError(SESSION_ENDED);
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
}
