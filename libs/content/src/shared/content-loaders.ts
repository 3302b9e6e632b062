import { Injectable } from '@nestjs/common';
import type { GraphQLContext } from '@resocc/core';
import { ThemeType } from '../themes/dto/theme.type';
import { ThemeService } from '../themes/theme.service';

/** Per-request loaders shared by posts and templates. */
@Injectable()
export class ContentLoaders {
  /** The taxonomy's GraphQL objects by slug, built once with the taxonomy (read-only, shared by requests). */
  private themeTypes: ReadonlyMap<string, ThemeType> | undefined;

  constructor(private readonly themeService: ThemeService) {}

  /**
   * Themes by slug, in the order given (the taxonomy is read once per process). Synchronous
   * once the taxonomy is loaded: a list resolves one such field per item.
   */
  themes(_ctx: GraphQLContext, slugs: readonly string[]): ThemeType[] | Promise<ThemeType[]> {
    if (this.themeTypes) return pick(this.themeTypes, slugs);
    return this.themeService.bySlug().then((all) => {
      this.themeTypes ??= new Map([...all].map(([slug, theme]) => [slug, ThemeType.from(theme)]));
      return pick(this.themeTypes, slugs);
    });
  }
}

function pick(themes: ReadonlyMap<string, ThemeType>, slugs: readonly string[]): ThemeType[] {
  const picked: ThemeType[] = [];
  for (const slug of slugs) {
    const theme = themes.get(slug);
    if (theme) picked.push(theme);
  }
  return picked;
}
