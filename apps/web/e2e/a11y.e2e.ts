// axe-core, WCAG 2.1 A and AA rules: zero violations on every page of the public journey,
// with JavaScript (avec-js) and with the app's scripts blocked (sans-js).
import { axeViolations, expect, firstDetailUrl, test } from './fixtures';

const FIXED_PAGES = [
  '/',
  '/recherche',
  '/recherche?q=reconditionn%C3%A9&type=EXPERIENCE_POST',
  '/recherche?q=zzxqwv',
  '/retours-experience',
  '/modeles',
  '/organisations',
  '/themes/alimentation',
  '/accessibilite',
  '/mentions-legales',
  '/donnees-personnelles',
  '/cette-page-n-existe-pas',
];

for (const path of FIXED_PAGES) {
  test(`no axe violation on ${path}`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });
}

const DETAIL_PAGES: [string, string, string][] = [
  ['an experience report', '/retours-experience', '/retours-experience/'],
  ['a clause template', '/modeles', '/modeles/'],
  ['an organisation', '/organisations', '/organisations/'],
  ['a collection', '/', '/collections/'],
];

for (const [what, list, prefix] of DETAIL_PAGES) {
  test(`no axe violation on ${what}`, async ({ page }) => {
    const url = await firstDetailUrl(page, list, prefix);
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });
}
