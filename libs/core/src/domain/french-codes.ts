// French public-procurement identifiers (see shared/design/domain.md).

/** Luhn: from the right, double every second digit; valid when the sum is a multiple of 10. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

const LA_POSTE_SIREN = '356000000';

/** Removes the spaces, dots and dashes people type in SIRET and SIREN numbers. */
export function compactIdentifier(value: string): string {
  return value.replace(/[\s.\u00a0-]/g, '');
}

/**
 * SIRET: 14 digits passing Luhn; La Poste's establishments (SIREN 356000000) are valid
 * when the plain sum of the 14 digits is a multiple of 5.
 */
export function isValidSiret(siret: string): boolean {
  if (!/^\d{14}$/.test(siret)) return false;
  if (siret.startsWith(LA_POSTE_SIREN)) {
    const sum = [...siret].reduce((acc, c) => acc + Number(c), 0);
    return sum % 5 === 0;
  }
  return luhnValid(siret);
}

export function isValidSiren(siren: string): boolean {
  return /^\d{9}$/.test(siren) && luhnValid(siren);
}

const DEPARTMENT_CODES: ReadonlySet<string> = new Set([
  ...Array.from({ length: 95 }, (_, i) => String(i + 1).padStart(2, '0')).filter((code) => code !== '20'),
  '2A',
  '2B',
  '971',
  '972',
  '973',
  '974',
  '975',
  '976',
]);

/** Every INSEE département code: 01-95 (Corsica as 2A and 2B, not 20) and 971-976. */
export function isValidDepartmentCode(code: string): boolean {
  return DEPARTMENT_CODES.has(code);
}

/** The 13 départements of Occitanie (region 76). */
export const OCCITANIE_DEPARTMENTS: Readonly<Record<string, string>> = {
  '09': 'Ariège',
  '11': 'Aude',
  '12': 'Aveyron',
  '30': 'Gard',
  '31': 'Haute-Garonne',
  '32': 'Gers',
  '34': 'Hérault',
  '46': 'Lot',
  '48': 'Lozère',
  '65': 'Hautes-Pyrénées',
  '66': 'Pyrénées-Orientales',
  '81': 'Tarn',
  '82': 'Tarn-et-Garonne',
};

/** CPV codes: 8 digits with an optional "-d" check digit; returns the 8 digits, or null. */
export function normaliseCpv(code: string): string | null {
  const match = /^(\d{8})(-\d)?$/.exec(code.trim());
  return match ? match[1] : null;
}
