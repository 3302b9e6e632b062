import { Inject, Injectable } from '@nestjs/common';
import { DATA_SOURCE, type PageRequest, Role } from '@resocc/core';
import { DataSource, type EntityManager, In, IsNull } from 'typeorm';
import { MembershipStatus } from '../organisations/organisation.entity';
import { UserEntity } from './user.entity';

@Injectable()
export class UserRepository {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  private manager(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  findByIds(ids: readonly string[], manager?: EntityManager): Promise<UserEntity[]> {
    return this.manager(manager).findBy(UserEntity, { id: In([...ids]) });
  }

  findById(id: string, manager?: EntityManager): Promise<UserEntity | null> {
    return this.manager(manager).findOneBy(UserEntity, { id });
  }

  findByIdForUpdate(id: string, manager: EntityManager): Promise<UserEntity | null> {
    return manager.findOne(UserEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** An account that has not been erased, by normalised e-mail. */
  findByEmail(email: string, manager?: EntityManager): Promise<UserEntity | null> {
    return this.manager(manager).findOneBy(UserEntity, { email, deletedAt: IsNull() });
  }

  findByOrganisation(organisationId: string, manager?: EntityManager): Promise<UserEntity[]> {
    return this.manager(manager).findBy(UserEntity, { organisationId });
  }

  /** The organisation's référents who can act: approved, verified, not erased (locked when asked). */
  referentsOf(
    organisationId: string,
    manager: EntityManager,
    options: { lock?: boolean } = {},
  ): Promise<UserEntity[]> {
    const qb = manager
      .createQueryBuilder(UserEntity, 'u')
      .where('u.organisation_id = :organisationId', { organisationId })
      .andWhere('u.referent AND u.deleted_at IS NULL AND u.membership_approved_at IS NOT NULL')
      .orderBy('u.created_at', 'ASC');
    if (options.lock) qb.setLock('pessimistic_write');
    return qb.getMany();
  }

  async idsOfOrganisation(organisationId: string, manager: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM user_account WHERE organisation_id = $1 AND deleted_at IS NULL`,
      [organisationId],
    );
    return rows.map((r) => r.id);
  }

  async insert(values: Partial<UserEntity>, manager: EntityManager): Promise<UserEntity> {
    return manager.save(manager.create(UserEntity, values));
  }

  /** Deletes an account row (only for one that never had a role: sessions, requests and links go with it). */
  async delete(id: string, manager: EntityManager): Promise<void> {
    await manager.delete(UserEntity, { id });
  }

  save(entity: UserEntity, manager: EntityManager): Promise<UserEntity> {
    return manager.save(entity);
  }

  /**
   * Administrators who could still act: ADMIN granted, account not erased, organisation
   * ACTIVE. Locks those rows so two concurrent revocations cannot both pass the check.
   */
  async activeAdminIds(manager: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT u.id FROM user_account u JOIN organisation o ON o.id = u.organisation_id
       WHERE $1 = ANY(u.granted_roles) AND u.deleted_at IS NULL AND o.membership_status = $2
       FOR UPDATE OF u`,
      [Role.ADMIN, MembershipStatus.ACTIVE],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Of these accounts, the approved members now: address verified, accepted by the
   * organisation, organisation ACTIVE, account not erased.
   */
  async approvedMembers(
    ids: readonly string[],
    manager?: EntityManager,
  ): Promise<{ id: string; organisationId: string; createdAt: Date }[]> {
    if (ids.length === 0) return [];
    const rows: { id: string; organisation_id: string; created_at: Date }[] = await this.manager(
      manager,
    ).query(
      `SELECT u.id, u.organisation_id, u.created_at FROM user_account u
         JOIN organisation o ON o.id = u.organisation_id
       WHERE u.id = ANY($1::uuid[]) AND u.deleted_at IS NULL AND u.email_verified_at IS NOT NULL
         AND u.membership_approved_at IS NOT NULL AND o.membership_status = $2`,
      [[...ids], MembershipStatus.ACTIVE],
    );
    return rows.map((r) => ({ id: r.id, organisationId: r.organisation_id, createdAt: r.created_at }));
  }

  async membersOf(organisationId: string, page: PageRequest): Promise<{ rows: UserEntity[]; total: number }> {
    const qb = this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where('u.organisation_id = :organisationId', { organisationId })
      .andWhere('u.deleted_at IS NULL')
      .andWhere('u.membership_approved_at IS NOT NULL AND u.email_verified_at IS NOT NULL');
    const total = await qb.clone().getCount();
    if (page.after) {
      qb.andWhere('(u.created_at, u.id) > (:createdAt, :id)', {
        createdAt: String(page.after[0]),
        id: String(page.after[1]),
      });
    }
    const rows = await qb
      .orderBy('u.created_at', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .take(page.limit + 1)
      .getMany();
    return { rows, total };
  }
}
