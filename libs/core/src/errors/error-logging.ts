import { GraphQLError } from 'graphql';
import type { Logger } from '../logging/logger';
import { DomainError } from './domain-errors';
import { isExpectedError, originalErrorOf } from './format-error';
import { isDatabaseUnavailable } from './unavailable';

/**
 * How an error met while serving a request is logged:
 * - client errors (BAD_USER_INPUT, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT,
 *   RATE_LIMITED and the request errors GraphQL itself reports) quietly, with their code:
 *   anyone can cause them at will, so they must not fill the error log;
 * - an unavailable database at warn (SERVICE_UNAVAILABLE): an outage, said once per request;
 * - anything else at error: a bug to look into.
 */
export interface ErrorLogEntry {
  kind: 'client' | 'unavailable' | 'unexpected';
  code: string;
}

export function errorLogEntry(error: unknown): ErrorLogEntry {
  const original = originalErrorOf(error);
  if (original instanceof DomainError) {
    return { kind: original.code === 'SERVICE_UNAVAILABLE' ? 'unavailable' : 'client', code: original.code };
  }
  if (isDatabaseUnavailable(original)) return { kind: 'unavailable', code: 'SERVICE_UNAVAILABLE' };
  if (isExpectedError(error)) {
    const code = error instanceof GraphQLError ? error.extensions?.['code'] : undefined;
    return { kind: 'client', code: typeof code === 'string' ? code : 'BAD_USER_INPUT' };
  }
  return { kind: 'unexpected', code: 'INTERNAL_SERVER_ERROR' };
}

/**
 * Logs one error of a GraphQL request with its request id: client errors at info, an
 * unavailable database at warn (with the driver's message), anything else at error with
 * the whole error (stack included; clients only ever see the masked form).
 */
export function logRequestError(logger: Logger, error: unknown, fields: Record<string, unknown>): void {
  const entry = errorLogEntry(error);
  const original = originalErrorOf(error);
  const message = original instanceof Error ? original.message : String(original);
  if (entry.kind === 'client') logger.info({ ...fields, code: entry.code }, `client error: ${message}`);
  else if (entry.kind === 'unavailable')
    logger.warn({ ...fields, code: entry.code, cause: message }, 'database unavailable');
  else
    logger.error(
      { ...fields, code: entry.code, err: original },
      'Unexpected error while executing a GraphQL operation',
    );
}
