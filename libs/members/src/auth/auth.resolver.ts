import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Ctx, type GraphQLContext, Public } from '@resocc/core';
import { MembersPresenter } from '../members.presenter';
import { OrganisationInput } from '../organisations/dto/organisation.input';
import { MembershipService, type SignupResult } from '../organisations/membership.service';
import { EmailVerificationService } from './email-verification.service';
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
    private readonly verification: EmailVerificationService,
  ) {}

  private payload(session: IssuedSession, ctx: GraphQLContext): AuthPayload {
    return {
      accessToken: session.accessToken,
      refreshToken: session.refreshToken,
      expiresAt: session.expiresAt,
      user: this.presenter.user(session.user, ctx.viewer, { showEmail: true }),
    };
  }

  /** The same answer whether the address was free (a new account) or taken (fabricated). */
  private signup(result: SignupResult, ctx: GraphQLContext): UserType {
    if (result.unsavedOrganisation) this.presenter.remember(ctx, result.unsavedOrganisation);
    return this.presenter.user(result.user, ctx.viewer, { showEmail: true });
  }

  @Public()
  @Mutation(() => UserType, {
    description:
      'anyone: creates a PENDING organisation and its first user (its first référent, once the e-mail is verified); an ADMIN approves the organisation. Answers the same whether or not the address already has an account',
  })
  async applyForMembership(
    @Args('organisation') organisation: OrganisationInput,
    @Args('user') user: NewUserInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<UserType> {
    return this.signup(await this.membership.apply(organisation, user, ctx.ip), ctx);
  }

  @Public()
  @Mutation(() => UserType, {
    description:
      'anyone: asks to join an ACTIVE organisation by SIRET; MEMBER only once the e-mail is verified and a référent of that organisation (or an ADMIN) approves the request. Answers the same whether or not the address already has an account',
  })
  async registerUser(
    @Args('organisationSiret') organisationSiret: string,
    @Args('user') user: NewUserInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<UserType> {
    return this.signup(await this.membership.register(organisationSiret, user, ctx.ip), ctx);
  }

  @Public()
  @Mutation(() => Boolean, { description: 'the single-use token of the link sent by e-mail' })
  verifyEmail(@Args('token') token: string): Promise<boolean> {
    return this.verification.verify(token);
  }

  @Public()
  @Mutation(() => Boolean, {
    description:
      'sends a new link to an unverified account; answers true whether or not the address has an account',
  })
  resendVerification(@Args('email') email: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    return this.verification.resend(email, ctx.ip);
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
