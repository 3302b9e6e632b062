import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS, ServiceUnavailableError } from './domain-errors';
import { originalErrorOf } from './format-error';
import { isDatabaseUnavailable } from './unavailable';

/**
 * A response with a SERVICE_UNAVAILABLE error (as formatError mapped it) is HTTP 503 as a
 * whole, with Retry-After: clients, proxies and load balancers see an outage, not a
 * success with errors inside.
 */
export function serviceUnavailablePlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const unavailable = response.body.singleResult.errors?.find(
            (error) => error.extensions?.['code'] === 'SERVICE_UNAVAILABLE',
          );
          if (!unavailable) return;
          const retryAfter = unavailable.extensions?.['retryAfterSeconds'];
          response.http.status = 503;
          response.http.headers.set(
            'retry-after',
            String(typeof retryAfter === 'number' ? retryAfter : SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS),
          );
        },
      };
    },
  };
}

/**
 * For errors thrown while Apollo builds the request's context (before any plugin runs, so
 * serviceUnavailablePlugin cannot see them): an unavailable database becomes a GraphQL
 * error that carries its HTTP status and Retry-After itself; anything else is left as is.
 */
export function unavailableAsHttpError(error: unknown): unknown {
  if (!isDatabaseUnavailable(originalErrorOf(error))) return error;
  const unavailable = new ServiceUnavailableError();
  return new GraphQLError(unavailable.message, {
    originalError: error instanceof Error ? error : undefined,
    extensions: {
      code: unavailable.code,
      ...unavailable.extensions(),
      http: { status: 503, headers: new Map([['retry-after', String(unavailable.retryAfterSeconds)]]) },
    },
  });
}
