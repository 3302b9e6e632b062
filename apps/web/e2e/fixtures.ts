import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Locator, type Page } from '@playwright/test';

export interface Options {
  /** Blocks every script of the app: the page must work as plain HTML. */
  noScript: boolean;
}

export const test = base.extend<Options>({
  noScript: [false, { option: true }],
  page: async ({ page, noScript }, use) => {
    if (noScript) await page.route('**/*.js', (route) => route.abort());
    await use(page);
  },
});

export { expect };

/** WCAG 2.1 A and AA rules of axe-core: the list of violations, empty when the page passes. */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations.map(
    (v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/** The address of the first link of a list page whose path starts with `prefix`. */
export async function firstDetailUrl(page: Page, listPath: string, prefix: string): Promise<string> {
  await page.goto(listPath);
  const href = await page.locator(`main a[href^="${prefix}"]`).first().getAttribute('href');
  if (href === null) throw new Error(`no link to ${prefix} on ${listPath}`);
  return href;
}

/** The count a facet link shows, "Hérault (34) (3)" → 3, read from the page itself. */
export async function facetCount(link: Locator): Promise<number> {
  const name = (await link.textContent())?.trim() ?? '';
  const match = /\((\d+)\)$/.exec(name);
  if (!match) throw new Error(`no count in the facet link "${name}"`);
  return Number(match[1]);
}

/** "1 résultat", "9 résultats". */
export function resultsHeading(count: number): string {
  return `${count} résultat${count > 1 ? 's' : ''}`;
}
