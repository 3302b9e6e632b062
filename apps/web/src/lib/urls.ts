// Public URLs (web.md's URL contract). A detail URL is "<slug>--<id>": the id decides, the
// slug is for people; a bare id works too, and a stale slug redirects to the current one.

/** Pages about the viewer: never cached by others, never indexed. */
export const PERSONAL_PATHS = [
  '/compte',
  '/moderation',
  '/administration',
  '/connexion',
  '/inscription',
  '/verification',
];

export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[œŒ]/g, 'oe')
    .replace(/[æÆ]/g, 'ae')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

export function detailSegment(title: string, id: string): string {
  const slug = slugify(title);
  return slug === '' ? encodeURIComponent(id) : `${slug}--${encodeURIComponent(id)}`;
}

/** The id part of a detail segment, or undefined when there is none. */
export function idOfSegment(segment: string): string | undefined {
  const decoded = decodeURIComponent(segment);
  const at = decoded.indexOf('--');
  const id = at === -1 ? decoded : decoded.slice(at + 2);
  return /^[A-Za-z0-9_=+/-]{1,200}$/.test(id) ? id : undefined;
}

export const postUrl = (p: { id: string; title: string }) =>
  `/retours-experience/${detailSegment(p.title, p.id)}`;
export const templateUrl = (t: { id: string; title: string }) => `/modeles/${detailSegment(t.title, t.id)}`;
export const organisationUrl = (o: { id: string; name: string }) =>
  `/organisations/${detailSegment(o.name, o.id)}`;
export const collectionUrl = (c: { id: string; title: string }) =>
  `/collections/${detailSegment(c.title, c.id)}`;
export const themeUrl = (slug: string) => `/themes/${encodeURIComponent(slug)}`;

/** Search parameters as the URL keeps them (shared links reproduce the same page). */
export interface SearchParams {
  q: string;
  type: string[];
  theme: string[];
  consideration: string[];
  kind: string[];
  departement: string[];
  procedure: string[];
  after?: string;
}

export const FACET_PARAMS = ['type', 'theme', 'consideration', 'kind', 'departement', 'procedure'] as const;
export type FacetParam = (typeof FACET_PARAMS)[number];

export function searchUrl(params: Partial<SearchParams>): string {
  const query = new URLSearchParams();
  if (params.q !== undefined && params.q !== '') query.set('q', params.q);
  for (const name of FACET_PARAMS) for (const value of params[name] ?? []) query.append(name, value);
  if (params.after !== undefined) query.set('apres', params.after);
  const text = query.toString();
  return text === '' ? '/recherche' : `/recherche?${text}`;
}
