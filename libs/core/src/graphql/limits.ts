import type { ApolloServerPlugin } from '@apollo/server';
import {
  type ASTNode,
  type ASTVisitor,
  BREAK,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { RequestLimitError } from '../errors/domain-errors';
import type { GraphQLContext } from './context';
import { operationCost } from './cost';

export { CHARS_PER_COST_UNIT, DEFAULT_LIST_LENGTH, FIELD_BOUNDS, type FieldBound } from './cost-table';

/** Past this many bytes, an answer is replaced by a RESPONSE_SIZE error (execution-budget.ts). */
export const MAX_RESPONSE_BYTES = 5 * 1024 * 1024;

/** The limits every request must stay within (OWASP GraphQL cheat sheet, graphql-armor's defaults). */
export const GRAPHQL_LIMITS = {
  maxDepth: 8,
  maxAliases: 15,
  maxDirectives: 50,
  maxTokens: 1000,
  /**
   * Sum of field costs (cost.ts, bounds in cost-table.ts): 1 per field, text fields in
   * proportion to their bound, lists by their length or page size. One unit is about
   * 100 bytes of answer at most.
   */
  maxCost: 250_000,
  /** Per request, from its arrival: checked during validation and before each field resolves. */
  timeoutMs: 10_000,
  /** The whole validation of a document, whatever is left of the request's time. */
  validationBudgetMs: 1_000,
  /** Nesting of objects and lists in the variables. */
  maxVariablesDepth: 20,
  /** Values (objects, lists, scalars) in the variables. */
  maxVariablesValues: 10_000,
  maxResponseBytes: MAX_RESPONSE_BYTES,
} as const;

export type LimitName =
  | 'MAX_DEPTH'
  | 'MAX_ALIASES'
  | 'MAX_DIRECTIVES'
  | 'MAX_TOKENS'
  | 'MAX_COST'
  | 'TIMEOUT'
  | 'BODY_SIZE'
  | 'BATCHING'
  | 'VARIABLES'
  | 'RESPONSE_SIZE';

/** A refused request: BAD_USER_INPUT with a stable `limit` name, no internals. */
export function limitError(
  limit: LimitName,
  message: string,
  nodes?: readonly FieldNode[] | FieldNode,
): GraphQLError {
  return new GraphQLError(message, { nodes, extensions: { code: 'BAD_USER_INPUT', limit } });
}

/** A limit error thrown from a server hook: HTTP 400, shown as the domain error it wraps. */
export function limitRefusal(error: RequestLimitError): GraphQLError {
  return new GraphQLError(error.message, {
    originalError: error,
    extensions: { code: error.code, http: { status: 400 } },
  });
}

export function timeoutMessage(timeoutMs: number): string {
  return `Requête interrompue : plus de ${timeoutMs / 1000} s de traitement.`;
}

/** "1 234 567"; "plus de 1 000 milliards" past that (fragment bombs reach 10^27). */
export function formatCount(value: number): string {
  return value > 1e12 ? 'plus de 1 000 milliards' : Math.round(value).toLocaleString('fr-FR');
}

// ---------------------------------------------------------------------------------------
// Validation: depth, aliases and directives, each fragment measured once.

interface Shape {
  /** Levels of fields below the selection set (introspection and `__typename` excluded). */
  depth: number;
  /** Aliases and directives as executed: a fragment spread twice counts twice. */
  aliases: number;
  directives: number;
}

const EMPTY_SHAPE: Shape = { depth: 0, aliases: 0, directives: 0 };

function isIntrospectionRoot(name: string): boolean {
  return name === '__schema' || name === '__type';
}

/**
 * The shapes of a document's selection sets, with each fragment measured once (memoised by
 * name), so that the work grows with the document's size even when fragments spread each
 * other again and again. A fragment met again while it is being measured (a cycle, which
 * NoFragmentCyclesRule reports) counts as empty.
 */
class ShapeMeter {
  private readonly fragments = new Map<string, FragmentDefinitionNode>();
  private readonly measured = new Map<string, Shape>();
  private readonly measuring = new Set<string>();

  constructor(
    document: DocumentNode,
    private readonly introspection: boolean,
  ) {
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) this.fragments.set(definition.name.value, definition);
    }
  }

  selectionSet(set: SelectionSetNode): Shape {
    const shape: Shape = { depth: 0, aliases: 0, directives: 0 };
    for (const selection of set.selections) {
      shape.directives += selection.directives?.length ?? 0;
      let inner: Shape;
      let levels = 0;
      if (selection.kind === Kind.FIELD) {
        if (selection.alias) shape.aliases++;
        const name = selection.name.value;
        if (!selection.selectionSet) {
          if (!name.startsWith('__')) shape.depth = Math.max(shape.depth, 1);
          continue;
        }
        inner = this.selectionSet(selection.selectionSet);
        // Introspection is exempt from depth where it is enabled (its own rule bounds it).
        if (this.introspection && isIntrospectionRoot(name)) inner = { ...inner, depth: 0 };
        else levels = 1;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        inner = this.selectionSet(selection.selectionSet);
      } else {
        inner = this.fragment(selection.name.value);
      }
      shape.depth = Math.max(shape.depth, levels + inner.depth);
      shape.aliases += inner.aliases;
      shape.directives += inner.directives;
    }
    return shape;
  }

  private fragment(name: string): Shape {
    const known = this.measured.get(name);
    if (known) return known;
    const fragment = this.fragments.get(name);
    if (!fragment || this.measuring.has(name)) return EMPTY_SHAPE;
    this.measuring.add(name);
    const inner = this.selectionSet(fragment.selectionSet);
    this.measuring.delete(name);
    const shape = { ...inner, directives: inner.directives + (fragment.directives?.length ?? 0) };
    this.measured.set(name, shape);
    return shape;
  }
}

