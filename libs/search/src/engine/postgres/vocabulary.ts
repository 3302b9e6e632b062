import type { DataSource } from 'typeorm';
import type { DocumentVisibility, SearchDocument } from '../search-engine';
import { words } from '../text/fold';
import { isIgnoredWord } from '../text/stop-words';
import { extraTexts } from '../text/fields';
import { BATCH, CONFIG, TABLE, chunks } from './sql';

/** Runs of Latin letters and digits (other letters split words, as `words` does after folding). */
const RAW_WORD = /[A-Za-z0-9À-ÖØ-öø-ÿŒœ]{2,}/g;
/** Completions of the last word looked up in the vocabulary (the shortest first). */
const PREFIX_WORDS = 16;

/**
 * The words of the documents (all their searchable texts), 2 to 40 letters, normalised as
 * queries are: typo neighbours, completions and suggestions come from them, and their stems
 * tell which query words can match.
 */
export function vocabularyOf(documents: readonly SearchDocument[], into = new Set<string>()): Set<string> {
  // Distinct raw words first (a plain Latin-letter match is much cheaper than folding every
  // text), then each one folded as queries are.
  const raw = new Set<string>();
  for (const d of documents) {
    const extra = extraTexts(d);
    for (const text of [d.title, d.summary, d.body, extra.codes, extra.labels, extra.context])
      for (const word of text.match(RAW_WORD) ?? []) raw.add(word);
  }
  for (const word of raw)
    for (const folded of words(word)) if (folded.length >= 2 && folded.length <= 40) into.add(folded);
  return into;
}

/** The words of the documents feed typo tolerance, completions and suggestions. */
export async function addVocabulary(dataSource: DataSource, vocabulary: ReadonlySet<string>): Promise<void> {
  // Sorted: writers running side by side (the indexer, a rebuild) lock words in one order,
  // so they wait for each other instead of deadlocking.
  for (const batch of chunks([...vocabulary].sort(), 10 * BATCH))
    await dataSource.query(
      `INSERT INTO search_vocabulary (word, stem)
       SELECT w, (tsvector_to_array(to_tsvector('${CONFIG}', w)))[1] FROM unnest($1::text[]) AS w
       ON CONFLICT DO NOTHING`,
      [batch],
    );
}

/** What a query word can match: its stems and those of its completions or typo neighbours. */
export interface WordLexemes {
  lexemes: string[];
  /** The word's own stems (not its completions or typo neighbours): exact matches rank higher. */
  exact: string[];
  /** Some document has one of the stems. */
  known: boolean;
}

/**
 * Each word's stems, OR-ed with the stems of the words `prefixWord` begins (search as you
 * type: the vocabulary's shortest completions) and, for the words of `typos` that cannot
 * match otherwise, of the vocabulary words one or two edits away (one from 4 letters, two
 * from 9, as Meilisearch does; never for identifiers). One statement.
 */
export async function lexemesOf(
  dataSource: DataSource,
  list: readonly string[],
  prefixWord: string | null,
  typos: readonly string[],
): Promise<Map<string, WordLexemes>> {
  if (list.length === 0) return new Map();
  const found: { word: string; exact: string[]; lexemes: string[] | null; known: boolean | null }[] =
    await dataSource.query(
      `WITH t AS (SELECT token FROM unnest($1::text[]) AS t(token)),
     words AS (
       SELECT t.token, t.token AS word FROM t
       UNION ALL
       SELECT t.token, v.word FROM t CROSS JOIN LATERAL (
         SELECT word FROM search_vocabulary
         WHERE t.token = $2 AND word LIKE t.token || '%' AND word <> t.token
           -- not after a short stop word ("de", "des"): the word is most likely complete
           AND (length(t.token) >= 4 OR (length(t.token) = 3 AND to_tsvector('${CONFIG}', t.token) <> ''))
         ORDER BY length(word), word LIMIT ${PREFIX_WORDS}
       ) v
       UNION ALL
       -- The nearest neighbours only: one edit away when there are any, else two.
       SELECT t.token, v.word FROM t CROSS JOIN LATERAL (
         SELECT n.word FROM (
         SELECT word, levenshtein(word, t.token) AS edits, min(levenshtein(word, t.token)) OVER () AS fewest
         FROM search_vocabulary
         WHERE t.token = ANY($3::text[]) AND length(t.token) >= 4 AND t.token !~ '[0-9]'
           -- only for a word that cannot match as typed, nor through a completion
           AND NOT EXISTS (SELECT 1 FROM search_vocabulary k
             WHERE k.stem = ANY(tsvector_to_array(to_tsvector('${CONFIG}', t.token))))
           AND NOT (t.token = $2 AND EXISTS (SELECT 1 FROM search_vocabulary k
             WHERE k.word LIKE t.token || '%' AND k.word <> t.token))
           AND word % t.token AND word <> t.token
           AND levenshtein(word, t.token) <= CASE WHEN length(t.token) >= 9 THEN 2 ELSE 1 END
         ) n WHERE n.edits = n.fewest
         ORDER BY similarity(n.word, t.token) DESC LIMIT 4
       ) v
     )
     SELECT t.token AS word,
            ARRAY(SELECT unnest(tsvector_to_array(to_tsvector('${CONFIG}', t.token)))) AS exact,
            (SELECT array_agg(DISTINCT lexeme ORDER BY lexeme) FROM words w,
               unnest(tsvector_to_array(to_tsvector('${CONFIG}', w.word))) AS lexeme WHERE w.token = t.token) AS lexemes,
            (SELECT bool_or(EXISTS (SELECT 1 FROM search_vocabulary v WHERE v.stem = lexeme)) FROM words w,
               unnest(tsvector_to_array(to_tsvector('${CONFIG}', w.word))) AS lexeme WHERE w.token = t.token) AS known
     FROM t`,
      [[...new Set(list)], prefixWord ?? '', [...typos]],
    );
  return new Map(
    found.map((r) => [r.word, { lexemes: r.lexemes ?? [], exact: r.exact, known: r.known === true }]),
  );
}

