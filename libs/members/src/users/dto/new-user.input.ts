import { Field, InputType } from '@nestjs/graphql';

@InputType('NewUserInput')
export class NewUserInput {
  @Field()
  email!: string;

  @Field({ description: 'at least 12 characters' })
  password!: string;

  @Field()
  displayName!: string;
}
