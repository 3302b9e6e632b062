import { Injectable } from '@nestjs/common';
import type { GraphQLContext } from '@resocc/core';
import { ThemeType } from '../themes/dto/theme.type';
import { ThemeService } from '../themes/theme.service';

/** Per-request loaders shared by posts and templates. */
@Injectable()
export class ContentLoaders {
  constructor(private readonly themeService: ThemeService) {}

  /** Themes by slug, in the order given (the taxonomy is read once per process). */
  async themes(_ctx: GraphQLContext, slugs: readonly string[]): Promise<ThemeType[]> {
    const all = await this.themeService.bySlug();
    return slugs.flatMap((slug) => {
      const theme = all.get(slug);
      return theme ? [ThemeType.from(theme)] : [];
    });
  }
}
