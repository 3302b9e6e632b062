import { DataSource } from 'typeorm';
import { createDataSource } from '../database/data-source';
import { AppMetaEntity } from '../database/app-meta.entity';
import { createTestDatabase, type TestDatabase } from '../testing';
import { SeedRegistry } from './seed';

describe('SeedRegistry', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = createDataSource({ url: db.url, entities: [AppMetaEntity] });
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('runs each step once, in order, even when seeding twice or concurrently', async () => {
    const calls: string[] = [];
    const registry = new SeedRegistry();
    registry.register({
      name: 'content',
      order: 20,
      run: async (manager) => {
        calls.push('content');
        await manager.insert(AppMetaEntity, { key: 'demo:content', value: 'x' });
      },
    });
    registry.register({ name: 'members', order: 10, run: async () => void calls.push('members') });

    const results = await Promise.all([registry.seed(dataSource), registry.seed(dataSource)]);
    expect(results.flat()).toEqual(['members', 'content']);
    expect(calls).toEqual(['members', 'content']);
    expect(await registry.seed(dataSource)).toEqual([]);
    expect(await dataSource.getRepository(AppMetaEntity).countBy({ key: 'demo:content' })).toBe(1);
  });

  it('writes nothing when a step fails', async () => {
    const registry = new SeedRegistry();
    registry.register({
      name: 'half',
      order: 1,
      run: async (manager) => {
        await manager.insert(AppMetaEntity, { key: 'demo:half', value: 'x' });
        throw new Error('boom');
      },
    });
    await expect(registry.seed(dataSource)).rejects.toThrow('boom');
    expect(await dataSource.getRepository(AppMetaEntity).countBy({ key: 'demo:half' })).toBe(0);
    expect(await dataSource.getRepository(AppMetaEntity).countBy({ key: 'seed:half' })).toBe(0);
  });
});
