import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  AppConfig,
  BadUserInputError,
  FieldErrors,
  RateLimiter,
  type RateLimitRule,
  TransactionRunner,
} from '@resocc/core';
import type { EntityManager } from 'typeorm';
import { EmailOutbox } from '../mail/email-outbox';
import { verificationMail } from '../mail/messages';
import { MembershipRequestService } from '../organisations/membership-request.service';
import type { UserEntity } from '../users/user.entity';
import { UserRepository } from '../users/user.repository';
import { normaliseEmail } from '../validation';
import { EmailVerificationRepository } from './email-verification.repository';

export const VERIFICATION_TTL_HOURS = 48;

/** New verification links: 3 per address and 20 per IP address an hour. */
export const RESENDS_PER_EMAIL: RateLimitRule = {
  name: 'verify-resend-email',
  limit: 3,
  windowSeconds: 3600,
};
export const RESENDS_PER_IP: RateLimitRule = { name: 'verify-resend-ip', limit: 20, windowSeconds: 3600 };

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,100}$/;

export function hashVerificationToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Verified e-mail for every account: single-use random links, stored hashed, valid 48 h. */
@Injectable()
export class EmailVerificationService {
  constructor(
    private readonly verifications: EmailVerificationRepository,
    private readonly users: UserRepository,
    private readonly requests: MembershipRequestService,
    private readonly outbox: EmailOutbox,
    private readonly limiter: RateLimiter,
    private readonly config: AppConfig,
    private readonly tx: TransactionRunner,
  ) {}

  /** A new link for the user, in the caller's transaction; earlier links stop working. */
  async issue(user: Pick<UserEntity, 'id' | 'email' | 'displayName'>, m: EntityManager): Promise<void> {
    if (!user.email) return;
    const token = randomBytes(32).toString('base64url');
    await this.verifications.expireForUser(user.id, m);
    await this.verifications.insert(
      {
        userId: user.id,
        tokenHash: hashVerificationToken(token),
        expiresAt: new Date(Date.now() + VERIFICATION_TTL_HOURS * 3600 * 1000),
      },
      m,
    );
    const link = `${this.config.webUrl}/verification?token=${token}`;
    await this.outbox.enqueue(m, [
      {
        userId: user.id,
        recipient: user.email,
        ...verificationMail(user.displayName, link, VERIFICATION_TTL_HOURS),
      },
    ]);
  }

  /**
   * Confirms the address of the link's account, once. A person who asked to join an
   * organisation whose verified e-mail domains include theirs is accepted at once.
   */
  async verify(token: string): Promise<boolean> {
    const clean = token.trim();
    if (!TOKEN_SHAPE.test(clean)) {
      throw BadUserInputError.field(
        'token',
        "Ce lien de confirmation n'est pas valide : vérifiez qu'il est complet.",
      );
    }
    const tokenHash = hashVerificationToken(clean);
    const verified = await this.tx.run(async (m) => {
      const userId = await this.verifications.consume(tokenHash, m);
      if (!userId) return false;
      const user = await this.users.findByIdForUpdate(userId, m);
      if (!user || user.deletedAt) return false;
      if (!user.emailVerifiedAt) {
        user.emailVerifiedAt = new Date();
        await this.users.save(user, m);
      }
      await this.verifications.expireForUser(user.id, m);
      await this.requests.afterVerification(user, m);
      return true;
    });
    if (verified) return true;
    const state = await this.verifications.state(tokenHash);
    const errors = new FieldErrors();
    errors.add(
      'token',
      state === 'used'
        ? 'Ce lien a déjà servi : votre adresse est confirmée, vous pouvez vous connecter.'
        : state === 'expired'
          ? 'Ce lien a expiré : demandez un nouveau lien de confirmation.'
          : "Ce lien de confirmation n'est pas valide : demandez-en un nouveau.",
    );
    throw new BadUserInputError([...errors.list]);
  }

  /**
   * Sends a new link when the address has an unverified account; answers the same (true)
   * whatever the address, so that it tells no one whether an account exists.
   */
  async resend(email: string, ip: string): Promise<boolean> {
    const normalised = normaliseEmail(email);
    if (normalised === '' || normalised.length > 254 || !normalised.includes('@')) {
      throw BadUserInputError.field('email', "Cette adresse e-mail n'est pas valide.");
    }
    await this.limiter.consume(RESENDS_PER_IP, ip);
    await this.limiter.consume(RESENDS_PER_EMAIL, normalised);
    const user = await this.users.findByEmail(normalised);
    if (user && !user.emailVerifiedAt) await this.tx.run((m) => this.issue(user, m));
    return true;
  }
}
