import { type OnModuleInit } from '@nestjs/common';
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  Authenticated,
  Ctx,
  type GraphQLContext,
  NodeRegistry,
  Public,
  RequireRoles,
  Role,
  parseGlobalId,
} from '@resocc/core';
import { MembersPresenter } from '../members.presenter';
import { OrganisationType } from '../organisations/dto/organisation.type';
import { MembershipRequestService } from '../organisations/membership-request.service';
import { MembershipStatus } from '../organisations/organisation.entity';
import { AccountService } from './account.service';
import { UserType } from './dto/user.type';
import { effectiveRoles } from './roles';
import type { GrantedRole } from './user.entity';

@Resolver(() => UserType)
export class UserResolver implements OnModuleInit {
  constructor(
    private readonly accounts: AccountService,
    private readonly presenter: MembersPresenter,
    private readonly nodes: NodeRegistry,
    private readonly requests: MembershipRequestService,
  ) {}

  onModuleInit(): void {
    this.nodes.register('User', async (ids, ctx) =>
      (await this.accounts.visibleByIds(ctx.viewer, ids)).map((u) =>
        u ? this.presenter.user(u, ctx.viewer) : null,
      ),
    );
  }

  @Public()
  @Query(() => UserType, { nullable: true, description: 'The signed-in user, or null' })
  async me(@Ctx() ctx: GraphQLContext): Promise<UserType | null> {
    const user = await this.accounts.me(ctx.viewer);
    return user ? this.presenter.user(user, ctx.viewer) : null;
  }

  @ResolveField(() => OrganisationType)
  organisation(
    @Parent() user: UserType,
    @Ctx() ctx: GraphQLContext,
  ): OrganisationType | Promise<OrganisationType> {
    return this.presenter.organisationOf(ctx, user.organisationId);
  }

  @ResolveField(() => [Role], {
    description:
      'MEMBER and granted roles once the address is verified and the organisation accepted the person, while it is ACTIVE',
  })
  async roles(@Parent() user: UserType, @Ctx() ctx: GraphQLContext): Promise<Role[]> {
    if (user.erased) return [];
    const organisation = await this.presenter.organisationLoader(ctx).load(user.organisationId);
    return effectiveRoles({
      grantedRoles: user.grantedRoles as GrantedRole[],
      organisationActive: organisation?.membershipStatus === MembershipStatus.ACTIVE,
      emailVerified: user.emailVerified,
      membershipApproved: user.membershipApproved,
    });
  }

  @RequireRoles(Role.ADMIN)
  @Mutation(() => UserType, { description: 'ADMIN: grants MODERATOR or ADMIN' })
  async grantRole(
    @Args('userId', { type: () => ID }) userId: string,
    @Args('role', { type: () => Role }) role: Role,
    @Ctx() ctx: GraphQLContext,
  ): Promise<UserType> {
    const user = await this.accounts.grantRole(parseGlobalId(userId, ['User'], 'userId').id, role);
    return this.presenter.user(user, ctx.viewer);
  }

  @RequireRoles(Role.ADMIN)
  @Mutation(() => UserType, {
    description: 'ADMIN: revokes MODERATOR or ADMIN; the last active ADMIN keeps it',
  })
  async revokeRole(
    @Args('userId', { type: () => ID }) userId: string,
    @Args('role', { type: () => Role }) role: Role,
    @Ctx() ctx: GraphQLContext,
  ): Promise<UserType> {
    const user = await this.accounts.revokeRole(parseGlobalId(userId, ['User'], 'userId').id, role);
    return this.presenter.user(user, ctx.viewer);
  }

  @Authenticated()
  @Mutation(() => UserType, {
    description:
      'référent of the organisation or ADMIN: removes a member (access ends at once); the last référent names another first',
  })
  async removeMember(
    @Args('userId', { type: () => ID }) userId: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<UserType> {
    const user = await this.requests.removeMember(ctx.viewer, parseGlobalId(userId, ['User'], 'userId').id);
    return this.presenter.user(user, ctx.viewer);
  }

  @Authenticated()
  @Mutation(() => UserType, {
    description:
      'référent of the organisation or ADMIN: names a member référent or withdraws it (never from the last one)',
  })
  async setReferent(
    @Args('userId', { type: () => ID }) userId: string,
    @Args('referent') referent: boolean,
    @Ctx() ctx: GraphQLContext,
  ): Promise<UserType> {
    const user = await this.requests.setReferent(
      ctx.viewer,
      parseGlobalId(userId, ['User'], 'userId').id,
      referent,
    );
    return this.presenter.user(user, ctx.viewer);
  }

  @Authenticated()
  @Mutation(() => String, { description: 'JSON document of everything the platform holds on the viewer' })
  exportMyData(@Ctx() ctx: GraphQLContext): Promise<string> {
    return this.accounts.exportData(ctx.viewer);
  }

  @Authenticated()
  @Mutation(() => Boolean, {
    description: 'Erases personal data and sessions; authored content stays, attributed to "ancien membre"',
  })
  deleteMyAccount(@Args('password') password: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    return this.accounts.deleteAccount(ctx.viewer, password, ctx.ip);
  }
}
