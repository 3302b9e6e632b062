import { Inject } from '@nestjs/common';
import { Args, Field, InputType, Int, ObjectType, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  type GraphQLError,
  Kind,
  type OperationDefinitionNode,
  buildSchema,
  parse,
  specifiedRules,
  validate,
} from 'graphql';
import { DataSource } from 'typeorm';
import { Authenticated, Ctx, Public } from '../auth/access';
import { DATA_SOURCE } from '../database/transaction';
import { AppMetaEntity } from '../database/app-meta.entity';
import { FieldErrors } from '../errors/domain-errors';
import { createTestApp, graphqlTestModule, type TestApp } from '../testing';
import type { GraphQLContext } from './context';
import { PaginationArgs, connectionTypes, pageRequest, toConnection } from './connection';
import { toGlobalId } from './global-id';
import { operationCost } from './cost';
import { limitsRule } from './limits';

@ObjectType('MetaEntry')
class MetaEntry {
  @Field()
  key!: string;

  @Field()
  updatedAt!: Date;
}

const { Connection: MetaConnection } = connectionTypes(() => MetaEntry, 'MetaEntry');

@ObjectType('Slow')
class Slow {
  @Field()
  value!: string;
}

@InputType('ProbeInput')
class ProbeInput {
  @Field()
  title!: string;

  @Field(() => Int)
  year!: number;
}

@Resolver()
class ProbeResolver {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  @Public()
  @Query(() => String)
  boom(): string {
    throw new Error('secret internal detail: password=hunter2');
  }

  @Public()
  @Query(() => Slow)
  async slow(): Promise<Slow> {
    await new Promise((r) => setTimeout(r, 300));
    return { value: 'trop tard' };
  }

  @Public()
  @Query(() => String)
  requestId(@Ctx() ctx: GraphQLContext): string {
    return ctx.requestId;
  }

  @Query(() => String)
  unguarded(): string {
    return 'should never be reached';
  }

  @Authenticated()
  @Query(() => String)
  secret(): string {
    return 'for members';
  }

  @Public()
  @Query(() => String)
  big(@Args('chars', { type: () => Int }) chars: number): string {
    return 'x'.repeat(chars);
  }

  @Public()
  @Query(() => String)
  controlCharacters(@Args('chars', { type: () => Int }) chars: number): string {
    // six bytes each in JSON (\u0001)
    return '\u0001'.repeat(chars);
  }

  @Public()
  @Query(() => Boolean)
  probe(@Args('input') input: ProbeInput): boolean {
    const errors = new FieldErrors();
    errors.check(input.title.trim().length > 0, 'input.title', 'Le titre est obligatoire.');
    errors.check(input.year >= 2000, 'input.year', "L'année doit être 2000 ou après.");
    errors.throwIfAny();
    return true;
  }

  @Public()
  @Query(() => MetaConnection)
  async entries(@Args() args: PaginationArgs) {
    const page = pageRequest(args, ['text']);
    const qb = this.dataSource.getRepository(AppMetaEntity).createQueryBuilder('m').orderBy('m.key', 'ASC');
    if (page.after) qb.where('m.key > :key', { key: page.after[0] });
    const [rows, total] = await Promise.all([
      qb.take(page.limit + 1).getMany(),
      this.dataSource.getRepository(AppMetaEntity).count(),
    ]);
    return toConnection(
      rows,
      page,
      (r) => [r.key],
      (r) => r,
      total,
    );
  }
}

@Resolver(() => Slow)
class SlowResolver {
  /** How many times Slow.counted resolved. */
  static calls = 0;

  @ResolveField(() => String)
  counted(): string {
    SlowResolver.calls++;
    return 'résolu';
  }
}

