// Who may look like the State (web.md): the default instance is white-label; only
// OFFICIAL_STATE_IDENTITY=true shows the "République française" block.
import { expect, test } from './fixtures';

test('the default instance shows the network, never the State: no Marianne, no State block, no Marianne or Spectral font', async ({
  page,
}) => {
  const fonts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'font') fonts.push(r.url());
  });
  await page.goto('/');
  await expect(page.getByRole('banner').getByRole('link', { name: "RES'OCC" })).toHaveAttribute(
    'title',
    "Accueil — RES'OCC",
  );
  await expect(page.getByText('République', { exact: false })).toHaveCount(0);
  await expect(page.locator('.fr-logo')).toHaveCount(0);
  const bodyFont = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
  expect(bodyFont).not.toMatch(/Marianne|Spectral/);
  await page.waitForLoadState('networkidle');
  expect(fonts.filter((f) => /Marianne|Spectral/.test(f))).toEqual([]);
});

test('an entitled operator turns the official identity on', async ({ page }) => {
  await page.goto(`http://127.0.0.1:${process.env['E2E_OFFICIAL_PORT']}/`);
  await expect(page.getByRole('banner').getByText(/République\s*Française/)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Achats responsables de l’État' })).toBeVisible();
  const bodyFont = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
  expect(bodyFont).toMatch(/Marianne/);
});
