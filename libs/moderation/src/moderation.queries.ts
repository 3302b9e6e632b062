import { Inject, Injectable } from '@nestjs/common';
import { DATA_SOURCE, type PageRequest, Role, type Viewer, hasRole, isModerator } from '@resocc/core';
import { DataSource, In } from 'typeorm';
import { ModerationEventEntity, ReportEntity, type TargetType } from './moderation.entities';
import type { ReportStatus } from './moderation.enums';

export interface QueueRow {
  type: TargetType;
  id: string;
  authorId: string;
  enteredAt: Date;
  openReports: number;
  /** organisations of the accounts with open reports on the item (as they are now), by name */
  reportingOrganisationIds: string[];
}

/** Reads for the moderation screens: queue, reports, log. */
@Injectable()
export class ModerationQueries {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  /**
   * IN_REVIEW and HIDDEN posts and templates, oldest first, with their open report counts
   * and the reporters' organisations: one statement.
   */
  async queue(page: PageRequest): Promise<{ rows: QueueRow[]; total: number }> {
    const params: unknown[] = [page.limit + 1];
    let cursor = '';
    if (page.after) {
      params.push(new Date(String(page.after[0])), String(page.after[1]));
      cursor = `WHERE (q.entered_at, q.id) > ($2::timestamptz, $3::uuid)`;
    }
    const rows: {
      type: TargetType;
      id: string;
      author_id: string;
      entered_at: Date;
      open_reports: number;
      reporting_organisations: string[];
      total: number;
    }[] = await this.dataSource.query(
      `WITH q AS (
           SELECT 'ExperiencePost' AS type, id, author_id, date_trunc('milliseconds', updated_at) AS entered_at
           FROM experience_post WHERE status IN ('IN_REVIEW', 'HIDDEN')
           UNION ALL
           SELECT 'ClauseTemplate', id, author_id, date_trunc('milliseconds', updated_at)
           FROM clause_template WHERE status IN ('IN_REVIEW', 'HIDDEN')
         )
         SELECT q.type, q.id, q.author_id, q.entered_at,
                (SELECT count(*) FROM report r WHERE r.target_id = q.id AND r.status = 'OPEN')::int AS open_reports,
                ARRAY(SELECT o.id::text FROM organisation o WHERE o.id IN (
                        SELECT u.organisation_id FROM report r JOIN user_account u ON u.id = r.reporter_id
                        WHERE r.target_id = q.id AND r.status = 'OPEN')
                      ORDER BY o.name, o.id) AS reporting_organisations,
                (SELECT count(*) FROM q)::int AS total
         FROM q ${cursor} ORDER BY q.entered_at, q.id LIMIT $1`,
      params,
    );
    const total = rows[0]?.total ?? (page.after ? await this.queueSize() : 0);
    return {
      rows: rows.map((r) => ({
        type: r.type,
        id: r.id,
        authorId: r.author_id,
        enteredAt: r.entered_at,
        openReports: r.open_reports,
        reportingOrganisationIds: r.reporting_organisations,
      })),
      total,
    };
  }

  private async queueSize(): Promise<number> {
    const [{ n }] = await this.dataSource.query(
      `SELECT ((SELECT count(*) FROM experience_post WHERE status IN ('IN_REVIEW', 'HIDDEN')) +
               (SELECT count(*) FROM clause_template WHERE status IN ('IN_REVIEW', 'HIDDEN')))::int AS n`,
    );
    return n;
  }

  async reports(
    status: ReportStatus | null | undefined,
    page: PageRequest,
  ): Promise<{ rows: ReportEntity[]; total: number }> {
    const qb = this.dataSource.getRepository(ReportEntity).createQueryBuilder('r');
    if (status) qb.where('r.status = :status', { status });
    const total = await qb.clone().getCount();
    if (page.after)
      qb.andWhere('(r.created_at, r.id) < (:c, :id)', {
        c: new Date(String(page.after[0])),
        id: String(page.after[1]),
      });
    const rows = await qb
      .orderBy('r.created_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .take(page.limit + 1)
      .getMany();
    return { rows, total };
  }

  /**
   * The log, newest first: everything for moderators; for other users, the events of their
   * own organisation's items only.
   */
  async log(
    viewer: Viewer,
    targetId: string | null,
    page: PageRequest,
  ): Promise<{ rows: ModerationEventEntity[]; total: number }> {
    if (!isModerator(viewer) && !hasRole(viewer, Role.MEMBER)) return { rows: [], total: 0 };
    const qb = this.eventsVisibleTo(viewer);
    if (targetId) qb.andWhere('e.target_id = :targetId', { targetId });
    const total = await qb.clone().getCount();
    if (page.after)
      qb.andWhere('(e.created_at, e.id) < (:c, :id)', {
        c: new Date(String(page.after[0])),
        id: String(page.after[1]),
      });
    const rows = await qb
      .orderBy('e.created_at', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .take(page.limit + 1)
      .getMany();
    return { rows, total };
  }

  async eventsByIds(viewer: Viewer, ids: readonly string[]): Promise<ModerationEventEntity[]> {
    if (!isModerator(viewer) && !hasRole(viewer, Role.MEMBER)) return [];
    return this.eventsVisibleTo(viewer).andWhere('e.id IN (:...ids)', { ids }).getMany();
  }

  reportsByIds(ids: readonly string[]): Promise<ReportEntity[]> {
    return this.dataSource.getRepository(ReportEntity).findBy({ id: In([...ids]) });
  }

  /** Moderators see every event; members those of their own organisation's items. */
  private eventsVisibleTo(viewer: Viewer) {
    const qb = this.dataSource.getRepository(ModerationEventEntity).createQueryBuilder('e');
    if (!isModerator(viewer)) {
      qb.andWhere(
        `((e.target_type = 'ExperiencePost' AND EXISTS (SELECT 1 FROM experience_post p WHERE p.id = e.target_id AND p.organisation_id = :org))
          OR (e.target_type = 'ClauseTemplate' AND EXISTS (SELECT 1 FROM clause_template t WHERE t.id = e.target_id AND t.organisation_id = :org)))`,
        { org: viewer.organisationId ?? '00000000-0000-0000-0000-000000000000' },
      );
    }
    return qb;
  }
}
