import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Node, type Typed, connectionTypes, toGlobalId } from '@resocc/core';
import { Consideration, ContentStatus, ProcedureType, Visibility } from '../../shared/enums';
import type { ExperiencePostEntity } from '../experience-post.entity';

@ObjectType('ExperiencePost', { implements: () => [Node] })
export class ExperiencePostType implements Node, Typed {
  readonly __typename = 'ExperiencePost';

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

  @Field({ description: 'Markdown as written' })
  body!: string;

  @Field({ description: 'rendered and sanitised' })
  bodyHtml!: string;

  @Field(() => [Consideration])
  considerations!: Consideration[];

  @Field(() => ProcedureType, { nullable: true })
  procedureType!: ProcedureType | null;

  @Field(() => [String], { description: '8-digit CPV codes' })
  cpvCodes!: string[];

  @Field(() => Int, { nullable: true })
  contractYear!: number | null;

  @Field(() => String, { nullable: true })
  departmentCode!: string | null;

  @Field(() => String, { nullable: true })
  outcomes!: string | null;

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

  static from(entity: ExperiencePostEntity): ExperiencePostType {
    return Object.assign(new ExperiencePostType(), {
      localId: entity.id,
      authorId: entity.authorId,
      organisationId: entity.organisationId,
      themeSlugs: entity.themes,
      id: toGlobalId('ExperiencePost', entity.id),
      title: entity.title,
      summary: entity.summary,
      body: entity.body,
      bodyHtml: entity.bodyHtml,
      considerations: entity.considerations,
      procedureType: entity.procedureType,
      cpvCodes: entity.cpvCodes,
      contractYear: entity.contractYear,
      departmentCode: entity.departmentCode,
      outcomes: entity.outcomes,
      visibility: entity.visibility,
      status: entity.status,
      version: entity.version,
      publishedAt: entity.publishedAt,
      createdAt: entity.createdAt,
      updatedAt: entity.updatedAt,
    });
  }
}

export const { Connection: ExperiencePostConnection } = connectionTypes(
  () => ExperiencePostType,
  'ExperiencePost',
);
