import type { Metadata, Viewport } from 'next';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import '@codegouvfr/react-dsfr/dsfr/dsfr.min.css';
import './globals.css';
import { SiteFooter } from '../components/site-footer';
import { SiteHeader } from '../components/site-header';
import { webConfig } from '../lib/config';

export async function generateMetadata(): Promise<Metadata> {
  const config = webConfig();
  return {
    metadataBase: new URL(config.siteUrl),
    title: { default: config.networkName, template: `%s — ${config.networkName}` },
    description: `${config.networkName} : ${config.networkTagline}. Retours d'expérience, modèles de clauses et organisations de l'achat responsable.`,
    applicationName: config.networkName,
    formatDetection: { telephone: false },
  };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const config = webConfig();
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return (
    <html
      lang="fr"
      data-fr-scheme="light"
      data-fr-theme="light"
      data-identite={config.officialStateIdentity ? 'etat' : 'reseau'}
    >
      <head>
        {config.officialStateIdentity ? null : (
          <style
            nonce={nonce}
          >{`html[data-identite='reseau']{--network-color:${config.networkColor};}`}</style>
        )}
      </head>
      <body>
        <div className="fr-skiplinks">
          <nav className="fr-container" aria-label="Accès rapide">
            <ul className="fr-skiplinks__list">
              <li>
                <a className="fr-link" href="#contenu">
                  Contenu
                </a>
              </li>
              <li>
                <a className="fr-link" href="#navigation-principale">
                  Menu
                </a>
              </li>
              <li>
                <a className="fr-link" href="#pied-de-page">
                  Pied de page
                </a>
              </li>
            </ul>
          </nav>
        </div>
        <SiteHeader config={config} />
        <main id="contenu" tabIndex={-1} className="fr-container fr-pb-8w">
          {children}
        </main>
        <SiteFooter config={config} />
      </body>
    </html>
  );
}
