import type { DataSource } from 'typeorm';
import { analyseQuery } from './text/query';
import {
  matchesSql,
  type PlannedTerm,
  planTerms,
  filtersSql,
  strategyFor,
  type Strategy,
} from './postgres/planner';
import { rebuildIndex } from './postgres/rebuild';
import { type RawResult, hitFieldsSql, noHits, toResponse } from './postgres/results';
import { upsertSql, rows } from './postgres/rows';
import { BATCH, TABLE, chunks } from './postgres/sql';
import {
  addVocabulary,
  completionsOf,
  lexemesOf,
  suggestionFor,
  vocabularyOf,
} from './postgres/vocabulary';
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

/**
 * Field weights of ranking (ts_rank_cd's {D, C, B, A}): title and identifiers A (1.0);
 * summary, theme labels and the organisation's name B (0.4); body, the kind's label, the
 * département's name and CPV labels C (0.2); D is unused.
 */
const WEIGHTS = `'{0.05, 0.2, 0.4, 1.0}'`;

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

/** How informative each stem is, from PostgreSQL's statistics of the tsvector column. */
interface StemStatistics {
  frequency: Map<string, number>;
  /** The frequency of a stem missing from the statistics (rarer than all of them). */
  rare: number;
  at: number;
}

/**
 * Full-text search inside PostgreSQL: weighted tsvector (WEIGHTS) in a French configuration
 * without accents, GIN indexes on (month, tsvector) and (month, title and identifiers),
 * typos through a trigram vocabulary and levenshtein, completions of the last word,
 * synonyms, identifiers in one normal form, ts_headline highlights.
 *
 * Matching works like Meilisearch's `last` strategy: documents with every word first, then
 * those missing the fewest and least informative words; stop and question words do not
 * count. Ranking: words matched, then whether the title or identifiers have every word,
 * then ts_rank_cd (own words above synonyms), then recency.
 */
export class PostgresSearchEngine implements SearchEngine {
  readonly name = 'postgres' as const;
  private readonly window: number;
  private readonly headWindow: number;
  private readonly rebuildWriters: number;
  private readonly strategy: Strategy;
  private rowCount?: { rows: number; at: number };
  private statistics?: StemStatistics;

  constructor(
    private readonly dataSource: DataSource,
    options: PostgresSearchOptions = {},
  ) {
    this.window = options.window ?? 1000;
    this.headWindow = options.headWindow ?? 1000;
    this.rebuildWriters = options.rebuildWriters ?? 3;
    this.strategy = options.strategy ?? 'auto';
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
    const lexemes = await lexemesOf(this.dataSource, list, prefix, terms.flatMap((t) => t.words));
    const planned = planTerms(terms, lexemes);
    return planned.length === 0 ? noHits() : this.run(request, planned);
  }

  /** Rows in the index, as the planner knows them (refreshed every minute). */
  private async indexRows(): Promise<number> {
    if (!this.rowCount || this.rowCount.at < Date.now() - 60_000) {
      const [row] = (await this.dataSource.query(
        `SELECT greatest(reltuples, 0)::float8 AS n FROM pg_class WHERE oid = $1::regclass`,
        [TABLE],
      )) as { n: number }[];
      this.rowCount = { rows: Number(row.n), at: Date.now() };
    }
    return this.rowCount.rows;
  }

  /** Stem frequencies from pg_stats (refreshed every minute; empty before the first ANALYZE). */
  private async stemStatistics(): Promise<StemStatistics> {
    if (!this.statistics || this.statistics.at < Date.now() - 60_000) {
      const found = (await this.dataSource.query(
        `SELECT most_common_elems::text::text[] AS elems, most_common_elem_freqs AS freqs
         FROM pg_stats WHERE tablename = $1 AND attname = 'tsv' LIMIT 1`,
        [TABLE],
      )) as { elems: string[] | null; freqs: number[] | null }[];
      const elems = found[0]?.elems ?? [];
      const freqs = found[0]?.freqs ?? [];
      const frequency = new Map(elems.map((e, i) => [e, freqs[i]]));
      // After the elements' frequencies: the smallest, the largest, and the null fraction.
      const smallest = freqs.length > elems.length ? freqs[elems.length] : 0.01;
      this.statistics = { frequency, rare: smallest / 2, at: Date.now() };
    }
    return this.statistics;
  }

  /** Informativeness of each term in [0, 1): 1 - frequency ^ (1/4), its most common stem's. */
  private async informativeness(planned: readonly PlannedTerm[]): Promise<number[]> {
    const stats = await this.stemStatistics();
    return planned.map((t) => {
      const frequency = Math.max(...t.lexemes.map((l) => stats.frequency.get(l) ?? stats.rare), stats.rare);
      return Math.min(0.999, Math.max(0, 1 - frequency ** 0.25));
    });
  }

