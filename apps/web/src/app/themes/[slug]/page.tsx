import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { Crumbs } from '../../../components/breadcrumb';
import { CardCell, CardGrid, PostCard, TemplateCard } from '../../../components/cards';
import { query } from '../../../lib/api';
import { plural } from '../../../lib/labels';
import { ThemeQuery } from '../../../lib/operations';
import { searchUrl, themeUrl } from '../../../lib/urls';

/** notFound() thrown while the metadata streams leaves an empty page without JavaScript: the page throws it. */
const NOT_FOUND: Metadata = { title: 'Page introuvable', robots: { index: false } };

type Props = { params: Promise<{ slug: string }> };

const loadTheme = cache(async (slug: string) => {
  const data = await query(ThemeQuery, { themes: [slug] });
  const theme = data.themes.find((t) => t.slug === slug);
  return theme === undefined ? null : { theme, data };
});

async function load(params: Props['params']) {
  const { slug } = await params;
  const found = /^[a-z0-9-]{1,80}$/.test(slug) ? await loadTheme(slug) : null;
  return found;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await load(params);
  if (found === null) return NOT_FOUND;
  const { theme } = found;
  return {
    title: `Thème : ${theme.label}`,
    description: `Retours d'expérience et modèles de clauses du réseau sur le thème « ${theme.label} ».`,
    alternates: { canonical: themeUrl(theme.slug) },
  };
}

export default async function ThemePage({ params }: Props) {
  const found = await load(params);
  if (found === null) notFound();
  const { theme, data } = found;
  return (
    <>
      <Crumbs current={theme.label} parents={[]} />
      <h1>Thème : {theme.label}</h1>
      <p>
        <a className="fr-link" href={searchUrl({ theme: [theme.slug] })}>
          Rechercher dans ce thème
        </a>
      </p>
      <section aria-labelledby="titre-retours" className="fr-mb-6w">
        <h2 id="titre-retours">
          Retours d&apos;expérience ({plural(data.experiencePosts.totalCount, 'publié', 'publiés')})
        </h2>
        <CardGrid>
          {data.experiencePosts.edges.map(({ node }) => (
            <CardCell key={node.id}>
              <PostCard post={node} />
            </CardCell>
          ))}
        </CardGrid>
      </section>
      <section aria-labelledby="titre-modeles">
        <h2 id="titre-modeles">
          Modèles de clauses ({plural(data.clauseTemplates.totalCount, 'publié', 'publiés')})
        </h2>
        <CardGrid>
          {data.clauseTemplates.edges.map(({ node }) => (
            <CardCell key={node.id}>
              <TemplateCard template={node} />
            </CardCell>
          ))}
        </CardGrid>
      </section>
    </>
  );
}
