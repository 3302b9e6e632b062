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