  /**
   * One statement. Candidates: the newest `window` + 1 documents with some of the words (the
   * extra one tells whether there are more: they are counted and faceted), the newest
   * `window` + 1 with every word, and the newest `headWindow` whose title or identifiers
   * have every word. All of them are ranked; the page is cut from that order.
   */
  private async run(request: SearchRequest, planned: readonly PlannedTerm[]): Promise<SearchResponse> {
    const params: unknown[] = [];
    const where = filtersSql(request, params);
    const add = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    const more = add(this.window + 1);
    const window = add(this.window);
    if (planned.length === 0) {
      const { title, snippet } = hitFieldsSql(null);
      const limit = add(request.limit);
      const offset = add(request.offset);
      return this.execute(
        `WITH candidates AS MATERIALIZED (SELECT d.key, d.updated_at, d.facet_values FROM ${TABLE} d
           WHERE ${where} ORDER BY d.updated_at DESC, d.key LIMIT ${more}),
         win AS (SELECT * FROM candidates ORDER BY updated_at DESC, key LIMIT ${window}),
         page AS (SELECT key, 0::float8 AS score, updated_at FROM win ORDER BY updated_at DESC, key LIMIT ${limit} OFFSET ${offset})
         ${this.answerSql('candidates', title, snippet)}`,
        params,
      );
    }
    const all = planned.map((t) => t.query).join(' & ');
    const any = planned.map((t) => t.query).join(' | ');
    const own = planned.flatMap((t) => (t.own === null ? [] : [t.own])).join(' | ') || any;
    const qAll = `${add(all)}::tsquery`;
    const qAny = planned.length === 1 ? qAll : `${add(any)}::tsquery`;
    const qOwn = own === any ? qAny : `${add(own)}::tsquery`;
    const alternatives = planned.reduce((sum, t) => sum + t.alternatives, 0);
    const strategy = strategyFor(this.strategy, alternatives);
    const walkRows =
      strategy === 'walk'
        ? add(Math.ceil(Math.sqrt((this.window + 1) * Math.max(await this.indexRows(), 1))))
        : '0';
    const headMore = add(this.headWindow);
    const sources = [
      `any_m AS MATERIALIZED (${matchesSql({ column: 'tsv', where, q: qAny, more, strategy, walkRows })})`,
      // Many OR-ed stems (a short prefix): the first pass looks in the window only.
      strategy === 'walk'
        ? `head_m AS MATERIALIZED (SELECT * FROM (SELECT * FROM any_m ORDER BY updated_at DESC, key LIMIT ${window}) a
             WHERE a.head_tsv @@ ${qAll} LIMIT ${headMore})`
        : `head_m AS MATERIALIZED (${matchesSql({ column: 'head_tsv', where, q: qAll, more: headMore, strategy, walkRows })})`,
    ];
    if (planned.length > 1)
      sources.push(
        `all_m AS MATERIALIZED (${matchesSql({ column: 'tsv', where, q: qAll, more, strategy, walkRows })})`,
      );
    // Words matched (count, plus informativeness / terms so that it never outweighs a word).
    const weights = await this.informativeness(planned);
    const matched = planned
      .map(
        (t, i) =>
          `(CASE WHEN p.tsv @@ ${add(t.query)}::tsquery THEN ${1 + weights[i] / planned.length} ELSE 0 END)`,
      )
      .join(' + ');
    const rank = (column: string): string =>
      own === any
        ? `ts_rank_cd(${WEIGHTS}, ${column}, ${qAny}, 1)`
        : `ts_rank_cd(${WEIGHTS}, ${column}, ${qAny}, 1) + ts_rank_cd(${WEIGHTS}, ${column}, ${qOwn}, 1)`;
    const needed = add(request.offset + request.limit);
    const limit = add(request.limit);
    const offset = add(request.offset);
    const { title, snippet } = hitFieldsSql(qAny);
    // Two tiers: documents whose title or identifiers have every word (however old: the first
    // pass), ranked on those alone; then the others, by words matched and rank. The second
    // tier is only scored when the first cannot fill the page (a one-time filter).
    return this.execute(
      `WITH ${sources.join(',\n')},
       win AS (SELECT * FROM any_m ORDER BY updated_at DESC, key LIMIT ${window}),
       head_ranked AS (
         SELECT h.key, h.updated_at, 2 AS tier, 0::float8 AS words, (${rank('h.head_tsv')})::float8 AS rank FROM head_m h
       ),
       rest AS (
         SELECT p.key, p.updated_at, 1 AS tier, (${matched})::float8 AS words, (${rank('p.tsv')})::float8 AS rank
         FROM (
           SELECT DISTINCT ON (key) * FROM (
             SELECT * FROM win
             ${planned.length > 1 ? `UNION ALL (SELECT * FROM all_m ORDER BY updated_at DESC, key LIMIT ${window})` : ''}
           ) u ORDER BY key
         ) p
         WHERE (SELECT count(*) FROM head_m) < ${needed} AND NOT (p.head_tsv @@ ${qAll})
       ),
       page AS (
         SELECT key, updated_at, tier * 1e9 + words * 1e6 + least(rank, 999) AS score
         FROM (SELECT * FROM head_ranked UNION ALL SELECT * FROM rest) r
         ORDER BY tier DESC, words DESC, rank DESC, updated_at DESC, key LIMIT ${limit} OFFSET ${offset}
       )
       ${this.answerSql('any_m', title, snippet)}`,
      params,
    );
  }

  /** The JSON answer: count of `counted`, the page's hits, the window's facets. */
  private answerSql(counted: string, title: string, snippet: string): string {
    return `SELECT json_build_object(
       'matched', (SELECT count(*) FROM ${counted}),
       'hits', COALESCE((SELECT json_agg(json_build_object('key', d.key, 'type', d.type, 'entityId', d.entity_id,
                  'titleHighlight', ${title}, 'snippet', ${snippet})
                  ORDER BY p.score DESC, p.updated_at DESC, p.key)
                FROM page p JOIN ${TABLE} d ON d.key = p.key), '[]'::json),
       'facets', COALESCE((SELECT json_agg(json_build_array(value, n))
                  FROM (SELECT value, count(*) AS n FROM (SELECT unnest(facet_values) AS value FROM win) u GROUP BY value) f), '[]'::json)
     ) AS result`;
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
