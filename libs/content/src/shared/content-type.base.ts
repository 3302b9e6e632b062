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

  /** Sets the shared fields from an entity, for the subclasses' `from` (plain stores: lists map many rows). */
  protected static fill<T extends ContentTypeBase>(target: T, entity: ContentEntityBase): T {
    target.localId = entity.id;
    target.authorId = entity.authorId;
    target.organisationId = entity.organisationId;
    target.themeSlugs = entity.themes;
    target.id = toGlobalId(target.__typename, entity.id);
    target.title = entity.title;
    target.summary = entity.summary;
    target.considerations = entity.considerations;
    target.visibility = entity.visibility;
    target.status = entity.status;
    target.version = entity.version;
    target.publishedAt = entity.publishedAt;
    target.createdAt = entity.createdAt;
    target.updatedAt = entity.updatedAt;
    return target;
  }
}
