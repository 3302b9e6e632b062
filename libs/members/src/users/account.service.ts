import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  BadUserInputError,
  ConflictError,
  NotFoundError,
  PersonalDataRegistry,
  Role,
  TransactionRunner,
  UnauthenticatedError,
  type Viewer,
  hasRole,
  isModerator,
  isReferent,
} from '@resocc/core';
import type { EntityManager } from 'typeorm';
import { AuthService } from '../auth/auth.service';
import { SessionRepository } from '../auth/session.repository';
import { EmailVerificationRepository } from '../auth/email-verification.repository';
import { EmailOutbox } from '../mail/email-outbox';
import { MembershipRequestRepository } from '../organisations/membership-request.repository';
import { MembershipRequestService } from '../organisations/membership-request.service';
import { MembershipStatus } from '../organisations/organisation.entity';
import { OrganisationRepository } from '../organisations/organisation.repository';
import { FORMER_MEMBER_NAME } from './dto/user.type';
import type { GrantedRole, UserEntity } from './user.entity';
import { UserRepository } from './user.repository';

/** Accounts: roles, what a viewer may see of a user, RGPD export and erasure. */
@Injectable()
export class AccountService implements OnModuleInit {
  constructor(
    private readonly users: UserRepository,
    private readonly organisations: OrganisationRepository,
    private readonly sessions: SessionRepository,
    private readonly auth: AuthService,
    private readonly personalData: PersonalDataRegistry,
    private readonly tx: TransactionRunner,
    private readonly requests: MembershipRequestService,
    private readonly requestRows: MembershipRequestRepository,
    private readonly verifications: EmailVerificationRepository,
    private readonly outbox: EmailOutbox,
  ) {}

  onModuleInit(): void {
    this.personalData.register({
      name: 'account',
      order: 1000,
      export: async (userId, m) => {
        const user = await this.users.findById(userId, m);
        if (!user) return null;
        return {
          id: user.id,
          email: user.email,
          displayName: user.displayName,
          roles: user.grantedRoles,
          emailVerifiedAt: user.emailVerifiedAt?.toISOString() ?? null,
          membershipApprovedAt: user.membershipApprovedAt?.toISOString() ?? null,
          referent: user.referent,
          createdAt: user.createdAt.toISOString(),
          updatedAt: user.updatedAt.toISOString(),
        };
      },
      erase: async (userId, m) => {
        const user = await this.users.findByIdForUpdate(userId, m);
        if (!user) return;
        user.email = null;
        user.passwordHash = null;
        user.displayName = FORMER_MEMBER_NAME;
        user.grantedRoles = [];
        user.emailVerifiedAt = null;
        user.membershipApprovedAt = null;
        user.referent = false;
        user.deletedAt = new Date();
        await this.users.save(user, m);
      },
    });
    this.personalData.register({
      name: 'membership',
      order: 20,
      export: async (userId, m) => ({
        membershipRequests: (await this.requestRows.listForUser(userId, m)).map((r) => ({
          organisationId: r.organisationId,
          status: r.status,
          reason: r.reason,
          createdAt: r.createdAt.toISOString(),
          decidedAt: r.decidedAt?.toISOString() ?? null,
        })),
        emailVerifications: (await this.verifications.listForUser(userId, m)).map((v) => ({
          sentAt: v.createdAt.toISOString(),
          expiresAt: v.expiresAt.toISOString(),
          usedAt: v.usedAt?.toISOString() ?? null,
        })),
        // Only a keyed hash of each address is kept: the dates are what can be shown.
        signInAddresses: (await this.verifications.knownAddresses(userId, m)).map((a) => ({
          lastSuccessAt: a.lastSuccessAt.toISOString(),
        })),
        queuedEmails: (await this.outbox.listForUser(userId, m)).map((e) => ({
          subject: e.subject,
          createdAt: e.createdAt.toISOString(),
        })),
      }),
      erase: async (userId, m) => {
        await this.requestRows.deleteForUser(userId, m);
        await this.verifications.deleteForUser(userId, m);
        await this.outbox.deleteForUser(userId, m);
      },
    });
    this.personalData.register({
      name: 'organisation',
      order: 1001,
      export: async (userId, m) => {
        const user = await this.users.findById(userId, m);
        const organisation = user ? await this.organisations.findById(user.organisationId, m) : null;
        if (!organisation) return null;
        return {
          name: organisation.name,
          siret: organisation.siret,
          kind: organisation.kind,
          departmentCode: organisation.departmentCode,
          membershipStatus: organisation.membershipStatus,
        };
      },
      erase: async () => undefined, // the organisation is not the person's data: it stays
    });
    this.personalData.register({
      name: 'sessions',
      order: 10,
      export: async (userId, m) =>
        (await this.sessions.listForUser(userId, m)).map((s) => ({
          startedAt: s.createdAt.toISOString(),
          expiresAt: s.expiresAt.toISOString(),
          rotatedAt: s.rotatedAt?.toISOString() ?? null,
          revokedAt: s.revokedAt?.toISOString() ?? null,
        })),
      erase: async (userId, m) => {
        await this.sessions.deleteForUser(userId, m);
      },
    });
  }

