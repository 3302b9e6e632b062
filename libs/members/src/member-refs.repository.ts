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

/**
 * Accounts and organisations by id in ONE statement (the authors and organisations of a
 * page of content), read as JSON and mapped to plain entity objects (no TypeORM hydration).
 */
@Injectable()
export class MemberRefsRepository {
  private readonly sql: string;
  private readonly userColumns: JsonColumns;
  private readonly organisationColumns: JsonColumns;

  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {
    const users = dataSource.getMetadata(UserEntity);
    const organisations = dataSource.getMetadata(OrganisationEntity);
    this.userColumns = jsonColumns(users);
    this.organisationColumns = jsonColumns(organisations);
    this.sql = `SELECT 'User' AS type, to_jsonb(u) AS row FROM ${users.tablePath} u WHERE u.id = ANY($1::uuid[])
      UNION ALL SELECT 'Organisation', to_jsonb(o) FROM ${organisations.tablePath} o WHERE o.id = ANY($2::uuid[])`;
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
      if (type === 'User') users.push(fromJson<UserEntity>(this.userColumns, row));
      else organisations.push(fromJson<OrganisationEntity>(this.organisationColumns, row));
    }
    return { users, organisations };
  }
}
