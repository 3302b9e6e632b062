import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { Crumbs } from '../../../components/breadcrumb';
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
  const after = first((await props.searchParams)['apres']);
  const id = idOfSegment(segment);
  const organisation = id === undefined ? null : await loadOrganisation(id, after);
  return { organisation, segment };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { organisation } = await load(props);
  if (organisation === null) return NOT_FOUND;
  return {
    title: organisation.name,
    description: `${organisation.name} : ${ORGANISATION_KIND_LABELS[organisation.kind]}, ${departmentLabel(organisation.departmentCode)}. Ses retours d'expérience publiés.`,
    alternates: { canonical: organisationUrl(organisation) },
  };
}

export default async function OrganisationPage(props: Props) {
  const { organisation, segment } = await load(props);
  if (organisation === null) notFound();
  const url = organisationUrl(organisation);
  if (`/organisations/${segment}` !== url) permanentRedirect(url);
  const posts = organisation.experiencePosts;
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
            <NextPageLink href={nextPageHref(url, posts.pageInfo)} />
          </>
        )}
      </section>
    </>
  );
}
