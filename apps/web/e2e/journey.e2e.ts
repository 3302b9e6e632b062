// The visitor's journey, asserted by what a person sees: run with JavaScript (project
// avec-js) and with every script blocked (sans-js).
import { axeViolations, expect, facetCount, resultsHeading, test } from './fixtures';

const REPORT = 'Un tiers de postes de travail reconditionnés dans le marché informatique de la métropole';
const TEMPLATE = 'Spécification technique : part de matériel informatique reconditionné';

test('home → search a word → filter by a facet → open the report → follow its template link', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page).toHaveTitle(/RES'OCC/);
  await expect(page.getByRole('heading', { level: 1, name: "RES'OCC" })).toBeVisible();
  await expect(page.getByRole('heading', { name: "Derniers retours d'expérience" })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Numérique responsable' }).first()).toBeVisible();

  const box = page.getByRole('searchbox', {
    name: "Rechercher un retour d'expérience ou un modèle de clause",
  });
  await box.fill('reconditionné');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/recherche\?q=reconditionn/);
  await expect(page.getByRole('heading', { level: 1, name: 'Recherche « reconditionné »' })).toBeVisible();
  // Reports and templates both match: the type facets add up to the total shown.
  const filters = page.getByRole('navigation', { name: 'Filtres' });
  const posts = filters.getByRole('link', { name: /^Retour d'expérience \(\d+\)$/ });
  const templates = filters.getByRole('link', { name: /^Modèle de clause \(\d+\)$/ });
  const postCount = await facetCount(posts);
  const total = postCount + (await facetCount(templates));
  expect(postCount).toBeGreaterThan(1);
  await expect(page.getByRole('heading', { level: 2, name: resultsHeading(total) })).toBeVisible();
  // The query stays in the box, and in the URL for sharing.
  await expect(page.getByRole('searchbox', { name: /Rechercher un retour/ })).toHaveValue('reconditionné');

  // A facet filters to the count it showed.
  await posts.click();
  await expect(page).toHaveURL(/type=EXPERIENCE_POST/);
  await expect(page.getByRole('heading', { level: 2, name: resultsHeading(postCount) })).toBeVisible();
  await expect(page.getByRole('link', { name: "Retirer « Retour d'expérience »" })).toBeVisible();
  // Facets combine: a second filter narrows further, to the count it showed.
  const herault = filters.getByRole('link', { name: /^Hérault \(34\) \(\d+\)$/ });
  const inHerault = await facetCount(herault);
  expect(inHerault).toBeLessThan(postCount);
  await herault.click();
  await expect(page).toHaveURL(/type=EXPERIENCE_POST.*departement=34|departement=34.*type=EXPERIENCE_POST/);
  await expect(page.getByRole('heading', { level: 2, name: resultsHeading(inHerault) })).toBeVisible();

  const results = page.getByRole('list', { name: resultsHeading(inHerault) });
  await expect(results.getByRole('article')).toHaveCount(inHerault);
  await results.getByRole('link', { name: REPORT }).click();

  await expect(page.getByRole('heading', { level: 1, name: REPORT })).toBeVisible();
  const sheet = page.getByRole('complementary', { name: 'Le marché' });
  await expect(sheet.getByText("Appel d'offres ouvert")).toBeVisible();
  await expect(sheet.getByText('Ordinateurs portables (30213100)')).toBeVisible();
  await expect(sheet.getByText('Hérault (34)')).toBeVisible();
  await expect(sheet.getByText('2023')).toBeVisible();
  await expect(sheet.getByRole('link', { name: 'Environnementale' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Résultats obtenus' })).toBeVisible();

  await page.getByRole('link', { name: TEMPLATE }).click();
  await expect(page.getByRole('heading', { level: 1, name: TEMPLATE })).toBeVisible();
  await expect(page.getByText('Spécification technique', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Texte de la clause' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Où il a été utilisé' })).toBeVisible();
  await expect(page.getByRole('link', { name: new RegExp(REPORT) })).toBeVisible();
});

test('a report facet link leads to the search filtered on it', async ({ page }) => {
  await page.goto('/recherche?q=reconditionn%C3%A9');
  await page.getByRole('link', { name: REPORT }).click();
  await page
    .getByRole('complementary', { name: 'Le marché' })
    .getByRole('link', { name: 'Hérault (34)' })
    .click();
  await expect(page).toHaveURL(/\/recherche\?departement=34/);
  await expect(page.getByRole('link', { name: 'Retirer « Hérault (34) »' })).toBeVisible();
});

test('pagination follows the API cursors and comes back', async ({ page }) => {
  await page.goto('/recherche');
  const heading = page.getByRole('heading', { level: 2, name: /\d+ résultats/ });
  const total = await heading.textContent();
  const results = page.getByRole('list', { name: total ?? '' });
  await expect(results.getByRole('article')).toHaveCount(10);
  const firstOfPage1 = await results.getByRole('heading', { level: 3 }).first().textContent();
  await page.getByRole('link', { name: 'Résultats suivants' }).click();
  await expect(page).toHaveURL(/apres=/);
  await expect(results.getByRole('heading', { level: 3 }).first()).not.toHaveText(firstOfPage1 ?? '');
  await page.getByRole('link', { name: 'Revenir aux premiers résultats' }).click();
  await expect(results.getByRole('heading', { level: 3 }).first()).toHaveText(firstOfPage1 ?? '');
});

test('a search that finds nothing suggests what to try', async ({ page }) => {
  await page.goto('/recherche?q=zzxqwv&type=CLAUSE_TEMPLATE');
  await expect(page.getByRole('heading', { level: 2, name: '0 résultat' })).toBeVisible();
  await expect(page.getByText('Aucun résultat pour « zzxqwv »')).toBeVisible();
  await expect(page.getByRole('link', { name: 'relancez la recherche sans les filtres' })).toHaveAttribute(
    'href',
    '/recherche?q=zzxqwv',
  );
});

test('an unknown page answers 404 in French', async ({ page }) => {
  const res = await page.goto('/cette-page-n-existe-pas');
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Page introuvable' })).toBeVisible();
  const missing = await page.goto(
    '/retours-experience/titre--RXhwZXJpZW5jZVBvc3Q6MDAwMDAwMDAtMDAwMC00MDAwLTgwMDAtMDAwMDAwMDAwMDAw',
  );
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Page introuvable' })).toBeVisible();
});

test('an old slug redirects to the current address of the report', async ({ page }) => {
  await page.goto('/recherche?q=reconditionn%C3%A9');
  const href = await page.getByRole('link', { name: REPORT }).getAttribute('href');
  const id = (href ?? '').split('--')[1];
  await page.goto(`/retours-experience/un-ancien-titre--${id}`);
  await expect(page).toHaveURL(href ?? '');
  await expect(page.getByRole('heading', { level: 1, name: REPORT })).toBeVisible();
});

test('organisation, theme and collection pages list their published items', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Numérique responsable : par où commencer' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Numérique responsable : par où commencer' }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: TEMPLATE })).toBeVisible();

  await page.goto('/themes/numerique-responsable');
  await expect(page.getByRole('heading', { level: 1, name: 'Thème : Numérique responsable' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: REPORT })).toBeVisible();

  await page.goto('/organisations');
  await page.getByRole('link', { name: 'Montpellier Méditerranée Métropole' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Montpellier Méditerranée Métropole' }),
  ).toBeVisible();
  await expect(page.getByText('Collectivité territoriale')).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: REPORT })).toBeVisible();
  // its published templates too, and only its own
  const templates = page.getByRole('region', { name: 'Modèles de clauses publiés' });
  await expect(templates.getByRole('heading', { level: 3, name: TEMPLATE })).toBeVisible();
  for (const card of await templates.getByRole('heading', { level: 3 }).all()) {
    await card.getByRole('link').click();
    await expect(page.getByText('Proposé par Montpellier Méditerranée Métropole')).toBeVisible();
    await page.goBack();
  }
});

