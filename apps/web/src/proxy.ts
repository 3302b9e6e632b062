import { type NextRequest, NextResponse } from 'next/server';
import { webConfig } from './lib/config';
import { PERSONAL_PATHS, idOfSegment } from './lib/urls';

/** The session cookie the sign-in (next issue) sets; its presence makes every page personal. */
export const SESSION_COOKIE = 'resocc_session';

function isPersonal(request: NextRequest): boolean {
  const path = request.nextUrl.pathname;
  return (
    request.cookies.has(SESSION_COOKIE) || PERSONAL_PATHS.some((p) => path === p || path.startsWith(`${p}/`))
  );
}

const DETAIL = /^\/(retours-experience|modeles|organisations|collections|themes)\/([^/]+)\/?$/;
const TYPENAMES: Record<string, string> = {
  'retours-experience': 'ExperiencePost',
  modeles: 'ClauseTemplate',
  organisations: 'Organisation',
  collections: 'Collection',
};
/** An address no route matches: Next renders app/not-found.tsx for it, as HTML, with a 404. */
const NOT_FOUND_PATH = '/_introuvable';

/**
 * True when the API says that a detail page's item does not exist for this viewer. Next
 * serves notFound() from a dynamic page as an empty document filled in by JavaScript
 * (vercel/next.js#62228), so missing items are sent to the not-found page from here.
 * When the API cannot be asked, the page decides (and shows its error page if it must).
 */
async function detailIsMissing(path: string): Promise<boolean> {
  const match = DETAIL.exec(path);
  if (match === null) return false;
  const [, section, segment] = match;
  const body =
    section === 'themes'
      ? { query: '{ themes { slug } }' }
      : {
          query: 'query ($id: ID!) { node(id: $id) { __typename } }',
          variables: { id: idOfSegment(segment) },
        };
  if (section !== 'themes' && body.variables?.id === undefined) return true;
  try {
    const res = await fetch(`${webConfig().apiUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      cache: 'no-store',
      signal: AbortSignal.timeout(5_000),
    });
    const answer = (await res.json()) as {
      data?: { node?: { __typename: string } | null; themes?: { slug: string }[] };
      errors?: { extensions?: { code?: string } }[];
    };
    if (answer.errors?.some((e) => e.extensions?.code === 'BAD_USER_INPUT')) return true;
    if (answer.data === undefined) return false;
    if (section === 'themes')
      return !(answer.data.themes ?? []).some((t) => t.slug === decodeURIComponent(segment));
    return answer.data.node?.__typename !== TYPENAMES[section];
  } catch {
    return false;
  }
}

/**
 * Per request: a fresh nonce for the Content-Security-Policy (Next applies it to its own
 * scripts while rendering), and the caching headers, set here because Next keeps them.
 */
export async function proxy(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  const development = process.env.NODE_ENV === 'development';
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', csp);
  const response = (await detailIsMissing(request.nextUrl.pathname))
    ? NextResponse.rewrite(new URL(NOT_FOUND_PATH, request.url), { request: { headers: requestHeaders } })
    : NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  response.headers.set(
    'Cache-Control',
    isPersonal(request) ? 'private, no-store' : 'public, max-age=60, stale-while-revalidate=300',
  );
  response.headers.set('Vary', 'Cookie, Accept-Encoding');
  return response;
}

export const config = {
  matcher: [
    {
      source: '/((?!_next/static|_next/image|favicon.ico|robots.txt|sitemap.xml).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
