/**
 * Meilisearch adapter of the search engine port (used when MEILI_URL is set).
 *
 * - Writes, settings and key management use the master key; searches use a separate
 *   search-only API key (actions ['search'] on this index) created or found in ensureReady().
 * - Every Meilisearch task is awaited and must end 'succeeded', otherwise an Error carrying
 *   Meilisearch's message and code is thrown.
 * - Meilisearch primary keys allow only [a-zA-Z0-9_-]: the primary key is `id`, derived from
 *   the port's `key` (':' becomes '__'); `key` itself is kept as a normal attribute.
 */
import type * as MeilisearchModule from 'meilisearch' with { 'resolution-mode': 'import' };
import type {
  EnqueuedTaskPromise,
  Index,
  IndexObject,
  Meilisearch,
  Settings,
  Task,
  WaitOptions,
} from 'meilisearch' with { 'resolution-mode': 'import' };
import {
  cleanDocumentText,
  FACET_NAMES,
  byCountThenValue,
  HIGHLIGHT_END,
  HIGHLIGHT_START,
  type DocumentVisibility,
  type FacetCount,
  type FacetName,
  type IndexStats,
  type SearchDocument,
  type SearchEngine,
  type SearchFilters,
  type SearchRequest,
  type SearchResponse,
} from './search-engine';
import { normaliseCodes } from './text/codes';
import { extraTexts } from './text/fields';
import { FRENCH_STOP_WORDS, QUESTION_WORDS } from './text/stop-words';
import { meilisearchSynonyms } from './text/synonyms';

// The client is ESM-only and this workspace resolves modules the CommonJS way (node10), which
// cannot see its types through `exports`: the types come from the type-only imports above
// (resolution-mode 'import'), the value from require(), which Node >= 20.19 and Jest support.
const meilisearch = require('meilisearch') as typeof MeilisearchModule;

/**
 * The document as stored in Meilisearch: the port's document plus the derived primary key
 * (a type alias, not an interface, so that it fits the client's Record<string, any> bound).
 */
export type MeilisearchDocument = Omit<SearchDocument, 'labels' | 'context' | 'codes'> & {
  id: string;
  codes: string;
  labels: string;
  context: string;
};
type StoredKey = { key: string; updatedAt: string };

export const PRIMARY_KEY = 'id';
export const SEARCH_KEY_DESCRIPTION = 'resocc search-only';
const BATCH_SIZE = 1000;
const KEYS_PAGE = 100;
const SNIPPET_WORDS = 30;
/** Exact totals (page/hitsPerPage) stop at maxTotalHits; the default (1,000) is too low. */
const MAX_TOTAL_HITS = 10_000;
const TASK_WAIT: WaitOptions = { timeout: 5 * 60_000, interval: 50 };

/** Facet name (port) -> filterable attribute (index). */
const FACET_ATTRIBUTES: Record<FacetName, string> = {
  type: 'type',
  themes: 'themes',
  considerations: 'considerations',
  kind: 'kind',
  departmentCode: 'departmentCode',
  procedureType: 'procedureType',
};

const FILTER_ATTRIBUTES: [keyof SearchFilters, string][] = [
  ['types', 'type'],
  ['themes', 'themes'],
  ['considerations', 'considerations'],
  ['kinds', 'kind'],
  ['departmentCodes', 'departmentCode'],
  ['procedureTypes', 'procedureType'],
];

/** Index settings, applied before any document is added (and to the rebuild index). */
export const MEILISEARCH_SETTINGS: Settings = {
  // In order of weight, as the PostgreSQL engine weighs them (title and identifiers,
  // summary and labels, body, context).
  searchableAttributes: ['title', 'codes', 'summary', 'labels', 'body', 'context'],
  filterableAttributes: [...FACET_NAMES, 'visibility'],
  sortableAttributes: ['updatedAt'],
  rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness'],
  stopWords: [...FRENCH_STOP_WORDS, ...QUESTION_WORDS],
  synonyms: meilisearchSynonyms(),
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
  pagination: { maxTotalHits: MAX_TOTAL_HITS },
  faceting: { maxValuesPerFacet: 200, sortFacetValuesBy: { '*': 'count' } },
};