/** When each document's request runs out of time, registered before its validation starts. */
const validationDeadlines = new WeakMap<DocumentNode, number>();

export interface LimitsRuleOptions {
  /** Introspection is enabled: `__schema` and `__type` are exempt from depth (and cost). */
  introspection: boolean;
  /** The clock, in ms (tests pass their own). */
  now?: () => number;
  /** Overrides GRAPHQL_LIMITS.validationBudgetMs. */
  validationBudgetMs?: number;
}

/** How many nodes the validation visits between two looks at the clock. */
const CLOCK_EVERY = 16;

/**
 * Depth, aliases and directives of each operation, and a time budget for the whole
 * validation (GRAPHQL_LIMITS.validationBudgetMs, or less when the request's deadline comes
 * first): once it is spent, TIMEOUT is reported, so the request stops there instead of
 * executing. (A rule cannot stop graphql-js's other rules, which are linear in a document
 * of at most maxTokens; the clock is read along the way and once more at the end.)
 */
export function limitsRule(options: LimitsRuleOptions): ValidationRule {
  const now = options.now ?? Date.now;
  const budgetMs = options.validationBudgetMs ?? GRAPHQL_LIMITS.validationBudgetMs;
  return (context: ValidationContext): ASTVisitor => {
    const document = context.getDocument();
    const meter = new ShapeMeter(document, options.introspection);
    const end = Math.min(now() + budgetMs, validationDeadlines.get(document) ?? Infinity);
    let visited = 0;
    const outOfTime = (): boolean => {
      if (now() < end) return false;
      context.reportError(
        limitError('TIMEOUT', 'Requête interrompue pendant sa validation : délai de traitement dépassé.'),
      );
      return true;
    };
    return {
      enter(node: ASTNode) {
        if (visited++ % CLOCK_EVERY === 0 && outOfTime()) return BREAK;
        if (node.kind === Kind.OPERATION_DEFINITION) checkOperation(context, meter, node);
        return undefined;
      },
      leave(node: ASTNode) {
        if (node.kind === Kind.DOCUMENT) outOfTime();
      },
    };
  };
}

function checkOperation(
  context: ValidationContext,
  meter: ShapeMeter,
  operation: OperationDefinitionNode,
): void {
  const shape = meter.selectionSet(operation.selectionSet);
  const directives = shape.directives + (operation.directives?.length ?? 0);
  if (shape.depth > GRAPHQL_LIMITS.maxDepth) {
    context.reportError(
      limitError(
        'MAX_DEPTH',
        `Requête trop imbriquée : ${shape.depth} niveaux, ${GRAPHQL_LIMITS.maxDepth} au plus.`,
      ),
    );
  }
  if (shape.aliases > GRAPHQL_LIMITS.maxAliases) {
    context.reportError(
      limitError(
        'MAX_ALIASES',
        `Trop d'alias : ${formatCount(shape.aliases)}, ${GRAPHQL_LIMITS.maxAliases} au plus.`,
      ),
    );
  }
  if (directives > GRAPHQL_LIMITS.maxDirectives) {
    context.reportError(
      limitError(
        'MAX_DIRECTIVES',
        `Trop de directives : ${formatCount(directives)}, ${GRAPHQL_LIMITS.maxDirectives} au plus.`,
      ),
    );
  }
}

// ---------------------------------------------------------------------------------------
// Per request: the validation's deadline, and the cost (it depends on the variables, and a
// validated document is cached and not validated again).

export interface RequestLimitsOptions {
  introspection: boolean;
  timeoutMs: number;
}

export function requestLimitsPlugin({
  introspection,
  timeoutMs,
}: RequestLimitsOptions): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async validationDidStart({ document, contextValue }) {
          validationDeadlines.set(document, contextValue.deadline);
        },
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          if (!operation) return;
          const cost = operationCost(schema, document, operation, request.variables ?? {}, {
            introspection,
            deadline: contextValue.deadline,
          });
          if (cost === null) throw limitRefusal(new RequestLimitError('TIMEOUT', timeoutMessage(timeoutMs)));
          if (cost > GRAPHQL_LIMITS.maxCost) {
            throw limitRefusal(
              new RequestLimitError(
                'MAX_COST',
                `Requête trop coûteuse : coût estimé ${formatCount(cost)}, ${formatCount(GRAPHQL_LIMITS.maxCost)} au plus. Demandez moins de champs, d'alias ou des pages plus petites.`,
              ),
            );
          }
        },
      };
    },
  };
}
