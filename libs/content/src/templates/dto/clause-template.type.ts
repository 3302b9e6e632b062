import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ContentTypeBase } from '../../shared/content-type.base';
import { Node, connectionTypes } from '@resocc/core';
import { ClauseKind, VariableType } from '../../shared/enums';
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

@ObjectType('ClauseTemplateRevision', {
  description:
    "Earlier revisions' text is shown only to the template's organisation and to moderators; others get it for the current revision only.",
})
export class ClauseTemplateRevisionType {
  authorId!: string;

  @Field(() => Int)
  revision!: number;

  @Field({ description: 'empty when textWithheld' })
  body!: string;

  @Field(() => [TemplateVariableType], { description: 'empty when textWithheld' })
  variables!: TemplateVariableType[];

  @Field({
    description:
      "true when the text of this earlier revision is not shown to the viewer (only its organisation's members and moderators read it)",
  })
  textWithheld!: boolean;

  @Field(() => String, { nullable: true })
  changeNote!: string | null;

  @Field()
  createdAt!: Date;

  /** `withheld`: body and variables are left out (number, note, author and date stay). */
  static from(entity: ClauseTemplateRevisionEntity, withheld = false): ClauseTemplateRevisionType {
    return Object.assign(new ClauseTemplateRevisionType(), {
      authorId: entity.authorId,
      revision: entity.revision,
      body: withheld ? '' : entity.body,
      variables: withheld ? [] : entity.variables.map((v) => TemplateVariableType.from(v)),
      textWithheld: withheld,
      changeNote: entity.changeNote,
      createdAt: entity.createdAt,
    });
  }
}

@ObjectType('ClauseTemplate', { implements: () => [Node] })
export class ClauseTemplateType extends ContentTypeBase {
  readonly __typename = 'ClauseTemplate';

  @Field(() => ClauseKind)
  kind!: ClauseKind;

  @Field(() => [String], { description: 'e.g. "CCP art. L2112-2"' })
  legalReferences!: string[];

  @Field({ description: 'current revision, with {{variable}} placeholders' })
  body!: string;

  @Field(() => [TemplateVariableType])
  variables!: TemplateVariableType[];

  @Field(() => Int)
  revision!: number;

  static from(entity: ClauseTemplateEntity): ClauseTemplateType {
    const template = ContentTypeBase.fill(new ClauseTemplateType(), entity);
    template.kind = entity.kind;
    template.legalReferences = entity.legalReferences;
    template.body = entity.body;
    template.variables = entity.variables.map((v) => TemplateVariableType.from(v));
    template.revision = entity.revision;
    return template;
  }
}

export const { Connection: ClauseTemplateConnection } = connectionTypes(
  () => ClauseTemplateType,
  'ClauseTemplate',
);