const ALL_VISIBILITIES: readonly DocumentVisibility[] = ['PUBLIC', 'MEMBERS'];

/**
 * Whether a document the viewer may see has this word (so that no hidden text leaks): the
 * last two months first, through the (month, tsv) index, which reads a small part of a
 * common word's postings; only then every month (a rare word's postings are short).
 */
function visibleSql(word: string, visibilities: string): string {
  const has = `d.visibility = ANY(${visibilities}::text[]) AND d.tsv @@ plainto_tsquery('${CONFIG}', ${word})`;
  const newest = `(SELECT month FROM ${TABLE} ORDER BY updated_at DESC, key LIMIT 1)`;
  return `(EXISTS (SELECT 1 FROM ${TABLE} d WHERE d.month >= ${newest} - 1 AND ${has})
    OR EXISTS (SELECT 1 FROM ${TABLE} d WHERE ${has}))`;
}

/**
 * Completions of the last word of `prefix` (search as you type): the shortest vocabulary
 * words it begins that a document the viewer may see contains, as whole queries.
 */
export async function completionsOf(
  dataSource: DataSource,
  prefix: string,
  visibilities: readonly DocumentVisibility[],
  limit: number,
): Promise<string[]> {
  const typed = words(prefix);
  const last = typed[typed.length - 1];
  if (last === undefined || last.length < 2 || visibilities.length === 0) return [];
  const found: { word: string }[] = await dataSource.query(
    `SELECT c.word FROM (
       SELECT word FROM search_vocabulary WHERE word LIKE $1 || '%' AND length(word) > 2
       ORDER BY length(word), word LIMIT $3 * 2
     ) c
     WHERE $4 OR ${visibleSql('c.word', '$2')}
     ORDER BY length(c.word), c.word LIMIT $3`,
    // A viewer who may see every visibility sees every document: no word to hide.
    [
      last.replace(/[\\%_]/g, '\\$&'),
      visibilities,
      limit,
      ALL_VISIBILITIES.every((v) => visibilities.includes(v)),
    ],
  );
  // What was typed before the last word stays as typed.
  const head = prefix.replace(/[\p{L}\p{N}]+$/u, '');
  return found.filter((r) => !isIgnoredWord(r.word)).map((r) => `${head}${r.word}`);
}

/**
 * Did-you-mean: each query word that no visible document has replaced by the nearest word
 * that one has (trigram similarity, at most a third of its letters changed); null when no
 * word needs replacing or none can be.
 */
export async function suggestionFor(
  dataSource: DataSource,
  query: string,
  visibilities: readonly DocumentVisibility[],
): Promise<string | null> {
  const typed = words(query);
  if (typed.length === 0 || visibilities.length === 0) return null;
  const found: { token: string; known: boolean; best: string | null }[] = await dataSource.query(
    `SELECT t.token,
            ${visibleSql('t.token', '$2')} AS known,
            (SELECT v.word FROM search_vocabulary v
             WHERE length(t.token) >= 3 AND t.token !~ '[0-9]' AND v.word % t.token
               AND levenshtein(v.word, t.token) <= greatest(1, length(t.token) / 3)
               AND ${visibleSql('v.word', '$2')}
             ORDER BY similarity(v.word, t.token) DESC, levenshtein(v.word, t.token), v.word LIMIT 1) AS best
     FROM unnest($1::text[]) AS t(token)`,
    [[...new Set(typed)], visibilities],
  );
  const byToken = new Map(found.map((r) => [r.token, r]));
  let changed = false;
  const suggested = typed.map((token) => {
    const row = byToken.get(token);
    if (!row || row.known || isIgnoredWord(token) || row.best === null) return token;
    changed = true;
    return row.best;
  });
  return changed ? suggested.join(' ') : null;
}
