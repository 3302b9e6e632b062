import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Node, type Typed, connectionTypes, toGlobalId } from '@resocc/core';
import { type MembershipRequestEntity, MembershipRequestStatus } from '../membership-request.entity';

@ObjectType('MembershipRequest', {
  implements: () => [Node],
  description: "A person's request to join an organisation, decided by its référents or an ADMIN",
})
export class MembershipRequestType implements Node, Typed {
  readonly __typename = 'MembershipRequest';

  localId!: string;
  userId!: string;
  organisationId!: string;

  @Field(() => ID)
  id!: string;

  @Field(() => MembershipRequestStatus)
  status!: MembershipRequestStatus;

  @Field(() => String, { nullable: true, description: 'why it was refused' })
  reason!: string | null;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  decidedAt!: Date | null;

  static from(entity: MembershipRequestEntity): MembershipRequestType {
    return Object.assign(new MembershipRequestType(), {
      localId: entity.id,
      userId: entity.userId,
      organisationId: entity.organisationId,
      id: toGlobalId('MembershipRequest', entity.id),
      status: entity.status,
      reason: entity.reason,
      createdAt: entity.createdAt,
      decidedAt: entity.decidedAt,
    });
  }
}

export const { Connection: MembershipRequestConnection } = connectionTypes(
  () => MembershipRequestType,
  'MembershipRequest',
);
