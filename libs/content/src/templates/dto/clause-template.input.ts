import { Field, InputType } from '@nestjs/graphql';
import { ClauseKind, Consideration, VariableType, Visibility } from '../../shared/enums';

@InputType('TemplateVariableInput')
export class TemplateVariableInput {
  @Field({ description: 'used in the body as {{name}}; matches [a-z][a-z0-9_]*' })
  name!: string;

  @Field()
  label!: string;

  @Field(() => VariableType)
  type!: VariableType;

  @Field()
  required!: boolean;

  @Field(() => [String], { nullable: true, description: 'CHOICE only' })
  options?: string[] | null;
}

@InputType('ClauseTemplateInput')
export class ClauseTemplateInput {
  @Field()
  title!: string;

  @Field()
  summary!: string;

  @Field(() => ClauseKind)
  kind!: ClauseKind;

  @Field(() => [Consideration])
  considerations!: Consideration[];

  @Field(() => [String])
  themes!: string[];

  @Field(() => [String], { description: 'e.g. "CCP art. L2112-2"' })
  legalReferences!: string[];

  @Field({ description: 'clause text with {{variable}} placeholders' })
  body!: string;

  @Field(() => [TemplateVariableInput])
  variables!: TemplateVariableInput[];

  @Field(() => String, { nullable: true, description: 'what changed, for the revision history' })
  changeNote?: string | null;

  @Field(() => Visibility)
  visibility!: Visibility;
}

@InputType('VariableValueInput')
export class VariableValueInput {
  @Field()
  name!: string;

  @Field()
  value!: string;
}
