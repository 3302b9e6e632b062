import { Suggestions } from './suggestions';

/**
 * The search form: a GET form to /recherche, so it works without JavaScript; with it, the
 * suggestions list appears under the field as the visitor types.
 */
export function SearchBox({
  query = '',
  id = 'recherche-q',
  big = false,
}: {
  query?: string;
  id?: string;
  big?: boolean;
}) {
  return (
    <form action="/recherche" method="get" role="search" aria-label="Rechercher dans le réseau">
      <div className={`fr-search-bar${big ? ' fr-search-bar--lg' : ''}`}>
        <label className="fr-label" htmlFor={id}>
          Rechercher un retour d&apos;expérience ou un modèle de clause
        </label>
        <input
          className="fr-input"
          type="search"
          id={id}
          name="q"
          defaultValue={query}
          placeholder="Par exemple : reconditionné, insertion, restauration"
          autoComplete="off"
          aria-describedby={`${id}-aide`}
        />
        <button className={`fr-btn${big ? ' fr-btn--lg' : ''}`} type="submit" title="Rechercher">
          Rechercher
        </button>
      </div>
      <p id={`${id}-aide`} className="fr-hint-text fr-mt-1w">
        Les fautes de frappe, les accents et les formes des mots sont tolérés.
      </p>
      <Suggestions inputId={id} />
    </form>
  );
}
