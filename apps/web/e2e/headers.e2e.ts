// What the server says besides the page: security and caching headers, robots.txt, the
// sitemap (public pages only), canonical and Open Graph tags.
import { expect, test } from './fixtures';

test('pages carry a CSP with a fresh nonce on every script, frame-ancestors none and a referrer policy', async ({
  request,
}) => {
  const first = await request.get('/');
  const second = await request.get('/');
  const csp = first.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeDefined();
  expect(second.headers()['content-security-policy']).not.toContain(nonce);
  const html = await first.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  expect(first.headers()['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(first.headers()['x-content-type-options']).toBe('nosniff');
  expect(first.headers()['x-powered-by']).toBeUndefined();
});

test('anonymous pages are publicly cacheable; personal ones and signed-in requests are private', async ({
  request,
}) => {
  for (const path of ['/', '/recherche?q=repas', '/accessibilite']) {
    const res = await request.get(path);
    expect(res.headers()['cache-control'], path).toMatch(/^public, max-age=\d+/);
    expect(res.headers()['vary'], path).toMatch(/Cookie/);
  }
  const personal = await request.get('/compte');
  expect(personal.headers()['cache-control']).toMatch(/^private\b.*no-store/);
  const signedIn = await request.get('/', { headers: { cookie: 'resocc_session=x' } });
  expect(signedIn.headers()['cache-control']).toBe('private, no-store');
});

test('robots.txt keeps personal pages out and names the sitemap', async ({ request, baseURL }) => {
  const text = await (await request.get('/robots.txt')).text();
  expect(text).toContain('Disallow: /compte');
  expect(text).toContain('Disallow: /moderation');
  expect(text).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
});

test('the sitemap lists public pages only, each answering 200 to an anonymous visitor', async ({
  request,
}) => {
  const xml = await (await request.get('/sitemap.xml')).text();
  const urls = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
  expect(urls.some((u) => u.includes('/retours-experience/un-tiers-de-postes'))).toBe(true);
  expect(urls.some((u) => u.includes('/modeles/'))).toBe(true);
  expect(urls.some((u) => u.includes('/compte'))).toBe(false);
  for (const url of urls) {
    const res = await request.get(url, { maxRedirects: 0 });
    expect(res.status(), url).toBe(200);
  }
});

test('a report page has its canonical URL, a description and Open Graph tags, in French', async ({
  page,
}) => {
  await page.goto('/retours-experience');
  await page.getByRole('link', { name: /Un tiers de postes de travail/ }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
  expect(new URL(canonical ?? '', 'http://x').pathname).toBe(new URL(page.url()).pathname);
  await expect(page.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article');
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', /Un tiers de postes/);
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /accord-cadre/);
  await expect(page.getByText(/Publié par .*, le \d{1,2} [a-zéû]+ \d{4}\./)).toBeVisible();
});
