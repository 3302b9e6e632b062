import { Query, Resolver } from '@nestjs/graphql';
import { Authenticated, Public } from '../auth/access';
import {
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  RateLimitedError,
} from '../errors/domain-errors';
import { createTestApp, graphqlTestModule, type TestApp } from '../testing';

@Resolver()
class LevelsResolver {
  @Public()
  @Query(() => String)
  badInput(): string {
    throw BadUserInputError.field('input.title', 'Le titre est obligatoire.');
  }

  @Public()
  @Query(() => String)
  forbidden(): string {
    throw new ForbiddenError();
  }

  @Public()
  @Query(() => String)
  missing(): string {
    throw new NotFoundError();
  }

  @Public()
  @Query(() => String)
  conflict(): string {
    throw new ConflictError('Cette version a déjà été modifiée.');
  }

  @Public()
  @Query(() => String)
  limited(): string {
    throw new RateLimitedError(60);
  }

  @Authenticated()
  @Query(() => String)
  membersOnly(): string {
    return 'pour les membres';
  }

  @Public()
  @Query(() => String)
  broken(): string {
    throw new Error('a bug: undefined is not a function');
  }

  @Public()
  @Query(() => String)
  databaseDown(): string {
    throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
  }
}

type Line = Record<string, unknown>;

describe('log levels of request errors', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(graphqlTestModule({ providers: [LevelsResolver] }), {
      env: { LOG_LEVEL: 'debug' },
    });
  });
  afterAll(() => t.close());

  async function linesOf(query: string): Promise<{ code?: string; requestId: string; lines: Line[] }> {
    t.logs.lines.length = 0;
    const res = await t.gql(query);
    return {
      code: res.errors?.[0]?.extensions?.code,
      requestId: res.headers['x-request-id'],
      lines: [...t.logs.lines],
    };
  }

  const level = (line: Line): number => Number(line['level']);

  it.each([
    ['{ badInput }', 'BAD_USER_INPUT'],
    ['{ membersOnly }', 'UNAUTHENTICATED'],
    ['{ forbidden }', 'FORBIDDEN'],
    ['{ missing }', 'NOT_FOUND'],
    ['{ conflict }', 'CONFLICT'],
    ['{ limited }', 'RATE_LIMITED'],
  ])(
    'logs the client error of %s at debug or info with its code %s, never at warn or error',
    async (query, code) => {
      const { code: answered, lines } = await linesOf(query);
      expect(answered).toBe(code);
      expect(lines.filter((l) => level(l) >= 40)).toEqual([]);
      expect(lines).toContainEqual(expect.objectContaining({ code }));
      expect(lines.filter((l) => l['code'] === code).every((l) => level(l) <= 30)).toBe(true);
    },
  );

  it('logs nothing above info for a request GraphQL refuses (unknown field)', async () => {
    const { code, lines } = await linesOf('{ nope }');
    expect(code).toBe('BAD_USER_INPUT');
    expect(lines.filter((l) => level(l) >= 40)).toEqual([]);
  });

  it('logs an unexpected error at error with the request id and its stack, and masks it for the client', async () => {
    const { code, requestId, lines } = await linesOf('{ broken }');
    expect(code).toBe('INTERNAL_SERVER_ERROR');
    expect(requestId).toEqual(expect.any(String));
    const errors = lines.filter((l) => level(l) === 50);
    expect(errors).toContainEqual(
      expect.objectContaining({
        requestId,
        err: expect.objectContaining({
          message: 'a bug: undefined is not a function',
          stack: expect.any(String),
        }),
      }),
    );
  });

  it('reports an unavailable database as SERVICE_UNAVAILABLE, logged with the request id', async () => {
    const { code, requestId, lines } = await linesOf('{ databaseDown }');
    expect(code).toBe('SERVICE_UNAVAILABLE');
    expect(lines.filter((l) => level(l) >= 40 && l['requestId'] === requestId)).not.toEqual([]);
  });
});
