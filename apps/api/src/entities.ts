import { contentEntities } from '@resocc/content';
import { coreEntities } from '@resocc/core';
import { membersEntities } from '@resocc/members';
import { moderationEntities } from '@resocc/moderation';
import { searchEntities } from '@resocc/search';

/** Every entity of the platform, for the one data source. */
export const entities = [
  ...coreEntities,
  ...membersEntities,
  ...contentEntities,
  ...moderationEntities,
  ...searchEntities,
];
