import { Module } from '@nestjs/common';
import { AccessTokens } from './auth/access-tokens';
import { AuthResolver } from './auth/auth.resolver';
import { AuthService } from './auth/auth.service';
import { SessionRepository } from './auth/session.repository';
import { EmailVerificationRepository } from './auth/email-verification.repository';
import { EmailVerificationService } from './auth/email-verification.service';
import { EmailOutbox } from './mail/email-outbox';
import { MembershipEvents } from './organisations/membership-events';
import { MembershipRequestRepository } from './organisations/membership-request.repository';
import { MembershipRequestResolver } from './organisations/membership-request.resolver';
import { MembershipRequestService } from './organisations/membership-request.service';
import { Mailer } from './mail/mailer';
import { MemberRefsRepository } from './member-refs.repository';
import { MembersPresenter } from './members.presenter';
import { MembershipService } from './organisations/membership.service';
import { OrganisationRepository } from './organisations/organisation.repository';
import { OrganisationResolver } from './organisations/organisation.resolver';
import { MembersSeed } from './seed/members.seed';
import { AccountService } from './users/account.service';
import { UserRepository } from './users/user.repository';
import { UserResolver } from './users/user.resolver';

/** Organisations, users, sessions, roles and personal data. */
@Module({
  providers: [
    OrganisationRepository,
    UserRepository,
    SessionRepository,
    AccessTokens,
    AuthService,
    MembershipService,
    AccountService,
    MemberRefsRepository,
    MembersPresenter,
    OrganisationResolver,
    UserResolver,
    AuthResolver,
    MembersSeed,
    EmailOutbox,
    Mailer,
    EmailVerificationRepository,
    EmailVerificationService,
    MembershipEvents,
    MembershipRequestRepository,
    MembershipRequestService,
    MembershipRequestResolver,
  ],
  exports: [
    AuthService,
    MembershipService,
    AccountService,
    MembersPresenter,
    EmailOutbox,
    Mailer,
    MembershipEvents,
  ],
})
export class MembersModule {}
