/** The two kinds of content, by their GraphQL type names. */
export type ContentType = 'ExperiencePost' | 'ClauseTemplate';

export interface ContentRef {
  type: ContentType;
  id: string;
}
