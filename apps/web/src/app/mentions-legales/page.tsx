import type { Metadata } from 'next';
import { webConfig } from '../../lib/config';

export const metadata: Metadata = {
  title: 'Mentions légales',
  description: 'Mentions légales du site : éditeur, hébergement, propriété des contenus.',
  alternates: { canonical: '/mentions-legales' },
};

export default function LegalNoticePage() {
  const config = webConfig();
  return (
    <>
      <h1 className="fr-mt-4w">Mentions légales</h1>
      <h2>Éditeur</h2>
      <p>
        Le site {config.networkName} est édité par {config.publisher}. Contact :{' '}
        <a href={`mailto:${config.contactEmail}`}>{config.contactEmail}</a>.
      </p>
      <h2>Hébergement</h2>
      <p>L’hébergeur du site est indiqué par l’éditeur sur demande à l’adresse de contact ci-dessus.</p>
      <h2>Contenus</h2>
      <p>
        Les retours d’expérience et les modèles de clauses sont publiés par les organisations membres qui les
        signent, après relecture par l’équipe de modération du réseau. Les modèles de clauses sont des
        exemples : chaque acheteur reste responsable de leur adaptation à son marché.
      </p>
      <h2>Accessibilité</h2>
      <p>
        Voir la <a href="/accessibilite">déclaration d’accessibilité</a>.
      </p>
    </>
  );
}
