/**
 * Recognises the errors of a database that does not answer (down, stopped, frozen, out of
 * connections, past the time bounds), as opposed to a database that refused a statement:
 * those are worth a retry later (SERVICE_UNAVAILABLE), not a bug report.
 */

/**
 * SQLSTATEs of an unavailable server: class 08 (connection exception), 57014 (statement
 * cancelled: statement_timeout), 57P01-57P03 (shutting down, crashed, starting up), 53300
 * (too many connections).
 */
const UNAVAILABLE_SQLSTATE = /^(08...|57014|57P0[123]|53300)$/;

/** Network errors of the connection to the server. */
const UNAVAILABLE_ERRNO = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** What pg and pg-pool say when a connection cannot be had or was lost. */
const UNAVAILABLE_MESSAGE =
  /^(timeout exceeded when trying to connect|Connection terminated|Query read timeout|Client has encountered a connection error and is not queryable|Client was closed and is not queryable)/;

interface ErrorShape {
  code?: unknown;
  message?: unknown;
  driverError?: unknown;
  errors?: unknown;
  thrownValue?: unknown;
}

function shape(value: unknown): ErrorShape | undefined {
  return value !== null && typeof value === 'object' ? (value as ErrorShape) : undefined;
}

/**
 * True for an error of an unavailable database: the error itself, the driver error a
 * TypeORM QueryFailedError wraps, one of an AggregateError's (a connection tried on
 * several addresses), or the value graphql-js wrapped when it did not take it for an Error
 * (an error of another realm, as in Jest). Causes are not followed: a search engine's
 * network error wraps its own and is not the database's.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  const e = shape(error);
  if (!e || depth > 3) return false;
  if (typeof e.code === 'string' && (UNAVAILABLE_SQLSTATE.test(e.code) || UNAVAILABLE_ERRNO.has(e.code)))
    return true;
  if (typeof e.message === 'string' && UNAVAILABLE_MESSAGE.test(e.message)) return true;
  for (const inner of [e.driverError, e.thrownValue])
    if (inner !== undefined && isDatabaseUnavailable(inner, depth + 1)) return true;
  return Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1));
}
