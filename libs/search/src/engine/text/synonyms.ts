import { words } from './fold';
import { isIgnoredWord } from './stop-words';

/**
 * Synonyms and acronyms of responsible public procurement: each line is a set of ways to say
 * one thing, all equivalent. Both engines expand queries with it (PostgreSQL at query time,
 * Meilisearch through its synonyms setting); synonyms.spec.ts has a test per line.
 */
export const SYNONYMS: readonly (readonly string[])[] = [
  ['iae', "insertion par l'activité économique"],
  ['siae', "structure d'insertion par l'activité économique", "structure d'insertion"],
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
];

/** A synonym as the words queries are matched on: folded, stop words left out. */
export function synonymWords(phrase: string): string[] {
  return words(phrase).filter((w) => !isIgnoredWord(w));
}

/** For each synonym (as its words joined by spaces), the other ways to say it. */
export const SYNONYM_ALTERNATIVES: ReadonlyMap<string, readonly string[][]> = (() => {
  const map = new Map<string, string[][]>();
  for (const line of SYNONYMS) {
    const forms = line.map(synonymWords);
    for (const form of forms) {
      const key = form.join(' ');
      const others = forms.filter((f) => f.join(' ') !== key);
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
