import { Field, ObjectType } from '@nestjs/graphql';
import { UserType } from '../../users/dto/user.type';

@ObjectType('AuthPayload')
export class AuthPayload {
  @Field({ description: 'JWT to send as "Authorization: Bearer <accessToken>"' })
  accessToken!: string;

  @Field({ description: 'single use: refreshSession exchanges it for a new pair' })
  refreshToken!: string;

  @Field({ description: 'when the access token expires' })
  expiresAt!: Date;

  @Field(() => UserType)
  user!: UserType;
}
