// The search page with the keyboard only: skip link first, focus always visible, every
// facet filter reachable and usable.
import { type Page } from '@playwright/test';
import { expect, facetCount, resultsHeading, test } from './fixtures';

async function focusedOutline(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (el === null) return 'none';
    const style = getComputedStyle(el);
    return `${style.outlineStyle} ${style.outlineWidth}`;
  });
}

test('search page: skip link, visible focus, facets reachable and usable with the keyboard', async ({
  page,
}) => {
  await page.goto('/recherche?q=reconditionn%C3%A9');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Contenu' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  expect(await focusedOutline(page)).not.toMatch(/^none/);
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();

  // From the content, Tab reaches the search field, then the facet filters.
  const facet = page
    .getByRole('navigation', { name: 'Filtres' })
    .getByRole('link', { name: /^Modèle de clause \(\d+\)$/ });
  const templates = await facetCount(facet);
  let reached = false;
  for (let i = 0; i < 30 && !reached; i += 1) {
    await page.keyboard.press('Tab');
    expect(await focusedOutline(page), `focus visible at step ${i}`).not.toMatch(/^none/);
    reached = await facet.evaluate((el) => el === document.activeElement);
  }
  expect(reached).toBe(true);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/type=CLAUSE_TEMPLATE/);
  await expect(page.getByRole('heading', { level: 2, name: resultsHeading(templates) })).toBeVisible();
});

test('suggestions appear under the search box as one types (with JavaScript)', async ({ page }) => {
  await page.goto('/');
  const box = page.getByRole('searchbox', { name: /Rechercher un retour/ });
  await box.pressSequentially('recondition', { delay: 20 });
  const suggestions = page.getByRole('list', { name: 'Suggestions' });
  await expect(
    suggestions.getByRole('link', { name: /Un tiers de postes de travail reconditionnés/ }),
  ).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(suggestions).toBeHidden();
});
