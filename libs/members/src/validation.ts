import { FieldErrors, compactIdentifier, isValidDepartmentCode, isValidSiret } from '@resocc/core';
import type { OrganisationInput } from './organisations/dto/organisation.input';
import type { OrganisationKind } from './organisations/organisation.entity';
import type { NewUserInput } from './users/dto/new-user.input';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/** Trimmed, NFC, lower case: the form e-mail addresses are stored and compared in. */
export function normaliseEmail(email: string): string {
  return email.normalize('NFC').trim().toLowerCase();
}

const EMAIL = /^[^\s@"(),:;<>[\\\]]+@[^\s@"(),:;<>[\\\]]+\.[^\s@"(),:;<>[\\\]]{2,}$/u;

function cleanText(value: string): string {
  return value.normalize('NFC').replace(/\s+/g, ' ').trim();
}

export interface ValidOrganisation {
  name: string;
  siret: string;
  kind: OrganisationKind;
  departmentCode: string;
  website: string | null;
}

export function validateOrganisation(
  input: OrganisationInput,
  prefix: string,
  errors: FieldErrors,
): ValidOrganisation {
  const name = cleanText(input.name);
  errors.check(
    name.length >= 2 && name.length <= 200,
    `${prefix}.name`,
    'Le nom doit compter de 2 à 200 caractères.',
  );
  const siret = compactIdentifier(input.siret);
  if (
    errors.check(/^\d{14}$/.test(siret), `${prefix}.siret`, 'Le SIRET doit compter exactement 14 chiffres.')
  ) {
    errors.check(
      isValidSiret(siret),
      `${prefix}.siret`,
      "Ce SIRET n'est pas valide (clé de contrôle incorrecte).",
    );
  }
  const departmentCode = input.departmentCode.trim().toUpperCase();
  errors.check(
    isValidDepartmentCode(departmentCode),
    `${prefix}.departmentCode`,
    "Ce code de département INSEE n'existe pas (attendu : 01 à 95, 2A, 2B ou 971 à 976).",
  );
  let website: string | null = null;
  const rawWebsite = input.website?.trim() ?? '';
  if (rawWebsite !== '') {
    let url: URL | null = null;
    try {
      url = new URL(rawWebsite);
    } catch {
      url = null;
    }
    if (
      errors.check(
        url !== null && (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.'),
        `${prefix}.website`,
        'Le site web doit être une adresse http:// ou https:// complète.',
      ) &&
      errors.check(
        rawWebsite.length <= 300,
        `${prefix}.website`,
        "L'adresse du site web dépasse 300 caractères.",
      )
    ) {
      website = url?.toString() ?? null;
    }
  }
  return { name, siret, kind: input.kind, departmentCode, website };
}

export interface ValidNewUser {
  email: string;
  password: string;
  displayName: string;
}

export function validatePassword(password: string, path: string, errors: FieldErrors): void {
  errors.check(
    [...password].length >= PASSWORD_MIN_LENGTH,
    path,
    `Le mot de passe doit compter au moins ${PASSWORD_MIN_LENGTH} caractères.`,
  );
  errors.check(
    password.length <= PASSWORD_MAX_LENGTH,
    path,
    `Le mot de passe ne peut dépasser ${PASSWORD_MAX_LENGTH} caractères.`,
  );
}

export function validateNewUser(input: NewUserInput, prefix: string, errors: FieldErrors): ValidNewUser {
  const email = normaliseEmail(input.email);
  errors.check(
    email.length <= 254 && EMAIL.test(email),
    `${prefix}.email`,
    "Cette adresse e-mail n'est pas valide.",
  );
  validatePassword(input.password, `${prefix}.password`, errors);
  const displayName = cleanText(input.displayName);
  errors.check(
    displayName.length >= 2 && displayName.length <= 100,
    `${prefix}.displayName`,
    'Le nom affiché doit compter de 2 à 100 caractères.',
  );
  return { email, password: input.password, displayName };
}

/** Reasons of administrative decisions are shown to the people concerned. */
export function validateReason(reason: string, path: string, errors: FieldErrors): string {
  const clean = reason.normalize('NFC').trim();
  errors.check(clean.length >= 3, path, 'Indiquez un motif (3 caractères au moins).');
  errors.check(clean.length <= 2000, path, 'Le motif ne peut dépasser 2 000 caractères.');
  return clean;
}
