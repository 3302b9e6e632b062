import type { Metadata } from 'next';
import { webConfig } from '../../lib/config';

export const metadata: Metadata = {
  title: 'Données personnelles',
  description: 'Quelles données personnelles le site traite, pourquoi, combien de temps, et vos droits.',
  alternates: { canonical: '/donnees-personnelles' },
};

export default function PersonalDataPage() {
  const config = webConfig();
  return (
    <>
      <h1 className="fr-mt-4w">Données personnelles</h1>
      <h2>Consulter le site</h2>
      <p>
        La consultation des pages publiques ne demande aucun compte. Le site ne dépose aucun cookie de mesure
        d’audience ni de publicité, et ne charge aucune ressource d’un autre site.
      </p>
      <h2>Comptes des membres</h2>
      <p>
        Pour publier, les membres du réseau ont un compte : nom affiché, adresse électronique vérifiée,
        organisation. Ces données servent à la vie du réseau (publication, modération, adhésion) sur la base
        de l’intérêt légitime du réseau et de l’adhésion de l’organisation. Chaque membre peut exporter ses
        données ou supprimer son compte ; ses contributions restent alors attribuées à « ancien membre ».
      </p>
      <h2>Vos droits</h2>
      <p>
        Vous disposez d’un droit d’accès, de rectification, d’effacement et d’opposition. Écrivez à{' '}
        <a href={`mailto:${config.contactEmail}`}>{config.contactEmail}</a>. Vous pouvez aussi adresser une
        réclamation à la Commission nationale de l’informatique et des libertés (CNIL).
      </p>
    </>
  );
}
