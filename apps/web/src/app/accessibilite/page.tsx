import type { Metadata } from 'next';
import { webConfig } from '../../lib/config';

export const metadata: Metadata = {
  title: 'Déclaration d’accessibilité',
  description:
    "Déclaration d'accessibilité du site (RGAA 4.1) : état de conformité, tests, contact et voies de recours.",
  alternates: { canonical: '/accessibilite' },
};

export default function AccessibilityPage() {
  const config = webConfig();
  return (
    <>
      <h1 className="fr-mt-4w">Déclaration d’accessibilité</h1>
      <p>
        {config.publisher} s’engage à rendre son site accessible, conformément à l’article 47 de la loi n°
        2005-102 du 11 février 2005. Cette déclaration d’accessibilité s’applique au site {config.networkName}{' '}
        ({config.siteUrl}).
      </p>
      <h2>État de conformité</h2>
      <p>
        Le site {config.networkName} est <strong>non conforme</strong> avec le référentiel général
        d’amélioration de l’accessibilité (RGAA), version 4.1, car il n’a pas encore fait l’objet d’un audit
        de conformité.
      </p>
      <h2>Ce qui a été vérifié</h2>
      <p>
        En attendant un audit, chaque version du site est vérifiée automatiquement dans un vrai navigateur :
      </p>
      <ul>
        <li>
          l’outil axe-core (règles WCAG 2.1 niveaux A et AA) ne relève aucune erreur sur les pages publiques,
          avec et sans JavaScript ;
        </li>
        <li>
          la page de recherche s’utilise entièrement au clavier : lien d’évitement, focus visible, filtres
          atteignables ;
        </li>
        <li>la recherche, les filtres et la pagination fonctionnent sans JavaScript.</li>
      </ul>
      <h2>Technologies utilisées</h2>
      <ul>
        <li>HTML5</li>
        <li>CSS (Système de design de l’État, en marque blanche)</li>
        <li>JavaScript (facultatif : suggestions de recherche)</li>
      </ul>
      <h2>Établissement de cette déclaration</h2>
      <p>Cette déclaration a été établie le 2 décembre 2026.</p>
      <h2>Amélioration et contact</h2>
      <p>
        Si vous n’arrivez pas à accéder à un contenu ou à un service, vous pouvez contacter le responsable du
        site pour être orienté vers une alternative accessible ou obtenir le contenu sous une autre forme :
      </p>
      <ul>
        <li>
          courriel : <a href={`mailto:${config.contactEmail}`}>{config.contactEmail}</a>
        </li>
      </ul>
      <h2>Voie de recours</h2>
      <p>
        Si vous constatez un défaut d’accessibilité vous empêchant d’accéder à un contenu ou à une
        fonctionnalité du site, que vous nous le signalez et que vous ne parvenez pas à obtenir une réponse de
        notre part, vous êtes en droit de faire parvenir vos doléances ou une demande de saisine au Défenseur
        des droits :
      </p>
      <ul>
        <li>
          écrire un message au Défenseur des droits (
          <a href="https://formulaire.defenseurdesdroits.fr/" rel="noopener noreferrer">
            formulaire en ligne
          </a>
          ) ;
        </li>
        <li>
          contacter le délégué du Défenseur des droits dans votre région (
          <a href="https://www.defenseurdesdroits.fr/saisir/delegues" rel="noopener noreferrer">
            liste des délégués
          </a>
          ) ;
        </li>
        <li>
          envoyer un courrier par la poste (gratuit, ne pas mettre de timbre) : Défenseur des droits, Libre
          réponse 71120, 75342 Paris CEDEX 07.
        </li>
      </ul>
    </>
  );
}
