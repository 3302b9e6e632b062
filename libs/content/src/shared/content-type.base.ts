import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Node, type Typed, toGlobalId } from '@resocc/core';
import type { ContentEntityBase } from './content-entity.base';
import { Consideration, ContentStatus, Visibility } from './enums';

/** The GraphQL fields experience posts and clause templates share. */
@ObjectType({ isAbstract: true })
export abstract class ContentTypeBase implements Node, Typed {
  abstract readonly __typename: 'ExperiencePost' | 'ClauseTemplate';

  localId!: string;
  authorId!: string;
  organisationId!: string;
  themeSlugs!: string[];

  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field()
  summary!: string;

  @Field(() => [Consideration])
  considerations!: Consideration[];

  @Field(() => Visibility)
  visibility!: Visibility;

  @Field(() => ContentStatus)
  status!: ContentStatus;

  @Field(() => Int, { description: 'optimistic locking: updates pass the version they read' })
  version!: number;

  @Field(() => Date, { nullable: true })
  publishedAt!: Date | null;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;

  /** The shared fields of an entity, for the subclasses' `from`. */
  protected static common(type: 'ExperiencePost' | 'ClauseTemplate', entity: ContentEntityBase) {
    return {
      localId: entity.id,
      authorId: entity.authorId,
      organisationId: entity.organisationId,
      themeSlugs: entity.themes,
      id: toGlobalId(type, entity.id),
      title: entity.title,
      summary: entity.summary,
      considerations: entity.considerations,
      visibility: entity.visibility,
      status: entity.status,
      version: entity.version,
      publishedAt: entity.publishedAt,
      createdAt: entity.createdAt,
      updatedAt: entity.updatedAt,
    };
  }
}
