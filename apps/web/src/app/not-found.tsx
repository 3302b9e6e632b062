import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Page introuvable', robots: { index: false } };

export default function NotFound() {
  return (
    <div className="fr-py-6w">
      <h1>Page introuvable</h1>
      <p className="fr-text--sm">Erreur 404</p>
      <p className="fr-text--lead">
        La page que vous cherchez est introuvable. Excusez-nous pour la gêne occasionnée.
      </p>
      <p>
        Si vous avez tapé l&apos;adresse web dans le navigateur, vérifiez qu&apos;elle est correcte. La page
        n&apos;est peut-être plus disponible, ou elle est réservée aux membres du réseau.
      </p>
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <a className="fr-btn" href="/">
            Page d&apos;accueil
          </a>
        </li>
        <li>
          <a className="fr-btn fr-btn--secondary" href="/recherche">
            Rechercher
          </a>
        </li>
      </ul>
    </div>
  );
}
