import { normaliseCodes } from './codes';
import { words } from './fold';
import { isIgnoredWord } from './stop-words';
import { LONGEST_SYNONYM, SYNONYM_ALTERNATIVES, synonymKey } from './synonyms';

/** Query words taken into account (the rest of a long query is ignored). */
export const MAX_QUERY_WORDS = 12;

/**
 * One thing the query asks for: a word, or a span of words that a synonym names. A document
 * matches it when it has the words of `words` (the last typed word may be a prefix) or all
 * the words of one of the `alternatives`.
 */
export interface QueryTerm {
  words: string[];
  alternatives: string[][];
  /** For each alternative: its words must follow each other. */
  phrases: boolean[];
  /** The query's last word, still being typed: completions count (search as you type). */
  prefix: boolean;
}

/**
 * The query as terms: identifiers in their normal form, lower case without accents, stop
 * words and question words left out (unless the query has nothing else), spans that a
 * synonym names merged into one term, longest first.
 */
export function analyseQuery(query: string): QueryTerm[] {
  const typed = words(normaliseCodes(query));
  const endsInWord = /[\p{L}\p{N}]$/u.test(query);
  const kept = typed.filter((w) => !isIgnoredWord(w));
  const base = (kept.length > 0 ? kept : typed).slice(0, MAX_QUERY_WORDS);
  const lastTyped = typed[typed.length - 1];
  const terms: QueryTerm[] = [];
  for (let i = 0; i < base.length;) {
    let taken = 1;
    let alternatives: string[][] = [];
    let phrases: boolean[] = [];
    for (let n = Math.min(LONGEST_SYNONYM, base.length - i); n >= 1; n--) {
      const found = SYNONYM_ALTERNATIVES.get(synonymKey(base.slice(i, i + n)));
      if (found) {
        taken = n;
        alternatives = found.map((a) => [...a.words]);
        phrases = found.map((a) => a.phrase);
        break;
      }
    }
    const span = base.slice(i, i + taken);
    i += taken;
    terms.push({
      words: span,
      alternatives,
      phrases,
      prefix: endsInWord && i === base.length && span[span.length - 1] === lastTyped && taken === 1,
    });
  }
  return terms;
}
