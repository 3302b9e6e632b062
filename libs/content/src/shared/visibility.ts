import { Role, type Viewer, hasRole, isModerator } from '@resocc/core';
import { ContentStatus, Visibility } from './enums';

/** What the visibility rule needs to know of an item. */
export interface VisibleItem {
  status: ContentStatus;
  visibility: Visibility;
  organisationId: string;
}

/**
 * THE visibility rule, the only one: anonymous viewers see PUBLISHED and PUBLIC items;
 * members (users of ACTIVE organisations) also PUBLISHED and MEMBERS; the author's
 * organisation also its own unpublished items; moderators and admins everything.
 */
export function canSeeContent(viewer: Viewer, item: VisibleItem): boolean {
  if (isModerator(viewer)) return true;
  if (
    viewer.organisationId !== null &&
    item.organisationId === viewer.organisationId &&
    hasRole(viewer, Role.MEMBER)
  ) {
    return true;
  }
  if (item.status !== ContentStatus.PUBLISHED) return false;
  return item.visibility === Visibility.PUBLIC || hasRole(viewer, Role.MEMBER);
}

/** The same rule as SQL over `alias` (status, visibility, organisation_id columns), with its parameters. */
export function visibilitySql(
  viewer: Viewer,
  alias: string,
): { sql: string; params: Record<string, unknown> } {
  if (isModerator(viewer)) return { sql: 'TRUE', params: {} };
  const visibilities = hasRole(viewer, Role.MEMBER)
    ? [Visibility.PUBLIC, Visibility.MEMBERS]
    : [Visibility.PUBLIC];
  const published = `(${alias}.status = 'PUBLISHED' AND ${alias}.visibility::text = ANY(:visibleVisibilities))`;
  if (viewer.organisationId !== null && hasRole(viewer, Role.MEMBER)) {
    return {
      sql: `(${published} OR ${alias}.organisation_id = :viewerOrganisationId)`,
      params: { visibleVisibilities: visibilities, viewerOrganisationId: viewer.organisationId },
    };
  }
  return { sql: published, params: { visibleVisibilities: visibilities } };
}
