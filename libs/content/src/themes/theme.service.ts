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

  private all: Promise<ReadonlyMap<string, ThemeEntity>> | undefined;

  /** Slugs that exist (the taxonomy only changes with a migration, so it is read once). */
  async knownSlugs(): Promise<ReadonlySet<string>> {
    this.known ??= this.bySlug().then((themes) => new Set(themes.keys()));
    return this.known;
  }

  /** The whole taxonomy by slug, read once per process. */
  bySlug(): Promise<ReadonlyMap<string, ThemeEntity>> {
    this.all ??= this.list().then((themes) => new Map(themes.map((t) => [t.slug, t])));
    this.all.catch(() => {
      this.all = undefined; // retry on the next call
    });
    return this.all;
  }
}
