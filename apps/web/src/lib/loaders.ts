// Per-request loaders shared by a page and its metadata (React's cache: one API call each).
import { cache } from 'react';
import { isBadInput, query, withCursor } from './api';
import { CollectionQuery, OrganisationQuery, PostQuery, TemplateQuery } from './operations';

async function orNull<T>(work: Promise<T>): Promise<T | null> {
  try {
    return await work;
  } catch (error) {
    if (isBadInput(error)) return null;
    throw error;
  }
}

export const loadPost = cache(async (id: string) => {
  const data = await orNull(query(PostQuery, { id }));
  return data?.node?.__typename === 'ExperiencePost' ? data.node : null;
});

export const loadTemplate = cache(async (id: string, after?: string) => {
  const data = await orNull(withCursor(after, (a) => query(TemplateQuery, { id, after: a })));
  return data?.node?.__typename === 'ClauseTemplate' ? data.node : null;
});

export const loadOrganisation = cache(async (id: string, after?: string, templatesAfter?: string) => {
  const data = await orNull(
    withCursor(after, (a) =>
      withCursor(templatesAfter, (b) => query(OrganisationQuery, { id, after: a, templatesAfter: b })),
    ),
  );
  return data?.node?.__typename === 'Organisation' ? data.node : null;
});

export const loadCollection = cache(async (id: string) => {
  const data = await orNull(query(CollectionQuery, { id }));
  return data?.node?.__typename === 'Collection' ? data.node : null;
});

/** The first value of a query-string parameter. */
export function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export function all(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}
