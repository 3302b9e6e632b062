import { SessionEntity } from './auth/session.entity';
import { EmailOutboxEntity } from './mail/email-outbox.entity';
import { EmailVerificationEntity } from './auth/email-verification.entity';
import { KnownAddressEntity } from './auth/known-address.entity';
import { MembershipRequestEntity } from './organisations/membership-request.entity';
import { OrganisationEntity } from './organisations/organisation.entity';
import { UserEntity } from './users/user.entity';

export { MembersModule } from './members.module';
export { EmailOutbox, MAIL_SIGNATURE, type OutgoingEmail } from './mail/email-outbox';
export { Mailer } from './mail/mailer';
export {
  MembershipEvents,
  type MembershipDecided,
  type MembershipListener,
} from './organisations/membership-events';
export { MembershipRequestStatus } from './organisations/membership-request.entity';
export { AuthService } from './auth/auth.service';
export { MembershipService } from './organisations/membership.service';
export { AccountService } from './users/account.service';
export { MembersPresenter, type MemberLoader } from './members.presenter';
export type { MemberRefsRow } from './member-refs.repository';
export { OrganisationType, OrganisationConnection } from './organisations/dto/organisation.type';
export { UserType, UserConnection, FORMER_MEMBER_NAME } from './users/dto/user.type';
export { OrganisationEntity, OrganisationKind, MembershipStatus } from './organisations/organisation.entity';
export { UserEntity } from './users/user.entity';
export { DEMO_PASSWORD, DEMO_USERS, DEMO_ORGANISATIONS } from './seed/members.seed';
export { effectiveRoles } from './users/roles';

/** Entities of the members module, for the data source. */
export const membersEntities = [
  OrganisationEntity,
  UserEntity,
  SessionEntity,
  EmailOutboxEntity,
  EmailVerificationEntity,
  KnownAddressEntity,
  MembershipRequestEntity,
];
