import { Injectable } from '@nestjs/common';
import {
  AppConfig,
  BadUserInputError,
  ConflictError,
  FieldErrors,
  NotFoundError,
  type PageRequest,
  RateLimiter,
  type RateLimitRule,
  TransactionRunner,
  type Viewer,
  Role,
  hasRole,
  isModerator,
  isReferent,
  isValidDepartmentCode,
} from '@resocc/core';
import { randomUUID } from 'node:crypto';
import { type EntityManager, QueryFailedError } from 'typeorm';
import { SessionRepository } from '../auth/session.repository';
import { hashPassword } from '../auth/passwords';
import type { NewUserInput } from '../users/dto/new-user.input';
import type { UserEntity } from '../users/user.entity';
import { UserRepository } from '../users/user.repository';
import { compactIdentifier } from '@resocc/core';
import { EmailVerificationRepository } from '../auth/email-verification.repository';
import { EmailVerificationService } from '../auth/email-verification.service';
import { EmailOutbox } from '../mail/email-outbox';
import { signupAttemptMail } from '../mail/messages';
import { type ValidNewUser, validateNewUser, validateOrganisation, validateReason } from '../validation';
import { MembershipRequestService } from './membership-request.service';
import type { OrganisationInput } from './dto/organisation.input';
import { MembershipStatus, type OrganisationEntity, type OrganisationKind } from './organisation.entity';
import { OrganisationRepository } from './organisation.repository';

/** Sign-ups: 10 per IP address and 5 per e-mail in 15 minutes. */
export const SIGNUPS_PER_IP: RateLimitRule = { name: 'signup-ip', limit: 10, windowSeconds: 15 * 60 };
export const SIGNUPS_PER_EMAIL: RateLimitRule = { name: 'signup-email', limit: 5, windowSeconds: 15 * 60 };

/** Why an application for a SIRET already held by a live organisation is refused. */
const SIRET_TAKEN: Record<MembershipStatus, string> = {
  [MembershipStatus.ACTIVE]:
    'Une organisation avec ce SIRET est déjà membre du réseau : demandez plutôt à la rejoindre.',
  [MembershipStatus.PENDING]:
    "Une demande d'adhésion est déjà en cours d'examen pour ce SIRET : l'équipe du réseau vous répondra.",
  [MembershipStatus.SUSPENDED]:
    "L'adhésion de l'organisation qui porte ce SIRET est suspendue : contactez l'équipe du réseau.",
  [MembershipStatus.REJECTED]: '',
};

const EXPIRED_APPLICATION =
  'Demande expirée : l’adresse e-mail de la personne qui l’a déposée n’a jamais été confirmée.';

/** What a sign-up answers: the account, and for a fabricated answer the organisation it names. */
export interface SignupResult {
  user: UserEntity;
  /** An organisation the answer shows but the database does not hold (see answerForTakenAddress). */
  unsavedOrganisation?: OrganisationEntity;
}

const REFUSAL_BY_STATUS: Record<Exclude<MembershipStatus, MembershipStatus.ACTIVE>, string> = {
  [MembershipStatus.PENDING]:
    "L'adhésion de cette organisation est en attente de validation : vous pourrez la rejoindre une fois qu'elle aura été approuvée.",
  [MembershipStatus.SUSPENDED]:
    "L'adhésion de cette organisation est suspendue : il n'est pas possible de la rejoindre.",
  [MembershipStatus.REJECTED]:
    "L'adhésion de cette organisation a été refusée : il n'est pas possible de la rejoindre.",
};

const DOMAIN = /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** Mailboxes anyone can open: never proof of belonging to an organisation. */
const PUBLIC_MAIL_DOMAINS = new Set([
  'gmail.com',
  'yahoo.fr',
  'yahoo.com',
  'hotmail.fr',
  'hotmail.com',
  'outlook.fr',
  'outlook.com',
  'live.fr',
  'orange.fr',
  'wanadoo.fr',
  'free.fr',
  'sfr.fr',
  'laposte.net',
  'gmx.fr',
  'icloud.com',
  'proton.me',
  'protonmail.com',
]);

