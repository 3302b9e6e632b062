/** "Next page" as a plain link carrying the API's cursor: works without JavaScript. */
export function NextPageLink({
  href,
  label = 'Page suivante',
}: {
  href: string | undefined;
  label?: string;
}) {
  if (href === undefined) return null;
  return (
    <nav role="navigation" className="fr-pagination fr-mt-4w" aria-label="Pagination">
      <ul className="fr-pagination__list">
        <li>
          <a
            className="fr-pagination__link fr-pagination__link--next fr-pagination__link--lg-label"
            href={href}
          >
            {label}
          </a>
        </li>
      </ul>
    </nav>
  );
}
