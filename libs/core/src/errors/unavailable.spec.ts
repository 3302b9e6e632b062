import { GraphQLError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { createFormatError } from './format-error';
import { serviceUnavailablePlugin } from './service-unavailable.plugin';
import { isDatabaseUnavailable } from './unavailable';

function pgError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

function failed(driverError: Error): QueryFailedError {
  return new QueryFailedError('SELECT 1', [], driverError);
}

const format = createFormatError(true);

function codeOf(thrown: Error): unknown {
  const wrapped = new GraphQLError(thrown.message, { path: ['themes'], originalError: thrown });
  return format({ message: thrown.message, path: ['themes'] }, wrapped).extensions?.['code'];
}

describe('a database that does not answer', () => {
  it.each([
    ['statement_timeout', failed(pgError('57014', 'canceling statement due to statement timeout'))],
    ['no pooled connection in time', new Error('timeout exceeded when trying to connect')],
    ['no connection in time', new Error('Connection terminated due to connection timeout')],
    ['server gone mid-statement', failed(new Error('Connection terminated unexpectedly'))],
    ['server silent past query_timeout', failed(new Error('Query read timeout'))],
    ['connection refused', pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    [
      'refused on every address',
      new AggregateError([pgError('ECONNREFUSED', 'connect ECONNREFUSED ::1:5432')]),
    ],
    ['shutting down', failed(pgError('57P01', 'terminating connection due to administrator command'))],
    ['starting up', pgError('57P03', 'the database system is starting up')],
    ['too many connections', pgError('53300', 'sorry, too many clients already')],
    ['connection exception', failed(pgError('08006', 'connection failure'))],
  ])('is SERVICE_UNAVAILABLE: %s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(codeOf(error)).toBe('SERVICE_UNAVAILABLE');
  });

  it.each([
    ['a unique violation', failed(pgError('23505', 'duplicate key value violates unique constraint'))],
    ['a permission refused', failed(pgError('42501', 'permission denied for table moderation_event'))],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    [
      "a search engine's network error (its cause is not followed)",
      Object.assign(new Error('fetch failed'), { cause: pgError('ECONNREFUSED', 'connect ECONNREFUSED') }),
    ],
  ])('is not: %s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
    expect(codeOf(error)).toBe('INTERNAL_SERVER_ERROR');
  });

  it('still answers a value PostgreSQL refused as data with BAD_USER_INPUT', () => {
    expect(codeOf(failed(pgError('22021', 'invalid byte sequence for encoding "UTF8"')))).toBe(
      'BAD_USER_INPUT',
    );
  });
});

describe('serviceUnavailablePlugin', () => {
  type Hooks = { willSendResponse(context: unknown): Promise<void> };

  async function send(errors: { message: string; extensions?: Record<string, unknown> }[]) {
    const response = {
      http: { status: undefined as number | undefined, headers: new Map<string, string>() },
      body: { kind: 'single' as const, singleResult: { data: null, errors } },
    };
    const plugin = serviceUnavailablePlugin<object>();
    const hooks = (await plugin.requestDidStart?.({} as never)) as unknown as Hooks;
    await hooks.willSendResponse({ response });
    return response.http;
  }

  it('makes the whole response 503 with Retry-After when one error is SERVICE_UNAVAILABLE', async () => {
    const http = await send([
      { message: 'introuvable', extensions: { code: 'NOT_FOUND' } },
      { message: 'indisponible', extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 5 } },
    ]);
    expect(http.status).toBe(503);
    expect(http.headers.get('retry-after')).toBe('5');
  });

  it('leaves other responses alone', async () => {
    const http = await send([{ message: 'interdit', extensions: { code: 'FORBIDDEN' } }]);
    expect(http.status).toBeUndefined();
    expect(http.headers.has('retry-after')).toBe(false);
  });
});
