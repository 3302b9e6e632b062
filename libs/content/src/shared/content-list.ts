import {
  type ConnectionShape,
  DATE_ID_CURSOR,
  type GraphQLContext,
  type PageRequest,
  type PaginationArgs,
  type TotalCount,
  type Viewer,
  pageRequest,
  selectedFields,
  toConnection,
} from '@resocc/core';
import type { MemberRefsRow, MembersPresenter } from '@resocc/members';
import type { GraphQLResolveInfo } from 'graphql';
import type { DataSource, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import { visibilityBranches, visibilitySql } from './visibility';

/** A WHERE fragment over the list's alias, with its named parameters. */
export interface SqlFilter {
  sql: string;
  params: Record<string, unknown>;
}

/** Sort key of every content list: newest published first, then newest created. */
export const SORT_KEY = (alias: string): string => `COALESCE(${alias}.published_at, ${alias}.created_at)`;

/** The SELECT list of a content table as `"propertyName"` aliases, computed once per entity and omit list. */
const selectLists = new WeakMap<EntityMetadata, Map<string, string>>();

/**
 * Column types that PostgreSQL and `pg` already return the way TypeORM would hydrate them
 * (arrays are sent as JSON, which `pg` parses natively into the same arrays of strings);
 * anything else must go through TypeORM.
 */
const PLAIN_TYPES = new Set<unknown>([
  'uuid',
  'varchar',
  'char',
  'text',
  'int',
  'timestamptz',
  'jsonb',
  'enum',
]);

function selectList(metadata: EntityMetadata, omit: readonly string[]): string {
  let byOmit = selectLists.get(metadata);
  if (!byOmit) selectLists.set(metadata, (byOmit = new Map()));
  const key = omit.join(',');
  let list = byOmit.get(key);
  if (list === undefined) {
    list = metadata.columns
      .filter((column) => !omit.includes(column.propertyName))
      .map((column) => {
        if (!PLAIN_TYPES.has(column.type) || column.transformer) {
          throw new Error(`${metadata.name}.${column.propertyName}: column type not supported by lists`);
        }
        const value = column.isArray ? `array_to_json(c.${column.databaseName})` : `c.${column.databaseName}`;
        return `${value} AS "${column.propertyName}"`;
      })
      .join(', ');
    byOmit.set(key, list);
  }
  return list;
}

/** What a list reads besides its always-read columns, from what the client asks of its nodes. */
export interface ListRead {
  /** The rows' authors and organisations, in the same statement. */
  withMembers?: boolean;
  /** The GraphQL fields asked of each node (undefined: all): columns read on demand need them. */
  fields?: ReadonlySet<string>;
}

/** What a connection's nodes ask for (`edges { node { ... } }`). */
export function listRead(info: GraphQLResolveInfo): ListRead {
  const fields = selectedFields(info, ['edges', 'node']);
  return { fields, withMembers: fields.has('author') || fields.has('organisation') };
}

/**
 * One page of a content list as a connection: the page and what its nodes ask for are read
 * by `read`, the rows' authors and organisations (read ahead) handed to the request, then
 * each row presented.
 */
export async function contentConnection<
  R extends MemberRefsRow & { publishedAt: Date | null; createdAt: Date; id: string },
  T,
>(
  members: Pick<MembersPresenter, 'prime'>,
  ctx: GraphQLContext,
  args: PaginationArgs,
  info: GraphQLResolveInfo,
  read: (page: PageRequest, what: ListRead) => Promise<{ rows: R[]; total: TotalCount }>,
  present: (row: R) => T,
): Promise<ConnectionShape<T>> {
  const page = pageRequest(args, DATE_ID_CURSOR);
  const { rows, total } = await read(page, listRead(info));
  members.prime(ctx, rows);
  return toConnection(rows, page, cursorOf, present, total);
}

/** The columns of `onDemand` (properties named like their GraphQL fields) a list leaves out when not asked for. */
export function notAsked(read: ListRead, onDemand: readonly string[]): string[] {
  const { fields } = read;
  return fields ? onDemand.filter((property) => !fields.has(property)) : [];
}

export interface ListOptions {
  /** Heavy columns a list leaves out (read later only if a client asks for them). */
  omit?: readonly string[];
  /** Reads each row's author and organisation in the same statement (`MembersPresenter.refsColumns`). */
  members?: Pick<MembersPresenter, 'refsColumns'>;
}

/**
 * One page of posts or templates the viewer may see, newest first (published date, else
 * creation date), in ONE statement on an index of that sort key; the total is counted
 * only when the client asks for it. Rows are plain objects with the entity's properties
 * (no TypeORM hydration: the list is the hot path of the feed).
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
  options: ListOptions = {},
): Promise<{ rows: (T & MemberRefsRow)[]; total: () => Promise<number> }> {
  const select = `SELECT ${selectList(dataSource.getMetadata(entity), options.omit ?? [])} FROM ${table} c WHERE `;
  const where = (alias: string): SqlFilter => {
    const visibility = visibilitySql(viewer, alias);
    const parts = [visibility.sql, ...filters.map((f) => f.sql.replace(/\bc\./g, `${alias}.`))];
    return {
      sql: parts.join(' AND '),
      params: Object.assign({}, visibility.params, ...filters.map((f) => f.params)),
    };
  };
  const limit = Math.trunc(page.limit) + 1;
  const branches = await Promise.all(
    visibilityBranches(viewer, 'c').map((branch) => {
      const conditions = [branch.sql, ...filters.map((f) => f.sql)];
      const params: Record<string, unknown> = Object.assign(
        {},
        branch.params,
        ...filters.map((f) => f.params),
      );
      if (page.after) {
        conditions.push(`(${SORT_KEY('c')}, c.id) < (:afterSort, :afterId)`);
        params['afterSort'] = new Date(String(page.after[0]));
        params['afterId'] = String(page.after[1]);
      }
      const [sql, values] = dataSource.driver.escapeQueryWithParameters(
        `${conditions.map((c) => `(${c})`).join(' AND ')} ORDER BY ${SORT_KEY('c')} DESC, c.id DESC LIMIT ${limit}`,
        params,
      );
      const query = options.members
        ? // Read ahead over the page's rows only, in the same statement.
          `SELECT p.*, ${options.members.refsColumns('p."authorId"', 'p."organisationId"')} FROM (${select + sql}) p
           ORDER BY COALESCE(p."publishedAt", p."createdAt") DESC, p.id DESC`
        : select + sql;
      return dataSource.query<(T & MemberRefsRow)[]>(query, values);
    }),
  );
  const sortKey = (row: T & MemberRefsRow): number => (row.publishedAt ?? row.createdAt).getTime();
  const rows =
    branches.length === 1
      ? branches[0]
      : branches
          .flat()
          .sort((a, b) => sortKey(b) - sortKey(a) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
          .slice(0, limit);
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
