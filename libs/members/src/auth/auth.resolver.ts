import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Ctx, type GraphQLContext, Public } from '@resocc/core';
import { MembersPresenter } from '../members.presenter';
import { OrganisationInput } from '../organisations/dto/organisation.input';
import { MembershipService } from '../organisations/membership.service';
import { NewUserInput } from '../users/dto/new-user.input';
import { UserType } from '../users/dto/user.type';
import { AuthService, type IssuedSession } from './auth.service';
import { AuthPayload } from './dto/auth-payload.type';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly membership: MembershipService,
    private readonly presenter: MembersPresenter,
  ) {}

  private payload(session: IssuedSession, ctx: GraphQLContext): AuthPayload {
    return {
      accessToken: session.accessToken,
      refreshToken: session.refreshToken,
      expiresAt: session.expiresAt,
      user: this.presenter.user(session.user, ctx.viewer, { showEmail: true }),
    };
  }

  @Public()
  @Mutation(() => UserType, {
    description: 'anyone: creates a PENDING organisation and its first user; an ADMIN approves it',
  })
  async applyForMembership(
    @Args('organisation') organisation: OrganisationInput,
    @Args('user') user: NewUserInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<UserType> {
    const created = await this.membership.apply(organisation, user, ctx.ip);
    return this.presenter.user(created, ctx.viewer, { showEmail: true });
  }

  @Public()
  @Mutation(() => UserType, {
    description: 'anyone: joins an ACTIVE organisation by SIRET; the user can sign in at once, as MEMBER',
  })
  async registerUser(
    @Args('organisationSiret') organisationSiret: string,
    @Args('user') user: NewUserInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<UserType> {
    const created = await this.membership.register(organisationSiret, user, ctx.ip);
    return this.presenter.user(created, ctx.viewer, { showEmail: true });
  }

  @Public()
  @Mutation(() => AuthPayload)
  async login(
    @Args('email') email: string,
    @Args('password') password: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AuthPayload> {
    return this.payload(await this.auth.login(email, password, ctx.ip), ctx);
  }

  @Public()
  @Mutation(() => AuthPayload, { description: 'rotates: the old refresh token stops working' })
  async refreshSession(
    @Args('refreshToken') refreshToken: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AuthPayload> {
    return this.payload(await this.auth.refresh(refreshToken), ctx);
  }

  @Public()
  @Mutation(() => Boolean, {
    description: 'ends the session of this refresh token; false when it was already over',
  })
  logout(@Args('refreshToken') refreshToken: string): Promise<boolean> {
    return this.auth.logout(refreshToken);
  }
}
