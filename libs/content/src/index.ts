import { ThemeEntity } from './themes/theme.entity';

export { ContentModule } from './content.module';
export { ThemeService } from './themes/theme.service';
export { ThemeType } from './themes/dto/theme.type';
export { ThemeEntity };

/** Entities of the content module, for the data source. */
export const contentEntities = [ThemeEntity];
