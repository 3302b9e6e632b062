import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Node, type Typed, connectionTypes, toGlobalId } from '@resocc/core';
import { ClauseKind, Consideration, ContentStatus, VariableType, Visibility } from '../../shared/enums';
import type {
  ClauseTemplateEntity,
  ClauseTemplateRevisionEntity,
  TemplateVariable,
} from '../clause-template.entity';

@ObjectType('TemplateVariable')
export class TemplateVariableType {
  @Field({ description: 'used in the body as {{name}}' })
  name!: string;

  @Field()
  label!: string;

  @Field(() => VariableType)
  type!: VariableType;

  @Field()
  required!: boolean;

  @Field(() => [String], { nullable: true, description: 'CHOICE only' })
  options!: string[] | null;

  static from(variable: TemplateVariable): TemplateVariableType {
    return Object.assign(new TemplateVariableType(), { ...variable, options: variable.options ?? null });
  }
}

@ObjectType('ClauseTemplateRevision')
export class ClauseTemplateRevisionType {
  authorId!: string;

  @Field(() => Int)
  revision!: number;

  @Field()
  body!: string;

  @Field(() => [TemplateVariableType])
  variables!: TemplateVariableType[];

  @Field(() => String, { nullable: true })
  changeNote!: string | null;

  @Field()
  createdAt!: Date;

  static from(entity: ClauseTemplateRevisionEntity): ClauseTemplateRevisionType {
    return Object.assign(new ClauseTemplateRevisionType(), {
      authorId: entity.authorId,
      revision: entity.revision,
      body: entity.body,
      variables: entity.variables.map((v) => TemplateVariableType.from(v)),
      changeNote: entity.changeNote,
      createdAt: entity.createdAt,
    });
  }
}

@ObjectType('ClauseTemplate', { implements: () => [Node] })
export class ClauseTemplateType implements Node, Typed {
  readonly __typename = 'ClauseTemplate';

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

  @Field(() => ClauseKind)
  kind!: ClauseKind;

  @Field(() => [Consideration])
  considerations!: Consideration[];

  @Field(() => [String], { description: 'e.g. "CCP art. L2112-2"' })
  legalReferences!: string[];

  @Field({ description: 'current revision, with {{variable}} placeholders' })
  body!: string;

  @Field(() => [TemplateVariableType])
  variables!: TemplateVariableType[];

  @Field(() => Int)
  revision!: number;

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

  static from(entity: ClauseTemplateEntity): ClauseTemplateType {
    return Object.assign(new ClauseTemplateType(), {
      localId: entity.id,
      authorId: entity.authorId,
      organisationId: entity.organisationId,
      themeSlugs: entity.themes,
      id: toGlobalId('ClauseTemplate', entity.id),
      title: entity.title,
      summary: entity.summary,
      kind: entity.kind,
      considerations: entity.considerations,
      legalReferences: entity.legalReferences,
      body: entity.body,
      variables: entity.variables.map((v) => TemplateVariableType.from(v)),
      revision: entity.revision,
      visibility: entity.visibility,
      status: entity.status,
      version: entity.version,
      publishedAt: entity.publishedAt,
      createdAt: entity.createdAt,
      updatedAt: entity.updatedAt,
    });
  }
}

export const { Connection: ClauseTemplateConnection } = connectionTypes(
  () => ClauseTemplateType,
  'ClauseTemplate',
);
