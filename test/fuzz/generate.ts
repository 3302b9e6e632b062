// Schema-driven generation of GraphQL requests for the fuzz suite: valid-ish operations on
// random root fields, with arguments of the right and the wrong types, odd Unicode, huge
// strings, nulls, deep selections, aliases, directives, bad global ids and cursors, plus
// hand-made tricky documents, garbage and malformed request bodies. Every random choice is
// drawn from a fast-check `gen()` value, so one seed reproduces the whole run.
import fc, { type GeneratorValue } from 'fast-check';
import {
  getNamedType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLInterfaceType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
} from 'graphql';

export type Identity = 'anonymous' | 'member' | 'moderator' | 'bogus-token';

export interface FuzzCase {
  index: number;
  /** Which generator made it: operation, huge, connection, node, tricky, garbage, body. */
  kind: string;
  identity: Identity;
  /** Raw Authorization header for the bogus-token identity. */
  authorization?: string;
  /** The request body, sent as JSON. */
  body: unknown;
  /** When set, sent as is instead of `body` (bodies that are not JSON, or odd JSON). */
  rawBody?: string;
}

/** Real values read from the seeded database, so that some requests get past "not found". */
export interface Harvest {
  idsByType: Record<string, string[]>;
  cursors: string[];
  themeSlugs: string[];
}

const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/** Choices are drawn without fast-check's bias towards small values: rare branches stay rare. */
const uniform = (min: number, max: number): fc.Arbitrary<number> => fc.noBias(fc.integer({ min, max }));

export const toGlobalId = (type: string, id: string): string =>
  Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');

const b64url = (text: string): string => Buffer.from(text, 'utf8').toString('base64url');

/** Short odd strings. None of them may look like a leak (stack frame, file path, SQL keyword). */
const ODD_STRINGS: readonly string[] = [
  '',
  ' ',
  '   ',
  '\t\n\r',
  '\u0000',
  'a\u0000b',
  '\u0000'.repeat(10),
  '\uD800',
  '\uDFFF',
  'x\uD83Dy',
  '\uDE00\uD83D',
  '\uD83D\uDE00',
  '👩🏽‍💻',
  '👨‍👩‍👧‍👦',
  '🏳️‍🌈',
  '🇫🇷🇪🇺',
  'ℌ𝔢𝔩𝔩𝔬 𝕳𝖊𝖑𝖑𝖔',
  'مرحبا بالعالم',
  'שלום עולם',
  '\u202Etxt.exe\u202C',
  '\u200F\u200E\u061C',
  'e\u0301\u0301\u0301\u0301',
  'Z̸̧̛͈̘̈́a̷l̶g̵o̴',
  '\uFEFF',
  '\u200B\u200C\u200D',
  '\u2028\u2029',
  '\u00A0\u3000',
  '\uFFFE\uFFFF',
  '中文字符 日本語 한국어',
  'Ω≈ç√∫ ǅ ß İ ﬃ',
  '{{name}}',
  '{{ }}',
  '{{',
  '}}{{',
  '{{__proto__}}',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[x](javascript:alert(1))',
  '**gras** _ital_ `code`',
  "' OR '1'='1",
  "'; drop table users; --",
  '"',
  '\\',
  '\\u0000',
  '%00',
  '%s%s%n',
  '../../etc/passwd',
  'C:\\Windows',
  '${7*7}',
  '__proto__',
  'constructor',
  'null',
  'undefined',
  'NaN',
  '-1',
  '0',
  '1e309',
  'true',
  '[]',
  '{}',
  '{"a":1}',
  'a'.repeat(201),
  'a'.repeat(1001),
  'x'.repeat(5001),
  'acheteuse@montpellier.example',
  'ACHETEUSE@MONTPELLIER.EXAMPLE',
  ' acheteuse@montpellier.example ',
  'a@b',
  '@',
  'a@b@c',
  'é@ü.fr',
  'user+tag@xn--bcher-kva.example',
  '34',
  '2A',
  '2b',
  '971',
  '00',
  '96',
  '73282932000074',
  '356 000 000 00048',
  '00000000000000',
  '11111111111111',
  '45000000',
  '45000000-7',
  '4500000',
  'https://example.org',
  'http://localhost:22',
  'javascript:alert(1)',
  'http://[::1]',
  'https://' + 'a'.repeat(300) + '.fr',
  'numerique-responsable',
  'NUMERIQUE-RESPONSABLE',
  '2026-01-01T00:00:00Z',
  '0000-00-00',
  '2026-02-30',
];

