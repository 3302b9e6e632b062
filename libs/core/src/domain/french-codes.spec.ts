import { isValidDepartmentCode, isValidSiren, isValidSiret, luhnValid, normaliseCpv } from './french-codes';

describe('SIRET', () => {
  it('accepts real-looking numbers whose Luhn sum is a multiple of 10', () => {
    expect(isValidSiret('21340172200011')).toBe(true);
    expect(isValidSiret('73282932000074')).toBe(true);
  });

  it('refuses a wrong check digit, wrong lengths and non-digits', () => {
    expect(isValidSiret('21340172200015')).toBe(false);
    expect(isValidSiret('2134017220001')).toBe(false);
    expect(isValidSiret('213401722000150')).toBe(false);
    expect(isValidSiret('2134017220001A')).toBe(false);
  });

  it("applies La Poste's exception: digit sum a multiple of 5", () => {
    const candidates = Array.from({ length: 100 }, (_, i) => `356000000${String(i).padStart(5, '0')}`);
    const bySum = candidates.filter((s) => [...s].reduce((a, c) => a + Number(c), 0) % 5 === 0);
    const sumOnly = bySum.find((s) => !luhnValid(s));
    const luhnOnly = candidates.find(
      (s) => luhnValid(s) && [...s].reduce((a, c) => a + Number(c), 0) % 5 !== 0,
    );
    expect(sumOnly).toBeDefined();
    expect(isValidSiret(sumOnly as string)).toBe(true);
    expect(luhnOnly).toBeDefined();
    expect(isValidSiret(luhnOnly as string)).toBe(false);
  });

  it('checks SIREN with Luhn', () => {
    expect(isValidSiren('213401722')).toBe(true);
    expect(isValidSiren('213401723')).toBe(false);
  });
});

describe('département codes', () => {
  it('accepts every metropolitan, Corsican and overseas code', () => {
    for (const code of ['01', '09', '34', '95', '2A', '2B', '971', '974', '976']) {
      expect(isValidDepartmentCode(code)).toBe(true);
    }
  });

  it('refuses everything else', () => {
    for (const code of ['00', '20', '96', '970', '977', '1', '034', '2a', 'AB', '']) {
      expect(isValidDepartmentCode(code)).toBe(false);
    }
  });
});

describe('CPV codes', () => {
  it('keeps the 8 digits with or without the check digit', () => {
    expect(normaliseCpv('45000000-7')).toBe('45000000');
    expect(normaliseCpv('30213100')).toBe('30213100');
  });

  it('refuses other shapes', () => {
    for (const code of ['4500000', '45000000-77', '45000000-', 'ABCDEFGH', '45 000 000']) {
      expect(normaliseCpv(code)).toBeNull();
    }
  });
});