test('a cursor the API refuses (an edited or stale link) gives the first page, not an error', async ({
  page,
}) => {
  await page.goto('/recherche?q=reconditionn%C3%A9');
  const firstPage = await page.getByRole('heading', { level: 2, name: /résultats?$/ }).textContent();
  const search = await page.goto('/recherche?q=reconditionn%C3%A9&apres=pas-un-curseur');
  expect(search?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 2, name: firstPage ?? '' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /^[1-9]\d* résultats?$/ })).toBeVisible();
  const list = await page.goto('/retours-experience?apres=pas-un-curseur');
  expect(list?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1, name: "Retours d'expérience" })).toBeVisible();
});

test('when the API does not answer, a page says so in French, readable without JavaScript', async ({
  page,
}) => {
  const base = `http://127.0.0.1:${process.env['E2E_BROKEN_PORT']}`;
  const res = await page.goto(`${base}/recherche?q=repas`);
  expect(res?.status()).toBe(500);
  await expect(page.getByRole('heading', { level: 1, name: 'Erreur inattendue' })).toBeVisible();
  await expect(page.getByRole('link', { name: "Page d'accueil" })).toHaveAttribute('href', '/');
  expect(await axeViolations(page)).toEqual([]);
  // pages that need no data still work
  const statement = await page.goto(`${base}/accessibilite`);
  expect(statement?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1, name: 'Déclaration d’accessibilité' })).toBeVisible();
});
