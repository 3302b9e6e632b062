import type { Metadata } from 'next';
import { nextPageHref } from '../../components/lists';
import { NextPageLink } from '../../components/more-link';
import { query, withCursor } from '../../lib/api';
import { ORGANISATION_KIND_LABELS, departmentLabel, plural } from '../../lib/labels';
import { first } from '../../lib/loaders';
import { OrganisationsQuery } from '../../lib/operations';
import { organisationUrl } from '../../lib/urls';

export const metadata: Metadata = {
  title: 'Organisations',
  description: "Les organisations membres du réseau : acheteurs publics, structures de l'ESS, réseaux.",
  alternates: { canonical: '/organisations' },
};

export default async function OrganisationsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const after = first((await searchParams)['apres']);
  const { organisations } = await withCursor(after, (a) => query(OrganisationsQuery, { after: a }));
  return (
    <>
      <h1 className="fr-mt-4w">Organisations</h1>
      <p>{plural(organisations.totalCount, 'organisation membre', 'organisations membres')} du réseau.</p>
      <ul>
        {organisations.edges.map(({ node }) => (
          <li key={node.id}>
            <a href={organisationUrl(node)}>{node.name}</a> — {ORGANISATION_KIND_LABELS[node.kind]},{' '}
            {departmentLabel(node.departmentCode)}
          </li>
        ))}
      </ul>
      <NextPageLink href={nextPageHref('/organisations', organisations.pageInfo)} />
    </>
  );
}
