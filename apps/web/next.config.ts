import { join } from 'node:path';
import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // The monorepo's root: one package.json and one node_modules for the API and the web.
  turbopack: { root: join(__dirname, '..', '..') },
  poweredByHeader: false,
  reactStrictMode: true,
  compress: true,
  // Pages render per request (nonces, the viewer's rights): nothing is prerendered with data.
  typedRoutes: false,
  transpilePackages: ['@codegouvfr/react-dsfr'],
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'X-Frame-Options', value: 'DENY' },
          {
            key: 'Permissions-Policy',
            value: 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
          },
          { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
        ],
      },
    ];
  },
};

export default nextConfig;
