/** Names and settings shared by the parts of the PostgreSQL engine. */
export const CONFIG = 'french_unaccent';
export const TABLE = 'search_document';
export const BATCH = 1000;

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** A lexeme quoted for tsquery text (never parsed again). */
export function quoteLexeme(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}
