import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
  getNamedType,
  getNullableType,
  isAbstractType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isObjectType,
} from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './connection';
import { CHARS_PER_COST_UNIT, DEFAULT_LIST_LENGTH, FIELD_BOUNDS, type FieldBound } from './cost-table';

export interface CostOptions {
  /** Introspection is enabled: `__schema` and `__type` cost nothing. */
  introspection: boolean;
  /** When the request runs out of time (ms since the epoch). */
  deadline?: number;
  now?: () => number;
}

/** How many fields are measured between two looks at the clock. */
const CLOCK_EVERY = 256;

function textUnits(bound: FieldBound | undefined): number {
  return bound?.text ? Math.max(1, Math.ceil(bound.text / CHARS_PER_COST_UNIT)) : 1;
}

/**
 * The cost of one operation with the request's variables: 1 per field, a text field one
 * unit per CHARS_PER_COST_UNIT characters of its bound, a list field its length (from
 * FIELD_BOUNDS, or the page size of its paginated parent, or DEFAULT_LIST_LENGTH) times
 * what is selected in each item. A paginated field's page size is its `first` argument
 * (or `input.first`), the default page when absent, the largest page when invalid.
 *
 * Each fragment is measured once per page size (memoised), so the work grows with the
 * document's size. Null when the deadline passed while measuring.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>>,
  options: CostOptions,
): number | null {
  const meter = new CostMeter(schema, document, operation, variables, options);
  const root = schema.getRootType(operation.operation) ?? undefined;
  try {
    return meter.selectionSet(operation.selectionSet, root, undefined);
  } catch (error) {
    if (error === OUT_OF_TIME) return null;
    throw error;
  }
}

const OUT_OF_TIME = Symbol('out of time');

class CostMeter {
  private readonly fragments = new Map<string, FragmentDefinitionNode>();
  private readonly defaults = new Map<string, ValueNode>();
  private readonly measured = new Map<string, number>();
  private readonly measuring = new Set<string>();
  private readonly now: () => number;
  private fields = 0;

  constructor(
    private readonly schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    private readonly variables: Readonly<Record<string, unknown>>,
    private readonly options: CostOptions,
  ) {
    this.now = options.now ?? Date.now;
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) this.fragments.set(definition.name.value, definition);
    }
    for (const definition of operation.variableDefinitions ?? []) {
      if (definition.defaultValue) this.defaults.set(definition.variable.name.value, definition.defaultValue);
    }
  }

  /**
   * `page`: the page size of the paginated field this selection set belongs to, if any.
   * Under an interface or a union, each item is of one object type only: fragments on
   * different object types count as the largest of them, not their sum.
   */
  selectionSet(
    set: SelectionSetNode,
    parent: GraphQLNamedType | undefined,
    page: number | undefined,
  ): number {
    const abstract = parent !== undefined && isAbstractType(parent);
    let common = 0;
    const byType = new Map<string, number>();
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        common += this.field(selection, parent, page);
        continue;
      }
      let condition: string | undefined;
      let cost: number;
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        condition = selection.typeCondition?.name.value;
        const type = condition ? this.schema.getType(condition) : parent;
        cost = this.selectionSet(selection.selectionSet, type ?? undefined, page);
      } else {
        condition = this.fragments.get(selection.name.value)?.typeCondition.name.value;
        cost = this.fragment(selection.name.value, page);
      }
      if (abstract && condition !== undefined && isObjectType(this.schema.getType(condition))) {
        byType.set(condition, (byType.get(condition) ?? 0) + cost);
      } else {
        common += cost;
      }
    }
    return common + Math.max(0, ...byType.values());
  }

  private fragment(name: string, page: number | undefined): number {
    const key = `${name}|${page ?? ''}`;
    const known = this.measured.get(key);
    if (known !== undefined) return known;
    const fragment = this.fragments.get(name);
    // A cycle is NoFragmentCyclesRule's to refuse; here it must not loop.
    if (!fragment || this.measuring.has(key)) return 0;
    this.measuring.add(key);
    const type = this.schema.getType(fragment.typeCondition.name.value) ?? undefined;
    const cost = this.selectionSet(fragment.selectionSet, type, page);
    this.measuring.delete(key);
    this.measured.set(key, cost);
    return cost;
  }

  private field(field: FieldNode, parent: GraphQLNamedType | undefined, page: number | undefined): number {
    if (++this.fields % CLOCK_EVERY === 0 && this.now() >= (this.options.deadline ?? Infinity)) {
      throw OUT_OF_TIME;
    }
    const name = field.name.value;
    if (name === '__typename') return 1;
    if (this.options.introspection && (name === '__schema' || name === '__type')) return 0;
    const definition =
      parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[name] : undefined;
    if (!parent || !definition) {
      return 1 + (field.selectionSet ? this.selectionSet(field.selectionSet, undefined, undefined) : 0);
    }
    const bound = FIELD_BOUNDS[`${parent.name}.${name}`];
    const length = isListType(getNullableType(definition.type))
      ? (bound?.list ?? page ?? DEFAULT_LIST_LENGTH)
      : 1;
    const type = getNamedType(definition.type);
    if (isLeafType(type) || !field.selectionSet) return length * textUnits(bound);
    return 1 + length * this.selectionSet(field.selectionSet, type, this.pageSize(field, definition));
  }

  /**
   * The page size of a paginated field: its `first` argument, or the `first` of its
   * `input` (search); undefined for a field that takes neither.
   */
  private pageSize(field: FieldNode, definition: GraphQLField<unknown, unknown>): number | undefined {
    const argument = (name: string): ValueNode | undefined =>
      field.arguments?.find((a) => a.name.value === name)?.value;
    if (definition.args.some((a) => a.name === 'first')) {
      const first = argument('first');
      return pageOf(first ? this.value(first) : undefined);
    }
    const input = definition.args.find((a) => a.name === 'input');
    const inputType = input ? getNamedType(input.type) : undefined;
    if (!isInputObjectType(inputType) || !('first' in inputType.getFields())) return undefined;
    const given = argument('input');
    if (given?.kind === Kind.OBJECT) {
      const first = given.fields.find((f) => f.name.value === 'first')?.value;
      return pageOf(first ? this.value(first) : undefined);
    }
    const value = given ? this.value(given) : undefined;
    return pageOf(value && typeof value === 'object' && 'first' in value ? value.first : undefined);
  }

  /** A literal, or a variable's value (its default when not sent). */
  private value(node: ValueNode): unknown {
    if (node.kind === Kind.INT) return Number(node.value);
    if (node.kind === Kind.NULL) return null;
    if (node.kind === Kind.OBJECT) return undefined;
    if (node.kind === Kind.VARIABLE) {
      const name = node.name.value;
      if (name in this.variables) return this.variables[name];
      const fallback = this.defaults.get(name);
      return fallback ? this.value(fallback) : undefined;
    }
    return Number.NaN;
  }
}

/** What a page size argument stands for: the default page when absent, the largest when invalid. */
function pageOf(value: unknown): number {
  if (value === undefined || value === null) return DEFAULT_PAGE_SIZE;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_PAGE_SIZE)
    return value;
  return MAX_PAGE_SIZE;
}
