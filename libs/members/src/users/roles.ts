import { Role } from '@resocc/core';
import type { GrantedRole } from './user.entity';

const ORDER: Role[] = [Role.MEMBER, Role.MODERATOR, Role.ADMIN];

/**
 * What a user may do: MEMBER and the granted roles while the organisation is ACTIVE,
 * nothing otherwise (a pending, suspended or rejected organisation acts as anonymous,
 * apart from seeing its own account and status).
 */
export function effectiveRoles(granted: readonly GrantedRole[], organisationActive: boolean): Role[] {
  if (!organisationActive) return [];
  return ORDER.filter((role) => role === Role.MEMBER || (granted as readonly Role[]).includes(role));
}
