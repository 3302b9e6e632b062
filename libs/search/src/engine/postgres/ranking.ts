import type { SearchRequest } from '../search-engine';
import { type PlannedTerm, type Strategy, filtersSql, matchesSql, strategyFor } from './planner';
import { hitFieldsSql } from './results';
import { TABLE } from './sql';

/**
 * Field weights of ranking (ts_rank_cd's {D, C, B, A}): title and identifiers A (1.0);
 * summary, theme labels and the organisation's name B (0.4); body, the kind's label, the
 * département's name and CPV labels C (0.2); D is unused.
 */
const WEIGHTS = `'{0.05, 0.2, 0.4, 1.0}'`;

export interface SearchSqlOptions {
  request: SearchRequest;
  /** The query's terms; none: everything the filters let through, newest first. */
  planned: readonly PlannedTerm[];
  window: number;
  headWindow: number;
  strategy: Strategy;
  indexRows: number;
  /** Each term's informativeness in [0, 1). */
  informativeness: readonly number[];
}

/** The JSON answer: count of `counted`, the page's hits, the window's facets. */
function answerSql(counted: string, title: string, snippet: string): string {
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

/**
 * One statement. Candidates: the newest `window` + 1 documents with some of the words (the
 * extra one tells whether there are more: they are counted and faceted), the newest
 * `window` + 1 with every word, and the newest `headWindow` whose title or identifiers have
 * every word, however old (the first pass). Two tiers: the first pass's documents, ranked
 * on their title and identifiers; then the others by words matched (count, plus
 * informativeness / terms so that it never outweighs a word) and rank, scored only when the
 * first tier cannot fill the page (a one-time filter). Recency breaks ties.
 */
export function searchSql(o: SearchSqlOptions): { sql: string; params: unknown[] } {
  const { request, planned } = o;
  const params: unknown[] = [];
  const where = filtersSql(request, params);
  const add = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  const more = add(o.window + 1);
  const window = add(o.window);
  if (planned.length === 0) {
    const { title, snippet } = hitFieldsSql(null);
    const limit = add(request.limit);
    const offset = add(request.offset);
    return {
      sql: `WITH candidates AS MATERIALIZED (SELECT d.key, d.updated_at, d.facet_values FROM ${TABLE} d
         WHERE ${where} ORDER BY d.updated_at DESC, d.key LIMIT ${more}),
       win AS (SELECT * FROM candidates ORDER BY updated_at DESC, key LIMIT ${window}),
       page AS (SELECT key, 0::float8 AS score, updated_at FROM win ORDER BY updated_at DESC, key LIMIT ${limit} OFFSET ${offset})
       ${answerSql('candidates', title, snippet)}`,
      params,
    };
  }
  const all = planned.map((t) => t.query).join(' & ');
  const any = planned.map((t) => t.query).join(' | ');
  const own = planned.flatMap((t) => (t.own === null ? [] : [t.own])).join(' | ') || any;
  const qAll = `${add(all)}::tsquery`;
  const qAny = planned.length === 1 ? qAll : `${add(any)}::tsquery`;
  const qOwn = own === any ? qAny : `${add(own)}::tsquery`;
  const alternatives = planned.reduce((sum, t) => sum + t.alternatives, 0);
  const strategy = strategyFor(o.strategy, alternatives);
  const walkRows =
    strategy === 'walk' ? add(Math.ceil(Math.sqrt((o.window + 1) * Math.max(o.indexRows, 1)))) : '0';
  const headMore = add(o.headWindow);
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
  const matched = planned
    .map(
      (t, i) =>
        `(CASE WHEN p.tsv @@ ${add(t.query)}::tsquery THEN ${1 + o.informativeness[i] / planned.length} ELSE 0 END)`,
    )
    .join(' + ');
  // The words as typed (not their completions, typo neighbours or synonyms) count twice.
  const rank = (column: string): string =>
    own === any
      ? `ts_rank_cd(${WEIGHTS}, ${column}, ${qAny}, 1)`
      : `ts_rank_cd(${WEIGHTS}, ${column}, ${qAny}, 1) + ts_rank_cd(${WEIGHTS}, ${column}, ${qOwn}, 1)`;
  const needed = add(request.offset + request.limit);
  const limit = add(request.limit);
  const offset = add(request.offset);
  const { title, snippet } = hitFieldsSql(qAny);
  return {
    sql: `WITH ${sources.join(',\n')},
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
     ${answerSql('any_m', title, snippet)}`,
    params,
  };
}
