'use client';

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="fr-py-6w">
      <h1>Erreur inattendue</h1>
      <p className="fr-text--sm">Erreur 500</p>
      <p className="fr-text--lead">
        Désolé, le service rencontre un problème. Nous travaillons pour le résoudre le plus rapidement
        possible.
      </p>
      <p>Essayez de rafraîchir la page ou bien réessayez plus tard.</p>
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <button className="fr-btn" type="button" onClick={() => reset()}>
            Réessayer
          </button>
        </li>
        <li>
          <a className="fr-btn fr-btn--secondary" href="/">
            Page d&apos;accueil
          </a>
        </li>
      </ul>
    </div>
  );
}