function isUniqueViolation(error: unknown, constraint: string): boolean {
  return (
    error instanceof QueryFailedError &&
    (error.driverError as { code?: string; constraint?: string }).code === '23505' &&
    (error.driverError as { constraint?: string }).constraint === constraint
  );
}

export interface OrganisationListArgs {
  kind?: OrganisationKind | null;
  departmentCode?: string | null;
  membershipStatus?: MembershipStatus | null;
}

/** Organisations: applying, joining, the network's decisions on membership, the directory. */
@Injectable()
export class MembershipService {
  constructor(
    private readonly organisations: OrganisationRepository,
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly limiter: RateLimiter,
    private readonly tx: TransactionRunner,
    private readonly verification: EmailVerificationService,
    private readonly verificationLinks: EmailVerificationRepository,
    private readonly requests: MembershipRequestService,
    private readonly outbox: EmailOutbox,
    private readonly config: AppConfig,
  ) {}

  private async limitSignup(ip: string, email: string): Promise<void> {
    await this.limiter.consume(SIGNUPS_PER_IP, ip);
    await this.limiter.consume(SIGNUPS_PER_EMAIL, email.trim().toLowerCase());
  }

  /**
   * A fabricated answer for an address that already has an account: the same shape as a
   * real sign-up's, so that the answer tells no one whether the address is taken. The
   * account's owner is told by e-mail instead. (An unverified account does not hold its
   * address: see replaceUnverified.)
   */
  private async answerForTakenAddress(
    existing: UserEntity,
    user: ValidNewUser,
    organisationId: string,
    referent: boolean,
  ): Promise<UserEntity> {
    await hashPassword(user.password); // the same work as a real sign-up
    await this.tx.run(async (m) => {
      if (!existing.email) return;
      await this.outbox.enqueue(m, [
        {
          userId: existing.id,
          recipient: existing.email,
          ...signupAttemptMail(existing.displayName, `${this.config.webUrl}/connexion`),
        },
      ]);
    });
    const now = new Date();
    return {
      id: randomUUID(),
      email: user.email,
      displayName: user.displayName,
      passwordHash: null,
      organisationId,
      grantedRoles: [],
      emailVerifiedAt: null,
      membershipApprovedAt: referent ? now : null,
      referent,
      deletedAt: null,
      createdAt: now,
      updatedAt: now,
    };
  }

  /**
   * Creates a PENDING organisation and its first user, its first référent once the
   * address is verified; an ADMIN approves the organisation. A REJECTED or expired
   * application does not block its SIRET; an ACTIVE organisation's SIRET is joined instead.
   */
  async apply(
    organisationInput: OrganisationInput,
    userInput: NewUserInput,
    ip: string,
  ): Promise<SignupResult> {
    await this.limitSignup(ip, userInput.email);
    const errors = new FieldErrors();
    const organisation = validateOrganisation(organisationInput, 'organisation', errors);
    const user = validateNewUser(userInput, 'user', errors);
    errors.throwIfAny();
    const live = await this.organisations.findLiveBySiret(organisation.siret);
    if (live && !(await this.isExpiredApplication(live))) {
      throw BadUserInputError.field('organisation.siret', SIRET_TAKEN[live.membershipStatus]);
    }
    const found = await this.users.findByEmail(user.email);
    const existing = found?.emailVerifiedAt ? found : null;
    if (existing) {
      const now = new Date();
      const unsaved: OrganisationEntity = {
        ...organisation,
        id: randomUUID(),
        membershipStatus: MembershipStatus.PENDING,
        membershipStatusChangedAt: now,
        membershipStatusReason: null,
        trusted: false,
        verifiedEmailDomains: [],
        createdAt: now,
        updatedAt: now,
      };
      const fabricated = await this.answerForTakenAddress(existing, user, unsaved.id, true);
      return { user: fabricated, unsavedOrganisation: unsaved };
    }
    const passwordHash = await hashPassword(user.password);
    try {
      const created = await this.tx.run(async (m) => {
        if (live) await this.expireApplication(live.id, m);
        if (found && !existing) await this.replaceUnverified(found.id, m);
        const saved = await this.organisations.insert(
          { ...organisation, membershipStatus: MembershipStatus.PENDING, membershipStatusReason: null },
          m,
        );
        const account = await this.users.insert(
          {
            email: user.email,
            displayName: user.displayName,
            passwordHash,
            organisationId: saved.id,
            grantedRoles: [],
            // The applicant is the organisation's first référent; MEMBER once the address
            // is verified and an ADMIN approved the organisation.
            membershipApprovedAt: new Date(),
            referent: true,
          },
          m,
        );
        await this.verification.issue(account, m);
        return account;
      });
      return { user: created };
    } catch (error) {
      if (isUniqueViolation(error, 'organisation_siret_key')) {
        throw BadUserInputError.field(
          'organisation.siret',
          'Une organisation avec ce SIRET est déjà inscrite.',
        );
      }
      if (isUniqueViolation(error, 'user_account_email_key')) {
        // A sign-up with the same address committed meanwhile: answer as for a taken address.
        const taken = await this.users.findByEmail(user.email);
        if (taken) return this.apply(organisationInput, userInput, ip);
      }
      throw error;
    }
  }

