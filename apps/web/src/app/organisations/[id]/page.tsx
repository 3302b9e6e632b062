import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { Crumbs } from '../../../components/breadcrumb';
import { CardCell, CardGrid, TemplateCard } from '../../../components/cards';
import { PostCards, nextPageHref } from '../../../components/lists';
import { NextPageLink } from '../../../components/more-link';
import { ORGANISATION_KIND_LABELS, departmentLabel, plural } from '../../../lib/labels';
import { first, loadOrganisation } from '../../../lib/loaders';
import { idOfSegment, organisationUrl } from '../../../lib/urls';

/** notFound() thrown while the metadata streams leaves an empty page without JavaScript: the page throws it. */
const NOT_FOUND: Metadata = { title: 'Page introuvable', robots: { index: false } };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

async function load(props: Props) {
  const { id: segment } = await props.params;
  const search = await props.searchParams;
  // two lists, two cursors: apres for the reports, apres-modeles for the templates
  const after = first(search['apres']);
  const templatesAfter = first(search['apres-modeles']);
  const id = idOfSegment(segment);
  const organisation = id === undefined ? null : await loadOrganisation(id, after, templatesAfter);
  return { organisation, segment };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { organisation } = await load(props);
  if (organisation === null) return NOT_FOUND;
  return {
    title: organisation.name,
    description: `${organisation.name} : ${ORGANISATION_KIND_LABELS[organisation.kind]}, ${departmentLabel(organisation.departmentCode)}. Ses retours d'expérience et modèles de clauses publiés.`,
    alternates: { canonical: organisationUrl(organisation) },
  };
}

export default async function OrganisationPage(props: Props) {
  const { organisation, segment } = await load(props);
  if (organisation === null) notFound();
  const url = organisationUrl(organisation);
  if (`/organisations/${segment}` !== url) permanentRedirect(url);
  const posts = organisation.experiencePosts;
  const templates = organisation.clauseTemplates;
  return (
    <>
      <Crumbs current={organisation.name} parents={[{ label: 'Organisations', href: '/organisations' }]} />
      <h1>{organisation.name}</h1>
      <dl className="resocc-meta fr-mb-4w">
        <dt>Type d&apos;organisation</dt>
        <dd>{ORGANISATION_KIND_LABELS[organisation.kind]}</dd>
        <dt>Département</dt>
        <dd>{departmentLabel(organisation.departmentCode)}</dd>
        {organisation.website !== null && organisation.website !== undefined ? (
          <>
            <dt>Site web</dt>
            <dd>
              <a href={organisation.website} rel="noopener noreferrer">
                {organisation.website}
              </a>
            </dd>
          </>
        ) : null}
      </dl>
      <section aria-labelledby="titre-publications">
        <h2 id="titre-publications">Retours d&apos;expérience publiés</h2>
        {posts.totalCount === 0 ? (
          <p>Cette organisation n&apos;a pas encore publié de retour d&apos;expérience.</p>
        ) : (
          <>
            <p>{plural(posts.totalCount, "retour d'expérience", "retours d'expérience")}</p>
            <PostCards posts={posts.edges.map((e) => e.node)} />
            <NextPageLink href={nextPageHref(url, posts.pageInfo)} label="Retours d'expérience suivants" />
          </>
        )}
      </section>
      <section aria-labelledby="titre-modeles" className="fr-mt-6w">
        <h2 id="titre-modeles">Modèles de clauses publiés</h2>
        {templates.totalCount === 0 ? (
          <p>Cette organisation n&apos;a pas encore publié de modèle de clause.</p>
        ) : (
          <>
            <p>{plural(templates.totalCount, 'modèle de clause', 'modèles de clauses')}</p>
            <CardGrid>
              {templates.edges.map(({ node }) => (
                <CardCell key={node.id}>
                  <TemplateCard template={node} />
                </CardCell>
              ))}
            </CardGrid>
            <NextPageLink
              href={nextPageHref(url, templates.pageInfo, 'apres-modeles')}
              label="Modèles suivants"
            />
          </>
        )}
      </section>
    </>
  );
}
