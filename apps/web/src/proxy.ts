import { type NextRequest, NextResponse } from 'next/server';

/** Pages about the viewer: never stored by a shared cache, never kept by the browser. */
const PERSONAL_PATHS = ['/compte', '/moderation', '/administration', '/connexion', '/inscription', '/verification'];
/** The session cookie the sign-in (next issue) sets; its presence makes every page personal. */
export const SESSION_COOKIE = 'resocc_session';

function isPersonal(request: NextRequest): boolean {
  const path = request.nextUrl.pathname;
  return (
    request.cookies.has(SESSION_COOKIE) || PERSONAL_PATHS.some((p) => path === p || path.startsWith(`${p}/`))
  );
}

/**
 * Per request: a fresh nonce for the Content-Security-Policy (Next applies it to its own
 * scripts while rendering), and the caching headers, set here because Next keeps them.
 */
export function proxy(request: NextRequest) {
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
  const response = NextResponse.next({ request: { headers: requestHeaders } });
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