/** Characters to build exotic strings from. */
const EXOTIC_CHARS: readonly string[] = [
  'a',
  'é',
  ' ',
  '\u0000',
  '\u0001',
  '\u001F',
  '\u007F',
  '\uD800',
  '\uDC00',
  '😀',
  '👍🏽',
  '\u200D',
  '\u202E',
  '\u200F',
  'ש',
  'ب',
  '\u0301',
  '\uFEFF',
  '\n',
  '"',
  '\\',
  '{',
  '}',
  '<',
  "'",
  '%',
  '𝕏',
  '\uFFFD',
];

let hugeStrings: string[] | undefined;

/** 100 kB-class strings, built once. */
function huge(): readonly string[] {
  hugeStrings ??= [
    'a'.repeat(100_000),
    '😀'.repeat(25_000),
    'é'.repeat(60_000),
    'مرحبا '.repeat(17_000),
    '\u0000'.repeat(20_000),
    '\uD800'.repeat(20_000),
    '{{x}} '.repeat(16_000),
    'ab\u0000\uDC00'.repeat(25_000),
    '\u202E'.repeat(50_000),
  ];
  return hugeStrings;
}

const ODD_INTS: readonly number[] = [
  0, 1, -1, 20, 99, 100, 101, 1000, 2147483647, -2147483648, 2147483648, -2147483649, 9007199254740991, 1.5,
  -0.5, 1e21, 1e300, 1999, 2000, 2027, 3000,
];

const TYPE_NAMES_FOR_IDS: readonly string[] = [
  'ExperiencePost',
  'ClauseTemplate',
  'Organisation',
  'User',
  'Theme',
  'Collection',
  'Report',
  'ModerationEvent',
  'Notification',
  'Session',
  'Foo',
  'experiencePost',
  '',
  'A:B',
];

const VARIABLE_TYPES: readonly string[] = [
  'Int',
  'Int!',
  'String',
  'String!',
  'ID',
  'ID!',
  'Boolean',
  '[ID!]!',
  '[String]',
  'NotAType',
  'ExperiencePostInput',
  'SearchInput!',
  '[[Int]]',
];

/** Tokens for documents that are almost GraphQL. */
const GARBAGE_TOKENS: readonly string[] = [
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  ':',
  '$',
  '@',
  '...',
  '!',
  '=',
  '|',
  '&',
  ',',
  'query',
  'mutation',
  'subscription',
  'fragment',
  'on',
  'null',
  'true',
  'themes',
  'node',
  'id',
  '__typename',
  '__schema',
  '"s"',
  '"""b"""',
  '1',
  '-1.5e3',
  '#c\n',
  '\u0000',
  '"',
  'é',
];

export class CaseGenerator {
  private variableCount = 0;
  private variables: Record<string, unknown> = {};
  private definitions: string[] = [];
  private hugeMode = false;
  private rawBody: string | undefined;

  constructor(
    private readonly g: GeneratorValue,
    private readonly schema: GraphQLSchema,
    private readonly harvest: Harvest,
  ) {}

  // ---- random primitives -------------------------------------------------------------

  private int(min: number, max: number): number {
    return this.g(uniform, min, max);
  }

  private chance(p: number): boolean {
    return this.int(0, 9999) < p * 10_000;
  }

