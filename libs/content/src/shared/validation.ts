import { FieldErrors, isValidDepartmentCode, normaliseCpv } from '@resocc/core';
import type { Consideration } from './enums';

export const LIMITS = {
  title: 200,
  summary: 1000,
  body: 50_000,
  outcomes: 5000,
  themes: 8,
  cpvCodes: 10,
  legalReferences: 20,
  legalReference: 200,
  changeNote: 1000,
  variables: 50,
  variableLabel: 200,
  options: 30,
  option: 200,
  templateIds: 20,
} as const;

/** NFC, trimmed; keeps inner line breaks (Markdown). */
export function cleanMultiline(value: string): string {
  return value.normalize('NFC').replace(/\r\n?/g, '\n').trim();
}

export function cleanLine(value: string): string {
  return value.normalize('NFC').replace(/\s+/g, ' ').trim();
}

export function requiredText(
  value: string,
  path: string,
  max: number,
  errors: FieldErrors,
  label: string,
): string {
  const clean = cleanMultiline(value);
  if (errors.check(clean.length > 0, path, `${label} est obligatoire.`)) {
    errors.check(
      clean.length <= max,
      path,
      `${label} ne peut dépasser ${max.toLocaleString('fr-FR')} caractères.`,
    );
  }
  return clean;
}

export function optionalText(
  value: string | null | undefined,
  path: string,
  max: number,
  errors: FieldErrors,
  label: string,
): string | null {
  if (value == null) return null;
  const clean = cleanMultiline(value);
  if (clean === '') return null;
  errors.check(
    clean.length <= max,
    path,
    `${label} ne peut dépasser ${max.toLocaleString('fr-FR')} caractères.`,
  );
  return clean;
}

/** Theme slugs: known ones only, no duplicates, at most LIMITS.themes. */
export function themeSlugs(
  values: readonly string[],
  path: string,
  known: ReadonlySet<string>,
  errors: FieldErrors,
): string[] {
  const slugs = [...new Set(values.map((v) => v.trim()))];
  errors.check(slugs.length <= LIMITS.themes, path, `${LIMITS.themes} thèmes au maximum.`);
  slugs.forEach((slug, i) => {
    errors.check(known.has(slug), `${path}.${i}`, `Thème inconnu : « ${slug.slice(0, 64)} ».`);
  });
  return slugs;
}

export function considerations(
  values: readonly Consideration[],
  path: string,
  errors: FieldErrors,
): Consideration[] {
  const unique = [...new Set(values)];
  errors.check(unique.length > 0, path, 'Indiquez au moins une considération (sociale ou environnementale).');
  return unique;
}

export function cpvCodes(
  values: readonly string[] | null | undefined,
  path: string,
  errors: FieldErrors,
): string[] {
  const codes: string[] = [];
  const list = values ?? [];
  errors.check(list.length <= LIMITS.cpvCodes, path, `${LIMITS.cpvCodes} codes CPV au maximum.`);
  list.forEach((value, i) => {
    const code = normaliseCpv(value);
    if (
      errors.check(
        code !== null,
        `${path}.${i}`,
        `Code CPV invalide : « ${value.slice(0, 20)} » (attendu : 8 chiffres, éventuellement suivis de -N).`,
      )
    ) {
      if (!codes.includes(code as string)) codes.push(code as string);
    }
  });
  return codes;
}

export function contractYear(
  value: number | null | undefined,
  path: string,
  errors: FieldErrors,
  now = new Date(),
): number | null {
  if (value == null) return null;
  const max = now.getFullYear() + 1;
  errors.check(
    Number.isInteger(value) && value >= 2000 && value <= max,
    path,
    `L'année du marché doit être comprise entre 2000 et ${max}.`,
  );
  return value;
}

export function departmentCode(
  value: string | null | undefined,
  path: string,
  errors: FieldErrors,
): string | null {
  if (value == null || value.trim() === '') return null;
  const code = value.trim().toUpperCase();
  errors.check(
    isValidDepartmentCode(code),
    path,
    "Ce code de département INSEE n'existe pas (attendu : 01 à 95, 2A, 2B ou 971 à 976).",
  );
  return code;
}
