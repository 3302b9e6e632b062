import { Injectable } from '@nestjs/common';
import {
  AppConfig,
  BadUserInputError,
  ConflictError,
  FieldErrors,
  ForbiddenError,
  NotFoundError,
  type PageRequest,
  Role,
  TransactionRunner,
  type Viewer,
  hasRole,
  isReferent,
} from '@resocc/core';
import type { EntityManager } from 'typeorm';
import { EmailOutbox } from '../mail/email-outbox';
import { membershipApprovedMail, membershipRefusedMail, membershipRequestMail } from '../mail/messages';
import type { UserEntity } from '../users/user.entity';
import { UserRepository } from '../users/user.repository';
import { validateReason } from '../validation';
import { MembershipEvents } from './membership-events';
import { type MembershipRequestEntity, MembershipRequestStatus } from './membership-request.entity';
import { MembershipRequestRepository } from './membership-request.repository';
import { MembershipStatus, type OrganisationEntity } from './organisation.entity';
import { OrganisationRepository } from './organisation.repository';

/** The domain of an e-mail address, in lower case. */
export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

/**
 * Who joins an organisation: its référents (or an ADMIN) accept or refuse requests,
 * remove members and name other référents; a verified address on one of the domains an
 * ADMIN verified for the organisation joins without waiting.
 */
@Injectable()
export class MembershipRequestService {
  constructor(
    private readonly requests: MembershipRequestRepository,
    private readonly users: UserRepository,
    private readonly organisations: OrganisationRepository,
    private readonly outbox: EmailOutbox,
    private readonly events: MembershipEvents,
    private readonly config: AppConfig,
    private readonly tx: TransactionRunner,
  ) {}

  /** ADMIN, or a référent of this organisation; FORBIDDEN otherwise. */
  assertCanManage(viewer: Viewer, organisationId: string): void {
    if (hasRole(viewer, Role.ADMIN)) return;
    if (isReferent(viewer) && viewer.organisationId === organisationId) return;
    throw new ForbiddenError(
      "Seuls les référents de l'organisation et les administrateurs du réseau peuvent décider de ses membres.",
    );
  }

  /** Before any lookup: only ADMINs and référents decide on anyone (nothing to learn for others). */
  private assertMayManageAny(viewer: Viewer): void {
    if (!hasRole(viewer, Role.ADMIN) && !isReferent(viewer)) {
      throw new ForbiddenError(
        "Seuls les référents de l'organisation et les administrateurs du réseau peuvent décider de ses membres.",
      );
    }
  }

  canManage(viewer: Viewer, organisationId: string): boolean {
    return hasRole(viewer, Role.ADMIN) || (isReferent(viewer) && viewer.organisationId === organisationId);
  }

  /** A new person's request to join, in the sign-up transaction. */
  create(userId: string, organisationId: string, m: EntityManager): Promise<MembershipRequestEntity> {
    return this.requests.insert({ userId, organisationId, status: MembershipRequestStatus.PENDING }, m);
  }

  /**
   * Once the address is verified: the request is accepted at once on a verified domain of
   * the organisation; otherwise its référents are told that it waits for them.
   */
  async afterVerification(user: UserEntity, m: EntityManager): Promise<void> {
    const request = await this.requests.pendingForUpdate(user.id, m);
    if (!request || !user.email) return;
    const organisation = await this.organisations.findById(request.organisationId, m);
    if (!organisation || organisation.membershipStatus !== MembershipStatus.ACTIVE) return;
    if (organisation.verifiedEmailDomains.includes(emailDomain(user.email))) {
      await this.settle(request, user, organisation, true, null, null, m);
      return;
    }
    const referents = await this.users.referentsOf(organisation.id, m);
    await this.outbox.enqueue(
      m,
      referents.flatMap((r) =>
        r.email
          ? [
              {
                userId: r.id,
                recipient: r.email,
                ...membershipRequestMail(organisation.name, `${this.config.webUrl}/organisation/demandes`),
              },
            ]
          : [],
      ),
    );
  }

  async list(
    viewer: Viewer,
    organisationId: string | null,
    status: MembershipRequestStatus | null | undefined,
    page: PageRequest,
  ): Promise<{ rows: MembershipRequestEntity[]; total: number }> {
    let scope: string | undefined;
    if (organisationId) {
      this.assertCanManage(viewer, organisationId);
      scope = organisationId;
    } else if (hasRole(viewer, Role.ADMIN)) {
      scope = undefined;
    } else if (isReferent(viewer) && viewer.organisationId) {
      scope = viewer.organisationId;
    } else {
      throw new ForbiddenError(
        "Seuls les référents de l'organisation et les administrateurs du réseau voient les demandes d'adhésion.",
      );
    }
    await this.requests.expireOld();
    return this.requests.list({ organisationId: scope, status }, page);
  }