  private pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)];
  }

  private weighted<T>(choices: readonly [number, () => T][]): T {
    const total = choices.reduce((sum, [w]) => sum + w, 0);
    let roll = this.int(0, total - 1);
    for (const [weight, make] of choices) {
      if (roll < weight) return make();
      roll -= weight;
    }
    return choices[choices.length - 1][1]();
  }

  private name(): string {
    return this.pick(['a', 'b', 'x', 'alias', '_', 'A1', 'node', 'id', '__typename2']);
  }

  // ---- values --------------------------------------------------------------------------

  oddString(): string {
    if (this.hugeMode && this.chance(0.5)) return this.pick(huge());
    return this.weighted<string>([
      [25, () => this.pick(ODD_STRINGS)],
      [15, () => this.g(fc.string, { unit: 'grapheme', maxLength: 40 })],
      [12, () => this.g(fc.string, { unit: 'binary', maxLength: 40 })],
      [12, () => this.g(fc.string, { unit: fc.constantFrom(...EXOTIC_CHARS), maxLength: 60 })],
      [10, () => this.g(fc.lorem, { maxCount: 8 })],
      [10, () => this.g(fc.string, { maxLength: 20 })],
      [8, () => this.pick(this.harvest.themeSlugs.length > 0 ? this.harvest.themeSlugs : ['x'])],
      [3, () => this.pick(huge())],
      [5, () => this.pick(ODD_STRINGS) + this.g(fc.string, { unit: 'grapheme', maxLength: 10 })],
    ]);
  }

  oddInt(): number {
    return this.chance(0.6) ? this.int(-5, 120) : this.pick(ODD_INTS);
  }

  realId(type?: string): string | undefined {
    const types = Object.keys(this.harvest.idsByType).filter((t) => this.harvest.idsByType[t].length > 0);
    if (types.length === 0) return undefined;
    const chosen = type && this.harvest.idsByType[type]?.length ? type : this.pick(types);
    return this.pick(this.harvest.idsByType[chosen]);
  }

  oddId(): string {
    return this.weighted<string>([
      [30, () => this.realId() ?? 'x'],
      [
        15,
        () =>
          toGlobalId(
            this.pick(TYPE_NAMES_FOR_IDS),
            this.weighted<string>([
              [4, () => this.g(fc.uuid)],
              [1, () => '00000000-0000-0000-0000-000000000000'],
              [1, () => 'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF'],
              [2, () => this.oddString()],
              [1, () => "1' OR '1'='1"],
            ]),
          ),
      ],
      [
        8,
        () => {
          // a real id re-labelled with another type, or one character off
          const real = this.realId() ?? toGlobalId('Theme', '00000000-0000-0000-0000-000000000000');
          const decoded = Buffer.from(real, 'base64url').toString('utf8');
          const local = decoded.slice(decoded.indexOf(':') + 1);
          return this.chance(0.5)
            ? toGlobalId(this.pick(TYPE_NAMES_FOR_IDS), local)
            : real.slice(0, -1) + (real.endsWith('A') ? 'B' : 'A');
        },
      ],
      [8, () => Buffer.from(`ExperiencePost:${this.g(fc.uuid)}`).toString('base64')],
      [6, () => this.g(fc.uuid)],
      [15, () => this.oddString()],
      [5, () => b64url(this.oddString())],
      [3, () => 'A'.repeat(this.pick([199, 200, 201, 5000]))],
      [3, () => String(this.oddInt())],
    ]);
  }

  oddCursor(): string {
    const element = (): unknown =>
      this.weighted<unknown>([
        [3, () => this.oddString().slice(0, this.pick([10, 200, 201]))],
        [2, () => this.oddInt()],
        [
          2,
          () => this.pick(['2026-01-01T00:00:00.000Z', '2026-13-45T99:99:99Z', 'not-a-date', '1970-01-01']),
        ],
        [2, () => this.g(fc.uuid)],
        [1, () => this.pick(['not-a-uuid', '', '00000000-0000-0000-0000-000000000000'])],
        [1, () => this.pick([null, true, [], {}, 1e308, -1e308, 0.1])],
      ]);
    return this.weighted<string>([
      [20, () => (this.harvest.cursors.length > 0 ? this.pick(this.harvest.cursors) : 'x')],
      [
        35,
        () => {
          const arity = this.pick([0, 1, 2, 2, 2, 3]);
          return b64url(JSON.stringify(Array.from({ length: arity }, element)));
        },
      ],
      [10, () => b64url(this.pick(['{}', '{"a":1}', 'null', '1', '"x"', '[', '[[1,2]]', '[1,2', '']))],
      [15, () => this.oddString()],
      [10, () => b64url(this.oddString())],
      [5, () => 'A'.repeat(this.pick([500, 501, 5000]))],
      [5, () => Buffer.from(JSON.stringify([element(), element()])).toString('base64')],
    ]);
  }

  /** A value of some unrelated JSON type. */
  private wrongValue(depth: number): unknown {
    return this.weighted<unknown>([
      [3, () => this.oddString()],
      [3, () => this.oddInt()],
      [2, () => this.chance(0.5)],
      [1, () => ({})],
      [1, () => []],
      [1, () => (depth < 3 ? [this.wrongValue(depth + 1)] : [[1]])],
      [1, () => (depth < 3 ? { [this.name()]: this.wrongValue(depth + 1) } : { a: { b: 1 } })],
      [1, () => null],
    ]);
  }

  private scalarValue(typeName: string, fieldName: string): unknown {
    switch (typeName) {
      case 'ID':
        return this.oddId();
      case 'Int':
        return this.oddInt();
      case 'Float':
        return this.chance(0.5) ? this.oddInt() : this.g(fc.double, { noNaN: true, noDefaultInfinity: true });
      case 'Boolean':
        return this.chance(0.05) ? 'true' : this.chance(0.5);
      case 'DateTime':
        return this.pick(['2026-01-01T00:00:00Z', 'yesterday', '', '2026-02-30T00:00:00Z', 0]);
      default:
        if (fieldName === 'after') return this.oddCursor();
        return this.oddString();
    }
  }

  /** A JSON value for an input type: mostly of the right type (with odd content), sometimes not. */
  valueFor(type: GraphQLInputType, name: string, depth = 0): unknown {
    if (this.chance(0.015)) return this.wrongValue(depth);
    if (isNonNullType(type)) {
      if (this.chance(0.01)) return null;
      return this.valueFor(type.ofType, name, depth);
    }
    if (this.chance(0.08)) return null;
    if (isListType(type)) {
      const length = this.chance(0.03) ? this.pick([101, 500, 1000]) : this.int(0, 3);
      if (length > 50) {
        const item = this.valueFor(type.ofType, name, depth + 1);
        return Array.from({ length }, () => item);
      }
      return Array.from({ length }, () => this.valueFor(type.ofType, name, depth + 1));
    }
    if (isEnumType(type)) {
      if (this.chance(0.95)) return this.pick(type.getValues()).name;
      return this.pick([this.pick(type.getValues()).name.toLowerCase(), 'UNKNOWN', '', this.oddString()]);
    }
    if (isInputObjectType(type)) {
      const value: Record<string, unknown> = {};
      for (const field of Object.values(type.getFields())) {
        const required = isNonNullType(field.type);
        if (this.chance(required ? 0.99 : 0.6))
          value[field.name] = this.valueFor(field.type, field.name, depth + 1);
      }
      if (this.chance(0.01)) {
        // defineProperty: a plain assignment to "__proto__" would set the prototype, not a key
        Object.defineProperty(value, this.pick(['bogus', '__proto__', 'constructor', 'id']), {
          value: this.wrongValue(depth),
          enumerable: true,
        });
      }
      return value;
    }
    return this.scalarValue(type.name, name);
  }

  /** GraphQL literal text for a JSON value; enum names (for enum positions) print bare. */
  literal(value: unknown, type?: GraphQLInputType): string {
    const named = type ? getNamedType(type) : undefined;
    const itemType = type && isNonNullType(type) ? type.ofType : type;
    if (value === null || value === undefined) return 'null';
    if (typeof value === 'boolean') return String(value);
    if (typeof value === 'number') return Object.is(value, -0) ? '0' : String(value);
    if (typeof value === 'string') {
      if (named && isEnumType(named) && NAME.test(value) && !['true', 'false', 'null'].includes(value)) {
        return value;
      }
      if (this.chance(0.04) && !value.includes('"""') && !value.includes('\\')) return `"""${value}"""`;
      return JSON.stringify(value);
    }
    if (Array.isArray(value)) {
      const inner = itemType && isListType(itemType) ? itemType.ofType : undefined;
      return `[${value.map((v) => this.literal(v, inner)).join(', ')}]`;
    }
    if (typeof value === 'object') {
      const fields = named && isInputObjectType(named) ? named.getFields() : {};
      const entries = Object.entries(value as Record<string, unknown>)
        .filter(([k]) => NAME.test(k))
        .map(([k, v]) => `${k}: ${this.literal(v, fields[k]?.type)}`);
      return `{${entries.join(', ')}}`;
    }
    return JSON.stringify(String(value));
  }

  // ---- operations ----------------------------------------------------------------------

  private argument(arg: GraphQLArgument | { name: string; type: GraphQLInputType }): string {
    if (this.chance(0.45)) return `${arg.name}: ${this.literal(this.valueFor(arg.type, arg.name), arg.type)}`;
    const variable = `v${this.variableCount++}`;
    const declared = this.weighted<string | null>([
      [94, () => String(arg.type)],
      [2, () => (isNonNullType(arg.type) ? String(arg.type.ofType) : `${String(arg.type)}!`)],
      [2, () => this.pick(VARIABLE_TYPES)],
      [2, () => null],
    ]);
    if (declared !== null) {
      const defaultValue =
        this.chance(0.03) && !declared.endsWith('!')
          ? ` = ${this.literal(this.valueFor(arg.type, arg.name), arg.type)}`
          : '';
      this.definitions.push(`$${variable}: ${declared}${defaultValue}`);
    }
    if (this.chance(0.97)) this.variables[variable] = this.valueFor(arg.type, arg.name);
    return `${arg.name}: $${variable}`;
  }

  private arguments(field: GraphQLField<unknown, unknown>): string {
    const parts: string[] = [];
    for (const arg of field.args) {
      if (this.chance(isNonNullType(arg.type) ? 0.98 : 0.5)) parts.push(this.argument(arg));
    }
    if (this.chance(0.01)) parts.push(`bogus: ${this.literal(this.wrongValue(0))}`);
    if (this.chance(0.01) && parts.length > 0) parts.push(parts[0]);
    return parts.length > 0 ? `(${parts.join(', ')})` : '';
  }

  private directives(): string {
    if (!this.chance(0.05)) return '';
    return this.weighted<string>([
      [3, () => ` @include(if: ${this.chance(0.5)})`],
      [3, () => ` @skip(if: ${this.argumentValueFor('Boolean')})`],
      [1, () => ` @include(if: "yes")`],
      [1, () => ` @unknownDirective`],
      [1, () => ` @deprecated(reason: "x")`],
      [1, () => ' @skip(if: false)'.repeat(this.int(2, 60))],
    ]);
  }

  private argumentValueFor(typeName: string): string {
    const type = this.schema.getType(typeName);
    if (!type || !(isLeafType(type) || isInputObjectType(type))) return 'true';
    return this.argument({ name: 'if', type: type as GraphQLInputType }).slice('if: '.length);
  }

  private selection(type: GraphQLOutputType, depth: number, maxDepth: number, deep: boolean): string {
    const named: GraphQLNamedType = getNamedType(type);
    if (isLeafType(named)) return this.chance(0.01) ? ' { id }' : '';
    const parts: string[] = [];
    if (this.chance(0.15)) parts.push('__typename');
    const used = new Set<string>();
    if (isObjectType(named)) {
      parts.push(...this.fieldsOf(named, depth, maxDepth, deep, used));
    } else if (isInterfaceType(named) || isUnionType(named)) {
      if (isInterfaceType(named) && this.chance(0.5))
        parts.push(...this.fieldsOf(named, depth, maxDepth, deep, used));
      const possible = this.schema.getPossibleTypes(named);
      const count = this.int(1, Math.min(2, possible.length));
      const spread = new Set<string>();
      for (let i = 0; i < count; i++) {
        const on = this.pick(possible);
        if (spread.has(on.name)) continue;
        spread.add(on.name);
        parts.push(`... on ${on.name} {${this.fieldsOf(on, depth, maxDepth, deep, used).join(' ')}}`);
      }
      if (this.chance(0.01)) parts.push('... on Query { __typename }');
    }
    if (parts.length === 0) parts.push('__typename');
    return ` { ${parts.join(' ')} }`;
  }

  private fieldsOf(
    type: GraphQLObjectType | GraphQLInterfaceType,
    depth: number,
    maxDepth: number,
    deep: boolean,
    /** Response names taken at this level (shared by sibling fragments, so they cannot conflict). */
    used = new Set<string>(),
  ): string[] {
    const fields = Object.values(type.getFields()) as GraphQLField<unknown, unknown>[];
    const leaves = fields.filter((f) => isLeafType(getNamedType(f.type)));
    const branches = fields.filter((f) => !isLeafType(getNamedType(f.type)));
    const canGoDeeper = depth + 1 < maxDepth && branches.length > 0;
    const count = this.int(1, deep ? 2 : 4);
    const chosen: string[] = [];
    for (let i = 0; i < count; i++) {
      const branch = canGoDeeper && (deep || this.chance(0.35));
      const pool = branch ? branches : leaves.length > 0 ? leaves : branches;
      if (pool.length === 0) continue;
      const field = this.pick(pool);
      if (!branch && !isLeafType(getNamedType(field.type))) continue;
      const aliasName = this.chance(0.08) ? `${this.name()}${i}` : '';
      const alias = aliasName ? `${aliasName}: ` : '';
      // one response name twice (other arguments, other types) would only test the overlap rule
      if (used.has(aliasName || field.name)) continue;
      used.add(aliasName || field.name);
      const sub = branch ? this.selection(field.type, depth + 1, maxDepth, deep) : '';
      chosen.push(`${alias}${field.name}${this.arguments(field)}${this.directives()}${sub}`);
    }
    if (this.chance(0.01)) chosen.push(this.pick(['notAField', 'password', 'passwordHash', 'email { x }']));
    return chosen.length > 0 ? chosen : ['__typename'];
  }

  private reset(): void {
    this.variableCount = 0;
    this.variables = {};
    this.definitions = [];
  }

  /** One operation on 1-3 random root fields of Query or Mutation. */
  operation(rootField?: { root: 'query' | 'mutation'; name: string }): Record<string, unknown> {
    this.reset();
    const root = rootField?.root ?? (this.chance(0.58) ? 'query' : 'mutation');
    const rootType = root === 'query' ? this.schema.getQueryType() : this.schema.getMutationType();
    if (!rootType) throw new Error(`no ${root} type`);
    const deep = this.chance(0.1);
    const maxDepth = deep ? this.int(8, 14) : this.int(1, 5);
    const fields = Object.values(rootType.getFields()) as GraphQLField<unknown, unknown>[];
    const count = rootField ? 1 : this.pick([1, 1, 1, 1, 2, 3]);
    const selections: string[] = [];
    for (let i = 0; i < count; i++) {
      const field =
        rootField && i === 0
          ? (fields.find((f) => f.name === rootField.name) ?? this.pick(fields))
          : this.pick(fields);
      if (this.chance(0.01)) {
        selections.push(`${this.name()} { id }`);
        continue;
      }
      const alias = this.chance(0.15) || (count > 1 && i > 0) ? `${this.name()}${i}: ` : '';
      selections.push(
        `${alias}${field.name}${this.arguments(field)}${this.directives()}${this.selection(field.type, 1, maxDepth, deep)}`,
      );
    }
    const named = this.chance(0.5);
    const operationName = named ? this.pick(['Fuzz', 'Op', 'q', '_1']) : undefined;
    const header =
      named || this.definitions.length > 0 || root === 'mutation' || this.chance(0.3)
        ? `${root}${operationName ? ` ${operationName}` : ''}${this.definitions.length > 0 ? `(${this.definitions.join(', ')})` : ''} `
        : '';
    let query = `${header}{ ${selections.join(' ')} }`;
    if (this.chance(0.05)) query = `${this.pick(['# commentaire\n', '\uFEFF', ',,,', '\n\n'])}${query}`;
    if (this.chance(0.04)) query += ` query Other { __typename }`;
    const body: Record<string, unknown> = { query };
    if (Object.keys(this.variables).length > 0 || this.chance(0.1)) {
      body['variables'] = { ...this.variables };
      if (this.chance(0.05)) (body['variables'] as Record<string, unknown>)['extra'] = this.oddString();
    }
    if (operationName && this.chance(0.8)) body['operationName'] = operationName;
    else if (this.chance(0.05)) body['operationName'] = this.pick(['Missing', '', 'Other']);
    return body;
  }

  /** A connection read with a random cursor and page size. */
  private connection(): Record<string, unknown> {
    this.reset();
    const after = this.oddCursor();
    const first = this.chance(0.7) ? this.oddInt() : null;
    const nested = this.chance(0.3);
    const pageFields = 'totalCount edges { cursor node { id } } pageInfo { endCursor hasNextPage }';
    const query = nested
      ? this.pick([
          `query($id: ID!, $after: String, $first: Int) { node(id: $id) { ... on Organisation { experiencePosts(first: $first, after: $after) { ${pageFields} } members(first: $first, after: $after) { ${pageFields} } } ... on ClauseTemplate { usedIn(first: $first, after: $after) { ${pageFields} } } } }`,
        ])
      : `query($after: String, $first: Int) { ${this.pick([
          'experiencePosts',
          'clauseTemplates',
          'organisations',
          'notifications',
          'moderationLog',
          'moderationQueue',
          'reports',
        ])}(first: $first, after: $after) { totalCount pageInfo { endCursor hasNextPage } } }`;
    const variables: Record<string, unknown> = { after, first };
    if (nested)
      variables['id'] = this.chance(0.5) ? this.realId('Organisation') : this.realId('ClauseTemplate');
    if (this.chance(0.2)) {
      return {
        query: `{ search(input: { query: ${JSON.stringify(this.oddString())}, after: ${JSON.stringify(after)}, first: ${this.literal(first)} }) { totalHits pageInfo { endCursor } } }`,
      };
    }
    return { query, variables };
  }

  /** node(id) with every possible type spread, on real and bad ids. */
  private node(): Record<string, unknown> {
    const spreads = [
      '... on ExperiencePost { title status visibility bodyHtml author { displayName email } organisation { name membershipStatusReason } }',
      '... on ClauseTemplate { title body revision revisions { revision } variables { name } }',
      '... on User { displayName email roles }',
      '... on Organisation { name siret membershipStatusReason members(first: 3) { totalCount } }',
      '... on Report { reportReason: reason comment reporter { email } }',
      '... on ModerationEvent { action eventReason: reason actor { email } }',
      '... on Notification { kind message read }',
      '... on Collection { title items { __typename } }',
      '... on Theme { slug label }',
    ];
    const ids = Array.from({ length: this.int(1, 3) }, () => this.oddId());
    const query = `query(${ids.map((_, i) => `$id${i}: ID!`).join(', ')}) { ${ids
      .map((_, i) => `n${i}: node(id: $id${i}) { __typename id ${spreads.join(' ')} }`)
      .join(' ')} }`;
    return { query, variables: Object.fromEntries(ids.map((id, i) => [`id${i}`, id])) };
  }

  /** Hand-made documents aimed at the parser, the validation rules and the limits. */
  private tricky(): Record<string, unknown> {
    const s = (): string => JSON.stringify(this.oddString());
    return this.weighted<Record<string, unknown>>([
      [
        2,
        () => ({ query: '{ themes { ...A } } fragment A on Theme { ...B id } fragment B on Theme { ...A }' }),
      ],
      [
        3,
        () => ({
          query: `{ ${Array.from({ length: this.int(12, 30) }, (_, i) => `a${i}: ${this.pick(['__typename', 'themes { id }', 'me { id }'])}`).join(' ')} }`,
        }),
      ],
      [2, () => ({ query: `{ themes ${'@include(if: true) '.repeat(this.int(45, 60))}{ slug } }` })],
      [2, () => ({ query: `{ ${'__typename '.repeat(this.int(950, 1100))}}` })],
      [
        2,
        () => ({
          query:
            '{ __schema { types { name fields(includeDeprecated: true) { name args { name type { name } } type { name ofType { name ofType { name ofType { name } } } } } } } }',
        }),
      ],
      [2, () => ({ query: `{ __type(name: ${s()}) { name kind fields { name } } }` })],
      [2, () => ({ query: 'query A { __typename } query B { __typename }' })],
      [1, () => ({ query: 'query A { __typename } query A { themes { id } }', operationName: 'A' })],
      [1, () => ({ query: 'subscription { themes { id } }' })],
      [1, () => ({ query: `{ node(id: ${s()}, id: ${s()}) { id } }` })],
      [
        2,
        () => ({
          query: 'query($id: ID!) { ...F } fragment F on Query { node(id: $id) { id } }',
          variables: { id: this.oddId() },
        }),
      ],
      [1, () => ({ query: `{ ${'x'.repeat(this.pick([1000, 50_000]))} }` })],
      [1, () => ({ query: `{ thémes { id } }` })],
      [1, () => ({ query: `{ themes(first: 1) { id } }` })],
      [1, () => ({ query: `{ me { organisation { members(first: ${this.oddInt()}) { totalCount } } } }` })],
      [
        4,
        () => ({
          query: `query($q: String!, $f: Int, $d: [String!], $t: [String!]) { search(input: { query: $q, first: $f, departmentCodes: $d, themes: $t }) { totalHits hits { snippet titleHighlight node { __typename ... on ExperiencePost { id title } ... on ClauseTemplate { id title } } } facets { name values { value count } } pageInfo { endCursor } } }`,
          variables: {
            q: this.chance(0.2) ? this.pick(huge()) : this.oddString(),
            f: this.chance(0.5) ? this.oddInt() : null,
            d: this.chance(0.3) ? [this.oddString()] : null,
            t: this.chance(0.3) ? [this.oddString()] : null,
          },
        }),
      ],
      [
        3,
        () => ({
          query:
            'query($id: ID!, $values: [VariableValueInput!]!) { renderClauseTemplate(id: $id, values: $values) }',
          variables: {
            id: this.chance(0.7) ? this.realId('ClauseTemplate') : this.oddId(),
            values: Array.from({ length: this.int(0, 4) }, () => ({
              name: this.pick(['acheteur', 'montant', 'date', 'taux', this.oddString()]),
              value: this.oddString(),
            })),
          },
        }),
      ],
      [
        2,
        () => ({
          query: `{ experiencePosts(first: 100) { edges { node { clauseTemplates { usedIn(first: 100) { edges { node { id } } } } } } } }`,
        }),
      ],
      [1, () => ({ query: `{ themes @skip(if: $undeclared) { id } }` })],
      [1, () => ({ query: `query($a: Int = "x") { themes { id } }` })],
      [1, () => ({ query: `query($a: Int, $a: Int) { themes { id } }` })],
      [1, () => ({ query: `{ node(id: "x") }` })],
      [1, () => ({ query: `{ me { ... on ExperiencePost { id } } }` })],
      [1, () => ({ query: `{ __typename @include(if: true) @include(if: false) }` })],
      [1, () => ({ query: `query { ${'a: '.repeat(2)}themes { id } }` })],
      [
        1,
        () => ({
          query: `{ themes { id } }`,
          extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } },
        }),
      ],
      [1, () => ({ extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } })],
      [
        1,
        () => ({ query: `{ themes { id } }`, extensions: { persistedQuery: { version: 2, sha256Hash: 1 } } }),
      ],
    ]);
  }

  /** Bytes that are not GraphQL, or nearly so. */
  private garbage(): Record<string, unknown> {
    return this.weighted<Record<string, unknown>>([
      [3, () => ({ query: this.g(fc.string, { unit: 'binary', maxLength: 200 }) })],
      [
        4,
        () => ({
          query: Array.from({ length: this.int(1, 40) }, () => this.pick(GARBAGE_TOKENS)).join(
            this.pick([' ', '', '\n']),
          ),
        }),
      ],
      [
        3,
        () => {
          const body = this.operation();
          const query = String(body['query']);
          return { ...body, query: query.slice(0, this.int(0, query.length)) };
        },
      ],
      [1, () => ({ query: this.oddString() })],
      [1, () => ({ query: '' })],
    ]);
  }

  /** Request bodies of the wrong shape (still valid JSON). */
  private badBody(): unknown {
    return this.weighted<unknown>([
      [1, () => ({})],
      [1, () => ({ query: null })],
      [1, () => ({ query: 123 })],
      [1, () => ({ query: ['{ __typename }'] })],
      [1, () => ({ query: { a: 1 } })],
      [1, () => ({ query: '{ __typename }', variables: this.pick(['str', '{"a":1}', 5, true]) })],
      [1, () => ({ query: '{ __typename }', variables: [] })],
      [1, () => ({ query: '{ __typename }', variables: null, operationName: null, extensions: null })],
      [1, () => ({ query: '{ __typename }', operationName: this.pick([5, {}, [], true]) })],
      [1, () => ({ query: '{ __typename }', extensions: this.pick(['x', [], 5]) })],
      [1, () => []],
      [1, () => [{ query: '{ __typename }' }, { query: '{ themes { id } }' }]],
      [1, () => ({ query: '{ __typename }', variables: nest(this.int(50, 2000)) })],
      [
        1,
        () =>
          JSON.parse('{"query":"{ __typename }","__proto__":{"query":"x"},"constructor":{"a":1}}') as unknown,
      ],
      [1, () => ({ query: '{ __typename }', extra: this.oddString() })],
      [
        3,
        () => {
          this.rawBody = this.pick([
            '',
            '{"query":',
            '{"query":"{ __typename }"',
            '{"query":"{ __typename }"} trailing',
            '\uFEFF{"query":"{ __typename }"}',
            '{"query":"{ __typename }","query":"{ themes { id } }"}',
            '{"query":"{ __typename }","variables":{"a":1,"a":2}}',
            "{'query':'{ __typename }'}",
            'null',
            '"{ __typename }"',
            '1e999',
            '{"query":"\\ud800"}',
            '{"query":"{ __typename }"}\u0000',
            '['.repeat(5000),
          ]);
          return null;
        },
      ],
    ]);
  }

  /** One request. */
  next(index: number): FuzzCase {
    const identity = this.weighted<Identity>([
      [45, () => 'anonymous'],
      [40, () => 'member'],
      [10, () => 'moderator'],
      [5, () => 'bogus-token'],
    ]);
    const authorization =
      identity === 'bogus-token'
        ? this.pick([
            'Bearer',
            'Bearer ',
            'Bearer x',
            'Bearer a.b.c',
            'Basic dXNlcjpwYXNz',
            `Bearer ${b64url('{"alg":"none","typ":"JWT"}')}.${b64url('{"userId":"x","familyId":"y"}')}.`,
            `Bearer ${'A'.repeat(4000)}`,
            'bearer   eyJhbGciOiJIUzI1NiJ9.e30.ZRrHA1JJJW8opsbCGfG_HACGpVUMN_a9IV7pAx_Zmeo',
            `Bearer ${this.g(fc.string, { unit: 'grapheme-ascii', maxLength: 60 })}`,
          ])
        : undefined;
    this.hugeMode = false;
    this.rawBody = undefined;
    let kind = '';
    const body = this.weighted<unknown>([
      [
        52,
        () => {
          kind = 'operation';
          return this.operation();
        },
      ],
      [
        5,
        () => {
          kind = 'huge';
          this.hugeMode = true;
          return this.operation();
        },
      ],
      [
        8,
        () => {
          kind = 'connection';
          return this.connection();
        },
      ],
      [
        6,
        () => {
          kind = 'node';
          return this.node();
        },
      ],
      [
        14,
        () => {
          kind = 'tricky';
          return this.tricky();
        },
      ],
      [
        9,
        () => {
          kind = 'garbage';
          return this.garbage();
        },
      ],
      [
        6,
        () => {
          kind = 'body';
          return this.badBody();
        },
      ],
    ]);
    return {
      index,
      kind,
      identity,
      body,
      ...(this.rawBody !== undefined ? { rawBody: this.rawBody } : {}),
      ...(authorization !== undefined ? { authorization } : {}),
    };
  }
}

function nest(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = { leaf: 1 };
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

/** A printable summary of a request body: long strings shortened, so reports stay readable. */
export function summarize(value: unknown, max = 2000): string {
  const text = JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'string' && v.length > 600 ? `${v.slice(0, 80)}…<${v.length} chars>` : v,
  );
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
