import { Inject, Injectable } from '@nestjs/common';
import { DATA_SOURCE } from '@resocc/core';
import type { DataSource, EntityMetadata } from 'typeorm';
import { OrganisationEntity } from './organisations/organisation.entity';
import { UserEntity } from './users/user.entity';

/** What other modules show of an account (as an author): no password hash. */
export const USER_REF_FIELDS = [
  'id',
  'organisationId',
  'displayName',
  'email',
  'grantedRoles',
  'emailVerifiedAt',
  'membershipApprovedAt',
  'referent',
  'deletedAt',
  'createdAt',
] as const;
export type UserRef = Pick<UserEntity, (typeof USER_REF_FIELDS)[number]>;

/** What other modules show of an organisation. */
export const ORGANISATION_REF_FIELDS = [
  'id',
  'name',
  'siret',
  'kind',
  'departmentCode',
  'website',
  'membershipStatus',
  'membershipStatusChangedAt',
  'membershipStatusReason',
  'trusted',
  'verifiedEmailDomains',
  'createdAt',
] as const;
export type OrganisationRef = Pick<OrganisationEntity, (typeof ORGANISATION_REF_FIELDS)[number]>;

/** Column types whose JSON form is the entity's value, dates aside (ISO strings, parsed here). */
const JSON_TYPES = new Set<unknown>(['uuid', 'varchar', 'char', 'text', 'enum', 'boolean', 'int']);

/** How to read a ref from `json_build_array(...)`: the SQL list, and each value's property and kind. */
interface RefShape {
  sql: (alias: string) => string;
  fields: readonly (readonly [property: string, isDate: boolean])[];
}

function refShape(metadata: EntityMetadata, properties: readonly string[]): RefShape {
  if (properties[0] !== 'id') throw new Error(`${metadata.name} refs must start with the id`);
  const columns = properties.map((property) => {
    const column = metadata.findColumnWithPropertyName(property);
    if (!column || column.transformer || !(JSON_TYPES.has(column.type) || column.type === 'timestamptz'))
      throw new Error(`${metadata.name}.${property}: not readable from JSON`);
    return column;
  });
  return {
    sql: (alias) => `json_build_array(${columns.map((c) => `${alias}.${c.databaseName}`).join(', ')})`,
    fields: columns.map((c) => [c.propertyName, c.type === 'timestamptz'] as const),
  };
}

function fromJson<T>(shape: RefShape, values: readonly unknown[]): T {
  const ref: Record<string, unknown> = {};
  const { fields } = shape;
  for (let i = 0; i < fields.length; i++) {
    const [property, isDate] = fields[i];
    const value = values[i];
    ref[property] = isDate && typeof value === 'string' ? new Date(value) : value;
  }
  return ref as T;
}

/** What `MemberRefsRepository.columns` adds to each row of another module's query. */
export interface MemberRefsRow {
  /** The row's account, as a JSON array (see `USER_REF_FIELDS`). */
  memberUser?: unknown[] | null;
  /** The row's organisation, as a JSON array (see `ORGANISATION_REF_FIELDS`). */
  memberOrganisation?: unknown[] | null;
}

/**
 * Accounts and organisations as other modules show them, by id in ONE statement (the
 * authors and organisations of a page of content) or read ahead inside another module's
 * statement (`columns`); read as compact JSON arrays, mapped through the entity metadata.
 */
@Injectable()
export class MemberRefsRepository {
  private readonly byIdsSql: string;
  private readonly userTable: string;
  private readonly organisationTable: string;
  private readonly userShape: RefShape;
  private readonly organisationShape: RefShape;

  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {
    const users = dataSource.getMetadata(UserEntity);
    const organisations = dataSource.getMetadata(OrganisationEntity);
    this.userTable = users.tablePath;
    this.organisationTable = organisations.tablePath;
    this.userShape = refShape(users, USER_REF_FIELDS);
    this.organisationShape = refShape(organisations, ORGANISATION_REF_FIELDS);
    this.byIdsSql = `SELECT 'User' AS type, ${this.userShape.sql('u')} AS row
      FROM ${this.userTable} u WHERE u.id = ANY($1::uuid[])
      UNION ALL SELECT 'Organisation', ${this.organisationShape.sql('o')}
      FROM ${this.organisationTable} o WHERE o.id = ANY($2::uuid[])`;
  }

  async byIds(
    userIds: readonly string[],
    organisationIds: readonly string[],
  ): Promise<{ users: UserRef[]; organisations: OrganisationRef[] }> {
    const rows: { type: 'User' | 'Organisation'; row: unknown[] }[] = await this.dataSource.query(
      this.byIdsSql,
      [userIds, organisationIds],
    );
    const users: UserRef[] = [];
    const organisations: OrganisationRef[] = [];
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
    return `(SELECT ${this.userShape.sql('u')} FROM ${this.userTable} u WHERE u.id = ${userIdSql}) AS "memberUser",
      (SELECT ${this.organisationShape.sql('o')} FROM ${this.organisationTable} o
       WHERE o.id = ${organisationIdSql}) AS "memberOrganisation"`;
  }

  /** The id of a ref read as a JSON array (ids come first). */
  idOf(values: readonly unknown[]): string {
    return String(values[0]);
  }

  user(values: readonly unknown[]): UserRef {
    return fromJson<UserRef>(this.userShape, values);
  }

  organisation(values: readonly unknown[]): OrganisationRef {
    return fromJson<OrganisationRef>(this.organisationShape, values);
  }
}