  /** Requests by id, for the requests' own fields (only for those who may decide on them). */
  async visibleByIds(viewer: Viewer, ids: readonly string[]): Promise<(MembershipRequestEntity | null)[]> {
    const rows = await this.requests.findByIds(ids);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => {
      const row = byId.get(id);
      return row && (this.canManage(viewer, row.organisationId) || row.userId === viewer.userId) ? row : null;
    });
  }

  /** Accepts or refuses a person's waiting request; a reason is required to refuse. */
  async decide(
    viewer: Viewer,
    userId: string,
    approve: boolean,
    reason: string | null | undefined,
  ): Promise<UserEntity> {
    const errors = new FieldErrors();
    const cleanReason = approve
      ? reason?.normalize('NFC').trim() || null
      : validateReason(reason ?? '', 'reason', errors);
    if (cleanReason !== null && cleanReason.length > 2000)
      errors.add('reason', 'Le motif ne peut dépasser 2 000 caractères.');
    errors.throwIfAny();
    this.assertMayManageAny(viewer);
    await this.requests.expireOld();
    return this.tx.run(async (m) => {
      const request = await this.requests.pendingForUpdate(userId, m);
      if (!request) {
        throw new NotFoundError(
          "Aucune demande d'adhésion en attente pour cette personne (déjà traitée ou expirée).",
        );
      }
      this.assertCanManage(viewer, request.organisationId);
      const user = await this.users.findByIdForUpdate(userId, m);
      if (!user || user.deletedAt) throw new NotFoundError("Ce compte n'existe pas.");
      if (!user.emailVerifiedAt) {
        throw BadUserInputError.field(
          'userId',
          "Cette personne n'a pas encore confirmé son adresse e-mail : sa demande ne peut pas être traitée.",
        );
      }
      const organisation = await this.organisations.findById(request.organisationId, m);
      if (!organisation) throw new NotFoundError("Cette organisation n'existe pas.");
      return this.settle(request, user, organisation, approve, cleanReason, viewer.userId, m);
    });
  }

  private async settle(
    request: MembershipRequestEntity,
    user: UserEntity,
    organisation: OrganisationEntity,
    approve: boolean,
    reason: string | null,
    actorUserId: string | null,
    m: EntityManager,
  ): Promise<UserEntity> {
    request.status = approve ? MembershipRequestStatus.APPROVED : MembershipRequestStatus.REFUSED;
    request.reason = approve ? null : reason;
    request.decidedBy = actorUserId;
    request.decidedAt = new Date();
    await this.requests.save(request, m);
    if (approve) user.membershipApprovedAt = new Date();
    const saved = await this.users.save(user, m);
    if (user.email) {
      const mail = approve
        ? membershipApprovedMail(user.displayName, organisation.name, `${this.config.webUrl}/connexion`)
        : membershipRefusedMail(user.displayName, organisation.name, reason ?? '');
      await this.outbox.enqueue(m, [{ userId: user.id, recipient: user.email, ...mail }]);
    }
    await this.events.decided(
      {
        userId: user.id,
        organisationId: organisation.id,
        organisationName: organisation.name,
        approved: approve,
        reason,
        actorUserId,
      },
      m,
    );
    return saved;
  }

  /** Locks and checks a member of an organisation the viewer manages. */
  private async managedMember(viewer: Viewer, userId: string, m: EntityManager): Promise<UserEntity> {
    this.assertMayManageAny(viewer);
    const user = await this.users.findByIdForUpdate(userId, m);
    if (!user || user.deletedAt) throw new NotFoundError("Ce compte n'existe pas.");
    this.assertCanManage(viewer, user.organisationId);
    if (!user.membershipApprovedAt) {
      throw BadUserInputError.field('userId', "Cette personne n'est pas membre de l'organisation.");
    }
    return user;
  }

  /** The organisation keeps a référent while it has other members: the last one names another first. */
  private async assertNotLastReferent(user: UserEntity, m: EntityManager): Promise<void> {
    if (!user.referent) return;
    const referents = await this.users.referentsOf(user.organisationId, m, { lock: true });
    if (referents.length <= 1 && referents[0]?.id === user.id) {
      throw new ConflictError(
        "C'est le dernier référent de l'organisation : nommez d'abord un autre référent.",
      );
    }
  }

  /** Removes a member: access ends at the next request (the session check runs on each). */
  async removeMember(viewer: Viewer, userId: string): Promise<UserEntity> {
    return this.tx.run(async (m) => {
      const user = await this.managedMember(viewer, userId, m);
      await this.assertNotLastReferent(user, m);
      user.membershipApprovedAt = null;
      user.referent = false;
      return this.users.save(user, m);
    });
  }

  /** Names a member référent, or withdraws it (never from the last one). */
  async setReferent(viewer: Viewer, userId: string, referent: boolean): Promise<UserEntity> {
    return this.tx.run(async (m) => {
      const user = await this.managedMember(viewer, userId, m);
      if (!referent) await this.assertNotLastReferent(user, m);
      user.referent = referent;
      return this.users.save(user, m);
    });
  }

  /** Before an account is erased: its last référent role must be handed over first. */
  async assertMayLeave(userId: string, m: EntityManager): Promise<void> {
    const user = await this.users.findById(userId, m);
    if (!user || !user.referent) return;
    const members = await this.users.approvedMembers(
      await this.users.idsOfOrganisation(user.organisationId, m),
      m,
    );
    if (members.some((other) => other.id !== user.id)) await this.assertNotLastReferent(user, m);
  }
}
