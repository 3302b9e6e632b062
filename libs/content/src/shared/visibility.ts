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

/**
 * The same rule as SQL over `alias` (status, visibility, organisation_id columns), with its
 * parameters. Written so the list indexes serve it: no cast on the columns.
 */
export function visibilitySql(
  viewer: Viewer,
  alias: string,
): { sql: string; params: Record<string, unknown> } {
  if (isModerator(viewer)) return { sql: 'TRUE', params: {} };
  if (!hasRole(viewer, Role.MEMBER)) {
    return { sql: `(${alias}.status = 'PUBLISHED' AND ${alias}.visibility = 'PUBLIC')`, params: {} };
  }
  // Members see every published item, whatever its visibility, and their organisation's own.
  if (viewer.organisationId !== null) {
    return {
      sql: `(${alias}.status = 'PUBLISHED' OR ${alias}.organisation_id = :viewerOrganisationId)`,
      params: { viewerOrganisationId: viewer.organisationId },
    };
  }
  return { sql: `${alias}.status = 'PUBLISHED'`, params: {} };
}

/**
 * The same rule as disjoint branches, one index-friendly query each: ordered lists read
 * each branch in index order and merge them (an OR across branches would sort everything).
 */
export function visibilityBranches(
  viewer: Viewer,
  alias: string,
): { sql: string; params: Record<string, unknown> }[] {
  if (isModerator(viewer)) return [{ sql: 'TRUE', params: {} }];
  if (!hasRole(viewer, Role.MEMBER)) {
    return [{ sql: `${alias}.status = 'PUBLISHED' AND ${alias}.visibility = 'PUBLIC'`, params: {} }];
  }
  const published = { sql: `${alias}.status = 'PUBLISHED'`, params: {} };
  if (viewer.organisationId === null) return [published];
  return [
    published,
    {
      sql: `${alias}.organisation_id = :viewerOrganisationId AND ${alias}.status <> 'PUBLISHED'`,
      params: { viewerOrganisationId: viewer.organisationId },
    },
  ];
}
