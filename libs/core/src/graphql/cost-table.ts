// How large each field of the API can be: the one table the cost of a request is computed
// from (limits.ts). Keys are `Type.field` as in apps/api/schema.gql; a test checks that each
// names a field of that kind (apps/api/src/cost-table.spec.ts).

/** What one field can return at most. */
export interface FieldBound {
  /** A list field: how many items it returns at most. */
  readonly list?: number;
  /** A text field (or each item of a list of texts): how many characters at most. */
  readonly text?: number;
}

/**
 * One cost unit: a field with a short value (an id, a number, a name, an object's braces),
 * about 100 bytes of JSON at most. A text field costs one unit per this many characters of
 * its bound.
 */
export const CHARS_PER_COST_UNIT = 100;

/** A list field the table does not name: what it is assumed to return at most. */
export const DEFAULT_LIST_LENGTH = 100;

/**
 * The bounds the services enforce on what they store (their validation limits) or on what
 * they return. A list field not named here counts DEFAULT_LIST_LENGTH items, or the page
 * size of its paginated parent (`edges` under `first`); a text field not named here is
 * short (one unit).
 */
export const FIELD_BOUNDS: Readonly<Record<string, FieldBound>> = {
  // Clause templates (content: LIMITS in shared/validation.ts)
  'ClauseTemplate.title': { text: 200 },
  'ClauseTemplate.summary': { text: 1_000 },
  'ClauseTemplate.body': { text: 50_000 },
  'ClauseTemplate.legalReferences': { list: 20, text: 200 },
  'ClauseTemplate.considerations': { list: 2 },
  'ClauseTemplate.themes': { list: 8 },
  'ClauseTemplate.variables': { list: 50 },
  // Nothing bounds the number of revisions (each update adds one): counted as 100.
  'ClauseTemplate.revisions': { list: 100 },
  'ClauseTemplateRevision.body': { text: 50_000 },
  'ClauseTemplateRevision.changeNote': { text: 1_000 },
  'ClauseTemplateRevision.variables': { list: 50 },
  'TemplateVariable.label': { text: 200 },
  'TemplateVariable.options': { list: 30, text: 200 },
  // The rendered clause: the bound the rendering enforces on its output.
  'Query.renderClauseTemplate': { text: 100_000 },

  // Experience posts
  'ExperiencePost.title': { text: 200 },
  'ExperiencePost.summary': { text: 1_000 },
  'ExperiencePost.body': { text: 50_000 },
  // Rendered Markdown: up to 6 times the source (links), measured on hostile input.
  'ExperiencePost.bodyHtml': { text: 300_000 },
  'ExperiencePost.outcomes': { text: 5_000 },
  'ExperiencePost.clauseTemplates': { list: 20 },
  'ExperiencePost.considerations': { list: 2 },
  'ExperiencePost.cpvCodes': { list: 10 },
  'ExperiencePost.themes': { list: 8 },

  // Search: the page is the input's `first`; facets and their values are bounded by the engines.
  'SearchResult.facets': { list: 6 },
  'Facet.values': { list: 200 },
  'SearchHit.snippet': { text: 2_000 },
  'SearchHit.titleHighlight': { text: 2_000 },

  // Moderation. Nothing bounds the number of collections: counted as 100.
  'Query.collections': { list: 100 },
  'Collection.title': { text: 200 },
  'Collection.description': { text: 5_000 },
  'Collection.items': { list: 200 },
  'ModerationEvent.reason': { text: 2_000 },
  'Report.comment': { text: 2_000 },
  'Notification.message': { text: 3_000 },
  'Mutation.moderateContentBulk': { list: 100 },

  // Members
  'Organisation.name': { text: 200 },
  'Organisation.website': { text: 300 },
  'Organisation.membershipStatusReason': { text: 2_000 },
  'Organisation.verifiedEmailDomains': { list: 20, text: 253 },
  'MembershipRequest.reason': { text: 2_000 },
  'User.email': { text: 254 },
  'User.roles': { list: 3 },
  // Everything the platform holds on the viewer: as large as an answer may be.
  'Mutation.exportMyData': { text: 5_000_000 },
};
