import type { DataSource } from 'typeorm';
import {
  type DocumentVisibility,
  FACET_NAMES,
  type FacetCount,
  type FacetName,
  HIGHLIGHT_END,
  HIGHLIGHT_START,
  type IndexStats,
  type SearchDocument,
  type SearchEngine,
  type SearchHitResult,
  type SearchRequest,
  type SearchResponse,
  byCountThenValue,
  cleanDocumentText,
} from './search-engine';

const BATCH = 1000;
const CONFIG = 'french_unaccent';
const MAX_TOKENS = 12;
const TABLE = 'search_document';
const NEXT = 'search_document_next';
const OLD = 'search_document_old';
const HEADLINE_TITLE = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}, HighlightAll=true`;
const HEADLINE_SNIPPET = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}, MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=1, FragmentDelimiter=" … "`;

/** French letters with their accents removed: the common case, without Unicode decomposition. */
const FOLDED: Record<string, string> = {
  à: 'a',
  â: 'a',
  ä: 'a',
  á: 'a',
  ç: 'c',
  é: 'e',
  è: 'e',
  ê: 'e',
  ë: 'e',
  î: 'i',
  ï: 'i',
  í: 'i',
  ô: 'o',
  ö: 'o',
  ó: 'o',
  ù: 'u',
  û: 'u',
  ü: 'u',
  ú: 'u',
  ÿ: 'y',
  ñ: 'n',
  œ: 'oe',
  æ: 'ae',
};
const FOLDABLE = /[àâäáçéèêëîïíôöóùûüúÿñœæ]/g;
const OTHER_NON_ASCII = /[^\p{ASCII}àâäáçéèêëîïíôöóùûüúÿñœæ]/u;

/** Runs of Latin letters and digits (other letters split words, as `words` does after folding). */
const RAW_WORD = /[A-Za-z0-9À-ÖØ-öø-ÿŒœ]{2,}/g;

/** Lower case, accents removed (œ and æ spelt out). */
function foldText(text: string): string {
  let plain = text.toLowerCase();
  // Unicode decomposition is slow: only for texts with letters beyond the common ones.
  if (OTHER_NON_ASCII.test(plain)) plain = plain.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return plain.replace(FOLDABLE, (c) => FOLDED[c] ?? c);
}

/** Lower case, accents removed, split into [a-z0-9] words. */
function words(text: string): string[] {
  return foldText(text)
    .split(/[^a-z0-9]+/)
    .filter((t) => t.length > 0);
}

/** The words of a query, normalised as the vocabulary is. */
export function queryTokens(query: string): string[] {
  return words(query).slice(0, MAX_TOKENS);
}

/**
 * The words of the documents, 2 to 40 letters, normalised as queries are: typo neighbours
 * and completions come from them, and their stems tell which query words can match.
 */
export function vocabularyOf(documents: readonly SearchDocument[], into = new Set<string>()): Set<string> {
  // Distinct raw words first (a plain Latin-letter match is much cheaper than folding every
  // text), then each one folded as queries are.
  const raw = new Set<string>();
  for (const d of documents)
    for (const text of [d.title, d.summary, d.body])
      for (const word of text.match(RAW_WORD) ?? []) raw.add(word);
  for (const word of raw)
    for (const folded of words(word)) if (folded.length >= 2 && folded.length <= 40) into.add(folded);
  return into;
}

/** Every facet value of a document as `facet:value`, counted in one pass by search(). */
function facetValues(d: SearchDocument): string[] {
  const values: string[] = [`type:${d.type}`];
  for (const theme of d.themes) values.push(`themes:${theme}`);
  for (const consideration of d.considerations) values.push(`considerations:${consideration}`);
  if (d.kind !== null) values.push(`kind:${d.kind}`);
  if (d.departmentCode !== null) values.push(`departmentCode:${d.departmentCode}`);
  if (d.procedureType !== null) values.push(`procedureType:${d.procedureType}`);
  return values;
}

function rows(documents: readonly SearchDocument[]): string {
  return JSON.stringify(
    documents.map((d) => ({
      ...d,
      title: cleanDocumentText(d.title),
      summary: cleanDocumentText(d.summary),
      body: cleanDocumentText(d.body),
      facetValues: facetValues(d),
    })),
  );
}

const COLUMNS = `key, type, entity_id, title, summary, body, themes, considerations, kind, department_code,
  procedure_type, visibility, updated_at, facet_values`;

