import { foldText } from './fold';

/** French stop words (Meilisearch's list for this index; PostgreSQL's french dictionary drops most of them too). */
export const FRENCH_STOP_WORDS: readonly string[] = [
  ...['a', 'à', 'ai', 'ainsi', 'as', 'au', 'aussi', 'autre', 'aux', 'avec', 'avez', 'avoir', 'avons', 'c'],
  ...['ça', 'car', 'ce', 'ceci', 'cela', 'celle', 'celles', 'celui', 'ces', 'cet', 'cette', 'ceux', 'chez'],
  ...['comme', 'd', 'dans', 'de', 'des', 'donc', 'dont', 'du', 'elle', 'elles', 'en', 'entre', 'es', 'est'],
  ...['et', 'été', 'étaient', 'était', 'étant', 'êtes', 'être', 'eu', 'eux', 'il', 'ils', 'j', 'je', 'l'],
  ...['la', 'le', 'les', 'leur', 'leurs', 'lui', 'm', 'ma', 'mais', 'me', 'même', 'mes', 'moi', 'mon', 'n'],
  ...['ne', 'ni', 'nos', 'notre', 'nous', 'on', 'ont', 'or', 'ou', 'où', 'par', 'pas', 'pour', 'qu', 'que'],
  ...['quel', 'quelle', 'qui', 's', 'sa', 'sans', 'se', 'sera', 'ses', 'si', 'son', 'sont', 'sous', 'suis'],
  ...['sur', 't', 'ta', 'te', 'tes', 'toi', 'ton', 'tous', 'tout', 'toute', 'toutes', 'tu', 'un', 'une'],
  ...['vers', 'vos', 'votre', 'vous', 'y', 'no'],
];

/**
 * Words of questions people type (« comment réserver… », « quels critères… »): they say what
 * kind of answer is wanted, not what it is about, and never count against a document.
 */
export const QUESTION_WORDS: readonly string[] = [
  ...['comment', 'pourquoi', 'quand', 'combien', 'quoi', 'quels', 'quelles', 'lequel', 'laquelle'],
  ...['lesquels', 'lesquelles', 'faut', 'peut', 'peux', 'doit', 'dois', 'puis', 'est-ce', 'exemple'],
  ...['exemples', 'faire'],
];

/** Both lists, folded as query words are. */
export const IGNORED_QUERY_WORDS: ReadonlySet<string> = new Set(
  [...FRENCH_STOP_WORDS, ...QUESTION_WORDS].map((w) => foldText(w)),
);

export function isIgnoredWord(folded: string): boolean {
  return IGNORED_QUERY_WORDS.has(folded);
}