/** `EXPERIENCE_POST:uuid` -> `EXPERIENCE_POST__uuid` (Meilisearch ids allow only [a-zA-Z0-9_-]). */
export function toMeilisearchId(key: string): string {
  const id = key.split(':').join('__');
  if (!/^[A-Za-z0-9_-]{1,511}$/.test(id) || fromMeilisearchId(id) !== key) {
    throw new Error(`Document key ${JSON.stringify(key)} cannot be turned into a Meilisearch id`);
  }
  return id;
}

/** Inverse of toMeilisearchId. */
export function fromMeilisearchId(id: string): string {
  return id.split('__').join(':');
}

/** Quotes a value for Meilisearch's filter syntax (backslash escapes `\` and `"`). */
export function quoteFilterValue(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** AND of one `attribute IN [...]` per non-empty filter (OR within a facet), visibility always. */
export function meilisearchFilter(
  filters: SearchFilters,
  visibilities: readonly DocumentVisibility[],
): string {
  const clauses = [`visibility IN [${visibilities.map(quoteFilterValue).join(', ')}]`];
  for (const [name, attribute] of FILTER_ATTRIBUTES) {
    const values = filters[name];
    if (values !== undefined && values.length > 0) {
      clauses.push(`${attribute} IN [${values.map(quoteFilterValue).join(', ')}]`);
    }
  }
  return clauses.join(' AND ');
}

/**
 * Exact totals need page/hitsPerPage (offset/limit only give estimatedTotalHits). When the
 * offset is not a multiple of the limit, page 1 is asked with offset + limit hits and cut.
 */
function pageWindow(offset: number, limit: number): { page: number; hitsPerPage: number; skip: number } {
  if (limit > 0 && offset % limit === 0) return { page: offset / limit + 1, hitsPerPage: limit, skip: 0 };
  return { page: 1, hitsPerPage: limit === 0 ? 0 : offset + limit, skip: offset };
}

function facetCounts(distribution: Record<string, number> | undefined): FacetCount[] {
  return Object.entries(distribution ?? {})
    .map(([value, count]) => ({ value, count }))
    .sort(byCountThenValue);
}

function facetsOf(
  distribution: Record<string, Record<string, number>> | undefined,
): SearchResponse['facets'] {
  const counts = (name: FacetName): FacetCount[] => facetCounts(distribution?.[FACET_ATTRIBUTES[name]]);
  return {
    type: counts('type'),
    themes: counts('themes'),
    considerations: counts('considerations'),
    kind: counts('kind'),
    departmentCode: counts('departmentCode'),
    procedureType: counts('procedureType'),
  };
}

function toMeilisearchDocument(document: SearchDocument): MeilisearchDocument {
  return {
    id: toMeilisearchId(document.key),
    key: document.key,
    type: document.type,
    entityId: document.entityId,
    title: cleanDocumentText(document.title),
    summary: cleanDocumentText(document.summary),
    body: cleanDocumentText(document.body),
    ...extraTexts(document),
    themes: [...document.themes],
    considerations: [...document.considerations],
    kind: document.kind,
    departmentCode: document.departmentCode,
    procedureType: document.procedureType,
    visibility: document.visibility,
    updatedAt: document.updatedAt,
  };
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

function sameMembers(actual: readonly string[], expected: readonly string[]): boolean {
  return actual.length === expected.length && expected.every((value) => actual.includes(value));
}

function isApiError(error: unknown, code: string): boolean {
  return error instanceof meilisearch.MeilisearchApiError && error.cause?.code === code;
}

export interface MeilisearchEngineOptions {
  url: string;
  masterKey?: string;
  /** Default 'content'. */
  indexUid?: string;
}

export class MeilisearchEngine implements SearchEngine {
  readonly name = 'meilisearch';
  readonly indexUid: string;
  private readonly admin: Meilisearch;
  private searcher: Meilisearch | null = null;
  private ready: Promise<void> | null = null;

  constructor(private readonly options: MeilisearchEngineOptions) {
    this.indexUid = options.indexUid ?? 'content';
    this.admin = new meilisearch.Meilisearch({
      host: options.url,
      apiKey: options.masterKey,
      timeout: 30_000,
      defaultWaitOptions: TASK_WAIT,
    });
  }

  /** Creates the index, applies the settings and prepares the search-only client. */
  ensureReady(): Promise<void> {
    const ready = this.prepare().catch((error: unknown) => {
      if (this.ready === ready) this.ready = null;
      throw error;
    });
    this.ready = ready;
    return ready;
  }

  async upsert(documents: readonly SearchDocument[]): Promise<void> {
    await this.whenReady();
    await this.addDocuments(this.indexUid, documents);
  }

  async delete(keys: readonly string[]): Promise<void> {
    await this.whenReady();
    // A key that cannot be a Meilisearch id cannot be in the index: nothing to delete.
    const ids = keys.flatMap((key) => {
      try {
        return [toMeilisearchId(key)];
      } catch {
        return [];
      }
    });
    const index = this.admin.index(this.indexUid);
    for (const batch of chunks(ids, BATCH_SIZE)) await this.run(index.deleteDocuments(batch));
  }

  async search(request: SearchRequest): Promise<SearchResponse> {
    if (request.visibilities.length === 0)
      return { hits: [], totalHits: 0, totalHitsExact: true, facets: facetsOf(undefined) };
    await this.whenReady();
    const searcher = this.searcher ?? this.admin;
    // Identifiers in the normal form the documents' `codes` have (text/codes.ts).
    const query = request.query.trim() === '' ? '' : normaliseCodes(request.query).trim();
    const window = pageWindow(request.offset, request.limit);
    const response = await searcher.index<MeilisearchDocument>(this.indexUid).search(query, {
      filter: meilisearchFilter(request.filters, request.visibilities),
      facets: FACET_NAMES.map((name) => FACET_ATTRIBUTES[name]),
      page: window.page,
      hitsPerPage: window.hitsPerPage,
      sort: query === '' ? ['updatedAt:desc'] : undefined,
      // Every word first, then documents missing the last words: never nothing when a word matches.
      matchingStrategy: 'last',
      attributesToRetrieve: ['key', 'type', 'entityId', 'title', 'summary', 'body'],
      attributesToHighlight: ['title', 'summary', 'body'],
      highlightPreTag: HIGHLIGHT_START,
      highlightPostTag: HIGHLIGHT_END,
      attributesToCrop: ['body'],
      cropLength: SNIPPET_WORDS,
    });
    return {
      totalHits: response.totalHits,
      // Meilisearch stops counting at maxTotalHits.
      totalHitsExact: response.totalHits < MAX_TOTAL_HITS,
      facets: facetsOf(response.facetDistribution),
      hits: response.hits.slice(window.skip).map((hit) => {
        const body = hit._formatted?.body ?? '';
        return {
          key: hit.key,
          type: hit.type,
          entityId: hit.entityId,
          titleHighlight: hit._formatted?.title ?? hit.title,
          // The cropped body when the query matched in it, the summary otherwise.
          snippet: body.includes(HIGHLIGHT_START) ? body : (hit._formatted?.summary ?? hit.summary),
        };
      }),
    };
  }

  async listKeys(): Promise<{ key: string; updatedAt: string }[]> {
    const index = this.admin.index<StoredKey>(this.indexUid);
    const keys: StoredKey[] = [];
    for (let offset = 0; ; offset += BATCH_SIZE) {
      const page = await index.getDocuments<StoredKey>({
        fields: ['key', 'updatedAt'],
        offset,
        limit: BATCH_SIZE,
      });
      keys.push(...page.results.map(({ key, updatedAt }) => ({ key, updatedAt })));
      if (page.results.length < BATCH_SIZE || offset + BATCH_SIZE >= page.total) return keys;
    }
  }

  async stats(): Promise<IndexStats> {
    const stats = await this.admin.index(this.indexUid).getStats();
    return { documents: stats.numberOfDocuments };
  }

  async ping(): Promise<void> {
    const health = await this.admin.health();
    if (health.status !== 'available') throw new Error(`Meilisearch status is ${String(health.status)}`);
  }

  /**
   * Rebuilds the whole index without search ever going empty: fills `${indexUid}_next` (same
   * settings), swaps it with the live index atomically, then deletes the old content.
   * Writes made to the live index during the rebuild are lost by the swap: replay them after.
   */
  async reindexInto(batches: AsyncIterable<SearchDocument[]>): Promise<number> {
    await this.whenReady();
    const next = `${this.indexUid}_next`;
    await this.run(this.admin.deleteIndex(next), ['index_not_found']); // left by an interrupted run
    await this.run(this.admin.createIndex(next, { primaryKey: PRIMARY_KEY }));
    await this.run(this.admin.index(next).updateSettings(MEILISEARCH_SETTINGS));
    let count = 0;
    for await (const batch of batches) {
      await this.addDocuments(next, batch);
      count += batch.length;
    }
    await this.run(this.admin.swapIndexes([{ indexes: [this.indexUid, next], rename: false }]));
    await this.run(this.admin.deleteIndex(next));
    return count;
  }

  private whenReady(): Promise<void> {
    return this.ready ?? this.ensureReady();
  }

  private async prepare(): Promise<void> {
    let info: IndexObject | null = null;
    try {
      info = await this.admin.getRawIndex(this.indexUid);
    } catch (error) {
      if (!isApiError(error, 'index_not_found')) throw error;
    }
    if (info === null) {
      await this.run(this.admin.createIndex(this.indexUid, { primaryKey: PRIMARY_KEY }));
    } else if (info.primaryKey === undefined || info.primaryKey === null) {
      await this.run(this.admin.index(this.indexUid).update({ primaryKey: PRIMARY_KEY }));
    } else if (info.primaryKey !== PRIMARY_KEY) {
      throw new Error(
        `Meilisearch index ${this.indexUid} has primary key ${info.primaryKey}, expected ${PRIMARY_KEY}: delete it and reindex`,
      );
    }
    await this.run(this.admin.index(this.indexUid).updateSettings(MEILISEARCH_SETTINGS));
    const searchKey = await this.searchOnlyKey();
    this.searcher = new meilisearch.Meilisearch({
      host: this.options.url,
      apiKey: searchKey,
      timeout: 10_000,
    });
  }

  /** Finds or creates the key that can only search this index (none when Meilisearch runs without keys). */
  private async searchOnlyKey(): Promise<string | undefined> {
    if (this.options.masterKey === undefined) return undefined;
    for (let offset = 0; ; offset += KEYS_PAGE) {
      const page = await this.admin.getKeys({ offset, limit: KEYS_PAGE });
      const found = page.results.find(
        (key) =>
          key.description === SEARCH_KEY_DESCRIPTION &&
          sameMembers(key.actions, ['search']) &&
          sameMembers(key.indexes, [this.indexUid]),
      );
      if (found !== undefined) return found.key;
      if (page.results.length < KEYS_PAGE || offset + KEYS_PAGE >= page.total) break;
    }
    const created = await this.admin.createKey({
      description: SEARCH_KEY_DESCRIPTION,
      actions: ['search'],
      indexes: [this.indexUid],
      expiresAt: null,
    });
    return created.key;
  }

  private async addDocuments(indexUid: string, documents: readonly SearchDocument[]): Promise<void> {
    const index: Index<MeilisearchDocument> = this.admin.index<MeilisearchDocument>(indexUid);
    for (const batch of chunks(documents, BATCH_SIZE)) {
      await this.run(index.addDocuments(batch.map(toMeilisearchDocument), { primaryKey: PRIMARY_KEY }));
    }
  }

  /** Waits for the task and throws unless it succeeded (or failed with a tolerated code). */
  private async run(enqueued: EnqueuedTaskPromise, toleratedCodes: readonly string[] = []): Promise<Task> {
    const { taskUid } = await enqueued;
    const task = await this.admin.tasks.waitForTask(taskUid, TASK_WAIT);
    if (task.status === 'succeeded') return task;
    if (task.error !== null && toleratedCodes.includes(task.error.code)) return task;
    throw new Error(
      `Meilisearch task ${task.uid} (${task.type} on ${task.indexUid ?? 'no index'}) ${task.status}: ` +
        `${task.error?.message ?? 'no error given'} [${task.error?.code ?? 'no code'}]`,
    );
  }
}