describe('GraphQL plumbing', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(graphqlTestModule({ providers: [ProbeResolver] }));
    const repo = t.app.get<DataSource>(DATA_SOURCE).getRepository(AppMetaEntity);
    await repo.insert(
      Array.from({ length: 130 }, (_, i) => ({ key: `k${String(i).padStart(3, '0')}`, value: 'v' })),
    );
  });
  afterAll(() => t.close());

  it('masks unexpected errors and logs them with the request id', async () => {
    const res = await t.gql('{ boom }', undefined, { headers: { 'x-request-id': 'req-test-1' } });
    expect(res.errors).toHaveLength(1);
    const [error] = res.errors ?? [];
    expect(error.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(JSON.stringify(res.errors)).not.toMatch(/hunter2|secret internal|stack|\.ts:/);
    expect(res.headers['x-request-id']).toBe('req-test-1');
    const logged = t.logs.lines.find((l) => l['requestId'] === 'req-test-1' && l['level'] === 50);
    expect(logged).toBeDefined();
    expect(JSON.stringify(logged)).toContain('secret internal detail');
  });

  it('gives each request an id, taken from x-request-id when sent', async () => {
    const a = await t.gql('{ requestId }');
    const b = await t.gql('{ requestId }');
    expect(a.data?.['requestId']).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.data?.['requestId']).not.toBe(b.data?.['requestId']);
    expect(a.headers['x-request-id']).toBe(a.data?.['requestId']);
  });

  it('refuses an operation that declares no access rule', async () => {
    const res = await t.gql('{ unguarded }');
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(res.data).toBeNull();
  });

  it('asks anonymous viewers to sign in for authenticated operations', async () => {
    const res = await t.gql('{ secret }');
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('names every offending field of a bad input, in French', async () => {
    const res = await t.gql('query($i: ProbeInput!) { probe(input: $i) }', {
      i: { title: '  ', year: 1990 },
    });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions?.fields).toEqual([
      { path: 'input.title', message: 'Le titre est obligatoire.' },
      { path: 'input.year', message: "L'année doit être 2000 ou après." },
    ]);
  });

  it('turns ill-typed variables into BAD_USER_INPUT naming the field', async () => {
    const res = await t.gql('query($i: ProbeInput!) { probe(input: $i) }', {
      i: { title: 'x', year: 'deux' },
    });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions?.fields?.[0].path).toBe('i.year');
  });

  it('turns unknown fields and syntax errors into BAD_USER_INPUT', async () => {
    for (const query of ['{ nope }', '{ boom ']) {
      const res = await t.gql(query);
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].extensions?.fields?.[0].path).toBe('query');
    }
  });

  describe('connections', () => {
    const query = `query($first: Int, $after: String) {
      entries(first: $first, after: $after) {
        totalCount edges { cursor node { key updatedAt } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
    }`;
    type Page = {
      entries: {
        totalCount: number;
        edges: { cursor: string; node: { key: string; updatedAt: string } }[];
        pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
      };
    };

    it('returns 20 edges by default, with DateTime as ISO strings', async () => {
      const res = await t.gql<Page>(query);
      expect(res.data?.entries.edges).toHaveLength(20);
      expect(res.data?.entries.totalCount).toBe(130);
      expect(res.data?.entries.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
      expect(new Date(res.data?.entries.edges[0].node.updatedAt ?? '').toISOString()).toBe(
        res.data?.entries.edges[0].node.updatedAt,
      );
    });

    it('walks every page with cursors, without gaps or repeats', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      for (let i = 0; i < 10; i++) {
        const res: Awaited<ReturnType<typeof t.gql<Page>>> = await t.gql<Page>(query, { first: 50, after });
        const page = res.data?.entries;
        if (!page) throw new Error(JSON.stringify(res.errors));
        seen.push(...page.edges.map((e) => e.node.key));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(seen).toHaveLength(130);
      expect(new Set(seen).size).toBe(130);
      expect(seen[0]).toBe('k000');
      expect(seen[129]).toBe('k129');
    });

    it('refuses more than 100 per page and negative sizes, naming first', async () => {
      for (const first of [101, -1]) {
        const res = await t.gql(query, { first });
        expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
        expect(res.errors?.[0].extensions?.fields?.[0].path).toBe('first');
      }
      const ok = await t.gql<Page>(query, { first: 100 });
      expect(ok.data?.entries.edges).toHaveLength(100);
    });

    it('refuses malformed cursors, naming after', async () => {
      for (const after of [
        '%%%',
        'bm90IGpzb24',
        Buffer.from('[1,2]').toString('base64url'),
        'x'.repeat(600),
      ]) {
        const res = await t.gql(query, { after });
        expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
        expect(res.errors?.[0].extensions?.fields?.[0].path).toBe('after');
      }
    });
  });

  describe('node', () => {
    it('returns null for a well-formed id of an unknown type and BAD_USER_INPUT for garbage', async () => {
      const unknown = await t.gql('query($id: ID!) { node(id: $id) { id } }', {
        id: toGlobalId('Nothing', '00000000-0000-4000-8000-000000000000'),
      });
      expect(unknown.errors).toBeUndefined();
      expect(unknown.data).toEqual({ node: null });
      const garbage = await t.gql('{ node(id: "not-an-id") { id } }');
      expect(garbage.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ path: 'id' }],
      });
    });
  });
});

