import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ContentTypeBase } from '../../shared/content-type.base';
import { Node, connectionTypes } from '@resocc/core';
import { ProcedureType } from '../../shared/enums';
import type { ExperiencePostEntity } from '../experience-post.entity';

@ObjectType('ExperiencePost', { implements: () => [Node] })
export class ExperiencePostType extends ContentTypeBase {
  readonly __typename = 'ExperiencePost';

  @Field({ description: 'Markdown as written' })
  body!: string;

  @Field({ description: 'rendered and sanitised' })
  bodyHtml!: string;

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

  static from(entity: ExperiencePostEntity): ExperiencePostType {
    const post = ContentTypeBase.fill(new ExperiencePostType(), entity);
    post.body = entity.body;
    post.bodyHtml = entity.bodyHtml;
    post.procedureType = entity.procedureType;
    post.cpvCodes = entity.cpvCodes;
    post.contractYear = entity.contractYear;
    post.departmentCode = entity.departmentCode;
    post.outcomes = entity.outcomes;
    return post;
  }
}

export const { Connection: ExperiencePostConnection } = connectionTypes(
  () => ExperiencePostType,
  'ExperiencePost',
);
