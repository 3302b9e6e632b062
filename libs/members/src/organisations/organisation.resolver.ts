import { type OnModuleInit } from '@nestjs/common';
import { Args, ArgsType, Field, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  Ctx,
  DATE_ID_CURSOR,
  type GraphQLContext,
  NodeRegistry,
  PaginationArgs,
  Public,
  Role,
  RequireRoles,
  hasRole,
  isModerator,
  pageRequest,
  parseGlobalId,
  toConnection,
} from '@resocc/core';
import { MembersPresenter } from '../members.presenter';
import { UserConnection } from '../users/dto/user.type';
import { UserRepository } from '../users/user.repository';
import { OrganisationConnection, OrganisationType } from './dto/organisation.type';
import { MembershipService } from './membership.service';
import { MembershipStatus, OrganisationKind } from './organisation.entity';

@ArgsType()
class OrganisationsArgs extends PaginationArgs {
  @Field(() => OrganisationKind, { nullable: true })
  kind?: OrganisationKind | null;

  @Field(() => String, { nullable: true })
  departmentCode?: string | null;

  @Field(() => MembershipStatus, { nullable: true })
  membershipStatus?: MembershipStatus | null;
}

@Resolver(() => OrganisationType)
export class OrganisationResolver implements OnModuleInit {
  constructor(
    private readonly membership: MembershipService,
    private readonly users: UserRepository,
    private readonly presenter: MembersPresenter,
    private readonly nodes: NodeRegistry,
  ) {}

  onModuleInit(): void {
    this.nodes.register('Organisation', async (ids, ctx) =>
      (await this.membership.visibleByIds(ctx.viewer, ids)).map((o) =>
        o ? this.presenter.organisation(o, ctx.viewer) : null,
      ),
    );
  }

  @Public()
  @Query(() => OrganisationConnection, {
    description:
      'The directory: ACTIVE organisations (and your own); moderators and admins see every status.',
  })
  async organisations(@Args() args: OrganisationsArgs, @Ctx() ctx: GraphQLContext) {
    const page = pageRequest(args, ['text', 'uuid']);
    const { rows, total } = await this.membership.list(ctx.viewer, args, page);
    return toConnection(
      rows,
      page,
      (o) => [o.name, o.id],
      (o) => this.presenter.organisation(o, ctx.viewer),
      total,
    );
  }

  @ResolveField(() => UserConnection, {
    description: 'Users of the organisation: empty unless the viewer is a MEMBER (or a moderator).',
  })
  async members(
    @Parent() organisation: OrganisationType,
    @Args() args: PaginationArgs,
    @Ctx() ctx: GraphQLContext,
  ) {
    const page = pageRequest(args, DATE_ID_CURSOR);
    if (!hasRole(ctx.viewer, Role.MEMBER) && !isModerator(ctx.viewer)) {
      // Only members of the network see who belongs to an organisation.
      return toConnection(
        [],
        page,
        () => [],
        (u) => u,
        0,
      );
    }
    const { rows, total } = await this.users.membersOf(organisation.localId, page);
    return toConnection(
      rows,
      page,
      (u) => [u.createdAt.toISOString(), u.id],
      (u) => this.presenter.user(u, ctx.viewer),
      total,
    );
  }

  @RequireRoles(Role.ADMIN)
  @Mutation(() => OrganisationType, { description: 'ADMIN: PENDING (or SUSPENDED, REJECTED) -> ACTIVE' })
  async approveOrganisation(@Args('id', { type: () => ID }) id: string, @Ctx() ctx: GraphQLContext) {
    const organisation = await this.membership.approve(parseGlobalId(id, ['Organisation'], 'id').id);
    return this.presenter.organisation(organisation, ctx.viewer);
  }

  @RequireRoles(Role.ADMIN)
  @Mutation(() => OrganisationType, {
    description: 'ADMIN: PENDING -> REJECTED, with the reason shown to the applicant',
  })
  async rejectOrganisation(
    @Args('id', { type: () => ID }) id: string,
    @Args('reason') reason: string,
    @Ctx() ctx: GraphQLContext,
  ) {
    const organisation = await this.membership.reject(parseGlobalId(id, ['Organisation'], 'id').id, reason);
    return this.presenter.organisation(organisation, ctx.viewer);
  }

  @RequireRoles(Role.ADMIN)
  @Mutation(() => OrganisationType, {
    description: 'ADMIN: ACTIVE -> SUSPENDED; ends the sessions of its users',
  })
  async suspendOrganisation(
    @Args('id', { type: () => ID }) id: string,
    @Args('reason') reason: string,
    @Ctx() ctx: GraphQLContext,
  ) {
    const organisation = await this.membership.suspend(parseGlobalId(id, ['Organisation'], 'id').id, reason);
    return this.presenter.organisation(organisation, ctx.viewer);
  }

  @ResolveField(() => [OrganisationType], {
    description:
      'ADMIN: earlier applications of the same SIRET (REJECTED or expired), newest first; empty for others',
  })
  async applicationHistory(@Parent() organisation: OrganisationType, @Ctx() ctx: GraphQLContext) {
    const rows = await this.membership.applicationHistory(ctx.viewer, {
      id: organisation.localId,
      siret: organisation.siret,
    });
    return rows.map((o) => this.presenter.organisation(o, ctx.viewer));
  }

  @RequireRoles(Role.ADMIN)
  @Mutation(() => OrganisationType, {
    description:
      "ADMIN: the organisation's verified e-mail domains (a verified address on one of them joins without waiting); replaces the list",
  })
  async setOrganisationEmailDomains(
    @Args('id', { type: () => ID }) id: string,
    @Args('domains', { type: () => [String] }) domains: string[],
    @Ctx() ctx: GraphQLContext,
  ) {
    const organisation = await this.membership.setEmailDomains(
      parseGlobalId(id, ['Organisation'], 'id').id,
      domains,
    );
    return this.presenter.organisation(organisation, ctx.viewer);
  }

  @RequireRoles(Role.ADMIN)
  @Mutation(() => OrganisationType, { description: "ADMIN: a trusted organisation's content skips review" })
  async setOrganisationTrusted(
    @Args('id', { type: () => ID }) id: string,
    @Args('trusted') trusted: boolean,
    @Ctx() ctx: GraphQLContext,
  ) {
    const organisation = await this.membership.setTrusted(
      parseGlobalId(id, ['Organisation'], 'id').id,
      trusted,
    );
    return this.presenter.organisation(organisation, ctx.viewer);
  }
}
