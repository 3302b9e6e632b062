import { ExperiencePostEntity, ExperiencePostTemplateEntity } from './posts/experience-post.entity';
import { ClauseTemplateEntity, ClauseTemplateRevisionEntity } from './templates/clause-template.entity';
import { ThemeEntity } from './themes/theme.entity';

export { ContentModule } from './content.module';
export { ThemeService } from './themes/theme.service';
export { ThemeType } from './themes/dto/theme.type';
export { PostService } from './posts/post.service';
export { TemplateService } from './templates/template.service';
export { ContentWorkflowService, type ContentItem } from './workflow/content-workflow.service';
export {
  ContentEvents,
  type ContentStatusChanged,
  type ContentPublishedWithoutReview,
} from './workflow/content-events';
export { ContentTransition, canTransition, STATUS_LABELS } from './workflow/content-state-machine';
export { canSeeContent, visibilitySql } from './shared/visibility';
export {
  ContentStatus,
  Visibility,
  ClauseKind,
  Consideration,
  ProcedureType,
  VariableType,
} from './shared/enums';
export { type ContentRef, type ContentType } from './shared/content-ref';
export { ExperiencePostType, ExperiencePostConnection } from './posts/dto/experience-post.type';
export { ClauseTemplateType, ClauseTemplateConnection } from './templates/dto/clause-template.type';
export { ExperiencePostEntity, ClauseTemplateEntity, ClauseTemplateRevisionEntity, ThemeEntity };

import { searchEntities } from '@resocc/search';

/** Entities of the content module, for the data source. */
export const contentEntities = [
  ThemeEntity,
  ExperiencePostEntity,
  ExperiencePostTemplateEntity,
  ClauseTemplateEntity,
  ClauseTemplateRevisionEntity,
];

/** The content module's entities with those of the modules it imports (search outbox). */
export const contentModuleEntities = [...contentEntities, ...searchEntities];