  /**
   * An account nobody ever confirmed does not hold its address: a new sign-up with it
   * replaces the account (which could hold no content: it never had a role), and the
   * application it made, if any, stops holding its SIRET. Whoever controls the mailbox
   * is the one who follows the new link.
   */
  private async replaceUnverified(userId: string, m: EntityManager): Promise<void> {
    const user = await this.users.findByIdForUpdate(userId, m);
    if (!user || user.emailVerifiedAt || user.deletedAt) return;
    const others = (await this.users.findByOrganisation(user.organisationId, m)).filter(
      (u) => u.id !== user.id,
    );
    await this.users.delete(user.id, m);
    if (others.length === 0) await this.expireApplication(user.organisationId, m);
  }

  /**
   * A PENDING application whose applicant never verified the address before the link
   * expired: it no longer holds its SIRET.
   */
  private async isExpiredApplication(organisation: OrganisationEntity): Promise<boolean> {
    if (organisation.membershipStatus !== MembershipStatus.PENDING) return false;
    const members = await this.users.findByOrganisation(organisation.id);
    if (members.some((u) => u.emailVerifiedAt !== null && u.deletedAt === null)) return false;
    for (const member of members) {
      const expiry = await this.verificationLinks.latestExpiry(member.id);
      if (expiry && expiry.getTime() > Date.now()) return false;
    }
    return true;
  }

  private async expireApplication(organisationId: string, m: EntityManager): Promise<void> {
    const locked = await this.organisations.findByIdForUpdate(organisationId, m);
    if (!locked || locked.membershipStatus !== MembershipStatus.PENDING) return;
    locked.membershipStatus = MembershipStatus.REJECTED;
    locked.membershipStatusReason = EXPIRED_APPLICATION;
    locked.membershipStatusChangedAt = new Date();
    await this.organisations.save(locked, m);
  }

