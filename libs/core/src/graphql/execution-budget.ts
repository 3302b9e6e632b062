import type { ApolloServerPlugin } from '@apollo/server';
import {
  type FormattedExecutionResult,
  type GraphQLFieldResolver,
  type GraphQLFormattedError,
  GraphQLObjectType,
  type GraphQLSchema,
  defaultFieldResolver,
  getNamedType,
  isLeafType,
} from 'graphql';
import { RequestLimitError } from '../errors/domain-errors';
import type { GraphQLContext } from './context';
import { MAX_RESPONSE_BYTES, timeoutMessage } from './limits';

/**
 * How large a request's answer has grown while its fields resolve: the length of every
 * value and field name, an estimate that stays close to the JSON's size for text (the
 * exact size is checked once more when the answer is serialised).
 */
export class ResponseBudget {
  used = 0;
  exceeded = false;

  constructor(readonly limit: number = MAX_RESPONSE_BYTES) {}

  /** False once the answer is past the limit. */
  add(bytes: number): boolean {
    this.used += bytes;
    if (this.used > this.limit) this.exceeded = true;
    return !this.exceeded;
  }
}

/** The context property a request's ResponseBudget lives under. */
export const RESPONSE_BUDGET = Symbol('resocc.responseBudget');

export interface BudgetedContext extends GraphQLContext {
  readonly [RESPONSE_BUDGET]?: ResponseBudget;
}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} Mo`.replace('.', ',');
}

export function responseSizeError(limit: number, mutation = false): RequestLimitError {
  return new RequestLimitError(
    'RESPONSE_SIZE',
    `Réponse trop volumineuse : plus de ${megabytes(limit)}. Demandez moins de champs, d'alias ou des pages plus petites.` +
      (mutation ? " L'opération a pu être effectuée : vérifiez son résultat avant de la refaire." : ''),
  );
}

/** The error as formatError shows a domain error. */
function formatted(error: RequestLimitError): GraphQLFormattedError {
  return { message: error.message, extensions: { code: error.code, ...error.extensions() } };
}

/** The size a leaf value adds to the JSON answer, roughly (strings by their length). */
function leafBytes(value: unknown): number {
  if (typeof value === 'string') return value.length + 2;
  if (Array.isArray(value)) {
    let bytes = 2;
    for (const item of value) bytes += leafBytes(item) + 1;
    return bytes;
  }
  // a date, a number, a boolean, null
  return value !== null && typeof value === 'object' ? 32 : 8;
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && 'then' in value && typeof value.then === 'function';
}

/**
 * Wraps every field's resolver once, at start-up (a per-field plugin hook would cost an
 * object and several calls per field):
 * - once the request's deadline passes, no further field resolves (TIMEOUT);
 * - each leaf value is added to the request's ResponseBudget; once past the limit, the
 *   field fails and no further field resolves, so memory stops growing (the whole answer
 *   is then replaced by one RESPONSE_SIZE error, see responseSizePlugin).
 */
export function withExecutionBudgets(timeoutMs: number): (schema: GraphQLSchema) => GraphQLSchema {
  return (schema) => {
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || !(type instanceof GraphQLObjectType)) continue;
      for (const field of Object.values(type.getFields())) {
        const resolve: GraphQLFieldResolver<unknown, BudgetedContext> = field.resolve ?? defaultFieldResolver;
        const leaf = isLeafType(getNamedType(field.type));
        // "name": and a separator
        const keyBytes = field.name.length + 4;
        field.resolve = (source, args, context: BudgetedContext, info) => {
          if (Date.now() > context.deadline)
            throw new RequestLimitError('TIMEOUT', timeoutMessage(timeoutMs));
          const budget = context[RESPONSE_BUDGET];
          if (budget === undefined) return resolve(source, args, context, info);
          if (budget.exceeded) throw responseSizeError(budget.limit);
          const result = resolve(source, args, context, info);
          if (!leaf) {
            budget.add(keyBytes + 2);
            return result;
          }
          const count = (value: unknown): unknown => {
            if (!budget.add(keyBytes + leafBytes(value))) throw responseSizeError(budget.limit);
            return value;
          };
          return isPromiseLike(result) ? result.then(count) : count(result);
        };
      }
    }
    return schema;
  };
}

/** Replaces an answer that went past its budget by one RESPONSE_SIZE error, without its data. */
export function responseSizePlugin(): ApolloServerPlugin<BudgetedContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response, operation }) {
          const budget = contextValue[RESPONSE_BUDGET];
          if (!budget?.exceeded || response.body.kind !== 'single') return;
          const error = responseSizeError(budget.limit, operation?.operation === 'mutation');
          response.body.singleResult = { errors: [formatted(error)] };
        },
      };
    },
  };
}

/**
 * Apollo's serialisation (JSON and a new line), measured: an answer past `limit` bytes that
 * the estimate let through (multi-byte characters, escapes) is replaced by one
 * RESPONSE_SIZE error. Answers shorter than a third of the limit are not counted (UTF-8
 * takes at most 3 bytes per UTF-16 code unit).
 */
export function boundedStringify(
  limit: number = MAX_RESPONSE_BYTES,
): (value: FormattedExecutionResult) => string {
  return (value) => {
    const json = `${JSON.stringify(value)}\n`;
    if (json.length * 3 <= limit || Buffer.byteLength(json) <= limit) return json;
    return `${JSON.stringify({ errors: [formatted(responseSizeError(limit))] })}\n`;
  };
}
