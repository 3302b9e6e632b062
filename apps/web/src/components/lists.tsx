import { themeUrl } from '../lib/urls';
import { CardCell, CardGrid, PostCard, type PostCardData } from './cards';

/** The next page's address from the API's own cursor, or undefined on the last page. */
export function nextPageHref(
  base: string,
  pageInfo: { hasNextPage: boolean; endCursor?: string | null },
  param = 'apres',
): string | undefined {
  if (!pageInfo.hasNextPage || pageInfo.endCursor === null || pageInfo.endCursor === undefined)
    return undefined;
  return `${base}${base.includes('?') ? '&' : '?'}${param}=${encodeURIComponent(pageInfo.endCursor)}`;
}

export function PostCards({ posts, headingLevel }: { posts: PostCardData[]; headingLevel?: 'h2' | 'h3' }) {
  return (
    <CardGrid>
      {posts.map((post) => (
        <CardCell key={post.id}>
          <PostCard post={post} headingLevel={headingLevel} />
        </CardCell>
      ))}
    </CardGrid>
  );
}

/** Themes as links to their pages. */
export function ThemeTags({
  themes,
  small = false,
}: {
  themes: { slug: string; label: string }[];
  small?: boolean;
}) {
  return (
    <ul className="fr-tags-group" aria-label="Thèmes">
      {themes.map((t) => (
        <li key={t.slug}>
          <a className={small ? 'fr-tag fr-tag--sm' : 'fr-tag'} href={themeUrl(t.slug)}>
            {t.label}
          </a>
        </li>
      ))}
    </ul>
  );
}
