import type { WebConfig } from '../lib/config';

export function SiteFooter({ config }: { config: WebConfig }) {
  return (
    <footer className="fr-footer" role="contentinfo" id="pied-de-page" tabIndex={-1}>
      <div className="fr-container">
        <div className="fr-footer__body">
          <div className="fr-footer__brand">
            {config.officialStateIdentity ? (
              <p className="fr-logo">
                République
                <br />
                Française
              </p>
            ) : (
              <p className="fr-h5 fr-mb-0">{config.networkName}</p>
            )}
          </div>
          <div className="fr-footer__content">
            <p className="fr-footer__content-desc">
              {config.networkName} — {config.networkTagline}. Les acheteurs publics, les structures de
              l&apos;économie sociale et solidaire et les animateurs du réseau y partagent ce qui marche :
              retours d&apos;expérience, modèles de clauses, organisations.
            </p>
          </div>
        </div>
        <div className="fr-footer__bottom">
          <ul className="fr-footer__bottom-list">
            <li className="fr-footer__bottom-item">
              <a className="fr-footer__bottom-link" href="/accessibilite">
                Accessibilité : non conforme
              </a>
            </li>
            <li className="fr-footer__bottom-item">
              <a className="fr-footer__bottom-link" href="/mentions-legales">
                Mentions légales
              </a>
            </li>
            <li className="fr-footer__bottom-item">
              <a className="fr-footer__bottom-link" href="/donnees-personnelles">
                Données personnelles
              </a>
            </li>
            <li className="fr-footer__bottom-item">
              <a className="fr-footer__bottom-link" href="/sitemap.xml">
                Plan du site (XML)
              </a>
            </li>
          </ul>
          <div className="fr-footer__bottom-copy">
            <p>
              Sauf mention contraire, les contenus de ce site sont publiés par les organisations qui les
              signent.
            </p>
          </div>
        </div>
      </div>
    </footer>
  );
}
