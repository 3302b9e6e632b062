import { Inject, Injectable } from '@nestjs/common';
import { DATA_SOURCE } from '@resocc/core';
import { DataSource, type EntityManager } from 'typeorm';
import { MembershipStatus } from '../organisations/organisation.entity';
import type { GrantedRole } from '../users/user.entity';
import { SessionEntity } from './session.entity';

export interface ViewerRow {
  userId: string;
  organisationId: string;
  grantedRoles: GrantedRole[];
  organisationActive: boolean;
  emailVerified: boolean;
  membershipApproved: boolean;
  referent: boolean;
}

@Injectable()
export class SessionRepository {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  private manager(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  async insert(values: Partial<SessionEntity>, manager?: EntityManager): Promise<SessionEntity> {
    const m = this.manager(manager);
    return m.save(m.create(SessionEntity, values));
  }

  findByTokenHash(tokenHash: string, manager?: EntityManager): Promise<SessionEntity | null> {
    return this.manager(manager).findOneBy(SessionEntity, { tokenHash });
  }

  /** Marks a live token as used; false when another request used (or revoked) it first. */
  async claimForRotation(id: string, manager: EntityManager): Promise<boolean> {
    const result: [unknown[], number] = await manager.query(
      `UPDATE session SET rotated_at = now()
       WHERE id = $1 AND rotated_at IS NULL AND revoked_at IS NULL AND expires_at > now()`,
      [id],
    );
    return result[1] === 1;
  }

  async revokeFamily(familyId: string, reason: string, manager?: EntityManager): Promise<number> {
    const result: [unknown[], number] = await this.manager(manager).query(
      `UPDATE session SET revoked_at = now(), revoked_reason = $2 WHERE family_id = $1 AND revoked_at IS NULL`,
      [familyId, reason],
    );
    return result[1];
  }

  async revokeForUsers(userIds: readonly string[], reason: string, manager: EntityManager): Promise<number> {
    if (userIds.length === 0) return 0;
    const result: [unknown[], number] = await manager.query(
      `UPDATE session SET revoked_at = now(), revoked_reason = $2 WHERE user_id = ANY($1) AND revoked_at IS NULL`,
      [userIds, reason],
    );
    return result[1];
  }

  /** Sessions of a user, for the personal-data export (never the token hashes). */
  listForUser(userId: string, manager: EntityManager): Promise<SessionEntity[]> {
    return manager.find(SessionEntity, { where: { userId }, order: { createdAt: 'ASC' } });
  }

  deleteForUser(userId: string, manager: EntityManager): Promise<unknown> {
    return manager.delete(SessionEntity, { userId });
  }

  /**
   * Who the bearer of an access token is, in one query: the account must exist and not be
   * erased, and the session family must not be revoked.
   */
  async viewerFor(userId: string, familyId: string): Promise<ViewerRow | null> {
    const rows: {
      id: string;
      organisation_id: string;
      granted_roles: GrantedRole[];
      status: MembershipStatus;
      email_verified: boolean;
      approved: boolean;
      referent: boolean;
    }[] = await this.dataSource.query(
      `SELECT u.id, u.organisation_id, u.granted_roles, o.membership_status AS status,
              u.email_verified_at IS NOT NULL AS email_verified, u.membership_approved_at IS NOT NULL AS approved,
              u.referent
         FROM user_account u JOIN organisation o ON o.id = u.organisation_id
         WHERE u.id = $1 AND u.deleted_at IS NULL
           AND EXISTS (SELECT 1 FROM session s WHERE s.family_id = $2 AND s.user_id = u.id AND s.revoked_at IS NULL)`,
      [userId, familyId],
    );
    if (rows.length === 0) return null;
    const [row] = rows;
    return {
      userId: row.id,
      organisationId: row.organisation_id,
      grantedRoles: row.granted_roles,
      organisationActive: row.status === MembershipStatus.ACTIVE,
      emailVerified: row.email_verified,
      membershipApproved: row.approved,
      referent: row.referent,
    };
  }
}
