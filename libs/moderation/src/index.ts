import { moderationEntityList } from './moderation.entities';

export { ModerationModule } from './moderation.module';

/** Entities of the moderation module, for the data source. */
export const moderationEntities = moderationEntityList;
