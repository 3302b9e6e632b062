import type { MetadataRoute } from 'next';
import { connection } from 'next/server';
import { query } from '../lib/api';
import { webConfig } from '../lib/config';
import { SitemapQuery } from '../lib/operations';
import { collectionUrl, organisationUrl, postUrl, templateUrl, themeUrl } from '../lib/urls';

/**
 * Public pages only: the API is asked as an anonymous visitor, so members-only content is
 * never returned, and PUBLIC visibility is checked again here.
 */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  await connection();
  const { siteUrl } = webConfig();
  const data = await query(SitemapQuery);
  const at = (path: string, lastModified?: string) => ({ url: `${siteUrl}${path}`, lastModified });
  return [
    at('/'),
    at('/recherche'),
    at('/retours-experience'),
    at('/modeles'),
    at('/organisations'),
    at('/accessibilite'),
    at('/mentions-legales'),
    at('/donnees-personnelles'),
    ...data.themes.map((t) => at(themeUrl(t.slug))),
    ...data.collections.map((c) => at(collectionUrl(c))),
    ...data.experiencePosts.edges
      .filter(({ node }) => node.visibility === 'PUBLIC')
      .map(({ node }) => at(postUrl(node), node.updatedAt)),
    ...data.clauseTemplates.edges
      .filter(({ node }) => node.visibility === 'PUBLIC')
      .map(({ node }) => at(templateUrl(node), node.updatedAt)),
    ...data.organisations.edges.map(({ node }) => at(organisationUrl(node))),
  ];
}
