// The one way the web server reads data: a typed GraphQL operation sent to the API.
// Nothing is cached here: every page shows what the API shows to this viewer, now.
import type { TypedDocumentString } from '../gql/graphql';
import { webConfig } from './config';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly codes: readonly string[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

const TIMEOUT_MS = 10_000;

export async function query<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  ...[variables]: TVariables extends Record<string, never> ? [] : [TVariables]
): Promise<TResult> {
  const res = await fetch(`${webConfig().apiUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
    cache: 'no-store',
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  let body: GraphQLResponse<TResult>;
  try {
    body = (await res.json()) as GraphQLResponse<TResult>;
  } catch {
    throw new ApiError(`API answered ${res.status} without JSON`);
  }
  if (body.errors !== undefined && body.errors.length > 0) {
    throw new ApiError(
      body.errors.map((e) => e.message).join('; '),
      body.errors.map((e) => e.extensions?.code ?? 'UNKNOWN'),
    );
  }
  if (body.data === undefined || body.data === null)
    throw new ApiError(`API answered ${res.status} without data`);
  return body.data;
}

/** True when the API refused the id itself (malformed), which a page shows as "not found". */
export function isBadInput(error: unknown): boolean {
  return error instanceof ApiError && error.codes.includes('BAD_USER_INPUT');
}

/**
 * A cursor-paged read: a cursor the API refuses (edited by hand, or from before a change)
 * gives the first page instead of an error.
 */
export async function withCursor<T>(
  after: string | undefined,
  read: (after: string | undefined) => Promise<T>,
): Promise<T> {
  try {
    return await read(after);
  } catch (error) {
    if (after === undefined || !isBadInput(error)) throw error;
    return read(undefined);
  }
}
