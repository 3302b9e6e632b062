import type { SearchDocumentType } from '@resocc/search';

/** The two kinds of content, by their GraphQL type names. */
export type ContentType = 'ExperiencePost' | 'ClauseTemplate';

export const SEARCH_TYPE: Record<ContentType, SearchDocumentType> = {
  ExperiencePost: 'EXPERIENCE_POST',
  ClauseTemplate: 'CLAUSE_TEMPLATE',
};

export interface ContentRef {
  type: ContentType;
  id: string;
}
