import { type OnModuleInit } from '@nestjs/common';
import { Args, ArgsType, Field, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { ContentRef } from '@resocc/content';
import {
  Ctx,
  DATE_ID_CURSOR,
  type GraphQLContext,
  NodeRegistry,
  PaginationArgs,
  RequireRoles,
  Role,
  Authenticated,
  encodeCursor,
  isModerator,
  pageRequest,
  parseGlobalId,
  toConnection,
} from '@resocc/core';
import { MembersPresenter, UserType } from '@resocc/members';
import { ModerationTargets } from './moderation-targets';
import { ModerationQueries } from './moderation.queries';
import { ModerationAction, MODERATION_TEAM, ReportReason, ReportStatus } from './moderation.enums';
import { ModerationService } from './moderation.service';
import {
  ModeratedContent,
  ModeratedContentConnection,
  type ModeratedContentValue,
  ModerationEventConnection,
  ModerationEventType,
  ReportConnection,
  ReportType,
} from './moderation.types';

const TARGET_TYPES = ['ExperiencePost', 'ClauseTemplate'] as const;
const target = (id: string, field: string): ContentRef => {
  const decoded = parseGlobalId(id, TARGET_TYPES, field);
  return { type: decoded.type as ContentRef['type'], id: decoded.id };
};

@ArgsType()
class ReportsArgs extends PaginationArgs {
  @Field(() => ReportStatus, { nullable: true })
  status?: ReportStatus | null;
}

@ArgsType()
class LogArgs extends PaginationArgs {
  @Field(() => ID, { nullable: true, description: 'only the events of this item' })
  targetId?: string | null;
}

@Resolver()
export class ModerationResolver implements OnModuleInit {
  constructor(
    private readonly moderation: ModerationService,
    private readonly queries: ModerationQueries,
    private readonly targets: ModerationTargets,
    private readonly members: MembersPresenter,
    private readonly nodes: NodeRegistry,
  ) {}

  onModuleInit(): void {
    const source = this.queries;
    this.nodes.register('Report', async (ids, ctx) => {
      if (!isModerator(ctx.viewer)) return ids.map(() => null);
      const rows = await source.reportsByIds(ids);
      return ids.map((id) => {
        const row = rows.find((r) => r.id === id);
        return row ? ReportType.from(row) : null;
      });
    });
    this.nodes.register('ModerationEvent', async (ids, ctx) => {
      const rows = await source.eventsByIds(ctx.viewer, ids);
      return ids.map((id) => {
        const row = rows.find((r) => r.id === id);
        return row ? ModerationEventType.from(row, MODERATION_TEAM) : null;
      });
    });
  }

  @RequireRoles(Role.MODERATOR, Role.ADMIN)
  @Query(() => ModeratedContentConnection, {
    description: 'MODERATOR: IN_REVIEW and HIDDEN items, oldest first',
  })
  async moderationQueue(
    @Args() args: PaginationArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ModeratedContentConnection> {
    const page = pageRequest(args, DATE_ID_CURSOR);
    const { rows, total } = await this.queries.queue(page);
    const visible = rows.slice(0, page.limit);
    const edges = await Promise.all(
      visible.map(async (row) => ({
        cursor: encodeCursor([row.enteredAt.toISOString(), row.id]),
        node: await this.targets.require(ctx, row.type, row.id),
        submittedBy: await this.members.author(ctx, row.authorId),
        openReportCount: row.openReports,
        reportingOrganisations: await Promise.all(
          row.reportingOrganisationIds.map((id) => this.members.organisationOf(ctx, id)),
        ),
        enteredQueueAt: row.enteredAt,
      })),
    );
    return {
      edges,
      totalCount: total,
      pageInfo: {
        hasNextPage: rows.length > page.limit,
        hasPreviousPage: page.after !== null,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges[edges.length - 1]?.cursor ?? null,
      },
    };
  }

  @RequireRoles(Role.MODERATOR, Role.ADMIN)
  @Query(() => ReportConnection, { description: 'MODERATOR: reports, newest first' })
  async reports(@Args() args: ReportsArgs, @Ctx() _ctx: GraphQLContext) {
    const page = pageRequest(args, DATE_ID_CURSOR);
    const { rows, total } = await this.queries.reports(args.status, page);
    return toConnection(
      rows,
      page,
      (r) => [r.createdAt.toISOString(), r.id],
      (r) => ReportType.from(r),
      total,
    );
  }

  @Authenticated()
  @Query(() => ModerationEventConnection, {
    description: 'MODERATOR: every decision; other members: the decisions on their organisation’s items',
  })
  async moderationLog(@Args() args: LogArgs, @Ctx() ctx: GraphQLContext) {
    const page = pageRequest(args, DATE_ID_CURSOR);
    const targetId = args.targetId ? target(args.targetId, 'targetId').id : null;
    const { rows, total } = await this.queries.log(ctx.viewer, targetId, page);
    return toConnection(
      rows,
      page,
      (e) => [e.createdAt.toISOString(), e.id],
      (e) => ModerationEventType.from(e, MODERATION_TEAM),
      total,
    );
  }

  @RequireRoles(Role.MODERATOR, Role.ADMIN)
  @Mutation(() => ModerationEventType, {
    description: 'MODERATOR; reason required unless APPROVE or RESTORE',
  })
  async moderateContent(
    @Args('targetId', { type: () => ID }) targetId: string,
    @Args('action', { type: () => ModerationAction }) action: ModerationAction,
    @Args('reason', { type: () => String, nullable: true }) reason: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ModerationEventType> {
    const event = await this.moderation.moderate(ctx.viewer, target(targetId, 'targetId'), action, reason);
    return ModerationEventType.from(event, MODERATION_TEAM);
  }

  @RequireRoles(Role.MODERATOR, Role.ADMIN)
  @Mutation(() => [ModerationEventType], {
    description: 'MODERATOR: one action on many items, all or nothing',
  })
  async moderateContentBulk(
    @Args('targetIds', { type: () => [ID] }) targetIds: string[],
    @Args('action', { type: () => ModerationAction }) action: ModerationAction,
    @Args('reason', { type: () => String, nullable: true }) reason: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ModerationEventType[]> {
    const refs = targetIds.map((id, i) => target(id, `targetIds.${i}`));
    const events = await this.moderation.moderateBulk(ctx.viewer, refs, action, reason);
    return events.map((e) => ModerationEventType.from(e, MODERATION_TEAM));
  }

  @RequireRoles(Role.MEMBER)
  @Mutation(() => ReportType, { description: 'MEMBER; one open report per member and target' })
  async reportContent(
    @Args('targetId', { type: () => ID }) targetId: string,
    @Args('reason', { type: () => ReportReason }) reason: ReportReason,
    @Args('comment', { type: () => String, nullable: true }) comment: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ReportType> {
    const ref = target(targetId, 'targetId');
    // Read the item as the reporter sees it now: when this report hides it, the answer's
    // target is still the item they reported (from this request's cache), not an error.
    await this.targets.load(ctx, ref.type, ref.id);
    return ReportType.from(await this.moderation.report(ctx.viewer, ref, reason, comment));
  }
}

@Resolver(() => ReportType)
export class ReportFieldsResolver {
  constructor(
    private readonly targets: ModerationTargets,
    private readonly members: MembersPresenter,
  ) {}

  @ResolveField(() => ModeratedContent)
  target(@Parent() report: ReportType, @Ctx() ctx: GraphQLContext): Promise<ModeratedContentValue> {
    return this.targets.require(ctx, report.targetType, report.targetId);
  }

  @ResolveField(() => UserType, {
    description: 'shown as "ancien membre" once the reporter erased their account',
  })
  reporter(@Parent() report: ReportType, @Ctx() ctx: GraphQLContext): UserType | Promise<UserType> {
    return this.members.author(ctx, report.reporterId as string);
  }
}

@Resolver(() => ModerationEventType)
export class ModerationEventFieldsResolver {
  constructor(
    private readonly targets: ModerationTargets,
    private readonly members: MembersPresenter,
  ) {}

  @ResolveField(() => ModeratedContent)
  target(@Parent() event: ModerationEventType, @Ctx() ctx: GraphQLContext): Promise<ModeratedContentValue> {
    return this.targets.require(ctx, event.targetType, event.targetId);
  }

  @ResolveField(() => UserType, {
    nullable: true,
    description: 'null for AUTO_HIDE, and for viewers who are not moderators',
  })
  async actor(@Parent() event: ModerationEventType, @Ctx() ctx: GraphQLContext): Promise<UserType | null> {
    if (!event.actorId || !isModerator(ctx.viewer)) return null;
    return this.members.author(ctx, event.actorId);
  }
}
