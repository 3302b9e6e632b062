import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fromMeilisearchId, MeilisearchEngine, toMeilisearchId } from './meilisearch.engine';
import { HIGHLIGHT_END, HIGHLIGHT_START, type SearchDocument, type SearchRequest } from './search-engine';

type Json = Record<string, unknown>;
type Recorded = { method: string; path: string; query: URLSearchParams; auth?: string; body: Json & Json[] };
const MASTER = 'master-key';
const SEARCH_KEY = 'search-only-key';

/**
 * Stands in for Meilisearch (which cannot run here) on the routes the official client calls:
 * writes answer 202 with an enqueued task applied at once; GET /tasks/:uid reports
 * 'processing' once, then 'succeeded' or 'failed'; search highlights with the asked tags.
 */
class FakeMeilisearch {
  readonly requests: Recorded[] = [];
  readonly indexes = new Map<string, { primaryKey: string | null; docs: Map<string, Json> }>();
  readonly keys: Json[] = [];
  failNextWrite: Json | null = null;
  private readonly tasks: { task: Json; polled: boolean }[] = [];
  private readonly server = createServer((req, res) => void this.handle(req, res));
  url = '';

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }
  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
  calls(method: string, pattern: RegExp): Recorded[] {
    return this.requests.filter((r) => r.method === method && pattern.test(r.path));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let raw = '';
    for await (const chunk of req) raw += String(chunk);
    const { pathname: path, searchParams: query } = new URL(req.url ?? '/', this.url);
    const body = raw === '' ? undefined : JSON.parse(raw);
    const request: Recorded = {
      method: req.method ?? 'GET',
      path,
      query,
      auth: req.headers.authorization,
      body,
    };
    this.requests.push(request);
    const [status, payload] = this.route(request);
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
  }

  private route({ method, path, query, auth, body }: Recorded): [number, unknown] {
    const [, first, uid, sub, action] = path.split('/');
    const index = this.indexes.get(uid);
    if (path === '/health') return [200, { status: 'available' }];
    if (auth !== `Bearer ${MASTER}` && !(auth === `Bearer ${SEARCH_KEY}` && sub === 'search')) {
      return [403, { message: 'The provided API key is invalid.', code: 'invalid_api_key' }];
    }
    if (first === 'tasks') {
      const entry = this.tasks[Number(uid)];
      const task = entry.polled ? entry.task : { ...entry.task, status: 'processing', error: null };
      entry.polled = true;
      return [200, task];
    }
    if (first === 'keys' && method === 'GET') return [200, { results: this.keys, total: this.keys.length }];
    if (first === 'keys') return [201, this.keys[this.keys.push({ ...body, key: SEARCH_KEY }) - 1]];
    if (first === 'swap-indexes') {
      const [a, b] = body[0]['indexes'] as [string, string];
      const [ia, ib] = [this.indexes.get(a), this.indexes.get(b)];
      return this.enqueue('indexSwap', null, () => ia && ib && this.indexes.set(a, ib).set(b, ia));
    }
    if (method === 'POST' && path === '/indexes') {
      const [id, primaryKey] = [String(body['uid']), String(body['primaryKey'])];
      return this.enqueue('indexCreation', id, () => this.indexes.set(id, { primaryKey, docs: new Map() }));
    }
    const notFound = { message: `Index \`${uid}\` not found.`, code: 'index_not_found' };
    if (index === undefined) {
      return method === 'DELETE' ? this.enqueue('indexDeletion', uid, () => 0, notFound) : [404, notFound];
    }
    if (sub === undefined && method === 'GET') return [200, { uid, primaryKey: index.primaryKey }];
    if (sub === undefined) return this.enqueue('indexDeletion', uid, () => this.indexes.delete(uid));
    if (sub === 'settings') return this.enqueue('settingsUpdate', uid, () => 0);
    if (sub === 'stats') return [200, { numberOfDocuments: index.docs.size }];
    if (action === 'delete-batch') {
      return this.enqueue('documentDeletion', uid, () => body.forEach((id) => index.docs.delete(String(id))));
    }
    if (sub === 'documents' && method === 'POST') {
      const add = (): void => body.forEach((d) => index.docs.set(String(d['id']), d));
      return this.enqueue('documentAdditionOrUpdate', uid, add);
    }
    if (sub === 'documents') {
      const [offset, limit] = [Number(query.get('offset')), Number(query.get('limit'))];
      const fields = (query.get('fields') ?? '').split(',');
      const results = [...index.docs.values()]
        .slice(offset, offset + limit)
        .map((d) => Object.fromEntries(fields.map((f) => [f, d[f]])));
      return [200, { results, offset, limit, total: index.docs.size }];
    }
    return [200, this.search([...index.docs.values()], body)];
  }

  /** Matches titles containing q, highlights them with the asked tags, counts facets. */
  private search(docs: Json[], body: Json): Json {
    const q = String(body['q']).toLowerCase();
    const [page, hitsPerPage] = [Number(body['page']), Number(body['hitsPerPage'])];
    const matching = docs.filter((d) => String(d['title']).toLowerCase().includes(q));
    const [pre, post] = [body['highlightPreTag'], body['highlightPostTag']];
    const highlight = (value: unknown): string =>
      q === '' ? String(value) : String(value).replace(new RegExp(q, 'gi'), (m) => `${pre}${m}${post}`);
    const facetDistribution: Record<string, Record<string, number>> = {};
    for (const facet of body['facets'] as string[]) {
      const counts: Record<string, number> = (facetDistribution[facet] = {});
      for (const value of matching.flatMap((d) => d[facet] ?? []))
        counts[String(value)] = (counts[String(value)] ?? 0) + 1;
    }
    const hits = matching
      .slice((page - 1) * hitsPerPage, page * hitsPerPage)
      .map((d) => ({ ...d, _formatted: { ...d, title: highlight(d['title']), body: highlight(d['body']) } }));
    return { hits, query: q, totalHits: matching.length, page, hitsPerPage, facetDistribution };
  }

  private enqueue(type: string, uid: string | null, apply: () => unknown, fail?: Json): [number, Json] {
    const error = fail ?? this.failNextWrite;
    this.failNextWrite = null;
    if (error === null) apply();
    const [taskUid, status] = [this.tasks.length, error === null ? 'succeeded' : 'failed'];
    this.tasks.push({ task: { uid: taskUid, indexUid: uid, type, status, error }, polled: false });
    return [202, { taskUid, indexUid: uid, status: 'enqueued', type, enqueuedAt: new Date().toISOString() }];
  }
}

