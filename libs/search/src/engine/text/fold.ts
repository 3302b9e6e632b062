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

/** Lower case, accents removed (œ and æ spelt out). */
export function foldText(text: string): string {
  let plain = text.toLowerCase();
  // Unicode decomposition is slow: only for texts with letters beyond the common ones.
  if (OTHER_NON_ASCII.test(plain)) plain = plain.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return plain.replace(FOLDABLE, (c) => FOLDED[c] ?? c);
}

/** Lower case, accents removed, split into [a-z0-9] words. */
export function words(text: string): string[] {
  return foldText(text)
    .split(/[^a-z0-9]+/)
    .filter((t) => t.length > 0);
}
