import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { Crumbs } from '../../../components/breadcrumb';
import { nextPageHref, PostCards, ThemeTags } from '../../../components/lists';
import { NextPageLink } from '../../../components/more-link';
import {
  CLAUSE_KIND_LABELS,
  CONSIDERATION_LABELS,
  VARIABLE_TYPE_LABELS,
  frenchDate,
  plural,
} from '../../../lib/labels';
import { first, loadTemplate } from '../../../lib/loaders';
import { idOfSegment, organisationUrl, searchUrl, templateUrl } from '../../../lib/urls';

/** notFound() thrown while the metadata streams leaves an empty page without JavaScript: the page throws it. */
const NOT_FOUND: Metadata = { title: 'Page introuvable', robots: { index: false } };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

async function load(props: Props) {
  const { id: segment } = await props.params;
  const after = first((await props.searchParams)['apres']);
  const id = idOfSegment(segment);
  const template = id === undefined ? null : await loadTemplate(id, after);
  return { template, segment, after };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { template } = await load(props);
  if (template === null) return NOT_FOUND;
  return {
    title: template.title,
    description: template.summary,
    alternates: { canonical: templateUrl(template) },
    openGraph: {
      type: 'article',
      title: template.title,
      description: template.summary,
      url: templateUrl(template),
    },
  };
}

export default async function TemplatePage(props: Props) {
  const { template, segment } = await load(props);
  if (template === null) notFound();
  const url = templateUrl(template);
  if (`/modeles/${segment}` !== url) permanentRedirect(url);
  const used = template.usedIn;
  return (
    <article>
      <Crumbs current={template.title} parents={[{ label: 'Modèles de clauses', href: '/modeles' }]} />
      <p className="fr-badge fr-badge--purple-glycine">Modèle de clause</p>
      <h1 className="fr-mt-1w">{template.title}</h1>
      <p className="fr-text--lead">{template.summary}</p>
      <p>
        Proposé par <a href={organisationUrl(template.organisation)}>{template.organisation.name}</a>
        {template.publishedAt !== null && template.publishedAt !== undefined
          ? `, publié le ${frenchDate(template.publishedAt)}`
          : ''}
        , version {template.revision} (mise à jour le {frenchDate(template.updatedAt)}).
      </p>
      <dl className="resocc-meta">
        <dt>Nature de la clause</dt>
        <dd>
          <a href={searchUrl({ kind: [template.kind] })}>{CLAUSE_KIND_LABELS[template.kind]}</a>
        </dd>
        <dt>Références juridiques</dt>
        <dd>
          {template.legalReferences.length === 0 ? (
            'Aucune indiquée'
          ) : (
            <ul className="fr-raw-list">
              {template.legalReferences.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          )}
        </dd>
        <dt>Considérations</dt>
        <dd>
          {template.considerations.length === 0
            ? 'Aucune'
            : template.considerations.map((c) => CONSIDERATION_LABELS[c]).join(', ')}
        </dd>
        <dt>Thèmes</dt>
        <dd>
          <ThemeTags themes={template.themes} />
        </dd>
      </dl>

      <h2>Texte de la clause</h2>
      <p>Les passages entre doubles accolades, comme {'{{taux}}'}, sont à remplacer par vos valeurs.</p>
      <div className="resocc-clause">{template.body}</div>

      <h2 className="fr-mt-4w">Valeurs à compléter</h2>
      {template.variables.length === 0 ? (
        <p>Ce modèle n&apos;a pas de valeur à compléter.</p>
      ) : (
        <div className="fr-table">
          <table>
            <caption className="fr-sr-only">Valeurs à compléter</caption>
            <thead>
              <tr>
                <th scope="col">Repère dans le texte</th>
                <th scope="col">Libellé</th>
                <th scope="col">Type</th>
                <th scope="col">Obligatoire</th>
              </tr>
            </thead>
            <tbody>
              {template.variables.map((v) => (
                <tr key={v.name}>
                  <td>
                    <code>{`{{${v.name}}}`}</code>
                  </td>
                  <td>{v.label}</td>
                  <td>
                    {VARIABLE_TYPE_LABELS[v.type]}
                    {v.options !== null && v.options !== undefined && v.options.length > 0
                      ? ` : ${v.options.join(', ')}`
                      : ''}
                  </td>
                  <td>{v.required ? 'Oui' : 'Non'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <section aria-labelledby="titre-utilise">
        <h2 id="titre-utilise" className="fr-mt-4w">
          Où il a été utilisé
        </h2>
        {used.totalCount === 0 ? (
          <p>Aucun retour d&apos;expérience publié n&apos;indique encore ce modèle.</p>
        ) : (
          <>
            <p>{plural(used.totalCount, "retour d'expérience publié", "retours d'expérience publiés")}</p>
            <PostCards posts={used.edges.map((e) => e.node)} />
            <NextPageLink href={nextPageHref(url, used.pageInfo)} />
          </>
        )}
      </section>
    </article>
  );
}
