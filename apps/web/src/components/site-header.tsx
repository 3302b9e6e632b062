import type { WebConfig } from '../lib/config';

const NAVIGATION = [
  { href: '/recherche', label: 'Rechercher' },
  { href: '/retours-experience', label: "Retours d'expérience" },
  { href: '/modeles', label: 'Modèles de clauses' },
  { href: '/organisations', label: 'Organisations' },
];

/**
 * DSFR header markup, server-rendered and without DSFR's script: the white-label default
 * shows the network's name and logo; only the official identity shows the State's block.
 */
export function SiteHeader({ config }: { config: WebConfig }) {
  return (
    <header role="banner" className="fr-header">
      <div className="fr-header__body">
        <div className="fr-container">
          <div className="fr-header__body-row">
            <div className="fr-header__brand">
              <div className="fr-header__brand-top">
                {config.officialStateIdentity ? (
                  <div className="fr-header__logo">
                    <p className="fr-logo">
                      République
                      <br />
                      Française
                    </p>
                  </div>
                ) : null}
                {config.networkLogoUrl !== undefined ? (
                  <div className="fr-header__operator">
                    <img className="resocc-logo" src={config.networkLogoUrl} alt="" />
                  </div>
                ) : null}
              </div>
              <div className="fr-header__service">
                <a href="/" title={`Accueil — ${config.networkName}`}>
                  <p className="fr-header__service-title">{config.networkName}</p>
                </a>
                <p className="fr-header__service-tagline">{config.networkTagline}</p>
              </div>
            </div>
          </div>
        </div>
      </div>
      <div className="fr-container">
        <nav id="navigation-principale" aria-label="Menu principal">
          <ul className="resocc-nav">
            {NAVIGATION.map((item) => (
              <li key={item.href}>
                <a className="fr-link" href={item.href}>
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </header>
  );
}
