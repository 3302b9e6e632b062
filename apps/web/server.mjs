// The web server: Next's request handler behind a small Node HTTP server, for two things
// `next start` cannot do:
// - `Vary: Cookie` on every page (Next replaces the Vary it is given with its own), so no
//   cache ever serves a signed-in page to someone else;
// - the immutable assets (/_next/static/*.js, .css, .svg) compressed once with Brotli
//   (about a fifth smaller than gzip), kept in memory.
// `node apps/web/server.mjs`; WEB_PORT (3001), WEB_HOST (0.0.0.0), API_URL (http://localhost:3000).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';
import next from 'next';

const dir = fileURLToPath(new URL('.', import.meta.url));
const port = Number(process.env.WEB_PORT ?? process.env.PORT ?? 3001);
const hostname = process.env.WEB_HOST ?? '0.0.0.0';
process.env.NEXT_TELEMETRY_DISABLED = '1';

const app = next({ dir, dev: false, hostname, port });
await app.prepare();
const handle = app.getRequestHandler();

const STATIC_DIR = join(dir, '.next', 'static');
const TYPES = {
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};
/** @type {Map<string, Buffer>} */
const brotli = new Map();

function staticBrotli(req, res) {
  const url = req.url ?? '';
  if (!url.startsWith('/_next/static/') || !/\bbr\b/.test(String(req.headers['accept-encoding'] ?? '')))
    return false;
  const path = normalize(
    join(STATIC_DIR, decodeURIComponent(url.slice('/_next/static/'.length).split('?')[0])),
  );
  const type = TYPES[extname(path)];
  if (type === undefined || !path.startsWith(STATIC_DIR) || !existsSync(path) || !statSync(path).isFile())
    return false;
  let body = brotli.get(path);
  if (body === undefined) {
    body = brotliCompressSync(readFileSync(path), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
    brotli.set(path, body);
  }
  res.writeHead(200, {
    'Content-Type': type,
    'Content-Encoding': 'br',
    'Content-Length': body.length,
    'Cache-Control': 'public, max-age=31536000, immutable',
    Vary: 'Accept-Encoding',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
  return true;
}

const ERROR_PAGE = `<!DOCTYPE html>
<html lang="fr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Erreur inattendue</title></head>
<body>
<main>
<h1>Erreur inattendue</h1>
<p>Erreur 500</p>
<p>Désolé, le service rencontre un problème. Nous travaillons pour le résoudre le plus rapidement possible.</p>
<p>Essayez de rafraîchir la page ou bien réessayez plus tard.</p>
<ul>
<li><a href="">Réessayer</a></li>
<li><a href="/">Page d'accueil</a></li>
</ul>
</main>
</body>
</html>
`;

/**
 * A page whose rendering fails before anything was sent gets from Next an empty document
 * that only JavaScript fills in (vercel/next.js#62228): such a 500 is replaced by a plain
 * French error page that reads without JavaScript.
 */
function plainErrorPage(req, res) {
  const url = req.url ?? '';
  if (
    req.method !== 'GET' ||
    url.startsWith('/_next/') ||
    !String(req.headers.accept ?? '').includes('text/html')
  )
    return;
  const original = { writeHead: res.writeHead, write: res.write, end: res.end };
  let replace;
  const failed = () => (replace ??= res.statusCode >= 500);
  res.writeHead = function writeHead(code, ...rest) {
    if (typeof code === 'number') res.statusCode = code;
    return failed() ? res : original.writeHead.call(res, code, ...rest);
  };
  res.write = function write(...args) {
    return failed() ? true : original.write.apply(res, args);
  };
  res.end = function end(...args) {
    if (!failed()) return original.end.apply(res, args);
    Object.assign(res, original);
    for (const name of res.getHeaderNames()) res.removeHeader(name);
    res.writeHead(500, {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Security-Policy':
        "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'X-Content-Type-Options': 'nosniff',
    });
    res.end(ERROR_PAGE);
    return res;
  };
}

function withCookieInVary(value) {
  const parts = String(Array.isArray(value) ? value.join(',') : value)
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (!parts.some((p) => p.toLowerCase() === 'cookie')) parts.push('Cookie');
  return parts.join(', ');
}

const server = createServer((req, res) => {
  if (staticBrotli(req, res)) return;
  plainErrorPage(req, res);
  const setHeader = res.setHeader.bind(res);
  res.setHeader = (name, value) =>
    setHeader(
      name,
      String(name).toLowerCase() === 'vary' && !(req.url ?? '').startsWith('/_next/')
        ? withCookieInVary(value)
        : value,
    );
  handle(req, res).catch((error) => {
    console.error(error);
    if (!res.headersSent) res.writeHead(500);
    res.end();
  });
});
server.listen(port, hostname, () => {
  if (process.env.RESOCC_WEB_QUIET !== '1')
    console.log(`Web server listening on http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${port}`);
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 3_000).unref();
  });
}