const FACETS = { themes: ['SOCIAL'], considerations: [], kind: null, departmentCode: '31' };
function doc(n: number, fields: Partial<SearchDocument> = {}): SearchDocument {
  const entityId = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const updatedAt = new Date(Date.UTC(2025, 0, 1, 0, 0, n)).toISOString();
  const texts = { title: `Retour ${n}`, summary: `Résumé ${n}`, body: `Texte ${n}`, procedureType: null };
  const base = { ...FACETS, ...texts, key: `EXPERIENCE_POST:${entityId}`, entityId, updatedAt };
  return { ...base, type: 'EXPERIENCE_POST', visibility: 'PUBLIC', ...fields };
}
function request(fields: Partial<SearchRequest>): SearchRequest {
  return { query: '', filters: {}, visibilities: ['PUBLIC'], offset: 0, limit: 10, ...fields };
}
describe('MeilisearchEngine (against a fake Meilisearch)', () => {
  let fake: FakeMeilisearch;
  let engine: MeilisearchEngine;

  beforeEach(async () => {
    fake = await new FakeMeilisearch().start();
    engine = new MeilisearchEngine({ url: fake.url, masterKey: MASTER });
  });
  afterEach(() => fake.stop());

  it('creates the index, applies the settings before any document and writes 2,500 documents in 3 batches', async () => {
    await engine.ensureReady();
    await engine.upsert(Array.from({ length: 2500 }, (_, n) => doc(n, { title: `Retour\u0002 ${n}` })));

    expect(fake.calls('POST', /^\/indexes$/)[0].body).toEqual({ uid: 'content', primaryKey: 'id' });
    const settings = fake.calls('PATCH', /^\/indexes\/content\/settings$/);
    const writes = fake.calls('POST', /^\/indexes\/content\/documents$/);
    expect(fake.requests.indexOf(settings[0])).toBeLessThan(fake.requests.indexOf(writes[0]));
    expect(settings[0].body['searchableAttributes']).toEqual([
      'title',
      'codes',
      'summary',
      'labels',
      'body',
      'context',
    ]);
    expect(settings[0].body['stopWords']).toEqual(expect.arrayContaining(['comment', 'quels', 'de']));
    expect(settings[0].body['synonyms']).toMatchObject({ iae: ["insertion par l'activité économique"] });
    expect(settings[0].body['synonyms']).toMatchObject({ "insertion par l'activité économique": ['iae'] });
    expect(writes.map((w) => w.body.length)).toEqual([1000, 1000, 500]);
    expect(writes.every((w) => w.auth === `Bearer ${MASTER}`)).toBe(true);
    const seven = doc(7);
    const stored = fake.indexes.get('content')?.docs.get(toMeilisearchId(seven.key));
    expect(stored).toMatchObject({
      id: `EXPERIENCE_POST__${seven.entityId}`,
      key: seven.key,
      title: 'Retour  7',
    });
    expect(await engine.stats()).toEqual({ documents: 2500 });
    const keys = await engine.listKeys();
    expect(keys).toHaveLength(2500);
    expect(keys[3]).toEqual({ key: doc(3).key, updatedAt: doc(3).updatedAt });
  });

  it("raises an error carrying Meilisearch's message and code when a task fails", async () => {
    await engine.ensureReady();
    fake.failNextWrite = { message: 'Document identifier `a:b` is invalid.', code: 'invalid_document_id' };
    const failure = engine.upsert([doc(1)]);
    await expect(failure).rejects.toThrow('Document identifier `a:b` is invalid.');
    await expect(failure).rejects.toThrow('invalid_document_id');
  });

  it('searches with the search-only key, filters on visibility, escapes quotes and keeps the sentinels', async () => {
    await engine.upsert([
      doc(1, { title: 'Clause insertion sociale', themes: ['SOCIAL', 'ENV'] }),
      doc(2, { title: 'Marché insertion', themes: ['ENV'] }),
    ]);
    expect(fake.keys).toMatchObject([{ actions: ['search'], indexes: ['content'] }]);
    const themes = ['l"eau \\ douce'];
    const result = await engine.search(request({ query: 'insertion', filters: { themes } }));

    const [search] = fake.calls('POST', /\/search$/);
    expect(search.auth).toBe(`Bearer ${SEARCH_KEY}`);
    expect(search.body['filter']).toBe('visibility IN ["PUBLIC"] AND themes IN ["l\\"eau \\\\ douce"]');
    expect(result.totalHits).toBe(2);
    expect(result.hits[0]).toEqual({
      key: doc(1).key,
      type: 'EXPERIENCE_POST',
      entityId: doc(1).entityId,
      titleHighlight: `Clause ${HIGHLIGHT_START}insertion${HIGHLIGHT_END} sociale`,
      snippet: 'Résumé 1',
    });
    expect(result.facets.themes.map(({ value, count }) => `${value}:${count}`)).toEqual([
      'ENV:2',
      'SOCIAL:1',
    ]);

    const restarted = new MeilisearchEngine({ url: fake.url, masterKey: MASTER });
    await restarted.ensureReady();
    expect(fake.keys).toHaveLength(1);
  });

  it('lists everything newest first for an empty query and asks exact pages', async () => {
    await engine.ensureReady();
    await engine.search(request({ visibilities: ['PUBLIC', 'MEMBERS'], offset: 20, limit: 10 }));
    const [search] = fake.calls('POST', /\/search$/);
    expect(search.body).toMatchObject({ q: '', sort: ['updatedAt:desc'], page: 3, hitsPerPage: 10 });
    expect(search.body['filter']).toBe('visibility IN ["PUBLIC", "MEMBERS"]');
  });

  it("asks for the `last` matching strategy and sends identifiers in the documents' normal form", async () => {
    await engine.upsert([doc(1, { codes: ['CCP art. L2113-12', '30213100-6'], labels: ['Handicap'] })]);
    await engine.search(request({ query: 'article L. 2113-12' }));
    const [search] = fake.calls('POST', /\/search$/);
    expect(search.body).toMatchObject({ q: 'article l2113x12', matchingStrategy: 'last' });
    const [added] = fake.calls('POST', /\/documents$/);
    expect(added.body[0]).toMatchObject({ codes: 'ccp art. l2113x12 ; cpv30213100', labels: 'Handicap' });
  });

  it('deletes in batches of 1,000 keys', async () => {
    await engine.upsert(Array.from({ length: 1500 }, (_, n) => doc(n)));
    await engine.delete(Array.from({ length: 1500 }, (_, n) => doc(n).key));
    const deletes = fake.calls('POST', /\/documents\/delete-batch$/);
    expect(deletes.map((d) => d.body.length)).toEqual([1000, 500]);
    expect(deletes[0].body[0]).toBe(toMeilisearchId(doc(0).key));
    expect(await engine.stats()).toEqual({ documents: 0 });
  });

  it('rebuilds into a new index and swaps it in, so search never sees an empty index', async () => {
    await engine.upsert([doc(1)]);
    async function* batches(): AsyncGenerator<SearchDocument[]> {
      yield [doc(2), doc(3)];
      yield [doc(4)];
    }
    expect(await engine.reindexInto(batches())).toBe(3);
    const [swap] = fake.calls('POST', /^\/swap-indexes$/);
    expect(swap.body).toEqual([{ indexes: ['content', 'content_next'], rename: false }]);
    expect(fake.calls('PATCH', /^\/indexes\/content_next\/settings$/)).toHaveLength(1);
    const last = fake.requests.filter((r) => !r.path.startsWith('/tasks/')).at(-1);
    expect(last).toMatchObject({ method: 'DELETE', path: '/indexes/content_next' });
    expect([...fake.indexes.keys()]).toEqual(['content']);
    expect((await engine.listKeys()).map((k) => k.key)).toEqual([doc(2).key, doc(3).key, doc(4).key]);
  });

  it('answers ping while Meilisearch is up and turns keys into ids both ways', async () => {
    await expect(engine.ping()).resolves.toBeUndefined();
    expect(fromMeilisearchId(toMeilisearchId('CLAUSE_TEMPLATE:abc-1'))).toBe('CLAUSE_TEMPLATE:abc-1');
    expect(() => toMeilisearchId('EXPERIENCE_POST:a/b')).toThrow('cannot be turned into a Meilisearch id');
  });
});
