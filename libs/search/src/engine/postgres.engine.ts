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
  cleanDocumentText,
} from './search-engine';

const BATCH = 1000;
const CONFIG = 'french_unaccent';
const MAX_TOKENS = 12;
const HEADLINE_TITLE = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}, HighlightAll=true`;
const HEADLINE_SNIPPET = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}, MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=1, FragmentDelimiter=" … "`;

/** Lower case, accents removed, split into [a-z0-9] words. */
export function queryTokens(query: string): string[] {
  return query
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .split(/[^a-z0-9]+/)
    .filter((t) => t.length > 0)
    .slice(0, MAX_TOKENS);
}

/**
 * Full-text search inside PostgreSQL: weighted tsvector (title A, summary B, body C) in a
 * French configuration without accents, GIN index, typos through a trigram vocabulary and
 * levenshtein (one per word from 4 letters, two from 9, as Meilisearch does), prefix matching on the last word, ts_headline highlights.
 */
export class PostgresSearchEngine implements SearchEngine {
  readonly name = 'postgres' as const;

  constructor(private readonly dataSource: DataSource) {}

  async ensureReady(): Promise<void> {
    await this.dataSource.query(`SELECT 1 FROM search_document LIMIT 1`);
  }

  async ping(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }

  async upsert(documents: readonly SearchDocument[]): Promise<void> {
    for (let i = 0; i < documents.length; i += BATCH) {
      const batch = documents.slice(i, i + BATCH).map((d) => ({
        ...d,
        title: cleanDocumentText(d.title),
        summary: cleanDocumentText(d.summary),
        body: cleanDocumentText(d.body),
      }));
      await this.dataSource.query(
        `INSERT INTO search_document (key, type, entity_id, title, summary, body, themes, considerations, kind,
            department_code, procedure_type, visibility, updated_at)
         SELECT d.key, d.type, d."entityId"::uuid, d.title, d.summary, d.body,
                ARRAY(SELECT jsonb_array_elements_text(d.themes)), ARRAY(SELECT jsonb_array_elements_text(d.considerations)),
                d.kind, d."departmentCode", d."procedureType", d.visibility, d."updatedAt"::timestamptz
         FROM jsonb_to_recordset($1::jsonb) AS d(key text, type text, "entityId" text, title text, summary text, body text,
              themes jsonb, considerations jsonb, kind text, "departmentCode" text, "procedureType" text, visibility text, "updatedAt" text)
         ON CONFLICT (key) DO UPDATE SET type = EXCLUDED.type, entity_id = EXCLUDED.entity_id, title = EXCLUDED.title,
           summary = EXCLUDED.summary, body = EXCLUDED.body, themes = EXCLUDED.themes, considerations = EXCLUDED.considerations,
           kind = EXCLUDED.kind, department_code = EXCLUDED.department_code, procedure_type = EXCLUDED.procedure_type,
           visibility = EXCLUDED.visibility, updated_at = EXCLUDED.updated_at`,
        [JSON.stringify(batch)],
      );
      // The words of the documents feed typo tolerance.
      await this.dataSource.query(
        `INSERT INTO search_vocabulary (word)
         SELECT DISTINCT w FROM jsonb_to_recordset($1::jsonb) AS d(title text, summary text, body text),
           regexp_split_to_table(lower(immutable_unaccent(d.title || ' ' || d.summary || ' ' || d.body)), '[^a-z0-9]+') AS w
         WHERE length(w) BETWEEN 4 AND 40
         ON CONFLICT DO NOTHING`,
        [JSON.stringify(batch.map((d) => ({ title: d.title, summary: d.summary, body: d.body })))],
      );
    }
  }

  async delete(keys: readonly string[]): Promise<void> {
    for (let i = 0; i < keys.length; i += BATCH) {
      await this.dataSource.query(`DELETE FROM search_document WHERE key = ANY($1)`, [
        keys.slice(i, i + BATCH),
      ]);
    }
  }

