import { type OnModuleInit } from '@nestjs/common';
import { Args, ArgsType, Field, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  Authenticated,
  Ctx,
  DATE_ID_CURSOR,
  type GraphQLContext,
  NodeRegistry,
  NotFoundError,
  PaginationArgs,
  pageRequest,
  parseGlobalId,
  toConnection,
} from '@resocc/core';
import { MembersPresenter } from '../members.presenter';
import { UserType } from '../users/dto/user.type';
import { MembershipRequestConnection, MembershipRequestType } from './dto/membership-request.type';
import { OrganisationType } from './dto/organisation.type';
import { MembershipRequestStatus } from './membership-request.entity';
import { MembershipRequestService } from './membership-request.service';

@ArgsType()
class MembershipRequestsArgs extends PaginationArgs {
  @Field(() => ID, { nullable: true, description: "default: the viewer's organisation (ADMIN: every one)" })
  organisationId?: string | null;

  @Field(() => MembershipRequestStatus, { nullable: true })
  status?: MembershipRequestStatus | null;
}

@Resolver(() => MembershipRequestType)
export class MembershipRequestResolver implements OnModuleInit {
  constructor(
    private readonly requests: MembershipRequestService,
    private readonly presenter: MembersPresenter,
    private readonly nodes: NodeRegistry,
  ) {}

  onModuleInit(): void {
    this.nodes.register('MembershipRequest', async (ids, ctx) =>
      (await this.requests.visibleByIds(ctx.viewer, ids)).map((r) =>
        r ? MembershipRequestType.from(r) : null,
      ),
    );
  }

  @Authenticated()
  @Query(() => MembershipRequestConnection, {
    description:
      "the organisation's référents and ADMINs: requests to join, oldest first (only those whose address is verified)",
  })
  async membershipRequests(@Args() args: MembershipRequestsArgs, @Ctx() ctx: GraphQLContext) {
    const page = pageRequest(args, DATE_ID_CURSOR);
    const organisationId = args.organisationId
      ? parseGlobalId(args.organisationId, ['Organisation'], 'organisationId').id
      : null;
    const { rows, total } = await this.requests.list(ctx.viewer, organisationId, args.status, page);
    return toConnection(
      rows,
      page,
      (r) => [r.createdAt.toISOString(), r.id],
      (r) => MembershipRequestType.from(r),
      total,
    );
  }

  @Authenticated()
  @Mutation(() => UserType, {
    description:
      'référent of the organisation or ADMIN: accepts or refuses a request; reason required to refuse',
  })
  async decideMembershipRequest(
    @Args('userId', { type: () => ID }) userId: string,
    @Args('approve') approve: boolean,
    @Args('reason', { type: () => String, nullable: true }) reason: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<UserType> {
    const user = await this.requests.decide(
      ctx.viewer,
      parseGlobalId(userId, ['User'], 'userId').id,
      approve,
      reason,
    );
    return this.presenter.user(user, ctx.viewer, { showEmail: true });
  }

  @ResolveField(() => UserType)
  async user(@Parent() request: MembershipRequestType, @Ctx() ctx: GraphQLContext): Promise<UserType> {
    const user = await this.presenter.userLoader(ctx).load(request.userId);
    if (!user) throw new NotFoundError("Ce compte n'existe pas.");
    // Those who decide see the address they decide on (its domain matters).
    return this.presenter.user(user, ctx.viewer, {
      showEmail: this.requests.canManage(ctx.viewer, request.organisationId),
    });
  }

  @ResolveField(() => OrganisationType)
  organisation(@Parent() request: MembershipRequestType, @Ctx() ctx: GraphQLContext) {
    return this.presenter.organisationOf(ctx, request.organisationId);
  }
}
