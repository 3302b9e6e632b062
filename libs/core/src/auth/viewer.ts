import { registerEnumType } from '@nestjs/graphql';

export enum Role {
  MEMBER = 'MEMBER',
  MODERATOR = 'MODERATOR',
  ADMIN = 'ADMIN',
}

registerEnumType(Role, {
  name: 'Role',
  valuesMap: {
    MEMBER: { description: 'every user of an ACTIVE organisation' },
    MODERATOR: { description: 'curates content: review queue, reports, collections' },
    ADMIN: { description: 'approves organisations, grants roles' },
  },
});

/** Who is asking: resolved once per request from the access token. */
export interface Viewer {
  readonly userId: string | null;
  readonly organisationId: string | null;
  /**
   * Effective roles: none until the e-mail address is verified and the organisation has
   * accepted the person (approved membership), and only while the organisation is ACTIVE.
   */
  readonly roles: readonly Role[];
  /** A référent of their organisation (with MEMBER): decides who joins, edits its work. */
  readonly referent: boolean;
}

export const ANONYMOUS_VIEWER: Viewer = Object.freeze({
  userId: null,
  organisationId: null,
  roles: [],
  referent: false,
});

export function hasRole(viewer: Viewer, role: Role): boolean {
  return viewer.roles.includes(role);
}

/** A MEMBER who is a référent of their organisation. */
export function isReferent(viewer: Viewer): boolean {
  return viewer.referent && hasRole(viewer, Role.MEMBER);
}

export function isModerator(viewer: Viewer): boolean {
  return hasRole(viewer, Role.MODERATOR) || hasRole(viewer, Role.ADMIN);
}

/** Turns the Authorization header of a request into a viewer. */
export interface ViewerResolver {
  resolve(authorization: string | undefined): Promise<Viewer>;
}

export const VIEWER_RESOLVER = Symbol('VIEWER_RESOLVER');

/** Used until a members module provides the real resolver: everyone is anonymous. */
export class AnonymousViewerResolver implements ViewerResolver {
  async resolve(): Promise<Viewer> {
    return ANONYMOUS_VIEWER;
  }
}