  /** Each token (with its typo neighbours from the vocabulary when `typos`); the last one as a prefix too. */
  private async tsquery(tokens: string[], typos: boolean): Promise<string | null> {
    if (tokens.length === 0) return null;
    const longTokens = typos ? tokens.filter((t) => t.length >= 4) : [];
    const neighbours = new Map<string, string[]>();
    if (longTokens.length > 0) {
      const rows: { token: string; word: string }[] = await this.dataSource.query(
        `SELECT t.token, v.word FROM unnest($1::text[]) AS t(token)
         JOIN LATERAL (
           SELECT word FROM search_vocabulary
           WHERE word % t.token AND word <> t.token
             AND levenshtein(word, t.token) <= CASE WHEN length(t.token) >= 9 THEN 2 ELSE 1 END
           ORDER BY similarity(word, t.token) DESC LIMIT 4
         ) v ON TRUE`,
        [longTokens],
      );
      for (const row of rows) neighbours.set(row.token, [...(neighbours.get(row.token) ?? []), row.word]);
    }
    const parts = tokens.map((token, index) => {
      const alternatives = [token, ...(neighbours.get(token) ?? [])];
      if (index === tokens.length - 1 && token.length >= 2) alternatives.push(`${token}:*`);
      return `(${alternatives.join(' | ')})`;
    });
    return parts.join(' & ');
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
   * Exact words (and the last one as a prefix) first; only when that finds nothing are the
   * words widened to their typo neighbours, which costs a vocabulary lookup.
   */
  async search(request: SearchRequest): Promise<SearchResponse> {
    const tokens = queryTokens(request.query);
    const exact = await this.run(request, await this.tsquery(tokens, false));
    if (exact.totalHits > 0 || !tokens.some((t) => t.length >= 4)) return exact;
    return this.run(request, await this.tsquery(tokens, true));
  }

  /** Page, total and facets in one statement over one materialised set of matches. */
  private async run(request: SearchRequest, tsquery: string | null): Promise<SearchResponse> {
    const params: unknown[] = [];
    const where = this.filters(request, params);
    let rank = 'NULL::real';
    let title = 'p.title';
    let snippet = `left(p.summary, 240)`;
    if (tsquery) {
      params.push(tsquery);
      const q = `to_tsquery('${CONFIG}', $${params.length})`;
      where.push(`d.tsv @@ ${q}`);
      rank = `ts_rank_cd(d.tsv, ${q})`;
      title = `ts_headline('${CONFIG}', p.title, ${q}, '${HEADLINE_TITLE}')`;
      snippet = `CASE WHEN to_tsvector('${CONFIG}', p.body) @@ ${q}
        THEN ts_headline('${CONFIG}', p.body, ${q}, '${HEADLINE_SNIPPET}')
        ELSE ts_headline('${CONFIG}', p.summary, ${q}, '${HEADLINE_SNIPPET}') END`;
    }
    params.push(request.limit, request.offset);
    const [{ result }] = (await this.dataSource.query(
      `WITH matched AS MATERIALIZED (
         SELECT d.key, d.type, d.entity_id, d.title, d.summary, d.body, d.themes, d.considerations, d.kind,
                d.department_code, d.procedure_type, d.updated_at, ${rank} AS rank
         FROM search_document d WHERE ${where.join(' AND ')}
       ),
       page AS (
         SELECT * FROM matched ORDER BY rank DESC NULLS LAST, updated_at DESC, key
         LIMIT $${params.length - 1} OFFSET $${params.length}
       ),
       facets AS (
         SELECT 'type' AS facet, type AS value, count(*) AS count FROM matched GROUP BY type
         UNION ALL SELECT 'themes', t, count(*) FROM matched, unnest(themes) AS t GROUP BY t
         UNION ALL SELECT 'considerations', c, count(*) FROM matched, unnest(considerations) AS c GROUP BY c
         UNION ALL SELECT 'kind', kind, count(*) FROM matched WHERE kind IS NOT NULL GROUP BY kind
         UNION ALL SELECT 'departmentCode', department_code, count(*) FROM matched WHERE department_code IS NOT NULL GROUP BY department_code
         UNION ALL SELECT 'procedureType', procedure_type, count(*) FROM matched WHERE procedure_type IS NOT NULL GROUP BY procedure_type
       )
       SELECT json_build_object(
         'total', (SELECT count(*) FROM matched),
         'hits', COALESCE((SELECT json_agg(json_build_object('key', p.key, 'type', p.type, 'entityId', p.entity_id,
                    'titleHighlight', ${title}, 'snippet', ${snippet})
                    ORDER BY p.rank DESC NULLS LAST, p.updated_at DESC, p.key) FROM page p), '[]'::json),
         'facets', COALESCE((SELECT json_agg(json_build_object('facet', facet, 'value', value, 'count', count)) FROM facets), '[]'::json)
       ) AS result`,
      params,
    )) as {
      result: {
        total: number;
        hits: SearchHitResult[];
        facets: { facet: FacetName; value: string; count: number }[];
      };
    }[];
    const facets = Object.fromEntries(FACET_NAMES.map((name) => [name, [] as FacetCount[]])) as Record<
      FacetName,
      FacetCount[]
    >;
    for (const row of result.facets) facets[row.facet].push({ value: row.value, count: Number(row.count) });
    for (const name of FACET_NAMES)
      facets[name].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    return { hits: result.hits, totalHits: Number(result.total), facets };
  }

  async listKeys(): Promise<{ key: string; updatedAt: string }[]> {
    const rows: { key: string; updated_at: Date }[] = await this.dataSource.query(
      `SELECT key, updated_at FROM search_document`,
    );
    return rows.map((r) => ({ key: r.key, updatedAt: r.updated_at.toISOString() }));
  }

  async stats(): Promise<IndexStats> {
    const [row] = await this.dataSource.query(`SELECT count(*) AS n FROM search_document`);
    return { documents: Number(row.n) };
  }
}
