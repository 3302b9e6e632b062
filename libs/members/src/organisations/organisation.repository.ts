import { Inject, Injectable } from '@nestjs/common';
import { DATA_SOURCE, type PageRequest } from '@resocc/core';
import { DataSource, type EntityManager, In } from 'typeorm';
import { MembershipStatus, OrganisationEntity, type OrganisationKind } from './organisation.entity';

export interface OrganisationFilter {
  kind?: OrganisationKind | null;
  departmentCode?: string | null;
  membershipStatus?: MembershipStatus | null;
  /** Restricts to ACTIVE organisations plus this one (null: only ACTIVE); undefined: no restriction. */
  visibleTo?: { organisationId: string | null };
}

@Injectable()
export class OrganisationRepository {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  private manager(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  findByIds(ids: readonly string[], manager?: EntityManager): Promise<OrganisationEntity[]> {
    return this.manager(manager).findBy(OrganisationEntity, { id: In([...ids]) });
  }

  findById(id: string, manager?: EntityManager): Promise<OrganisationEntity | null> {
    return this.manager(manager).findOneBy(OrganisationEntity, { id });
  }

  /** Locks the row for a status change. */
  findByIdForUpdate(id: string, manager: EntityManager): Promise<OrganisationEntity | null> {
    return manager.findOne(OrganisationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** The live (not REJECTED) organisation of a SIRET: there is at most one. */
  findLiveBySiret(siret: string, manager?: EntityManager): Promise<OrganisationEntity | null> {
    return this.manager(manager)
      .createQueryBuilder(OrganisationEntity, 'o')
      .where('o.siret = :siret', { siret })
      .andWhere('o.membership_status <> :rejected', { rejected: MembershipStatus.REJECTED })
      .getOne();
  }

  /** Every application of a SIRET, newest first (the history an ADMIN sees). */
  findAllBySiret(siret: string, manager?: EntityManager): Promise<OrganisationEntity[]> {
    return this.manager(manager).find(OrganisationEntity, { where: { siret }, order: { createdAt: 'DESC' } });
  }

  async insert(values: Partial<OrganisationEntity>, manager: EntityManager): Promise<OrganisationEntity> {
    const entity = manager.create(OrganisationEntity, values);
    return manager.save(entity);
  }

  save(entity: OrganisationEntity, manager: EntityManager): Promise<OrganisationEntity> {
    return manager.save(entity);
  }

  /** One page ordered by name then id, plus the total of the filter. */
  async list(
    filter: OrganisationFilter,
    page: PageRequest,
  ): Promise<{ rows: OrganisationEntity[]; total: number }> {
    const qb = this.dataSource.getRepository(OrganisationEntity).createQueryBuilder('o');
    if (filter.kind) qb.andWhere('o.kind = :kind', { kind: filter.kind });
    if (filter.departmentCode) qb.andWhere('o.department_code = :dep', { dep: filter.departmentCode });
    if (filter.membershipStatus)
      qb.andWhere('o.membership_status = :status', { status: filter.membershipStatus });
    if (filter.visibleTo) {
      qb.andWhere('(o.membership_status = :active OR o.id = :own)', {
        active: MembershipStatus.ACTIVE,
        own: filter.visibleTo.organisationId ?? '00000000-0000-0000-0000-000000000000',
      });
    }
    const total = await qb.clone().getCount();
    if (page.after) {
      qb.andWhere('(o.name, o.id) > (:name, :id)', {
        name: String(page.after[0]),
        id: String(page.after[1]),
      });
    }
    const rows = await qb
      .orderBy('o.name', 'ASC')
      .addOrderBy('o.id', 'ASC')
      .take(page.limit + 1)
      .getMany();
    return { rows, total };
  }
}
