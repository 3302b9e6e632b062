import type { DataSource } from 'typeorm';
import { analyseQuery } from './text/query';
import { type PlannedTerm, type Strategy, planTerms } from './postgres/planner';
import { searchSql } from './postgres/ranking';
import { rebuildIndex } from './postgres/rebuild';
import { type RawResult, noHits, toResponse } from './postgres/results';
import { IndexStatistics } from './postgres/statistics';
import { upsertSql, rows } from './postgres/rows';
import { BATCH, TABLE, chunks } from './postgres/sql';
import { addVocabulary, completionsOf, lexemesOf, suggestionFor, vocabularyOf } from './postgres/vocabulary';
import type {
  DocumentVisibility,
  IndexStats,
  SearchDocument,
  SearchEngine,
  SearchRequest,
  SearchResponse,
} from './search-engine';

export { vocabularyOf } from './postgres/vocabulary';

/** The words of a query, normalised as the vocabulary is (tests). */
export function queryTokens(query: string): string[] {
  return analyseQuery(query).flatMap((t) => t.words);
}

export interface PostgresSearchOptions {
  /**
   * How many matches a query counts and facets: the newest `window` documents with some of
   * the words (default 1,000, Meilisearch's default maxTotalHits). When more match,
   * `totalHitsExact` is false. Ranking covers these, the newest `window` with every word, and
   * the newest `headWindow` whose title or identifiers have every word, however old.
   */
  window?: number;
  /** See `window` (default 1,000). */
  headWindow?: number;
  /** How matches are found (see matchesSql): chosen per query by default; tests force each. */
  strategy?: Strategy;
  /** Statements run side by side by rebuild() (default 3: PostgreSQL works while Node prepares the next batch). */
  rebuildWriters?: number;
}

/**
 * Full-text search inside PostgreSQL: weighted tsvector in a French configuration without
 * accents, GIN indexes on (month, tsvector) and (month, title and identifiers), typos
 * through a trigram vocabulary and levenshtein, completions of the last word, synonyms,
 * identifiers in one normal form, ts_headline highlights. Its parts: text/ (folding,
 * identifiers, stop words, synonyms, query analysis, shared with Meilisearch), postgres/
 * vocabulary (stems, typos, completions, suggestions), rebuild (rebuild-and-swap DDL),
 * planner (terms as tsqueries, how matches are found), ranking (the search statement),
 * results (the answer's shape), statistics.
 *
 * Matching works like Meilisearch's `last` strategy: documents with every word first, then
 * those missing the fewest and least informative words; stop and question words do not
 * count. Ranking: documents whose title or identifiers have every word first (however old),
 * then words matched, then ts_rank_cd (words as typed above completions, typo neighbours
 * and synonyms), then recency.
 */
export class PostgresSearchEngine implements SearchEngine {
  readonly name = 'postgres' as const;
  private readonly window: number;
  private readonly headWindow: number;
  private readonly rebuildWriters: number;
  private readonly strategy: Strategy;
  private readonly statistics: IndexStatistics;

  constructor(
    private readonly dataSource: DataSource,
    options: PostgresSearchOptions = {},
  ) {
    this.window = options.window ?? 1000;
    this.headWindow = options.headWindow ?? 1000;
    this.rebuildWriters = options.rebuildWriters ?? 3;
    this.strategy = options.strategy ?? 'auto';
    this.statistics = new IndexStatistics(dataSource);
  }

  async ensureReady(): Promise<void> {
    await this.dataSource.query(`SELECT 1 FROM ${TABLE} LIMIT 1`);
  }

  async ping(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }

  async upsert(documents: readonly SearchDocument[]): Promise<void> {
    for (const batch of chunks(documents, BATCH)) {
      await this.dataSource.query(upsertSql(TABLE), [rows(batch)]);
      await addVocabulary(this.dataSource, vocabularyOf(batch));
    }
  }

  rebuild(batches: AsyncIterable<readonly SearchDocument[]>): Promise<number> {
    return rebuildIndex(this.dataSource, batches, this.rebuildWriters);
  }

  async delete(keys: readonly string[]): Promise<void> {
    for (const batch of chunks(keys, BATCH))
      await this.dataSource.query(`DELETE FROM ${TABLE} WHERE key = ANY($1)`, [batch]);
  }

  completions(prefix: string, visibilities: readonly DocumentVisibility[], limit: number): Promise<string[]> {
    return completionsOf(this.dataSource, prefix, visibilities, limit);
  }

  suggestion(query: string, visibilities: readonly DocumentVisibility[]): Promise<string | null> {
    return suggestionFor(this.dataSource, query, visibilities);
  }

  /**
   * Exact words and completions of the last one; words no document has (as typed or
   * completed) are widened to their typo neighbours; terms that still match nothing are
   * left out.
   */
  async search(request: SearchRequest): Promise<SearchResponse> {
    const terms = analyseQuery(request.query);
    if (terms.length === 0) return this.run(request, []);
    const list = terms.flatMap((t) => [...t.words, ...t.alternatives.flat()]);
    const prefix = terms.find((t) => t.prefix)?.words[0] ?? null;
    // Typo neighbours for the words typed (not those of synonyms), in the same statement.
    const lexemes = await lexemesOf(
      this.dataSource,
      list,
      prefix,
      terms.flatMap((t) => t.words),
    );
    const planned = planTerms(terms, lexemes);
    return planned.length === 0 ? noHits() : this.run(request, planned);
  }

  private async run(request: SearchRequest, planned: readonly PlannedTerm[]): Promise<SearchResponse> {
    const { sql, params } = searchSql({
      request,
      planned,
      window: this.window,
      headWindow: this.headWindow,
      strategy: this.strategy,
      indexRows: planned.length > 0 ? await this.statistics.rows() : 0,
      informativeness: planned.length > 0 ? await this.statistics.informativeness(planned) : [],
    });
    return this.execute(sql, params);
  }

  private async execute(sql: string, params: unknown[]): Promise<SearchResponse> {
    const [{ result }] = (await this.dataSource.query(sql, params)) as { result: RawResult }[];
    return toResponse(result, this.window);
  }

  async listKeys(): Promise<{ key: string; updatedAt: string }[]> {
    const found: { key: string; updated_at: Date }[] = await this.dataSource.query(
      `SELECT key, updated_at FROM ${TABLE}`,
    );
    return found.map((r) => ({ key: r.key, updatedAt: r.updated_at.toISOString() }));
  }

  async stats(): Promise<IndexStats> {
    const [row] = await this.dataSource.query(`SELECT count(*) AS n FROM ${TABLE}`);
    return { documents: Number(row.n) };
  }
}
