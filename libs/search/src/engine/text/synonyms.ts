import { words } from './fold';
import { isIgnoredWord } from './stop-words';

/**
 * Synonyms and acronyms of responsible public procurement: each line is a set of ways to say
 * one thing, all equivalent. Both engines expand queries with it (PostgreSQL at query time,
 * Meilisearch through its synonyms setting); synonyms.spec.ts has a test per line.
 */
export const SYNONYMS: readonly (readonly string[])[] = [
  ['iae', "insertion par l'activité économique"],
  [
    'siae',
    "structure d'insertion par l'activité économique",
    "structure d'insertion",
    "entreprise d'insertion",
    "atelier et chantier d'insertion",
    "chantier d'insertion",
  ],
  ['ea', 'entreprise adaptée'],
  ['esat', "établissement et service d'aide par le travail"],
  ['ess', 'économie sociale et solidaire'],
  ['rse', 'responsabilité sociétale des entreprises', 'responsabilité sociale des entreprises'],
  [
    'spaser',
    'schéma de promotion des achats socialement et écologiquement responsables',
    'schéma de promotion des achats responsables',
  ],
  ['ccp', 'code de la commande publique'],
  ['dce', 'dossier de consultation des entreprises'],
  ['cctp', 'cahier des clauses techniques particulières'],
  ['ccap', 'cahier des clauses administratives particulières'],
  ['boamp', 'bulletin officiel des annonces des marchés publics'],
  ['mapa', 'marché à procédure adaptée', 'procédure adaptée'],
  ['deee', "déchets d'équipements électriques et électroniques"],
  ['egalim', 'loi egalim', 'n2018x938'],
  ['agec', 'loi anti-gaspillage pour une économie circulaire', 'n2020x105'],
  ['rgesn', "référentiel général d'écoconception des services numériques"],
  ['réemploi', 'reconditionné', 'seconde main'],
  ['bio', 'biologique'],
  ['véhicule propre', 'faibles émissions', 'véhicule électrique'],
  ['produits locaux', 'circuits courts', 'producteurs locaux'],
  ['cantine', 'restauration scolaire'],
  ['travailleurs handicapés', 'handicap'],
  ['numérique responsable', 'sobriété numérique'],
  ['site internet', 'site web', 'portail'],
  ['électricité verte', 'électricité renouvelable', "électricité d'origine renouvelable"],
  ['chu', 'centre hospitalier universitaire', 'hôpital', 'hospitalier'],
];

/** A synonym as the words queries are matched on: folded, stop words left out. */
export function synonymWords(phrase: string): string[] {
  return words(phrase).filter((w) => !isIgnoredWord(w));
}

/** A word without its plural ending, so that « entreprises adaptées » names « entreprise adaptée ». */
export function singular(word: string): string {
  return word.length > 3 ? word.replace(/[sx]$/, '') : word;
}

/** The key a span of query words is looked up by. */
export function synonymKey(list: readonly string[]): string {
  return list.map(singular).join(' ');
}

/** Another way to say a synonym: its words, and whether they follow each other (a phrase). */
export interface SynonymForm {
  words: string[];
  phrase: boolean;
}

/** For each synonym (as its words' synonymKey), the other ways to say it. */
export const SYNONYM_ALTERNATIVES: ReadonlyMap<string, readonly SynonymForm[]> = (() => {
  const map = new Map<string, SynonymForm[]>();
  for (const line of SYNONYMS) {
    // A phrase when no stop word sits between its words: « produits locaux » is not « locaux … produits ».
    const forms = line.map((phrase) => {
      const kept = synonymWords(phrase);
      return { words: kept, phrase: kept.length > 1 && kept.length === words(phrase).length };
    });
    for (const form of forms) {
      const key = synonymKey(form.words);
      const others = forms.filter((f) => synonymKey(f.words) !== key);
      map.set(key, [...(map.get(key) ?? []), ...others]);
    }
  }
  return map;
})();

/** The longest synonym, in words. */
export const LONGEST_SYNONYM = Math.max(...[...SYNONYM_ALTERNATIVES.keys()].map((k) => k.split(' ').length));

/**
 * Meilisearch's synonyms setting: every form of a line maps to the others (its own
 * normalisation does the rest: lower case, accents).
 */
export function meilisearchSynonyms(): Record<string, string[]> {
  const synonyms: Record<string, string[]> = {};
  for (const line of SYNONYMS)
    for (const form of line) synonyms[form] = [...(synonyms[form] ?? []), ...line.filter((f) => f !== form)];
  return synonyms;
}
