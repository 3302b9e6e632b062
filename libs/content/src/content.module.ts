import { Module } from '@nestjs/common';
import { ThemeResolver } from './themes/theme.resolver';
import { ThemeService } from './themes/theme.service';

@Module({
  providers: [ThemeService, ThemeResolver],
  exports: [ThemeService],
})
export class ContentModule {}
