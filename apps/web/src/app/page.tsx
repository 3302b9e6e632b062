import type { Metadata } from 'next';
import { ThemeTags } from '../components/lists';
import { CardCell, CardGrid, PostCard } from '../components/cards';
import { SearchBox } from '../components/search-box';
import { query } from '../lib/api';
import { webConfig } from '../lib/config';
import { plural } from '../lib/labels';
import { HomeQuery } from '../lib/operations';
import { collectionUrl } from '../lib/urls';

export function generateMetadata(): Metadata {
  const config = webConfig();
  return {
    title: { absolute: `${config.networkName} — ${config.networkTagline}` },
    alternates: { canonical: '/' },
  };
}

export default async function HomePage() {
  const config = webConfig();
  const data = await query(HomeQuery);
  return (
    <>
      <section className="fr-py-6w" aria-labelledby="titre-accueil">
        <h1 id="titre-accueil">{config.networkName}</h1>
        <p className="fr-text--lead">
          {config.networkTagline} : les acheteurs publics, les structures de l&apos;économie sociale et
          solidaire et les animateurs du réseau partagent leurs retours d&apos;expérience et leurs modèles de
          clauses pour des achats plus sociaux et plus écologiques.
        </p>
        <SearchBox big />
      </section>

      <section className="fr-mb-6w" aria-labelledby="titre-derniers">
        <h2 id="titre-derniers">Derniers retours d&apos;expérience</h2>
        <CardGrid>
          {data.experiencePosts.edges.map(({ node }) => (
            <CardCell key={node.id}>
              <PostCard post={node} />
            </CardCell>
          ))}
        </CardGrid>
        <p className="fr-mt-3w">
          <a className="fr-link" href="/retours-experience">
            Tous les retours d&apos;expérience ({plural(data.experiencePosts.totalCount, 'publié', 'publiés')}
            )
          </a>
        </p>
      </section>

      {data.collections.length > 0 ? (
        <section className="fr-mb-6w" aria-labelledby="titre-collections">
          <h2 id="titre-collections">Sélections du réseau</h2>
          <ul className="fr-raw-list">
            {data.collections.map((c) => (
              <li key={c.id} className="fr-mb-2w">
                <h3 className="fr-h6 fr-mb-1v">
                  <a href={collectionUrl(c)}>{c.title}</a>
                </h3>
                <p className="fr-mb-0">{c.description}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="titre-themes">
        <h2 id="titre-themes">Thèmes</h2>
        <ThemeTags themes={data.themes} />
      </section>
    </>
  );
}
