import { Injectable } from '@nestjs/common';
import {
  BadUserInputError,
  ConflictError,
  FieldErrors,
  NotFoundError,
  type PageRequest,
  RateLimiter,
  type RateLimitRule,
  TransactionRunner,
  type Viewer,
  isModerator,
  isValidDepartmentCode,
} from '@resocc/core';
import { QueryFailedError } from 'typeorm';
import { SessionRepository } from '../auth/session.repository';
import { hashPassword } from '../auth/passwords';
import type { NewUserInput } from '../users/dto/new-user.input';
import type { UserEntity } from '../users/user.entity';
import { UserRepository } from '../users/user.repository';
import { compactIdentifier } from '@resocc/core';
import { validateNewUser, validateOrganisation, validateReason } from '../validation';
import type { OrganisationInput } from './dto/organisation.input';
import { MembershipStatus, type OrganisationEntity, type OrganisationKind } from './organisation.entity';
import { OrganisationRepository } from './organisation.repository';

/** Sign-ups: 10 per IP address and 5 per e-mail in 15 minutes. */
export const SIGNUPS_PER_IP: RateLimitRule = { name: 'signup-ip', limit: 10, windowSeconds: 15 * 60 };
export const SIGNUPS_PER_EMAIL: RateLimitRule = { name: 'signup-email', limit: 5, windowSeconds: 15 * 60 };

const REFUSAL_BY_STATUS: Record<Exclude<MembershipStatus, MembershipStatus.ACTIVE>, string> = {
  [MembershipStatus.PENDING]:
    "L'adhésion de cette organisation est en attente de validation : vous pourrez la rejoindre une fois qu'elle aura été approuvée.",
  [MembershipStatus.SUSPENDED]:
    "L'adhésion de cette organisation est suspendue : il n'est pas possible de la rejoindre.",
  [MembershipStatus.REJECTED]:
    "L'adhésion de cette organisation a été refusée : il n'est pas possible de la rejoindre.",
};

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
  ) {}

  private async limitSignup(ip: string, email: string): Promise<void> {
    await this.limiter.consume(SIGNUPS_PER_IP, ip);
    await this.limiter.consume(SIGNUPS_PER_EMAIL, email.trim().toLowerCase());
  }

  /** Creates a PENDING organisation and its first user; an ADMIN approves it later. */
  async apply(
    organisationInput: OrganisationInput,
    userInput: NewUserInput,
    ip: string,
  ): Promise<UserEntity> {
    await this.limitSignup(ip, userInput.email);
    const errors = new FieldErrors();
    const organisation = validateOrganisation(organisationInput, 'organisation', errors);
    const user = validateNewUser(userInput, 'user', errors);
    if (errors.isEmpty) {
      if (await this.organisations.findBySiret(organisation.siret)) {
        errors.add(
          'organisation.siret',
          'Une organisation avec ce SIRET est déjà inscrite : rejoignez-la plutôt.',
        );
      }
      if (await this.users.findByEmail(user.email)) {
        errors.add('user.email', 'Un compte existe déjà avec cette adresse e-mail.');
      }
    }
    errors.throwIfAny();
    const passwordHash = await hashPassword(user.password);
    try {
      return await this.tx.run(async (m) => {
        const created = await this.organisations.insert(
          { ...organisation, membershipStatus: MembershipStatus.PENDING, membershipStatusReason: null },
          m,
        );
        return this.users.insert(
          {
            email: user.email,
            displayName: user.displayName,
            passwordHash,
            organisationId: created.id,
            grantedRoles: [],
          },
          m,
        );
      });
    } catch (error) {
      if (isUniqueViolation(error, 'organisation_siret_key')) {
        throw BadUserInputError.field(
          'organisation.siret',
          'Une organisation avec ce SIRET est déjà inscrite.',
        );
      }
      if (isUniqueViolation(error, 'user_account_email_key')) {
        throw BadUserInputError.field('user.email', 'Un compte existe déjà avec cette adresse e-mail.');
      }
      throw error;
    }
  }

  /** Joins an ACTIVE organisation by SIRET; other statuses refuse with a message that says why. */
  async register(organisationSiret: string, userInput: NewUserInput, ip: string): Promise<UserEntity> {
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
    const organisation = await this.organisations.findBySiret(siret);
    if (!organisation) {
      errors.add('organisationSiret', "Aucune organisation membre n'est inscrite avec ce SIRET.");
    } else if (organisation.membershipStatus !== MembershipStatus.ACTIVE) {
      errors.add('organisationSiret', REFUSAL_BY_STATUS[organisation.membershipStatus]);
    }
    if (await this.users.findByEmail(user.email))
      errors.add('user.email', 'Un compte existe déjà avec cette adresse e-mail.');
    errors.throwIfAny();
    const passwordHash = await hashPassword(user.password);
    try {
      return await this.tx.run(async (m) => {
        const locked = await this.organisations.findByIdForUpdate((organisation as OrganisationEntity).id, m);
        if (!locked || locked.membershipStatus !== MembershipStatus.ACTIVE) {
          throw BadUserInputError.field(
            'organisationSiret',
            "L'adhésion de cette organisation n'est plus active.",
          );
        }
        return this.users.insert(
          {
            email: user.email,
            displayName: user.displayName,
            passwordHash,
            organisationId: locked.id,
            grantedRoles: [],
          },
          m,
        );
      });
    } catch (error) {
      if (isUniqueViolation(error, 'user_account_email_key')) {
        throw BadUserInputError.field('user.email', 'Un compte existe déjà avec cette adresse e-mail.');
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
