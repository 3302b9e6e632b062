// Two API processes on one database behave as one API: one sign-in limit, one index entry
// per post, and optimistic locking that holds across processes.
import {
  ADMIN,
  type ApiProcess,
  DEMO_PASSWORD,
  LOGIN,
  MEMBER,
  type OwnedDatabase,
  type PostRef,
  ProcessBed,
  UPDATE_POST,
  buildApi,
  createPost,
  errorCode,
  gql,
  indexConverged,
  localId,
  login,
  postInput,
  searchPosts,
  sleep,
  submitPost,
} from '../support/api-process';

/** Limits count in fixed windows: start a sequence far enough from the end of one. */
async function awayFromWindowEnd(db: OwnedDatabase, windowSeconds: number, marginSeconds: number) {
  const [{ t }] = await db.query<{ t: number }>(`SELECT extract(epoch FROM now())::float8 AS t`);
  const left = windowSeconds - (t % windowSeconds);
  if (left < marginSeconds) await sleep(Math.ceil(left * 1000) + 200);
}

async function version(api: ApiProcess, token: string, id: string): Promise<number | undefined> {
  const res = await gql<{ node: { version?: number } | null }>(
    api.port,
    'query($id: ID!) { node(id: $id) { ... on ExperiencePost { version } } }',
    { id },
    { token },
  );
  return res.data?.node?.version;
}

describe('two API processes on one database', () => {
  const bed = new ProcessBed();
  let db: OwnedDatabase;
  let a: ApiProcess;
  let b: ApiProcess;

  beforeAll(async () => {
    await buildApi();
    db = await bed.database();
    // TRUST_PROXY=loopback: X-Forwarded-For from the test is believed, so each test signs in from an address of its own
    [a, b] = await Promise.all([
      bed.api('a', db.url, { NODE_ENV: 'test', SEED_DEMO: 'true', TRUST_PROXY: 'loopback' }),
      bed.api('b', db.url, { NODE_ENV: 'test', TRUST_PROXY: 'loopback' }),
    ]);
  });
  afterAll(() => bed.close());

  it('refuses sign-ins for an e-mail after 10 failures in total, whichever process took them', async () => {
    const email = 'moderation@reseau.example';
    const ip = '198.51.100.10';
    await awayFromWindowEnd(db, 15 * 60, 15);
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 10; i++) {
      const res = await gql((i % 2 === 0 ? a : b).port, LOGIN, { e: email, p: `mauvais-${i}` }, { ip });
      codes.push(errorCode(res));
    }
    expect(codes).toEqual(Array<string>(10).fill('UNAUTHENTICATED'));
    // the eleventh attempt is refused by both processes, even with the right password
    const locked = await Promise.all(
      [a, b].map(async (api) =>
        errorCode(await gql(api.port, LOGIN, { e: email, p: DEMO_PASSWORD }, { ip })),
      ),
    );
    expect(locked).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
    // another account is not affected
    expect(await login(b.port, MEMBER)).toEqual(expect.any(String));
  });

  it('indexes each post published through either process exactly once', async () => {
    const word = 'ornithorynquereplique';
    const count = 20;
    const tokens = await Promise.all([login(a.port, ADMIN), login(b.port, ADMIN)]);
    const apis = [a, b];
    const posts: PostRef[] = [];
    let next = 0;
    // create through one process and publish through the other, six writers at a time
    const writer = async (): Promise<void> => {
      for (let n = next++; n < count; n = next++) {
        const [c, s] = n % 2 === 0 ? [0, 1] : [1, 0];
        const post = await createPost(apis[c].port, tokens[c], postInput(`Publication ${word} ${n}`));
        posts.push(await submitPost(apis[s].port, tokens[s], post.id));
      }
    };
    await Promise.all(Array.from({ length: 6 }, writer));
    expect(posts).toHaveLength(count);

    const state = await indexConverged(db);
    const ids = posts.map((p) => localId(p.id)).sort();
    expect(state.indexed.filter((id) => ids.includes(id))).toEqual(ids);
    const [{ duplicates }] = await db.query<{ duplicates: number }>(
      `SELECT count(*)::int AS duplicates FROM (
         SELECT entity_id FROM search_document GROUP BY type, entity_id HAVING count(*) > 1) d`,
    );
    expect(duplicates).toBe(0);
    for (const api of apis) expect(await searchPosts(api.port, word)).toEqual({ total: count, ids });
  });

  it('lets exactly one of two concurrent updates of the same version win, through different processes', async () => {
    const clients = [
      { api: a, token: await login(a.port, MEMBER) },
      { api: b, token: await login(b.port, MEMBER) },
    ];
    for (let round = 0; round < 5; round++) {
      const post = await createPost(a.port, clients[0].token, postInput(`Brouillon partagé ${round}`));
      // both clients read the same version, then save their own edit of it
      const read = await Promise.all(clients.map((c) => version(c.api, c.token, post.id)));
      expect(read).toEqual([post.version, post.version]);
      const titles = [`Édition de A ${round}`, `Édition de B ${round}`];
      const results = await Promise.all(
        clients.map((c, i) =>
          gql<{ updateExperiencePost: { version: number; title: string } }>(
            c.api.port,
            UPDATE_POST,
            { id: post.id, v: post.version, input: postInput(titles[i]) },
            { token: c.token },
          ),
        ),
      );
      const winners = results.flatMap((r, i) => (r.data?.updateExperiencePost ? [i] : []));
      expect(winners).toHaveLength(1);
      const [winner] = winners;
      expect(results[winner].data?.updateExperiencePost).toEqual({
        id: post.id,
        version: post.version + 1,
        title: titles[winner],
      });
      expect(errorCode(results[1 - winner])).toBe('CONFLICT');
      const [row] = await db.query<{ title: string; version: number }>(
        `SELECT title, version FROM experience_post WHERE id = $1`,
        [localId(post.id)],
      );
      expect(row).toEqual({ title: titles[winner], version: post.version + 1 });
    }
  });

  // Attempts sent together must not slip under the limit: login counts each attempt in one
  // statement before checking the password (a regression test for an earlier bug).
  it('refuses concurrent failed sign-ins beyond 10 for an e-mail', async () => {
    const email = 'acheteur@toulouse.example';
    const ip = '198.51.100.20';
    await awayFromWindowEnd(db, 15 * 60, 15);
    const codes = await Promise.all(
      Array.from({ length: 24 }, async (_, i) =>
        errorCode(await gql((i % 2 === 0 ? a : b).port, LOGIN, { e: email, p: `essai-${i}` }, { ip })),
      ),
    );
    // each attempt past the tenth must be refused before its password is checked
    expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(10);
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(14);
  });
});
