import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Node, Role, type Typed, connectionTypes, toGlobalId } from '@resocc/core';

/** How an erased account is shown next to the content it wrote. */
export const FORMER_MEMBER_NAME = 'ancien membre';

@ObjectType('User', { implements: () => [Node] })
export class UserType implements Node, Typed {
  readonly __typename = 'User';

  localId!: string;
  organisationId!: string;
  grantedRoles!: readonly Role[];
  /** Erased account (shown as "ancien membre"). */
  erased!: boolean;
  /** Accepted by the organisation (a référent, an ADMIN, a verified domain or its own application). */
  membershipApproved!: boolean;

  @Field(() => ID)
  id!: string;

  @Field()
  displayName!: string;

  @Field(() => String, { nullable: true, description: 'null unless the viewer is this user or an ADMIN' })
  email!: string | null;

  @Field()
  createdAt!: Date;

  @Field({ description: 'false until the link sent by e-mail is followed' })
  emailVerified!: boolean;

  @Field({ description: 'a référent of their organisation: decides who joins it' })
  referent!: boolean;

  static create(fields: Omit<UserType, 'id' | '__typename'>): UserType {
    const user = Object.assign(new UserType(), fields);
    user.id = toGlobalId('User', fields.localId);
    return user;
  }
}

export const { Connection: UserConnection } = connectionTypes(() => UserType, 'User');
