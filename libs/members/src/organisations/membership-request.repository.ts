import { Inject, Injectable } from '@nestjs/common';
import { DATA_SOURCE, type PageRequest } from '@resocc/core';
import { DataSource, type EntityManager } from 'typeorm';
import { MembershipRequestEntity, MembershipRequestStatus } from './membership-request.entity';

/** Requests older than this expire. */
export const MEMBERSHIP_REQUEST_TTL_DAYS = 30;

export interface MembershipRequestFilter {
  /** undefined: every organisation (ADMIN). */
  organisationId?: string;
  status?: MembershipRequestStatus | null;
}

@Injectable()
export class MembershipRequestRepository {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  private manager(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  async insert(
    values: Partial<MembershipRequestEntity>,
    manager: EntityManager,
  ): Promise<MembershipRequestEntity> {
    return manager.save(manager.create(MembershipRequestEntity, values));
  }

  save(entity: MembershipRequestEntity, manager: EntityManager): Promise<MembershipRequestEntity> {
    return manager.save(entity);
  }

  /** Marks requests past their 30 days as EXPIRED (cheap: served by the status index). */
  async expireOld(manager?: EntityManager): Promise<void> {
    await this.manager(manager).query(
      `UPDATE membership_request SET status = 'EXPIRED', decided_at = now()
       WHERE status = 'PENDING' AND created_at < now() - make_interval(days => $1)`,
      [MEMBERSHIP_REQUEST_TTL_DAYS],
    );
  }

  /** The user's waiting request, locked for a decision. */
  pendingForUpdate(userId: string, manager: EntityManager): Promise<MembershipRequestEntity | null> {
    return manager.findOne(MembershipRequestEntity, {
      where: { userId, status: MembershipRequestStatus.PENDING },
      lock: { mode: 'pessimistic_write' },
    });
  }

  pendingFor(userId: string, manager?: EntityManager): Promise<MembershipRequestEntity | null> {
    return this.manager(manager).findOneBy(MembershipRequestEntity, {
      userId,
      status: MembershipRequestStatus.PENDING,
    });
  }

  findByIds(ids: readonly string[]): Promise<MembershipRequestEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.manager
      .createQueryBuilder(MembershipRequestEntity, 'r')
      .where('r.id IN (:...ids)', { ids: [...ids] })
      .getMany();
  }

  listForUser(userId: string, manager: EntityManager): Promise<MembershipRequestEntity[]> {
    return manager.find(MembershipRequestEntity, { where: { userId }, order: { createdAt: 'ASC' } });
  }

  async deleteForUser(userId: string, manager: EntityManager): Promise<void> {
    await manager.delete(MembershipRequestEntity, { userId });
  }

  /**
   * One page, oldest first, of requests whose requester verified the address (a request
   * nobody confirmed is not shown to the people who decide), plus the total.
   */
  async list(
    filter: MembershipRequestFilter,
    page: PageRequest,
  ): Promise<{ rows: MembershipRequestEntity[]; total: number }> {
    const qb = this.dataSource.manager
      .createQueryBuilder(MembershipRequestEntity, 'r')
      .innerJoin('user_account', 'u', 'u.id = r.user_id AND u.email_verified_at IS NOT NULL');
    if (filter.organisationId !== undefined) {
      qb.andWhere('r.organisation_id = :organisationId', { organisationId: filter.organisationId });
    }
    if (filter.status) qb.andWhere('r.status = :status', { status: filter.status });
    const total = await qb.clone().getCount();
    if (page.after) {
      qb.andWhere('(r.created_at, r.id) > (:createdAt, :id)', {
        createdAt: String(page.after[0]),
        id: String(page.after[1]),
      });
    }
    const rows = await qb
      .orderBy('r.created_at', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .take(page.limit + 1)
      .getMany();
    return { rows, total };
  }
}
