// The physical baseline of the feed benchmark: plain Fastify and `pg`, one hand-written SQL
// statement, the same rows and the same JSON shape as the API's
// `experiencePosts(first: N) { edges { node { id title summary publishedAt author { id displayName }
// organisation { id name } themes { slug label } } } }` for an anonymous viewer. No cache.
// Started by bench/feed.ts as a child process (DATABASE_URL, PORT); listens on 127.0.0.1 only.
// The API orders by COALESCE(published_at, created_at) DESC, id DESC; a PUBLISHED item always
// has its published_at (set on first publication, never cleared), so ordering by published_at
// gives the same rows and lets PostgreSQL walk the feed index (status, published_at, id)
// instead of sorting every published row. bench/feed.ts checks that both answers are equal.
import Fastify from 'fastify';
import { Pool } from 'pg';

const FEED_SQL = `
  SELECT p.id, p.title, p.summary, p.published_at,
         u.id AS author_id, u.display_name AS author_name,
         o.id AS organisation_id, o.name AS organisation_name,
         COALESCE((SELECT json_agg(json_build_object('slug', t.slug, 'label', t.label) ORDER BY s.ord)
                   FROM unnest(p.themes) WITH ORDINALITY AS s(slug, ord) JOIN theme t ON t.slug = s.slug),
                  '[]'::json) AS themes
  FROM experience_post p
  JOIN user_account u ON u.id = p.author_id
  JOIN organisation o ON o.id = p.organisation_id
  WHERE p.status = 'PUBLISHED' AND p.visibility = 'PUBLIC'
  ORDER BY p.published_at DESC, p.id DESC
  LIMIT $1`;

interface FeedRow {
  id: string;
  title: string;
  summary: string;
  published_at: Date | null;
  author_id: string;
  author_name: string;
  organisation_id: string;
  organisation_name: string;
  themes: { slug: string; label: string }[];
}

/** The API's opaque global ids: base64url("Type:localId"). */
function globalId(type: string, id: string): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
}

function pageSize(body: unknown): number {
  const query = typeof body === 'object' && body !== null ? (body as { query?: unknown }).query : undefined;
  const match = typeof query === 'string' ? /first:\s*(\d+)/.exec(query) : null;
  return match ? Math.min(100, Number(match[1])) : 20;
}

async function main(): Promise<void> {
  const url = process.env['DATABASE_URL'];
  const port = Number(process.env['PORT']);
  if (!url || !Number.isInteger(port)) throw new Error('DATABASE_URL and PORT are required');
  const pool = new Pool({ connectionString: url, max: 10, application_name: 'resocc-bench-baseline' });
  const app = Fastify({ logger: false });
  app.post('/graphql', async (request) => {
    const { rows } = await pool.query<FeedRow>(FEED_SQL, [pageSize(request.body)]);
    return {
      data: {
        experiencePosts: {
          edges: rows.map((r) => ({
            node: {
              id: globalId('ExperiencePost', r.id),
              title: r.title,
              summary: r.summary,
              publishedAt: r.published_at ? r.published_at.toISOString() : null,
              author: { id: globalId('User', r.author_id), displayName: r.author_name },
              organisation: { id: globalId('Organisation', r.organisation_id), name: r.organisation_name },
              themes: r.themes,
            },
          })),
        },
      },
    };
  });
  const stop = async (): Promise<void> => {
    await app.close();
    await pool.end();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  await app.listen({ port, host: '127.0.0.1' });
  process.stdout.write(`baseline ready on 127.0.0.1:${port}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
