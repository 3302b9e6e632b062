import { ForbiddenError, NotFoundError, Role, type Viewer, hasRole, isReferent } from '@resocc/core';
import { type VisibleItem, canSeeContent } from './visibility';

/** What the authority rule needs to know of an item besides its visibility. */
export interface AuthoredItem extends VisibleItem {
  authorId: string;
}

/** Unknown and invisible items answer the same NOT_FOUND, so existence does not leak. */
export function assertVisible<T extends VisibleItem>(viewer: Viewer, item: T | null | undefined): T {
  if (!item || !canSeeContent(viewer, item)) throw new NotFoundError('Ce contenu est introuvable.');
  return item;
}

/**
 * Whether the viewer may edit, submit or archive the item: its author and the référents of
 * its organisation, while they are approved members of it (MEMBER). Other members of the
 * organisation read its unpublished work but do not change it.
 */
export function mayChangeContent(viewer: Viewer, item: AuthoredItem): boolean {
  if (!hasRole(viewer, Role.MEMBER) || viewer.organisationId !== item.organisationId) return false;
  return item.authorId === viewer.userId || isReferent(viewer);
}

/** Only the author and the référents of its organisation change an item (FORBIDDEN otherwise). */
export function assertMayChange<T extends AuthoredItem>(viewer: Viewer, item: T | null | undefined): T {
  const visible = assertVisible(viewer, item);
  if (!mayChangeContent(viewer, visible)) {
    throw new ForbiddenError(
      'Seuls son auteur et les référents de son organisation peuvent modifier, soumettre ou archiver ce contenu.',
    );
  }
  return visible;
}
