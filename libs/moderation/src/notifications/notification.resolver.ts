import { type OnModuleInit } from '@nestjs/common';
import {
  Args,
  ArgsType,
  Field,
  ID,
  Int,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import {
  Authenticated,
  DATE_ID_CURSOR,
  Ctx,
  type GraphQLContext,
  NodeRegistry,
  PaginationArgs,
  fromGlobalId,
  pageRequest,
  toConnection,
} from '@resocc/core';
import { DataSource, In } from 'typeorm';
import { Inject } from '@nestjs/common';
import { DATA_SOURCE } from '@resocc/core';
import { ModerationTargets } from '../moderation-targets';
import { NotificationEntity } from '../moderation.entities';
import {
  ModeratedContent,
  type ModeratedContentValue,
  NotificationConnection,
  NotificationType,
} from '../moderation.types';
import { NotificationService } from './notification.service';

@ArgsType()
class NotificationsArgs extends PaginationArgs {
  @Field(() => Boolean, { nullable: true })
  unreadOnly?: boolean | null;
}

@Resolver(() => NotificationType)
export class NotificationResolver implements OnModuleInit {
  constructor(
    private readonly notificationService: NotificationService,
    private readonly targets: ModerationTargets,
    private readonly nodes: NodeRegistry,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.nodes.register('Notification', async (ids, ctx) => {
      if (!ctx.viewer.userId) return ids.map(() => null);
      const rows = await this.dataSource
        .getRepository(NotificationEntity)
        .findBy({ id: In([...ids]), userId: ctx.viewer.userId });
      return ids.map((id) => {
        const row = rows.find((r) => r.id === id);
        return row ? NotificationType.from(row) : null;
      });
    });
  }

  @Authenticated()
  @Query(() => NotificationConnection, { description: "the viewer's own, newest first" })
  async notifications(@Args() args: NotificationsArgs, @Ctx() ctx: GraphQLContext) {
    const page = pageRequest(args, DATE_ID_CURSOR);
    const { rows, total } = await this.notificationService.list(
      ctx.viewer.userId as string,
      args.unreadOnly === true,
      page,
    );
    return toConnection(
      rows,
      page,
      (n) => [n.createdAt.toISOString(), n.id],
      (n) => NotificationType.from(n),
      total,
    );
  }

  @Authenticated()
  @Mutation(() => Int, {
    description: 'how many were unread; ids of other people’s notifications are ignored',
  })
  markNotificationsRead(
    @Args('ids', { type: () => [ID] }) ids: string[],
    @Ctx() ctx: GraphQLContext,
  ): Promise<number> {
    const local = ids
      .map((id) => fromGlobalId(id))
      .filter((d) => d?.type === 'Notification')
      .map((d) => d?.id as string);
    return this.notificationService.markRead(ctx.viewer.userId as string, local.slice(0, 500));
  }

  @ResolveField(() => ModeratedContent, {
    nullable: true,
    description: 'null when the viewer may no longer see it',
  })
  target(
    @Parent() notification: NotificationType,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ModeratedContentValue | null> {
    if (!notification.targetType || !notification.targetId) return Promise.resolve(null);
    return this.targets.load(ctx, notification.targetType, notification.targetId);
  }
}
