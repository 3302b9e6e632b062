import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { Crumbs } from '../../../components/breadcrumb';
import { CardCell, CardGrid, PostCard, TemplateCard } from '../../../components/cards';
import { loadCollection } from '../../../lib/loaders';
import { collectionUrl, idOfSegment } from '../../../lib/urls';

/** notFound() thrown while the metadata streams leaves an empty page without JavaScript: the page throws it. */
const NOT_FOUND: Metadata = { title: 'Page introuvable', robots: { index: false } };

type Props = { params: Promise<{ id: string }> };

async function load(params: Props['params']) {
  const { id: segment } = await params;
  const id = idOfSegment(segment);
  const collection = id === undefined ? null : await loadCollection(id);
  return { collection, segment };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { collection } = await load(params);
  if (collection === null) return NOT_FOUND;
  return {
    title: collection.title,
    description: collection.description,
    alternates: { canonical: collectionUrl(collection) },
  };
}

export default async function CollectionPage({ params }: Props) {
  const { collection, segment } = await load(params);
  if (collection === null) notFound();
  const url = collectionUrl(collection);
  if (`/collections/${segment}` !== url) permanentRedirect(url);
  return (
    <>
      <Crumbs current={collection.title} parents={[]} />
      <p className="fr-badge">Sélection du réseau</p>
      <h1 className="fr-mt-1w">{collection.title}</h1>
      <p className="fr-text--lead">{collection.description}</p>
      {collection.items.length === 0 ? (
        <p>Cette sélection ne contient encore aucun contenu publié.</p>
      ) : (
        <CardGrid>
          {collection.items.map((item) => (
            <CardCell key={item.id}>
              {item.__typename === 'ExperiencePost' ? (
                <PostCard post={item} headingLevel="h2" />
              ) : (
                <TemplateCard template={item} headingLevel="h2" />
              )}
            </CardCell>
          ))}
        </CardGrid>
      )}
    </>
  );
}
