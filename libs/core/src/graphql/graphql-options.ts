import { randomUUID } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import type { AppConfig } from '../config/app-config';
import { createFormatError } from '../errors/format-error';
import { logRequestError } from '../errors/error-logging';
import { serviceUnavailablePlugin, unavailableAsHttpError } from '../errors/service-unavailable.plugin';
import { GRAPHQL_LIMITS, limitRefusal, limitsRule, requestLimitsPlugin } from './limits';
import {
  type BudgetedContext,
  RESPONSE_BUDGET,
  ResponseBudget,
  boundedStringify,
  responseSizePlugin,
  withExecutionBudgets,
} from './execution-budget';
import { variablesLimitError } from './variables-limit';
import type { Logger } from '../logging/logger';
import type { Viewer, ViewerResolver } from '../auth/viewer';
import type { GraphQLContext } from './context';
import { RequestLoaders } from './loaders';

/** The parts of an HTTP request (Fastify or Express) the context needs. */
interface IncomingRequest {
  id?: unknown;
  ip?: string;
  headers: Record<string, string | string[] | undefined>;
  /** POST: the parsed JSON body */
  body?: unknown;
  /** GET: the query string's parameters */
  query?: unknown;
}

function header(request: IncomingRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The request's variables as sent: the POST body's, or the GET parameter's (JSON). */
function variablesOf(request: IncomingRequest): unknown {
  const from = (container: unknown): unknown =>
    container && typeof container === 'object' && 'variables' in container ? container.variables : undefined;
  const variables = from(request.body) ?? from(request.query);
  if (typeof variables !== 'string') return variables;
  try {
    return JSON.parse(variables);
  } catch {
    return undefined; // Apollo answers that it is not JSON
  }
}

export function requestIdOf(request: IncomingRequest): string {
  return typeof request.id === 'string' && request.id !== ''
    ? request.id
    : (header(request, 'x-request-id') ?? randomUUID());
}

/** Logs every error of a request with its request id, at the level its kind calls for (logRequestError). */
function errorLoggingPlugin(logger: Logger): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue, operationName }) {
          for (const error of errors) {
            logRequestError(logger, error, {
              requestId: contextValue?.requestId,
              operationName,
              path: error.path,
            });
          }
        },
      };
    },
  };
}

const NUL = '\u0000';

/** Where a NUL character hides in variables (path like "input.title"), if anywhere. */
function nulPath(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes(NUL) ? path : null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = nulPath(item, `${path}.${i}`);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = nulPath(item, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return null;
}

/** U+0000 is never valid text here (PostgreSQL refuses it): refuse it before anything runs. */
function nulCharacterPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request }) {
          const inQuery = request.query?.includes('\\u0000') || request.query?.includes(NUL);
          const path = nulPath(request.variables ?? {}, '') ?? (inQuery ? 'query' : null);
          if (!path) return;
          throw new GraphQLError('Le caractère nul (U+0000) est interdit.', {
            extensions: {
              code: 'BAD_USER_INPUT',
              fields: [{ path, message: 'Le caractère nul (U+0000) est interdit.' }],
              http: { status: 400 },
            },
          });
        },
      };
    },
  };
}

export interface GraphQLOptionsDeps {
  config: AppConfig;
  logger: Logger;
  viewerResolver: ViewerResolver;
  /** Per-request time budget (tests shorten it). */
  timeoutMs?: number;
}

/** One GraphQL configuration for the API and the tests. */
export function graphqlOptions({
  config,
  logger,
  viewerResolver,
  timeoutMs,
}: GraphQLOptionsDeps): ApolloDriverConfig {
  const timeout = timeoutMs ?? GRAPHQL_LIMITS.timeoutMs;
  return {
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    buildSchemaOptions: { dateScalarMode: 'isoDate', numberScalarMode: 'integer' },
    introspection: !config.isProduction,
    graphiql: !config.isProduction,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    formatError: createFormatError(config.isProduction),
    parseOptions: { maxTokens: GRAPHQL_LIMITS.maxTokens },
    validationRules: [limitsRule({ introspection: !config.isProduction })],
    plugins: [
      // No HTTP caching of GraphQL responses: skip the per-field cache-control bookkeeping.
      ApolloServerPluginCacheControlDisabled(),
      requestLimitsPlugin({ introspection: !config.isProduction, timeoutMs: timeout }),
      nulCharacterPlugin(),
      responseSizePlugin(),
      // a database that does not answer: HTTP 503 with Retry-After for the whole response
      serviceUnavailablePlugin(),
      errorLoggingPlugin(logger),
    ],
    stringifyResult: boundedStringify(GRAPHQL_LIMITS.maxResponseBytes),
    // Nest would set 200 again on any answer with a `data` key, undoing serviceUnavailablePlugin's
    // 503 (our resolvers' errors carry no HTTP status of their own).
    preserveHttpStatusForExecutionErrors: false,
    transformSchema: withExecutionBudgets(timeout),
    // Express passes { req }, Fastify passes the request itself.
    context: async (arg: { req?: IncomingRequest } | IncomingRequest): Promise<BudgetedContext> => {
      const req: IncomingRequest = 'req' in arg && arg.req ? arg.req : (arg as IncomingRequest);
      const deadline = Date.now() + timeout;
      // Before anything walks them (parsing, validation, the NUL check): a clear 400.
      const refused = variablesLimitError(variablesOf(req));
      if (refused) throw limitRefusal(refused);
      let viewer: Viewer;
      try {
        viewer = await viewerResolver.resolve(header(req, 'authorization'));
      } catch (error) {
        // no plugin sees errors of the context: an unavailable database carries its 503 itself
        throw unavailableAsHttpError(error);
      }
      return {
        requestId: requestIdOf(req),
        deadline,
        viewer,
        loaders: new RequestLoaders(),
        ip: req.ip ?? 'unknown',
        [RESPONSE_BUDGET]: new ResponseBudget(GRAPHQL_LIMITS.maxResponseBytes),
      };
    },
  };
}
