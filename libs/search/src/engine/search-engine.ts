/**
 * The search engine port. Two adapters implement it: PostgreSQL full-text (the embedded
 * default) and Meilisearch (when MEILI_URL is set). Both pass one contract suite
 * (libs/search/src/engine/search-engine.contract.ts).
 */

export type SearchDocumentType = 'EXPERIENCE_POST' | 'CLAUSE_TEMPLATE';
export type DocumentVisibility = 'PUBLIC' | 'MEMBERS';

/** What the index holds of one PUBLISHED post or template. Nothing unpublished is ever indexed. */
export interface SearchDocument {
  /** `${type}:${entityId}`: unique across types (the engines' primary key). */
  key: string;
  type: SearchDocumentType;
  /** Database id of the post or template. */
  entityId: string;
  title: string;
  summary: string;
  /** Plain text (Markdown already turned into text for posts; clause text for templates). */
  body: string;
  themes: string[];
  considerations: string[];
  /** Clause kind (templates only). */
  kind: string | null;
  departmentCode: string | null;
  procedureType: string | null;
  visibility: DocumentVisibility;
  /**
   * Theme labels and the organisation's name: searched with the summary's weight (B), not
   * shown. Optional for engine tests; the content module always fills it.
   */
  labels?: string[];
  /** The kind's label, the département's name, CPV labels: searched with the body's weight (C). */
  context?: string[];
  /**
   * Identifiers as written (legal references, CPV codes, SIRET, département code, year):
   * searched in their normal form (text/codes.ts) with the title's weight (A).
   */
  codes?: string[];
  /** ISO timestamp of the content's last change: `search:verify` compares it with the database. */
  updatedAt: string;
}

export function documentKey(type: SearchDocumentType, entityId: string): string {
  return `${type}:${entityId}`;
}

export const FACET_NAMES = [
  'type',
  'themes',
  'considerations',
  'kind',
  'departmentCode',
  'procedureType',
] as const;
export type FacetName = (typeof FACET_NAMES)[number];

export interface SearchFilters {
  types?: SearchDocumentType[];
  themes?: string[];
  considerations?: string[];
  kinds?: string[];
  departmentCodes?: string[];
  procedureTypes?: string[];
}

export interface SearchRequest {
  /** Free text; may be empty (then everything matching the filters, newest first). */
  query: string;
  filters: SearchFilters;
  /** Visibilities the viewer may see, applied by the engine on the server. */
  visibilities: DocumentVisibility[];
  offset: number;
  limit: number;
}

export interface SearchHitResult {
  key: string;
  type: SearchDocumentType;
  entityId: string;
  /**
   * Highlights use the sentinels HIGHLIGHT_START / HIGHLIGHT_END around matched terms and
   * are otherwise raw text: the caller escapes HTML and turns sentinels into <mark>.
   */
  titleHighlight: string;
  snippet: string;
}

export interface FacetCount {
  value: string;
  count: number;
}

/** The order of facet values in every engine: most documents first, then by value. */
export function byCountThenValue(a: FacetCount, b: FacetCount): number {
  return b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);
}

export interface SearchResponse {
  hits: SearchHitResult[];
  /** Matches counted: every one when `totalHitsExact`, else the engine's bound (a lower bound). */
  totalHits: number;
  /**
   * False when more documents match than the engine ranks and counts (the PostgreSQL engine's
   * window, Meilisearch's maxTotalHits): totalHits and the facets then cover that many matches.
   */
  totalHitsExact: boolean;
  facets: Record<FacetName, FacetCount[]>;
}

export interface IndexStats {
  documents: number;
}

/** Marks that no document text can contain (C0 controls are stripped from documents). */
export const HIGHLIGHT_START = '\u0002';
export const HIGHLIGHT_END = '\u0003';

export interface SearchEngine {
  readonly name: 'postgres' | 'meilisearch';
  /** Creates indexes and applies settings; idempotent; called at start-up before any write. */
  ensureReady(): Promise<void>;
  /** Inserts or replaces documents (batched by the adapter: at most 1,000 per write). */
  upsert(documents: readonly SearchDocument[]): Promise<void>;
  /** Removes documents by key; unknown keys are ignored. */
  delete(keys: readonly string[]): Promise<void>;
  search(request: SearchRequest): Promise<SearchResponse>;
  /** Every (key, updatedAt) in the index, for search:verify. */
  listKeys(): Promise<{ key: string; updatedAt: string }[]>;
  stats(): Promise<IndexStats>;
  /** Throws when the engine cannot be reached (readiness). */
  ping(): Promise<void>;
}

/** Removes characters that documents must not contain (including the highlight sentinels). */
export function cleanDocumentText(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ' ');
}

/** Escapes everything, then turns the sentinels into <mark></mark>: the only markup left. */
export function highlightToHtml(raw: string): string {
  const escaped = raw
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
  return escaped.split(HIGHLIGHT_START).join('<mark>').split(HIGHLIGHT_END).join('</mark>');
}
