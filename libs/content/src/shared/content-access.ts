import { ForbiddenError, NotFoundError, Role, type Viewer, hasRole } from '@resocc/core';
import { type VisibleItem, canSeeContent } from './visibility';

/** Unknown and invisible items answer the same NOT_FOUND, so existence does not leak. */
export function assertVisible<T extends VisibleItem>(viewer: Viewer, item: T | null | undefined): T {
  if (!item || !canSeeContent(viewer, item)) throw new NotFoundError('Ce contenu est introuvable.');
  return item;
}

/** Only MEMBERs of the author's organisation change an item. */
export function assertOwnOrganisation<T extends VisibleItem>(viewer: Viewer, item: T | null | undefined): T {
  const visible = assertVisible(viewer, item);
  if (visible.organisationId !== viewer.organisationId || !hasRole(viewer, Role.MEMBER)) {
    throw new ForbiddenError("Seule l'organisation autrice peut modifier ce contenu.");
  }
  return visible;
}
