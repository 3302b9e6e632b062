import { Field, ID, Int, ObjectType, createUnionType } from '@nestjs/graphql';
import { ClauseTemplateType, ExperiencePostType } from '@resocc/content';
import { Node, PageInfo, type Typed, connectionTypes, resolveTypename, toGlobalId } from '@resocc/core';
import { OrganisationType, UserType } from '@resocc/members';
import type {
  CollectionEntity,
  ModerationEventEntity,
  NotificationEntity,
  ReportEntity,
  TargetType,
} from './moderation.entities';
import { ModerationAction, ReportReason, ReportStatus } from './moderation.enums';

export const ModeratedContent = createUnionType({
  name: 'ModeratedContent',
  types: () => [ExperiencePostType, ClauseTemplateType] as const,
  resolveType: resolveTypename,
});
export type ModeratedContentValue = ExperiencePostType | ClauseTemplateType;

export interface TargetRef {
  targetType: TargetType;
  targetId: string;
}

@ObjectType('Report', { implements: () => [Node] })
export class ReportType implements Node, Typed, TargetRef {
  readonly __typename = 'Report';
  targetType!: TargetType;
  targetId!: string;
  reporterId!: string | null;

  @Field(() => ID)
  id!: string;

  @Field(() => ReportReason)
  reason!: ReportReason;

  @Field(() => String, { nullable: true })
  comment!: string | null;

  @Field(() => ReportStatus)
  status!: ReportStatus;

  @Field()
  createdAt!: Date;

  static from(entity: ReportEntity): ReportType {
    return Object.assign(new ReportType(), {
      id: toGlobalId('Report', entity.id),
      targetType: entity.targetType,
      targetId: entity.targetId,
      reporterId: entity.reporterId,
      reason: entity.reason,
      comment: entity.comment,
      status: entity.status,
      createdAt: entity.createdAt,
    });
  }
}

@ObjectType('ModerationEvent', { implements: () => [Node] })
export class ModerationEventType implements Node, Typed, TargetRef {
  readonly __typename = 'ModerationEvent';
  targetType!: TargetType;
  targetId!: string;
  actorId!: string | null;

  @Field(() => ID)
  id!: string;

  @Field(() => ModerationAction)
  action!: ModerationAction;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field({ description: 'status before the decision' })
  fromStatus!: string;

  @Field({ description: 'status after the decision' })
  toStatus!: string;

  @Field({ description: 'who signs the decision for authors: "l\'équipe de modération"' })
  signature!: string;

  @Field()
  createdAt!: Date;

  static from(entity: ModerationEventEntity, signature: string): ModerationEventType {
    return Object.assign(new ModerationEventType(), {
      id: toGlobalId('ModerationEvent', entity.id),
      targetType: entity.targetType,
      targetId: entity.targetId,
      actorId: entity.actorId,
      action: entity.action,
      reason: entity.reason,
      fromStatus: entity.fromStatus,
      toStatus: entity.toStatus,
      signature,
      createdAt: entity.createdAt,
    });
  }
}

@ObjectType('Notification', { implements: () => [Node] })
export class NotificationType implements Node, Typed {
  readonly __typename = 'Notification';
  targetType!: TargetType | null;
  targetId!: string | null;

  @Field(() => ID)
  id!: string;

  @Field({
    description: 'e.g. CONTENT_APPROVED, CONTENT_REJECTED, CONTENT_HIDDEN, CHANGES_REQUESTED, QUEUE_ITEM',
  })
  kind!: string;

  @Field({ description: 'French, shown as is' })
  message!: string;

  @Field()
  read!: boolean;

  @Field()
  createdAt!: Date;

  static from(entity: NotificationEntity): NotificationType {
    return Object.assign(new NotificationType(), {
      id: toGlobalId('Notification', entity.id),
      targetType: entity.targetType,
      targetId: entity.targetId,
      kind: entity.kind,
      message: entity.message,
      read: entity.readAt !== null,
      createdAt: entity.createdAt,
    });
  }
}

@ObjectType('Collection', { implements: () => [Node] })
export class CollectionType implements Node, Typed {
  readonly __typename = 'Collection';
  localId!: string;
  curatorId!: string;

  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field()
  description!: string;

  @Field()
  createdAt!: Date;

  static from(entity: CollectionEntity): CollectionType {
    return Object.assign(new CollectionType(), {
      localId: entity.id,
      curatorId: entity.curatorId,
      id: toGlobalId('Collection', entity.id),
      title: entity.title,
      description: entity.description,
      createdAt: entity.createdAt,
    });
  }
}

export const { Connection: ReportConnection } = connectionTypes(() => ReportType, 'Report');
export const { Connection: ModerationEventConnection } = connectionTypes(
  () => ModerationEventType,
  'ModerationEvent',
);
export const { Connection: NotificationConnection } = connectionTypes(() => NotificationType, 'Notification');

@ObjectType('ModeratedContentEdge')
export class ModeratedContentEdge {
  @Field()
  cursor!: string;

  @Field(() => ModeratedContent)
  node!: ModeratedContentValue;

  @Field(() => UserType, { description: 'who submitted the item (its author)' })
  submittedBy!: UserType;

  @Field(() => Int, { description: 'open reports on the item' })
  openReportCount!: number;

  @Field(() => [OrganisationType], {
    description: "the organisations of the open reports' authors, so moderators see who reported",
  })
  reportingOrganisations!: OrganisationType[];

  @Field({ description: 'when the item entered its current status' })
  enteredQueueAt!: Date;
}

@ObjectType('ModeratedContentConnection')
export class ModeratedContentConnection {
  @Field(() => [ModeratedContentEdge])
  edges!: ModeratedContentEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}
