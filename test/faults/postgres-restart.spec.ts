// PostgreSQL goes away under load and comes back on the same address: the API process
// answers SERVICE_UNAVAILABLE meanwhile, reports itself not ready, and recovers by itself.
import {
  ADMIN,
  type ApiProcess,
  type GqlResponse,
  type OwnedDatabase,
  ProcessBed,
  buildApi,
  createPost,
  errorCode,
  gql,
  login,
  localId,
  postInput,
  readiness,
  searchPosts,
  sleep,
  submitPost,
  waitFor,
} from '../support/api-process';

type Phase = 'before' | 'stopping' | 'down' | 'restarting' | 'recovered';

interface Outcome {
  phase: Phase | 'between';
  /** ok: data and no errors; error: an HTTP answer with GraphQL errors; none: no HTTP answer. */
  kind: 'ok' | 'error' | 'none';
  code?: string;
}

const QUERY = '{ experiencePosts(first: 3) { totalCount edges { node { id title } } } }';
const WORKERS = 4;
const MAX_REQUESTS = 3000;
const MAX_LOAD_MS = 45_000;

/** A bounded stream of read queries from a few concurrent clients, each tagged with its phase. */
class LoadLoop {
  phase: Phase = 'before';
  readonly outcomes: Outcome[] = [];
  private stopped = false;
  private readonly workers: Promise<void>[];

  constructor(private readonly port: number) {
    const deadline = Date.now() + MAX_LOAD_MS;
    this.workers = Array.from({ length: WORKERS }, async () => {
      while (!this.stopped && this.outcomes.length < MAX_REQUESTS && Date.now() < deadline) {
        const phase = this.phase;
        const outcome = await this.once();
        // a request sent in one phase and answered in another belongs to neither
        this.outcomes.push({ phase: this.phase === phase ? phase : 'between', ...outcome });
        await sleep(20);
      }
    });
  }

  private async once(): Promise<Omit<Outcome, 'phase'>> {
    let res: GqlResponse<{ experiencePosts: { totalCount: number } }>;
    try {
      res = await gql(this.port, QUERY, {}, { timeoutMs: 10_000 });
    } catch {
      return { kind: 'none' };
    }
    if (res.errors?.length) return { kind: 'error', code: errorCode(res) };
    return res.data?.experiencePosts.totalCount !== undefined ? { kind: 'ok' } : { kind: 'none' };
  }

  of(phase: Phase): Outcome[] {
    return this.outcomes.filter((o) => o.phase === phase);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.workers);
  }
}

describe('PostgreSQL restarts under load', () => {
  const bed = new ProcessBed();
  let db: OwnedDatabase;
  let api: ApiProcess;

  beforeAll(async () => {
    await buildApi();
    db = await bed.database();
    api = await bed.api('api', db.url, { SEED_DEMO: 'true' });
  });
  afterAll(() => bed.close());

  it('answers SERVICE_UNAVAILABLE while the database is down and recovers without a restart', async () => {
    const load = new LoadLoop(api.port);
    try {
      await sleep(1000);
      expect(await readiness(api.port)).toBe(200);

      load.phase = 'stopping';
      await db.stop();
      load.phase = 'down';
      await sleep(2000);
      expect(await readiness(api.port)).toBe(503);
      expect(api.alive()).toBe(true);

      load.phase = 'restarting';
      await db.restart();
      await waitFor('a query to succeed again', async () => {
        const res = await gql(api.port, QUERY);
        return res.errors === undefined && res.data ? true : undefined;
      });
      await waitFor('/health/ready to say 200', async () =>
        (await readiness(api.port)) === 200 ? true : undefined,
      );
      load.phase = 'recovered';
      await sleep(1500);
    } finally {
      await load.stop();
    }

    const before = load.of('before');
    const down = load.of('down');
    const recovered = load.of('recovered');
    expect(before.length).toBeGreaterThan(10);
    expect(before.filter((o) => o.kind !== 'ok')).toEqual([]);
    // every request sent while PostgreSQL was stopped got an answer, and it was an error
    expect(down.length).toBeGreaterThan(10);
    expect(down.filter((o) => o.kind !== 'error')).toEqual([]);
    // a database that is down is an outage, not a bug: worth a retry, never INTERNAL_SERVER_ERROR
    expect(new Set(down.map((o) => o.code))).toEqual(new Set(['SERVICE_UNAVAILABLE']));
    expect(recovered.length).toBeGreaterThan(10);
    expect(recovered.filter((o) => o.kind !== 'ok')).toEqual([]);
    expect(load.outcomes.length).toBeLessThan(MAX_REQUESTS);
    // the same process served throughout
    expect(api.alive()).toBe(true);
  });

  it('writes and indexes again after the restart', async () => {
    const token = await login(api.port, ADMIN);
    const post = await createPost(api.port, token, postInput('Retour après coupure quokkarestart'));
    await submitPost(api.port, token, post.id);
    const found = await waitFor(
      'the new post to be searchable',
      async () => {
        const result = await searchPosts(api.port, 'quokkarestart');
        return result.total === 1 ? result : undefined;
      },
      20_000,
      200,
    );
    expect(found.ids).toEqual([localId(post.id)]);
    expect(api.alive()).toBe(true);
  });
});
