import { Field, InputType } from '@nestjs/graphql';
import { OrganisationKind } from '../organisation.entity';

@InputType('OrganisationInput')
export class OrganisationInput {
  @Field()
  name!: string;

  @Field({ description: '14 digits; spaces are ignored' })
  siret!: string;

  @Field(() => OrganisationKind)
  kind!: OrganisationKind;

  @Field({ description: 'INSEE département code: 01-95, 2A, 2B, 971-976' })
  departmentCode!: string;

  @Field(() => String, { nullable: true, description: 'http or https address' })
  website?: string | null;
}
