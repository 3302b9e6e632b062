import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Consideration, ProcedureType, Visibility } from '../../shared/enums';

@InputType('ExperiencePostInput')
export class ExperiencePostInput {
  @Field({ description: 'at most 200 characters' })
  title!: string;

  @Field({ description: 'at most 1,000 characters' })
  summary!: string;

  @Field({ description: 'Markdown, at most 50,000 characters' })
  body!: string;

  @Field(() => [String], { description: 'theme slugs, at most 8' })
  themes!: string[];

  @Field(() => [Consideration])
  considerations!: Consideration[];

  @Field(() => ProcedureType, { nullable: true })
  procedureType?: ProcedureType | null;

  @Field(() => [String], { nullable: true, description: '"NNNNNNNN" or "NNNNNNNN-N", at most 10' })
  cpvCodes?: string[] | null;

  @Field(() => Int, { nullable: true, description: 'from 2000 to next year' })
  contractYear?: number | null;

  @Field(() => String, { nullable: true, description: 'INSEE département code' })
  departmentCode?: string | null;

  @Field(() => String, { nullable: true, description: 'at most 5,000 characters' })
  outcomes?: string | null;

  @Field(() => [ID], { nullable: true, description: 'clause templates this purchase used' })
  clauseTemplateIds?: string[] | null;

  @Field(() => Visibility)
  visibility!: Visibility;
}
