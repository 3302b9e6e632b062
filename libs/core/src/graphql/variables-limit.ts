import { RequestLimitError } from '../errors/domain-errors';
import { GRAPHQL_LIMITS, formatCount } from './limits';

/** Variables past a bound: BAD_USER_INPUT, limit VARIABLES, naming the variable. */
export class VariablesLimitError extends RequestLimitError {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super('VARIABLES', message);
  }

  override extensions(): Record<string, unknown> {
    return { limit: this.limit, fields: [{ path: this.variable, message: this.message }] };
  }
}

export interface VariablesBounds {
  maxDepth: number;
  maxValues: number;
}

function tooMany(variable: string, maxValues: number): VariablesLimitError {
  return new VariablesLimitError(
    variable,
    `Variables trop volumineuses : plus de ${formatCount(maxValues)} valeurs.`,
  );
}

/**
 * Checks the nesting depth (objects and lists) and the number of values of a request's
 * variables without recursion, so that no depth can overflow the stack; stops at the first
 * bound crossed. The number of characters is already bounded by the body limit.
 */
export function variablesLimitError(
  variables: unknown,
  bounds: VariablesBounds = {
    maxDepth: GRAPHQL_LIMITS.maxVariablesDepth,
    maxValues: GRAPHQL_LIMITS.maxVariablesValues,
  },
): VariablesLimitError | undefined {
  if (variables === null || typeof variables !== 'object') return undefined;
  const pending: { value: unknown; depth: number; variable: string }[] = [];
  let values = 0;
  for (const [variable, value] of Object.entries(variables)) pending.push({ value, depth: 1, variable });
  values += pending.length;
  if (values > bounds.maxValues) return tooMany(pending[0]?.variable ?? 'variables', bounds.maxValues);
  for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
    const { value, depth, variable } = item;
    if (value === null || typeof value !== 'object') continue;
    if (depth > bounds.maxDepth) {
      return new VariablesLimitError(
        variable,
        `Variables trop imbriquées : plus de ${bounds.maxDepth} niveaux d'objets ou de listes.`,
      );
    }
    const children: unknown[] = Array.isArray(value) ? value : Object.values(value);
    values += children.length;
    if (values > bounds.maxValues) return tooMany(variable, bounds.maxValues);
    for (const child of children) pending.push({ value: child, depth: depth + 1, variable });
  }
  return undefined;
}
