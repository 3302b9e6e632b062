import { Inject, Injectable } from '@nestjs/common';
import { DATA_SOURCE } from '@resocc/core';
import type { DataSource, EntityMetadata, ObjectLiteral } from 'typeorm';
import { OrganisationEntity } from './organisations/organisation.entity';
import { UserEntity } from './users/user.entity';

/** Column types whose JSON form is the hydrated value, dates aside (ISO strings, parsed here). */
const JSON_TYPES = new Set<unknown>(['uuid', 'varchar', 'char', 'text', 'enum', 'boolean', 'int']);
const DATE_TYPES = new Set<unknown>(['timestamptz']);

/** How to read one entity from `to_jsonb(row)`: column name, property name, is a date. */
type JsonColumns = readonly (readonly [string, string, boolean])[];

function jsonColumns(metadata: EntityMetadata): JsonColumns {
  return metadata.columns.map((column) => {
    if (column.transformer || !(JSON_TYPES.has(column.type) || DATE_TYPES.has(column.type)))
      throw new Error(`${metadata.name}.${column.propertyName}: column type not readable from JSON`);
    return [column.databaseName, column.propertyName, DATE_TYPES.has(column.type)] as const;
  });
}

function fromJson<T extends ObjectLiteral>(columns: JsonColumns, json: Record<string, unknown>): T {
  const entity: Record<string, unknown> = {};
  for (const [name, property, isDate] of columns) {
    const value = json[name];
    entity[property] = isDate && typeof value === 'string' ? new Date(value) : value;
  }
  return entity as T;
}

/** What `MemberRefsRepository.columns` adds to each row of another module's query. */
export interface MemberRefsRow {
  /** The row's account, as `to_jsonb` wrote it. */
  memberUser?: Record<string, unknown> | null;
  /** The row's organisation, as `to_jsonb` wrote it. */
  memberOrganisation?: Record<string, unknown> | null;
}

/**
 * Accounts and organisations by id in ONE statement (the authors and organisations of a
 * page of content), or read ahead inside another module's statement (`columns`); read as
 * JSON and mapped to plain entity objects (no TypeORM hydration).
 */
@Injectable()
export class MemberRefsRepository {
  private readonly sql: string;
  private readonly userTable: string;
  private readonly organisationTable: string;
  private readonly userColumns: JsonColumns;
  private readonly organisationColumns: JsonColumns;

  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {
    const users = dataSource.getMetadata(UserEntity);
    const organisations = dataSource.getMetadata(OrganisationEntity);
    this.userTable = users.tablePath;
    this.organisationTable = organisations.tablePath;
    this.userColumns = jsonColumns(users);
    this.organisationColumns = jsonColumns(organisations);
    this.sql = `SELECT 'User' AS type, to_jsonb(u) AS row FROM ${this.userTable} u WHERE u.id = ANY($1::uuid[])
      UNION ALL SELECT 'Organisation', to_jsonb(o) FROM ${this.organisationTable} o WHERE o.id = ANY($2::uuid[])`;
  }

  async byIds(
    userIds: readonly string[],
    organisationIds: readonly string[],
  ): Promise<{ users: UserEntity[]; organisations: OrganisationEntity[] }> {
    const rows: { type: 'User' | 'Organisation'; row: Record<string, unknown> }[] =
      await this.dataSource.query(this.sql, [userIds, organisationIds]);
    const users: UserEntity[] = [];
    const organisations: OrganisationEntity[] = [];
    for (const { type, row } of rows) {
      if (type === 'User') users.push(this.user(row));
      else organisations.push(this.organisation(row));
    }
    return { users, organisations };
  }

  /**
   * SELECT items that read, for each row of another query, the account and organisation
   * whose ids are the SQL expressions given (as `MemberRefsRow`).
   */
  columns(userIdSql: string, organisationIdSql: string): string {
    return `(SELECT to_jsonb(u) FROM ${this.userTable} u WHERE u.id = ${userIdSql}) AS "memberUser",
      (SELECT to_jsonb(o) FROM ${this.organisationTable} o WHERE o.id = ${organisationIdSql}) AS "memberOrganisation"`;
  }

  user(json: Record<string, unknown>): UserEntity {
    return fromJson<UserEntity>(this.userColumns, json);
  }

  organisation(json: Record<string, unknown>): OrganisationEntity {
    return fromJson<OrganisationEntity>(this.organisationColumns, json);
  }
}
