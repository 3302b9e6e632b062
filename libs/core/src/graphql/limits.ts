import {
  type ASTVisitor,
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
  type ValueNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './connection';

/** The limits every request must stay within (OWASP GraphQL cheat sheet, graphql-armor's defaults). */
export const GRAPHQL_LIMITS = {
  maxDepth: 8,
  maxAliases: 15,
  maxDirectives: 50,
  maxTokens: 1000,
  /** Sum of field costs, lists and connections weighted by `first`. */
  maxCost: 20_000,
  /** Per request, checked before each field resolves. */
  timeoutMs: 10_000,
} as const;

export type LimitName =
  | 'MAX_DEPTH'
  | 'MAX_ALIASES'
  | 'MAX_DIRECTIVES'
  | 'MAX_TOKENS'
  | 'MAX_COST'
  | 'TIMEOUT'
  | 'BODY_SIZE'
  | 'BATCHING';

/** A refused request: BAD_USER_INPUT with a stable `limit` name, no internals. */
export function limitError(
  limit: LimitName,
  message: string,
  nodes?: readonly FieldNode[] | FieldNode,
): GraphQLError {
  return new GraphQLError(message, { nodes, extensions: { code: 'BAD_USER_INPUT', limit } });
}

type Fragments = Record<string, FragmentDefinitionNode>;

function fragmentsOf(context: ValidationContext): Fragments {
  const fragments: Fragments = {};
  for (const definition of context.getDocument().definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  }
  return fragments;
}

/** Walks a selection set, following fragments once per path (cycles are another rule's concern). */
function walk(
  selectionSet: SelectionSetNode,
  fragments: Fragments,
  visit: (field: FieldNode, depth: number, multiplier: number) => number,
  depth: number,
  multiplier: number,
  seen: Set<string>,
): void {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const childMultiplier = visit(selection, depth, multiplier);
      if (selection.selectionSet)
        walk(selection.selectionSet, fragments, visit, depth + 1, childMultiplier, seen);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      walk(selection.selectionSet, fragments, visit, depth, multiplier, seen);
    } else {
      const name = selection.name.value;
      const fragment = fragments[name];
      if (!fragment || seen.has(name)) continue;
      walk(fragment.selectionSet, fragments, visit, depth, multiplier, new Set([...seen, name]));
    }
  }
}

/** `first` as written; a variable counts as the largest page (values are not known at validation). */
function pageSize(node: ValueNode | undefined): number {
  if (!node) return DEFAULT_PAGE_SIZE;
  if (node.kind === Kind.INT) return Number(node.value);
  return MAX_PAGE_SIZE;
}

/**
 * Depth, aliases, directives and cost in one pass per operation. Cost: 1 per field; a
 * paginated field (a `first` argument, or `search`) multiplies what is below it by its
 * page size (default page size when absent, the largest page for a variable).
 */
export const limitsRule: ValidationRule = (context: ValidationContext): ASTVisitor => {
  const fragments = fragmentsOf(context);
  return {
    OperationDefinition(operation: OperationDefinitionNode) {
      let maxDepth = 0;
      let aliases = 0;
      let directives = operation.directives?.length ?? 0;
      let cost = 0;
      walk(
        operation.selectionSet,
        fragments,
        (field, depth, multiplier) => {
          if (field.name.value.startsWith('__')) return multiplier;
          maxDepth = Math.max(maxDepth, depth + 1);
          if (field.alias) aliases++;
          directives += field.directives?.length ?? 0;
          cost += multiplier;
          const firstArg = field.arguments?.find((a) => a.name.value === 'first');
          const inputArg = field.arguments?.find((a) => a.name.value === 'input');
          if (firstArg) return multiplier * Math.max(1, Math.min(pageSize(firstArg.value), MAX_PAGE_SIZE));
          if (field.name.value === 'search') {
            const nested =
              inputArg?.value.kind === Kind.OBJECT
                ? inputArg.value.fields.find((f) => f.name.value === 'first')
                : undefined;
            return multiplier * Math.max(1, Math.min(pageSize(nested?.value), MAX_PAGE_SIZE));
          }
          return multiplier;
        },
        0,
        1,
        new Set(),
      );
      if (maxDepth > GRAPHQL_LIMITS.maxDepth) {
        context.reportError(
          limitError(
            'MAX_DEPTH',
            `Requête trop imbriquée : ${maxDepth} niveaux, ${GRAPHQL_LIMITS.maxDepth} au plus.`,
          ),
        );
      }
      if (aliases > GRAPHQL_LIMITS.maxAliases) {
        context.reportError(
          limitError('MAX_ALIASES', `Trop d'alias : ${aliases}, ${GRAPHQL_LIMITS.maxAliases} au plus.`),
        );
      }
      if (directives > GRAPHQL_LIMITS.maxDirectives) {
        context.reportError(
          limitError(
            'MAX_DIRECTIVES',
            `Trop de directives : ${directives}, ${GRAPHQL_LIMITS.maxDirectives} au plus.`,
          ),
        );
      }
      if (cost > GRAPHQL_LIMITS.maxCost) {
        context.reportError(
          limitError(
            'MAX_COST',
            `Requête trop coûteuse : coût estimé ${cost}, ${GRAPHQL_LIMITS.maxCost} au plus.`,
          ),
        );
      }
    },
  };
};
