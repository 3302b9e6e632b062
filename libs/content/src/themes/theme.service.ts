import { Inject, Injectable } from '@nestjs/common';
import { DATA_SOURCE } from '@resocc/core';
import { DataSource, In } from 'typeorm';
import { ThemeEntity } from './theme.entity';

/** The network's theme taxonomy (reference data seeded by a migration). */
@Injectable()
export class ThemeService {
  private known: Promise<ReadonlySet<string>> | undefined;

  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  list(): Promise<ThemeEntity[]> {
    return this.dataSource.getRepository(ThemeEntity).find({ order: { position: 'ASC' } });
  }

  byIds(ids: readonly string[]): Promise<ThemeEntity[]> {
    return this.dataSource.getRepository(ThemeEntity).findBy({ id: In([...ids]) });
  }

  bySlugs(slugs: readonly string[]): Promise<ThemeEntity[]> {
    return this.dataSource.getRepository(ThemeEntity).findBy({ slug: In([...slugs]) });
  }

  /** Slugs that exist (the taxonomy only changes with a migration, so it is read once). */
  knownSlugs(): Promise<ReadonlySet<string>> {
    this.known ??= this.list().then((themes) => new Set(themes.map((t) => t.slug)));
    return this.known;
  }
}
