import { Inject, Injectable } from '@nestjs/common';
import { DATA_SOURCE } from '@resocc/core';
import { DataSource, In } from 'typeorm';
import { ThemeEntity } from './theme.entity';

/** The network's theme taxonomy (reference data seeded by a migration). */
@Injectable()
export class ThemeService {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  list(): Promise<ThemeEntity[]> {
    return this.dataSource.getRepository(ThemeEntity).find({ order: { position: 'ASC' } });
  }

  byIds(ids: readonly string[]): Promise<ThemeEntity[]> {
    return this.dataSource.getRepository(ThemeEntity).findBy({ id: In([...ids]) });
  }
}
