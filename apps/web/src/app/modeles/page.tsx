import type { Metadata } from 'next';
import { nextPageHref } from '../../components/lists';
import { CardCell, CardGrid, TemplateCard } from '../../components/cards';
import { NextPageLink } from '../../components/more-link';
import { query, withCursor } from '../../lib/api';
import { plural } from '../../lib/labels';
import { first } from '../../lib/loaders';
import { TemplatesQuery } from '../../lib/operations';

export const metadata: Metadata = {
  title: 'Modèles de clauses',
  description: 'Les modèles de clauses sociales et environnementales partagés par les membres du réseau.',
  alternates: { canonical: '/modeles' },
};

export default async function TemplatesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const after = first((await searchParams)['apres']);
  const { clauseTemplates: templates } = await withCursor(after, (a) => query(TemplatesQuery, { after: a }));
  return (
    <>
      <h1 className="fr-mt-4w">Modèles de clauses</h1>
      <p>
        {plural(templates.totalCount, 'modèle publié', 'modèles publiés')}, du plus récent au plus ancien.
      </p>
      <CardGrid>
        {templates.edges.map(({ node }) => (
          <CardCell key={node.id}>
            <TemplateCard template={node} headingLevel="h2" />
          </CardCell>
        ))}
      </CardGrid>
      <NextPageLink href={nextPageHref('/modeles', templates.pageInfo)} />
    </>
  );
}
