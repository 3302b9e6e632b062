import type { Metadata } from 'next';
import { ThemeTags } from '../../../components/lists';
import { notFound, permanentRedirect } from 'next/navigation';
import { Crumbs } from '../../../components/breadcrumb';
import {
  CLAUSE_KIND_LABELS,
  CONSIDERATION_LABELS,
  ORGANISATION_KIND_LABELS,
  PROCEDURE_LABELS,
  cpvLabel,
  departmentLabel,
  frenchDate,
} from '../../../lib/labels';
import { loadPost } from '../../../lib/loaders';
import { idOfSegment, organisationUrl, postUrl, searchUrl, templateUrl } from '../../../lib/urls';

/** notFound() thrown while the metadata streams leaves an empty page without JavaScript: the page throws it. */
const NOT_FOUND: Metadata = { title: 'Page introuvable', robots: { index: false } };

type Props = { params: Promise<{ id: string }> };

async function load(params: Props['params']) {
  const { id: segment } = await params;
  const id = idOfSegment(segment);
  const post = id === undefined ? null : await loadPost(id);
  return { post, segment };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { post } = await load(params);
  if (post === null) return NOT_FOUND;
  const url = postUrl(post);
  return {
    title: post.title,
    description: post.summary,
    alternates: { canonical: url },
    openGraph: {
      type: 'article',
      title: post.title,
      description: post.summary,
      url,
      locale: 'fr_FR',
      publishedTime: post.publishedAt ?? undefined,
      modifiedTime: post.updatedAt,
      authors: [post.organisation.name],
      tags: post.themes.map((t) => t.label),
    },
  };
}

export default async function PostPage({ params }: Props) {
  const { post, segment } = await load(params);
  if (post === null) notFound();
  const url = postUrl(post);
  if (`/retours-experience/${segment}` !== url) permanentRedirect(url);
  return (
    <article>
      <Crumbs
        current={post.title}
        parents={[{ label: "Retours d'expérience", href: '/retours-experience' }]}
      />
      <p className="fr-badge fr-badge--green-emeraude">Retour d&apos;expérience</p>
      <h1 className="fr-mt-1w">{post.title}</h1>
      <p className="fr-text--lead">{post.summary}</p>
      <p>
        Publié par <a href={organisationUrl(post.organisation)}>{post.organisation.name}</a> (
        {ORGANISATION_KIND_LABELS[post.organisation.kind]})
        {post.publishedAt !== null && post.publishedAt !== undefined
          ? `, le ${frenchDate(post.publishedAt)}`
          : ''}
        .
      </p>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-8">
          <div dangerouslySetInnerHTML={{ __html: post.bodyHtml }} />
          {post.outcomes !== null && post.outcomes !== undefined && post.outcomes !== '' ? (
            <section aria-labelledby="titre-resultats">
              <h2 id="titre-resultats">Résultats obtenus</h2>
              <p>{post.outcomes}</p>
            </section>
          ) : null}
          <section aria-labelledby="titre-clauses">
            <h2 id="titre-clauses">Modèles de clauses utilisés</h2>
            {post.clauseTemplates.length === 0 ? (
              <p>Ce marché n&apos;indique pas de modèle de clause du réseau.</p>
            ) : (
              <ul>
                {post.clauseTemplates.map((t) => (
                  <li key={t.id}>
                    <a href={templateUrl(t)}>{t.title}</a> ({CLAUSE_KIND_LABELS[t.kind]})
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
        <aside className="fr-col-12 fr-col-md-4" aria-labelledby="titre-fiche">
          <h2 id="titre-fiche" className="fr-h4">
            Le marché
          </h2>
          <dl className="resocc-meta">
            <dt>Procédure</dt>
            <dd>
              {post.procedureType !== null && post.procedureType !== undefined ? (
                <a href={searchUrl({ procedure: [post.procedureType] })}>
                  {PROCEDURE_LABELS[post.procedureType]}
                </a>
              ) : (
                'Non précisée'
              )}
            </dd>
            <dt>Année du marché</dt>
            <dd>{post.contractYear ?? 'Non précisée'}</dd>
            <dt>Département</dt>
            <dd>
              {post.departmentCode !== null && post.departmentCode !== undefined ? (
                <a href={searchUrl({ departement: [post.departmentCode] })}>
                  {departmentLabel(post.departmentCode)}
                </a>
              ) : (
                'Non précisé'
              )}
            </dd>
            <dt>Codes CPV</dt>
            <dd>
              {post.cpvCodes.length === 0 ? (
                'Non précisés'
              ) : (
                <ul className="fr-raw-list">
                  {post.cpvCodes.map((code) => (
                    <li key={code}>
                      {cpvLabel(code)} ({code})
                    </li>
                  ))}
                </ul>
              )}
            </dd>
            <dt>Considérations</dt>
            <dd>
              {post.considerations.length === 0 ? (
                'Aucune'
              ) : (
                <ul className="fr-raw-list">
                  {post.considerations.map((c) => (
                    <li key={c}>
                      <a href={searchUrl({ consideration: [c] })}>{CONSIDERATION_LABELS[c]}</a>
                    </li>
                  ))}
                </ul>
              )}
            </dd>
            <dt>Thèmes</dt>
            <dd>
              <ThemeTags themes={post.themes} />
            </dd>
          </dl>
        </aside>
      </div>
    </article>
  );
}
