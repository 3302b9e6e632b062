import { Module } from '@nestjs/common';
import { MembersModule } from '@resocc/members';
import { SearchModule } from '@resocc/search';
import { ContentPersonalData } from './content.personal-data';
import { OrganisationPostsResolver, PostResolver } from './posts/post.resolver';
import { PostService } from './posts/post.service';
import { ContentDocuments } from './search/content-documents';
import { SearchResolver } from './search/search.resolver';
import { ContentSeed } from './seed/content.seed';
import { ContentLoaders } from './shared/content-loaders';
import {
  OrganisationTemplatesResolver,
  TemplateResolver,
  TemplateRevisionResolver,
} from './templates/template.resolver';
import { TemplateService } from './templates/template.service';
import { ThemeResolver } from './themes/theme.resolver';
import { ThemeService } from './themes/theme.service';
import { ContentEvents } from './workflow/content-events';
import { ContentWorkflowService } from './workflow/content-workflow.service';

/** Themes, experience posts, clause templates and their workflow. */
@Module({
  imports: [MembersModule, SearchModule],
  providers: [
    ThemeService,
    ThemeResolver,
    ContentLoaders,
    ContentEvents,
    ContentWorkflowService,
    PostService,
    PostResolver,
    OrganisationPostsResolver,
    TemplateService,
    TemplateResolver,
    TemplateRevisionResolver,
    OrganisationTemplatesResolver,
    ContentPersonalData,
    ContentSeed,
    ContentDocuments,
    SearchResolver,
  ],
  exports: [ThemeService, PostService, TemplateService, ContentWorkflowService, ContentEvents],
})
export class ContentModule {}