  /**
   * Asks to join an ACTIVE organisation by SIRET: the account starts unverified, with a
   * request that its référents (or an ADMIN) decide; other statuses refuse and say why.
   */
  async register(organisationSiret: string, userInput: NewUserInput, ip: string): Promise<SignupResult> {
    await this.limitSignup(ip, userInput.email);
    const errors = new FieldErrors();
    const siret = compactIdentifier(organisationSiret);
    errors.check(
      /^\d{14}$/.test(siret),
      'organisationSiret',
      'Le SIRET doit compter exactement 14 chiffres.',
    );
    const user = validateNewUser(userInput, 'user', errors);
    errors.throwIfAny();
    const organisation = await this.organisations.findLiveBySiret(siret);
    if (!organisation) {
      throw BadUserInputError.field(
        'organisationSiret',
        "Aucune organisation membre n'est inscrite avec ce SIRET.",
      );
    }
    if (organisation.membershipStatus !== MembershipStatus.ACTIVE) {
      throw BadUserInputError.field('organisationSiret', REFUSAL_BY_STATUS[organisation.membershipStatus]);
    }
    const found = await this.users.findByEmail(user.email);
    if (found?.emailVerifiedAt) {
      return { user: await this.answerForTakenAddress(found, user, organisation.id, false) };
    }
    const passwordHash = await hashPassword(user.password);
    try {
      const created = await this.tx.run(async (m) => {
        if (found) await this.replaceUnverified(found.id, m);
        const locked = await this.organisations.findByIdForUpdate(organisation.id, m);
        if (!locked || locked.membershipStatus !== MembershipStatus.ACTIVE) {
          throw BadUserInputError.field(
            'organisationSiret',
            "L'adhésion de cette organisation n'est plus active.",
          );
        }
        const account = await this.users.insert(
          {
            email: user.email,
            displayName: user.displayName,
            passwordHash,
            organisationId: locked.id,
            grantedRoles: [],
          },
          m,
        );
        await this.requests.create(account.id, locked.id, m);
        await this.verification.issue(account, m);
        return account;
      });
      return { user: created };
    } catch (error) {
      if (isUniqueViolation(error, 'user_account_email_key')) {
        const taken = await this.users.findByEmail(user.email);
        if (taken) return { user: await this.answerForTakenAddress(taken, user, organisation.id, false) };
      }
      throw error;
    }
  }

  /** Whether the viewer may see this organisation at all. */
  canSee(viewer: Viewer, organisation: OrganisationEntity): boolean {
    return (
      organisation.membershipStatus === MembershipStatus.ACTIVE ||
      organisation.id === viewer.organisationId ||
      isModerator(viewer)
    );
  }

  /** Whether the viewer may read the reason of the organisation's last status change. */
  canSeeStatusReason(viewer: Viewer, organisation: Pick<OrganisationEntity, 'id'>): boolean {
    return organisation.id === viewer.organisationId || isModerator(viewer);
  }

  /** ADMINs and the organisation's référents see its verified e-mail domains. */
  canSeeEmailDomains(viewer: Viewer, organisation: Pick<OrganisationEntity, 'id'>): boolean {
    return hasRole(viewer, Role.ADMIN) || (isReferent(viewer) && viewer.organisationId === organisation.id);
  }

  /** ADMIN: the e-mail domains verified as the organisation's (at most 20). */
  async setEmailDomains(organisationId: string, domains: readonly string[]): Promise<OrganisationEntity> {
    const errors = new FieldErrors();
    errors.check(domains.length <= 20, 'domains', 'Au plus 20 domaines par organisation.');
    const clean = [...new Set(domains.map((d) => d.normalize('NFC').trim().toLowerCase().replace(/^@/, '')))];
    clean.forEach((domain, i) => {
      errors.check(
        domain.length <= 253 && DOMAIN.test(domain) && !PUBLIC_MAIL_DOMAINS.has(domain),
        `domains.${i}`,
        PUBLIC_MAIL_DOMAINS.has(domain)
          ? `« ${domain.slice(0, 60)} » est une messagerie ouverte à tous : elle ne peut pas identifier une organisation.`
          : `« ${domain.slice(0, 60)} » n'est pas un nom de domaine valide (exemple : montpellier3m.fr).`,
      );
    });
    errors.throwIfAny();
    return this.tx.run(async (m) => {
      const organisation = await this.organisations.findByIdForUpdate(organisationId, m);
      if (!organisation) throw new NotFoundError("Cette organisation n'existe pas.");
      organisation.verifiedEmailDomains = clean.sort();
      return this.organisations.save(organisation, m);
    });
  }

  /** Other applications of the organisation's SIRET (REJECTED or expired), newest first: ADMINs only. */
  async applicationHistory(
    viewer: Viewer,
    organisation: Pick<OrganisationEntity, 'id' | 'siret'>,
  ): Promise<OrganisationEntity[]> {
    if (!hasRole(viewer, Role.ADMIN)) return [];
    return (await this.organisations.findAllBySiret(organisation.siret)).filter(
      (o) => o.id !== organisation.id,
    );
  }

