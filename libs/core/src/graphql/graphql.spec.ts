import { Inject } from '@nestjs/common';
import { Args, Field, InputType, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { Authenticated, Ctx, Public } from '../auth/access';
import { DATA_SOURCE } from '../database/transaction';
import { AppMetaEntity } from '../database/app-meta.entity';
import { FieldErrors } from '../errors/domain-errors';
import { createTestApp, graphqlTestModule, type TestApp } from '../testing';
import type { GraphQLContext } from './context';
import { PaginationArgs, connectionTypes, pageRequest, toConnection } from './connection';
import { toGlobalId } from './global-id';

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
