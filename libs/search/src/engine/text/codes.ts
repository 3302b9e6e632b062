// Identifiers people type, in one normal form on the document side and the query side of
// both engines: each becomes one word of [a-z0-9] that no parser splits again.
//
// - legal references: `L2113-12`, `L. 2113-12`, `article L2112-2`, `R.2152-7`,
//   `CCP art. L2111-1` -> `l2113x12` (letter, article number, `x`, sub-number);
// - decree and law numbers: `2021-1104`, `décret n° 2021-254`, `n°2018-938` -> `n2021x254`;
// - CPV codes with or without the check digit: `30213100-6`, `30213100` -> `cpv30213100`;
// - SIRET and SIREN with spaces or dots: `243 452 601 00012` -> `24345260100012`.
// Département codes and years are plain numbers already, the same on both sides.

const LEGAL_REFERENCE = /(?<![a-z0-9])([lrd])\s?\.?\s?(\d{3,4})-(\d{1,3})(?:-(\d{1,3}))?(?![0-9])/g;
const NUMBERED_TEXT = /(?<![0-9a-z-])((?:19|20)\d{2})-(\d{1,5})(?![0-9-])/g;
const CPV = /(?<![0-9])(\d{8})(?:-\d)?(?![0-9-])/g;
const SPACED_SIRET = /(?<![0-9])(\d{3})[ .\u00a0](\d{3})[ .\u00a0](\d{3})(?:[ .\u00a0](\d{5}))?(?![0-9])/g;

function legal(letter: string, article: string, sub: string, third: string | undefined): string {
  return `${letter}${article}x${sub}${third ? `x${third}` : ''}`;
}

/**
 * The text with every identifier in its normal form (lower case; the rest of the text is
 * lower-cased and otherwise unchanged).
 */
export function normaliseCodes(text: string): string {
  return text
    .toLowerCase()
    .replace(
      SPACED_SIRET,
      (_m, a: string, b: string, c: string, d: string | undefined) => `${a}${b}${c}${d ?? ''}`,
    )
    .replace(
      LEGAL_REFERENCE,
      (_m, l: string, a: string, b: string, c: string | undefined) => ` ${legal(l, a, b, c)} `,
    )
    .replace(NUMBERED_TEXT, (_m, year: string, n: string) => ` n${year}x${n} `)
    .replace(CPV, (_m, digits: string) => ` cpv${digits} `)
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** The normal forms of the identifiers found in a text (document side). */
export function codeTokens(text: string): string[] {
  const found = new Set<string>();
  const lower = text.toLowerCase();
  for (const m of lower.matchAll(LEGAL_REFERENCE)) found.add(legal(m[1], m[2], m[3], m[4]));
  for (const m of lower.matchAll(NUMBERED_TEXT)) found.add(`n${m[1]}x${m[2]}`);
  for (const m of lower.matchAll(CPV)) found.add(`cpv${m[1]}`);
  for (const m of lower.matchAll(SPACED_SIRET)) found.add(`${m[1]}${m[2]}${m[3]}${m[4] ?? ''}`);
  return [...found];
}
