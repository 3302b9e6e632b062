import { Injectable } from '@nestjs/common';
import type { GraphQLContext } from '@resocc/core';
import { ThemeType } from '../themes/dto/theme.type';
import { ThemeService } from '../themes/theme.service';

/** Per-request loaders shared by posts and templates. */
@Injectable()
export class ContentLoaders {
  constructor(private readonly themeService: ThemeService) {}

  /** Themes by slug, in the order given (the whole taxonomy is one small query per request). */
  async themes(ctx: GraphQLContext, slugs: readonly string[]): Promise<ThemeType[]> {
    const loader = ctx.loaders.get<string, ThemeType | null>('content:theme-by-slug', async (keys) => {
      const rows = await this.themeService.bySlugs(keys);
      const bySlug = new Map(rows.map((t) => [t.slug, ThemeType.from(t)]));
      return keys.map((k) => bySlug.get(k) ?? null);
    });
    const themes = await loader.loadMany([...slugs]);
    return themes.filter((t): t is ThemeType => t !== null && !(t instanceof Error));
  }
}
