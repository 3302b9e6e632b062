import type { Metadata } from 'next';
import { nextPageHref } from '../../components/lists';
import { CardCell, CardGrid, PostCard } from '../../components/cards';
import { NextPageLink } from '../../components/more-link';
import { query, withCursor } from '../../lib/api';
import { plural } from '../../lib/labels';
import { first } from '../../lib/loaders';
import { PostsQuery } from '../../lib/operations';

export const metadata: Metadata = {
  title: "Retours d'expérience",
  description: "Les retours d'expérience d'achats responsables publiés par les membres du réseau.",
  alternates: { canonical: '/retours-experience' },
};

export default async function PostsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const after = first((await searchParams)['apres']);
  const { experiencePosts: posts } = await withCursor(after, (a) => query(PostsQuery, { after: a }));
  return (
    <>
      <h1 className="fr-mt-4w">Retours d&apos;expérience</h1>
      <p>
        {plural(posts.totalCount, "retour d'expérience publié", "retours d'expérience publiés")}, du plus
        récent au plus ancien.
      </p>
      <CardGrid>
        {posts.edges.map(({ node }) => (
          <CardCell key={node.id}>
            <PostCard post={node} headingLevel="h2" />
          </CardCell>
        ))}
      </CardGrid>
      <NextPageLink href={nextPageHref('/retours-experience', posts.pageInfo)} />
    </>
  );
}
