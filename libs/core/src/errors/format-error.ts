import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { DomainError, type FieldError, ServiceUnavailableError } from './domain-errors';
import { isDatabaseUnavailable } from './unavailable';

const INTERNAL_MESSAGE = 'Une erreur interne est survenue. Réessayez plus tard.';

/** Codes Apollo Server itself produces for requests it refuses before any resolver runs. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/** Codes our own code sets on GraphQLErrors (e.g. the context's UNAUTHENTICATED for a bad token). */
const CLIENT_CODES = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'RATE_LIMITED']);

function unwrap(error: unknown): unknown {
  let current = error;
  for (let i = 0; i < 5 && current instanceof GraphQLError && current.originalError; i++) {
    current = current.originalError;
  }
  return current;
}

/** Names the input field of a graphql-js variable coercion error ("Variable "$input" got invalid value ..."). */
function coercionField(message: string): FieldError {
  const variable = /Variable "\$([^"]+)"/.exec(message)?.[1];
  const at = /at "([^"]+)"/.exec(message)?.[1];
  const field = /Field "([^"]+)" of required type/.exec(message)?.[1];
  let path = at ?? variable ?? 'variables';
  if (field && at) path = `${at}.${field}`;
  else if (field && variable && !at) path = `${variable}.${field}`;
  return { path, message: `Valeur invalide : ${message}` };
}

/** The error a GraphQL error stands for: its original error, if it has one. */
export function originalErrorOf(error: unknown): unknown {
  return unwrap(error);
}

/** True when an error is one we mean to show to clients (not a bug or an outage). */
export function isExpectedError(error: unknown): boolean {
  const original = unwrap(error);
  if (original instanceof ServiceUnavailableError) return false;
  if (original instanceof DomainError) return true;
  if (error instanceof GraphQLError) {
    const code = error.extensions?.['code'];
    if (typeof code === 'string' && (REQUEST_ERROR_CODES.has(code) || CLIENT_CODES.has(code))) return true;
    // graphql-js errors with no original error are about the request itself
    if (!error.originalError) return true;
  }
  return false;
}

/**
 * The single mapping from thrown errors to what clients see. Domain errors keep their
 * code and French message; request errors become BAD_USER_INPUT naming what is wrong;
 * everything else is masked as INTERNAL_SERVER_ERROR without a stack trace.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  return formatError(formatted, error, false);
}

/** "Did you mean ..." reveals the schema: production answers without it. */
function withoutSuggestions(message: string): string {
  return message.replace(/\s*Did you mean .*$/s, '');
}

/** Which limit a request-level error stands for, when it is one. */
function limitOf(formatted: GraphQLFormattedError): string | undefined {
  const limit = formatted.extensions?.['limit'];
  if (typeof limit === 'string') return limit;
  if (/Document contains more th\w+ \d+ tokens/.test(formatted.message)) return 'MAX_TOKENS';
  if (/batching/i.test(formatted.message)) return 'BATCHING';
  return undefined;
}

export function createFormatError(production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError =>
    formatError(formatted, error, production);
}

function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  production: boolean,
): GraphQLFormattedError {
  if (production) formatted = { ...formatted, message: withoutSuggestions(formatted.message) };
  const base: GraphQLFormattedError = {
    message: formatted.message,
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
  };
  let original = unwrap(error);
  // A database that does not answer (down, frozen, past statement_timeout or the pool's
  // wait): nothing the client did wrong, worth a retry later.
  if (!(original instanceof DomainError) && isDatabaseUnavailable(original))
    original = new ServiceUnavailableError();
  if (original instanceof DomainError) {
    return {
      ...base,
      message: original.message,
      extensions: { code: original.code, ...original.extensions() },
    };
  }
  const code = formatted.extensions?.['code'];
  if (typeof code === 'string' && CLIENT_CODES.has(code)) {
    return {
      ...base,
      message: formatted.message.replace(/^Context creation failed: /, ''),
      extensions: { code },
    };
  }
  if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) {
    if (code === 'BAD_USER_INPUT') {
      const given = formatted.extensions?.['fields'];
      const fields = Array.isArray(given) ? given : [coercionField(formatted.message)];
      return { ...base, extensions: { code: 'BAD_USER_INPUT', fields } };
    }
    const limit = limitOf(formatted);
    return {
      ...base,
      extensions: {
        code: 'BAD_USER_INPUT',
        reason: code,
        ...(limit ? { limit } : {}),
        fields: [{ path: 'query', message: formatted.message }],
      },
    };
  }
  // graphql-js's own argument errors at run time (e.g. an explicit null for a non-null argument).
  const argument = /^Argument "([^"]+)"/.exec(formatted.message)?.[1];
  if (argument && original instanceof GraphQLError && !original.originalError) {
    return {
      ...base,
      extensions: { code: 'BAD_USER_INPUT', fields: [{ path: argument, message: formatted.message }] },
    };
  }
  // PostgreSQL refused a value as data (class 22: bad byte sequence, bad text representation...):
  // a bad input that slipped through validation, never a reason to answer INTERNAL_SERVER_ERROR.
  const sqlState = (original as { driverError?: { code?: unknown } } | undefined)?.driverError?.code;
  if (typeof sqlState === 'string' && sqlState.startsWith('22')) {
    return {
      ...base,
      message: 'Une valeur envoyée est invalide.',
      extensions: {
        code: 'BAD_USER_INPUT',
        fields: [{ path: formatted.path?.join('.') ?? 'query', message: 'Valeur invalide.' }],
      },
    };
  }
  if (error instanceof GraphQLError && !error.originalError && !formatted.path) {
    return {
      ...base,
      extensions: { code: 'BAD_USER_INPUT', fields: [{ path: 'query', message: formatted.message }] },
    };
  }
  return {
    message: INTERNAL_MESSAGE,
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
