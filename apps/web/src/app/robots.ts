import type { MetadataRoute } from 'next';
import { connection } from 'next/server';
import { webConfig } from '../lib/config';

export default async function robots(): Promise<MetadataRoute.Robots> {
  await connection();
  const { siteUrl } = webConfig();
  return {
    rules: {
      userAgent: '*',
      allow: '/',
      disallow: [
        '/compte',
        '/moderation',
        '/administration',
        '/connexion',
        '/inscription',
        '/verification',
        '/suggestions',
      ],
    },
    sitemap: `${siteUrl}/sitemap.xml`,
  };
}
