import type { MetadataRoute } from 'next';
import { connection } from 'next/server';
import { webConfig } from '../lib/config';
import { PERSONAL_PATHS } from '../lib/urls';

export default async function robots(): Promise<MetadataRoute.Robots> {
  await connection();
  const { siteUrl } = webConfig();
  return {
    rules: {
      userAgent: '*',
      allow: '/',
      disallow: [...PERSONAL_PATHS, '/suggestions'],
    },
    sitemap: `${siteUrl}/sitemap.xml`,
  };
}