/** INSERT ... SELECT of documents given as one JSON parameter ($1). */
function insertSql(table: string): string {
  return `INSERT INTO ${table} (${COLUMNS})
    SELECT d.key, d.type, d."entityId"::uuid, d.title, d.summary, d.body,
           ARRAY(SELECT jsonb_array_elements_text(d.themes)), ARRAY(SELECT jsonb_array_elements_text(d.considerations)),
           d.kind, d."departmentCode", d."procedureType", d.visibility, d."updatedAt"::timestamptz,
           ARRAY(SELECT jsonb_array_elements_text(d."facetValues"))
    FROM jsonb_to_recordset($1::jsonb) AS d(key text, type text, "entityId" text, title text, summary text, body text,
         themes jsonb, considerations jsonb, kind text, "departmentCode" text, "procedureType" text, visibility text,
         "updatedAt" text, "facetValues" jsonb)`;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Completions of the last word looked up in the vocabulary (the shortest first). */
const PREFIX_WORDS = 16;
/** Months always searched one by one, newest first. */
const FIRST_MONTHS = 6;
/**
 * The months go on one by one when the first ones found at least 1 / MONTHLY_YIELD of the
 * matches needed (then about FIRST_MONTHS x MONTHLY_YIELD months at most); otherwise the
 * matches are rare and the GIN index reads every older one at once.
 */
const MONTHLY_YIELD = 5;
/** Stems OR-ed in a query above which matches are found by walking rather than month by month. */
const MONTHLY_MAX_ALTERNATIVES = 8;

function emptyFacets(): Record<FacetName, FacetCount[]> {
  return Object.fromEntries(FACET_NAMES.map((name) => [name, [] as FacetCount[]])) as Record<
    FacetName,
    FacetCount[]
  >;
}

function noHits(): SearchResponse {
  return { hits: [], totalHits: 0, totalHitsExact: true, facets: emptyFacets() };
}

/**
 * The stems of a query: one group per word with stems (the word's, its completions', its
 * typo neighbours'), AND-ed; `unknown` when a group has no stem any document has.
 */
interface QueryStems {
  groups: string[][];
  unknown: boolean;
}

/** tsquery text: the groups AND-ed, the stems of a group OR-ed, each stem quoted (never parsed again). */
function tsqueryOf(groups: string[][]): string {
  const quote = (lexeme: string): string => `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
  return groups.map((group) => `(${group.map(quote).join(' | ')})`).join(' & ');
}

export interface PostgresSearchOptions {
  /**
   * How many matches a query ranks, counts and facets: the newest `window` matching
   * documents (default 1,000, Meilisearch's default maxTotalHits). When more match,
   * totalHits is this bound and `totalHitsExact` is false. This bounds the work of a query
   * that matches most of the corpus.
   */
  window?: number;
  /** How matches are found (see matchesSql): chosen per query by default; tests force each. */
  strategy?: 'auto' | 'monthly' | 'walk' | 'index';
  /** Statements run side by side by rebuild() (default 3: PostgreSQL works while Node prepares the next batch). */
  rebuildWriters?: number;
}

/**
 * Full-text search inside PostgreSQL: weighted tsvector (title A, summary B, body C) in a
 * French configuration without accents, GIN index, typos through a trigram vocabulary and
 * levenshtein (one per word from 4 letters, two from 9, as Meilisearch does), completions
 * of the last word from the vocabulary, ts_headline highlights.
 *
 * A query ranks, counts and facets the newest `window` matches only, found month by month
 * through the GIN index on (month, tsvector) or, when they are rare, all at once (see
 * matchesSql), so its work stays bounded however much of the corpus matches: p95 18 ms on
 * 110,000 documents (bench/results/2026-11-30-vm.md).
 */
export class PostgresSearchEngine implements SearchEngine {
  readonly name = 'postgres' as const;
  private readonly window: number;
  private readonly rebuildWriters: number;
  private readonly strategy: 'auto' | 'monthly' | 'walk' | 'index';
  private rowCount?: { rows: number; at: number };

  constructor(
    private readonly dataSource: DataSource,
    options: PostgresSearchOptions = {},
  ) {
    this.window = options.window ?? 1000;
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
      await this.dataSource.query(
        `${insertSql(TABLE)}
         ON CONFLICT (key) DO UPDATE SET type = EXCLUDED.type, entity_id = EXCLUDED.entity_id, title = EXCLUDED.title,
           summary = EXCLUDED.summary, body = EXCLUDED.body, themes = EXCLUDED.themes, considerations = EXCLUDED.considerations,
           kind = EXCLUDED.kind, department_code = EXCLUDED.department_code, procedure_type = EXCLUDED.procedure_type,
           visibility = EXCLUDED.visibility, updated_at = EXCLUDED.updated_at, facet_values = EXCLUDED.facet_values`,
        [rows(batch)],
      );
      await this.addVocabulary(vocabularyOf(batch));
    }
  }

  /** The words of the documents feed typo tolerance. */
  private async addVocabulary(vocabulary: ReadonlySet<string>): Promise<void> {
    for (const batch of chunks([...vocabulary], 10 * BATCH))
      await this.dataSource.query(
        `INSERT INTO search_vocabulary (word, stem)
         SELECT w, (tsvector_to_array(to_tsvector('${CONFIG}', w)))[1] FROM unnest($1::text[]) AS w
         ON CONFLICT DO NOTHING`,
        [batch],
      );
  }

  /**
   * Replaces the whole index with `batches`: loaded into a new table without indexes by
   * `rebuildWriters` statements side by side, indexed, analysed, then swapped in under a
   * lock in one transaction, so searches never see an empty or partial index; the
   * vocabulary keeps the words of the new documents only. Writes
   * committed meanwhile went to the old table: the caller repairs afterwards.
   */
  async rebuild(batches: AsyncIterable<readonly SearchDocument[]>): Promise<number> {
    const [{ reloptions }] = (await this.dataSource.query(
      `SELECT array_to_string(reloptions, ', ') AS reloptions FROM pg_class WHERE oid = $1::regclass`,
      [TABLE],
    )) as { reloptions: string | null }[];
    await this.dataSource.query(`DROP TABLE IF EXISTS ${NEXT}`);
    await this.dataSource.query(
      `CREATE TABLE ${NEXT} (LIKE ${TABLE} INCLUDING DEFAULTS INCLUDING GENERATED INCLUDING STORAGE
         INCLUDING COMPRESSION INCLUDING CONSTRAINTS)${reloptions ? ` WITH (${reloptions})` : ''}`,
    );
    const vocabulary = new Set<string>();
    const seen = new Set<string>();
    const running = new Set<Promise<void>>();
    let failure: unknown;
    let documents = 0;
    for await (const batch of batches) {
      const fresh = batch.filter((d) => !seen.has(d.key));
      for (const d of fresh) seen.add(d.key);
      vocabularyOf(fresh, vocabulary);
      documents += fresh.length;
      for (const part of chunks(fresh, BATCH)) {
        while (running.size >= this.rebuildWriters) await Promise.race(running);
        if (failure) throw failure;
        const write: Promise<void> = this.dataSource
          .query(insertSql(NEXT), [rows(part)])
          .then(
            () => undefined,
            (error: unknown) => {
              failure ??= error;
            },
          )
          .finally(() => running.delete(write));
        running.add(write);
      }
    }
    await Promise.all(running);
    if (failure) throw failure;

    const indexes = (await this.dataSource.query(
      `SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS definition, i.indisprimary AS "primary"
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = $1::regclass`,
      [TABLE],
    )) as { name: string; definition: string; primary: boolean }[];
    const build = indexes.map((index) => async () => {
      const definition = index.definition.replace(
        /^(CREATE (?:UNIQUE )?INDEX )(\S+)( ON (?:\S+\.)?)search_document /,
        `$1$2_next$3${NEXT} `,
      );
      if (definition === index.definition) throw new Error(`unexpected index definition: ${definition}`);
      await this.dataSource.transaction(async (manager) => {
        await manager.query(`SET LOCAL maintenance_work_mem = '128MB'`);
        // Index builds over the whole corpus may outlast the API's statement_timeout.
        await manager.query(`SET LOCAL statement_timeout = 0`);
        await manager.query(definition);
        if (index.primary)
          await manager.query(
            `ALTER TABLE ${NEXT} ADD CONSTRAINT ${index.name}_next PRIMARY KEY USING INDEX ${index.name}_next`,
          );
      });
    });
    const queue = [...build];
    await Promise.all(
      Array.from({ length: this.rebuildWriters }, async () => {
        for (let step = queue.shift(); step; step = queue.shift()) await step();
      }),
    );
    await this.dataSource.transaction(async (m) => {
      await m.query(`SET LOCAL statement_timeout = 0`);
      await m.query(`ANALYZE ${NEXT}`);
    });
    await this.addVocabulary(vocabulary);

    await this.dataSource.transaction(async (manager) => {
      await manager.query(`LOCK TABLE ${TABLE} IN ACCESS EXCLUSIVE MODE`);
      await manager.query(`ALTER TABLE ${TABLE} RENAME TO ${OLD}`);
      await manager.query(`ALTER TABLE ${NEXT} RENAME TO ${TABLE}`);
      for (const index of indexes) {
        await manager.query(`ALTER INDEX ${index.name} RENAME TO ${index.name}_old`);
        await manager.query(`ALTER INDEX ${index.name}_next RENAME TO ${index.name}`);
      }
      await manager.query(`DROP TABLE ${OLD}`);
      // Words only the replaced documents had leave the vocabulary (the repair that follows
      // brings back those of documents written meanwhile).
      await manager.query(
        `DELETE FROM search_vocabulary v WHERE NOT EXISTS (SELECT 1 FROM unnest($1::text[]) AS w(word) WHERE w.word = v.word)`,
        [[...vocabulary]],
      );
    });
    return documents;
  }

  async delete(keys: readonly string[]): Promise<void> {
    for (const batch of chunks(keys, BATCH))
      await this.dataSource.query(`DELETE FROM ${TABLE} WHERE key = ANY($1)`, [batch]);
  }

  /**
   * The query as a tsquery of stems, in one statement: each token's stems, OR-ed with the
   * stems of the words the last token begins (search as you type: the vocabulary's
   * shortest completions) and, when `typos`, of the vocabulary words one or two edits away.
   * Null for an empty query; an empty group list when no word has a stem (stop words only).
   */
  private async lexemes(tokens: string[], typos: boolean): Promise<QueryStems | null> {
    if (tokens.length === 0) return null;
    const rows: { lexemes: string[]; known: boolean }[] = await this.dataSource.query(
      `WITH t AS (SELECT token, i FROM unnest($1::text[]) WITH ORDINALITY AS t(token, i)),
       words AS (
         SELECT t.i, t.token AS word FROM t
         UNION ALL
         SELECT t.i, v.word FROM t CROSS JOIN LATERAL (
           SELECT word FROM search_vocabulary
           WHERE t.i = $2 AND word LIKE t.token || '%' AND word <> t.token
             -- not after a short stop word ("de", "des"): the word is most likely complete
             AND (length(t.token) >= 4 OR (length(t.token) = 3 AND to_tsvector('${CONFIG}', t.token) <> ''))
           ORDER BY length(word), word LIMIT ${PREFIX_WORDS}
         ) v
         UNION ALL
         SELECT t.i, v.word FROM t CROSS JOIN LATERAL (
           SELECT word FROM search_vocabulary
           WHERE $3 AND length(t.token) >= 4 AND word % t.token AND word <> t.token
             AND levenshtein(word, t.token) <= CASE WHEN length(t.token) >= 9 THEN 2 ELSE 1 END
           ORDER BY similarity(word, t.token) DESC LIMIT 4
         ) v
       )
       SELECT array_agg(DISTINCT lexeme ORDER BY lexeme) AS lexemes,
              bool_or(EXISTS (SELECT 1 FROM search_vocabulary v WHERE v.stem = lexeme)) AS known
       FROM words, unnest(tsvector_to_array(to_tsvector('${CONFIG}', word))) AS lexeme
       GROUP BY i ORDER BY i`,
      [tokens, tokens.length, typos],
    );
    return { groups: rows.map((r) => r.lexemes), unknown: rows.some((r) => !r.known) };
  }

  private filters(request: SearchRequest, params: unknown[]): string[] {
    const where: string[] = [];
    const add = (sql: (p: string) => string, value: unknown): void => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    add((p) => `d.visibility = ANY(${p}::text[])`, request.visibilities satisfies DocumentVisibility[]);
    const f = request.filters;
    if (f.types?.length) add((p) => `d.type = ANY(${p}::text[])`, f.types);
    if (f.themes?.length) add((p) => `d.themes && ${p}::text[]`, f.themes);
    if (f.considerations?.length) add((p) => `d.considerations && ${p}::text[]`, f.considerations);
    if (f.kinds?.length) add((p) => `d.kind = ANY(${p}::text[])`, f.kinds);
    if (f.departmentCodes?.length) add((p) => `d.department_code = ANY(${p}::text[])`, f.departmentCodes);
    if (f.procedureTypes?.length) add((p) => `d.procedure_type = ANY(${p}::text[])`, f.procedureTypes);
    return where;
  }

  /**
   * Exact words (and completions of the last one) first; only when that finds nothing are
   * the words widened to their typo neighbours.
   */
  async search(request: SearchRequest): Promise<SearchResponse> {
    const tokens = queryTokens(request.query);
    const exact = await this.lexemes(tokens, false);
    if (exact === null) return this.run(request, null);
    // A word whose stems no document has cannot match: straight to its typo neighbours.
    if (!exact.unknown) {
      const found = await this.run(request, exact.groups);
      if (found.totalHits > 0 || !tokens.some((t) => t.length >= 4)) return found;
    }
    const widened = await this.lexemes(tokens, true);
    return widened && !widened.unknown ? this.run(request, widened.groups) : noHits();
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

  /**
   * The newest `more` matches of `q` (a tsquery expression) among the documents `where`
   * selects (`d` is the table), newest first, as SQL.
   *
   * - monthly (the usual way): the newest months one by one, each through the GIN index on
   *   (month, tsvector), which reads only that month's part of each posting list, until
   *   `more` are found; common words stop there. When the first months yield few matches,
   *   matches are rare: every older one is read through the GIN index at once and sorted.
   * - walk: the newest documents on (updated_at, key), each tsvector tested, for at most
   *   sqrt(window x documents) rows; if that finds fewer than `more`, every match through
   *   the GIN index. Used when the query ORs many stems (a short prefix), which makes
   *   index lookups costly and matches common.
   * - index: every match through the GIN index (tests compare it with the others).
   */
  private async matchesSql(where: string, q: string, groups: string[][], params: unknown[]): Promise<string> {
    const alternatives = groups.reduce((sum, g) => sum + g.length, 0);
    const strategy =
      this.strategy === 'auto'
        ? alternatives > MONTHLY_MAX_ALTERNATIVES
          ? 'walk'
          : 'monthly'
        : this.strategy;
    const columns = 'd.key, d.updated_at, d.facet_values, d.tsv';
    if (strategy === 'monthly') {
      // The generated column of the newest and oldest rows, both found on (updated_at, key).
      const newest = `(SELECT month FROM ${TABLE} ORDER BY updated_at DESC, key LIMIT 1)`;
      const oldest = `(SELECT month FROM ${TABLE} ORDER BY updated_at, key DESC LIMIT 1)`;
      const last = `${newest} - ${FIRST_MONTHS - 1}`;
      const monthly = (
        from: string,
        to: string,
      ): string => `SELECT m.* FROM generate_series(${from}, ${to}, -1) AS b(month)
           CROSS JOIN LATERAL (
             SELECT ${columns} FROM ${TABLE} d WHERE d.month = b.month AND ${where} AND d.tsv @@ ${q}
             ORDER BY d.updated_at + interval '0 seconds' DESC, d.key LIMIT $more
           ) m`;
      // After the first months, the one-time filters run one branch at most: more months
      // while they yield enough, else the GIN index for every older match (`d.month + 0`:
      // not a range of months asked of the index).
      return `SELECT * FROM (
           WITH recent AS MATERIALIZED (${monthly(newest, last)} LIMIT $more),
           found AS (SELECT count(*) AS n FROM recent)
           SELECT * FROM recent
           UNION ALL (
             ${monthly(`${last} - 1`, oldest)}
             WHERE (SELECT n FROM found) < $more AND (SELECT n FROM found) * ${MONTHLY_YIELD} >= $more
             LIMIT $more
           )
           UNION ALL (
             SELECT ${columns} FROM ${TABLE} d
             WHERE (SELECT n FROM found) * ${MONTHLY_YIELD} < $more AND d.month + 0 < ${last} AND ${where} AND d.tsv @@ ${q}
             ORDER BY d.updated_at + interval '0 seconds' DESC, d.key LIMIT $more
           )
         ) u LIMIT $more`;
    }
    params.push(
      strategy === 'index'
        ? 0
        : Math.ceil(Math.sqrt((this.window + 1) * Math.max(await this.indexRows(), 1))),
    );
    const walk = `$${params.length}`;
    // The function, not the operator, in the walk so that the GIN index is not used; an
    // expression as the sort key in the fallback so that the (updated_at, key) index is not.
    // The one-time filters run one or the other.
    return `WITH walked AS MATERIALIZED (
         SELECT r.* FROM (
           SELECT ${columns} FROM ${TABLE} d WHERE ${where} ORDER BY d.updated_at DESC, d.key LIMIT ${walk}
         ) r WHERE ts_match_vq(r.tsv, ${q}) LIMIT $more
       )
       SELECT * FROM walked WHERE (SELECT count(*) FROM walked) >= $more
       UNION ALL (
         SELECT ${columns} FROM ${TABLE} d
         WHERE (SELECT count(*) FROM walked) < $more AND ${where} AND d.tsv @@ ${q}
         ORDER BY d.updated_at + interval '0 seconds' DESC, d.key LIMIT $more
       )`;
  }

  /**
   * One statement: the newest `window` + 1 matches (the extra one tells whether there are
   * more), then the page ranked among the first `window`, their count and their facets.
   */
  private async run(request: SearchRequest, groups: string[][] | null): Promise<SearchResponse> {
    if (groups !== null && groups.length === 0) return noHits();
    const params: unknown[] = [];
    const where = this.filters(request, params).join(' AND ');
    let rank = 'NULL::real';
    let title = 'd.title';
    let snippet = `left(d.summary, 240)`;
    let candidates = `SELECT d.key, d.updated_at, d.facet_values, d.tsv FROM ${TABLE} d
         WHERE ${where} ORDER BY d.updated_at DESC, d.key LIMIT $more`;
    if (groups) {
      params.push(tsqueryOf(groups));
      const q = `$${params.length}::tsquery`;
      candidates = await this.matchesSql(where, q, groups, params);
      rank = `ts_rank_cd(w.tsv, ${q})`;
      title = `ts_headline('${CONFIG}', d.title, ${q}, '${HEADLINE_TITLE}')`;
      snippet = `ts_headline('${CONFIG}', d.summary || E'\\n' || d.body, ${q}, '${HEADLINE_SNIPPET}')`;
    }
    params.push(this.window + 1, this.window, request.limit, request.offset);
    const [more, window, limit, offset] = [3, 2, 1, 0].map((back) => `$${params.length - back}`);
    const [{ result }] = (await this.dataSource.query(
      `WITH candidates AS MATERIALIZED (${candidates.replaceAll('$more', () => more)}),
       win AS (SELECT * FROM candidates ORDER BY updated_at DESC, key LIMIT ${window}),
       page AS (
         SELECT w.key, ${rank} AS rank, w.updated_at FROM win w
         ORDER BY 2 DESC NULLS LAST, w.updated_at DESC, w.key LIMIT ${limit} OFFSET ${offset}
       )
       SELECT json_build_object(
         'matched', (SELECT count(*) FROM candidates),
         'hits', COALESCE((SELECT json_agg(json_build_object('key', d.key, 'type', d.type, 'entityId', d.entity_id,
                    'titleHighlight', ${title}, 'snippet', ${snippet})
                    ORDER BY p.rank DESC NULLS LAST, p.updated_at DESC, p.key)
                  FROM page p JOIN ${TABLE} d ON d.key = p.key), '[]'::json),
         'facets', COALESCE((SELECT json_agg(json_build_array(value, n))
                    FROM (SELECT value, count(*) AS n FROM (SELECT unnest(facet_values) AS value FROM win) u GROUP BY value) f), '[]'::json)
       ) AS result`,
      params,
    )) as {
      result: { matched: number; hits: SearchHitResult[]; facets: [string, number][] };
    }[];
    const facets = emptyFacets();
    for (const [facetValue, count] of result.facets) {
      const colon = facetValue.indexOf(':');
      const name = facetValue.slice(0, colon) as FacetName;
      facets[name]?.push({ value: facetValue.slice(colon + 1), count: Number(count) });
    }
    for (const name of FACET_NAMES) facets[name].sort(byCountThenValue);
    const matched = Number(result.matched);
    return {
      hits: result.hits,
      totalHits: Math.min(matched, this.window),
      totalHitsExact: matched <= this.window,
      facets,
    };
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