  async list(viewer: Viewer, args: OrganisationListArgs, page: PageRequest) {
    if (args.departmentCode && !isValidDepartmentCode(args.departmentCode)) {
      throw BadUserInputError.field('departmentCode', "Ce code de département INSEE n'existe pas.");
    }
    return this.organisations.list(
      {
        kind: args.kind,
        departmentCode: args.departmentCode,
        membershipStatus: args.membershipStatus,
        visibleTo: isModerator(viewer) ? undefined : { organisationId: viewer.organisationId },
      },
      page,
    );
  }

  async visibleByIds(viewer: Viewer, ids: readonly string[]): Promise<(OrganisationEntity | null)[]> {
    const rows = await this.organisations.findByIds(ids);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => {
      const row = byId.get(id);
      return row && this.canSee(viewer, row) ? row : null;
    });
  }

  /** Every organisation by id, whatever its status (to show who wrote visible content). */
  byIds(ids: readonly string[]): Promise<OrganisationEntity[]> {
    return this.organisations.findByIds(ids);
  }

  private async changeStatus(
    organisationId: string,
    allowedFrom: MembershipStatus[],
    to: MembershipStatus,
    reason: string | null,
  ): Promise<OrganisationEntity> {
    return this.tx.run(async (m) => {
      const organisation = await this.organisations.findByIdForUpdate(organisationId, m);
      if (!organisation) throw new NotFoundError("Cette organisation n'existe pas.");
      if (!allowedFrom.includes(organisation.membershipStatus)) {
        throw BadUserInputError.field(
          'id',
          `Impossible : l'adhésion de cette organisation est ${STATUS_LABEL[organisation.membershipStatus]}.`,
        );
      }
      if (to !== MembershipStatus.ACTIVE) {
        const admins = await this.users.activeAdminIds(m);
        const members = new Set((await this.users.findByOrganisation(organisation.id, m)).map((u) => u.id));
        if (admins.length > 0 && admins.every((id) => members.has(id))) {
          throw new ConflictError(
            'Cette organisation compte le dernier administrateur actif : nommez-en un autre avant.',
          );
        }
        await this.sessions.revokeForUsers([...members], `organisation-${to.toLowerCase()}`, m);
      }
      organisation.membershipStatus = to;
      organisation.membershipStatusReason = reason;
      organisation.membershipStatusChangedAt = new Date();
      return this.organisations.save(organisation, m);
    });
  }

  approve(organisationId: string): Promise<OrganisationEntity> {
    return this.changeStatus(
      organisationId,
      [MembershipStatus.PENDING, MembershipStatus.SUSPENDED, MembershipStatus.REJECTED],
      MembershipStatus.ACTIVE,
      null,
    );
  }

  reject(organisationId: string, reason: string): Promise<OrganisationEntity> {
    const errors = new FieldErrors();
    const clean = validateReason(reason, 'reason', errors);
    errors.throwIfAny();
    return this.changeStatus(organisationId, [MembershipStatus.PENDING], MembershipStatus.REJECTED, clean);
  }

  suspend(organisationId: string, reason: string): Promise<OrganisationEntity> {
    const errors = new FieldErrors();
    const clean = validateReason(reason, 'reason', errors);
    errors.throwIfAny();
    return this.changeStatus(organisationId, [MembershipStatus.ACTIVE], MembershipStatus.SUSPENDED, clean);
  }

  async setTrusted(organisationId: string, trusted: boolean): Promise<OrganisationEntity> {
    return this.tx.run(async (m) => {
      const organisation = await this.organisations.findByIdForUpdate(organisationId, m);
      if (!organisation) throw new NotFoundError("Cette organisation n'existe pas.");
      organisation.trusted = trusted;
      return this.organisations.save(organisation, m);
    });
  }
}

const STATUS_LABEL: Record<MembershipStatus, string> = {
  [MembershipStatus.PENDING]: 'en attente de validation',
  [MembershipStatus.ACTIVE]: 'déjà active',
  [MembershipStatus.SUSPENDED]: 'suspendue',
  [MembershipStatus.REJECTED]: 'refusée',
};