  /** Whether the viewer may see this account at all. */
  async visibleByIds(viewer: Viewer, ids: readonly string[]): Promise<(UserEntity | null)[]> {
    const rows = await this.users.findByIds(ids);
    const organisations = await this.organisations.findByIds([...new Set(rows.map((r) => r.organisationId))]);
    const activeOrgs = new Set(
      organisations.filter((o) => o.membershipStatus === MembershipStatus.ACTIVE).map((o) => o.id),
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => {
      const row = byId.get(id);
      if (!row) return null;
      // Others see an account once it is a member: verified, accepted, organisation ACTIVE
      // (so a fresh sign-up, real or fabricated, is invisible to everyone else alike).
      const member =
        activeOrgs.has(row.organisationId) &&
        row.emailVerifiedAt !== null &&
        row.membershipApprovedAt !== null;
      const visible =
        row.id === viewer.userId ||
        isModerator(viewer) ||
        member ||
        (isReferent(viewer) && viewer.organisationId === row.organisationId);
      return visible ? row : null;
    });
  }

  /** Users who moderate now: MODERATOR or ADMIN granted, account not erased, organisation ACTIVE. */
  async moderatorIds(manager: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT u.id FROM user_account u JOIN organisation o ON o.id = u.organisation_id
       WHERE u.granted_roles && ARRAY['MODERATOR', 'ADMIN']::text[] AND u.deleted_at IS NULL
         AND o.membership_status = 'ACTIVE'
       ORDER BY u.created_at`,
    );
    return rows.map((r) => r.id);
  }

  /**
   * Of these accounts, those who are approved members now (address verified, accepted by
   * their organisation, organisation ACTIVE, not erased), with their organisation and age.
   */
  async approvedMembers(
    userIds: readonly string[],
    manager?: EntityManager,
  ): Promise<Map<string, { organisationId: string; createdAt: Date }>> {
    const rows = await this.users.approvedMembers(userIds, manager);
    return new Map(rows.map((r) => [r.id, { organisationId: r.organisationId, createdAt: r.createdAt }]));
  }

  canSeeEmail(viewer: Viewer, user: Pick<UserEntity, 'id'>): boolean {
    return user.id === viewer.userId || hasRole(viewer, Role.ADMIN);
  }

  async me(viewer: Viewer): Promise<UserEntity | null> {
    return viewer.userId ? this.users.findById(viewer.userId) : null;
  }

  private async lockedUser(userId: string, m: EntityManager): Promise<UserEntity> {
    const user = await this.users.findByIdForUpdate(userId, m);
    if (!user || user.deletedAt) throw new NotFoundError("Ce compte n'existe pas.");
    return user;
  }

  async grantRole(userId: string, role: Role): Promise<UserEntity> {
    if (role === Role.MEMBER) {
      throw BadUserInputError.field(
        'role',
        "Le rôle MEMBER découle de l'adhésion active de l'organisation : il ne s'attribue pas.",
      );
    }
    return this.tx.run(async (m) => {
      const user = await this.lockedUser(userId, m);
      if (!user.grantedRoles.includes(role))
        user.grantedRoles = [...user.grantedRoles, role as GrantedRole].sort();
      return this.users.save(user, m);
    });
  }

  async revokeRole(userId: string, role: Role): Promise<UserEntity> {
    if (role === Role.MEMBER) {
      throw BadUserInputError.field(
        'role',
        "Le rôle MEMBER découle de l'adhésion active de l'organisation : suspendez l'organisation.",
      );
    }
    return this.tx.run(async (m) => {
      const admins = role === Role.ADMIN ? await this.users.activeAdminIds(m) : [];
      const user = await this.lockedUser(userId, m);
      if (role === Role.ADMIN && admins.length === 1 && admins[0] === user.id) {
        throw new ConflictError(
          "C'est le dernier administrateur actif : nommez-en un autre avant de lui retirer ce rôle.",
        );
      }
      user.grantedRoles = user.grantedRoles.filter((r) => r !== role);
      return this.users.save(user, m);
    });
  }

  /** Everything the platform holds on the viewer, as one JSON document (RGPD art. 15 and 20). */
  async exportData(viewer: Viewer): Promise<string> {
    if (!viewer.userId) throw new UnauthenticatedError();
    const userId = viewer.userId;
    const sections = await this.tx.run((m) => this.personalData.export(userId, m));
    return JSON.stringify(
      { format: 'resocc-personal-data/1', exportedAt: new Date().toISOString(), ...sections },
      null,
      2,
    );
  }

  /** Erases the viewer's personal data and sessions; authored content stays, signed "ancien membre". */
  async deleteAccount(viewer: Viewer, password: string, ip: string): Promise<boolean> {
    if (!viewer.userId) throw new UnauthenticatedError();
    const userId = viewer.userId;
    const user = await this.users.findById(userId);
    if (!user || user.deletedAt) throw new UnauthenticatedError();
    await this.auth.assertPassword(user, password, ip);
    await this.tx.run(async (m) => {
      await this.requests.assertMayLeave(userId, m);
      const admins = await this.users.activeAdminIds(m);
      if (admins.length === 1 && admins[0] === userId) {
        throw new ConflictError(
          'Vous êtes le dernier administrateur actif : nommez-en un autre avant de supprimer votre compte.',
        );
      }
      await this.personalData.erase(userId, m);
    });
    return true;
  }
}
