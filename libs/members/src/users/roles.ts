import { Role } from '@resocc/core';
import type { GrantedRole } from './user.entity';

const ORDER: Role[] = [Role.MEMBER, Role.MODERATOR, Role.ADMIN];

/** What decides a person's effective roles. */
export interface Standing {
  grantedRoles: readonly GrantedRole[];
  organisationActive: boolean;
  emailVerified: boolean;
  membershipApproved: boolean;
}

/**
 * What a user may do: MEMBER and the granted roles once the e-mail address is verified and
 * the organisation accepted the person, while the organisation is ACTIVE; nothing otherwise
 * (such an account acts as anonymous, apart from seeing its own account and status).
 */
export function effectiveRoles(standing: Standing): Role[] {
  if (!standing.organisationActive || !standing.emailVerified || !standing.membershipApproved) return [];
  return ORDER.filter(
    (role) => role === Role.MEMBER || (standing.grantedRoles as readonly Role[]).includes(role),
  );
}
