import { type OnModuleInit } from '@nestjs/common';
import { Query, Resolver } from '@nestjs/graphql';
import { NodeRegistry, Public, byKeys } from '@resocc/core';
import { ThemeType } from './dto/theme.type';
import { ThemeService } from './theme.service';

@Resolver(() => ThemeType)
export class ThemeResolver implements OnModuleInit {
  constructor(
    private readonly themeService: ThemeService,
    private readonly nodes: NodeRegistry,
  ) {}

  onModuleInit(): void {
    this.nodes.register('Theme', async (ids) => {
      const rows = await this.themeService.byIds(ids);
      return byKeys(ids, rows, (row) => row.id).map((row) => (row ? ThemeType.from(row) : null));
    });
  }

  @Public()
  @Query(() => [ThemeType], { description: 'The themes the network works on, in display order.' })
  async themes(): Promise<ThemeType[]> {
    return (await this.themeService.list()).map((theme) => ThemeType.from(theme));
  }
}
