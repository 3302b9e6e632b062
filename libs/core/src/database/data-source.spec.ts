import type { DataSource } from 'typeorm';
import { isDatabaseUnavailable } from '../errors/unavailable';
import { createTestDatabase, type TestDatabase } from '../testing/database';
import { createDataSource } from './data-source';

async function failure(work: Promise<unknown>): Promise<unknown> {
  try {
    await work;
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

describe('time bounds of the pool', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = createDataSource({
      url: db.url,
      entities: [],
      poolSize: 2,
      timeouts: { statementTimeoutMs: 300, connectTimeoutMs: 400 },
    });
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('cancels a statement past statement_timeout, as an unavailable database', async () => {
    const started = Date.now();
    const error = await failure(dataSource.query('SELECT pg_sleep(3)'));
    expect(Date.now() - started).toBeLessThan(1500);
    expect(error).toMatchObject({ code: '57014' });
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it('gives up waiting for a pooled connection after the connect timeout', async () => {
    const runners = [dataSource.createQueryRunner(), dataSource.createQueryRunner()];
    try {
      for (const runner of runners) await runner.connect();
      const started = Date.now();
      const error = await failure(dataSource.query('SELECT 1'));
      expect(Date.now() - started).toBeLessThan(1500);
      expect(isDatabaseUnavailable(error)).toBe(true);
    } finally {
      for (const runner of runners) await runner.release();
    }
  });

  it('drops a connection whose server stays silent, so that the ROLLBACK after it does not wait too', async () => {
    // a statement the server does not cancel (statement_timeout off for it) stands for a
    // frozen server: the client gives up after statement_timeout + grace
    const started = Date.now();
    const error = await failure(
      dataSource.transaction(async (manager) => {
        await manager.query('SET LOCAL statement_timeout = 0');
        await manager.query('SELECT pg_sleep(4)');
      }),
    );
    const elapsed = Date.now() - started;
    expect(isDatabaseUnavailable(error)).toBe(true);
    // one wait (300 ms + 1 s of grace), not a second one for the ROLLBACK behind the sleep
    expect(elapsed).toBeGreaterThanOrEqual(1200);
    expect(elapsed).toBeLessThan(2500);
    // and the pool serves again at once, on a fresh connection
    expect(await dataSource.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });
});
