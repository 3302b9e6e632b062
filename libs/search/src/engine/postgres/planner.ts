import type { DocumentVisibility, SearchRequest } from '../search-engine';
import type { QueryTerm } from '../text/query';
import { TABLE, quoteLexeme } from './sql';
import type { WordLexemes } from './vocabulary';

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

export type Strategy = 'auto' | 'monthly' | 'walk' | 'index';

/** A query term as tsquery text, with what ranking needs to know about it. */
export interface PlannedTerm {
  /** The term's words or any of its synonyms. */
  query: string;
  /** The term's own words only, as typed (completions, typo neighbours and synonyms rank below them). */
  own: string | null;
  /** Stems OR-ed in `query` (the cost of an index lookup). */
  alternatives: number;
  lexemes: string[];
}

/** `(a | b)` for one word's stems (only its own when `exact`); null when it has none a document has. */
function wordQuery(found: WordLexemes | undefined, exact: boolean): string | null {
  if (!found || !found.known || found.lexemes.length === 0) return null;
  const stems = exact ? found.exact : found.lexemes;
  if (stems.length === 0) return null;
  return `(${stems.map(quoteLexeme).join(' | ')})`;
}

/**
 * Words AND-ed, or following each other when `phrase`; null when one of them cannot match
 * (stop words, which have no stems, are left out).
 */
function conjunction(
  list: readonly string[],
  lexemes: ReadonlyMap<string, WordLexemes>,
  options: { phrase?: boolean; exact?: boolean } = {},
): string | null {
  const parts: string[] = [];
  for (const word of list) {
    const found = lexemes.get(word);
    if (found && found.lexemes.length === 0) continue;
    const query = wordQuery(found, options.exact === true);
    if (query === null) return null;
    parts.push(query);
  }
  if (parts.length === 0) return null;
  return parts.length === 1 ? parts[0] : `(${parts.join(options.phrase ? ' <-> ' : ' & ')})`;
}

/** The terms some document can match, as tsquery text; the others are left out. */
export function planTerms(
  terms: readonly QueryTerm[],
  lexemes: ReadonlyMap<string, WordLexemes>,
): PlannedTerm[] {
  const planned: PlannedTerm[] = [];
  for (const term of terms) {
    const own = conjunction(term.words, lexemes);
    const others = term.alternatives
      .map((a, i) => conjunction(a, lexemes, { phrase: term.phrases[i] }))
      .filter((q): q is string => q !== null);
    const all = [...(own === null ? [] : [own]), ...others];
    if (all.length === 0) continue;
    const used = [term.words, ...term.alternatives].flat().flatMap((w) => lexemes.get(w)?.lexemes ?? []);
    planned.push({
      query: all.length === 1 ? all[0] : `(${all.join(' | ')})`,
      // The words as typed (not their completions, typo neighbours or synonyms) rank higher.
      own: own === null ? null : conjunction(term.words, lexemes, { exact: true }),
      alternatives: used.length,
      lexemes: [...new Set(used)],
    });
  }
  return planned;
}

export function filtersSql(request: SearchRequest, params: unknown[]): string {
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
  return where.join(' AND ');
}

export const MATCH_COLUMNS = 'd.key, d.updated_at, d.facet_values, d.tsv, d.head_tsv';

/**
 * The newest `more` matches of `q` (a tsquery expression) on `column` (`tsv`, or `head_tsv`
 * for titles and identifiers) among the documents `where` selects (`d` is the table), newest
 * first, as SQL.
 *
 * - monthly (the usual way): the newest months one by one, each through the GIN index on
 *   (month, column), which reads only that month's part of each posting list, until `more`
 *   are found; common words stop there. When the first months yield few matches, matches
 *   are rare: every older one is read through the GIN index at once and sorted.
 * - walk: the newest documents on (updated_at, key), each tsvector tested, for at most
 *   `walkRows` rows; if that finds fewer than `more`, every match through the GIN index.
 *   Used when the query ORs many stems (a short prefix), which makes index lookups costly
 *   and matches common.
 * - index: every match through the GIN index (tests compare it with the others).
 */
export function matchesSql(options: {
  column: 'tsv' | 'head_tsv';
  where: string;
  q: string;
  more: string;
  strategy: Exclude<Strategy, 'auto'>;
  walkRows: string;
}): string {
  const { column, where, q, more, strategy, walkRows } = options;
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
           SELECT ${MATCH_COLUMNS} FROM ${TABLE} d WHERE d.month = b.month AND ${where} AND d.${column} @@ ${q}
           ORDER BY d.updated_at + interval '0 seconds' DESC, d.key LIMIT ${more}
         ) m`;
    // After the first months, the one-time filters run one branch at most: more months
    // while they yield enough, else the GIN index for every older match (`d.month + 0`:
    // not a range of months asked of the index).
    return `SELECT * FROM (
         WITH recent AS MATERIALIZED (${monthly(newest, last)} LIMIT ${more}),
         found AS (SELECT count(*) AS n FROM recent)
         SELECT * FROM recent
         UNION ALL (
           ${monthly(`${last} - 1`, oldest)}
           WHERE (SELECT n FROM found) < ${more} AND (SELECT n FROM found) * ${MONTHLY_YIELD} >= ${more}
           LIMIT ${more}
         )
         UNION ALL (
           SELECT ${MATCH_COLUMNS} FROM ${TABLE} d
           WHERE (SELECT n FROM found) * ${MONTHLY_YIELD} < ${more} AND d.month + 0 < ${last} AND ${where} AND d.${column} @@ ${q}
           ORDER BY d.updated_at + interval '0 seconds' DESC, d.key LIMIT ${more}
         )
       ) u LIMIT ${more}`;
  }
  // The function, not the operator, in the walk so that the GIN index is not used; an
  // expression as the sort key in the fallback so that the (updated_at, key) index is not.
  // The one-time filters run one or the other.
  return `SELECT * FROM (
       WITH walked AS MATERIALIZED (
         SELECT r.* FROM (
           SELECT ${MATCH_COLUMNS} FROM ${TABLE} d WHERE ${where} ORDER BY d.updated_at DESC, d.key
           LIMIT ${strategy === 'index' ? '0' : walkRows}
         ) r WHERE ts_match_vq(r.${column}, ${q}) LIMIT ${more}
       )
       SELECT * FROM walked WHERE (SELECT count(*) FROM walked) >= ${more}
       UNION ALL (
         SELECT ${MATCH_COLUMNS} FROM ${TABLE} d
         WHERE (SELECT count(*) FROM walked) < ${more} AND ${where} AND d.${column} @@ ${q}
         ORDER BY d.updated_at + interval '0 seconds' DESC, d.key LIMIT ${more}
       )
     ) w`;
}

/** The strategy for a query of `alternatives` OR-ed stems. */
export function strategyFor(strategy: Strategy, alternatives: number): Exclude<Strategy, 'auto'> {
  if (strategy !== 'auto') return strategy;
  return alternatives > MONTHLY_MAX_ALTERNATIVES ? 'walk' : 'monthly';
}