describe('answer size bound (5 MB)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(graphqlTestModule({ providers: [ProbeResolver, SlowResolver] }));
  });
  afterAll(() => t.close());

  const refusedForSize = (res: Awaited<ReturnType<TestApp['gql']>>): void => {
    expect(res.data ?? null).toBeNull();
    expect(res.errors).toHaveLength(1);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'RESPONSE_SIZE' });
    expect(res.errors?.[0].message).toMatch(/Réponse trop volumineuse : plus de 5 Mo/);
  };

  it('answers up to the bound', async () => {
    const res = await t.gql<{ big: string }>('{ big(chars: 4000000) }');
    expect(res.errors).toBeUndefined();
    expect(res.data?.big).toHaveLength(4_000_000);
  });

  it('ends an answer past the bound with one RESPONSE_SIZE error and no data, then keeps serving', async () => {
    refusedForSize(await t.gql('{ big(chars: 6000000) }'));
    refusedForSize(await t.gql('{ a: big(chars: 3000000) b: big(chars: 3000000) }'));
    expect((await t.gql('{ requestId }')).errors).toBeUndefined();
  });

  it('stops resolving fields once the answer is past the bound', async () => {
    SlowResolver.calls = 0;
    // Slow.counted would resolve 300 ms later, once big is past the bound: it never does
    refusedForSize(await t.gql('{ big(chars: 6000000) slow { counted } }'));
    expect(SlowResolver.calls).toBe(0);
    expect((await t.gql('{ slow { counted } }')).errors).toBeUndefined();
    expect(SlowResolver.calls).toBe(1);
  });

  it('counts the bytes as serialised: escapes and multi-byte characters included', async () => {
    // 1,000,000 characters, 6,000,000 bytes of JSON
    const res = await t.gql('{ controlCharacters(chars: 1000000) }');
    refusedForSize(res);
    expect(JSON.stringify(res.errors).length).toBeLessThan(1000);
  });
});

describe('per-request timeout', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(graphqlTestModule({ providers: [ProbeResolver], timeoutMs: 100 }));
  });
  afterAll(() => t.close());

  it('stops resolving fields once the time budget is spent, with a stable code', async () => {
    const res = await t.gql('{ slow { value } }');
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'TIMEOUT' });
    expect(res.data ?? null).toBeNull();
    const fast = await t.gql('{ requestId }');
    expect(fast.errors).toBeUndefined();
  });
});

describe('a deadline already passed when validation starts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(graphqlTestModule({ providers: [ProbeResolver], timeoutMs: 0 }));
  });
  afterAll(() => t.close());

  it('refuses the request during validation, before anything runs', async () => {
    // __typename resolves without any resolver: only validation can refuse it
    const res = await t.gql('{ __typename }');
    expect(res.status).toBe(400);
    expect(res.data ?? null).toBeNull();
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'TIMEOUT' });
  });
});

/** `query { ...Fk }` with F0 = `body` and each Fi spreading F(i-1) twice. */
function fragmentBomb(k: number, body = '__typename'): string {
  let query = `query { ...F${k} } fragment F0 on Query { ${body} }`;
  for (let i = 1; i <= k; i++) query += ` fragment F${i} on Query { ...F${i - 1} ...F${i - 1} }`;
  return query;
}

