import type { PageRequest, Viewer } from '@resocc/core';
import type { DataSource, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { visibilityBranches, visibilitySql } from './visibility';

/** A WHERE fragment over the list's alias, with its named parameters. */
export interface SqlFilter {
  sql: string;
  params: Record<string, unknown>;
}

/** Sort key of every content list: newest published first, then newest created. */
export const SORT_KEY = (alias: string): string => `COALESCE(${alias}.published_at, ${alias}.created_at)`;

/**
 * One page of posts or templates the viewer may see, newest first (published date, else
 * creation date), in ONE statement on an index of that sort key; the total is counted
 * only when the client asks for it.
 */
export async function listVisible<
  T extends ObjectLiteral & { id: string; publishedAt: Date | null; createdAt: Date },
>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
  table: string,
  viewer: Viewer,
  filters: SqlFilter[],
  page: PageRequest,
  /** Heavy columns a list leaves out (read later only if a client asks for them). */
  omit: readonly string[] = [],
): Promise<{ rows: T[]; total: () => Promise<number> }> {
  const columns = dataSource
    .getMetadata(entity)
    .columns.filter((column) => !omit.includes(column.propertyName))
    .map((column) => `c.${column.propertyName}`);
  const where = (alias: string): SqlFilter => {
    const visibility = visibilitySql(viewer, alias);
    const parts = [visibility.sql, ...filters.map((f) => f.sql.replace(/\bc\./g, `${alias}.`))];
    return {
      sql: parts.join(' AND '),
      params: Object.assign({}, visibility.params, ...filters.map((f) => f.params)),
    };
  };
  const filterSql = (alias: string): SqlFilter => ({
    sql: filters.map((f) => f.sql.replace(/\bc\./g, `${alias}.`)).join(' AND ') || 'TRUE',
    params: Object.assign({}, ...filters.map((f) => f.params)),
  });
  const branches = await Promise.all(
    visibilityBranches(viewer, 'c').map((branch) => {
      const filter = filterSql('c');
      const qb: SelectQueryBuilder<T> = dataSource
        .getRepository(entity)
        .createQueryBuilder('c')
        .select(columns)
        .where(branch.sql, branch.params)
        .andWhere(filter.sql, filter.params);
      if (page.after) {
        qb.andWhere(`(${SORT_KEY('c')}, c.id) < (:afterSort, :afterId)`, {
          afterSort: new Date(String(page.after[0])),
          afterId: String(page.after[1]),
        });
      }
      return qb
        .orderBy(SORT_KEY('c'), 'DESC')
        .addOrderBy('c.id', 'DESC')
        .limit(page.limit + 1)
        .getMany();
    }),
  );
  const sortKey = (row: T): number => (row.publishedAt ?? row.createdAt).getTime();
  const rows = branches
    .flat()
    .sort((a, b) => sortKey(b) - sortKey(a) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
    .slice(0, page.limit + 1);
  return { rows, total: () => countOnly(dataSource, table, where('cc')) };
}

async function countOnly(dataSource: DataSource, table: string, filter: SqlFilter): Promise<number> {
  const [query, params] = dataSource.driver.escapeQueryWithParameters(
    `SELECT count(*) AS n FROM ${table} cc WHERE ${filter.sql}`,
    filter.params,
  );
  const rows: { n: string }[] = await dataSource.query(query, params);
  return Number(rows[0].n);
}

export function cursorOf(row: { publishedAt: Date | null; createdAt: Date; id: string }): [string, string] {
  return [(row.publishedAt ?? row.createdAt).toISOString(), row.id];
}
