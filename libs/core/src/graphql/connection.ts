import { type Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { BadUserInputError } from '../errors/domain-errors';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@ObjectType('PageInfo')
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field()
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ArgsType()
export class PaginationArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Page size: ${DEFAULT_PAGE_SIZE} by default, ${MAX_PAGE_SIZE} at most.`,
  })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge already read.' })
  after?: string | null;
}

export type CursorValue = string | number;

/** Cursors are opaque: base64url of a JSON array of the keyset values. */
export function encodeCursor(values: readonly CursorValue[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

/** What each value of a cursor must be: a timestamp, a uuid, a short text or a whole number. */
export type CursorKind = 'date' | 'uuid' | 'text' | 'int';

/** Keyset cursors of the content and most lists: (timestamp, uuid). */
export const DATE_ID_CURSOR: readonly CursorKind[] = ['date', 'uuid'];

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function valueFits(value: CursorValue, kind: CursorKind): boolean {
  switch (kind) {
    case 'date':
      return (
        typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value))
      );
    case 'uuid':
      return typeof value === 'string' && UUID_PATTERN.test(value);
    case 'text':
      return typeof value === 'string' && !value.includes('\u0000');
    case 'int':
      return typeof value === 'number' && Number.isInteger(value) && value >= 0;
  }
}

export function decodeCursor(
  cursor: string,
  shape: number | readonly CursorKind[],
  path = 'after',
): CursorValue[] {
  const arity = typeof shape === 'number' ? shape : shape.length;
  const invalid = (): BadUserInputError => BadUserInputError.field(path, "Ce curseur n'est pas valide.");
  if (
    typeof cursor !== 'string' ||
    cursor.length === 0 ||
    cursor.length > 500 ||
    !/^[A-Za-z0-9_-]+$/.test(cursor)
  ) {
    throw invalid();
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== arity ||
    !parsed.every(
      (v) => (typeof v === 'string' && v.length <= 200) || (typeof v === 'number' && Number.isFinite(v)),
    ) ||
    (typeof shape !== 'number' && !(parsed as CursorValue[]).every((v, i) => valueFits(v, shape[i])))
  ) {
    throw invalid();
  }
  return parsed as CursorValue[];
}

export interface PageRequest {
  /** Rows to show. */
  limit: number;
  /** Decoded `after` cursor, when given. */
  after: CursorValue[] | null;
}

/** Validates `first` and `after`; fetch `limit + 1` rows to learn whether a next page exists. */
export function pageRequest(
  args: PaginationArgs,
  cursorShape: readonly CursorKind[],
  prefix = '',
): PageRequest {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw BadUserInputError.field(`${prefix}first`, `Doit être un nombre entier de 0 à ${MAX_PAGE_SIZE}.`);
  }
  const after = args.after == null ? null : decodeCursor(args.after, cursorShape, `${prefix}after`);
  return { limit: first, after };
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

/** The total of a list: a number, or a function that counts only when a client asks for `totalCount`. */
export type TotalCount = number | (() => Promise<number>);

export interface ConnectionShape<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number | Promise<number>;
}

/** An edge whose cursor is encoded only if a client asks for it (lists rarely do per edge). */
class LazyCursorEdge<R, T> implements Edge<T> {
  private encoded: string | undefined;

  constructor(
    private readonly row: R,
    readonly node: T,
    private readonly cursorOf: (row: R) => CursorValue[],
  ) {}

  get cursor(): string {
    return (this.encoded ??= encodeCursor(this.cursorOf(this.row)));
  }
}

/** Builds a connection from up to `limit + 1` rows fetched after the cursor. */
export function toConnection<R, T>(
  rows: readonly R[],
  page: PageRequest,
  cursorOf: (row: R) => CursorValue[],
  toNode: (row: R) => T,
  totalCount: TotalCount,
): ConnectionShape<T> {
  const visible = rows.slice(0, page.limit);
  const edges = visible.map((row) => new LazyCursorEdge(row, toNode(row), cursorOf));
  const connection = {
    edges,
    totalCount: 0 as number | Promise<number>,
    pageInfo: {
      hasNextPage: rows.length > page.limit,
      hasPreviousPage: page.after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
  // A getter: the count runs only when the field is resolved, once.
  let counted: number | Promise<number> | undefined;
  Object.defineProperty(connection, 'totalCount', {
    enumerable: true,
    get: () => (counted ??= typeof totalCount === 'function' ? totalCount() : totalCount),
  });
  return connection;
}

export interface ConnectionTypes<T> {
  Edge: Type<Edge<T>>;
  Connection: Type<ConnectionShape<T>>;
}

/** Declares the `<Name>Edge` and `<Name>Connection` GraphQL types of a node type. */
export function connectionTypes<T>(nodeType: () => Type<T> | object, name: string): ConnectionTypes<T> {
  @ObjectType(`${name}Edge`)
  class EdgeType implements Edge<T> {
    @Field()
    cursor!: string;

    @Field(nodeType)
    node!: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionType implements ConnectionShape<T> {
    @Field(() => [EdgeType])
    edges!: EdgeType[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int)
    totalCount!: number | Promise<number>;
  }

  return { Edge: EdgeType, Connection: ConnectionType };
}