describe('limits in linear time', () => {
  const schema = buildSchema(`
    type Query {
      node: Node
      things: [Thing!]!
      thing: Thing
      templates(first: Int, after: String): ThingConnection!
      search(input: SearchInput!): SearchResult!
    }
    interface Node { id: ID! }
    type Thing implements Node { id: ID! name: String! thing: Thing }
    type ThingConnection { totalCount: Int! edges: [ThingEdge!]! }
    type ThingEdge { cursor: String! node: Thing! }
    input SearchInput { query: String! first: Int }
    type SearchResult { hits: [Thing!]! facets: [Facet!]! }
    type Facet { name: String! }
    type ClauseTemplate implements Node { id: ID! revisions: [ClauseTemplateRevision!]! }
    type ClauseTemplateRevision { body: String! }
  `);

  const errorsOf = (source: string, introspection = true): readonly GraphQLError[] =>
    validate(schema, parse(source), [...specifiedRules, limitsRule({ introspection })]);
  const limitsOf = (source: string, introspection = true): unknown[] =>
    errorsOf(source, introspection).map((e) => e.extensions['limit']);
  const costOf = (
    source: string,
    variables: Record<string, unknown> = {},
    introspection = true,
  ): number | null => {
    const document = parse(source);
    const operation = document.definitions.find(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
    );
    if (!operation) throw new Error('no operation');
    return operationCost(schema, document, operation, variables, { introspection });
  };

  it('measures each fragment once: the fragment bombs of 22 and 90 levels are validated', () => {
    expect(errorsOf(fragmentBomb(22))).toEqual([]);
    expect(errorsOf(fragmentBomb(90))).toEqual([]);
    // each __typename as executed: 2^k
    expect(costOf(fragmentBomb(22))).toBe(2 ** 22);
    expect(costOf(fragmentBomb(90))).toBe(2 ** 90);
  });

  it('counts aliases, directives and depth as executed through fragments', () => {
    expect(limitsOf(fragmentBomb(90, 'a: __typename'))).toEqual(['MAX_ALIASES']);
    expect(limitsOf(fragmentBomb(90, '__typename @include(if: true)'))).toEqual(['MAX_DIRECTIVES']);
    const nine = 'thing { thing { thing { thing { thing { thing { thing { thing { name } } } } } } } }';
    expect(limitsOf(`{ ...F } fragment F on Query { ${nine} }`)).toEqual(['MAX_DEPTH']);
    expect(limitsOf(`{ thing { ...G } } fragment G on Thing { thing { thing { name } } }`)).toEqual([]);
  });

  it('does not loop on fragment cycles, which GraphQL refuses', () => {
    const cycle = '{ ...A } fragment A on Query { thing { id } ...B } fragment B on Query { ...A }';
    expect(errorsOf(cycle).map((e) => e.message)).toEqual([
      'Cannot spread fragment "A" within itself via "B".',
    ]);
    expect(costOf(cycle)).toBe(2);
  });

  it('refuses with TIMEOUT once the time budget of the validation is spent', () => {
    const fields = Array.from({ length: 200 }, () => 'thing { id }').join(' ');
    const withClock = (now: () => number): readonly GraphQLError[] =>
      validate(schema, parse(`{ ${fields} }`), [
        ...specifiedRules,
        limitsRule({ introspection: true, validationBudgetMs: 100, now }),
      ]);
    let clock = 0;
    const errors = withClock(() => (clock += 10));
    expect(errors.map((e) => e.message)).toEqual([
      'Requête interrompue pendant sa validation : délai de traitement dépassé.',
    ]);
    expect(errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'TIMEOUT' });
    expect(withClock(() => 0)).toEqual([]);
  });

  it('exempts introspection from depth and cost where it is enabled only', () => {
    const deep =
      '{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } }';
    expect(limitsOf(deep, true)).toEqual([]);
    expect(limitsOf(deep, false)).toEqual(['MAX_DEPTH']);
    expect(costOf('{ __schema { types { name } } }', {}, true)).toBe(0);
    expect(costOf('{ __schema { types { name } } }', {}, false)).toBeGreaterThan(0);
  });

  describe('the cost model', () => {
    it('counts a list field by its bound: 100 when the table does not name it', () => {
      expect(costOf('{ things { id } }')).toBe(1 + 100 * 1);
      expect(costOf('{ thing { id name } }')).toBe(1 + 2);
    });

    it('counts a text field in proportion to its bound, in every item of a list', () => {
      // ClauseTemplate.revisions: 100, ClauseTemplateRevision.body: 50,000 characters = 500 units
      expect(costOf('{ node { ... on ClauseTemplate { revisions { body } } } }')).toBe(1 + 1 + 100 * 500);
    });

    it('counts an item of an interface or a union as its costliest type, not the sum of them', () => {
      const both = '... on Thing { name } ... on ClauseTemplate { revisions { body } }';
      expect(costOf(`{ node { id ${both} } }`)).toBe(1 + 1 + (1 + 100 * 500));
      expect(
        costOf(`{ node { ...T ...C } } fragment T on Thing { name } fragment C on ClauseTemplate { id }`),
      ).toBe(1 + 1);
      // on an object type, every fragment applies
      expect(costOf('{ thing { ... on Thing { id } ... on Node { id } } }')).toBe(1 + 2);
    });

    it('counts the page of a paginated field from first, its variable, its default', () => {
      // templates, totalCount, edges and each edge: cursor, node, id
      const page = (n: number): number => 3 + 3 * n;
      const query = 'query($n: Int = 7) { templates(first: $n) { totalCount edges { cursor node { id } } } }';
      expect(costOf('{ templates(first: 5) { totalCount edges { cursor node { id } } } }')).toBe(page(5));
      expect(costOf(query, { n: 50 })).toBe(page(50));
      expect(costOf(query)).toBe(page(7));
      expect(costOf(query, { n: null })).toBe(page(20));
      expect(costOf(query, { n: 'beaucoup' })).toBe(page(100));
      expect(costOf('{ templates { totalCount edges { cursor node { id } } } }')).toBe(page(20));
    });

    it('counts search hits by the input first, literal or variable', () => {
      expect(costOf('{ search(input: { query: "x", first: 3 }) { hits { id } } }')).toBe(1 + 1 + 3);
      expect(
        costOf('query($i: SearchInput!) { search(input: $i) { hits { id } } }', {
          i: { query: 'x', first: 4 },
        }),
      ).toBe(1 + 1 + 4);
      expect(costOf('{ search(input: { query: "x" }) { hits { id } } }')).toBe(1 + 1 + 20);
    });

    it('gives up once the deadline has passed', () => {
      const document = parse(`{ ${Array.from({ length: 300 }, (_, i) => `f${i}: thing { id }`).join(' ')} }`);
      const operation = document.definitions[0] as OperationDefinitionNode;
      expect(operationCost(schema, document, operation, {}, { introspection: true, deadline: 0 })).toBeNull();
    });
  });
});
